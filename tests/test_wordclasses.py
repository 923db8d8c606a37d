"""The packaged word-class file: classes read once, stop lists as unions, errors with positions."""

from pathlib import Path

from factcheck.lexicon.wordclasses import check_wordclass_file, plurals, stop_list, union, word_class, word_list


def test_classes_and_unions_hold_their_words():
    assert {"march", "october"} <= word_class("months")
    assert "wednesday" in word_class("weekdays")
    assert union("months", "weekdays") == word_class("months") | word_class("weekdays")
    assert {"utc", "norwegian", "july", "the"} <= stop_list("not_a_name")
    assert "march" not in stop_list("name_prefix")


def test_packaged_file_is_sound():
    assert check_wordclass_file() == []


def test_a_wrong_file_names_line_and_key(tmp_path: Path):
    bad = tmp_path / "wordclasses.yaml"
    bad.write_text("classes:\n  months: [may]\nlists:\n  x:\n    classes: [monthz]\n    wordz: [a]\n", encoding="utf-8")
    problems = check_wordclass_file(bad)
    assert any(":5:" in p and "'monthz'" in p and "months" in p for p in problems), problems
    assert any(":6:" in p and "'wordz'" in p for p in problems), problems


def test_ordered_classes_keep_the_files_order():
    assert word_list("months")[:2] == ("january", "february") and len(word_list("months")) == 12
    assert word_list("weekdays")[0] == "monday"
    assert word_list("seasons") == ("spring", "summer", "autumn", "winter")
    assert set(word_list("ordinals")) == word_class("ordinals")
def test_number_words_are_defined_once_in_order():
    from factcheck.extract.words import CARDINALS, TENS

    assert word_list("cardinals")[:3] == ("zero", "one", "two")
    assert CARDINALS["seventeen"] == 17 and TENS["seventy"] == 70 and TENS["sixty"] == 60
    assert {"seven", "seventy", "hundred"} <= stop_list("not_a_name")


def test_the_code_stop_lists_are_unions_of_classes_and_their_own_words():
    assert word_class("modal_verbs") | word_class("be_forms") <= stop_list("noun_stop")
    assert "despite" in word_class("prepositions") and "despite" not in stop_list("noun_stop")
    assert word_class("weekdays") <= stop_list("function_words")
    assert stop_list("pronouns") == word_class("demonstratives") | {"they", "it", "them", "which", "who"}
    assert word_class("month_abbreviations") | word_class("abbreviations") < stop_list("sentence_abbreviations")


def test_irregular_plurals_are_read_from_the_file():
    from factcheck.language.text import singular

    assert plurals()["people"] == "person"
    assert singular("people") == "person" and singular("criteria") == "criterion" and singular("lorries") == "lorry"
