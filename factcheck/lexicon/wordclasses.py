"""The packaged word-class file: closed-class English (months, pronouns, titles, number words, irregular
plurals...) and the code's stop lists, each declared as a union of classes. Read and checked once, with
`path:line:col` errors."""

from __future__ import annotations

import functools
from pathlib import Path

from factcheck.core.yamlcheck import Checker, ConfigError, Keys, ListOf, MapOf, Text, compose_file

WORDCLASS_FILE = Path(__file__).with_name("wordclasses.yaml")

_SCHEMA = Keys(required=("classes",), fields={
    "classes": MapOf(key_label="word class", doc="a class of closed-class words (lower case)",
                     value=ListOf(Text(), min_items=1, doc="the words of the class")),
    "lists": MapOf(key_label="stop list", nullable=True, doc="a list the code uses: a union of classes and words",
                   value=Keys(fields={
        "classes": ListOf(Text(ref="classes"), doc="the classes it takes in whole"),
        "words": ListOf(Text(), doc="words of its own"),
    })),
    "plurals": MapOf(key_label="plural", nullable=True, doc="irregular plural -> its singular (people: person)",
                     value=Text(doc="the singular")),
    "fiscal_years": MapOf(key_label="hint", nullable=True, doc="a word naming a country -> its fiscal year",
                          value=Text(pattern=r"(?:0[1-9]|1[0-2])-(?:start|end)",
                                     pattern_hint="04-end: starts in April, named by the year it ends in")),
    "holidays": MapOf(key_label="holiday", nullable=True, doc="a holiday's name -> when it falls",
                      value=Text(pattern=r"\d\d-\d\d|easter[+-]\d+|\d\d-(?:mon|tue|wed|thu|fri|sat|sun)-(?:[1-5]|last)",
                                 pattern_hint="12-25, easter-2 or 11-thu-4 (the fourth Thursday of November)")),
})


@functools.lru_cache(maxsize=4)
def _read(path: str) -> tuple[dict[str, tuple[str, ...]], dict[str, frozenset[str]], dict[str, str],
                              dict[str, dict[str, str]]]:
    ck = Checker(path)
    root = compose_file(Path(path), ck.problems)
    data = _SCHEMA.check(root, ck, "") if root is not None else {}
    if isinstance(data, dict):
        ck.resolve({f"{Path(path).name}:classes": list(data.get("classes") or {})})
    if ck.problems or not isinstance(data, dict) or not data:
        raise ConfigError(ck.problems or [f"{path}:1:1: the word-class file is empty"])
    classes = {name: tuple(dict.fromkeys(w.lower() for w in words)) for name, words in data["classes"].items()}
    lists = {name: frozenset().union(*(classes[c] for c in spec.get("classes", [])),
                                     (w.lower() for w in spec.get("words", [])))
             for name, spec in (data.get("lists") or {}).items()}
    plurals = {k.lower(): v.lower() for k, v in (data.get("plurals") or {}).items()}
    tables = {name: {k.lower(): v for k, v in (data.get(name) or {}).items()} for name in ("holidays", "fiscal_years")}
    return classes, lists, plurals, tables


def word_class(name: str) -> frozenset[str]:
    """The words of one class ("months", "titles"), lower case."""
    return frozenset(_read(str(WORDCLASS_FILE))[0][name])


def word_list(name: str) -> tuple[str, ...]:
    """The words of one class in the file's order ("cardinals": zero, one, two...), lower case."""
    return _read(str(WORDCLASS_FILE))[0][name]


def plurals() -> dict[str, str]:
    """Irregular plurals, each with its singular ("people" -> "person")."""
    return dict(_read(str(WORDCLASS_FILE))[2])


def holidays() -> dict[str, str]:
    """Each holiday's name (lower case) with when it falls ("christmas": "12-25", "easter monday": "easter+1")."""
    return dict(_read(str(WORDCLASS_FILE))[3]["holidays"])


def fiscal_years() -> dict[str, str]:
    """A word naming a country (lower case) -> its fiscal year ("india": "04-end", "japan": "04-start")."""
    return dict(_read(str(WORDCLASS_FILE))[3]["fiscal_years"])


def stop_list(name: str) -> frozenset[str]:
    """One of the code's stop lists ("not_a_name"): the union its entry declares, lower case."""
    return _read(str(WORDCLASS_FILE))[1][name]


def union(*names: str) -> frozenset[str]:
    """The words of several classes together."""
    return frozenset().union(*(word_class(n) for n in names))


def check_wordclass_file(path: Path = WORDCLASS_FILE) -> list[str]:
    """Every problem in a word-class file (empty when it is sound)."""
    try:
        _read(str(path))
    except ConfigError as exc:
        return exc.problems
    return []



COMMON_WORDS_FILE = Path(__file__).with_name("common_words.txt")


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words (lower case), from the treebank (scripts/parser/common_words.py): a
    capitalised first word that is one of them is most likely not a name."""
    with COMMON_WORDS_FILE.open(encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))
