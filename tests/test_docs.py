"""docs/rules.md documents every rule kind, every key with its default, every data-file key and
every example key that the code knows; and every YAML snippet in it is valid as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

import factcheck
from factcheck.lexicon.config import DATA_SCHEMAS, check_data_file
from factcheck.rule_examples import ARTICLE, BLOCK, FINDING
from factcheck.rule_tests import run_rules
from factcheck.rules import COMMON_KEYS, KINDS, TEMPLATE_FIELDS, load_rules, options
from factcheck.core.yamlcheck import walk

DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def section(heading: str) -> str:
    """The text under a heading (`## Every rule`, ``### `weekday` ``) up to the next heading of its
    level or above; a `#` line inside a code block is not a heading."""
    level = len(heading.split(" ", 1)[0])
    lines = DOC.splitlines()
    start = lines.index(heading)
    fenced = False
    for end in range(start + 1, len(lines)):
        fenced ^= lines[end].startswith("```")
        hashes = len(lines[end]) - len(lines[end].lstrip("#"))
        if not fenced and 0 < hashes <= level and lines[end][hashes:hashes + 1] == " ":
            return "\n".join(lines[start:end])
    return "\n".join(lines[start:])


def row(text: str, key: str) -> str:
    """The table row of `key` in a section."""
    found = [line for line in text.splitlines() if line.startswith(f"| `{key}` |")]
    assert found, f"no table row for `{key}`"
    return found[0]


def shown(default: object) -> str:
    """A default as the reference writes it."""
    if isinstance(default, bool):
        return "true" if default else "false"
    if isinstance(default, tuple):
        return ", ".join(default)
    if default == "":
        return '`""`'
    return str(default)


def test_every_kind_has_a_section_with_every_option_and_its_default() -> None:
    for name, cls in KINDS.items():
        text = section(f"### `{name}`")
        assert cls.kind in text
        own = [k for k in options(cls) if k not in COMMON_KEYS and k != "examples"]
        for key in own:
            cells = [c.strip() for c in row(text, key).split("|")]
            assert cells[2] == shown(options(cls)[key].default), f"{name}.{key}: default {cells[2]!r} in the docs"
        assert "```yaml" in text, f"{name} has no example"


def test_every_common_key_is_documented_with_its_default() -> None:
    text = section("## Every rule")
    keys = {k for cls in KINDS.values() for k in options(cls) if k in COMMON_KEYS or k == "examples"}
    assert keys == {*COMMON_KEYS, "examples"}
    for key in keys:
        default = options(KINDS["weekday"])[key].default
        cells = [c.strip() for c in row(text, key).split("|")]
        if key in ("id", "kind"):
            assert cells[2] == "(required)"
        elif key != "examples":
            assert cells[2] in (shown(default), f"`{shown(default)}`"), f"{key}: {cells[2]!r}"


def test_every_template_field_is_documented() -> None:
    text = section("### Message templates")
    for name in TEMPLATE_FIELDS:
        assert f"`{{{name}}}`" in text, name


@pytest.mark.parametrize("name", list(DATA_SCHEMAS))
def test_every_key_of_every_data_file_is_documented(name: str) -> None:
    text = section(f"### {name}")
    for path, spec in walk(DATA_SCHEMAS[name]):
        key = path.rsplit(".", 1)[-1]
        if key.startswith("<"):
            continue  # a name the user chooses (an entity, a currency code)
        assert f"| `{key}` |" in text, f"{name}: `{key}` ({path}) is not documented"
        if spec.default is not None:
            assert f"default {shown(spec.default)}" in row(text, key), f"{name}: the default of {path}"


def test_every_key_of_an_example_is_documented() -> None:
    text = section("## Rule tests")
    for spec in (BLOCK, ARTICLE, FINDING):
        for path, _ in walk(spec):
            key = path.rsplit(".", 1)[-1]
            assert key.startswith("<") or f"| `{key}` |" in text, f"`{key}` ({path}) is not documented"


def _snippets() -> list[tuple[str, str]]:
    """(file name, text) of every YAML block, named by its first line: `# myrules/strict.yaml`."""
    out = []
    for block in re.findall(r"```yaml\n(.*?)```", DOC, re.DOTALL):
        first = block.splitlines()[0]
        assert first.startswith("# ") and first.endswith(".yaml"), f"a YAML block must say what file it is: {first}"
        out.append((Path(first[2:]).name, block))
    return out


def test_every_yaml_snippet_is_valid(tmp_path: Path) -> None:
    snippets = _snippets()
    assert len(snippets) >= 12
    rule_files = []
    for name, text in snippets:
        folder = tmp_path / f"s{len(rule_files)}"
        folder.mkdir(exist_ok=True)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        if name in DATA_SCHEMAS:
            assert check_data_file(path)[1] == (), name
        elif name.endswith(".examples.yaml"):
            rule_file = next(p for n, p in rule_files if n == name.replace(".examples", ""))
            (rule_file.parent / name).write_text(text, encoding="utf-8")
        else:
            rule_files.append((name, path))
    rules = load_rules([p for _, p in rule_files], include_default=False)  # RuleError if any is wrong
    assert {r.kind for r in rules} == set(KINDS)
    tested = [r for r in rules if r.examples]
    assert tested and all(report.ok for report in run_rules(tested)), [
        (x.example.name, x.why) for report in run_rules(tested) for x in report.results if not x.ok]


def test_a_rule_copied_from_the_docs_changes_the_findings(tmp_path: Path, corpus_check: dict) -> None:
    """The walk-through a new user takes: copy the figure_conflict example, loosen its tolerance."""
    text = dict(_snippets())["strict.yaml"]
    folder = tmp_path / "myrules"
    folder.mkdir()
    (folder / "strict.yaml").write_text(text.replace("tolerance: 0.005", "tolerance: 0.15"), encoding="utf-8")
    before = [f for f in corpus_check["findings"] if f["rule"] == "figure-conflict"]
    after = [f for f in factcheck.check([CORPUS], [folder]).finding_records if f.rule == "figure-conflict"]
    assert before and 0 < len(after) < len(before)


def test_the_readme_links_the_reference() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/rules.md" in readme
