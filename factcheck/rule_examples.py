"""Rule examples: every rule carries pass and fail examples, tiny articles and the findings they must give.
This module reads and validates them; factcheck.rule_tests runs them through the pipeline.

An example block sits inline in a rule (`examples:`) or in a sibling file (`default.examples.yaml`
beside `default.yaml`, keyed by rule id). A *pass* example must give no finding of the rule; a
*fail* example must give exactly the findings it lists. Examples run through the real stages
(extract, attribute, match) and the one rule under test, switched on even when the pack leaves it off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from factcheck.core.yamlcheck import BAD, Checker, Date, Keys, ListOf, MapOf, Text, compose_file, loc

if TYPE_CHECKING:
    from factcheck.core.records import Finding

EXAMPLES_SUFFIX = ".examples"  # rules/default.yaml -> rules/default.examples.yaml


@dataclass(frozen=True)
class ExampleArticle:
    """One tiny article: its front matter as keys, and its text. `id` is where it is written (path:line)."""

    id: str
    source: str
    text: str
    published: dt.date | None = None
    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class ExpectedFinding:
    """What a finding must show: its claims' texts (all of them among its claims), its fact label, words
    of its message, its severity. Any left out is not checked; at least one is given."""

    where: str
    texts: tuple[str, ...] = ()
    fact: str = ""
    message: str = ""
    severity: str = ""

    def matches(self, finding: Finding) -> bool:
        got = {c.text for c in finding.claims}
        return (all(t in got for t in self.texts) and (not self.fact or self.fact == finding.fact)
                and (not self.message or self.message in finding.message)
                and (not self.severity or self.severity == finding.severity))

    def __str__(self) -> str:
        parts = [f"texts {list(self.texts)}" if self.texts else "", f"fact {self.fact!r}" if self.fact else "",
                 f"message containing {self.message!r}" if self.message else "",
                 f"severity {self.severity}" if self.severity else ""]
        return "a finding with " + ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Example:
    """A pass example (`expect == "pass"`: no finding) or a fail example (exactly `findings`)."""

    where: str
    expect: str
    name: str
    articles: tuple[ExampleArticle, ...]
    findings: tuple[ExpectedFinding, ...] = ()


# --- the schema of examples, with positions -------------------------------------------------------


def _article(values: dict[str, Any], node: yaml.MappingNode, ck: Checker) -> ExampleArticle:
    return ExampleArticle(id=f"{ck.path}:{node.start_mark.line + 1}", source=values["source"], text=values["text"],
                          published=values.get("published"), title=values.get("title", ""), url=values.get("url", ""))


def _expected(values: dict[str, Any], node: yaml.MappingNode, ck: Checker) -> ExpectedFinding | object:
    if not values:
        return ck.problem(node, "an expected finding needs at least one of texts, fact, message, severity")
    return ExpectedFinding(where=loc(ck.path, node), texts=tuple(values.get("texts", ())), fact=values.get("fact", ""),
                           message=values.get("message", ""), severity=values.get("severity", ""))


def _example(expect: str) -> Callable[[dict[str, Any], yaml.MappingNode, Checker], Example]:
    """The builder of a pass or a fail example (a name is made up from its line when it gives none)."""

    def build(values: dict[str, Any], node: yaml.MappingNode, ck: Checker) -> Example:
        name = values.get("name") or f"{expect} example on line {node.start_mark.line + 1}"
        return Example(where=loc(ck.path, node), expect=expect, name=name, articles=tuple(values["articles"]),
                       findings=tuple(values.get("findings", ())))
    return build


ARTICLE = Keys(required=("source", "text"), build=_article, doc="a tiny article: front matter keys and its text", fields={
    "source": Text(doc="the outlet, as front matter gives it"),
    "published": Date(doc="publication date (anchors relative dates)"),
    "title": Text(doc="headline (optional)"),
    "url": Text(doc="address (optional)"),
    "text": Text(doc="the article's text"),
})
FINDING = Keys(build=_expected, doc="what one finding must show", fields={
    "texts": ListOf(Text(), min_items=1, doc="texts of claims the finding must hold, as written in the article"),
    "fact": Text(doc="the finding's fact label, `entity / attribute / period`"),
    "message": Text(doc="words the finding's message must contain"),
    "severity": Text(choices=("error", "warning", "info"), doc="the finding's severity"),
})
_ARTICLES = ListOf(ARTICLE, min_items=1, doc="the articles of the example (two outlets for cross-source rules)")
PASS = Keys(required=("articles",), build=_example("pass"), doc="articles that must give no finding of the rule", fields={
    "name": Text(doc="what the example shows"),
    "articles": _ARTICLES,
})
FAIL = Keys(required=("articles", "findings"), build=_example("fail"), doc="articles that must give exactly `findings`",
            fields={
    "name": Text(doc="what the example shows"),
    "articles": _ARTICLES,
    "findings": ListOf(FINDING, min_items=1, doc="every finding the rule must give, no more"),
})
BLOCK = Keys(doc="a rule's examples", fields={
    "pass": ListOf(PASS, doc="examples on which the rule must stay silent"),
    "fail": ListOf(FAIL, doc="examples on which the rule must give the listed findings"),
})
EXAMPLES_FILE = Keys(required=("examples",), fields={
    "examples": MapOf(BLOCK, key_label="rule id", doc="rule id -> its examples"),
})


def parse_block(path: str, node: yaml.Node, problems: list[str]) -> tuple[Example, ...]:
    """The examples of one rule (its `examples:` value), every problem appended as `path:line:col: ...`."""
    ck = Checker(path, problems)
    block = BLOCK.check(node, ck, "'examples'")
    if block is BAD:
        return ()
    return (*block.get("pass", ()), *block.get("fail", ()))


def sibling_file(rule_file: Path) -> Path:
    """Where the examples of a rule file live: `x.yaml` -> `x.examples.yaml`."""
    return rule_file.with_name(rule_file.stem + EXAMPLES_SUFFIX + rule_file.suffix)


def is_examples_file(path: Path) -> bool:
    return path.stem.endswith(EXAMPLES_SUFFIX)


def load_examples_file(path: Path, problems: list[str], shown: str | None = None) -> dict[str, tuple[Any, tuple[Example, ...]]]:
    """rule id -> (the id's key node, its examples) from a sibling examples file; problems appended."""
    shown = shown if shown is not None else str(path)
    root = compose_file(path, problems, shown)
    if root is None:
        if not problems or not problems[-1].startswith(shown):
            problems.append(f"{shown}:1:1: the examples file is empty (expected an 'examples:' mapping of rule ids)")
        return {}
    ck = Checker(shown, problems)
    if not isinstance(root, yaml.MappingNode):
        ck.problem(root, "expected a mapping with an 'examples:' mapping of rule ids at the top")
        return {}
    data = EXAMPLES_FILE.check(root, ck, "")
    if data is BAD or "examples" not in data:
        return {}
    keys = {k.value: k for k, _ in next((v for k, v in root.value if k.value == "examples")).value
            if isinstance(k, yaml.ScalarNode)}
    return {rule_id: (keys.get(rule_id), (*block.get("pass", ()), *block.get("fail", ())))
            for rule_id, block in data["examples"].items()}


# --- running them ---------------------------------------------------------------------------------
