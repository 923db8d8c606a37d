"""Small text helpers shared by the stages: sentence spans, word lookups, and the reading of typography."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from factcheck.lexicon.wordclasses import plurals, stop_list, word_class, word_list

# What a character stands for when figures and dates are read ("" drops it). Decimal digits of every
# script are read by `unicodedata.decimal` and are not listed.
STANDS_FOR: dict[str, str] = {
    "\u200b": "",  # zero-width space
    "\u200c": "",  # zero-width non-joiner
    "\u200d": "",  # zero-width joiner
    "\u2060": "",  # word joiner
    "\ufeff": "",  # zero-width no-break space (byte-order mark)
    "\u00ad": "",  # soft hyphen
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u2008": " ",  # punctuation space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\u202f": " ",  # narrow no-break space
    **{ch: " " for ch in "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u205f\u3000"},  # other wide spaces
    "\uff0c": ",",  # full-width comma
    "\u066c": ",",  # Arabic thousands separator
    "\u066b": ".",  # Arabic decimal separator
    "\uff0e": ".",  # full-width full stop
    "\uff05": "%",  # full-width percent sign
    "\u066a": "%",  # Arabic percent sign
}
# Between groups of three digits these stand for a thousands separator: "2\u202f048" and "2\u200b048" are 2,048.
GROUP_SEPARATORS = "\u00a0\u2007\u2008\u2009\u200a\u202f\u200b\u200c\u200d\u2060\ufeff"

_ABBREV = stop_list("sentence_abbreviations")  # a full stop after these ends no sentence
_BOUNDARY = re.compile(
    r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"  # end of a sentence before a capital
    r"|\n\s*\n"  # a blank line
    r"|(?<=[^.,;:!?\"'”’\n])\n(?=[A-Z#*\-])"  # a line with no closing punctuation: a heading or list item
    r"|\n(?=\s*(?:[#*\-+>]|\d+[.)])\s)"  # before a list item or heading
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into sentence spans (start, end); abbreviations like "U.S." and "Jan." do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().startswith("."):
            word = re.search(r"([\w.]+)$", text[max(start, m.start() - 12) : m.start()])
            if word and (word.group(1).lower().rstrip(".") in _ABBREV or len(word.group(1)) == 1):
                continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


class SentenceIndex:
    """Find the sentence that holds an offset in O(log n)."""

    def __init__(self, text: str) -> None:
        self.spans = sentence_spans(text) or [(0, len(text))]
        self._starts = [s for s, _ in self.spans]

    def index_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def span_of(self, offset: int) -> tuple[int, int]:
        return self.spans[self.index_of(offset)]


@functools.lru_cache(maxsize=4)
def sentences_of(text: str) -> SentenceIndex:
    """The sentence index of a text, built once however many stages ask (the last few texts are kept)."""
    return SentenceIndex(text)


_MARKED = re.compile(f"[{''.join(STANDS_FOR)}]")
_FOREIGN_DIGIT = re.compile(r"[^\D0-9]")  # a decimal digit of another script
_TYPOGRAPHY = re.compile(f"{_MARKED.pattern}|{_FOREIGN_DIGIT.pattern}")
_DROP = re.compile("[" + "".join(ch for ch, out in STANDS_FOR.items() if not out) + "]")
_NUMBER_MARKS = "".join(ch for ch, out in STANDS_FOR.items() if out in (".", ","))
_GROUPED = re.compile(f"(?<![\\w.,{_NUMBER_MARKS}])\\d{{1,3}}(?:[{GROUP_SEPARATORS}]\\d{{3}})+(?!\\d)")
_SEPARATOR = re.compile(f"[{GROUP_SEPARATORS}]")


@dataclass(frozen=True)
class Normalized:
    """A text as the extractors read it (`text`), and where its characters came from in the source.

    `dropped` holds, for each source character left out, the index in `text` it stood before (sorted),
    so that any span of `text` maps back to the source in O(log n).
    """

    text: str
    dropped: tuple[int, ...] = ()

    def source_index(self, i: int) -> int:
        """The index in the source of `text[i]`."""
        return i + bisect.bisect_right(self.dropped, i) if self.dropped else i

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span that a span of `text` was read from (dropped characters at its edges left out)."""
        if end <= start:
            return self.source_index(start), self.source_index(start)
        return self.source_index(start), self.source_index(end - 1) + 1


def _stands_for(m: re.Match[str]) -> str:
    """The character a matched one stands for: its table entry, else its ASCII decimal digit."""
    ch = m.group()
    if ch in STANDS_FOR:
        return STANDS_FOR[ch]
    return str(unicodedata.decimal(ch)) if ch.isdecimal() else ch


def normalize(source: str) -> Normalized:
    """Read typography as figures are written: "2\u202f048" -> "2,048", "\u0661\u066b\u0665" -> "1.5", "5\u00a0km" -> "5 km".

    `GROUP_SEPARATORS` between groups of three digits become commas; then every character maps through
    `STANDS_FOR` or its decimal digit. `dropped` maps back to the source when a character is left out.
    """
    if source.isascii() or not (_MARKED.search(source) or _FOREIGN_DIGIT.search(source)):
        return Normalized(source)
    grouped = _GROUPED.sub(lambda g: _SEPARATOR.sub(",", g.group()), source)
    text = _TYPOGRAPHY.sub(_stands_for, grouped)
    if len(text) == len(source):
        return Normalized(text)
    return Normalized(text, tuple(m.start() - n for n, m in enumerate(_DROP.finditer(grouped))))


# ---------------------------------------------------------------- morphology

IRREGULAR_PLURALS = plurals()  # plural -> singular, where dropping an -s is wrong
_COMPOUND_TAILS = word_list("compound_plurals")  # "women" before "men": the longer ending first
_NOT_COMPOUND = word_class("not_compound_plurals")


def compound_plural(low: str) -> str:
    """The singular of a word that ends in an irregular plural ("firemen" -> "fireman"), else ""."""
    if low in _NOT_COMPOUND:
        return ""
    tail = next((t for t in _COMPOUND_TAILS if low.endswith(t) and len(low) > len(t) + 2), "")
    return low[: -len(tail)] + IRREGULAR_PLURALS[tail] if tail else ""


def singular(word: str) -> str:
    """A noun's singular ("lorries" -> "lorry", "GPUs" -> "GPU"); names and codes are kept as written."""
    low = word.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if compound := compound_plural(low):
        return compound
    if word.endswith("s") and len(word) > 2 and word[:-1].isupper():
        return word[:-1]
    if word.isupper() or any(ch.isdigit() for ch in word):
        return word
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low
