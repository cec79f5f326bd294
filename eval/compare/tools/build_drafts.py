#!/usr/bin/env python3
"""Build the two acceptance drafts from the two model regulations.

Every edit is an exact, asserted string operation so that everything not
listed as a departure / incidental stays byte-for-byte verbatim.
"""
import re
import unicodedata

M1 = "/work/main/data/regulations/quy-che-mau-dang-uy-ubnd-tinh-2025.txt"
M2 = "/work/main/data/regulations/quy-che-mau-cap-uy-cap-huyen-du-thao-2023.txt"
OUT = "/work/compare-acceptance/"


def rep(text, old, new, count=1):
    n = text.count(old)
    assert n == count, (n, old)
    return text.replace(old, new)


def renumber_headings(text, mapping, delete=()):
    """Renumber lines starting with 'Điều N.' according to mapping (model->draft)."""
    out = []
    for line in text.split("\n"):
        m = re.match(r"^Điều (\d+)\.", line)
        if m:
            n = int(m.group(1))
            assert n not in delete
            if n in mapping:
                line = "Điều %d." % mapping[n] + line[m.end():]
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------- draft from 261
t = open(M1, encoding="utf-8").read()
# keep only the model regulation (its header starts at the line "\tĐẢNG BỘ TỈNH, THÀNH PHỐ ….")
start = t.index("\tĐẢNG BỘ TỈNH, THÀNH PHỐ ….")
t = t[start:]
assert t.count("QUYẾT ĐỊNH") == 0

# --- incidental: header / title / preamble placeholders
t = rep(t, "\tĐẢNG BỘ TỈNH, THÀNH PHỐ ….\n", "\tĐẢNG BỘ TỈNH BÌNH SƠN\n")
t = rep(t, "ĐẢNG ỦY ….\n", "ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n")
t = rep(t, "\tSố: …..QC/ĐU\n", "\tSố: 02-QC/ĐU\n")
t = rep(t, "\t….., ngày … tháng …. năm …\n", "\tSơn Lâm, ngày 20 tháng 3 năm 2025\n")
t = rep(t, "của Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh, khoá..., nhiệm kỳ...\n",
        "của Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh Bình Sơn, khoá I, nhiệm kỳ 2025 - 2030\n")
t = rep(t, "- Căn cứ Quy định số.... QĐ/TW, ngày …/…/… của Ban Chấp hành Trung ương Đảng",
        "- Căn cứ Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung ương Đảng")
t = rep(t, "- Căn cứ Quy định số ...-QĐ/TW, ngày .../…/2025 của Ban Bí thư",
        "- Căn cứ Quy định số 260-QĐ/TW, ngày 24/01/2025 của Ban Bí thư")
t = rep(t, "- Căn cứ Quyết định số...-QĐ/TW, ngày …/…/…. của Ban Bí thư",
        "- Căn cứ Quyết định số 261-QĐ/TW, ngày 24/01/2025 của Ban Bí thư")
t = rep(t, "Đảng ủy ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh, khoá …….., nhiệm kỳ ……. như sau:",
        "Đảng ủy ban hành Quy chế làm việc của Ban Chấp hành Đảng bộ Ủy ban nhân dân tỉnh Bình Sơn, khoá I, nhiệm kỳ 2025 - 2030 như sau:")
t = rep(t, "- ………………………………,\n", "- Các cấp ủy, tổ chức đảng trực thuộc,\n")

# --- merged: model Điều 15 + Điều 16 -> draft Điều 16 (heading of 16 dropped, its clauses 1-3 -> 4-6)
t = rep(t, "Điều 15. Chế độ thông tin, báo cáo học tập và bảo mật\n",
        "Điều 15. Chế độ thông tin, báo cáo học tập và bảo mật; ban hành, quản lý văn bản\n")
t = rep(t, "Điều 16. Chế độ ban hành, quản lý văn bản\n", "")
t = rep(t, "\n1. Các kết luận và quyết định xử lý công việc của Thường trực Đảng ủy được Ban Thường vụ ủy quyền",
        "\n4. Các kết luận và quyết định xử lý công việc của Thường trực Đảng ủy được Ban Thường vụ ủy quyền")
t = rep(t, "\n2. Các kết luận, quyết định, các văn bản chỉ đạo của tập thể Thường trực Đảng ủy",
        "\n5. Các kết luận, quyết định, các văn bản chỉ đạo của tập thể Thường trực Đảng ủy")
t = rep(t, "\n3. Nghị quyết, quyết định của Đảng ủy, Ban Thường vụ Đảng ủy phải có trên 1/2",
        "\n6. Nghị quyết, quyết định của Đảng ủy, Ban Thường vụ Đảng ủy phải có trên 1/2")

# --- renumber headings: +1 for model 4..15 (15 is the merged one -> 16), 17..19 unchanged
t = renumber_headings(t, {n: n + 1 for n in range(4, 16)})

# --- added_in_draft: new Điều 4 (Ủy ban Kiểm tra Đảng ủy) at the end of Chương I
new4 = ("Điều 4. Nhiệm vụ, quyền hạn của Ủy ban Kiểm tra Đảng ủy\n"
        "1. Thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng theo quy định của Điều lệ Đảng, Quy định thi hành Điều lệ Đảng và hướng dẫn của cấp trên.\n"
        "2. Giúp Đảng ủy, Ban Thường vụ Đảng ủy xây dựng và tổ chức thực hiện chương trình kiểm tra, giám sát toàn khoá và hằng năm của Đảng ủy.\n"
        "3. Định kỳ 6 tháng, hằng năm báo cáo Ban Thường vụ Đảng ủy về kết quả thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật đảng.\n")
t = rep(t, "Chương II\nNHIỆM VỤ, QUYỀN HẠN CỦA CÁ NHÂN\n", new4 + "Chương II\nNHIỆM VỤ, QUYỀN HẠN CỦA CÁ NHÂN\n")

# --- missing_in_draft: model Điều 4 khoản 8 left out; 9 -> 8, 10 -> 9
t = rep(t, "8. Thường xuyên học tập, cập nhật thông tin, kiến thức mới và được bồi dưỡng, nâng cao trình độ về lý luận chính trị, chuyên môn, nghiệp vụ và năng lực hoạt động thực tiễn.\n", "")
t = rep(t, "\n9. Tham dự đầy đủ các phiên họp Đảng ủy;", "\n8. Tham dự đầy đủ các phiên họp Đảng ủy;")
t = rep(t, "\n10. Thực hiện chế độ bảo mật thông tin, giữ nghiêm kỷ luật phát ngôn của Đảng, Nhà nước.\n",
        "\n9. Thực hiện chế độ bảo mật thông tin, giữ nghiêm kỷ luật phát ngôn của Đảng, Nhà nước.\n")

# --- incidental: cross-references updated consistently in model 5 and model 6
t = rep(t, "Ngoài nhiệm vụ, quyền hạn được quy định tại Điều 4 của Quy chế này, Ủy viên Ban Thường vụ Đảng ủy",
        "Ngoài nhiệm vụ, quyền hạn được quy định tại Điều 5 của Quy chế này, Ủy viên Ban Thường vụ Đảng ủy")
t = rep(t, "Ngoài nội dung được quy định tại Điều 4, Điều 5 của Quy chế này, Bí thư Đảng ủy",
        "Ngoài nội dung được quy định tại Điều 5, Điều 6 của Quy chế này, Bí thư Đảng ủy")
# reference_broken: model Điều 7 (draft 8) keeps "Điều 4, Điều 5" -- deliberately NOT updated
assert t.count("Ngoài nội dung được quy định tại Điều 4, Điều 5 của Quy chế này, Phó Bí thư Đảng ủy") == 1

# --- number_changed: model 5.4 "hằng quý" -> "6 tháng"
t = rep(t, "Định kỳ hằng quý hoặc đột xuất, báo cáo bằng văn bản với Ban Thường vụ Đảng ủy",
        "Định kỳ 6 tháng hoặc đột xuất, báo cáo bằng văn bản với Ban Thường vụ Đảng ủy")
# --- power_moved: model 5.5 Ban Thường vụ -> Bí thư assigns the stand-in
t = rep(t, "5. Khi Thường trực Đảng ủy đi vắng, Ban Thường vụ Đảng ủy phân công một Ủy viên",
        "5. Khi Thường trực Đảng ủy đi vắng, Bí thư Đảng ủy phân công một Ủy viên")

# --- reworded: model 12.2
t = rep(t, "2. Cá nhân được quyền phát biểu và bảo lưu ý kiến của mình, nhưng phải chấp hành nghị quyết của tập thể. Ý kiến bảo lưu có thể được phản ánh lên cấp trên, nhưng không được tuyên truyền, phổ biến ra bên ngoài.\n",
        "2. Mỗi cá nhân có quyền phát biểu và bảo lưu ý kiến của mình, song phải chấp hành nghị quyết của tập thể. Ý kiến bảo lưu có thể phản ánh lên cấp trên, nhưng không được phổ biến, tuyên truyền ra bên ngoài.\n")

# --- added_in_draft: new clause 4 in model Điều 13 (draft 14)
t = rep(t, "thường xuyên tiếp xúc với cán bộ, đảng viên và Nhân dân.\n",
        "thường xuyên tiếp xúc với cán bộ, đảng viên và Nhân dân.\n"
        "4. Chương trình công tác toàn khoá, hằng năm của Đảng ủy, Ban Thường vụ Đảng ủy được gửi đến các cấp ủy, tổ chức đảng trực thuộc để phối hợp thực hiện.\n")

# --- number_changed: model 14.1 quorum 2/3 -> 1/2
t = rep(t, "phải có ít nhất 2/3 tổng số thành viên tham dự.", "phải có ít nhất 1/2 tổng số thành viên tham dự.")
# --- blank_filled: model 14.4 first blank -> 10 ; blank_left: the two other blanks of 14.4
t = rep(t, "đến văn phòng Đảng ủy trước kỳ họp ít nhất... ngày để thẩm định;",
        "đến văn phòng Đảng ủy trước kỳ họp ít nhất 10 ngày để thẩm định;")
assert t.count("trước kỳ họp... ngày đối với hội nghị Đảng ủy và trước... ngày đối với hội nghị Ban Thường vụ Đảng ủy") == 1

# --- reworded: model 17.2
t = rep(t, "2. Ủy viên Ban Chấp hành Đảng bộ phải gương mẫu tham gia sinh hoạt đảng, thường xuyên tự phê bình và phê bình, kiểm điểm trách nhiệm nêu gương theo quy định.\n",
        "2. Ủy viên Ban Chấp hành Đảng bộ phải thường xuyên tự phê bình và phê bình, gương mẫu tham gia sinh hoạt đảng, kiểm điểm trách nhiệm nêu gương theo quy định.\n")

# --- power_moved: model 19.2 Ban Thường vụ Tỉnh ủy -> Thường trực Tỉnh ủy
t = rep(t, "Đảng ủy Ủy ban nhân dân tỉnh báo cáo Ban Thường vụ Tỉnh ủy xem xét, quyết định.",
        "Đảng ủy Ủy ban nhân dân tỉnh báo cáo Thường trực Tỉnh ủy xem xét, quyết định.")

assert unicodedata.normalize("NFC", t) == t
open(OUT + "draft-from-261.txt", "w", encoding="utf-8").write(t if t.endswith("\n") else t + "\n")

# ---------------------------------------------------------------- draft from district model
t = open(M2, encoding="utf-8").read()
start = t.index("ĐẢNG BỘ TỈNH\n")
t = t[start:]

# --- incidental: header / title / preamble placeholders
t = rep(t, "ĐẢNG BỘ TỈNH\nHUYỆN (THỊ, THÀNH) ỦY...\n", "ĐẢNG BỘ TỈNH BÌNH SƠN\nHUYỆN ỦY TÂN PHÚ\n")
t = rep(t, "..., ngày tháng năm 2023\n", "Tân Phú, ngày 12 tháng 9 năm 2023\n")
t = rep(t, "Số.....QC/HU\n", "Số 05-QC/HU\n")
t = rep(t, "của ban chấp hành đảng bộ huyện, khóa.....\nnhiệm kỳ\n",
        "của ban chấp hành đảng bộ huyện Tân Phú, khóa XXV,\nnhiệm kỳ 2020 - 2025\n")
t = rep(t, "- Ban chấp hành đảng bộ huyện..., khoá..., nhiệm kỳ... quyết định",
        "- Ban chấp hành đảng bộ huyện Tân Phú, khoá XXV, nhiệm kỳ 2020 - 2025 quyết định")

# --- missing_in_draft (article): model Điều 14 removed entirely
i = t.index("Điều 14. Quan hệ với Ban Chỉ huy Quân sự")
j = t.index("Điều 15. Quan hệ công tác trong nội bộ thường trực huyện ủy")
t = t[:i] + t[j:]

# --- merged: model Điều 17 + 18 -> one article
t = rep(t, "Điều 17. Nguyên tắc làm việc\n", "Điều 17. Nguyên tắc làm việc và thực hiện chương trình công tác\n")
t = rep(t, "Điều 18. Thực hiện chương trình công tác\n\n", "")
t = rep(t, "\n1. Huyện ủy, ban thường vụ, thường trực huyện ủy làm việc theo chương trình, kế hoạch công tác",
        "\n4. Huyện ủy, ban thường vụ, thường trực huyện ủy làm việc theo chương trình, kế hoạch công tác")
t = rep(t, "\n2. Văn phòng huyện ủy phối hợp với các cơ quan tham mưu, giúp việc của huyện ủy",
        "\n5. Văn phòng huyện ủy phối hợp với các cơ quan tham mưu, giúp việc của huyện ủy")
t = rep(t, "\n3. Ủy viên ban chấp hành, ủy viên ban thường vụ, thường trực huyện ủy trên cơ sở chương trình công tác",
        "\n6. Ủy viên ban chấp hành, ủy viên ban thường vụ, thường trực huyện ủy trên cơ sở chương trình công tác")

# --- renumber headings: +1 for 6..13, 15..17 unchanged, -1 for 19..25
mp = {n: n + 1 for n in range(6, 14)}
mp.update({n: n - 1 for n in range(19, 26)})
t = renumber_headings(t, mp, delete=(14, 18))

# --- added_in_draft: new Điều 6 after model Điều 5
new6 = ("Điều 6. Nhiệm vụ, quyền hạn của ủy viên ban thường vụ - chủ nhiệm Ủy ban kiểm tra huyện ủy\n\n"
        "Ngoài nhiệm vụ, quyền hạn được quy định tại Điều 4, Điều 5 của Quy chế này, ủy viên ban thường vụ - chủ nhiệm Ủy ban kiểm tra huyện ủy còn có nhiệm vụ, quyền hạn sau:\n\n"
        "1. Chịu trách nhiệm trước huyện ủy, ban thường vụ, thường trực huyện ủy về toàn bộ hoạt động của Ủy ban kiểm tra huyện ủy; chủ trì xây dựng và tổ chức thực hiện chương trình kiểm tra, giám sát hằng năm của Ủy ban kiểm tra huyện ủy.\n\n"
        "2. Tham mưu, giúp huyện ủy, ban thường vụ huyện ủy tổ chức thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng theo quy định của Điều lệ Đảng.\n\n"
        "3. Định kỳ 6 tháng, hằng năm báo cáo thường trực, ban thường vụ huyện ủy về kết quả thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật đảng.\n\n")
t = rep(t, "Điều 7. Nhiệm vụ, quyền hạn của bí thư huyện ủy\n", new6 + "Điều 7. Nhiệm vụ, quyền hạn của bí thư huyện ủy\n")
# reference_broken: model Điều 9 (draft 10) keeps "Điều 6 ... Điều 7 ... Điều 5" -- deliberately NOT updated
assert t.count("của bí thư được ghi ở Điều 6 hoặc phó bí thư thường trực ghi ở Điều 7 hoặc ủy viên ban thường vụ ghi ở Điều 5 của Quy chế này") == 1

# --- missing_in_draft (clause): model 4.10 removed; 11 -> 10, 12 -> 11, 13 -> 12
t = rep(t, "10. Có quyền bầu cử, ứng cử, đề cử, xin rút khỏi danh sách đề cử theo quy định của Điều lệ Đảng và Quy chế bầu cử trong Đảng.\n\n", "")
t = rep(t, "\n11. Thực hiện chế độ bảo mật thông tin,", "\n10. Thực hiện chế độ bảo mật thông tin,")
t = rep(t, "\n12. Được cung cấp và yêu cầu ban thường vụ huyện ủy", "\n11. Được cung cấp và yêu cầu ban thường vụ huyện ủy")
t = rep(t, "\n13. Nghiêm chỉnh chấp hành việc thực hiện trách nhiệm", "\n12. Nghiêm chỉnh chấp hành việc thực hiện trách nhiệm")

# --- reworded: model 4.5
t = rep(t, "5. Nghiêm chỉnh chấp hành sự phân công và điều động của cấp có thẩm quyền; có quyền trình bày ý kiến khi các cơ quan có thẩm quyền đánh giá, nhận xét, quyết định bố trí công tác, thi hành kỷ luật đối với mình.\n",
        "5. Chấp hành nghiêm sự phân công, điều động của cấp có thẩm quyền; được quyền trình bày ý kiến khi các cơ quan có thẩm quyền nhận xét, đánh giá, quyết định bố trí công tác, thi hành kỷ luật đối với mình.\n")

# --- power_moved: model 15.2 (first dash) ban thường vụ -> bí thư huyện ủy
t = rep(t, "thảo luận kỹ lưỡng, nếu vẫn chưa thống nhất thì báo cáo ban thường vụ xem xét, quyết định.",
        "thảo luận kỹ lưỡng, nếu vẫn chưa thống nhất thì báo cáo bí thư huyện ủy xem xét, quyết định.")

# --- blank_filled: model 19.1 "...lần/tháng" -> "01 lần/tháng"; blank_left: model 19.3
t = rep(t, "Ban thường vụ họp ít nhất ...lần/tháng,", "Ban thường vụ họp ít nhất 01 lần/tháng,")
assert t.count("trước kỳ họp ít nhất ... ngày để thẩm định; văn phòng huyện ủy gửi giấy mời và tài liệu hội nghị đến các thành viên trước kỳ họp ... ngày đối với hội nghị huyện ủy và trước ... ngày") == 1

# --- added_in_draft: new clause 4 in model Điều 20 (draft 19)
t = rep(t, "thực hiện nghiêm chế độ bảo mật, kỷ luật phát ngôn theo quy định của Đảng và Nhà nước.\n\n",
        "thực hiện nghiêm chế độ bảo mật, kỷ luật phát ngôn theo quy định của Đảng và Nhà nước.\n\n"
        "4. Văn phòng huyện ủy theo dõi, tổng hợp, báo cáo thường trực huyện ủy việc thực hiện chế độ thông tin, báo cáo của các cấp ủy, tổ chức đảng, cơ quan, đơn vị trực thuộc.\n\n")

# --- number_changed: model 21.3 "trên 1/2 số thành viên tán thành" (first) -> "trên 2/3"
t = rep(t, "3. Nghị quyết, quyết định của huyện ủy, ban thường vụ phải có trên 1/2 số thành viên tán thành.",
        "3. Nghị quyết, quyết định của huyện ủy, ban thường vụ phải có trên 2/3 số thành viên tán thành.")

# --- reworded: model 22.4
t = rep(t, "4. Trong các hội nghị huyện ủy, dành thời gian thích hợp để các đồng chí huyện ủy viên thực hiện chất vấn và trả lời chất vấn theo quy định.\n",
        "4. Các hội nghị huyện ủy dành thời gian phù hợp để các đồng chí huyện ủy viên thực hiện việc chất vấn và trả lời chất vấn theo quy định.\n")

assert unicodedata.normalize("NFC", t) == t
open(OUT + "draft-from-district.txt", "w", encoding="utf-8").write(t if t.endswith("\n") else t + "\n")
print("ok")
