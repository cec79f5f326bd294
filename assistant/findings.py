"""Where documents agree and where they differ, said from what each answers in a word
(Answer.findings): the deciding body, or the value a rule sets."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from assistant.models import Finding


def findings_summary(findings: Sequence[Finding], names: Mapping[str, str]) -> str:
    """ "Giống nhau: Ban Thường vụ (A, B)." or "Khác nhau: Ban Thường vụ (A); Thường trực
    (B)." from the documents' findings; "" with fewer than two documents."""
    by_value: dict[str, list[str]] = {}
    for finding in findings:
        name = names.get(finding.document_id, finding.document_id)
        by_value.setdefault(finding.value, []).append(name)
    if sum(len(v) for v in by_value.values()) < 2:
        return ""
    parts = "; ".join(f"{value} ({', '.join(docs)})" for value, docs in by_value.items())
    return f"{'Giống nhau' if len(by_value) == 1 else 'Khác nhau'}: {parts}."
