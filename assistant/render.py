"""Plain-text rendering of an Answer for the terminal."""

from __future__ import annotations

from assistant.citations import OCR_NOTE, amendment_line
from assistant.models import Answer

KIND_LABELS = {
    "answer": "Trả lời",
    "numeric": "Trả lời (quy tắc số)",
    "clarification": "Cần làm rõ",
    "refusal": "Không tìm thấy quy định",
}


def answer_text(answer: Answer) -> str:
    lines = [f"[{KIND_LABELS[answer.kind]}]", answer.answer]
    if answer.numeric is not None and answer.numeric.computation:
        lines.append(f"Phép tính: {answer.numeric.computation}")
    for note in answer.notes:
        lines.append(f"Lưu ý: {note}")
    if answer.citations:
        lines.append("Trích dẫn:")
        for n, c in enumerate(answer.citations, 1):
            line = f"  [{n}] {c.cite_as}"
            line += " (để trống giá trị)" if c.unspecified else ""
            line += f" ({OCR_NOTE})" if c.ocr else ""
            lines.append(line)
            if c.amended_by is not None:
                label = f"Điều {c.article}{c.article_suffix}"
                lines.append(f"      ({label} được {amendment_line(c.amended_by)})")
    return "\n".join(lines)
