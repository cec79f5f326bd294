"""Documents a question names that are not loaded (assistant/unloaded_documents.py)."""

import pytest

from assistant.unloaded_documents import laws_not_loaded
from ingest.models import DocumentMeta
from tests.assistant.test_understand import Doc

COMMITTEE = Doc(
    "quy-che-lam-son",
    DocumentMeta(title="Quy chế làm việc của Ban Chấp hành Đảng bộ xã Lam Sơn"),
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # read from: the regulation of a body no loaded regulation governs
        (
            "Quy chế làm việc của Văn phòng Đảng ủy xã Lam Sơn quy định lưu trữ thế nào?",
            ["Quy chế làm việc của Văn phòng"],
        ),
        ("theo quy che cua ubkt thi tham tra bao lau", ["quy che cua ubkt"]),
        # an organ of the committee the loaded regulation governs
        ("Quy chế làm việc của Thường trực Đảng ủy quy định ai ký?", []),
        # the regulation as what is decided about, not read from
        ("Ai ban hành quy chế làm việc của Ủy ban Kiểm tra?", []),
    ],
)
def test_the_working_regulation_of_a_body_none_loaded_governs(
    question: str, expected: list[str]
) -> None:
    assert laws_not_loaded(question, [COMMITTEE]) == expected
