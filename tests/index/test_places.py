import pytest

from index.places import (
    misspelled_places,
    own_unit,
    place_mentions,
    units_possessed,
    unknown_places,
)
from ingest.models import DocumentMeta
from tests.index.documents import Doc


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Quy chế của Đảng uỷ xã Hoà Bình, tỉnh Tây Ninh quy định gì?",
            [("xã", "Hoà Bình"), ("tỉnh", "Tây Ninh")],
        ),
        ("dang uy xa Tan Phu hop may lan", [("xa", "Tan Phu")]),
        ("Văn phòng Tỉnh ủy Điện Biên gửi tài liệu", [("Tỉnh ủy", "Điện Biên")]),
        ("Thành phố Hồ Chí Minh", [("Thành phố", "Hồ Chí Minh")]),
        # Not places: ordinary words after a unit, lower case, abbreviations.
        ("cơ quan Nhà nước nào quyết định", []),
        ("co quan Nha nuoc nao", []),
        ("phương án Tổng thể", []),
        ("Tỉnh ủy họp khi nào", []),
        ("tỉnh BTV", []),
        ("xã tân phú họp mấy lần", []),
        ("Huyện Ban Thường vụ", []),
        # a body's name ends the place name it follows without a comma
        ("Xã Suối Mơ Ban Chấp hành 25 người", [("Xã", "Suối Mơ")]),
        ("phường Cầu Tre Ban Thường vụ họp mấy lần", [("phường", "Cầu Tre")]),
    ],
)
def test_place_mentions(question: str, expected: list[tuple[str, str]]) -> None:
    assert place_mentions(question) == expected


def test_unknown_places_are_those_no_document_is_about(docs: list[Doc]) -> None:
    assert unknown_places("Tỉnh ủy Kon Tum họp khi nào?", docs) == []
    assert unknown_places("Đảng ủy khối tỉnh Đồng Tháp", docs) == []
    assert unknown_places("So sánh tỉnh Điện Biên và tỉnh Lào Cai", docs) == [("tỉnh", "Lào Cai")]
    # A city is not the province it lies in.
    assert unknown_places("Thành ủy Điện Biên Phủ họp mấy lần?", docs) == [
        ("Thành ủy", "Điện Biên Phủ")
    ]
    assert unknown_places("xã Hòa Bình họp mấy lần?", []) == [("xã", "Hòa Bình")]


def test_a_place_one_letter_off_is_the_loaded_one() -> None:
    docs = [
        Doc(
            "quy-che-ha-giang",
            DocumentMeta(title="Quy chế làm việc của Tỉnh ủy Hà Giang", province="Hà Giang"),
        )
    ]
    question = "Tỉnh ủy Hà Gian họp mấy lần?"
    assert misspelled_places(question, docs) == [("Hà Gian", "Hà Giang")]
    # two letters off, or another place altogether: not loaded, not guessed
    assert misspelled_places("Tỉnh ủy Hà Nam họp mấy lần?", docs) == []
    assert misspelled_places("Tỉnh ủy Hà Giang họp mấy lần?", docs) == []


@pytest.mark.parametrize(
    ("question", "units"),
    [
        ("Xã em định làm đường thì ai quyết?", ["xa"]),
        ("phuong minh co du an 2 ty", ["phuong"]),
        ("thị trấn tôi họp mấy lần", ["thi tran"]),
        # a unit with a name, or no pronoun after it, is no asker's own
        ("xã Hồ Sen họp mấy lần", []),
        ("cho em hỏi xã họp mấy lần", []),
    ],
)
def test_units_possessed(question: str, units: list[str]) -> None:
    assert units_possessed(question, {"em", "mình", "tôi"}) == units


def test_own_unit_is_the_unit_of_the_place_governed() -> None:
    meta = DocumentMeta(governed_body="Ban Chấp hành Đảng bộ xã Hồ Sen (huyện Lá Sen, tỉnh Bông)")
    assert own_unit(meta) == "xa"
    assert own_unit(DocumentMeta(governed_body="Cấp ủy cấp huyện")) == ""
