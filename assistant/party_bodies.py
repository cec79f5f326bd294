"""Which bodies a question names are the Party's: a body written as an organ of another
organization ("Ban Chấp hành Công đoàn", "bí thư đoàn") is that organization's."""

from __future__ import annotations

from ingest.bodies import MEMBER, find_bodies, organization_mentions
from ingest.normalize import fold

# A body written right before an organization's name, or joined to it by "của", is that
# organization's organ ("Ban Chấp hành Công đoàn", "BTV Tỉnh đoàn"), not a Party body
# ("huyện ủy với công an" names both); so is one before the organization's committee
# ("Ban Thường trực Ủy ban Mặt trận": the standing board of the Front's committee).
_OWNED_BY = frozenset({(), ("cua",), ("uy", "ban"), ("cua", "uy", "ban")})


def party_bodies(text: str) -> list[str]:
    """The Party bodies ``text`` names, without those that belong to an organization."""
    folded = fold(text)
    organizations = organization_mentions(text)
    # "Đoàn Thanh niên ... bí thư đoàn": an organization named once is then called by
    # its head noun, and a body before that noun is its organ too
    heads = {fold(text[o.start : o.end]).split()[0] for o in organizations}
    mentions = find_bodies(text)
    own: list[str] = []
    for mention in mentions:
        after = next((o for o in organizations if o.start >= mention.end), None)
        gap = tuple(folded[mention.end : after.start].split()) if after is not None else None
        following = folded[mention.end :].split()[:1]
        # "Ban cán sự đảng Ủy ban nhân dân", "Đảng ủy Công an": a body that names the Party
        # in its own name is the Party's organ in that organization, never the organization's
        partys = "dang" in f"{fold(mention.body)} {folded[mention.start : mention.end]}".split()
        if partys or (gap not in _OWNED_BY and not (following and following[0] in heads)):
            own.append(mention.body)
    # "Hội đồng quản trị công ty ... cần bao nhiêu thành viên": members named after an
    # organization, with no committee of the Party, are the organization's
    first = min((o.start for o in organizations), default=None)
    members_only = all(body == MEMBER for body in own)
    if first is not None and members_only:
        return [m.body for m in mentions if m.body == MEMBER and m.start < first]
    return own


__all__ = ["party_bodies"]
