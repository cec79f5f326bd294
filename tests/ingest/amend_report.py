"""Print the article-by-article check of the made-up amendment (for a review note):

    python -m tests.ingest.amend_report

Each article of the consolidated regulation against the expected wording of
``test_consolidate.CONSOLIDATED``, what changed it, and the first line that differs between
the wording in force the day before and the day the decision took effect.
"""

from __future__ import annotations

import sys

from ingest.consolidate import consolidate, version_at
from tests.ingest.test_consolidate import CONSOLIDATED, REGULATION_ID, loaded

BEFORE, AFTER = "2024-05-31", "2024-06-01"


def _lines(text: str | None) -> list[str]:
    return text.split("\n") if text is not None else ["(chưa có)"]


def _shown(before: str | None, after: str | None) -> tuple[str, str]:
    """The first line where the two wordings differ (the last line when they agree)."""
    old, new = _lines(before), _lines(after)
    for i in range(max(len(old), len(new))):
        a = old[i] if i < len(old) else "—"
        b = new[i] if i < len(new) else "—"
        if a != b:
            return a[:48], b[:48]
    return old[-1][:48], new[-1][:48]


def main() -> int:
    view = consolidate(loaded())
    regulation = view.documents[REGULATION_ID]
    failures = 0
    print(f"{'Điều':<5} {'khớp':<5} {'thay đổi':<16} {BEFORE:<50} {AFTER}")
    for article in regulation.articles:
        title, body = CONSOLIDATED.get(article.label, ("", ""))
        expected = f"Điều {article.label}. {title}\n{body}".strip()
        ok = article.text == expected
        failures += not ok
        history = regulation.article_history(article.number, article.suffix)
        change = history.versions[-1].change if history is not None else "—"
        before = version_at(regulation, article.number, article.suffix, BEFORE)
        after = version_at(regulation, article.number, article.suffix, AFTER)
        old, new = _shown(before.text if before else None, after.text if after else None)
        print(f"{article.label:<5} {'OK' if ok else 'SAI':<5} {change:<16} {old:<50} {new}")
    for notice in view.notices:
        print(f"lưu ý: {notice}")
    print(f"{len(regulation.articles) - failures}/{len(regulation.articles)} điều khớp")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
