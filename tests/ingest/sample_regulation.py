"""A small regulation in a chosen layout: heading, clause and point styles."""

from __future__ import annotations

HEADINGS = {
    "dot": "Điều {n}. {t}",
    "markdown": "**Điều {n}. {t}**",
    "colon": "Điều {n}: {t}",
    "dash": "Điều {n} - {t}",
    "upper": "ĐIỀU {n} {T}",
    "upper-dash": "ĐIỀU {n} – {T}",
    "markdown-heading": "### Điều {n}. {t}",
}
CLAUSES = {"dot": "{n}.", "slash": "{n}/-", "dash": "{n}-", "paren": "{n})"}


def regulation(heading: str, clause: str, points: str = "a)") -> str:
    def h(n: int, title: str) -> str:
        return heading.format(n=n, t=title, T=title.upper())

    def c(n: int) -> str:
        return clause.format(n=n)

    def p(letter: str) -> str:
        return points.replace("a", letter, 1)

    return f"""ĐẢNG BỘ TỈNH HÒA BÌNH
ĐẢNG ỦY KHỐI DOANH NGHIỆP TỈNH
Số 12-QC/ĐUK
Hòa Bình, ngày 05 tháng 3 năm 2021

QUY CHẾ LÀM VIỆC
của Ban Chấp hành Đảng bộ Khối Doanh nghiệp tỉnh khóa V, nhiệm kỳ 2020-2025

- Căn cứ Quy định số 24-QĐ/TW ngày 30-7-2021 của Ban Chấp hành Trung ương;

Chương I
NHIỆM VỤ, QUYỀN HẠN

{h(1, "Nhiệm vụ của Ban Chấp hành")}
{c(1)} Quyết định chương trình công tác toàn khóa.
{c(2)} Bầu Ban Thường vụ, Bí thư, Phó Bí thư theo Điều 4 của Quy chế này.
{p("a")} Bầu bằng phiếu kín;
{p("b")} Kết quả được công bố tại hội nghị.
{c(3)} Thực hiện nhiệm vụ khác.

{h(2, "Nhiệm vụ của Ban Thường vụ")}
Ban Thường vụ lãnh đạo giữa hai kỳ hội nghị.

Chương II
CHẾ ĐỘ LÀM VIỆC

{h(3, "Chế độ hội nghị")}
{c(1)} Ban Chấp hành họp thường lệ ba tháng một lần.
{c(2)} Hội nghị hợp lệ khi có ít nhất 2/3 tổng số ủy viên tham dự.
"""
