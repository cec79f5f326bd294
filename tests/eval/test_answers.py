from __future__ import annotations

from assistant.models import Answer, Citation, NumericResult
from eval.answers import grade, summarize, wrong_refusal
from eval.gold_set import GoldItem, Target

TEXT = "Điều 6. Hội nghị\n1. Hội nghị chỉ hợp lệ khi có ít nhất hai phần ba số ủy viên dự."


def item(**kw: object) -> GoldItem:
    base: dict[str, object] = {
        "id": "q1",
        "split": "dev",
        "category": "numeric",
        "question": "bao nhiêu?",
        "expected": [Target(document_id="d", part="regulation", article=6, clause=1)],
        "facts": ["hai phần ba"],
    }
    base.update(kw)
    return GoldItem.model_validate(base)


def citation(
    article: int = 6, clause: int | None = 1, quote: str = "ít nhất hai phần ba"
) -> Citation:
    return Citation(
        document_id="d",
        document_title="Quy chế",
        source_file="d.txt",
        part="regulation",
        chapter="",
        article=article,
        clause=clause,
        quote=quote,
        cite_as=f"khoản {clause} Điều {article}",
    )


def test_right_numeric_answer_passes_every_check() -> None:
    answer = Answer(
        question="?",
        kind="numeric",
        answer="Cần 2/3 số ủy viên.",
        citations=[citation()],
        numeric=NumericResult(kind="quorum", value="2/3"),
    )
    out = grade(item(), answer, {"d": TEXT})
    assert out.citation_article and out.citation_clause and out.facts_ok
    assert out.verbatim and out.numeric_ok and not out.failed


def test_wrong_clause_and_invented_quote_fail() -> None:
    answer = Answer(
        question="?",
        kind="answer",
        answer="Cần 2/3.",
        citations=[citation(clause=2, quote="không có trong văn bản")],
    )
    out = grade(item(), answer, {"d": TEXT})
    assert out.citation_article is True
    assert out.citation_clause is False
    assert out.verbatim is False
    assert out.numeric_ok is False  # right fact, but not given as a numeric answer
    assert out.failed


def test_refusal_scores() -> None:
    oos = item(id="q2", category="out_of_scope", expected=[], facts=[])
    refusal = Answer(question="?", kind="refusal", answer="Không thuộc phạm vi.")
    graded = {
        "q1": grade(item(), refusal, {"d": TEXT}),
        "q2": grade(oos, refusal, {"d": TEXT}),
    }
    s = summarize([item(), oos], graded)
    assert s.refusal_recall == 1.0
    assert s.refusal_precision == 0.5
    assert wrong_refusal(item(), graded["q1"])
    assert not wrong_refusal(oos, graded["q2"])
