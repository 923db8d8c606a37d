"""The words the figure extractor reads, as tables and patterns built from one lexicon (rules/*.yaml and
the packaged word classes), compiled once per lexicon: currencies (symbols, names, the words that tell
one from another), number words and scales, hedges, the words of a change, nouns, and the trigger scan
that finds where a figure may start. The shapes stay code; every word in them comes from the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.core.regex import alternation, trie
from factcheck.lexicon.config import Direction, Lexicon, lexicon
from factcheck.lexicon.wordclasses import stop_list, word_list

CARDINALS = {w: i for i, w in enumerate(word_list("cardinals"))}  # "zero" is 0, "one" 1...
TENS = {w: 20 + 10 * i for i, w in enumerate(word_list("tens"))}  # "twenty" is 20, "thirty" 30...
MULTIPLIER_WORDS = ["half", "halved", "halving", "twice", "thrice", "double", "doubled", "doubling", "doubles",
                    "triple", "tripled", "tripling", "triples", "quadruple", "quadrupled", "quadrupling", "quadruples",
                    *(w + "fold" for w in [*CARDINALS, *TENS, "hundred"] if CARDINALS.get(w, 2) > 1)]  # "eightfold"
NUMBER_WORD = "(?:" + trie(list(CARDINALS) + list(TENS)) + ")"  # one number word: "seven", "twenty"
_BLANK = r"[ \u00a0]"
# After a change word, a level, not a change: "rose 20 feet above sea level"
_NOT_A_CHANGE_AFTER = (
    r"(?![ \u00a0]+(?:sea[ \u00a0]+level|ground|the[ \u00a0]+(?:surface|ground|sea(?:bed)?)|freezing|zero)\b)"
)


@dataclass(frozen=True)
class FigureWords:
    """One lexicon's words as the figure extractor reads them: lookups and compiled patterns."""

    lex: Lexicon
    unit_re: re.Pattern[str]  # a unit right after a number (a prefix trie: fails fast)
    name_re: re.Pattern[str]  # a currency name or subunit right after a number
    scan: re.Pattern[str]  # where a figure may start: a digit, a glued code, a number word...
    range_join: re.Pattern[str]  # what joins the two ends of a range ("-", "to", "and"), before the second
    second_symbol: re.Pattern[str]  # a currency symbol or code before a range's second end
    symbol_after: re.Pattern[str]  # a one-sign currency symbol written after the number ("45€", "300 ₽")
    to_number: re.Pattern[str]  # "to" or a dash and another number: "passed 310 to 118"
    sign_lowers: frozenset[str]  # lower-case letters a currency symbol may end with ("b" of "Rmb")
    hints: dict[str, Hints]  # code -> the words that tie an ambiguous sign or name to it
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
    multiplier: re.Pattern[str]  # "twice", "doubled", "a third", "threefold", "2.5x", "one in five"
    vague: dict[str, float]  # "hundred", "thousand": words whose plural makes a vague magnitude, with their value
    vague_re: re.Pattern[str]  # "hundreds", "tens of thousands" before "of"
    post_hedge: re.Pattern[str]  # a hedge after a figure: glued ("200+", "50-odd") or spaced ("or more")
    scales: dict[str, float]  # every scale word -> what it multiplies by
    word_scales: dict[str, float]  # written as words: "million" (also inside numbers in words)
    glued_scales: dict[str, float]  # glued to digits: "bn", "m"
    strong_scales: frozenset[str]  # glued, and a scale whatever follows: "bn" (not "m", "k", "b")
    scale_after: re.Pattern[str]  # a scale word after a number: " million", " bn"
    scale_word_after: re.Pattern[str]  # "half a million": a scale word after "a"
    number_class: dict[str, str]  # a word of a number in words -> its class (unit, tens, hundred, scale...)
    up: Direction
    down: Direction
    looked_past: frozenset[str]  # words between a change and its figure
    change_hedges: dict[str, tuple[tuple[str, ...], ...]]  # hedges looked past, by their last word: words nearest first
    hedge_last: frozenset[str]  # the last word of every hedge phrase
    subject_stop: frozenset[str]  # a clause's subject ends before these
    not_price_from: frozenset[str]  # words before "from" that make it where a change starts
    change_nouns: frozenset[str]  # "a 4% pay rise": a change that may follow a modifier
    count_after: frozenset[str]  # "10.9 million more people"
    direction_after: re.Pattern[str]  # a change named right after the figure: "a 17% drop", "5% higher"
    direction_after_mod: re.Pattern[str]  # the same after one word: "a 4% pay rise", "2,000 job cuts"
    labels: frozenset[str]  # "page 12"
    nouns: dict[str, frozenset[str]]  # rates, compounds, people, casualties, indexes, amounts (rules/words.yaml)
    collective: dict[str, str]  # "crowd" -> "spectator"
    kinds: dict[str, frozenset[str]]  # "year" -> nouns a hyphenated measure names a kind of ("10-year Treasury")


_CACHE: dict[int, FigureWords] = {}


def figure_words(lex: Lexicon) -> FigureWords:
    """The figure extractor's words for `lex`, built on first use and kept with it."""
    hit = _CACHE.get(id(lex))
    if hit is None or hit.lex is not lex:
        if len(_CACHE) > 8:
            _CACHE.clear()  # lexicons read afresh (tests, a changed pack): keep only the recent ones
        hit = _CACHE[id(lex)] = _build(lex)
    return hit


@dataclass(frozen=True)
class Hints:
    """The words that tie an ambiguous sign or name to one currency, as whole words: one in lower case matches
    any case (looked for in the lower-cased text, quicker than a case-blind pattern), others only as written."""

    lower: re.Pattern[str] | None
    cased: re.Pattern[str] | None

    def count(self, text: str, low: str) -> int:
        """How many times `text` (and `low`, the same lower-cased) names the currency."""
        return (len(self.lower.findall(low)) if self.lower else 0) + (len(self.cased.findall(text)) if self.cased else 0)

    def found(self, text: str, low: str | None = None) -> bool:
        """Does `text` name the currency?"""
        if self.cased is not None and self.cased.search(text):
            return True
        return self.lower is not None and bool(self.lower.search(text.lower() if low is None else low))


def _hints(hints: tuple[str, ...]) -> Hints:
    lower = [h for h in hints if h == h.lower()]
    cased = [h for h in hints if h != h.lower()]
    return Hints(re.compile(r"\b(?:" + trie(lower) + r")\b") if lower else None,
                 re.compile(r"\b(?:" + alternation(cased) + r")\b") if cased else None)


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


def _scales(lex: Lexicon) -> dict[str, object]:
    """The scale words of rules/words.yaml by how they are written, and the patterns that find them."""
    scales = {w: v for w, (v, _) in lex.words.scales.items()}
    written = {w: how for w, (_, how) in lex.words.scales.items()}
    words = {w: v for w, v in scales.items() if written[w] == "word"}
    spaced = [w for w in scales if written[w] in ("word", "abbreviation")]
    return {
        "scales": scales,
        "word_scales": words,
        "glued_scales": {w: v for w, v in scales.items() if written[w] != "word"},
        "strong_scales": frozenset(w for w in scales if written[w] in ("abbreviation", "glued")),
        "scale_after": re.compile(r"[ \u00a0-]?(" + "|".join(map(re.escape, spaced)) + r")\b", re.I),
        "scale_word_after": re.compile(r"[ \u00a0]+an?[ \u00a0]+(?:hundred|" + "|".join(map(re.escape, words))
                                       + r"|dozen)\b", re.I),
        "number_class": {**{w: "unit" for w in CARDINALS}, **{w: "tens" for w in TENS}, "hundred": "hundred",
                         "dozen": "dozen", **{w: "scale" for w in words}, "a": "a", "an": "a", "half": "half",
                         "and": "and"},
    }


def _changes(lex: Lexicon) -> dict[str, object]:
    """The change words of rules/words.yaml, the hedges looked past before them, and the patterns of a change
    named after the figure."""
    w = lex.words
    up, down = w.up, w.down
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for phrase, hedge in lex.hedges.items():
        if hedge.change:
            toks = tuple(reversed(phrase.split()))
            phrases.setdefault(toks[0], []).append(toks)
    after_up, after_down = up.nouns | up.counts | up.after, down.nouns | down.counts | down.after
    mod_up, mod_down = up.nouns | up.counts, down.nouns | down.counts
    return {
        "up": up,
        "down": down,
        "looked_past": w.looked_past,
        "change_hedges": {k: tuple(sorted(v, key=len, reverse=True)) for k, v in phrases.items()},
        "hedge_last": frozenset(h.split()[-1] for h in lex.hedges),
        "subject_stop": frozenset((up.verbs | down.verbs | w.levels | stop_list("subject_stop")) - {"of"}),
        "not_price_from": up.verbs | down.verbs | up.by | down.by | w.moves,
        "change_nouns": up.nouns | down.nouns,
        "count_after": up.counts | down.counts,
        "direction_after": re.compile(
            r"[ \u00a0-]+(?:(?P<up>" + trie(sorted(after_up)) + r")|(?P<down>" + trie(sorted(after_down))
            + r"))\b" + _NOT_A_CHANGE_AFTER, re.I),
        "direction_after_mod": re.compile(
            r"[ \u00a0-]+(?P<mod>[a-z]+(?:-[a-z]+)*)[ \u00a0]+(?:(?P<up>" + trie(sorted(mod_up))
            + r")|(?P<down>" + trie(sorted(mod_down)) + r"))\b" + _NOT_A_CHANGE_AFTER),
    }


def vague_magnitudes(lex: Lexicon) -> dict[str, float]:
    """The words whose plural makes a vague magnitude ("hundreds of flights", "tens of thousands of
    fans"): "dozen", "hundred" and each scale written as a word, with its value."""
    words = {w: v for w, (v, how) in lex.words.scales.items() if how == "word" and not w.endswith("s")}
    return {"dozen": 12.0, "hundred": 100.0, **words}


def _vague(lex: Lexicon) -> re.Pattern[str]:
    """A vague magnitude with its of-phrase ahead: "hundreds (of flights)", "tens of thousands (of fans)"."""
    vague = [w + "s" for w in vague_magnitudes(lex)]
    return re.compile(r"\b(?:(?:[Tt]ens|[Hh]undreds)[ \u00a0]+of[ \u00a0]+(?:" + trie(vague) + r")|(?:"
                      + trie([*vague, *(w.capitalize() for w in vague)]) + r"))(?=[ \u00a0]+of[ \u00a0])")


def is_vague(text: str, lex: Lexicon | None = None) -> bool:
    """Whether a figure's text is a vague magnitude ("hundreds", "tens of thousands"): it says how many
    only roughly, and is compared with no other figure."""
    last = text.split()[-1].lower() if text.strip() else ""
    return last.endswith("s") and last[:-1] in figure_words(lex or lexicon()).vague  # built once per lexicon


def _scan(lex: Lexicon) -> re.Pattern[str]:
    """Where a figure may start: a digit, a currency code glued to one ("RMB5bn"), a number or multiplier
    word, "a"/"an" before a scale or fraction, "within a" before a span of time."""
    glued = [s for s in lex.symbols if s.isalpha()]
    signed = [s for s in lex.symbols if s[-1].isalpha() and not s[0].isalnum()]  # "$NZ4.1m", "$US5"
    scales = [w for w, (_, how) in lex.words.scales.items() if how == "word"]
    words = [*CARDINALS, *TENS, "hundred", *scales, "dozen", *MULTIPLIER_WORDS]
    firsts = sorted({sym[0] for sym in signed})
    signed_rest = "|".join(f"(?<={re.escape(c)})(?:{trie([sym[1:] for sym in signed if sym[0] == c])})" for c in firsts)
    return re.compile(
        r"\b(?:(?P<d>\d)|(?P<g>" + trie(glued) + r")(?=\d)|" + (f"(?P<s>{signed_rest})(?=\\d)|" if signed else "")
        + r"(?:" + trie([*words, *(w.capitalize() for w in words)])
        + r"|[Aa]n?(?=[ \u00a0-](?:hundred|" + "|".join(map(re.escape, scales))
        + r"|dozen|half|third|quarter|fifth|sixth|eighth|tenth|decade|century|fortnight)\b))\b|(?P<w>within[ \u00a0])an?(?=[ \u00a0](?:year|month|week|day)\b))"
    )


def _multiplier(lex: Lexicon) -> re.Pattern[str]:
    """A multiplier or a share: "twice" (before "the", a name, a sign or a number), "doubled", "double the",
    "halved", "a third", "threefold", "seven times as", "2.5x", "one in five"."""
    signs = re.escape("".join(sorted({s[0] for s in lex.symbols if not s[0].isalnum()})))
    return re.compile(
        r"(?i:(?P<twice>twice|thrice)(?=[ \u00a0]+(?:(?:as|the|that|what|its|their|his|her|our|this|those|these|more|"
        r"over)\b|(?-i:[A-Z\d" + signs + r"])))"
        r"|(?P<up2>(?:doubled|doubling|doubles)(?![ \u00a0]+down\b))|(?P<up3>tripled|tripling|triples)"
        r"|(?P<up4>quadrupled|quadrupling|quadruples)"
        r"|(?P<dbl>double|triple|quadruple)(?![\w-])(?![ \u00a0]+(?:digits?|standards?|taxation|act|agents?|dip|"
        r"check|click|bed|room|whammy|blow|header|play|fault|decker|crown|life|time)\b)"
        r"|(?P<halved>halved|halving)"
        r"|(?P<frac>(?:(?P<fnum>a|one|two|three|four|five|seven|nine)[ \u00a0-]+)?(?P<fden>half|thirds?|quarters?|fifths?|"
        r"sixths?|eighths?|tenths?))\b"
        r"|(?P<nfold>(?P<fn>\d+(?:\.\d+)?|" + NUMBER_WORD + r"|hundred)[ \u00a0-]?fold)\b"
        r"|(?P<ntimes>(?P<tn>\d+(?:\.\d+)?|" + NUMBER_WORD + r")[ \u00a0]+times)(?=[ \u00a0]+(?:as|more|larger|bigger|"
        r"higher|greater|the|what|that|faster|cheaper|smaller|lower|over|longer|heavier|stronger|its|their)\b)"
        r"|(?P<nx>(?P<xn>\d+(?:\.\d+)?)x)(?=[\s,.;:)]|$)"
        r"|(?P<inx>(?P<ia>\d{1,2}|" + NUMBER_WORD + r")(?:[ \u00a0]+(?P<inoun>(?-i:[a-z]{3,20}))(?<!s))?"
        r"[ \u00a0]+(?:in|out[ \u00a0]+of)[ \u00a0]+(?P<ib>\d{1,3}|" + NUMBER_WORD
        + r"|hundred|a[ \u00a0]+hundred))\b)"
    )


def _post_hedge(lex: Lexicon) -> re.Pattern[str]:
    """A hedge written after a figure (hedges.yaml `after`): glued to it, a sign ("200+", maybe after spaces)
    or a hyphenated word ("50-odd"); or spaced words ("100 or more")."""
    glued, spaced = [], []
    for form in lex.hedges_after:
        if form[0] in "+-" and not any(ch.isalpha() for ch in form):
            glued.append(r"[ \u00a0]*" + re.escape(form) + r"(?!\w)")
        elif form[0] in "+-":
            glued.append(re.escape(form) + r"\b")
        else:
            spaced.append(r"[ \u00a0]+".join(map(re.escape, form.split())))
    return re.compile(r"(?P<glued>" + ("|".join(glued) or "(?!)") + r")|[ \u00a0]+(?P<after>"
                      + ("|".join(spaced) or "(?!)") + r")\b", re.I)


def _build(lex: Lexicon) -> FigureWords:
    """Every table and pattern of `lex` the figure extractor reads, compiled once."""
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
        symbol_after=re.compile(r"[ \u00a0]?(" + alternation([s for s in lex.symbols if len(s) == 1 and s != "$"
                                                              and not s.isalnum()]) + r")(?![\w\d])"),
        to_number=re.compile(r"[ \u00a0]*(?:to|-|–|and)[ \u00a0]*(?:" + signs + r")?\d"),
        sign_lowers=frozenset(s[-1] for s in lex.symbols if s[-1].islower()),
        hints={c.code: _hints(c.hints) for c in curs},
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
        multiplier=_multiplier(lex),
        vague=vague_magnitudes(lex),
        vague_re=_vague(lex),
        post_hedge=_post_hedge(lex),
        labels=lex.words.nouns["labels"],
        nouns=lex.words.nouns,
        collective=lex.words.collective,
        kinds=lex.words.kinds,
        **_scales(lex),  # type: ignore[arg-type]
        **_changes(lex),  # type: ignore[arg-type]
    )
