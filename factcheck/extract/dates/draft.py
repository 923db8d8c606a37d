"""A date mention as it is read (`Raw`), and the words just before its core (`Prefix`): a qualifier
("since", "by the end of" -> at_least, at_most), a modifier ("early", "mid-", "the end of") that narrows
the interval, or a context word ("in", "for") that the handlers weigh."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from factcheck.extract.dates.calendar import DAY, part_of

LATENESS_REACH = 12  # characters read before "late" for a verb of lateness ("trains ran late in July")

QUALIFIERS: dict[str, str] = {
    "since": "at_least", "after": "at_least", "starting": "at_least",
    "starting in": "at_least", "starting from": "at_least", "beginning in": "at_least",
    "not until": "at_least", "not before": "at_least", "no earlier than": "at_least",
    "between": "at_least", "later than": "at_least",
    "by": "at_most", "before": "at_most", "until": "at_most", "till": "at_most", "through": "at_most",
    "up to": "at_most", "up until": "at_most", "no later than": "at_most", "prior to": "at_most",
    "earlier than": "at_most", "as late as": "at_most",
    "around": "approx", "about": "approx", "roughly": "approx", "approximately": "approx",
    "circa": "approx", "c.": "approx", "sometime in": "approx", "some time in": "approx",
    "as early as": "approx", "in or around": "approx",
    # the rest only qualify "... ago"; elsewhere they are plain context
    "nearly": "approx", "almost": "approx", "close to": "approx", "some": "approx",
    "more than": "at_most", "over": "at_most", "at least": "at_most", "just over": "at_most",
    "less than": "at_least", "under": "at_least", "within": "at_least", "fewer than": "at_least",
    "just under": "at_least", "just": "exact",
}
AGO_ONLY = {"nearly", "almost", "close to", "some", "more than", "over", "at least", "just over",
            "less than", "under", "within", "fewer than", "just under", "just"}
_MOD_WORDS = ["early", "mid", "late", "earlier", "later"] + [
    f"{the}{very}{k} of" for the in ("", "the ") for very in ("", "very ")
    for k in ("end", "start", "beginning", "middle", "close", "turn")
]
_CTX_WORDS = ["in", "on", "at", "during", "of", "for", "from", "to", "and", "or", "throughout", "into", "than",
              "year", "calendar", "a", "an", "its", "their", "his", "her", "our", "this", "that", "whose"]


def _rev_alt(words: list[str]) -> str:
    """An alternation of the words spelled backwards (for matching a reversed string)."""
    return "|".join(re.escape(w[::-1]).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# read backwards from a core: [qualifier|context] [the] [modifier] core
_PREFIX_REV = re.compile(
    rf"""(?:(?:\s*[-–]\s*|\s+)(?:ni\s+)?(?P<mod>{_rev_alt(_MOD_WORDS)})(?![\w'’]))?
    (?:\s+(?P<the>eht)(?![\w'’]))?
    (?:\s+(?:(?P<qual>{_rev_alt(list(QUALIFIERS))})|(?P<ctx>{_rev_alt(_CTX_WORDS)}|s['’][^\W\d_]+))(?![\w'’]))?""",
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(slots=True)
class Raw:
    """A mention under construction."""

    start: int
    end: int
    kind: str
    low: dt.date | None
    high: dt.date | None
    gran: str
    value: str | None
    relative: bool = False
    weekday: int | None = None
    qualifier: str = "exact"
    calendar_day: bool = False  # an explicit single day that a weekday word may label
    core: tuple[int, int] = (0, 0)  # the weekday word itself, for weekday mentions
    labels: int | None = None
    qual_word: str = ""
    ctx_word: str = ""
    yearless: bool = False  # a day whose year came from the anchor...
    tense: str = ""  # ...chosen by this tense of its clause
    form: str = ""  # the name of the form that read it
    offset: tuple[str, tuple[float, float], int] | None = None  # "14 days later": (unit, count, sign) moved by


@dataclass(slots=True)
class Prefix:
    """What the words just before a core say."""

    qual: str = ""
    ctx: str = ""
    the: bool = False
    mod: str = ""
    start: int = 0  # where the qualifier (or else the modifier) starts
    mod_start: int = 0


_LATENESS = re.compile(r"\b(?:r[au]n|runs|running|was|were|is|are|be|been|being|arriv(?:e|ed|es|ing))\s+\Z",
                       re.IGNORECASE)
_ASKING = re.compile(r"\b(?:[Hh]ow|[Ww]hat)\s+\Z")  # "How about Friday?": a suggestion, no hedge
_MOD_KEYS = ("early", "mid", "late", "earlier", "later", "end", "start", "beginning", "middle", "close", "turn")
_MOD_NORMAL = {"beginning": "start", "turn": "start", "close": "end"}


def read_prefix(text: str, lo: int, s: int) -> Prefix:
    """Parse the qualifier/context/modifier words in text[lo:s] that end right before s."""
    if lo >= s:
        return Prefix(start=s, mod_start=s)
    rev = text[lo:s][::-1]
    m = _PREFIX_REV.match(rev)
    if m is None or m.end() == 0:
        return Prefix(start=s, mod_start=s)
    pre = Prefix(start=s, mod_start=s)
    if m["mod"]:
        words = " ".join(m["mod"][::-1].lower().split()).split()
        pre.mod = next(k for k in _MOD_KEYS if k in words)
        pre.mod = _MOD_NORMAL.get(pre.mod, pre.mod)
        pre.mod_start = s - m.end("mod")
        if pre.mod in ("late", "early") and not m["the"] and \
                _LATENESS.search(text, max(lo, pre.mod_start - LATENESS_REACH), pre.mod_start):
            # "trains ran late in July", "the payment was late in June": lateness, not late July
            between = text[pre.mod_start:s].lower().split()
            return Prefix(ctx="in" if between[-1:] == ["in"] else "", start=s, mod_start=s)
    if m["the"]:
        pre.the = True
        if m["mod"]:
            pre.mod_start = s - m.end("the")
    if m["qual"] and not (m["qual"][::-1].lower() == "about" and _ASKING.search(text, lo, s - m.end("qual"))):
        pre.qual = " ".join(m["qual"][::-1].lower().split())
        pre.start = s - m.end("qual")
    else:
        pre.start = pre.mod_start
    if m["ctx"]:
        pre.ctx = m["ctx"][::-1].lower()
    return pre


def apply_prefix(r: Raw, pre: Prefix, a: dt.date | None) -> None:
    """Widen r over its qualifier/modifier words and narrow its interval accordingly."""
    qual = pre.qual
    if qual in AGO_ONLY and r.kind != "AGO":
        qual = ""
    if pre.mod and r.kind != "AGO":
        r.start = min(r.start, pre.mod_start)
        r.qualifier = "approx"
        if r.low is not None and r.high is not None:
            if pre.mod in ("earlier", "later"):
                # "earlier this month": from the 1st to the day before the anchor
                if a is not None and r.low < a < r.high:
                    r.low, r.high = (r.low, a - DAY) if pre.mod == "earlier" else (a + DAY, r.high)
            elif r.low != r.high:
                r.low, r.high = part_of(r.low, r.high, r.gran, pre.mod)
    if qual:
        r.start = pre.start
        r.qualifier = QUALIFIERS[qual]
        r.qual_word = qual
    r.ctx_word = pre.ctx

