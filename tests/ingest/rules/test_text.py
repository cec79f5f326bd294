from __future__ import annotations

from ingest.rules.text import sentences


def test_blank_line_inside_a_sentence_does_not_end_it() -> None:
    text = "Cho ý kiến về trụ sở của các tổ chức\n\nđoàn thể từ 15 tỷ đồng.\n\nb) Xét khen thưởng."
    spans = [text[s.start : s.end] for s in sentences(text)]
    assert spans == [
        "Cho ý kiến về trụ sở của các tổ chức\n\nđoàn thể từ 15 tỷ đồng.",
        "b) Xét khen thưởng.",
    ]
    # after an end mark, or before a point label, a blank line still ends the sentence
    assert len(sentences("Họp mỗi tháng một lần;\n\nhọp bất thường khi cần.")) == 2
    assert len(sentences("gồm các việc sau\n\na) lập kế hoạch")) == 2
