"""Small documents built directly from the models, phrased like the bundled regulations."""

from __future__ import annotations

from ingest.models import Article, Clause, Document, DocumentMeta, Part, Point
from ingest.rules.models import Rule


def make_doc(
    articles: list[tuple[int, str, list[str | tuple[str, list[tuple[str, str]]]]]],
    doc_id: str = "fixture",
) -> Document:
    """Each clause is a text, or (lead text, [(point id, point text)])."""
    text_parts: list[str] = []
    pos = 0
    built: list[Article] = []

    def add(s: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        text_parts.append(s)
        pos += len(s)
        return start, pos

    for number, title, clauses in articles:
        a_start, _ = add(f"Điều {number}. {title}\n")
        built_clauses: list[Clause] = []
        for i, clause in enumerate(clauses, start=1):
            if isinstance(clause, str):
                c_start, c_end = add(clause)
                built_clauses.append(Clause(number=i, text=clause, start=c_start, end=c_end))
            else:
                lead, points = clause
                c_start, _ = add(lead)
                pts: list[Point] = []
                for pid, ptext in points:
                    add("\n")
                    p_start, p_end = add(ptext)
                    pts.append(Point(id=pid, text=ptext, start=p_start, end=p_end))
                c_end = pos
                ctext = "".join(text_parts)[c_start:c_end]
                built_clauses.append(
                    Clause(number=i, text=ctext, start=c_start, end=c_end, points=tuple(pts))
                )
            add("\n")
        whole = "".join(text_parts)
        built.append(
            Article(
                number=number,
                title=title,
                part="regulation",
                text=whole[a_start:pos],
                start=a_start,
                end=pos,
                clauses=tuple(built_clauses),
            )
        )
    text = "".join(text_parts)
    return Document(
        id=doc_id,
        source_file=f"{doc_id}.txt",
        content_hash="x",
        meta=DocumentMeta(title="Quy chế làm việc"),
        text=text,
        parts=(Part(id="regulation", articles=tuple(built)),),
    )


TY = 1_000_000_000

MEETINGS = make_doc(
    [
        (
            25,
            "Chế độ hội nghị của Tỉnh ủy, Ban Thường vụ Tỉnh ủy",
            [
                "1. Tỉnh ủy họp thường lệ ba tháng một lần, khi Ban Thường vụ thấy cần thiết hoặc khi có "
                "trên 1/2 Ủy viên Ban Chấp hành Đảng bộ tỉnh đề nghị thì Ban Thường vụ quyết định triệu tập "
                "hội nghị Tỉnh ủy đột xuất. Ban Thường vụ Tỉnh ủy họp thường lệ từ 01 đến 02 lần/tháng, họp "
                "đột xuất khi cần. Hội nghị Tỉnh ủy, Ban Thường vụ Tỉnh ủy phải có ít nhất 2/3 tổng số thành "
                "viên tham dự.",
                "2. Các đơn vị được phân công chuẩn bị phải gửi tài liệu phục vụ hội nghị đến Văn phòng Tỉnh ủy "
                "trước kỳ họp ít nhất 05 ngày để thẩm định; văn phòng Tỉnh ủy gửi giấy mời và tài liệu hội nghị "
                "đến các thành viên trước kỳ họp 03 ngày, đối với hội nghị Tỉnh ủy và trước 02 ngày đối với hội "
                "nghị Ban Thường vụ Tỉnh ủy (trừ trường hợp hội nghị đột xuất).",
                "3. Nghị quyết, quyết định của Tỉnh ủy, Ban Thường vụ phải có trên 1/2 số thành viên đương nhiệm "
                "tán thành.",
            ],
        ),
        (
            6,
            "Chế độ làm việc",
            [
                "1. Phiên họp của Ban cán sự đảng chỉ được tiến hành khi có ít nhất hai phần ba (2/3) tổng số "
                "thành viên của Ban cán sự đảng tham dự. Các vấn đề đưa ra bàn bạc chỉ được thông qua khi có hơn "
                "một nửa số thành viên Ban cán sự đảng biểu quyết tán thành.",
                "2. Ban cán sự đảng họp định kỳ một tháng một lần (đối với công tác tổ chức cán bộ thì họp vào "
                "thứ 2 hằng tuần).",
                "3. Các nội dung, chương trình cuộc họp phải được gửi cho các thành viên Ban cán sự đảng ít nhất "
                "01 ngày trước ngày tổ chức họp.",
                "4. Theo yêu cầu của ít nhất một phần ba (1/3) tổng số thành viên Ban cán sự đảng, Bí thư Ban "
                "cán sự đảng quyết định triệu tập phiên họp đột xuất.",
            ],
        ),
        (
            19,
            "Chế độ hội nghị của huyện ủy, ban thường vụ huyện ủy",
            [
                "1. Ban thường vụ họp ít nhất ...lần/tháng. Các đơn vị phải gửi tài liệu đến văn phòng huyện ủy "
                "trước kỳ họp ít nhất ... ngày để thẩm định.",
                (
                    "2. Thời gian tổ chức hội nghị:",
                    [
                        (
                            "2.1",
                            "2.1- Thời gian hội nghị của Đảng uỷ Khối không quá 02 ngày; hội nghị Ban Thường vụ "
                            "Đảng uỷ Khối không quá 01 ngày; họp Thường trực Đảng uỷ Khối 01 buổi.",
                        )
                    ],
                ),
            ],
        ),
        (
            2,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ Tỉnh ủy",
            [
                (
                    "4. Những vấn đề quan trọng thuộc lĩnh vực kinh tế - xã hội, Ban Thường vụ Tỉnh ủy có thể "
                    "ra nghị quyết để lãnh đạo.",
                    [
                        (
                            "-1",
                            "- Cho chủ trương sử dụng các khoản chi phát sinh, có giá trị từ 03 tỷ đồng trở lên; "
                            "dưới 03 tỷ đồng thì ủy quyền Thường trực Tỉnh ủy xem xét, quyết định.",
                        )
                    ],
                )
            ],
        ),
        (
            11,
            "Thẩm quyền quyết định chủ trương đầu tư",
            [
                "1) Dự án có tổng mức đầu tư từ 05 tỷ đồng trở lên do Ban Chấp hành Đảng bộ xã quyết định chủ trương.",
                "2) Dự án có tổng mức đầu tư dưới 05 tỷ đồng do Ban Thường vụ quyết định chủ trương; riêng dự án "
                "có tổng mức đầu tư dưới 500 triệu đồng thì ủy quyền cho Thường trực Đảng ủy quyết định.",
                "3) Hội nghị Ban Thường vụ chỉ được tiến hành khi có ít nhất năm ủy viên Ban Thường vụ tham dự.",
                "4) Ban Thường vụ quyết định trong thời hạn mười lăm ngày kể từ ngày nhận đủ hồ sơ.",
            ],
        ),
    ]
)


LAND_AND_DAYS = make_doc(
    [
        (
            3,
            "Nhiệm vụ, quyền hạn của Ban Thường vụ",
            [
                "1. Cho chủ trương các dự án có chuyển mục đích sử dụng đất trồng lúa (từ 05 ha "
                "trở lên), đất rừng phòng hộ (từ 15 ha trở lên).",
            ],
        ),
        (
            9,
            "Chế độ báo cáo",
            [
                "1. Các chi bộ báo cáo kết quả công tác về Văn phòng Đảng ủy chậm nhất ngày 25 "
                "hằng tháng; báo cáo năm gửi trước ngày 15/11 hằng năm.",
                "2. Chi ủy nộp đảng phí về Văn phòng Đảng ủy trước ngày ..... hằng tháng.",
                "3. Biên bản hội nghị ngày 20 tháng 6 năm 2024 được lưu tại Văn phòng.",
            ],
        ),
    ],
    doc_id="land",
)


def find(rules: list[Rule], article: int, kind: str, body: str | None = None) -> list[Rule]:
    return [
        r
        for r in rules
        if r.article == article and r.kind == kind and (body is None or r.body == body)
    ]
