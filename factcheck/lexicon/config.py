"""Where the default rule pack lives; the data files beside its rules (hedges, units, currencies,
aliases, attributes), each checked against a declarative schema (`DATA_SCHEMAS`) with `path:line:col`
errors; data files of the user's (a story's aliases.yaml, those given with --rules) read over the
default pack's (`DataFiles`, `merge_data`); and the lexicon (hedges, units, currencies) read from
them once per set of files.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from factcheck.core.files import write_atomic
from factcheck.core.regex import alternation
from factcheck.core.yamlcheck import (
    BAD,
    Checker,
    ConfigError,
    Date,
    Flag,
    Keys,
    ListOf,
    MapOf,
    Number,
    Text,
    compose_file,
    entries,
    safe_compose,
)

T = TypeVar("T")


def default_rules_dir() -> Path:
    """The default pack: `rules/` beside the package in a checkout, else the copy installed with it."""
    here = Path(__file__).resolve().parent.parent  # the package folder
    for candidate in (here.parent / "rules", here / "_rules"):
        if (candidate / "default.yaml").is_file():
            return candidate
    raise FileNotFoundError(f"the default rule pack is missing (looked in {here.parent / 'rules'} and {here / '_rules'})")


@dataclass(frozen=True)
class DataFiles:
    """Data files read over the default pack's (a story's aliases.yaml, the data files given with
    --rules), in order: a later one wins. Each keeps the modification time and size it had when
    named, so that what is compiled from the files is compiled again after an edit."""

    files: tuple[tuple[str, int, int], ...] = ()

    @classmethod
    def of(cls, paths: Iterable[str | os.PathLike[str]]) -> DataFiles:
        stamped = []
        for path in paths:
            try:
                st = os.stat(path)
                stamped.append((os.fspath(path), st.st_mtime_ns, st.st_size))
            except OSError:
                stamped.append((os.fspath(path), 0, -1))  # validation reports it
        return cls(tuple(stamped))

    @property
    def paths(self) -> list[Path]:
        return [Path(path) for path, _, _ in self.files]

    def named(self, name: str) -> list[Path]:
        """The files that stand for the default pack's `name` (aliases.yaml...), in order."""
        return [path for path in self.paths if path.name == name]

    def only(self, names: tuple[str, ...]) -> DataFiles:
        """The files that stand for one of `names`."""
        return DataFiles(tuple(f for f in self.files if Path(f[0]).name in names))

    def __add__(self, other: DataFiles) -> DataFiles:
        return DataFiles(self.files + other.files)


NO_DATA = DataFiles()
_IN_FORCE: ContextVar[DataFiles] = ContextVar("factcheck_data_in_force", default=NO_DATA)


@contextlib.contextmanager
def data_in_force(extra: DataFiles) -> Iterator[DataFiles]:
    """Within the block, every stage that asks for its data without naming files (`lexicon()`,
    `unit_table()`, the attribute stage's vocabulary) reads `extra` over the default pack's."""
    token = _IN_FORCE.set(extra)
    try:
        yield extra
    finally:
        _IN_FORCE.reset(token)


def in_force() -> DataFiles:
    """The data files read over the default pack's in this run (`data_in_force`)."""
    return _IN_FORCE.get()


def on_data(*names: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Cache what a function compiles from the data files `names` (aliases.yaml...) on its arguments;
    its keyword `extra` (files read over the default pack's) is, when not given, the files in force
    (`data_in_force`), and only the files of `names` among them count."""

    def wrap(build: Callable[..., T]) -> Callable[..., T]:
        cached = functools.lru_cache(maxsize=32)(build)
        memo: list[tuple[Any, Any]] = [(None, None)]  # the files in force and what they gave, for a call with no argument

        @functools.wraps(build)
        def get(*args: Any, extra: DataFiles | None = None) -> T:
            if args or extra is not None:
                return cached(*args, extra=(_IN_FORCE.get() if extra is None else extra).only(names))
            files, value = memo[0]
            if files is not _IN_FORCE.get():
                files = _IN_FORCE.get()
                value = cached(extra=files.only(names))
                memo[0] = (files, value)
            return value

        def cache_clear() -> None:
            """Forget what was compiled (a test that points the default pack elsewhere)."""
            cached.cache_clear()
            memo[0] = (None, None)

        get.cache_clear = cache_clear  # type: ignore[attr-defined]
        return get

    return wrap


def merge_data(base: dict, over: dict) -> dict:
    """`over` read over `base`, key by key: in a mapping, an entry with the same key replaces the
    earlier one (and comes after the others, so that it wins where two entries claim one word);
    lists add; a single value replaces."""
    out = dict(base)
    for key, value in over.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged = {k: v for k, v in old.items() if k not in value}
            out[key] = {**merged, **value}
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def read_data(name: str, extra: DataFiles = NO_DATA, folder: str | Path | None = None) -> dict:
    """One data file of the default pack (or of `folder`) with the files of `extra` of that name read
    over it; checked against its schema (ConfigError, a ValueError, if wrong)."""
    data, problems = check_data_file(Path(folder or default_rules_dir()) / name)
    for path in extra.named(name):
        if problems:
            break
        over, problems = check_data_file(path, local=False)
        data = merge_data(data, over)
    if problems:
        raise ConfigError(list(problems))
    return data


@dataclass(frozen=True)
class Hedge:
    """A hedge word's bound (`qualifier`), how far it widens a figure (`width`), and whether a change
    before it still gives the figure its direction and it may stand between an amount and its conversion."""

    qualifier: str
    width: float
    change: bool = False
    conversion: bool = False
    steps: float = 0.0  # an open bound reaches this many steps of the written precision (at most `width`)


@dataclass(frozen=True)
class Currency:
    """One currency and every word the extractor reads it by (an entry of rules/currencies.yaml)."""

    code: str
    symbols: tuple[str, ...]  # written before a number: "US$", "¥"
    names: tuple[str, ...]  # written after a number: "dollars", "yuan"
    weak_names: tuple[str, ...]  # names that are everyday words too ("won"): read only when the text shows the currency
    unit_names: dict[str, str]  # names that are also a unit ("pounds" of weight): name -> pint unit
    subunits: dict[str, float]  # "cents" -> 0.01
    glued_subunits: dict[str, float]  # written glued to digits: "p" -> 0.01 ("50p")
    hints: tuple[str, ...]  # words that tie an ambiguous sign or name to this currency ("Tokyo" for "¥")
    fx_words: tuple[str, ...]  # the currency named as a thing that trades: "the dollar", "sterling"
    rates: tuple[dict, ...]  # [{from, to, usd_low, usd_high}]


@dataclass(frozen=True)
class Direction:
    """The words that make a figure a change in one direction (rules/words.yaml `changes.up`, `changes.down`)."""

    verbs: frozenset[str]  # "rose 5%", "the 8% it gained"
    by: frozenset[str]  # "raised by 5%"
    nouns_of: frozenset[str]  # "a rise of 5%"
    nouns: frozenset[str]  # "a 5% rise", "a 4% pay rise"
    counts: frozenset[str]  # "10.9 million more people"
    after: frozenset[str]  # "5% higher"
    rate_verbs: frozenset[str]  # "inflation accelerated to 3.2%"
    count_verbs: frozenset[str]  # "close two plants"


@dataclass(frozen=True)
class Words:
    """The words of rules/words.yaml, lower case: scales, change words, nouns, conversion bridges."""

    scales: dict[str, tuple[float, str]]  # word -> (what it multiplies by, how it is written)
    up: Direction
    down: Direction
    looked_past: frozenset[str]  # between a change and its figure: "rose a further 5%"
    levels: frozenset[str]  # before a level: "rose to 5%"
    particles: frozenset[str]  # "edged up to 2.5%"
    not_relative: frozenset[str]  # no change verb of a relative clause
    moves: frozenset[str]  # "moved from": a change starts, no lowest price
    nouns: dict[str, frozenset[str]]  # labels, rates, compounds, people, casualties, indexes, amounts
    collective: dict[str, str]  # "crowd" -> "spectator"
    kinds: dict[str, frozenset[str]]  # unit -> nouns a hyphenated measure names a kind of
    bridges: tuple[str, ...]  # between an amount and its conversion: "or", "worth"
    borderline: dict[str, frozenset[str]]  # "intraday" -> {"close", ...}: two readings that differ by nature


def _lower(words: list[str] | None) -> frozenset[str]:
    return frozenset(w.lower() for w in words or ())


def _direction(spec: dict) -> Direction:
    return Direction(**{name: _lower(spec.get(name)) for name in Direction.__dataclass_fields__})


def _words(doc: dict) -> Words:
    changes, nouns = doc["changes"], doc.get("nouns") or {}
    kinds = nouns.get("kinds") or {}
    return Words(
        scales={w.lower(): (float(s["value"]), s["written"]) for w, s in doc["scales"].items()},
        up=_direction(changes["up"] or {}), down=_direction(changes["down"] or {}),
        **{name: _lower(changes.get(name)) for name in ("looked_past", "levels", "particles", "not_relative", "moves")},
        nouns={name: _lower(nouns.get(name)) for name in ("labels", "rates", "compounds", "people", "casualties",
                                                          "indexes", "amounts")},
        collective={k.lower(): v.lower() for k, v in (nouns.get("collective") or {}).items()},
        kinds={unit: _lower(words) for unit, words in kinds.items()},
        bridges=tuple(doc.get("bridges") or ()),
        borderline={k.lower(): _lower(v) for k, v in (doc.get("borderline") or {}).items()},
    )


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor looks up, compiled once."""

    hedges: dict[str, Hedge]  # lower-case phrase -> hedge
    hedges_after: dict[str, Hedge]  # a hedge written after a figure ("+", "-odd", "or more") -> hedge
    hedge_re: re.Pattern[str]  # a hedge phrase at the end of the text before a number
    max_rounding: float
    units: dict[str, str]  # surface form -> pint unit name
    unit_re: re.Pattern[str]  # a unit right after a number
    glued_units: dict[str, str]  # a form that is a unit only glued to the digits ("6.7in") -> pint unit name
    symbols: dict[str, str]  # currency symbol -> ISO code (the first currency listing it)
    symbol_re: re.Pattern[str]  # a currency symbol or code right before a number
    names: dict[str, str]  # lower-case currency name or code -> ISO code
    name_re: re.Pattern[str]  # a currency name right after a number
    subunits: dict[str, tuple[str, float]]  # "cents" -> ("USD", 0.01)
    rates: dict[str, list[dict]]  # ISO code -> [{from, to, usd_low, usd_high}]
    currencies: dict[str, Currency]  # ISO code -> the currency, in the file's order
    shared_symbols: dict[str, tuple[str, ...]]  # a symbol several currencies write ("¥") -> their codes, in order
    shared_names: dict[str, tuple[str, ...]]  # a lower-case name or subunit several write ("pesos", "fils") -> codes
    fx_adjectives: tuple[str, ...]  # words before a currency's fx word: "the Australian dollar"
    words: Words  # rules/words.yaml
    bridge_re: re.Pattern[str]  # what may stand between an amount and its conversion: "(about", ", or roughly"

    def is_money(self, unit: str, per: bool = True) -> bool:
        """Whether a unit is money: US dollars or a currency with exchange rates in currencies.yaml; with
        `per`, also money per something ("USD/share"), else only an amount."""
        code = unit.partition("/")[0] if per else unit
        return code == "USD" or code in self.rates


def _hedges(doc: dict) -> tuple[dict[str, Hedge], re.Pattern[str], dict[str, Hedge]]:
    """Each hedge phrase (lower case) with its group's bound, width and flags; the pattern that finds one
    before a figure; and the hedges written after a figure ("+", "or more")."""
    hedges: dict[str, Hedge] = {}
    after: dict[str, Hedge] = {}
    for name, spec in doc["hedges"].items():
        qualifier = spec.get("qualifier", "approx" if name == "approx" else name)
        hedge = Hedge(qualifier, float(spec["width"]), spec.get("change", False), spec.get("conversion", False),
                      float(spec.get("steps", 0.0)))
        for word in spec["words"]:
            hedges[word.lower()] = hedge
        after.update((" ".join(word.lower().split()), hedge) for word in spec.get("after", ()))
    hedge_re = re.compile(r"(?:^|(?<=[\s(\[\"“,;—–-]))(" + alternation(list(hedges)) + r")\s*$", re.IGNORECASE)
    return hedges, hedge_re, after


def _currency(code: str, spec: dict) -> Currency:
    return Currency(
        code=code, symbols=tuple(spec.get("symbols", ())), names=tuple(spec.get("names", ())),
        weak_names=tuple(spec.get("weak_names", ())), unit_names=dict(spec.get("unit_names", {})),
        subunits={k: float(v) for k, v in spec.get("subunits", {}).items()},
        glued_subunits={k: float(v) for k, v in spec.get("glued_subunits", {}).items()},
        hints=tuple(spec.get("hints", ())), fx_words=tuple(spec.get("fx_words", ())),
        rates=tuple(spec.get("rates", ())),
    )


def _symbols(currencies: dict[str, Currency]) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Symbol -> code (a code is a symbol of its own, also followed by a space; so is a symbol ending in a
    letter), the first currency listing a symbol keeping it; and the symbols several currencies share."""
    symbols: dict[str, str] = {}
    owners: dict[str, list[str]] = {}
    for code, cur in currencies.items():
        for sym in (*cur.symbols, code):
            for form in (sym, sym + " ") if sym[-1:].isalpha() else (sym,):
                symbols.setdefault(form, code)
                owners.setdefault(form, []).append(code)
    shared = {sym: tuple(dict.fromkeys(codes)) for sym, codes in owners.items() if len(set(codes)) > 1}
    return symbols, shared


def _bridge_re(words: Words, hedges: dict[str, Hedge]) -> re.Pattern[str]:
    """The gap between an amount and its conversion: a bracket or dash, a bridge word ("or", "worth") and up to two
    hedges that take part in the conversion check ("around about"), each optional: "2 yuan (about 28 cents)"."""
    bridge = alternation(list(words.bridges)) or "(?!)"
    hedge = alternation([w for w, h in hedges.items() if h.conversion]) or "(?!)"
    return re.compile(rf"^\s*(?:\(|,|—|–|-|/)?\s*(?:{bridge})?\s*(?:{hedge})?\s*(?:{hedge})?\s*$", re.I)


@on_data("hedges.yaml", "units.yaml", "currencies.yaml", "words.yaml")
def lexicon(*, extra: DataFiles = NO_DATA) -> Lexicon:
    """The hedges, units, currencies and words of the default pack with `extra` read over them
    (default: the files in force), compiled once."""
    hedges_doc = read_data("hedges.yaml", extra)
    hedges, hedge_re, hedges_after = _hedges(hedges_doc)

    units_doc = read_data("units.yaml", extra)
    units: dict[str, str] = {}
    for canonical, forms in units_doc["units"].items():
        for form in forms or []:
            units[form] = canonical
            if not form.isupper() and form.lower() not in units and len(form) > 3:
                units[form.lower()] = canonical
    unit_re = re.compile(r"[ \u00a0-]?(" + alternation(list(units)) + r")(?![\w/²])")
    glued_units = {form: canonical for canonical, forms in (units_doc.get("glued") or {}).items() for form in forms or []}

    cur_doc = read_data("currencies.yaml", extra)
    currencies = {code: _currency(code, spec or {}) for code, spec in cur_doc["currencies"].items()}
    symbols, shared = _symbols(currencies)
    names: dict[str, str] = {}
    owners: dict[str, list[str]] = {}
    for c in currencies.values():
        for n in (*c.names, *c.weak_names, *c.subunits):
            owners.setdefault(n.lower(), []).append(c.code)
        for n in (*c.names, *c.weak_names):
            names.setdefault(n.lower(), c.code)  # the first currency listing a name keeps it
    shared_names = {n: tuple(dict.fromkeys(codes)) for n, codes in owners.items() if len(set(codes)) > 1}
    signs = "".join(sorted({s[-1] for s in symbols if not s[-1].isalnum() and not s[-1].isspace()}))
    symbol_re = re.compile(r"(?:^|(?<=[^\w" + re.escape(signs) + r"]))(" + alternation(list(symbols)) + r")\s?$")
    subunits: dict[str, tuple[str, float]] = {}
    for c in currencies.values():
        for k, f in c.subunits.items():
            subunits.setdefault(k.lower(), (c.code, f))
    name_re = re.compile(r"[ \u00a0-]?(" + alternation(list(names) + list(subunits)) + r")\b", re.IGNORECASE)
    rates = {c.code: list(c.rates) for c in currencies.values() if c.rates}
    words = _words(read_data("words.yaml", extra))
    return Lexicon(
        hedges=hedges,
        hedges_after=hedges_after,
        hedge_re=hedge_re,
        max_rounding=float(hedges_doc.get("rounding", {}).get("max_relative", 0.05)),
        units=units,
        unit_re=unit_re,
        glued_units=glued_units,
        symbols=symbols,
        symbol_re=symbol_re,
        names=names,
        name_re=name_re,
        subunits=subunits,
        rates=rates,
        currencies=currencies,
        shared_symbols=shared,
        shared_names=shared_names,
        fx_adjectives=tuple(cur_doc.get("fx_adjectives", ())),
        words=words,
        bridge_re=_bridge_re(words, hedges),
    )


# --- the data files: one declarative schema each --------------------------------------------------
# Adding a key to a data file is one line here (and a line in docs/rules.md, which a test checks).

HEDGE_QUALIFIERS = ("approx", "at_most", "less_than", "more_than", "at_least")
CLAIM_KINDS = ("quantity", "percent", "count", "date")


def _hedge_qualifier(seen: Any) -> None:
    """A hedge without `qualifier` takes its own name as the qualifier, so the name must be one."""
    if "qualifier" not in seen.found and seen.name not in HEDGE_QUALIFIERS:
        seen.ck.problem(seen.node, f"hedge '{seen.name}' has no 'qualifier' and its name is not one "
                                   f"({', '.join(HEDGE_QUALIFIERS)}); add 'qualifier: ...'")


def _rate_band(seen: Any) -> None:
    """A band runs forwards in time and its low rate is not above its high rate."""
    v = seen.values
    if "from" in v and "to" in v and v["from"] > v["to"]:
        seen.problem("to", f"'to' ({v['to']}) is before 'from' ({v['from']})")
    if "usd_low" in v and "usd_high" in v and v["usd_low"] > v["usd_high"]:
        seen.problem("usd_high", f"'usd_high' ({v['usd_high']}) is below 'usd_low' ({v['usd_low']})")


SCALE_FORMS = ("word", "abbreviation", "glued", "weak")
_DIRECTION = Keys(doc="the words of one direction", fields={
    "verbs": ListOf(Text(), doc="before the figure, or after it in a clause (rose 5%, up 5%, the 8% it gained)"),
    "by": ListOf(Text(), doc="give \"by\" its direction (raised by 5%)"),
    "nouns_of": ListOf(Text(), doc="a change named before \"of\" (a rise of 5%)"),
    "nouns": ListOf(Text(), doc="a change named after the figure, maybe after one word (a 4% pay rise)"),
    "counts": ListOf(Text(), doc="after a count too, maybe after one word (10.9 million more people)"),
    "after": ListOf(Text(), doc="other words right after the figure (5% higher)"),
    "rate_verbs": ListOf(Text(), doc="a rate that speeds up or slows down before \"to\" (accelerated to 3.2%)"),
    "count_verbs": ListOf(Text(), doc="take a count away right before it (close two plants)"),
})


DATA_SCHEMAS: dict[str, Keys] = {
    "hedges.yaml": Keys(required=("hedges",), fields={
        "hedges": MapOf(key_label="hedge", doc="hedge groups; a group's name is its qualifier unless it gives one",
                        value=Keys(required=("width", "words"), check_all=_hedge_qualifier, fields={
            "qualifier": Text(choices=HEDGE_QUALIFIERS, doc="how the hedge bounds the figure (default: the group's name)"),
            "width": Number(low=0, doc="how far the hedge widens the interval, relative to the figure (0.10 = 10%)"),
            "steps": Number(low=0, doc="an open bound reaches this many steps of the figure's written precision "
                                       "(\"more than 1.1 million\" with 1: up to 1.2 million), never past `width`"),
            "words": ListOf(Text(), min_items=1, doc="the hedge words, matched case-insensitively before a figure"),
            "after": ListOf(Text(), doc="hedge words after a figure: glued (+, -odd) or spaced (or more, or so)"),
            "change": Flag(default=False, doc="true: a change before the hedge still gives the figure its direction "
                                              "(\"rose about 5%\")"),
            "conversion": Flag(default=False, doc="true: the hedge may stand between an amount and its conversion "
                                                  "(\"2 yuan (about 28 cents)\")"),
        })),
        "rounding": Keys(doc="the rounding band added by written digits", fields={
            "max_relative": Number(low=0, high=1, default=0.05,
                                   doc="cap on the rounding band, as a share of the value"),
        }),
    }),
    "units.yaml": Keys(required=("units",), fields={
        "define": ListOf(Text(), doc="pint definitions for units pint does not know (`name = expression`)"),
        "units": MapOf(key_label="pint unit", distinct=True, doc="pint unit name -> the forms prose writes",
                       value=ListOf(Text(), nullable=True, doc="surface forms written after a number")),
        "glued": MapOf(key_label="pint unit", key=Text(ref="units.yaml:units"), doc="pint unit name -> forms that are the unit only when glued to "
                                                  "the digits (\"6.7in\"; \"5 in March\" is no length)",
                       value=ListOf(Text(), nullable=True, doc="surface forms written glued to a number")),
    }),
    "currencies.yaml": Keys(required=("currencies",), fields={
        "currencies": MapOf(key_label="currency code", doc="ISO code -> everything prose writes of the currency",
                            key=Text(pattern=r"[A-Z]{3}", pattern_hint="an ISO code: three capital letters"),
                            value=Keys(fields={
            "symbols": ListOf(Text(), doc="symbols written before a number (US$, €); one listed under two currencies "
                                          "is ambiguous (¥)"),
            "names": ListOf(Text(), doc="names written after a number (yuan, euros), case-insensitive"),
            "weak_names": ListOf(Text(), doc="names that are everyday words too (won): read as the currency only "
                                             "after a scale word or when the text shows the currency"),
            "unit_names": MapOf(key_label="name", doc="names that are also a unit -> its pint unit (pounds: pound)",
                                value=Text(ref="units.yaml:units", doc="the pint unit")),
            "subunits": MapOf(key_label="subunit name", doc="subunit -> how much of the currency it is (cents: 0.01)",
                              value=Number(above=0, doc="how much of the currency one subunit is")),
            "glued_subunits": MapOf(key_label="abbreviation",
                                    doc="subunit written glued to digits under 1,000 -> its factor (p: 0.01, \"50p\")",
                                    value=Number(above=0, doc="how much of the currency one subunit is")),
            "hints": ListOf(Text(), doc="words that tie an ambiguous symbol or name to this currency; lower case "
                                        "matches any case"),
            "fx_words": ListOf(Text(), doc="the currency named as a thing that trades (the dollar, sterling)"),
            "rates": ListOf(Keys(required=("from", "to", "usd_low", "usd_high"), check_all=_rate_band, fields={
                "from": Date(doc="first day the band holds (inclusive)"),
                "to": Date(doc="last day the band holds (inclusive)"),
                "usd_low": Number(above=0, doc="lowest value of one unit in USD over the period"),
                "usd_high": Number(above=0, doc="highest value of one unit in USD over the period"),
            }), doc="value of one unit in US dollars, as a band, for each period"),
        })),
        "fx_adjectives": ListOf(Text(), doc="words that may stand before a currency's fx word (the Australian dollar)"),
    }),
    "words.yaml": Keys(required=("scales", "changes", "nouns"), fields={
        "scales": MapOf(key_label="scale word",
                        doc="a word after a number -> what it multiplies by and how it is written",
                        value=Keys(required=("value", "written"), fields={
            "value": Number(above=0, doc="what the word multiplies the number by (million: 1000000)"),
            "written": Text(choices=SCALE_FORMS, doc="word: spaced, and in numbers in words; abbreviation: glued or "
                                                     "spaced; glued: glued only; weak: glued, when a currency or a "
                                                     "plural noun or unit says so"),
        })),
        "changes": Keys(required=("up", "down"), doc="the words that make a figure a change up or down", fields={
            "up": _DIRECTION,
            "down": _DIRECTION,
            "looked_past": ListOf(Text(), doc="words between a change and its figure (\"rose a further 5%\")"),
            "levels": ListOf(Text(), doc="words before a level, not a change (\"rose to 5%\", \"reached 300\")"),
            "particles": ListOf(Text(), doc="verbs whose \"up to\" is a particle and a level (\"edged up to 2.5%\")"),
            "not_relative": ListOf(Text(), doc="words after \"it\", \"they\" that are no change verb of a clause"),
            "moves": ListOf(Text(), doc="words before \"from\" that make it where a change starts (\"moved from\")"),
        }),
        "nouns": Keys(doc="what a count counts, what labels a number, what a rate is per", fields={
            "labels": ListOf(Text(), doc="words before a number that make it a label (page 12, junctions 10 and 11)"),
            "rates": ListOf(Text(), doc="nouns a price is quoted per (a barrel, per share)"),
            "collective": MapOf(key_label="noun", doc="noun -> what it counts (crowd: spectator)",
                                value=Text(doc="the noun counted")),
            "compounds": ListOf(Text(), doc="modifier and noun that name one kind of thing (gold medal)"),
            "people": ListOf(Text(), doc="adjectives that count people (the number of unemployed)"),
            "casualties": ListOf(Text(), doc="adjectives after a count that make it a count of people (12 wounded)"),
            "indexes": ListOf(Text(), doc="words that name a stock index, whose figures are points"),
            "amounts": ListOf(Text(), doc="plural subjects that are amounts, not things counted (sales, prices)"),
            "kinds": MapOf(key_label="unit", doc="unit -> nouns that a hyphenated measure names a kind of (10-year "
                                                 "Treasury)", value=ListOf(Text(), doc="the nouns")),
        }),
        "bridges": ListOf(Text(), doc="words between an amount and its conversion besides a hedge (or, worth)"),
        "borderline": MapOf(key_label="word", doc="word -> the words of the other reading: two figures of one fact whose "
                            "passages say these differ by nature, and their conflict is an info note (intraday: "
                            "[close])", value=ListOf(Text(), doc="the other reading's words")),
    }),
    "aliases.yaml": Keys(fields={
        "entities": MapOf(key_label="entity", nullable=True, distinct=True, keys_are_words=True,
                          doc="canonical entity name -> every way prose writes it",
                          value=ListOf(Text(), nullable=True, doc="aliases, matched case-sensitively")),
        "places": ListOf(Text(), nullable=True, doc="place names, taken as the entity only when nothing else is named"),
        "references": ListOf(Text(), nullable=True,
                             doc="nouns that after 'the' point back to the organisation named last"),
    }),
    "attributes.yaml": Keys(fields={
        "window": Number(integer=True, low=1, default=60,
                         doc="how far (characters) from a figure its attribute's cue words may stand"),
        "match": Keys(nullable=True, doc="how alike two names must be (rapidfuzz, 0-100) to count as one", fields={
            "attribute_cutoff": Number(low=0, high=100, default=88, doc="attribute names, token-sort ratio"),
            "entity_cutoff": Number(low=0, high=100, default=92, doc="entity names, plain ratio"),
        }),
        "noun_synonyms": MapOf(key_label="noun", nullable=True, distinct=True, keys_are_words=True,
                               doc="counted noun -> nouns that mean the same thing (the key is the name used)",
                               value=ListOf(Text(), doc="synonyms")),
        "scopes": MapOf(key_label="scope group", nullable=True,
                        doc="words that narrow what a figure covers; different words of a group make different facts",
                        value=Keys(fields={
            "words": ListOf(Text(), doc="the words of the group"),
            "absent": Text(doc="if given, naming none of the words is a value of its own (e.g. outcome)"),
        })),
        "attributes": MapOf(key_label="attribute", nullable=True, doc="attribute name -> when a figure measures it",
                            value=Keys(fields={
            "kinds": ListOf(Text(choices=CLAIM_KINDS), doc="claim kinds it applies to (default: all)"),
            "cues": ListOf(Text(), doc="words that name it (inflections are added)"),
            "nouns": ListOf(Text(), doc="counted nouns that name it (counts only)"),
            "units": ListOf(Text(ref="units.yaml:units"), doc="pint units a figure needs (keys of units.yaml)"),
            "money": Flag(default=False, doc="true: amounts of money only"),
            "subjects": Text(choices=("organisation",), doc="organisation: a company's figure, never a product's"),
        })),
    }),
}


@functools.lru_cache(maxsize=64)
def _checked(path: str, _stamp: tuple[int, int], local: bool = True
             ) -> tuple[Any, tuple[str, ...], tuple[tuple[str, yaml.Node, str, str], ...]]:
    """One data file checked against its schema: (values, problems, references into other files).
    With `local`, references to its own keys are checked here; a file read over the default pack's
    leaves them all to `validate_data_files`, since it may name the default's keys. Cached on the
    file's modification time and size, so a run checks each file once."""
    schema = DATA_SCHEMAS[Path(path).name]
    if not local:  # the keys the default pack requires are there already: a file read over it may leave them out
        schema = dataclasses.replace(schema, required=())
    ck = Checker(path)
    root = compose_file(Path(path), ck.problems)
    if root is None and not ck.problems:
        if schema.required:
            ck.problems.append(f"{path}:1:1: the file is empty (expected: {', '.join(schema.required)})")
        return {}, tuple(ck.problems), ()
    if root is None:
        return {}, tuple(ck.problems), ()
    data = schema.check(root, ck, "")
    data = {} if data is BAD else data
    name = Path(path).name
    if local:
        ck.resolve({f"{name}:{key}": list(value) for key, value in data.items() if isinstance(value, dict)})
    return data, tuple(ck.problems), tuple(ck.refs)


def check_data_file(path: Path, local: bool = True) -> tuple[dict, tuple[str, ...]]:
    """The values of one data file (hedges.yaml, units.yaml, ...) and every problem found in it
    (`local`: see `_checked`)."""
    try:
        st = path.stat()
    except OSError as exc:
        return {}, (f"{path}:1:1: cannot be read ({exc.strerror or exc})",)
    if path.is_dir():
        return {}, (f"{path}:1:1: cannot be read (it is a folder)",)
    data, problems, _ = _checked(str(path), (st.st_mtime_ns, st.st_size), local)
    return data, problems


def validate_data_files(folder: Path | None = None, extra: DataFiles = NO_DATA) -> list[str]:
    """Every problem in the data files of `folder` (default: the default pack) and in the files of
    `extra` read over them, references between files resolved against both ("units" of an attribute
    must be units.yaml keys), and every unit known to pint."""
    folder = default_rules_dir() if folder is None else folder
    problems: list[str] = []
    names: dict[str, list[str]] = {}
    pending: list[tuple[str, yaml.Node, str, str]] = []
    own = [(folder / name, True) for name in DATA_SCHEMAS]
    for path, local in own + [(path, False) for path in extra.paths if path.name in DATA_SCHEMAS]:
        try:
            st = path.stat()
        except OSError as exc:
            problems.append(f"{path}:1:1: cannot be read ({exc.strerror or exc})")
            continue
        data, found, refs = _checked(str(path), (st.st_mtime_ns, st.st_size), local)
        problems.extend(found)
        pending.extend(refs)
        for key, value in data.items():
            if isinstance(value, dict):
                names.setdefault(f"{path.name}:{key}", []).extend(value)
    ck = Checker(str(folder), refs=list(pending))
    ck.resolve(names)
    problems.extend(ck.problems)
    units = [folder / "units.yaml", *extra.named("units.yaml")]
    if not any(p.startswith(tuple(f"{u}:" for u in units)) for p in problems):
        in_use = folder == default_rules_dir()  # then the matcher's own (cached) unit table is the check
        problems.extend(_check_pint_units(units, extra) if in_use else pint_problems(units[0]))
    return sorted(problems, key=_position)


def _position(problem: str) -> tuple[str, int, int]:
    """Sort key of `path:line:col: ...`: by file, then line and column (a file's problems in reading order)."""
    m = re.match(r"(.*?):(\d+):(\d+): ", problem)
    return (m[1], int(m[2]), int(m[3])) if m else (problem, 0, 0)


@on_data("units.yaml")
def unit_table(*, extra: DataFiles = NO_DATA) -> dict[str, tuple[str, float, float]]:
    """pint unit name -> (dimensionality, factor to base units, offset: base = value * factor +
    offset, which only temperatures need), for the default pack's units.yaml with `extra` read over
    it (default: the files in force). Building it takes pint half a second, so the table is kept on
    disk (`cache_dir()`), keyed by the content of the units files and pint's version: a changed
    file, or another pint, builds it again."""
    files = [default_rules_dir() / "units.yaml", *extra.named("units.yaml")]
    try:
        texts = [path.read_bytes() for path in files]
    except OSError:
        return _pint_unit_table(extra)
    key = hashlib.sha256(b"\0".join([_pint_version().encode(), *texts])).hexdigest()[:32]
    cached = cache_dir() / f"units-{key}.json"
    with contextlib.suppress(OSError, ValueError, TypeError):
        return {name: (str(dim), float(factor), float(offset))
                for name, (dim, factor, offset) in json.loads(cached.read_text(encoding="utf-8")).items()}
    table = _pint_unit_table(extra)
    with contextlib.suppress(OSError):  # a cache that cannot be written costs time, never the run
        write_atomic(cached, json.dumps(table, sort_keys=True))
    return table


def cache_dir() -> Path:
    """Where factcheck keeps what it can rebuild: $FACTCHECK_CACHE_DIR, else $XDG_CACHE_HOME/factcheck,
    else ~/.cache/factcheck."""
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "factcheck"


def _pint_version() -> str:
    from importlib.metadata import version

    return version("pint")


def _pint_unit_table(extra: DataFiles) -> dict[str, tuple[str, float, float]]:
    import pint

    ureg = pint.UnitRegistry()
    doc = read_data("units.yaml", extra)
    for line in doc.get("define", []):
        ureg.define(line)
    table: dict[str, tuple[str, float, float]] = {}
    for name in doc.get("units", {}):
        if name == "percent":
            continue
        zero, one = (ureg.Quantity(v, name).to_base_units() for v in (0, 1))  # "degC": 0 is 273.15 K
        table[name] = (str(one.dimensionality), float(one.magnitude - zero.magnitude), float(zero.magnitude))
    return table


def _check_pint_units(paths: list[Path], extra: DataFiles = NO_DATA) -> list[str]:
    """Every `define` line and unit name of the units files `paths` (the default's, then those of
    `extra` read over it) must mean something to pint. On success this builds the unit table the
    matcher needs anyway (cached), so the check costs nothing extra; on failure each line is tried
    alone, with the definitions of the files before it, so every bad one is reported with its position."""
    try:
        unit_table(extra=extra)
        return []
    except Exception as exc:  # noqa: BLE001 - any pint error: find which lines cause it
        found: list[str] = []
        defines: list[str] = []
        for path in paths:
            found += pint_problems(path, tuple(defines))
            defines += [str(d) for d in check_data_file(path, local=path == paths[0])[0].get("define", [])]
        return found or [f"{paths[-1]}:1:1: pint cannot build the unit table from this file ({exc})"]


def pint_problems(path: Path, defines: tuple[str, ...] = ()) -> list[str]:
    """Each `define` line and unit name of a units file tried alone with pint (after `defines`, the
    definitions of the files it is read over): every one pint rejects, with its position (slower
    than the check above: only run when that one fails)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [f"{path}:1:1: cannot be read ({exc})"]
    return [f"{path}:{line}:{col}: {message}" for line, col, message in _pint_problems(text, defines)]


@functools.lru_cache(maxsize=8)
def _pint_problems(text: str, defines: tuple[str, ...] = ()) -> tuple[tuple[int, int, str], ...]:
    """(line, column, message) for each line of a units file that pint rejects; cached on the text,
    since building a registry takes pint a third of a second."""
    import pint

    problems: list[str] = []
    root = safe_compose(text)
    if not isinstance(root, yaml.MappingNode):
        return ()
    top = entries("", root, problems)
    ureg: Any = pint.UnitRegistry()
    for line in defines:
        with contextlib.suppress(Exception):
            ureg.define(line)
    out: list[tuple[int, int, str]] = []

    def at(node: yaml.Node, message: str) -> None:
        out.append((node.start_mark.line + 1, node.start_mark.column + 1, message))

    if "define" in top and isinstance(top["define"][1], yaml.SequenceNode):
        for node in top["define"][1].value:
            try:
                ureg.define(node.value)
            except Exception as exc:  # noqa: BLE001 - pint raises several kinds
                at(node, f"pint cannot read this definition ({_first_line(exc)})")
    if "units" in top and isinstance(top["units"][1], yaml.MappingNode):
        for knode, _ in top["units"][1].value:
            if knode.value == "percent":
                continue
            try:
                ureg.Quantity(1, knode.value).to_base_units()
            except Exception as exc:  # noqa: BLE001
                at(knode, f"'{knode.value}' is not a unit pint knows ({_first_line(exc)}); define it under 'define'")
    return tuple(out)


def _first_line(exc: BaseException) -> str:
    """pint's messages run over several lines; a problem is one."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
