"""Small text helpers shared by the stages: sentence spans and word lookups."""

from __future__ import annotations

import bisect
import re

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen",
    "rep", "gen", "col", "lt", "sgt", "approx", "est", "fig", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m",
}
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
