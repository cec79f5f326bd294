"""Made-up regulations for the comparison tests: a small model and drafts of it."""

from __future__ import annotations

MODEL = """ĐẢNG BỘ XÃ ....
ĐẢNG ỦY ....
Số: ....-QC/ĐU
QUY CHẾ LÀM VIỆC MẪU
của Ban Chấp hành Đảng bộ xã Hoa Mơ, khóa ....., nhiệm kỳ ....

Chương I
NHIỆM VỤ, QUYỀN HẠN
Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành
1. Ban Chấp hành quyết định chương trình công tác toàn khóa của Đảng bộ.
2. Ban Chấp hành bầu Ban Thường vụ, Bí thư và Phó Bí thư theo Điều lệ Đảng.
Điều 2. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Ban Thường vụ quyết định triệu tập hội nghị Ban Chấp hành thường lệ và bất thường.
2. Ban Thường vụ quyết định các dự án đầu tư có giá trị từ 03 tỷ đồng trở lên.
3. Thực hiện các nhiệm vụ khác theo quy định tại Điều 1 Quy chế này.
Điều 3. Nhiệm vụ, quyền hạn của Thường trực
1. Thường trực chỉ đạo giải quyết công việc hằng ngày của Đảng ủy.
2. Thường trực cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ.
Chương II
CHẾ ĐỘ LÀM VIỆC
Điều 4. Chế độ họp của Ban Chấp hành
1. Ban Chấp hành họp thường lệ 03 tháng một lần, họp bất thường khi cần.
2. Hội nghị chỉ hợp lệ khi có ít nhất 2/3 tổng số ủy viên tham dự.
3. Tài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.
Điều 5. Chế độ họp của Ban Thường vụ
1. Ban Thường vụ họp thường lệ mỗi tháng hai lần vào tuần đầu và tuần giữa tháng.
2. Thường trực chuẩn bị nội dung và chương trình các phiên họp của Ban Thường vụ.
3. Mỗi phiên họp kéo dài không quá ... ngày.
Điều 6. Điều khoản thi hành
1. Quy chế này có hiệu lực từ ngày ký; các cấp ủy trực thuộc căn cứ Điều 4 để tổ chức thực hiện.
2. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành quyết định.
"""

# Every kind of difference: the header filled (not reported), a power moved (2.1), a money
# threshold (2.2), Điều 3 left out and what follows renumbered (once), a clause reworded
# (model 4.1), a blank filled (model 4.3) and one left (model 5.3), a frequency changed
# (model 5.1), a clause added (draft 4.4), a reference not updated (draft 5.1), an article
# added with a reference to an article the draft lacks (draft 6).
DRAFT = """ĐẢNG BỘ XÃ HOA MƠ
ĐẢNG ỦY XÃ HOA MƠ
Số: 05-QC/ĐU
QUY CHẾ LÀM VIỆC
của Ban Chấp hành Đảng bộ xã Hoa Mơ, khóa XV, nhiệm kỳ 2025 - 2030

Chương I
NHIỆM VỤ, QUYỀN HẠN
Điều 1. Nhiệm vụ, quyền hạn của Ban Chấp hành
1. Ban Chấp hành quyết định chương trình công tác toàn khóa của Đảng bộ.
2. Ban Chấp hành bầu Ban Thường vụ, Bí thư và Phó Bí thư theo Điều lệ Đảng.
Điều 2. Nhiệm vụ, quyền hạn của Ban Thường vụ
1. Thường trực quyết định triệu tập hội nghị Ban Chấp hành thường lệ và bất thường.
2. Ban Thường vụ quyết định các dự án đầu tư có giá trị từ 05 tỷ đồng trở lên.
3. Thực hiện các nhiệm vụ khác theo quy định tại Điều 1 Quy chế này.
Chương II
CHẾ ĐỘ LÀM VIỆC
Điều 3. Chế độ họp của Ban Chấp hành
1. Ban Chấp hành họp thường lệ 03 tháng một lần, họp bất thường khi xét thấy cần thiết.
2. Hội nghị chỉ hợp lệ khi có ít nhất 2/3 tổng số ủy viên tham dự.
3. Tài liệu hội nghị được gửi trước ít nhất 05 ngày làm việc.
Điều 4. Chế độ họp của Ban Thường vụ
1. Ban Thường vụ họp thường lệ mỗi tháng một lần vào tuần đầu tháng.
2. Thường trực chuẩn bị nội dung và chương trình các phiên họp của Ban Thường vụ.
3. Mỗi phiên họp kéo dài không quá ... ngày.
4. Biên bản phiên họp được lưu tại Văn phòng Đảng ủy theo chế độ mật.
Điều 5. Điều khoản thi hành
1. Quy chế này có hiệu lực từ ngày ký; các cấp ủy trực thuộc căn cứ Điều 4 để tổ chức thực hiện.
2. Việc sửa đổi, bổ sung Quy chế do Ban Chấp hành quyết định.
Điều 6. Tổ chức thực hiện
Văn phòng Đảng ủy giúp Ban Thường vụ theo dõi, đôn đốc việc thực hiện Quy chế này và báo cáo theo quy định tại Điều 9.
"""


# The model with a new first article: every model article shifts by one, and the drafter
# updated the references ("Điều 1 Quy chế này" → "Điều 2", "căn cứ Điều 4" → "Điều 5").
def _shifted(text: str) -> str:
    for n in range(6, 0, -1):
        text = text.replace(f"Điều {n}. ", f"Điều {n + 1}. ")
    text = text.replace("tại Điều 1 Quy chế", "tại Điều 2 Quy chế")
    text = text.replace("căn cứ Điều 4 để", "căn cứ Điều 5 để")
    return text.replace(
        "NHIỆM VỤ, QUYỀN HẠN\n",
        "NHIỆM VỤ, QUYỀN HẠN\nĐiều 1. Phạm vi điều chỉnh\n"
        "Quy chế này quy định nguyên tắc, chế độ làm việc và mối quan hệ công tác của Đảng ủy xã.\n",
    )


SHIFTED = _shifted(MODEL)

# Điều 4 and Điều 5 of the model merged into one article (its clauses numbered on).
MERGED = (
    MODEL.replace(
        "Điều 4. Chế độ họp của Ban Chấp hành",
        "Điều 4. Chế độ họp của Ban Chấp hành và Ban Thường vụ",
    )
    .replace(
        "Điều 5. Chế độ họp của Ban Thường vụ\n1. Ban Thường vụ họp thường lệ",
        "4. Ban Thường vụ họp thường lệ",
    )
    .replace("2. Thường trực chuẩn bị nội dung", "5. Thường trực chuẩn bị nội dung")
    .replace("3. Mỗi phiên họp kéo dài", "6. Mỗi phiên họp kéo dài")
    .replace("Điều 6. Điều khoản thi hành", "Điều 5. Điều khoản thi hành")
)

# One clause reworded (same numbers, same bodies, same references), nothing else.
REWORDED = MODEL.replace(
    "1. Thường trực chỉ đạo giải quyết công việc hằng ngày của Đảng ủy.",
    "1. Thường trực chỉ đạo, điều hành giải quyết các công việc hằng ngày của Đảng ủy.",
)

# Điều 4 of the model split in two: its khoản 3 becomes an article of its own.
SPLIT = (
    MODEL.replace(
        "3. Tài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.\n",
        "Điều 5. Tài liệu hội nghị\nTài liệu hội nghị được gửi trước ít nhất ... ngày làm việc.\n",
    )
    .replace("Điều 5. Chế độ họp của Ban Thường vụ", "Điều 6. Chế độ họp của Ban Thường vụ")
    .replace("Điều 6. Điều khoản thi hành", "Điều 7. Điều khoản thi hành")
)

# A model whose Điều 3 only tells the drafter what to write, and a draft that writes it.
_NOTE_CLAUSES = (
    "1. Thường trực chỉ đạo giải quyết công việc hằng ngày của Đảng ủy.\n"
    "2. Thường trực cho ý kiến về công tác cán bộ theo phân cấp trước khi trình Ban Thường vụ.\n"
)
MODEL_WITH_NOTE = MODEL.replace(
    _NOTE_CLAUSES, "(Cụ thể hóa theo Điều 6 Quy định số ...-QĐ/TW của Ban Bí thư)\n"
)
WRITTEN_OUT = MODEL.replace(
    _NOTE_CLAUSES,
    "1. Chỉ đạo giải quyết công việc hằng ngày của Đảng ủy.\n"
    "2. Chuẩn bị nội dung các hội nghị của Ban Thường vụ.\n"
    "3. Thực hiện nhiệm vụ khác theo Điều 8 Quy chế này.\n",
)


# Điều 3 of the model moved to the end (the others shift up by one; the drafter updated
# the reference to Điều 4, now Điều 3).
def _moved(text: str) -> str:
    start = text.index("Điều 3. Nhiệm vụ, quyền hạn của Thường trực")
    end = text.index("Chương II")
    article = text[start:end]
    text = text[:start] + text[end:]
    for n in (4, 5, 6):
        text = text.replace(f"Điều {n}. ", f"Điều {n - 1}. ")
    text = text.replace("căn cứ Điều 4 để", "căn cứ Điều 3 để")
    return text + article.replace("Điều 3. ", "Điều 6. ")


MOVED = _moved(MODEL)
