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


def test_a_regulation_governs_the_bodies_its_title_names_and_their_organs() -> None:
    from ingest.rules.text import governed_bodies

    committee = governed_bodies("Quy chế làm việc của Ban Chấp hành Đảng bộ xã Hòa Lạc")
    assert {"Ban Chấp hành", "Ban Thường vụ", "Thường trực", "Bí thư"} <= committee
    assert "Ủy ban Kiểm tra" not in committee and "Chi bộ" not in committee
    assert governed_bodies("Quy chế làm việc của chi bộ thôn Đồng Lau") >= {"Chi bộ", "Chi ủy"}
    assert governed_bodies("Nội quy cơ quan") == frozenset()
