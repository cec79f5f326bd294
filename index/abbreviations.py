"""Abbreviations used in Party documents and in questions, expanded at index and query
time (the original token is kept), so "BTV" finds "Ban Thường vụ" and back.

Keys are folded (no diacritics, lower-case). Expansions keep diacritics: the dense
retriever sees them too, and folding them is cheap.
"""

from __future__ import annotations

from functools import lru_cache

from ingest.normalize import canonical, fold

# Abbreviations that are not Vietnamese syllables: safe to expand in any case.
ABBREVIATIONS: dict[str, str] = {
    "btv": "ban thường vụ",
    "bch": "ban chấp hành",
    "tttu": "thường trực tỉnh ủy",
    "tthu": "thường trực huyện ủy",
    "ttdu": "thường trực đảng ủy",
    "ubkt": "ủy ban kiểm tra",
    "hdnd": "hội đồng nhân dân",
    "ubnd": "ủy ban nhân dân",
    "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "bcs": "ban cán sự",
    "bcsd": "ban cán sự đảng",
    "bbt": "ban bí thư",
    "bct": "bộ chính trị",
    "tw": "trung ương",
    "duk": "đảng ủy khối",
    "uv": "ủy viên",
    "uvbtv": "ủy viên ban thường vụ",
    "uvbch": "ủy viên ban chấp hành",
    "dv": "đảng viên",
    "pbt": "phó bí thư",
    "btc": "ban tổ chức",
    "btg": "ban tuyên giáo",
    "bdv": "ban dân vận",
    "bnc": "ban nội chính",
    "dbqh": "đại biểu quốc hội",
    "qc": "quy chế",
    "qd": "quyết định",
    "qdi": "quy định",
    "nq": "nghị quyết",
    "ct": "chỉ thị",
    "kl": "kết luận",
    "cq": "cơ quan",
    "ctn": "chủ tịch nước",
    "ktv": "kiểm tra viên",
    "cbcc": "cán bộ công chức",
    "tcd": "tổ chức đảng",
    "tcsd": "tổ chức cơ sở đảng",
    "vp": "văn phòng",
    "vptu": "văn phòng tỉnh ủy",
    "vphu": "văn phòng huyện ủy",
    "vpdu": "văn phòng đảng ủy",
    "vptw": "văn phòng trung ương",
}

# Abbreviations that are also syllables ("tu" is tư/từ/tự), or everyday shorthand: expanded
# only when typed in capitals. Keyed by the canonical (lower-case, diacritics kept) form.
UPPERCASE_ABBREVIATIONS: dict[str, str] = {
    "tu": "tỉnh ủy",
    "tư": "trung ương",
    "hu": "huyện ủy",
    "đu": "đảng ủy",
    "tv": "thường vụ",
    "tt": "thường trực",
    # typed small, "bt" is chat shorthand for "bình thường"
    "bt": "bí thư",
}

# Bodies a question may ask about. Matched leftmost-longest on folded text, so
# "phó bí thư" is not also "bí thư" and "ban bí thư" is neither.
BODIES: tuple[str, ...] = (
    "ban chấp hành",
    "ban thường vụ",
    "thường trực",
    "bí thư",
    "phó bí thư",
    "ban bí thư",
    "bộ chính trị",
    "ủy ban kiểm tra",
    "ban cán sự đảng",
    "ban cán sự",
    "đảng ủy khối",
    "đảng đoàn",
    "ủy viên ban thường vụ",
    "ủy viên ban chấp hành",
    "cấp ủy viên",
    "văn phòng",
    "hội đồng nhân dân",
    "ủy ban nhân dân",
    "mặt trận tổ quốc",
    "chủ tịch",
    "phó chủ tịch",
    "đảng viên",
    "tổ chức cơ sở đảng",
    "các ban",
)


@lru_cache(maxsize=65536)
def expansion(token: str) -> str:
    """The expansion of one typed token ("BTV", "HĐND", "TU"), or "" when it is none."""
    folded = fold(token)
    found = ABBREVIATIONS.get(folded, "")
    if found:
        return found
    if len(token) >= 2 and token.isupper():
        return UPPERCASE_ABBREVIATIONS.get(canonical(token), "")
    return ""


__all__ = ["ABBREVIATIONS", "BODIES", "UPPERCASE_ABBREVIATIONS", "expansion"]
