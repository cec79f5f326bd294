from assistant.coverage import TermStats
from assistant.terms import question_compounds

CLAUSES = [
    "Ban Thường vụ quyết định bổ nhiệm cán bộ thuộc diện quản lý.",
    "Hội nghị thảo luận và biểu quyết theo yêu cầu của Thường trực.",
    "Nâng cao hiệu quả công tác ở cơ sở; trưởng ban, phó trưởng ban các cơ quan.",
    "Tỉnh ủy Điện Biên họp thường lệ.",
]


def test_words_the_corpus_never_writes() -> None:
    stats = TermStats(CLAUSES)
    # every syllable of "hiệu trưởng" is in the corpus, the word is not
    question = "Ai bổ nhiệm hiệu trưởng trường trung học cơ sở?"
    assert stats.unknown_words(question_compounds(question)) == [
        "hiệu trưởng",
        "trung học cơ sở",
    ]


def test_a_doubtful_split_is_no_unknown_word() -> None:
    stats = TermStats(CLAUSES)
    # "người yêu | cầu" is split wrongly: "yêu cầu" is a phrase of the corpus
    assert stats.unknown_words(question_compounds("cần bao nhiêu người yêu cầu")) == []
    # folded "tỉnh Điện Biên" reads as "tinh dien | bien": "dien bien" is the corpus's
    assert stats.unknown_words(question_compounds("tinh dien bien hop may lan")) == []


def test_a_split_into_no_listed_word_is_no_doubt() -> None:
    stats = TermStats([*CLAUSES, "Cử cán bộ đi học, công tác ở nước ngoài."])
    # "học công" is written in the corpus ("đi học, công tác") but is no word: "đại học"
    # and "công lập" stay words the corpus never writes
    question = "Ai ký quyết định thành lập trường đại học công lập?"
    unknown = stats.unknown_words(question_compounds(question))
    assert "đại học" in unknown and "công lập" in unknown
