import pytest

from ingest.bodies import bodies_in, organizations_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Thường vụ Tỉnh ủy họp", ["Ban Thường vụ"]),  # the seat only qualifies it
        ("BTV và TTTU", ["Ban Thường vụ", "Thường trực"]),
        ("Phó Bí thư Thường trực chủ trì", ["Phó Bí thư Thường trực"]),
        ("ban chap hanh dang bo", ["Ban Chấp hành"]),
    ],
)
def test_bodies_in(text: str, expected: list[str]) -> None:
    assert bodies_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quốc hội họp mấy kỳ một năm?", ["Quốc hội"]),
        ("HĐND tỉnh và UBND tỉnh", ["Hội đồng nhân dân", "Ủy ban nhân dân"]),
        ("hoi dong nhan dan tinh hop", ["Hội đồng nhân dân"]),
        ("Ủy ban Mặt trận Tổ quốc tỉnh", ["Mặt trận Tổ quốc"]),
        # a Party body's own name is no outside organization
        ("Chủ tịch Ủy ban nhân dân tỉnh ký", []),
        ("Ủy ban Kiểm tra Tỉnh ủy", []),
        ("Ban Thường vụ họp", []),
    ],
)
def test_organizations_in(text: str, expected: list[str]) -> None:
    assert organizations_in(text) == expected


def test_a_regulation_governs_the_bodies_its_title_names_and_their_organs() -> None:
    from ingest.bodies import governed_bodies

    committee = governed_bodies("Quy chế làm việc của Ban Chấp hành Đảng bộ xã Hòa Lạc")
    assert {"Ban Chấp hành", "Ban Thường vụ", "Thường trực", "Bí thư"} <= committee
    assert "Ủy ban Kiểm tra" not in committee
    board = governed_bodies("Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh Lam")
    assert {"Ban cán sự đảng", "Bí thư"} <= board and "Ban Thường vụ" not in board
    assert governed_bodies("Nội quy cơ quan") == frozenset()
