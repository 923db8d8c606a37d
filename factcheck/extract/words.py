"""The words the figure extractor reads, as tables and patterns built from one lexicon (rules/*.yaml and
the packaged word classes), compiled once per lexicon: currencies (symbols, names, the words that tell
one from another), number words and scales, and the trigger scan that finds where a figure may start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.core.regex import alternation, trie
from factcheck.lexicon.config import Lexicon

CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "quadrillion": 1e15,
          "quintillion": 1e18, "sextillion": 1e21, "septillion": 1e24}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "tr": 1e12, "trn": 1e12}
MULTIPLIER_WORDS = ["half", "halved", "halving", "twice", "thrice", "double", "doubled", "doubling", "doubles",
                    "triple", "tripled", "tripling", "triples", "quadruple", "quadrupled", "quadrupling", "quadruples",
                    "tenfold", "threefold", "twofold", "fourfold", "fivefold", "hundredfold"]
NUMBER_WORD = "(?:" + trie(list(CARDINALS) + list(TENS)) + ")"  # one number word: "seven", "twenty"
_BLANK = r"[ \u00a0]"


@dataclass(frozen=True)
class FigureWords:
    """One lexicon's words as the figure extractor reads them: lookups and compiled patterns."""

    lex: Lexicon
    unit_re: re.Pattern[str]  # a unit right after a number (a prefix trie: fails fast)
    name_re: re.Pattern[str]  # a currency name or subunit right after a number
    scan: re.Pattern[str]  # where a figure may start: a digit, a glued code, a number word...
    range_join: re.Pattern[str]  # what joins the two ends of a range ("-", "to", "and"), before the second
    second_symbol: re.Pattern[str]  # a currency symbol or code before a range's second end
    to_number: re.Pattern[str]  # "to" or a dash and another number: "passed 310 to 118"
    sign_lowers: frozenset[str]  # lower-case letters a currency symbol may end with ("b" of "Rmb")
    hints: dict[str, re.Pattern[str]]  # code -> the words that tie an ambiguous sign or name to it
    bare: dict[str, str]  # a name other currencies end with ("dollars" of "Hong Kong dollars") -> its currency
    kin: dict[str, re.Pattern[str]]  # code -> another currency of its name written in the text (HK$, Canadian dollars)
    kin_codes: dict[str, str]  # what `kin` matched (its symbol, code or name's first words, lower case) -> the code
    weak: dict[str, str]  # names that are everyday words too ("won") -> code
    unit_names: dict[str, str]  # currency names that are also a unit ("pounds") -> pint unit
    glued: dict[str, tuple[str, float]]  # subunits glued to digits ("p") -> (code, factor)
    fx_words: tuple[str, ...]  # currencies named as things that trade ("dollar"), lower case
    fx_codes: dict[str, str]  # fx word -> code
    fx_pair: re.Pattern[str]  # "the dollar ... against the yen"
    fx_subject: re.Pattern[str]  # "the Australian dollar", "Sterling" at the start of a clause
    per_currency: re.Pattern[str]  # "157 per dollar", "to the pound"


_CACHE: dict[int, FigureWords] = {}


def figure_words(lex: Lexicon) -> FigureWords:
    """The figure extractor's words for `lex`, built on first use and kept with it."""
    hit = _CACHE.get(id(lex))
    if hit is None or hit.lex is not lex:
        hit = _CACHE[id(lex)] = _build(lex)
    return hit


def _hint_re(hints: list[str]) -> re.Pattern[str]:
    """Whole words: a hint in lower case matches any case, one with capitals only as written ("US")."""
    lower = [h for h in hints if h == h.lower()]
    cased = [h for h in hints if h != h.lower()]
    alts = ([f"(?i:{trie(lower)})"] if lower else []) + ([alternation(cased)] if cased else [])
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b") if alts else re.compile(r"(?!)")


def _kin(lex: Lexicon) -> tuple[dict[str, str], dict[str, re.Pattern[str]], dict[str, str]]:
    """Bare names ("dollars") of currencies that other currencies' names end with ("Hong Kong dollars"), and for
    each such currency, a pattern for what the others write (symbol, code, name) and what it stands for."""
    bare: dict[str, str] = {}
    kin: dict[str, re.Pattern[str]] = {}
    codes: dict[str, str] = {}
    for cur in lex.currencies.values():
        own = [n for n in cur.names if " " not in n and n != cur.code]
        words = {n.lower() for n in own}
        others = [c for c in lex.currencies.values() if c is not cur and any(
            " " in n and n.rsplit(None, 1)[1].lower() in words for n in c.names)]
        if not others:
            continue
        bare.update({n.lower(): cur.code for n in own})
        firsts = {n.rsplit(None, 1)[0]: c.code for c in others for n in c.names
                  if " " in n and n.rsplit(None, 1)[1].lower() in words}
        signs = {s: c.code for c in others for s in c.symbols if s.endswith(tuple(cur.symbols))}
        parts = [r"\b(?:" + alternation(list(signs)) + ")"] if signs else []
        parts.append(r"\b(?:" + alternation([c.code for c in others]) + r")\b")
        parts.append(r"\b(?:" + alternation(list(firsts)).replace(r"\ ", _BLANK) + ")" + _BLANK
                     + "(?:" + alternation(own) + r")\b")
        kin[cur.code] = re.compile("|".join(parts))
        codes.update({k.lower(): v for k, v in (*signs.items(), *firsts.items())})
        codes.update({c.code.lower(): c.code for c in others})
    return bare, kin, codes


def _fx(lex: Lexicon) -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Currencies named as things that trade: the words, and the patterns of a pair, a subject and a rate."""
    codes = {w.lower(): c.code for c in lex.currencies.values() for w in c.fx_words}
    words = alternation(list(codes)) or "(?!)"
    pair = re.compile(
        rf"\b(?:the{_BLANK}+)?({words})\b[^;!?]{{0,80}}?\b(?:against|versus|vs\.?){_BLANK}+(?:the{_BLANK}+)?({words})\b",
        re.I,
    )
    adjectives = alternation(list(lex.fx_adjectives)).replace(r"\ ", _BLANK)
    subject = re.compile(
        rf"[\"“‘(]?(?:The{_BLANK}+|the{_BLANK}+)?" + (rf"(?:(?:{adjectives}){_BLANK}+)?" if adjectives else "")
        + rf"({words})\b", re.I,
    )
    per = re.compile(rf"{_BLANK}+(?:per|to{_BLANK}+the|a){_BLANK}+({words})\b", re.I)
    return codes, pair, subject, per


def _scan(lex: Lexicon) -> re.Pattern[str]:
    """Where a figure may start: a digit, a currency code glued to one ("RMB5bn"), a number or multiplier
    word, "a"/"an" before a scale or fraction, "within a" before a span of time."""
    glued = [s for s in lex.symbols if s.isalpha()]
    words = [*CARDINALS, *TENS, "hundred", *SCALES, "dozen", *MULTIPLIER_WORDS]
    return re.compile(
        r"\b(?:(?P<d>\d)|(?P<g>" + trie(glued) + r")(?=\d)|(?:"
        + trie([*words, *(w.capitalize() for w in words)])
        + r"|[Aa]n?(?=[ \u00a0-](?:hundred|" + "|".join(SCALES) + r"|dozen|half|third|quarter|fifth|sixth|"
        r"eighth|tenth|decade|century|fortnight)\b))\b|(?P<w>within[ \u00a0])an?(?=[ \u00a0](?:year|month|week|day)\b))"
    )


def _build(lex: Lexicon) -> FigureWords:
    signs = alternation([s for s in lex.symbols if not s[-1].isalnum() and not s[-1].isspace()])
    codes = alternation([s for s in lex.symbols if s.isalpha()])
    bare, kin, kin_codes = _kin(lex)
    fx_codes, fx_pair, fx_subject, per_currency = _fx(lex)
    curs = lex.currencies.values()
    names = sorted({w.lower() for w in [*lex.names, *lex.subunits]})
    return FigureWords(
        lex=lex,
        unit_re=re.compile(r"[ \u00a0-]?(" + trie(list(lex.units)) + r")(?![\w/²])"),
        name_re=re.compile(r"[ \u00a0-]?(" + trie(names) + r")\b", re.I),
        scan=_scan(lex),
        range_join=re.compile(r"[ \u00a0]*(?:-|–|—|to|and|or)[ \u00a0]*(?=[-−]?(?:" + signs + r"|[A-Z]{3}[ \u00a0])?"
                              r"[\d.]|(?i:" + NUMBER_WORD + r"\b))"),
        second_symbol=re.compile(signs + r"|(?:" + codes + r")[ \u00a0]?"),
        to_number=re.compile(r"[ \u00a0]*(?:to|-|–|and)[ \u00a0]*(?:" + signs + r")?\d"),
        sign_lowers=frozenset(s[-1] for s in lex.symbols if s[-1].islower()),
        hints={c.code: _hint_re(list(c.hints)) for c in curs},
        bare=bare,
        kin=kin,
        kin_codes=kin_codes,
        weak={w.lower(): c.code for c in curs for w in c.weak_names},
        unit_names={n.lower(): u for c in curs for n, u in c.unit_names.items()},
        glued={g: (c.code, f) for c in curs for g, f in c.glued_subunits.items()},
        fx_words=tuple(fx_codes),
        fx_codes=fx_codes,
        fx_pair=fx_pair,
        fx_subject=fx_subject,
        per_currency=per_currency,
    )
