"""`factcheck rules list | explain | test`: what rules are loaded, where they come from, and their tests.

A thin layer over factcheck.rules (loading, validation) and factcheck.rule_tests (running examples).
Exit codes as for `check`: 0 ok, 1 a rule test failed, 2 a bad rule, example or data file.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
from collections.abc import Sequence
from typing import Any, NoReturn

import click
from tabulate import tabulate

from factcheck.cli.common import RULES_HELP
from factcheck.core.yamlcheck import suggest
from factcheck.report.display import WholeSummaries
from factcheck.rules import KINDS, TEMPLATE_FIELDS, Pack, Rule, RuleError, load_pack, options



def _exit(code: str) -> NoReturn:
    from factcheck.cli.common import ExitCode

    sys.exit(ExitCode[code])


def _load(paths: Sequence[str], include_default: bool = True) -> Pack:
    """The pack, or every problem on stderr and exit 2, as `check` does."""
    from factcheck.cli.common import exit_with_problems

    try:
        return load_pack(list(paths), include_default=include_default)
    except RuleError as exc:
        exit_with_problems(exc.problems, f"{len(exc.problems)} problem(s) in rule or data files")


def _no_rule(rule_id: str, ids: list[str], listed: str = "") -> NoReturn:
    """An unknown rule id: say so (with the nearest id) and exit 2."""
    from factcheck.cli.common import exit_with_problems

    exit_with_problems([], f"no rule '{rule_id}' is loaded{suggest(rule_id, ids)}{listed}")


def _shown(where: str) -> str:
    """`path:line` with the path relative to the working folder when it lies inside it (shorter lines)."""
    m = re.fullmatch(r"(.*?)((?::\d+)*)", where)
    path, rest = (m[1], m[2]) if m else (where, "")
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return where
    return (path if rel.startswith("..") else rel) + rest


def _count(rule: Rule) -> str:
    n_pass = sum(1 for e in rule.examples if e.expect == "pass")
    n_fail = len(rule.examples) - n_pass
    return f"{n_pass} pass, {n_fail} fail"


@click.group("rules", cls=WholeSummaries,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
def rules_group() -> None:
    """Show the loaded rules and where they come from, and run their tests.

    \b
    factcheck rules list [--rules PATH]       every rule: id, kind, severity, on/off, file:line
    factcheck rules explain ID [--rules PATH] one rule: every option, its message, its examples
    factcheck rules test [PATH...]            run the rules' pass and fail examples
    """


@rules_group.command("list")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help=RULES_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="Output format.")
def list_rules(rule_paths: tuple[str, ...], fmt: str) -> None:
    """List every loaded rule: id, kind, severity, whether it is on, the file and line it comes
    from, and which rule it replaces or is replaced by.

    Example: factcheck rules list --rules myrules/
    """
    pack = _load(rule_paths)
    rows: list[dict[str, Any]] = []
    for rule in [*pack.rules, *(old for old, _ in pack.replaced)]:
        by = pack.replaced_by(rule)
        rows.append({"id": rule.id, "kind": rule.kind, "severity": rule.severity, "enabled": rule.enabled,
                     "origin": _shown(rule.origin), "in_force": by is None,
                     "replaced_by": _shown(by.origin) if by else None,
                     "replaces": [_shown(old.origin) for old in pack.replaces(rule)],
                     "examples": {"pass": sum(1 for e in rule.examples if e.expect == "pass"),
                                  "fail": sum(1 for e in rule.examples if e.expect == "fail")}})
    if fmt == "json":
        click.echo(json.dumps({"rules": rows}, indent=2))
        _exit("OK")
    table = []
    for r in rows:
        note = f"replaced by {r['replaced_by']}" if r["replaced_by"] else \
            ("replaces " + ", ".join(r["replaces"]) if r["replaces"] else "")
        table.append([r["id"], r["kind"], r["severity"], "yes" if r["enabled"] else "no", r["origin"],
                      f"{r['examples']['pass']} pass, {r['examples']['fail']} fail", note])
    click.echo(tabulate(table, headers=["id", "kind", "severity", "enabled", "from", "examples", "note"],
                        disable_numparse=True))
    replaced, off = len(pack.replaced), sum(1 for r in pack.rules if not r.enabled)
    click.echo(f"{len(pack.rules) - off} rules in force" + (f", {off} off" if off else "")
               + (f", {replaced} replaced" if replaced else ""), err=True)
    if pack.data.files:
        click.echo("data files read over the default pack's: " + ", ".join(_shown(str(p)) for p in pack.data.paths),
                   err=True)
    _exit("OK")


@rules_group.command("explain")
@click.argument("rule_id")
@click.option("--rules", "rule_paths", multiple=True, type=click.Path(), help=RULES_HELP)
def explain(rule_id: str, rule_paths: tuple[str, ...]) -> None:
    """Explain one rule: what it flags, every option with its value and default, its message
    template, where it comes from (and what it replaces), and its examples.

    Example: factcheck rules explain figure-conflict
    """
    pack = _load(rule_paths)
    rule = next((r for r in pack.rules if r.id == rule_id), None)
    if rule is None:
        ids = [r.id for r in pack.rules]
        _no_rule(rule_id, ids, f" (rules: {', '.join(ids)})")
    click.echo("\n".join(_explain(rule, pack)))
    _exit("OK")


def _explain(rule: Rule, pack: Pack) -> list[str]:
    article = "an" if rule.kind[:1] in "aeiou" else "a"
    lines = [f"{rule.id}: {article} {rule.kind} rule, {'on' if rule.enabled else 'off (enabled: false)'}",
             f"from: {_shown(rule.origin)}"]
    lines += [f"replaces: {_shown(old.origin)}" for old in pack.replaces(rule)]
    if rule.description:
        lines += ["", rule.description]
    kind_doc = " ".join((KINDS[rule.kind].__doc__ or "").split())
    said = " ".join(rule.description.split())
    if said and kind_doc.startswith(said):  # the pack's description often is the kind's first sentence
        kind_doc = kind_doc[len(said):].strip()
        if kind_doc:
            lines += ["", *textwrap.wrap(f"Kind {rule.kind}. {kind_doc}", 100)]
    elif kind_doc:
        lines += ["", *textwrap.wrap(f"Kind {rule.kind}: {kind_doc}", 100)]
    table = []
    for name, f in options(type(rule)).items():
        if name in ("id", "kind", "description", "message", "examples"):
            continue  # shown on their own lines
        value, default = getattr(rule, name), f.default
        changed = "" if value == default else "*"
        table.append([name, _value(value) + changed, _value(default), f.metadata.get("doc", "")])
    lines += ["", "Options (* differs from the default):",
              tabulate(table, headers=["key", "value", "default", "what it does"], tablefmt="simple",
                       maxcolwidths=[None, 28, 28, 56])]
    template = rule.message or type(rule).default_message
    lines += ["", "Message template" + ("" if rule.message else " (the kind's own; set 'message' to change it)") + ":",
              f"  {template}", f"  fields: {', '.join('{' + f + '}' for f in TEMPLATE_FIELDS)}"]
    lines += ["", f"Examples ({_count(rule)}; run them with: factcheck rules test):"]
    for ex in rule.examples:
        lines.append(f"  {ex.expect}: {ex.name}  ({_shown(ex.where)})")
        for a in ex.articles:
            head = f"{a.source}, {a.published or 'undated'}: "
            lines += textwrap.wrap(" ".join(a.text.split()), 100, initial_indent="    " + head,
                                   subsequent_indent="      ")
        if ex.expect == "pass":
            lines.append("    must give: no finding")
        lines += [f"    must give: {e}" for e in ex.findings]
    if not rule.examples:
        lines.append("  none: add a pass and a fail example (docs/rules.md, 'Rule tests')")
    return lines


def _value(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


@rules_group.command("test")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rule", "only", multiple=True, metavar="ID", help="Test only this rule (repeatable).")
def test(paths: tuple[str, ...], only: tuple[str, ...]) -> None:
    """Run the pass and fail examples of the rules in PATHS (rule files or folders, as for
    --rules; default: the default pack), with the data files among PATHS read over the default
    pack's. A pass example must give no finding of its rule, a fail example exactly the findings
    it lists. A rule off in its pack is tested switched on.

    \b
    Exit codes: 0 every example passed; 1 an example failed, or a rule has no pass or no fail
                example; 2 a bad rule or example file.
    Example: factcheck rules test myrules/strict.yaml
    """
    from factcheck.lexicon.config import data_in_force
    from factcheck.rule_tests import run_rules

    pack = _load(paths, include_default=not paths)
    rules = [r for r in pack.rules if not only or r.id in only]
    for rule_id in only:
        if rule_id not in {r.id for r in pack.rules}:
            _no_rule(rule_id, [r.id for r in pack.rules])
    with data_in_force(pack.data):
        reports = run_rules(rules)
    failed_examples = 0
    for report in reports:
        rule = report.rule
        state = "ok" if report.ok else "FAILED"
        off = "" if rule.enabled else ", off in its pack"
        click.echo(f"{rule.id} ({rule.kind}{off}, {_shown(rule.origin)}): {_count(rule)}: {state}")
        for r in report.results:
            mark = "ok  " if r.ok else "FAIL"
            click.echo(f"  {mark} {r.example.expect}: {r.example.name}")
            if not r.ok:
                failed_examples += 1
                why = textwrap.fill(r.why, 96, break_long_words=False, break_on_hyphens=False)
                click.echo(textwrap.indent(why, "         "))
                click.echo(f"         (the example: {_shown(r.example.where)})")
        for side in report.missing:
            click.echo(f"  FAIL no {side} example: every rule needs a pass and a fail example")
    n = sum(len(r.results) for r in reports)
    bad_rules = sum(1 for r in reports if not r.ok)
    click.echo(f"{len(reports)} rules, {n} examples: {n - failed_examples} passed, {failed_examples} failed"
               + (f"; {bad_rules} rule(s) not ok" if bad_rules else ""), err=True)
    _exit("FINDINGS" if bad_rules else "OK")


__all__ = ["rules_group"]
