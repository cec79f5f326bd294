from assistant.terms import FOLDED, question_compounds, question_terms
from ingest.normalize import words

NAME = words("Quy chế làm việc mẫu của ban chấp hành đảng bộ ủy ban nhân dân tỉnh, thành phố")


def test_listed_words_with_their_neighbours() -> None:
    found = question_compounds("Ai bổ nhiệm hiệu trưởng trường trung học cơ sở?")
    assert [c.terms for c in found] == [
        ("bổ", "nhiệm"),
        ("hiệu", "trưởng"),
        ("trung", "học", "cơ", "sở"),
    ]
    assert found[1].before == "nhiệm" and found[1].after == "trường"


def test_typed_without_diacritics_the_words_are_folded() -> None:
    found = question_compounds("thu tuc cap lai so ho khau")
    assert (FOLDED + "so", FOLDED + "ho", FOLDED + "khau") in [c.terms for c in found]


def test_words_that_name_the_document_are_not_what_is_asked() -> None:
    terms = question_terms(
        "Điều nào của quy chế mẫu đảng ủy UBND tỉnh quy định chế độ kỷ luật?", (), NAME
    )
    assert "chế_độ" in terms and "kỷ_luật" in terms
    # the name, its seat ("đảng ủy") and the phrases across it are gone
    assert not {"mẫu", "ủy_ban", "nhân_dân", "tỉnh", "tỉnh_quy", "mẫu_đảng"} & set(terms)


def test_a_body_in_the_name_is_still_asked_about() -> None:
    terms = question_terms("Ban chấp hành đảng bộ ủy ban nhân dân tỉnh họp mấy lần?", (), NAME)
    assert "chấp_hành" in terms and "đảng_bộ" in terms
    assert "nhân_dân" not in terms
    # two words of the name in a row may be what is asked ("chế độ", "thành phố")
    assert "thành_phố" in question_terms("Hội nghị thành phố họp khi nào?", (), NAME)


def test_bao_is_a_word_bao_nhieu_and_bao_gio_are_not() -> None:
    assert "báo_cáo" in question_terms("Chế độ báo cáo thế nào?")
    assert "~bao" not in question_terms("bao gio thi hop, hop bao nhieu lan, bao lau")


def test_a_place_is_left_out_only_where_it_is_written_whole() -> None:
    # typed without diacritics, "Đồng Tháp" is "dong thap": "điều động" keeps its "động"
    terms = question_terms("ai quyet dinh dieu dong can bo o dong thap", {"dong thap"})
    assert FOLDED + "dieu_" + FOLDED + "dong" in terms
    assert FOLDED + "thap" not in terms


def test_function_words_typed_with_their_diacritics_are_not_content() -> None:
    assert question_terms("Còn ở Đồng Tháp thì sao?", {"dong thap"}) == []
    # folded, "con" may be "con" (a child) and stays
    assert FOLDED + "con" in question_terms("con nuoi")


def test_each_sentence_is_read_as_typed():
    """A follow-up typed without diacritics after an accented question it continues is
    folded on its own: its words match every spelling, the accented ones stay exact."""
    terms = question_terms("Ai triệu tập hội nghị thường kỳ? con hoi nghi bat thuong thi sao")
    assert "triệu" in terms and "~triệu" not in terms
    assert {"~hoi", "~nghi", "~bat", "~thuong"} <= set(terms)
    assert "bat" not in terms


def test_time_nouns_stance_adverbs_and_modals_frame_the_question():
    """ "hôm ...", "... luôn", "bắt buộc ...": when, how firmly, whether it must; the
    meeting and the one who chairs it are the topic."""
    terms = question_terms("hôm giao ban mà tổ trưởng đi vắng thì có bắt buộc hoãn luôn không")
    assert not {"hôm", "luôn", "bắt", "buộc"} & set(terms)
    assert {"giao", "ban", "tổ", "trưởng", "hoãn"} <= set(terms)


def test_a_comparative_and_its_adjective_name_no_topic() -> None:
    """ "bên nào dày hơn" asks which value is larger, a value each rule gives."""
    terms = question_terms("Tổ Mây so với tổ Gió thì bên nào họp dày hơn?")
    assert not {"dày", "hơn"} & set(terms)
    assert "họp" in terms


def test_a_syllable_folded_from_a_topic_word_is_kept() -> None:
    """Typed bare, "tai" is "tài" of "tài khoản" as often as the preposition "tại"."""
    assert "~tai_~khoan" in question_terms("chu tai khoan cua to la ai")


def test_a_verb_of_requesting_is_the_act_of_asking_not_a_topic() -> None:
    terms = question_terms("Nhờ chép nguyên văn khoản về lưu trữ hồ sơ với")
    assert "nhờ" not in terms and "lưu_trữ" in terms
    assert "vui" not in question_terms("Vui lòng cho biết ai ký biên bản họp tổ")


def test_with_the_names_pairs_a_word_names_only_beside_its_neighbour_in_the_name() -> None:
    import itertools

    name = words("Quy chế làm việc của Đảng ủy xã Tân Lộc, huyện Định Hòa")
    pairs = {f"{a} {b}" for a, b in itertools.pairwise(name)}
    question = "QC xa Tan Loc co quy dinh loc phat cho dang vien khong"
    terms = question_terms(question, (), frozenset(name) | pairs)
    # "lộc" of "lộc phát" is no "Lộc" of "Tân Lộc"; "xa tan loc" names the document
    assert FOLDED + "loc_" + FOLDED + "phat" in terms
    assert FOLDED + "tan" not in terms


def test_no_syllable_of_a_comparison_phrase_is_left_as_a_topic() -> None:
    # "có giống nhau không": the whole phrase frames the comparison, "nhau" included
    terms = question_terms("Tổ A với tổ B trực đêm vào thứ mấy, có giống nhau không?")
    assert "nhau" not in terms and "giống" not in terms


def test_a_capital_letter_after_a_noun_is_a_label_not_a_particle() -> None:
    # "loại A" names a class; "ạ" typed bare ("a") and after a function word is chat
    assert "loại_a" in question_terms("Công trình loại A do ai phê duyệt?")
    assert "~a" not in question_terms("cong trinh nay ai phe duyet a")
    assert "a" not in question_terms("cho em hỏi với A")


def test_words_either_side_of_a_comma_make_no_phrase() -> None:
    """ "... 12 ủy viên chính thức, hôm qua ...": "thức" and "hôm" are no phrase."""
    terms = question_terms("tổ có 12 ủy viên chính thức, buổi họp 7 người thì sao")
    assert "chính_thức" in terms and "thức_buổi" not in terms
    assert "buổi_họp" in terms
