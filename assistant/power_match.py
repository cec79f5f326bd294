"""How well a clause's powers answer a who-question: the share of a power's action (a
verbatim span of the table of powers, ingest/powers.py) that the question writes.

"Ai triệu tập họp bất thường?" is answered by the clause where a body holds "họp bất
thường khi cần thiết", not by one that mentions an extraordinary meeting in passing."""

from __future__ import annotations

from collections.abc import Sequence

from assistant.terms import content_syllables
from ingest.normalize import fold
from ingest.powers import Power

Place = tuple[str, str, int, int | None]


class PowerMatch:
    """The actions held at each clause, as sets of folded content syllables."""

    def __init__(self, powers: Sequence[Power]) -> None:
        self._at: dict[Place, list[frozenset[str]]] = {}
        for p in powers:
            action = frozenset(fold(w) for w in content_syllables(p.action))
            if action:
                self._at.setdefault((p.document_id, p.part, p.article, p.clause), []).append(action)

    def share(self, place: Place, asked: frozenset[str]) -> float:
        """The largest share of one action at ``place`` that ``asked`` (folded syllables
        of the question) writes; 0 where the clause holds no power."""
        return max((len(a & asked) / len(a) for a in self._at.get(place, ())), default=0.0)


__all__ = ["PowerMatch"]
