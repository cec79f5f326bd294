from index.abbreviations import expansion
from index.tokens import expand_abbreviations, tokenize


def test_folds_and_adds_bigrams() -> None:
    assert tokenize("Ban Thường vụ") == ["ban", "thuong", "vu", "ban_thuong", "thuong_vu"]


def test_same_tokens_with_and_without_diacritics() -> None:
    assert tokenize("Ủy ban kiểm tra họp") == tokenize("uy ban kiem tra hop")
    assert tokenize("Uỷ ban") == tokenize("Ủy ban")


def test_bigrams_stop_at_punctuation() -> None:
    assert "hop_ban" not in tokenize("họp. Ban")


def test_abbreviation_expanded_and_kept() -> None:
    tokens = tokenize("BTV họp")
    assert "btv" in tokens
    assert "thuong_vu" in tokens
    assert "btv_hop" in tokens
    assert set(tokenize("HĐND")) == set(tokenize("HDND")) >= {"hdnd", "hoi_dong", "nhan_dan"}


def test_syllable_abbreviations_need_capitals() -> None:
    assert expansion("TU") == "tỉnh ủy"
    assert expansion("tu") == ""
    assert expansion("TƯ") == "trung ương"
    assert expansion("btv") == "ban thường vụ"
    # "BT" is the secretary; typed small it is chat shorthand ("bình thường")
    assert expansion("BT") == "bí thư"
    assert expansion("bt") == ""


def test_query_drops_question_words_only() -> None:
    tokens = tokenize("Ban Thường vụ có bao nhiêu ủy viên thì được họp?", query=True)
    for gone in ("co", "bao", "nhieu", "bao_nhieu", "thi", "duoc"):
        assert gone not in tokens
    for kept in ("thuong_vu", "uy_vien", "hop"):
        assert kept in tokens


def test_query_keeps_compounds_of_stopword_syllables() -> None:
    # "co" (có) is a stopword, but "cơ quan" folds to "co_quan" and must stay.
    assert "co_quan" in tokenize("cơ quan nào", query=True)
    # "bảo đảm" folds to "bao dam": only "bao nhiêu" is a question phrase.
    assert "bao_dam" in tokenize("bảo đảm gì", query=True)


def test_document_side_keeps_everything() -> None:
    assert "khong" in tokenize("không được")


def test_expand_abbreviations_for_dense_query() -> None:
    assert expand_abbreviations("BTV và UBKT") == "BTV và UBKT (ban thường vụ; ủy ban kiểm tra)"
    assert expand_abbreviations("họp định kỳ") == "họp định kỳ"


def test_office_abbreviation_expanded() -> None:
    """ "VP" (văn phòng) is how staff write the office in every Party document."""
    assert expansion("VP") == "văn phòng"
    assert {"van_phong", "vp"} <= set(tokenize("VP huyện ủy lưu hồ sơ"))
