"""Figures in prose: digits and number words with their scale, currency, unit or counted noun,
hedge and direction, each turned into an interval.

One compiled pattern finds the number cores; short anchored patterns then read what stands
right before (currency, hedge) and right after (scale, percent, currency name, unit, noun).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.config import Hedge, Lexicon, lexicon

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "tr": 1e12, "trn": 1e12}

_WORD = r"(?:" + "|".join(sorted([*_SMALL, *_TENS], key=len, reverse=True)) + r")"
_WORDNUM = (
    r"(?i:\b(?:(?:half\s+a|a|an)[\s-]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
    r"(?:" + _WORD + r"(?:-" + _WORD + r")?|hundred|thousand|million|billion|trillion|dozen)"
    r"(?:(?:[\s-]+(?:and\s+)?)(?:" + _WORD + r"(?:-" + _WORD + r")?|hundred|thousand|million|billion|trillion|dozen))*\b)"
)
_DIGITS = r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_CORE = re.compile(r"(?P<d>" + _DIGITS + r")(?P<glue>[A-Za-z]+\b)?|(?P<w>" + _WORDNUM + r")")

_SCALE_AFTER = re.compile(r"[ \u00a0-]?(thousand|million|billion|trillion|mn|mln|bn|trn|tn|tr)\b", re.I)
_PERCENT_AFTER = re.compile(
    r"\s?(%|percent(?:age)?\s+points?|per\s?cent(?:age)?\s+points?|pp\b|ppts?\b|basis\s+points?|bps\b|per\s?cent\b|pc\b)",
    re.I,
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*(?=[$€£¥\d]|US\$|HK\$|(?i:" + _WORD + r"\b))")
_PER = re.compile(
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?:per|a|an|/|each)\s+(?:(million|thousand|billion|1m|1,000|1,000,000)\s+)?([A-Za-z][a-z-]{1,20})\b"
)
_PER_NOUNS = {
    "share", "token", "tokens", "barrel", "hour", "day", "week", "month", "year", "person", "head", "user",
    "gallon", "litre", "liter", "kilo", "kilogram", "ton", "tonne", "unit", "night", "ticket", "seat", "vehicle",
    "car", "mile", "kilometre", "kilometer", "pound", "ounce", "query", "request", "subscriber", "employee",
    "capita", "megawatt-hour", "kilowatt-hour", "piece", "copy", "game", "episode", "student", "patient",
}
_NOUN_AFTER = re.compile(r"((?:[ \u00a0](?:[A-Z]+\d[\w.-]*|[A-Za-z][A-Za-z'’-]*)){1,4})")
_NOUN_STOP = {
    "of", "in", "to", "and", "or", "for", "on", "at", "with", "by", "from", "that", "which", "who", "was", "were",
    "is", "are", "be", "been", "the", "a", "an", "as", "than", "it", "its", "their", "this", "these", "those",
    "per", "each", "but", "so", "into", "over", "under", "after", "before", "since", "while", "ago", "more",
    "less", "fewer", "times", "has", "have", "had", "will", "would", "could", "can", "percent", "cent", "about",
    "when", "where", "if", "not", "also", "just", "only", "all", "up", "down", "out", "off", "had", "s",
}
_IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman", "mice": "mouse", "data": "data"}
_LABELS = re.compile(
    r"(?:\b(?:page|pages|p\.|pp\.|section|sections|sec\.|article|chapter|row|rows|line|lines|item|items|no\.|number|"
    r"figure|fig\.|table|exhibit|room|flight|route|highway|interstate|gate|platform|level|grade|stage|round|"
    r"episode|season|vol\.|volume|issue|act|clause|paragraph|rule|version|v\.|step|phase|tier|class|category|"
    r"model|series|gen|generation|ward|district|precinct|channel|bus|line)\s*|#)$",
    re.I,
)
_UP = (
    r"rose|rise|rises|risen|rising|up|gained|gains|gain|grew|grow|grows|growing|jumped|jumps|jump|climbed|climbs|"
    r"increased|increases|increase|soared|soars|surged|surges|added|adds|rallied|advanced|boosted|lifted|"
    r"spiked|swelled|higher by|expanded|expands"
)
_DOWN = (
    r"fell|fall|falls|falling|fallen|down|lost|loses|lose|losing|dropped|drops|drop|declined|declines|decline|"
    r"slid|slides|slumped|slumps|plunged|plunges|plummeted|tumbled|tumbles|sank|sinks|shed|sheds|cut|cuts|"
    r"decreased|decreases|shrank|shrinks|contracted|retreated|eased|dipped|dips|wiped|erased|slipped|lower by"
)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))(?:\s+(?:by|some|about|around|roughly|nearly|almost|"
    r"more\s+than|over|as\s+much\s+as|as\s+many\s+as|a\s+further|another|an\s+additional|a))?\s+$",
    re.I,
)
_DIRECTION_AFTER = re.compile(
    r"\s+(?:(?P<up>rise|increase|gain|jump|surge|climb|rally|growth|hike|uptick|higher|more|premium|up|advance|boost)|"
    r"(?P<down>fall|drop|decline|plunge|slump|loss|slide|tumble|decrease|cut|lower|less|down|discount|contraction|"
    r"retreat|dip|selloff|sell-off))\b",
    re.I,
)
_MULTIPLIER = re.compile(
    r"(?i:\b(?:(?P<twice>twice|double|doubled|doubling|doubles)|(?P<thrice>thrice|triple|tripled|tripling|triples)|"
    r"(?P<quad>quadrupled|quadruple)|(?P<frac>half|a\s+third|a\s+quarter|a\s+fifth|a\s+tenth|two[\s-]thirds|"
    r"three[\s-]quarters)(?=\s+(?:of|that|the|as)\b)|(?P<nfold>(?:\d+(?:\.\d+)?|" + _WORD + r")[\s-]?fold)|"
    r"(?P<ntimes>(?:\d+(?:\.\d+)?|" + _WORD + r")\s+times)(?=\s+(?:as|more|larger|bigger|higher|greater|the|what|that|"
    r"faster|cheaper|smaller|lower|over)\b)|(?P<nx>\d+(?:\.\d+)?x)(?=\s))\b)"
)
_FRACTIONS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25, "a fifth": 0.2, "a tenth": 0.1, "two thirds": 2 / 3,
              "three quarters": 0.75}
_EXCLUDE = re.compile(
    r"\S*(?:https?://|www\.)\S*|\S+@\S+\.\w+"  # urls and e-mail addresses
    r"|\+?\(?\d{1,4}\)?[\s.-]\d{3}[\s.-]\d{4}\b"  # phone numbers
    r"|\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?|GMT|UTC|ET|EST|BST|CET|HKT|h)\b|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times
    r"|\b\d{1,2}\s?(?:[ap]\.m\.|[ap]m\b)"
    r"|(?m:^[ \t]*\d{1,3}[.)](?=\s))"  # list numbering
    r"|\b(?:ISBN|ISSN|DOI|ticker|code|ID|ref)[:\s#]*[\w./-]+"
    r"|\b[A-Z]{1,5}-\d[\w-]*|\b\d+[A-Za-z]+\d[\w-]*"  # codes: COVID-19, GPT-4, A100X2
    r"|\b24/7\b|\b\d+/\d+\b(?!\s*(?:of|th))"  # 24/7, scores and fractions written as a/b
)
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}


@dataclass(frozen=True)
class Figure:
    """A number found in text, before attribution."""

    start: int
    end: int
    kind: str  # quantity, percent, count
    value: float | None
    low: float
    high: float
    unit: str = ""
    noun: str = ""
    qualifier: str = "exact"
    direction: str | None = None
    multiplier: float | None = None
    ambiguous: str = ""


def _parse_words(words: str) -> float | None:
    total = 0.0
    current = 0.0
    seen = False
    for tok in re.split(r"[\s-]+", words.lower()):
        if tok in ("and", ""):
            continue
        if tok in ("a", "an"):
            current = max(current, 1.0)
            seen = True
        elif tok == "half":
            current = 0.5
            seen = True
        elif tok in _SMALL:
            current += _SMALL[tok]
            seen = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen = True
        elif tok == "dozen":
            current = (current or 1) * 12
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _rounding_half_width(digits: str, value: float, scale: float, max_rel: float) -> float:
    """Half the last written digit's place: "5.6" -> 0.05, "17" -> 0.5.

    Trailing zeros ("600") and scale words ("1tn") make the written precision ambiguous: there the
    band is capped at `max_rel` of the value (but never narrower than one unit of the last digit).
    """
    digits = digits.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.split(".")[1]) * scale
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    half = 0.5 * 10**zeros * scale
    if zeros or scale > 1:
        half = min(half, max(max_rel * abs(value), 0.5 * scale if scale < 1e3 else 0.0))
    return half


def _singular(word: str) -> str:
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if word.endswith("s") and len(word) > 2 and word[:-1].isupper():
        return word[:-1]
    if word.isupper() or any(ch.isdigit() for ch in word):
        return word
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith(("sses", "shes", "ches", "xes")):
        return low[:-2]
    if low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


def _looks_plural(word: str) -> bool:
    low = word.lower()
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return True  # GPUs, CEOs
    return low in _IRREGULAR or (low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 2)


def _head_noun(run: str) -> str:
    words: list[str] = []
    for raw in run.split():
        w = raw.strip("'’")
        if w.lower() in _NOUN_STOP or w.lower() in _MONTHS:
            break
        words.append(w)
        if len(words) == 3:
            break
    candidates = [w for w in words if not (w.isupper() and any(c.isdigit() for c in w))]
    for w in candidates:
        if _looks_plural(w) and not w.lower().endswith("'s"):
            return _singular(w)
    if len(candidates) == 1 and not candidates[0].lower().endswith(("ed", "ing", "ly")) and candidates[0].islower():
        return _singular(candidates[0])
    return ""


def _currency_from_symbol(sym: str, lex: Lexicon, yen_hint: str) -> tuple[str, str]:
    code = lex.symbols.get(sym.strip(), lex.symbols.get(sym, ""))
    if code == "¥":
        if yen_hint:
            return yen_hint, ""
        return "CNY", "¥: CNY or JPY (the text does not say; CNY assumed)"
    return code, ""


def currency_hints(text: str) -> tuple[str, str]:
    """How this article writes "¥" and bare "dollars": from what else it says (yuan/yen, HK$...)."""
    low = text.lower()
    china = sum(low.count(w) for w in ("yuan", "renminbi", "rmb", "china", "chinese", "beijing"))
    japan = sum(low.count(w) for w in ("yen", "japan", "tokyo", "nikkei"))
    yen_hint = "CNY" if china > japan else "JPY" if japan > china else ""
    dollar_hint = ""
    if "hk$" in low or "hong kong dollar" in low:
        dollar_hint = "HKD?"
    return yen_hint, dollar_hint


def find_figures(text: str, skip: list[tuple[int, int]] | None = None, lex: Lexicon | None = None) -> list[Figure]:
    """Every figure in `text` outside the `skip` spans (dates found first), in order."""
    lex = lex or lexicon()
    blocked = sorted((skip or []) + [m.span() for m in _EXCLUDE.finditer(text)])
    yen_hint, dollar_hint = currency_hints(text)
    figures: list[Figure] = []
    taken_until = 0
    for mult in _MULTIPLIER.finditer(text):
        fig = _multiplier(text, mult, lex)
        if fig and not _overlaps(blocked, fig.start, fig.end):
            figures.append(fig)
    mult_spans = [(f.start, f.end) for f in figures]
    for m in _CORE.finditer(text):
        if m.start() < taken_until or _overlaps(blocked, m.start(), m.end()) or _overlaps(mult_spans, *m.span()):
            continue
        fig = _figure_at(text, m, lex, yen_hint, dollar_hint, blocked)
        if fig is not None:
            figures.append(fig)
            taken_until = fig.end
    figures.sort(key=lambda f: f.start)
    return figures


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    for s, e in spans:
        if s >= end:
            return False
        if e > start:
            return True
    return False


def _multiplier(text: str, m: re.Match[str], lex: Lexicon) -> Figure | None:
    g = m.lastgroup
    word = m.group().lower()
    value: float | None
    if g == "twice":
        value = 2.0
    elif g == "thrice":
        value = 3.0
    elif g == "quad":
        value = 4.0
    elif g == "frac":
        value = _FRACTIONS.get(re.sub(r"[\s-]+", " ", word))
    else:
        num = re.match(r"[\d.]+|[a-z]+", word)
        raw = num.group() if num else ""
        value = float(raw) if raw[:1].isdigit() else _parse_words(raw)
    if value is None:
        return None
    qualifier, low, high = "exact", value, value
    hedge = lex.hedge_re.search(text, max(0, m.start() - 30), m.start())
    if hedge:
        qualifier, low, high = _apply_hedge(lex.hedges[hedge.group(1).lower()], value, value)
    return Figure(start=m.start(), end=m.end(), kind="quantity", value=value, low=low, high=high, unit="times",
                  qualifier=qualifier, multiplier=value)


def _apply_hedge(h: Hedge, low: float, high: float) -> tuple[str, float, float]:
    q, w = h.qualifier, h.width
    if q == "approx":
        return q, low - abs(low) * w, high + abs(high) * w
    if q in ("at_most", "less_than"):
        return q, low - abs(low) * w, high
    return q, low, high + abs(high) * w


def _is_product_name(text: str, start: int, end: int) -> bool:
    """ "Claude 3.5", "Windows 11", "Llama 3.3-70B", "page 12": a label, not a figure."""
    before = text[max(0, start - 25) : start]
    if _LABELS.search(before):
        return True
    if start and text[start - 1] in "-–" and start > 1 and text[start - 2].isalnum():
        return True
    if text[end : end + 1] == "-" and re.match(r"-\d+[A-Za-z]", text[end : end + 8]):
        return True
    prev = re.search(r"([A-Za-z][\w.]*)[ \u00a0]$", before)
    if prev:
        word = prev.group(1)
        if word.lower() in _MONTHS or word.lower().rstrip(".") in _MONTHS:
            return False
        if (word[0].isupper() or (len(word) > 1 and word[1].isupper())) and word.lower() not in lexicon().names:
            sentence_start = re.search(r"(?:^|[.!?]\s+|\n\s*)$", before[: prev.start()])
            if sentence_start and word.lower() in ("about", "around", "some", "nearly", "over", "more", "up", "just"):
                return False
            return word.lower() not in lexicon().hedges
    return False


def _figure_at(
    text: str, m: re.Match[str], lex: Lexicon, yen_hint: str, dollar_hint: str, blocked: list[tuple[int, int]]
) -> Figure | None:
    start, pos = m.start(), m.end()
    glue = m.group("glue") or ""
    if m.group("d"):
        digits = m.group("d")
        try:
            number = float(digits.replace(",", ""))
        except ValueError:
            return None
        is_words = False
        if glue:
            pos = m.start("glue")
    else:
        digits = ""
        words = m.group("w")
        if words.lower() in ("one", "a", "an", "half") or words.lower() in _SCALES:
            return None  # "one of them"; "million tokens" after "per"
        parsed = _parse_words(words)
        if parsed is None:
            return None
        number = parsed
        is_words = True

    # currency before: "$", "US$", "HK$", "RMB ", "EUR "
    currency, ambiguous = "", ""
    sym = lex.symbol_re.search(text, max(0, start - 5), start)
    if sym:
        currency, ambiguous = _currency_from_symbol(sym.group(1), lex, yen_hint)
        start = sym.start(1)
    negative = False
    if start and text[start - 1] in "-−" and (start == 1 or not text[start - 2].isalnum()):
        negative = True
        start -= 1
    if not currency and not is_words and _is_product_name(text, start, m.end()):
        return None

    scale = 1.0
    if glue:
        g = glue.lower()
        if g in _SHORT_SCALES and (currency or g in ("bn", "mn", "tn", "trn", "mln") or lex.name_re.match(text, m.end())):
            scale = _SHORT_SCALES[g]
            pos = m.end()
        elif g in ("k",) and not currency:
            return None
        elif glue in lex.units or g in ("m",):
            pass
        elif g == "x":
            return None
        else:
            return None  # 5G, 70B, 1st, 10pm: names, ordinals, times
    if scale == 1.0:
        sm = _SCALE_AFTER.match(text, pos)
        if sm:
            word = sm.group(1).lower()
            scale = _SCALES.get(word, _SHORT_SCALES.get(word, 1.0))
            pos = sm.end()
    value = -number * scale if negative else number * scale

    # a range: "2 to 3", "2-3", "between 252 and 287", "10 to 20 billion"
    low_v = high_v = value
    qualifier = "exact"
    rng_end: re.Match[str] | None = None
    joiner = _RANGE_JOIN.match(text, pos)
    before_word = text[max(0, start - 12) : start].lower()
    if joiner and not _overlaps(blocked, joiner.end(), joiner.end() + 1):
        join = joiner.group().strip().lower()
        from_before = re.search(r"\bfrom\s+(?:about\s+|around\s+)?$", before_word)
        between_before = re.search(r"\bbetween\s+(?:about\s+)?$", before_word)
        if (join == "and" and between_before) or (join in ("to", "-", "–", "—") and not from_before):
            p2 = joiner.end()
            sym2 = re.match(r"US\$|HK\$|[$€£¥]", text[p2:])
            if sym2:
                p2 += sym2.end()
            rng_end = _CORE.match(text, p2)
            glue2 = (rng_end.group("glue") or "").lower() if rng_end else ""
            if rng_end is None or (glue2 and glue2 not in _SHORT_SCALES):
                rng_end = None
    if rng_end is not None:
        second_raw = rng_end.group("d") or rng_end.group("w")
        second = float(second_raw.replace(",", "")) if rng_end.group("d") else _parse_words(second_raw)
        if second is None:
            rng_end = None
        else:
            p2 = rng_end.end()
            scale2 = 1.0
            g2 = (rng_end.group("glue") or "").lower()
            if g2 in _SHORT_SCALES:
                scale2 = _SHORT_SCALES[g2]
            else:
                sm2 = _SCALE_AFTER.match(text, p2)
                if sm2:
                    scale2 = _SCALES.get(sm2.group(1).lower(), _SHORT_SCALES.get(sm2.group(1).lower(), 1.0))
                    p2 = sm2.end()
            if scale == 1.0 and scale2 != 1.0:
                value, scale = number * scale2, scale2
            second_v = second * scale2
            if second_v < value and not re.search(r"\bbetween\b", before_word):
                return None  # "won 3-1": a score, not a range
            low_v, high_v = min(value, second_v), max(value, second_v)
            qualifier = "range"
            pos = p2

    # what follows: percent, currency name, unit, noun
    kind = "count"
    unit = ""
    noun = ""
    pm = _PERCENT_AFTER.match(text, pos)
    if pm:
        word = pm.group(1).lower().replace(" ", "")
        if "point" in word or word in ("pp", "ppt", "ppts"):
            unit = "basis_point" if "basis" in word else "percentage_point"
        elif word == "bps":
            unit = "basis_point"
        else:
            unit = "percent"
        kind = "percent"
        pos = pm.end()
    else:
        nm = lex.name_re.match(text, pos)
        if nm:
            word = nm.group(1).lower()
            if word in lex.subunits:
                base, factor = lex.subunits[word]
                if currency == "":
                    currency = base
                value, low_v, high_v = value * factor, low_v * factor, high_v * factor
                scale *= factor
                pos = nm.end()
            else:
                named = lex.names[word]
                if word in ("dollars", "dollar") and dollar_hint:
                    ambiguous = "dollars: US or Hong Kong dollars (USD assumed)"
                if word in ("pounds", "pound") and re.match(r"\s+of\b", text[nm.end() :]):
                    named = ""
                if named:
                    currency = currency or named
                    pos = nm.end()
        if currency:
            kind = "quantity"
            unit = currency
        else:
            um = lex.unit_re.match(text, pos) if not glue or glue in lex.units or glue.lower() == "m" else None
            if glue and glue.lower() == "m" and not currency:
                unit, kind = "meter", "quantity"
                pos = m.end()
            elif um:
                unit = lex.units.get(um.group(1), lex.units.get(um.group(1).lower(), ""))
                kind = "quantity"
                pos = um.end()
            if unit == "percent":
                kind = "percent"
    if kind in ("quantity",) and unit and "/" not in unit:
        per = _PER.match(text, pos)
        if per and per.group(2).lower().rstrip("s") in {n.rstrip("s") for n in _PER_NOUNS}:
            denom = (per.group(1) + "_" if per.group(1) else "") + _singular(per.group(2))
            denom = denom.replace("1m_", "million_").replace("1,000,000_", "million_").replace("1,000_", "thousand_")
            unit = f"{unit}/{denom}"
            if not per.group().lstrip().startswith("("):
                pos = per.end()
    if kind == "count":
        nn = _NOUN_AFTER.match(text, pos)
        if nn:
            noun = _head_noun(nn.group(1))
        if not digits and not noun and not is_words:
            return None
        if is_words and not noun and scale == 1.0 and number < 100:
            return None  # "two" alone is usually prose, not a figure
        if not noun and digits and re.fullmatch(r"(?:1[89]|20)\d\d", digits) and not glue:
            return None  # a bare year the date finder did not take
    # the interval: written precision, then the hedge
    if qualifier != "range":
        half = _rounding_half_width(digits, value, scale, lex.max_rounding) if digits else (
            min(abs(value) * lex.max_rounding, _rounding_half_width(str(int(number)), value, scale, lex.max_rounding))
            if number >= 1000 or scale > 1 else 0.0
        )
        low_v, high_v = value - half, value + half
    left = text[max(0, start - 30) : start]
    hm = lex.hedge_re.search(left)
    if hm and (qualifier != "range" or hm.group(1).lower() in ("about", "around", "roughly", "some", "approximately")):
        h = lex.hedges[hm.group(1).lower()]
        q, low_v, high_v = _apply_hedge(h, low_v, high_v)
        if qualifier != "range":
            qualifier = q
    direction = None
    dm = _DIRECTION_BEFORE.search(text, max(0, start - 40), start)
    if dm:
        direction = "up" if dm.group("up") else "down"
    else:
        da = _DIRECTION_AFTER.match(text, pos)
        if da and kind in ("percent", "quantity"):
            direction = "up" if da.group("up") else "down"
        elif re.search(r"\b(?:up|down)\s+$", left, re.I):
            direction = "up" if left.rstrip().lower().endswith("up") else "down"
    if negative and direction is None:
        direction = "down"
    multiplier = None
    if kind == "percent" and unit == "percent" and re.match(r"\s+of\b", text[pos : pos + 5]):
        multiplier = value / 100.0
    end = pos
    while end > start and text[end - 1].isspace():
        end -= 1
    if not math.isfinite(low_v) or not math.isfinite(high_v):
        return None
    return Figure(
        start=start,
        end=end,
        kind=kind,
        value=None if qualifier == "range" else value,
        low=min(low_v, high_v),
        high=max(low_v, high_v),
        unit=unit,
        noun=noun,
        qualifier=qualifier,
        direction=direction,
        multiplier=multiplier,
        ambiguous=ambiguous,
    )
