"""One answer made of the answers to each ask of a message, in the order they were asked.

"Ai chủ trì, tờ trình nộp trước mấy hôm, ai giữ sổ họp?" is three questions about one
meeting; their clauses are often in different articles, and the best single clause
answers only some. The message is answered whole; an ask whose words that answer's quotes
do not cover is then answered on its own (its own citation, its own number from the rule
module) and added, headed by its words; one no provision answers says so.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.models import Answer

NOT_FOUND = "Không tìm thấy quy định trả lời ý này trong các văn bản đã nạp."


def combine(whole: Answer, rest: Sequence[tuple[str, Answer]]) -> Answer:
    """The answer to the whole message, then one block for each ask it left unanswered,
    headed by that ask's own words. A refused whole gives way to the asks answered."""
    answered = [a for _, a in rest if a.kind != "refusal"]
    if not answered:
        return whole
    kept = [whole] if whole.kind != "refusal" else []
    base = kept[0] if kept else answered[0]
    blocks = [a.answer for a in kept]
    citations = [c for a in kept for c in a.citations]
    documents = [d for a in kept for d in a.documents]
    notes = list(base.notes)
    numeric = whole.numeric
    for piece, answer in rest:
        if answer.kind == "refusal":
            blocks.append(f"Về ý «{piece}»: {NOT_FOUND}")
            continue
        shown = "\n".join(blocks)
        if all(c.quote.strip() in shown for c in answer.citations):
            continue  # answered from clauses already quoted: nothing new to add
        blocks.append(f"Về ý «{piece}»:\n{answer.answer}")
        citations += [c for c in answer.citations if c not in citations]
        documents += [d for d in answer.documents if d not in documents]
        notes += [x for x in answer.notes if x not in notes]
        numeric = numeric or answer.numeric
    return base.model_copy(
        update={
            "answer": "\n\n".join(blocks),
            "citations": citations,
            "documents": documents,
            "notes": notes,
            "numeric": numeric,
        }
    )
