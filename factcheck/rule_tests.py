"""Rule tests: run each rule's pass and fail examples (factcheck.rule_examples reads them) through the
real stages (extract, attribute, match) and the one rule under test, switched on even when the pack
leaves it off."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.core.records import Article, Finding
from factcheck.match import match_claims
from factcheck.pipeline import extract_claims
from factcheck.rule_examples import Example, ExpectedFinding
from factcheck.rules import Rule, apply_rules


@dataclass(frozen=True)
class ExampleResult:
    example: Example
    ok: bool
    why: str = ""  # on failure: what was expected and what the rule gave


@dataclass(frozen=True)
class RuleReport:
    """One rule's test: each example's result, and which sides (pass, fail) have no example."""

    rule: Rule
    results: tuple[ExampleResult, ...]
    missing: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.missing and all(r.ok for r in self.results)


def _articles(example: Example) -> list[Any]:

    return [Article(id=a.id, path=a.id, body=a.text, source=a.source, title=a.title, published=a.published, url=a.url)
            for a in example.articles]


def findings_of(rule: Rule, example: Example) -> list[Finding]:
    """What `rule` (switched on) finds in the example's articles, through the real pipeline stages."""

    claims = extract_claims(_articles(example))
    return apply_rules([dataclasses.replace(rule, enabled=True)], claims, match_claims(claims))


def _show(findings: Sequence[Finding]) -> str:
    return "; ".join(f"[{f.fact or 'no fact'}] {f.message} (claims: {', '.join(repr(c.text) for c in f.claims)})"
                     for f in findings) or "no finding"


def _assign(expected: Sequence[ExpectedFinding], found: Sequence[Finding]) -> list[ExpectedFinding]:
    """Pair each expected finding with a distinct finding it matches (a maximum bipartite matching,
    by augmenting paths); the expectations left without a finding."""
    owner: dict[int, int] = {}  # finding index -> expectation index

    def place(i: int, seen: set[int]) -> bool:
        for j, f in enumerate(found):
            if j not in seen and expected[i].matches(f):
                seen.add(j)
                if j not in owner or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    placed = {i for i in range(len(expected)) if place(i, set())}
    return [e for i, e in enumerate(expected) if i not in placed]


def run_example(rule: Rule, example: Example) -> ExampleResult:
    try:
        found = findings_of(rule, example)
    except Exception as exc:  # noqa: BLE001 - a crash is a failed example, named, not a stopped run
        return ExampleResult(example, False, f"the pipeline failed on this example ({type(exc).__name__}: {exc})")
    if example.expect == "pass":
        if found:
            return ExampleResult(example, False, f"expected no finding, got {len(found)}: {_show(found)}")
        return ExampleResult(example, True)
    missing = _assign(example.findings, found)
    if missing:
        wanted = "; ".join(f"{e} ({e.where})" for e in missing)
        return ExampleResult(example, False, f"expected {wanted}; got {_show(found)}")
    if len(found) != len(example.findings):
        return ExampleResult(example, False, f"expected {len(example.findings)} finding(s), got {len(found)}: "
                                             f"{_show(found)}")
    return ExampleResult(example, True)


def run_rule(rule: Rule) -> RuleReport:
    """Run every example of one rule."""
    results = tuple(run_example(rule, ex) for ex in rule.examples)
    missing = tuple(side for side in ("pass", "fail") if not any(ex.expect == side for ex in rule.examples))
    return RuleReport(rule, results, missing)


def run_rules(rules: Sequence[Rule]) -> list[RuleReport]:
    """Run every example of every rule; a rule without a pass or a fail example does not pass."""
    return [run_rule(rule) for rule in rules]

__all__ = ["ExampleResult", "RuleReport", "findings_of", "run_example", "run_rule", "run_rules"]
