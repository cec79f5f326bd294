"""`quyche show ... --as-at`: the wording in force on a day, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.versions import parse_as_at, split_suffix
from assistant.home import DataHome
from assistant.pipeline import ingest_paths
from tests.ingest.test_consolidate import DATA


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("amend") / "home"
    ingest_paths(DataHome(path), [DATA])
    return path


def show(home: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["show", "--home", str(home), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("args", "present", "absent"),
    [
        (["Điều 5"], ["Nhiệm vụ và quyền hạn của Bí thư", "(Điều 5 được sửa đổi theo Quyết định số 15-QĐ/ĐU"], []),
        (["Điều 5", "--as-at", "2024-01-01"], ["Điều 5. Nhiệm vụ của Bí thư", "Nguyên văn khi ban hành"], ["Phân công"]),
        (["khoản 2 Điều 7", "--as-at", "01/06/2024"], ["mỗi tháng hai lần", "Bản có hiệu lực vào ngày 01/06/2024"], ["mỗi tuần"]),
        (["khoản 2 Điều 7", "--as-at", "2024-05-31"], ["mỗi tuần một lần"], ["hai lần"]),
        (["Điều 9", "--as-at", "2024-06-02"], ["không còn hiệu lực vào ngày 02/06/2024", "bãi bỏ theo Quyết định"], []),
        (["Điều 12a", "--as-at", "2024-01-01"], ["Điều 12a chưa có hiệu lực vào ngày 01/01/2024"], []),
        (["Điều 12a"], ["Điều 12a. Ứng dụng công nghệ thông tin", "được bổ sung theo"], []),
        (["Điều 3"], ["Điều 3. Nhiệm vụ của Đảng ủy"], ["được sửa đổi"]),
    ],
)  # fmt: skip
def test_show(
    home: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    present: list[str],
    absent: list[str],
) -> None:
    code, out, err = show(home, capsys, *args)
    assert code == 0, err
    for text in present:
        assert text in out
    for text in absent:
        assert text not in out


def test_a_bad_date_is_one_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = show(home, capsys, "Điều 5", "--as-at", "31/31/2024")
    assert code == 1 and err.count("\n") == 1 and "ngày không hợp lệ" in err
    assert "Traceback" not in err


def test_parsing_helpers() -> None:
    assert parse_as_at("1/6/2024") == "2024-06-01"
    assert split_suffix("Điều 12a") == ("dieu 12", "a")
    assert split_suffix("khoản 2 Điều 7") == ("khoản 2 Điều 7", "")


def test_the_browser_shows_the_version_in_force_on_a_day(home: Path) -> None:
    from app.qlog import QuestionLog
    from app.ui import WebUI
    from assistant.service import Assistant
    from ingest.settings import Settings

    settings = Settings(home=home, embedding_backend="none")
    ui = WebUI(Assistant.open(settings), settings, None, QuestionLog.from_settings(settings))
    doc_id = next(d.id for d in ui.assistant.documents() if d.id.startswith("quy-che-dang-uy-xa"))
    article = ui.assistant.document(doc_id).article(7)
    assert article is not None
    place = json.dumps({"href": f"#qc/{doc_id}/{article.part}/7//", "quote": ""})
    now = ui.reader(place)
    before = ui.reader(place, "31/05/2024")
    after = ui.reader(place, "01/06/2024")
    assert "mỗi tháng hai lần" in now and "mỗi tháng hai lần" in after
    assert "mỗi tuần một lần" in before and "hai lần" not in before
    assert "không hợp lệ" in ui.reader(place, "ngày mai")
    inserted = json.dumps({"href": f"#qc/{doc_id}/{article.part}/12a//", "quote": ""})
    assert "Ứng dụng công nghệ thông tin" in ui.reader(inserted, "01/06/2024")


def test_show_an_article_whose_points_were_amended(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ingest.test_consolidate_points import DECISION, REGULATION

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "quy-che-tan-lap.txt").write_text(REGULATION, encoding="utf-8")
    (inbox / "quyet-dinh-09.txt").write_text(DECISION, encoding="utf-8")
    home = tmp_path / "home"
    ingest_paths(DataHome(home), [inbox])
    code, now, err = show(home, capsys, "khoản 2 Điều 2")
    assert code == 0, err
    assert now.split("\n")[1:6] == [
        "Điều 2. Chế độ họp",
        "2. Ban Thường vụ có trách nhiệm:",
        "a) Chuẩn bị nội dung kỳ họp của Đảng ủy;",
        "b) Giải quyết công việc thường xuyên giữa hai kỳ họp của Đảng ủy;",
        "d) Báo cáo Đảng ủy kết quả giải quyết công việc tại kỳ họp gần nhất.",
    ]
    assert (
        "(Điều 2 được sửa đổi điểm b khoản 2; bãi bỏ điểm c khoản 2; bổ sung điểm d khoản 2"
        " theo Quyết định số 09-QĐ/ĐU ngày 15/04/2024, hiệu lực từ 01/05/2024)"
    ) in now
    code, before, err = show(home, capsys, "khoản 2 Điều 2", "--as-at", "30/04/2024")
    assert code == 0, err
    assert before.split("\n")[3:6] == [
        "a) Chuẩn bị nội dung kỳ họp của Đảng ủy;",
        "b) Giải quyết công việc thường xuyên;",
        "c) Báo cáo Đảng ủy hằng quý.",
    ]
    assert "Nguyên văn khi ban hành" in before
    code, after, err = show(home, capsys, "Điều 3", "--as-at", "2024-05-01")
    assert code == 0, err
    assert "    đ) Kết quả thực hiện chương trình công tác năm;\n    e)" in after
    assert "Tình hình tư tưởng" not in after
    assert "Bản có hiệu lực vào ngày 01/05/2024: sửa đổi" not in after
    assert "Bản có hiệu lực vào ngày 01/05/2024: bãi bỏ điểm a khoản 1" in after
