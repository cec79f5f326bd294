"""Question normalisation on a made-up regulation: keystrokes, typos, conversational
frames; topic words and question words are kept."""

from __future__ import annotations

import pytest

from assistant.normalize_question import normalize_question
from assistant.vocabulary import Vocabulary

REGULATION = (
    """
Điều 3. Nhiệm vụ của Ban Thường vụ Đảng ủy
1. Ban Thường vụ quyết định triệu tập hội nghị Ban Chấp hành; chuẩn bị nội dung hội nghị.
2. Quyết định kết nạp đảng viên, kỷ luật đảng viên theo thẩm quyền.
3. Ban Thường vụ họp định kỳ mỗi tháng một lần; khi cần thiết họp bất thường.
Điều 4. Thường trực Đảng ủy
1. Thường trực chủ trì, phối hợp công việc của các ban; ký văn bản theo ủy quyền.
2. Hội nghị hợp lệ khi có ít nhất hai phần ba số ủy viên tham dự. Kinh phí hoạt động
do Văn phòng quản lý; chế độ làm việc, thời gian và nội dung do Thường trực quyết định.
3. Trường hợp đó, người dự họp ở cơ sở báo cáo theo khoản 2 Điều này.
"""
    * 3
)


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary([REGULATION])


class TestRepairs:
    def test_telex_leftovers(self, vocabulary: Vocabulary) -> None:
        out = normalize_question("ai quyeets ddinhj trieeju taapj hojp", vocabulary)
        assert out.text == "ai quyết định triệu tập họp"
        assert [r.kind for r in out.repairs] == ["telex"] * 5

    def test_vni_leftover(self, vocabulary: Vocabulary) -> None:
        out = normalize_question("ban thuong vu ho5p may lan", vocabulary)
        assert out.text == "ban thuong vu họp may lan"
        assert out.repairs[0].kind == "vni"

    def test_one_edit_typo(self, vocabulary: Vocabulary) -> None:
        out = normalize_question("ai quyet dinh trieu tpa hoi nghi", vocabulary)
        assert "trieu tap" in out.text

    def test_typo_read_from_its_neighbours(self, vocabulary: Vocabulary) -> None:
        # "thág" is one edit from several syllables; the regulation writes "mỗi tháng".
        out = normalize_question("Ban Thường vụ họp mỗi thág mấy lần", vocabulary)
        assert out.text == "Ban Thường vụ họp mỗi tháng mấy lần"

    def test_known_words_and_numbers_untouched_abbreviations_spelled_out(
        self, vocabulary: Vocabulary
    ) -> None:
        question = "BTV có 13 người, khoản 2 Điều 4 Quy chế 09-QC/TU nói gì?"
        out = normalize_question(question, vocabulary)
        # the abbreviation is read in full; inside a document number it stays as typed
        assert out.text == "Ban thường vụ có 13 người, khoản 2 Điều 4 Quy chế 09-QC/TU nói gì?"
        assert not out.changed  # spelling out is no repair to report
        bare = normalize_question("btv co 13 nguoi thi sao", vocabulary)
        assert bare.text == "Ban thuong vu co 13 nguoi thi sao"


class TestConversation:
    @pytest.mark.parametrize(
        ("typed", "meant"),
        [
            (
                "cho em hỏi chút, ai quyết định kết nạp đảng viên nhé?",
                "ai quyết định kết nạp đảng viên?",
            ),
            # "với" before the closing pleads once the ask is over
            (
                "anh chị ơi cho mình hỏi Ban Thường vụ họp mấy lần với ạ",
                "Ban Thường vụ họp mấy lần",
            ),
            ("vậy ban thường vụ 9 người thì sao với nhé", "ban thường vụ 9 người thì sao"),
            # ... a count noun is the unit asked
            ("ban thường vụ cần bao nhiêu người ạ", "ban thường vụ cần bao nhiêu người"),
            # ... and the question words stay
            ("người ký là ai ạ", "người ký là ai"),
            ("kết nạp thế nào ạ", "kết nạp thế nào"),
            # ... not inside it
            ("ai làm việc với ạ", "ai làm việc với"),
            (
                "ai quyết định triệu tập hội nghị vậy ạ, em cảm ơn",
                "ai quyết định triệu tập hội nghị",
            ),
        ],
    )
    def test_frames_dropped(self, vocabulary: Vocabulary, typed: str, meant: str) -> None:
        assert normalize_question(typed, vocabulary).text == meant

    def test_pronoun_inside_dropped_with_its_everyday_words(self, vocabulary: Vocabulary) -> None:
        out = normalize_question(
            "Ban Thường vụ có 9 người, em muốn biết 5 người dự thì họp được không?", vocabulary
        )
        assert out.text == "Ban Thường vụ có 9 người, 5 người dự thì họp được không?"

    @pytest.mark.parametrize(
        ("typed", "meant"),
        [
            # a unit or a body before a pronoun is what the asker speaks of, and the
            # pronoun says it is theirs: neither is an opening
            ("Xã mình định sửa trụ sở thì ai quyết?", "Xã mình định sửa trụ sở thì ai quyết?"),
            ("Phường tôi có 9 ủy viên thường vụ", "Phường tôi có 9 ủy viên thường vụ"),
            # the opening before them still goes
            ("cho em hỏi xã mình họp mấy lần ạ", "xã mình họp mấy lần"),
        ],
    )
    def test_a_named_unit_and_its_owner_are_no_opening(
        self, vocabulary: Vocabulary, typed: str, meant: str
    ) -> None:
        assert normalize_question(typed, vocabulary).text == meant

    @pytest.mark.parametrize(
        "question",
        [
            # Common words of a topic the regulations never speak of stay: they are what
            # is asked, and the refusal needs them.
            "Chế độ nghỉ phép năm của công chức là bao nhiêu ngày?",
            "lương của bí thư là bao nhiêu",
            "đi công tác bằng máy bay thì ai duyệt",
            "Điều đó nằm ở khoản nào?",
        ],
    )
    def test_topics_kept(self, vocabulary: Vocabulary, question: str) -> None:
        assert normalize_question(question, vocabulary).text == question

    @pytest.mark.parametrize(
        ("typed", "meant"),
        [
            # the frame ends at the words right after its pronoun: the topic stays
            (
                "anh chị ơi cho mình hỏi chế độ nghỉ phép cho công chức nữ là bao lâu với ạ",
                "chế độ nghỉ phép cho công chức nữ là bao lâu",
            ),
            # a closing starts at its particle: the words before it stay
            ("thủ tục cấp đổi giấy phép lái xe nhé", "thủ tục cấp đổi giấy phép lái xe"),
        ],
    )
    def test_frame_never_takes_the_topic(
        self, vocabulary: Vocabulary, typed: str, meant: str
    ) -> None:
        assert normalize_question(typed, vocabulary).text == meant

    def test_typo_keeps_the_typed_tone(self, vocabulary: Vocabulary) -> None:
        # "kỹ" in a made-up word: one edit from "kỳ" of the regulation, but not its tone.
        out = normalize_question("định kỹy họp", vocabulary)
        assert all(r.meant != "kỳ" for r in out.repairs)

    def test_unit_after_a_number_kept(self, vocabulary: Vocabulary) -> None:
        # "ha" is also a sentence-final particle; after a number it is the hectare.
        for question in (
            "dự án chuyển mục đích 25 ha đất thì ai quyết định?",
            "đất rừng bao nhiêu ha trở lên thì ai quyết định?",
        ):
            assert normalize_question(question, vocabulary).text == question

    def test_folded_pronoun_that_is_a_body_kept(self, vocabulary: Vocabulary) -> None:
        # "ban" is bạn and Ban: beside "thuong" it is the Ban the regulation writes.
        out = normalize_question("ban thuong vu hop may lan nhe", vocabulary)
        assert out.text == "ban thuong vu hop may lan"

    @pytest.mark.parametrize(
        ("typed", "meant"),
        [
            # a last sentence spoken to the assistant asks how to answer, not what
            ("Ai triệu tập hội nghị? Nói kỹ giúp tớ nha.", "Ai triệu tập hội nghị?"),
            # ... not one that writes a phrase of the regulations, a number or a name
            (
                "Ai triệu tập hội nghị? Kết nạp đảng viên ạ.",
                "Ai triệu tập hội nghị? Kết nạp đảng viên.",
            ),
            (
                "Ai triệu tập hội nghị? Ban Thường vụ mình ạ.",
                "Ai triệu tập hội nghị? Ban Thường vụ mình.",
            ),
        ],
    )
    def test_a_last_sentence_to_the_assistant_is_frame(
        self, vocabulary: Vocabulary, typed: str, meant: str
    ) -> None:
        assert normalize_question(typed, vocabulary).text == meant

    def test_only_conversation_is_kept_as_typed(self, vocabulary: Vocabulary) -> None:
        assert normalize_question("anh ơi ạ", vocabulary).text == "anh ơi ạ"


def test_a_quantity_sign_stays_with_the_number_asked() -> None:
    vocabulary = Vocabulary(["Mỗi đảng viên đóng một phần thu nhập. Tỷ lệ 50% số ủy viên."])
    assert normalize_question("Đảng viên đóng bao nhiêu % ạ?", vocabulary).text == (
        "Đảng viên đóng bao nhiêu %?"
    )


def test_chat_shorthand_is_read_as_the_word_it_stands_for() -> None:
    vocabulary = Vocabulary(["Ban Thường vụ họp được khi có đủ ủy viên. k) Việc khác."])
    normalized = normalize_question("Việc gấp ko họp được thì sao, có đc ko?", vocabulary)
    assert normalized.text == "Việc gấp không họp được thì sao, có được không?"
    assert {(r.typed, r.meant, r.kind) for r in normalized.repairs} == {
        ("ko", "không", "shorthand"),
        ("đc", "được", "shorthand"),
    }
    # a form the regulations write themselves ("k)" labels a point) is left as typed
    assert normalize_question("điểm k nói gì", vocabulary).text == "điểm k nói gì"


def test_shorthand_written_with_a_slash() -> None:
    vocabulary = Vocabulary(["Ban Chấp hành có mười đồng chí."])
    normalized = normalize_question("BCH có 15 đ/c, 9 Đ/c dự", vocabulary)
    assert normalized.text == "Ban chấp hành có 15 đồng chí, 9 đồng chí dự"
    assert normalized.original == "BCH có 15 đ/c, 9 Đ/c dự"


def test_a_syllable_of_a_grammatical_phrase_is_never_repaired() -> None:
    # "hôm" (of "hôm nay") is one edit from "họp", which the regulations write often
    vocabulary = Vocabulary(["Ban Thường vụ họp. Họp thường kỳ. Hợp lệ khi đủ người họp."])
    assert normalize_question("hôm họp có 9 người dự", vocabulary).text == ("hôm họp có 9 người dự")


def test_keystrokes_that_spell_a_word_of_the_regulations_beat_an_everyday_reading() -> None:
    # "cos" is a word elsewhere; typed in Telex it is "có", which the regulations write
    vocabulary = Vocabulary(["Quy chế có hiệu lực từ ngày ký. Quy chế có hiệu lực thi hành."])
    assert normalize_question("Quy chế cos hiệu lực khi nào?", vocabulary).text == (
        "Quy chế có hiệu lực khi nào?"
    )


def test_a_question_word_beside_a_typo_is_no_evidence_either_way() -> None:
    # "quet" (quét) is an everyday word; "ai" before it is a question word the regulations
    # rarely write, so the word after it decides
    vocabulary = Vocabulary(["Ban Thường vụ quyết định kết nạp. Bí thư quyết định triệu tập."] * 3)
    assert normalize_question("ai quet dinh ket nap", vocabulary).text == ("ai quyet dinh ket nap")


def test_a_typo_of_a_regulation_word_beats_keystrokes_for_an_everyday_one() -> None:
    vocabulary = Vocabulary(["Quy chế này thay thế quy chế trước. Thay thế khi cần."] * 3)
    # "thaay" is Telex for "thây", a word the regulations never write, and one letter
    # from "thay", which they do
    assert normalize_question("quy chế thaay thế quy chế nào", vocabulary).text == (
        "quy chế thay thế quy chế nào"
    )


def test_a_rare_everyday_word_one_edit_from_a_common_one_is_its_typo() -> None:
    # "tẹo" is a real word, a hundred times rarer than "theo", which the regulation
    # writes before "quy định" (never after "năm"); one neighbour attesting it is enough
    vocabulary = Vocabulary(
        ["Chi bộ họp cuối năm. Đảng viên báo cáo theo quy định. Làm theo quy định."] * 3
    )
    assert normalize_question("chi bo hop cuoi nam teo quy dinh nao", vocabulary).text == (
        "chi bo hop cuoi nam theo quy dinh nao"
    )
    # a common everyday word is never read as a typo on one neighbour's say-so
    assert normalize_question("chi bo hop cuoi nam thu quy dinh nao", vocabulary).text == (
        "chi bo hop cuoi nam thu quy dinh nao"
    )


def test_a_word_of_the_regulations_typed_for_another_in_their_set_phrase() -> None:
    vocabulary = Vocabulary(
        [
            "Điều 1. Ban Thường vụ xin ý kiến các ủy viên. Điều 2. Theo ý kiến của chi bộ. "
            "Điều 3. Bỏ phiếu kín. Điều 4. Các ủy viên đều tham dự.",
            *(f"Điều {n}. Ý kiến của chi ủy." for n in range(5, 20)),
        ]
    )
    # "đều" and "kín" are words of the regulation, but never before a number or after
    # "ý": there it writes "Điều" and "kiến"
    assert normalize_question("Đều 3 nói gì", vocabulary).text.lower() == "điều 3 nói gì"
    assert normalize_question("xin y kin cac uy vien", vocabulary).text == (
        "xin y kien cac uy vien"
    )
    # where a neighbour stands beside the word typed, it is meant
    assert normalize_question("bo phieu kin the nao", vocabulary).text == ("bo phieu kin the nao")
    # a name is left as typed
    assert "Kin" in normalize_question("xin y Kin", vocabulary).text


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # the second word of a phrase that asks, one edit off after its first
        ("hai tổ có giống nhu không", "hai tổ có giống nhau không"),
        ("hai to khac nhua ra sao", "hai to khac nhau ra sao"),
        ("tổ cần bao nhiu người", "tổ cần bao nhiêu người"),
        # a word typed with its marks is compared with them; grammar words stay
        ("tổ làm giống như thế nào", "tổ làm giống như thế nào"),
        # ("nha" is no "nhau": a closing particle, dropped now that "tỉnh", a place unit,
        # keeps the message from reading as conversation only)
        ("tổ ở tỉnh khác nha", "tổ ở tỉnh khác"),
    ],
)
def test_a_phrase_that_asks_typed_one_edit_off(typed: str, meant: str) -> None:
    vocabulary = Vocabulary(["Điều 1. Tổ họp mỗi tháng một lần, có ít nhất hai người."] * 3)
    assert normalize_question(typed, vocabulary).text == meant


def test_asking_after_the_openings_pronoun_is_frame_even_before_a_phrase() -> None:
    # typed without diacritics, "hoi" + "quy" is also how the regulations write "Hội ...
    # quy ..."; right after the opening's pronoun it is the verb of asking
    vocabulary = Vocabulary(["Đại hội quy định nhiệm vụ của Ban Thường vụ. " * 30])
    out = normalize_question("cho minh hoi quy trinh khen thuong tap the the nao", vocabulary)
    assert out.text == "quy trinh khen thuong tap the the nao"


def test_a_word_that_makes_a_listed_word_with_its_neighbour_is_kept() -> None:
    # "sắc" is one letter from "các", which this text writes before "nhiệm vụ" again and
    # again; "xuất sắc" is a word of the language as typed
    vocabulary = Vocabulary(["Tổ viên thực hiện các nhiệm vụ, đề xuất các nhiệm vụ mới."] * 20)
    out = normalize_question("tổ viên hoàn thành xuất sắc nhiệm vụ được thưởng gì?", vocabulary)
    assert "xuất sắc" in out.text


def test_a_phrase_typed_bare_that_is_commoner_than_the_question_word_is_kept(
    vocabulary: Vocabulary,
) -> None:
    # "bao lai" is "báo lại" (report back), commoner than "bao lâu" one edit away
    out = normalize_question("to truong khong dong y thi to vien duoc bao lai the nao", vocabulary)
    assert "bao lai" in out.text


def test_a_capital_that_opens_a_sentence_is_no_name(vocabulary: Vocabulary) -> None:
    out = normalize_question(
        "Em mới về tổ. Anh chị cho em hỏi Ban Thường vụ họp mấy lần?", vocabulary
    )
    assert "Anh" not in out.text and "Ban Thường vụ họp mấy lần" in out.text
    # inside a sentence it is a name, as typed
    assert "Lê Anh" in normalize_question("đồng chí Lê Anh ký được không?", vocabulary).text


def test_the_words_asking_for_the_wording_are_never_conversation(vocabulary: Vocabulary) -> None:
    out = normalize_question("cho em câu chữ quy định hội nghị hợp lệ với", vocabulary)
    assert out.text.startswith("câu chữ")


def test_a_comparative_typed_with_its_marks_is_no_typo() -> None:
    """ "ngắn hơn" is the comparative, though the regulations only ever write "ngắn hạn"."""
    vocabulary = Vocabulary(["Kế hoạch ngắn hạn của tổ do tổ trưởng lập. " * 40 + "không ít hơn"])
    assert normalize_question("tổ nào họp ngắn hơn?", vocabulary).text == "tổ nào họp ngắn hơn?"


def test_a_pronoun_of_two_words_typed_bare_closes_the_question(vocabulary: Vocabulary) -> None:
    """Each of "moi" and "nguoi" alone reads as another word; the two at the end of the
    question are the pronoun addressing the readers ("mọi người"), also after a question
    word, where a bare particle is read as asked ("ai vay")."""
    out = normalize_question("nguoi ky van ban theo uy quyen la ai vay moi nguoi", vocabulary)
    assert out.text == "nguoi ky van ban theo uy quyen la ai"


def test_typed_with_diacritics_a_word_that_has_none_is_no_opening() -> None:
    """ "chi" (spend) has no marks: in a question typed with them it is as typed, not an
    everyday word the opening's particle takes with it."""
    vocabulary = Vocabulary([REGULATION + "\nKhoản chi dưới 30 triệu do Thường trực duyệt.\n" * 3])
    out = normalize_question("vậy chi 40 triệu ở tổ thì ai duyệt?", vocabulary)
    assert out.text == "chi 40 triệu ở tổ thì ai duyệt?"


class TestSpellingAsWritten:
    """A word typed in another spelling of one the regulation writes."""

    def test_marks_left_out_are_added_from_the_regulation(self, vocabulary: Vocabulary) -> None:
        out = normalize_question("ai ký văn bản theo ủy quyền, ai chuân bị nội dung?", vocabulary)
        assert out.text == "ai ký văn bản theo ủy quyền, ai chuẩn bị nội dung?"
        assert {r.kind for r in out.repairs} == {"spelling"}

    def test_a_word_everyday_vietnamese_writes_as_typed_gets_no_marks(
        self, vocabulary: Vocabulary
    ) -> None:
        # "tôi" is a word as typed, though the regulation writes "tối" nowhere either
        out = normalize_question("tôi muốn biết hội nghị hợp lệ khi nào", vocabulary)
        assert not [r for r in out.repairs if r.kind == "spelling"]

    def test_i_for_y_read_as_the_regulation_spells_it(self) -> None:
        vocabulary = Vocabulary(["Văn phòng quản lý hồ sơ kỳ họp. " * 3])
        out = normalize_question("ai quản lí hồ sơ kì họp", vocabulary)
        assert out.text == "ai quản lý hồ sơ kỳ họp"
        bare = normalize_question("ai quan li ho so ki hop", vocabulary)
        assert bare.text == "ai quan ly ho so ky hop"

    def test_a_word_with_its_neighbour_as_typed_gets_no_marks(self) -> None:
        # "giơ tay" is a word of the language; the regulation writing "giờ" changes nothing
        vocabulary = Vocabulary(["Hội nghị khai mạc lúc 8 giờ sáng. " * 3])
        out = normalize_question("có 5 người giơ tay đồng ý", vocabulary)
        assert "giơ tay" in out.text


def test_a_pronoun_of_two_words_after_a_place_is_kept_whole(vocabulary: Vocabulary) -> None:
    # "thôn tụi mình": the asker's hamlet; never "thôn tụi" with half a pronoun left
    out = normalize_question(
        "Chi ủy thôn tụi mình muốn đổi lịch họp thì ai quyết định?", vocabulary
    )
    assert "tụi mình" in out.text
    out = normalize_question("Tổ xóm em muốn đổi lịch họp thì ai quyết định?", vocabulary)
    assert "xóm em" in out.text
