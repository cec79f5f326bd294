"""The vocabulary: corpus counts against general Vietnamese frequencies."""

from __future__ import annotations

import wordfreq

from assistant.vocabulary import Vocabulary, _wordfreq_vietnamese

TEXT = "Ban Thường vụ họp định kỳ mỗi tháng một lần. Hội nghị do Bí thư triệu tập. " * 20


def test_direct_reader_equals_wordfreq() -> None:
    # The data file is read without importing wordfreq's tokenizers: same numbers.
    assert _wordfreq_vietnamese() == wordfreq.get_frequency_dict("vi", wordlist="small")


def test_known_everyday_and_counts() -> None:
    vocabulary = Vocabulary([TEXT])
    assert vocabulary.corpus_count("họp") == 20
    assert vocabulary.corpus_count("hop") == 20  # folded: họp
    assert vocabulary.is_known("quyết")  # general Vietnamese, not in the text
    assert not vocabulary.is_known("qwzx")
    assert vocabulary.is_everyday("chút")
    assert not vocabulary.is_everyday("họp")  # the text writes it
    assert vocabulary.writes_pair("thuong", "vu")
    assert vocabulary.spelled["thuong"] == "thường"
