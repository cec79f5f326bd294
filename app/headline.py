"""The first line of an answer, from its typed fields: what a reader wants before the rest.

A numeric answer leads with its computed result and unit ("10 người"), or the value as the
rule writes it; any other answer leads with its first sentence, which the assistant writes
as the deciding body and its verb ("Ban Thường vụ quyết định."), "có / không", or why it
refuses (the kind itself is the badge above it). The rest of the answer text follows.
"""

from __future__ import annotations

import re

from assistant.findings import findings_summary
from assistant.models import Answer

# A sentence ends at . ! ? followed by spaces and a capital or an opening quote.
_SENTENCE_END = re.compile(r"[.!?]\s+")


def first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, the rest), both stripped; the whole text when it is one sentence."""
    text = text.strip()
    for end in _SENTENCE_END.finditer(text):
        following = text[end.end() : end.end() + 1]
        if following and (following.isupper() or following in '"“«('):
            return text[: end.start() + 1].strip(), text[end.end() :].strip()
    return text, ""


def document_lead(answer: Answer) -> str:
    """ "Theo <title> (<number>)": how the assistant opens an answer from one of its
    documents, rebuilt from the typed :class:`DocumentRef` (as ``short_name`` writes it);
    "" when the answer does not open so."""
    for ref in answer.documents:
        extra = ref.number or ref.issuing_body
        lead = f"Theo {ref.title} ({extra})" if extra else f"Theo {ref.title}"
        after = answer.answer[len(lead) : len(lead) + 1]
        if ref.title and answer.answer.startswith(lead) and after in (":", ","):
            return lead
    return ""


def headline(answer: Answer) -> tuple[str, str]:
    """(bold first line, the short text after it). An answer that opens with the document
    it comes from leads with what follows, and names the document after it."""
    numeric = answer.numeric
    if answer.kind == "numeric" and numeric is not None:
        if numeric.unspecified:
            return "Quy chế để trống giá trị này", answer.answer
        lead = numeric.result or " ".join(x for x in (numeric.value, numeric.basis) if x)
        return lead, answer.answer
    source = document_lead(answer)
    if len({f.document_id for f in answer.findings}) >= 2:
        # several documents: where they agree and where they differ leads
        names = {d.document_id: d.number or d.issuing_body or d.title for d in answer.documents}
        return findings_summary(answer.findings, names), answer.answer
    if len(answer.findings) == 1 and len(answer.documents) == 1 and answer.kind == "answer":
        # a who-decides answer from one document: the deciding body, typed, leads
        return answer.findings[0].value, answer.answer
    if answer.steps:
        # a procedure: its steps are drawn as a numbered list under this line
        return f"Trình tự gồm {len(answer.steps)} bước", source
    if not source:
        return first_sentence(answer.answer)
    first, rest = first_sentence(answer.answer[len(source) + 1 :])
    return first[:1].upper() + first[1:], f"{source}. {rest}".strip()
