#!/usr/bin/env python3
import json

def loc(a, c=None):
    return {"article": a, "clause": c}

def dep(i, kind, model, draft, old, new, desc, also=()):
    return {"id": "d%02d" % i, "kind": kind, "also_accept": list(also), "model": model, "draft": draft,
            "old": old, "new": new, "description": desc}

# ------------------------------------------------------------------ 261
d = []
d.append(dep(1, "added_in_draft", None, loc(4),
             "", "Điều 4. Nhiệm vụ, quyền hạn của Ủy ban Kiểm tra Đảng ủy",
             "New article on the Party committee's Inspection Commission (3 clauses) inserted at the end of Chương I; the model has no such article."))
d.append(dep(2, "renumbered", loc(4), loc(5),
             "Điều 4. Nhiệm vụ, quyền hạn của Ủy viên Ban Chấp hành Đảng bộ",
             "Điều 5. Nhiệm vụ, quyền hạn của Ủy viên Ban Chấp hành Đảng bộ",
             "Because of the inserted Điều 4, model articles 4-15 are draft articles 5-16 (+1); first shifted article is model 4 -> draft 5. From model 17 on the numbers coincide again (merge of 15+16)."))
d.append(dep(3, "missing_in_draft", loc(4, 8), loc(5),
             "8. Thường xuyên học tập, cập nhật thông tin, kiến thức mới và được bồi dưỡng, nâng cao trình độ về lý luận chính trị, chuyên môn, nghiệp vụ và năng lực hoạt động thực tiễn.", "",
             "Clause 8 of the member-duties article (continuous learning / training) is left out; model clauses 9 and 10 become draft clauses 8 and 9."))
d.append(dep(4, "number_changed", loc(5, 4), loc(6, 4),
             "Định kỳ hằng quý hoặc đột xuất, báo cáo bằng văn bản", "Định kỳ 6 tháng hoặc đột xuất, báo cáo bằng văn bản",
             "Written reporting frequency of Standing Committee members changed from quarterly to every 6 months."))
d.append(dep(5, "power_moved", loc(5, 5), loc(6, 5),
             "Ban Thường vụ Đảng ủy phân công một Ủy viên Ban Thường vụ", "Bí thư Đảng ủy phân công một Ủy viên Ban Thường vụ",
             "Power to designate the stand-in Standing Committee member when the Thường trực is absent moved from the Ban Thường vụ to the Bí thư."))
d.append(dep(6, "reference_broken", loc(7), loc(8),
             "Ngoài nội dung được quy định tại Điều 4, Điều 5 của Quy chế này, Phó Bí thư",
             "Ngoài nội dung được quy định tại Điều 4, Điều 5 của Quy chế này, Phó Bí thư",
             "Intro of the Phó Bí thư article still cites Điều 4, Điều 5; in the draft these are now the Inspection Commission article and the BCH-member article (should read Điều 5, Điều 6). The same references in draft Điều 6 and Điều 7 were updated correctly."))
d.append(dep(7, "reworded", loc(12, 2), loc(13, 2),
             "Cá nhân được quyền phát biểu và bảo lưu ý kiến của mình, nhưng phải chấp hành nghị quyết của tập thể. Ý kiến bảo lưu có thể được phản ánh lên cấp trên, nhưng không được tuyên truyền, phổ biến ra bên ngoài.",
             "Mỗi cá nhân có quyền phát biểu và bảo lưu ý kiến của mình, song phải chấp hành nghị quyết của tập thể. Ý kiến bảo lưu có thể phản ánh lên cấp trên, nhưng không được phổ biến, tuyên truyền ra bên ngoài.",
             "Clause on the right to reserve one's opinion reworded with synonyms and swapped word order; meaning unchanged."))
d.append(dep(8, "added_in_draft", loc(13), loc(14, 4),
             "", "4. Chương trình công tác toàn khoá, hằng năm của Đảng ủy, Ban Thường vụ Đảng ủy được gửi đến các cấp ủy, tổ chức đảng trực thuộc để phối hợp thực hiện.",
             "New clause 4 added to the work-programme article (sending the programmes to subordinate party organisations)."))
d.append(dep(9, "number_changed", loc(14, 1), loc(15, 1),
             "phải có ít nhất 2/3 tổng số thành viên tham dự", "phải có ít nhất 1/2 tổng số thành viên tham dự",
             "Quorum for Đảng ủy / Ban Thường vụ meetings lowered from 2/3 to 1/2 of members."))
d.append(dep(10, "blank_filled", loc(14, 4), loc(15, 4),
             "trước kỳ họp ít nhất... ngày để thẩm định", "trước kỳ họp ít nhất 10 ngày để thẩm định",
             "The model's blank lead time for sending meeting documents to the Office for appraisal is filled with 10 days.",
             also=["number_changed"]))
d.append(dep(11, "blank_left", loc(14, 4), loc(15, 4),
             "trước kỳ họp... ngày đối với hội nghị Đảng ủy và trước... ngày đối với hội nghị Ban Thường vụ Đảng ủy",
             "trước kỳ họp... ngày đối với hội nghị Đảng ủy và trước... ngày đối với hội nghị Ban Thường vụ Đảng ủy",
             "The two blank lead times for sending invitations/documents to members (Đảng ủy meetings, Ban Thường vụ meetings) are still blank in the draft."))
d.append(dep(12, "merged", loc(16), loc(16),
             "Điều 16. Chế độ ban hành, quản lý văn bản",
             "Điều 16. Chế độ thông tin, báo cáo học tập và bảo mật; ban hành, quản lý văn bản",
             "Model Điều 15 (information/reporting) and Điều 16 (issuing documents) merged into draft Điều 16; model 15 clauses 1-3 = draft 16 clauses 1-3, model 16 clauses 1-3 = draft 16 clauses 4-6 (texts unchanged).",
             also=["missing_in_draft"]))
d.append(dep(13, "reworded", loc(17, 2), loc(17, 2),
             "phải gương mẫu tham gia sinh hoạt đảng, thường xuyên tự phê bình và phê bình",
             "phải thường xuyên tự phê bình và phê bình, gương mẫu tham gia sinh hoạt đảng",
             "Clause on members' self-criticism reworded by reordering its phrases; meaning unchanged."))
d.append(dep(14, "power_moved", loc(19, 2), loc(19, 2),
             "báo cáo Ban Thường vụ Tỉnh ủy xem xét, quyết định", "báo cáo Thường trực Tỉnh ủy xem xét, quyết định",
             "Decision on amending the regulation moved from the provincial Ban Thường vụ Tỉnh ủy to the Thường trực Tỉnh ủy."))

inc = [
    {"model": None, "draft": None, "description": "model cover lines ('QUY CHẾ LÀM VIỆC MẪU CỦA BAN CHẤP HÀNH ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH, THÀNH PHỐ' and '(Kèm theo Quyết định số 261-QĐ/TW ...)') and the decision that precedes them are not part of the draft"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: 'ĐẢNG BỘ TỈNH, THÀNH PHỐ ….' -> 'ĐẢNG BỘ TỈNH BÌNH SƠN'"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: 'ĐẢNG ỦY ….' -> 'ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH'"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: 'Số: …..QC/ĐU' -> 'Số: 02-QC/ĐU'"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: '….., ngày … tháng …. năm …' -> 'Sơn Lâm, ngày 20 tháng 3 năm 2025'"},
    {"model": None, "draft": None, "description": "placeholder filled in the title: 'Ủy ban nhân dân tỉnh, khoá..., nhiệm kỳ...' -> 'Ủy ban nhân dân tỉnh Bình Sơn, khoá I, nhiệm kỳ 2025 - 2030'"},
    {"model": None, "draft": None, "description": "placeholder filled in the preamble (căn cứ): 'Quy định số.... QĐ/TW, ngày …/…/…' -> 'Quy định số 232-QĐ/TW, ngày 20/01/2025'"},
    {"model": None, "draft": None, "description": "placeholder filled in the preamble (căn cứ): 'Quy định số ...-QĐ/TW, ngày .../…/2025' -> 'Quy định số 260-QĐ/TW, ngày 24/01/2025'"},
    {"model": None, "draft": None, "description": "placeholder filled in the preamble (căn cứ): 'Quyết định số...-QĐ/TW, ngày …/…/….' -> 'Quyết định số 261-QĐ/TW, ngày 24/01/2025'"},
    {"model": None, "draft": None, "description": "placeholder filled in the enacting sentence: 'Ủy ban nhân dân tỉnh, khoá …….., nhiệm kỳ …….' -> 'Ủy ban nhân dân tỉnh Bình Sơn, khoá I, nhiệm kỳ 2025 - 2030'"},
    {"model": None, "draft": None, "description": "placeholder filled in 'Nơi nhận' (after the last article): '- ………………………………,' -> '- Các cấp ủy, tổ chức đảng trực thuộc,'"},
    {"model": loc(5), "draft": loc(6), "description": "not a departure: cross-reference in the intro updated consistently with the renumbering, 'Điều 4' -> 'Điều 5' (the BCH-member article is now Điều 5)"},
    {"model": loc(6), "draft": loc(7), "description": "not a departure: cross-reference in the intro updated consistently with the renumbering, 'Điều 4, Điều 5' -> 'Điều 5, Điều 6'"},
]
key = {"model_file": "/work/main/data/regulations/quy-che-mau-dang-uy-ubnd-tinh-2025.txt",
       "draft_file": "draft-from-261.txt", "departures": d, "incidental": inc}
json.dump(key, open("/work/compare-acceptance/key-from-261.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)

# ------------------------------------------------------------------ district
d = []
d.append(dep(1, "reworded", loc(4, 5), loc(4, 5),
             "Nghiêm chỉnh chấp hành sự phân công và điều động của cấp có thẩm quyền; có quyền trình bày ý kiến khi các cơ quan có thẩm quyền đánh giá, nhận xét, quyết định bố trí công tác, thi hành kỷ luật đối với mình.",
             "Chấp hành nghiêm sự phân công, điều động của cấp có thẩm quyền; được quyền trình bày ý kiến khi các cơ quan có thẩm quyền nhận xét, đánh giá, quyết định bố trí công tác, thi hành kỷ luật đối với mình.",
             "Clause on obeying assignments and the right to be heard reworded (synonyms, swapped 'đánh giá, nhận xét'); meaning unchanged."))
d.append(dep(2, "missing_in_draft", loc(4, 10), loc(4),
             "10. Có quyền bầu cử, ứng cử, đề cử, xin rút khỏi danh sách đề cử theo quy định của Điều lệ Đảng và Quy chế bầu cử trong Đảng.", "",
             "Clause 10 of the member-duties article (right to vote, stand, nominate, withdraw) left out; model clauses 11-13 become draft clauses 10-12."))
d.append(dep(3, "added_in_draft", None, loc(6),
             "", "Điều 6. Nhiệm vụ, quyền hạn của ủy viên ban thường vụ - chủ nhiệm Ủy ban kiểm tra huyện ủy",
             "New article (intro + 3 clauses) on the Standing Committee member who chairs the district Inspection Commission, inserted after the Standing Committee member article."))
d.append(dep(4, "renumbered", loc(6), loc(7),
             "Điều 6. Nhiệm vụ, quyền hạn của bí thư huyện ủy", "Điều 7. Nhiệm vụ, quyền hạn của bí thư huyện ủy",
             "Because of the inserted Điều 6, model articles 6-13 are draft articles 7-14 (+1); first shifted article is model 6 -> draft 7."))
d.append(dep(5, "reference_broken", loc(9), loc(10),
             "bí thư được ghi ở Điều 6 hoặc phó bí thư thường trực ghi ở Điều 7 hoặc ủy viên ban thường vụ ghi ở Điều 5",
             "bí thư được ghi ở Điều 6 hoặc phó bí thư thường trực ghi ở Điều 7 hoặc ủy viên ban thường vụ ghi ở Điều 5",
             "Intro of the HĐND-chair article still cites Điều 6 (bí thư) and Điều 7 (phó bí thư thường trực); in the draft those are Điều 7 and Điều 8, while Điều 6/7 now hold the Inspection-chair and bí thư articles. 'Điều 5' is still correct."))
d.append(dep(6, "missing_in_draft", loc(14), None,
             "Điều 14. Quan hệ với Ban Chỉ huy Quân sự, công an, viện kiểm sát nhân dân và tòa án nhân dân huyện", "",
             "Whole article on relations with the military command, police, procuracy and court (3 clauses) left out."))
d.append(dep(7, "power_moved", loc(15, 2), loc(15, 2),
             "nếu vẫn chưa thống nhất thì báo cáo ban thường vụ xem xét, quyết định",
             "nếu vẫn chưa thống nhất thì báo cáo bí thư huyện ủy xem xét, quyết định",
             "When the Thường trực cannot agree on a delegated matter, the decision goes to the bí thư instead of the ban thường vụ (first dash of clause 2; the second dash is unchanged)."))
d.append(dep(8, "merged", loc(18), loc(17),
             "Điều 18. Thực hiện chương trình công tác",
             "Điều 17. Nguyên tắc làm việc và thực hiện chương trình công tác",
             "Model Điều 17 (working principles) and Điều 18 (work programme) merged into draft Điều 17; model 18 clauses 1-3 = draft 17 clauses 4-6 (texts unchanged).",
             also=["missing_in_draft"]))
d.append(dep(9, "renumbered", loc(19), loc(18),
             "Điều 19. Chế độ hội nghị của huyện ủy, ban thường vụ huyện ủy", "Điều 18. Chế độ hội nghị của huyện ủy, ban thường vụ huyện ủy",
             "Second shift: after the removed Điều 14 and the merge of 17+18, model articles 19-25 are draft articles 18-24 (-1); first shifted article is model 19 -> draft 18. (Model 15-17 keep their numbers.)"))
d.append(dep(10, "blank_filled", loc(19, 1), loc(18, 1),
             "Ban thường vụ họp ít nhất ...lần/tháng", "Ban thường vụ họp ít nhất 01 lần/tháng",
             "The model's blank for the Standing Committee's minimum meeting frequency is filled with once a month.",
             also=["number_changed"]))
d.append(dep(11, "blank_left", loc(19, 3), loc(18, 3),
             "đến văn phòng huyện ủy trước kỳ họp ít nhất ... ngày để thẩm định",
             "đến văn phòng huyện ủy trước kỳ họp ít nhất ... ngày để thẩm định",
             "The lead-time blank (days) for sending meeting documents to the office is still blank in the draft, as are the two other day-blanks of the same clause (invitations for huyện ủy / ban thường vụ meetings)."))
d.append(dep(12, "added_in_draft", loc(20), loc(19, 4),
             "", "4. Văn phòng huyện ủy theo dõi, tổng hợp, báo cáo thường trực huyện ủy việc thực hiện chế độ thông tin, báo cáo của các cấp ủy, tổ chức đảng, cơ quan, đơn vị trực thuộc.",
             "New clause 4 added to the information/reporting article (office monitors compliance with reporting duties)."))
d.append(dep(13, "number_changed", loc(21, 3), loc(20, 3),
             "phải có trên 1/2 số thành viên tán thành.", "phải có trên 2/3 số thành viên tán thành.",
             "Approval threshold for resolutions/decisions raised from over 1/2 to over 2/3 (first sentence only; the written-consultation thresholds later in the clause still say 1/2)."))
d.append(dep(14, "reworded", loc(22, 4), loc(21, 4),
             "Trong các hội nghị huyện ủy, dành thời gian thích hợp để các đồng chí huyện ủy viên thực hiện chất vấn và trả lời chất vấn theo quy định.",
             "Các hội nghị huyện ủy dành thời gian phù hợp để các đồng chí huyện ủy viên thực hiện việc chất vấn và trả lời chất vấn theo quy định.",
             "Clause on question time at committee meetings reworded; meaning unchanged."))

inc = [
    {"model": None, "draft": None, "description": "model cover lines ('QUY CHẾ LÀM VIỆC MẪU CỦA CẤP ỦY CẤP HUYỆN' and '(Ban hành kèm theo Quyết định số ... - QĐ/TW, ngày / /2023 của Ban Bí thư)') are not part of the draft; the '“Dự thảo”' label is kept"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: 'ĐẢNG BỘ TỈNH' -> 'ĐẢNG BỘ TỈNH BÌNH SƠN'"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: 'HUYỆN (THỊ, THÀNH) ỦY...' -> 'HUYỆN ỦY TÂN PHÚ'"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: '..., ngày tháng năm 2023' -> 'Tân Phú, ngày 12 tháng 9 năm 2023'"},
    {"model": None, "draft": None, "description": "placeholder filled in the header: 'Số.....QC/HU' -> 'Số 05-QC/HU'"},
    {"model": None, "draft": None, "description": "placeholder filled in the title: 'đảng bộ huyện, khóa..... / nhiệm kỳ' -> 'đảng bộ huyện Tân Phú, khóa XXV, / nhiệm kỳ 2020 - 2025'"},
    {"model": None, "draft": None, "description": "placeholder filled in the enacting line: 'Ban chấp hành đảng bộ huyện..., khoá..., nhiệm kỳ...' -> 'Ban chấp hành đảng bộ huyện Tân Phú, khoá XXV, nhiệm kỳ 2020 - 2025'"},
]
key = {"model_file": "/work/main/data/regulations/quy-che-mau-cap-uy-cap-huyen-du-thao-2023.txt",
       "draft_file": "draft-from-district.txt", "departures": d, "incidental": inc}
json.dump(key, open("/work/compare-acceptance/key-from-district.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("keys written")
