"""Chunks built directly from the models: these tests do not depend on the parser."""

from __future__ import annotations

import pytest

from ingest.models import Chunk, DocumentMeta
from tests.index.documents import TEMPLATE_2025, Doc

PROVINCE = DocumentMeta(
    title="Quy chế làm việc của Ban Chấp hành, Ban Thường vụ Tỉnh ủy khóa XIV",
    number="",
    issuing_body="Ban Chấp hành Đảng bộ tỉnh Điện Biên",
    level="province",
    province="Điện Biên",
    status="in_force",
)
CAUCUS = DocumentMeta(
    title="Quy chế làm việc của Ban cán sự đảng Ủy ban nhân dân tỉnh",
    number="09-QC/TU",
    issuing_body="Tỉnh ủy Kon Tum",
    level="caucus",
    province="Kon Tum",
    status="in_force",
)
TEMPLATE = DocumentMeta(
    title="Quy chế làm việc mẫu của cấp ủy cấp huyện",
    issuing_body="Ban Bí thư",
    level="district",
    status="draft",
)
BLOC = DocumentMeta(
    title="Quy chế làm việc của Đảng ủy Khối khóa VII",
    number="01-QC/ĐUK",
    issuing_body="Đảng ủy khối các cơ quan tỉnh Đồng Tháp",
    level="bloc",
    province="Đồng Tháp",
    status="in_force",
)


def make_chunk(
    doc_id: str,
    meta: DocumentMeta,
    article: int,
    title: str,
    clause: int | None,
    text: str,
) -> Chunk:
    return Chunk(
        id=f"{doc_id}/{article}/{clause}",
        document_id=doc_id,
        document_title=meta.title,
        part="regulation",
        chapter="",
        article=article,
        article_title=title,
        clause=clause,
        text=text,
        start=0,
        end=len(text),
        meta=meta,
    )


@pytest.fixture
def chunks() -> list[Chunk]:
    return [
        make_chunk(
            "dien-bien",
            PROVINCE,
            3,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ Tỉnh ủy",
            1,
            "Quyết định triệu tập và chuẩn bị nội dung các kỳ họp của Ban Chấp hành.",
        ),
        make_chunk(
            "dien-bien",
            PROVINCE,
            3,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ Tỉnh ủy",
            2,
            "Lãnh đạo công tác cán bộ theo phân cấp quản lý.",
        ),
        make_chunk(
            "dien-bien",
            PROVINCE,
            12,
            "Chế độ họp",
            1,
            "Ban Thường vụ họp thường kỳ mỗi tháng một lần; họp bất thường khi cần.",
        ),
        make_chunk(
            "dien-bien",
            PROVINCE,
            13,
            "Chế độ họp của Ban Chấp hành",
            1,
            "Ban Chấp hành Đảng bộ tỉnh họp thường lệ 3 tháng một lần.",
        ),
        make_chunk(
            "kon-tum",
            CAUCUS,
            5,
            "Nhiệm vụ của Bí thư Ban cán sự đảng",
            None,
            "Bí thư Ban cán sự đảng chịu trách nhiệm trước Tỉnh ủy và Ban Thường vụ Tỉnh ủy.",
        ),
        make_chunk(
            "kon-tum",
            CAUCUS,
            8,
            "Chế độ họp",
            1,
            "Ban cán sự đảng họp định kỳ mỗi quý một lần.",
        ),
        make_chunk(
            "mau-huyen",
            TEMPLATE,
            10,
            "Chế độ họp",
            1,
            "Ban Thường vụ Huyện ủy họp thường kỳ mỗi tháng hai lần.",
        ),
        make_chunk(
            "dong-thap",
            BLOC,
            4,
            "Nhiệm vụ của Ủy ban Kiểm tra Đảng ủy Khối",
            1,
            "Ủy ban kiểm tra giúp Ban Chấp hành kiểm tra, giám sát tổ chức đảng và đảng viên.",
        ),
    ]


@pytest.fixture
def metas() -> dict[str, DocumentMeta]:
    return {"dien-bien": PROVINCE, "kon-tum": CAUCUS, "mau-huyen": TEMPLATE, "dong-thap": BLOC}


@pytest.fixture
def docs(metas: dict[str, DocumentMeta]) -> list[Doc]:
    return [*(Doc(i, m) for i, m in metas.items()), Doc("mau-2025", TEMPLATE_2025)]
