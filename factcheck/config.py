"""Where the default rule pack lives, and the lexicon (hedges, units, currencies) read from it once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml


def default_rules_dir() -> Path:
    """The default pack: `rules/` beside the package in a checkout, else the copy installed with it."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "rules", here / "_rules"):
        if (candidate / "default.yaml").is_file():
            return candidate
    raise FileNotFoundError(f"the default rule pack is missing (looked in {here.parent / 'rules'} and {here / '_rules'})")


def _read(name: str) -> dict:
    with open(default_rules_dir() / name, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top")
    return data


@dataclass(frozen=True)
class Hedge:
    qualifier: str
    width: float


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor looks up, compiled once."""

    hedges: dict[str, Hedge]  # lower-case phrase -> hedge
    hedge_re: re.Pattern[str]  # a hedge phrase at the end of the text before a number
    max_rounding: float
    units: dict[str, str]  # surface form -> pint unit name
    unit_re: re.Pattern[str]  # a unit right after a number
    symbols: dict[str, str]  # currency symbol -> ISO code
    symbol_re: re.Pattern[str]  # a currency symbol or code right before a number
    names: dict[str, str]  # lower-case currency name or code -> ISO code
    name_re: re.Pattern[str]  # a currency name right after a number
    subunits: dict[str, tuple[str, float]]  # "cents" -> ("USD", 0.01)
    rates: dict[str, list[dict]]  # ISO code -> [{from, to, usd_low, usd_high}]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def lexicon() -> Lexicon:
    hedges_doc = _read("hedges.yaml")
    hedges: dict[str, Hedge] = {}
    for name, spec in hedges_doc["hedges"].items():
        qualifier = spec.get("qualifier", "approx" if name == "approx" else name)
        for word in spec["words"]:
            hedges[word.lower()] = Hedge(qualifier, float(spec["width"]))
    hedge_re = re.compile(r"(?:^|(?<=[\s(\[\"“,;—–-]))(" + _alternation(list(hedges)) + r")\s*$", re.I)

    units_doc = _read("units.yaml")
    units: dict[str, str] = {}
    for canonical, forms in units_doc["units"].items():
        for form in forms or []:
            units[form] = canonical
            if not form.isupper() and form.lower() not in units and len(form) > 3:
                units[form.lower()] = canonical
    unit_re = re.compile(r"[ \u00a0-]?(" + _alternation(list(units)) + r")(?![\w/²])")

    cur_doc = _read("currencies.yaml")
    symbols: dict[str, str] = {"¥": "¥"}
    names: dict[str, str] = {}
    for code, spec in cur_doc["currencies"].items():
        for sym in spec.get("symbols", []):
            symbols[sym] = code
        for name in spec.get("names", []):
            names[name.lower()] = code
        symbols[code + " "] = code
        symbols[code] = code
    symbols["RMB "] = "CNY"
    symbols["RMB"] = "CNY"
    symbol_re = re.compile(r"(?:^|(?<=[^\w$€£¥₹₩]))(" + _alternation(list(symbols)) + r")\s?$")
    subunits = {k.lower(): (v["of"], float(v["factor"])) for k, v in cur_doc.get("subunits", {}).items()}
    name_re = re.compile(r"[ \u00a0-]?(" + _alternation(list(names) + list(subunits)) + r")\b", re.I)
    rates = {code: list(bands) for code, bands in cur_doc.get("rates", {}).items()}
    return Lexicon(
        hedges=hedges,
        hedge_re=hedge_re,
        max_rounding=float(hedges_doc.get("rounding", {}).get("max_relative", 0.05)),
        units=units,
        unit_re=unit_re,
        symbols=symbols,
        symbol_re=symbol_re,
        names=names,
        name_re=name_re,
        subunits=subunits,
        rates=rates,
    )
