"""The words dates are written with: months, weekdays, seasons, relative days, directions and ordinals
from the packaged word-class file (read once, `date_words`), the regular expressions built from them, and
the number words of "two weeks ago" (to move to the rule pack's number words when they live there)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.extract.words import CARDINALS, TENS
from factcheck.lexicon.wordclasses import fiscal_years, holidays, word_class, word_list

FIRST_SEASON_MONTH = 3  # spring begins in March; each season three months after the one before


@dataclass(frozen=True)
class DateWords:
    """The date vocabulary, each word lower case with what it stands for."""

    months: dict[str, int]  # "march" -> 3
    month_abbreviations: dict[str, int]  # "sept" -> 9
    month_prefixes: dict[str, int]  # the first three letters of a month: "sep" -> 9
    weekdays: dict[str, int]  # "monday" -> 0
    seasons: dict[str, int]  # "autumn" -> 9, the season's first month
    verb_seasons: frozenset[str]  # season words that are also verbs ("fall")
    relative_days: dict[str, int]  # "yesterday" -> -1, "tonight" -> 0: days from the anchor
    day_words: tuple[str, ...]  # the days around the anchor by one word: "yesterday", "today", "tomorrow"
    directions: dict[str, str]  # "last", "past" -> "last"; "this" -> "this"; "coming" -> "next"
    ordinals: dict[str, int]  # "third", "3rd" -> 3
    day_ordinals: dict[str, int]  # "twenty first" -> 21: the days of a month in words
    period_ends: dict[str, str]  # "opening" -> "first", "back" -> "last": a quarter or half by its place in the year
    month_homographs: frozenset[str]  # month names that are also words ("may"): a month only capitalised
    holidays: dict[str, str]  # "christmas day" -> "12-25", "good friday" -> "easter-2"
    fiscal_years: dict[str, str]  # "india" -> "04-end": the month a country's fiscal year starts, how it is named


def _ordered(name: str, first: int = 0) -> dict[str, int]:
    return {w: i + first for i, w in enumerate(word_list(name))}


@functools.cache
def date_words() -> DateWords:
    """The date vocabulary, read from the word-class file once."""
    months = _ordered("months", 1)
    seasons = {w: FIRST_SEASON_MONTH + 3 * i for i, w in enumerate(word_list("seasons"))}
    seasons.update(dict.fromkeys(word_list("autumn_synonyms"), seasons["autumn"]))
    relative = {w: i - 1 for i, w in enumerate(word_list("relative_days"))}
    relative.update(dict.fromkeys(word_list("parts_of_today"), relative["today"]))
    relative.update(dict.fromkeys(word_list("parts_of_yesterday"), relative["yesterday"]))
    directions = {w: way for way, name in (("last", "directions_back"), ("this", "directions_now"),
                                           ("next", "directions_ahead")) for w in word_list(name)}
    return DateWords(
        months=months,
        month_abbreviations={w: months_by_prefix(months)[w[:3]] for w in word_list("month_abbreviations")},
        month_prefixes=months_by_prefix(months),
        weekdays=_ordered("weekdays"),
        seasons=seasons,
        verb_seasons=word_class("autumn_synonyms"),
        relative_days=relative,
        day_words=word_list("relative_days"),
        directions=directions,
        ordinals={**_ordered("ordinals", 1), **_ordered("ordinal_numerals", 1)},
        day_ordinals={w.replace("-", " "): n for w, n in _ordered("day_ordinals", 1).items()},
        period_ends={**dict.fromkeys(word_list("period_first"), "first"), **dict.fromkeys(word_list("period_last"), "last")},
        month_homographs=word_class("month_homographs"),
        holidays=holidays(),
        fiscal_years=fiscal_years(),
    )


def months_by_prefix(months: dict[str, int]) -> dict[str, int]:
    """Each month's number under its first three letters ("sep" -> 9)."""
    return {w[:3]: n for w, n in months.items()}


# ---------------------------------------------------------------- regular expressions built from words


def spaced(word: str) -> str:
    """A word or phrase as a pattern, any run of white space between its words."""
    return r"\s+".join(re.escape(w) for w in word.split())


def alternation(words: Iterable[str]) -> str:
    """The words as one alternation with their shared beginnings written once, in the words' order
    ("this", "this past", "this coming" -> "this(?:\\s+(?:past|coming))?"): a longer word is tried before
    a shorter one it starts with, and the scan does not read a shared beginning twice."""
    trie: dict = {}
    for w in dict.fromkeys(words):
        node = trie
        for token in re.findall(r"\s+|[^\s]", w):
            node = node.setdefault(r"\s+" if token.isspace() else re.escape(token), {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict) -> str:
    """The pattern of a trie node: its branches, optional when a word ends there."""
    ends = "" in node
    alts = [key + _branches(child) for key, child in node.items() if key]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends:
        return (body if len(alts) > 1 else f"(?:{body})") + "?"
    return body


def capitalised(words: Iterable[str]) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words]


def holiday_names(names: Iterable[str]) -> list[str]:
    """Holiday names as news writes them: each word capitalised but "of" and "the" ("Good Friday", "the
    Fourth of July"), with a straight or curly apostrophe."""
    out = []
    for name in names:
        written = " ".join(w if w in ("of", "the") else w[:1].upper() + w[1:] for w in name.split())
        out += [written, written.replace("'", "’")] if "'" in written else [written]
    return out


def initial_class(words: Iterable[str], either_case: bool) -> str:
    """A character class of the words' first letters ("[JFMASOND]"), capitals only unless either_case."""
    firsts = dict.fromkeys(w[0] for w in words)
    if either_case:
        firsts = dict.fromkeys(c for f in firsts for c in (f.upper(), f.lower()))
    return "[" + "".join(re.escape(c) for c in firsts) + "]"


def word_start(words: Iterable[str], either_case: bool = False) -> str:
    """The words as "first letter, then the rest" ("[JFMASOND](?<!\\w\\w)(?:anuary|...)"): the first letter
    starts a word, and the rest is tried only after it (the scan stays fast). The rest is not tied to its
    first letter ("Jarch" passes): a handler reads the whole word."""
    words = [w for w in words if w]
    if not either_case:
        words = capitalised(words)
    return initial_class(words, either_case) + r"(?<!\w\w)(?:" + alternation(w[1:] for w in words) + ")"


# ---------------------------------------------------------------- counts: "two weeks ago", "a few years ago"

COUNT_UNITS = {w: n for w, n in CARDINALS.items() if n}  # one to nineteen, from the word-class file
COUNT_TENS = TENS  # twenty to ninety


def _either_case(word: str) -> str:
    """A word whose first letter may be a capital: "[Ss]ixty"."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


# a number word, one to ninety-nine, built from the two tables above (so they cannot drift apart)
NUMBER_WORD = (
    "(?:(?:" + "|".join(map(_either_case, COUNT_TENS)) + ")(?:-(?:"
    + "|".join(w for w, n in COUNT_UNITS.items() if n < 10) + "))?"
    "|" + "|".join(map(_either_case, COUNT_UNITS)) + ")"
)


def count(word: str) -> tuple[float, float] | None:
    """The (low, high) count a number word stands for: "two" -> (2, 2), "a few" -> (2, 4)."""
    w = " ".join(word.lower().split())
    if w.isdigit():
        return float(w), float(w)
    if w in ("a", "an", "one"):
        return 1.0, 1.0
    if w in ("few", "a few"):
        return 2.0, 4.0
    if w == "several":
        return 3.0, 7.0
    if w in ("couple", "a couple", "couple of", "a couple of"):
        return 2.0, 2.0
    if w == "a dozen":
        return 12.0, 12.0
    tens, _, unit = w.partition("-")
    if tens in COUNT_TENS and (not unit or unit in COUNT_UNITS):
        v = COUNT_TENS[tens] + COUNT_UNITS.get(unit, 0)
        return float(v), float(v)
    if w in COUNT_UNITS:
        return float(COUNT_UNITS[w]), float(COUNT_UNITS[w])
    return None
