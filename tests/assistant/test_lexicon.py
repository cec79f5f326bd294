from assistant.lexicon import word_length_at


def test_longest_listed_word_from_a_position() -> None:
    syllables = ["bổ", "nhiệm", "hiệu", "trưởng", "trường", "trung", "học", "cơ", "sở"]
    usable = [True] * len(syllables)
    assert word_length_at(syllables, usable, 0, folded=False) == 2  # bổ nhiệm
    assert word_length_at(syllables, usable, 2, folded=False) == 2  # hiệu trưởng
    assert word_length_at(syllables, usable, 5, folded=False) == 4  # trung học cơ sở
    assert word_length_at(syllables, usable, 4, folded=False) == 0  # "trường" alone


def test_folded_and_unusable_syllables() -> None:
    assert word_length_at(["so", "ho", "khau"], [True] * 3, 0, folded=True) == 3
    # a function word in between ends the word
    assert word_length_at(["bổ", "nhiệm"], [True, False], 0, folded=False) == 0
