"""Documents a question names that are not loaded (assistant/unloaded_documents.py)."""

import pytest

from assistant.unloaded_documents import laws_not_loaded
from ingest.models import DocumentMeta
from tests.assistant.test_understand import NUMBERED, REGULATION, Doc

LAW = Doc("luat", DocumentMeta(title="Luật Tổ chức chính quyền địa phương"))
COMMITTEE = Doc(
    "quy-che-lam-son",
    DocumentMeta(title="Quy chế làm việc của Ban Chấp hành Đảng bộ xã Lam Sơn"),
)
BOARD_OF_COUNCIL = Doc(
    "quy-che-ban-can-su-ubnd",
    DocumentMeta(
        title="Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh",
        governed_body="Ban cán sự đảng Ủy ban nhân dân tỉnh",
    ),
)
# a board of one province, and a committee of another: each governs its own bodies
BOARD = Doc(
    "quy-che-ban-can-su-gio-xanh",
    DocumentMeta(title="Quy chế làm việc của Ban cán sự đảng", province="Gió Xanh"),
)
PROVINCE = Doc(
    "quy-che-tinh-uy-may-trang",
    DocumentMeta(title="Quy chế làm việc của Tỉnh ủy", province="Mây Trắng"),
)


@pytest.mark.parametrize(
    ("question", "loaded", "expected"),
    [
        # a law by its kind and name
        (
            "Luật Đất đai 2024 quy định thời hạn giao đất bao lâu?",
            [REGULATION],
            ["Luật Đất đai 2024"],
        ),
        (
            "Thời gian thử việc theo Bộ luật Lao động là bao nhiêu?",
            [REGULATION],
            ["Bộ luật Lao động"],
        ),
        ("nghi dinh 100 phat bao nhieu", [REGULATION], ["nghi dinh 100"]),
        # discipline and "the law" in general are no law by name
        ("Ai quyết định kỷ luật đảng viên?", [REGULATION], []),
        ("thực hiện theo quy định của pháp luật thế nào?", [REGULATION], []),
        ("UBND xã họp mấy lần theo luật?", [REGULATION], []),
        ("Luật sư có được dự họp chi bộ không?", [REGULATION], []),
        # a law that is loaded
        (
            "HĐND tỉnh họp mấy kỳ theo Luật Tổ chức chính quyền địa phương?",
            [REGULATION, LAW],
            [],
        ),
        # a document by its number, or by its kind
        ("Theo Quy định 118-QĐ/TW thì kỷ luật thế nào?", [NUMBERED], ["118-QĐ/TW"]),
        ("huong dan 05-hd/btc noi gi", [NUMBERED], ["05-hd/btc"]),
        ("Điều lệ Đảng quy định tuổi đảng viên bao nhiêu?", [NUMBERED], ["Điều lệ Đảng"]),
        # the loaded document's own number, and "điều lệ" as a plain noun, name nothing new
        ("Khoản 2 Điều 3 Quy chế 07-QC/TU nói gì?", [NUMBERED], []),
        ("Ai giám sát việc thi hành điều lệ?", [NUMBERED], []),
        # the regulation of a body no loaded regulation governs
        (
            "Quy chế làm việc của Văn phòng Đảng ủy xã Lam Sơn quy định lưu trữ thế nào?",
            [COMMITTEE],
            ["Quy chế làm việc của Văn phòng"],
        ),
        ("theo quy che cua ubkt thi tham tra bao lau", [COMMITTEE], ["quy che cua ubkt"]),
        # an organ of the committee the loaded regulation governs
        ("Quy chế làm việc của Thường trực Đảng ủy quy định ai ký?", [COMMITTEE], []),
        # a committee of a place whose loaded regulation governs another body of it
        (
            "Quy chế làm việc của Tỉnh ủy Gió Xanh quy định họp mấy lần?",
            [BOARD, PROVINCE],
            ["Quy chế làm việc của Tỉnh ủy Gió Xanh"],
        ),
        ("Quy chế làm việc của Tỉnh ủy Mây Trắng quy định họp mấy lần?", [BOARD, PROVINCE], []),
        # the Party committee of an organization no loaded regulation names
        (
            "Quy chế làm việc của Đảng ủy Công an huyện Lam Sơn quy định họp mấy lần?",
            [COMMITTEE],
            ["Quy chế làm việc của Đảng ủy Công an"],
        ),
        (
            "Quy chế làm việc của Ban cán sự đảng UBND tỉnh quy định họp mấy lần?",
            [BOARD_OF_COUNCIL],
            [],
        ),
        # the regulation as what is decided about, not read from
        ("Ai ban hành quy chế làm việc của Ủy ban Kiểm tra?", [COMMITTEE], []),
    ],
)
def test_documents_named_but_not_loaded(
    question: str, loaded: list[Doc], expected: list[str]
) -> None:
    assert laws_not_loaded(question, loaded) == expected
