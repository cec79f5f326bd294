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
