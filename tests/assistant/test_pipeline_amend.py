"""Ingest with an amending decision: any order, a notice while its regulation is
missing, the consolidated text indexed, citations naming the decision, idempotent."""

from __future__ import annotations

import shutil
from pathlib import Path

from assistant.citations import make_citation
from assistant.home import DataHome
from assistant.models import Answer
from assistant.pipeline import ingest_paths
from assistant.render import answer_text
from assistant.snapshot import load_snapshot
from tests.ingest.test_consolidate import DATA, DECISION_ID, REGULATION_ID

REGULATION = DATA / f"{REGULATION_ID}.txt"
DECISION = DATA / f"{DECISION_ID}.txt"


def test_decision_first_then_regulation(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    first = ingest_paths(home, [DECISION])
    assert first.added == [DECISION_ID] and not first.errors
    assert any("07-QC/ĐU" in w and "chưa được nạp" in w for w in first.warnings)

    second = ingest_paths(home, [REGULATION])
    assert second.added == [REGULATION_ID] and not second.warnings
    snapshot = load_snapshot(home)
    regulation = snapshot.documents[REGULATION_ID]
    assert regulation.article_history(7) is not None
    texts = {(c.document_id, c.article, c.clause): c.text for c in snapshot.chunks}
    assert texts[(REGULATION_ID, 7, 2)] == "2. Ban Thường vụ họp thường lệ mỗi tháng hai lần."
    # the decision's amending article is not answered from; its own articles are
    assert {a for d, a, _c in texts if d == DECISION_ID} == {2, 3}
    # nothing stored is lost: the documents are kept as parsed
    stored = home.read_documents(home.current_snapshot())
    assert "mỗi tuần một lần" in stored[REGULATION_ID].text
    assert [a.number for a in stored[DECISION_ID].articles] == [1, 2, 3]


def test_reingest_is_idempotent(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    first = ingest_paths(home, [DATA])
    assert sorted(first.added) == [REGULATION_ID, DECISION_ID] and not first.warnings
    again = ingest_paths(home, [DATA])
    assert not again.changed and again.snapshot is None and len(again.unchanged) == 2


def test_removing_the_decision_restores_the_original_wording(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "home")
    ingest_paths(home, [DATA])
    ingest_paths(home, [], remove=[DECISION_ID])
    snapshot = load_snapshot(home)
    assert not snapshot.documents[REGULATION_ID].history
    rules_text = " ".join(r.model_dump_json() for r in snapshot.rules)
    assert "tháng hai lần" not in rules_text


def test_citation_names_the_amending_decision(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    shutil.copytree(DATA, folder)
    home = DataHome(tmp_path / "home")
    ingest_paths(home, [folder])
    doc = load_snapshot(home).documents[REGULATION_ID]
    article = doc.article(7)
    assert article is not None
    citation = make_citation(doc, article, article.clause(2))
    assert citation.amended_by is not None and citation.amended_by.number == "15-QĐ/ĐU"
    assert citation.amended_by.change == "sửa đổi khoản 2"
    added = doc.article(12, suffix="a")
    assert added is not None
    cited = make_citation(doc, added, added.clauses[0])
    assert cited.cite_as.startswith("Điều 12a ") and cited.article_suffix == "a"
    unchanged = doc.article(3)
    assert unchanged is not None and make_citation(doc, unchanged).amended_by is None
    answer = Answer(question="?", kind="answer", answer="…", citations=[citation, cited])
    text = answer_text(answer)
    assert "(Điều 7 được sửa đổi khoản 2 theo Quyết định số 15-QĐ/ĐU ngày 20/05/2024" in text
    assert "(Điều 12a được bổ sung theo Quyết định số 15-QĐ/ĐU" in text


def test_a_citation_of_an_amended_point_names_the_decision(tmp_path: Path) -> None:
    from tests.ingest.test_consolidate_points import DECISION, REGULATION

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "quy-che-tan-lap.txt").write_text(REGULATION, encoding="utf-8")
    (inbox / "quyet-dinh-09.txt").write_text(DECISION, encoding="utf-8")
    home = DataHome(tmp_path / "home")
    report = ingest_paths(home, [inbox])
    assert any("khoản 2 Điều 2 không có điểm e" in w for w in report.warnings)
    snapshot = load_snapshot(home)
    doc = snapshot.documents["quy-che-tan-lap"]
    article = doc.article(2)
    clause = article.clause(2) if article is not None else None
    assert article is not None and clause is not None
    point = next(p for p in clause.points if p.id == "d")
    citation = make_citation(doc, article, clause, point)
    assert citation.quote == point.text and citation.point == "d"
    assert citation.amended_by is not None and citation.amended_by.number == "09-QĐ/ĐU"
    text = answer_text(Answer(question="?", kind="answer", answer="…", citations=[citation]))
    assert "(Điều 2 được sửa đổi điểm b khoản 2; bãi bỏ điểm c khoản 2; bổ sung điểm d" in text
    chunks = {(c.document_id, c.article, c.clause): c for c in snapshot.chunks}
    assert [p.id for p in chunks[("quy-che-tan-lap", 2, 2)].points] == ["a", "b", "d"]
