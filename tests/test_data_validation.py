"""The data files beside the default pack (hedges, units, currencies, aliases, attributes): each is
checked against its schema, with `path:line:col` errors and suggestions, all at once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, write_article

import factcheck
import factcheck.lexicon.config
import factcheck.rules
from factcheck.cli import main
from factcheck.lexicon.config import DATA_SCHEMAS, check_data_file, default_rules_dir, validate_data_files
from factcheck.rules import RuleError


@pytest.fixture()
def pack(tmp_path: Path) -> Path:
    """A copy of the default pack's folder, to break."""
    folder = tmp_path / "pack"
    shutil.copytree(default_rules_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    return [p.replace(str(folder) + "/", "") for p in validate_data_files(folder)]


def test_the_default_data_files_are_valid() -> None:
    assert validate_data_files() == []
    for name in DATA_SCHEMAS:
        data, problems = check_data_file(default_rules_dir() / name)
        assert problems == () and data, name


def test_every_mistake_in_every_file_is_reported_at_once_with_its_position(pack: Path) -> None:
    _edit(pack / "hedges.yaml", "    width: 0.10\n    change: true\n    conversion: true\n    words: [about",
          "    widht: 0.10\n    change: true\n    conversion: true\n    words: [about")
    _edit(pack / "hedges.yaml", "  nearly:\n    qualifier: at_most\n", "  nearly:\n")
    _edit(pack / "currencies.yaml", "{pounds: pound,", "{pounds: pund,")
    _edit(pack / "currencies.yaml", "- {from: 2023-01-01, to: 2026-12-31, usd_low: 0.127",
          "- {from: 2023-01-01, to: 2022-12-31, usd_low: 0.127")
    _edit(pack / "attributes.yaml", "window: 60", "window: sixty")
    _edit(pack / "attributes.yaml", "units: [gpu_hour]", "units: [gpu_hours]")
    _edit(pack / "attributes.yaml", "    kinds: [date]\n    cues: [founded", "    kinds: [dates]\n    cues: [founded")
    _edit(pack / "aliases.yaml", "  United Kingdom: [United Kingdom,", "  United Kingdom: [United Kingdom, Washington,")
    _edit(pack / "units.yaml", "  mile: [miles, mile, mi]", "  mile: [miles, mile, mi, km]")
    problems = _problems(pack)
    lines = {p.split(": ", 1)[0]: p.split(": ", 1)[1] for p in problems}

    def at(file: str, text: str) -> str:
        """The position of the first line holding `text` in the broken copy, as `file:line`."""
        line = next(i for i, ln in enumerate((pack / file).read_text(encoding="utf-8").splitlines(), 1) if text in ln)
        return f"{file}:{line}"

    def after(file: str, text: str) -> str:
        """The line after it: a mapping's problems point at its first key."""
        name, line = at(file, text).rsplit(":", 1)
        return f"{name}:{int(line) + 1}"

    expected = {
        at("hedges.yaml", "widht"): "unknown key 'widht' in 'approx' (did you mean 'width'?)",
        after("hedges.yaml", "  nearly:"): "hedge 'nearly' has no 'qualifier'",
        at("currencies.yaml", "pounds: pund"): "'pund' is not one of the 'units' in units.yaml (did you mean 'pound'?)",
        at("currencies.yaml", "to: 2022-12-31"): "'to' (2022-12-31) is before 'from' (2023-01-01)",
        at("attributes.yaml", "window: sixty"): "'window' must be a whole number, not 'sixty'",
        at("attributes.yaml", "gpu_hours"): "'gpu_hours' is not one of the 'units' in units.yaml (did you mean 'gpu_hour'?)",
        at("attributes.yaml", "kinds: [dates]"): "item 1 of 'kinds' must be one of quantity, percent, count, date, "
                                                "not 'dates' (did you mean 'date'?)",
        at("aliases.yaml", "  United Kingdom:"): "'Washington' already belongs to 'United States'",
        at("units.yaml", "  kilometer:"): "'km' already belongs to 'mile'",
    }
    for where, message in expected.items():
        hits = [f"{k}: {v}" for k, v in lines.items() if k.rsplit(":", 1)[0] == where and v.startswith(message)]
        hits += [p for p in problems if p.startswith(where + ":") and message in p]
        assert hits, f"no '{where}:...: {message}' in\n" + "\n".join(problems)
    assert len(problems) >= len(expected)


def test_positions_are_line_and_column(pack: Path) -> None:
    _edit(pack / "attributes.yaml", "  entity_cutoff: 92", "  entity_cutof: 92")
    line = next(i for i, ln in enumerate((pack / "attributes.yaml").read_text().splitlines(), 1) if "entity_cutof" in ln)
    assert _problems(pack) == [
        (f"attributes.yaml:{line}:3: unknown key 'entity_cutof' in 'match' (did you mean 'entity_cutoff'?) "
         "(keys: attribute_cutoff, entity_cutoff)")]


def test_yaml_syntax_errors_empty_files_and_wrong_types(pack: Path) -> None:
    (pack / "hedges.yaml").write_text("hedges:\n  approx: {width: 0.1, words: [about\n", encoding="utf-8")
    (pack / "units.yaml").write_text("", encoding="utf-8")
    (pack / "aliases.yaml").write_text("entities:\n  Nvidia: Nvidia\nplaces: [China, 2024, yes]\n", encoding="utf-8")
    problems = _problems(pack)
    assert any(p.startswith("hedges.yaml:3:1: not valid YAML") for p in problems), problems
    assert "units.yaml:1:1: the file is empty (expected: units)" in problems
    assert "aliases.yaml:2:11: 'Nvidia' must be a list ([a, b, ...]), not 'Nvidia'" in problems
    assert "aliases.yaml:3:17: item 2 of 'places' must be text, not 2024 (put it in quotes)" in problems
    assert "aliases.yaml:3:23: item 3 of 'places' must be text, not true (put it in quotes: YAML reads yes/no/on/off " \
        "as true/false)" in problems


def test_a_key_given_twice_loses_nothing_silently(pack: Path) -> None:
    _edit(pack / "aliases.yaml", "  China: [China, Beijing", "  China: [China]\n  China: [China, Beijing")
    assert any("'China' is given twice (first on line" in p for p in _problems(pack))


def test_units_pint_does_not_know_are_reported_with_their_line(pack: Path) -> None:
    _edit(pack / "units.yaml", '  - "ppb = 1e-9 = parts_per_billion"', '  - "ppb 1e-9"')
    _edit(pack / "units.yaml", "  hectare: [hectares", "  hectar: [hectares")
    problems = _problems(pack)
    assert any(p.startswith("units.yaml:") and "pint cannot read this definition" in p for p in problems), problems
    assert any(p.startswith("units.yaml:") and "'hectar' is not a unit pint knows" in p for p in problems), problems


def test_a_rate_band_must_be_dates_and_ordered_rates(pack: Path) -> None:
    _edit(pack / "currencies.yaml", "    - {from: 2024-01-01, to: 2024-12-31, usd_low: 1.02, usd_high: 1.13}",
          "    - {from: 'Jan 2023', to: 2024-12-31, usd_low: 1.19, usd_high: 1.02}")
    problems = _problems(pack)
    assert any("'from' must be a date written YYYY-MM-DD, not 'Jan 2023'" in p for p in problems), problems
    assert any("'usd_high' (1.02) is below 'usd_low' (1.19)" in p for p in problems), problems


def test_check_validates_the_data_files_before_reading_any_article(pack: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The pack in use is a broken copy: `check` stops with its problems, and reads nothing."""
    _edit(pack / "currencies.yaml", "    hints: [yen", "    hintz: [yen")
    monkeypatch.setattr(factcheck.lexicon.config, "default_rules_dir", lambda: pack)
    monkeypatch.setattr(factcheck.rules, "default_rules_dir", lambda: pack)
    with pytest.raises(RuleError) as info:
        factcheck.check([tmp_path / "no-such-folder"])
    assert any(p.startswith(f"{pack}/currencies.yaml:") and "unknown key 'hintz' in 'JPY' (did you mean 'hints'?)" in p
               for p in info.value.problems), info.value.problems


def test_a_data_file_in_a_rules_folder_is_read_over_the_default_packs(tmp_path: Path) -> None:
    """A copy of aliases.yaml in a --rules folder used to be refused; now it is data, read over the default's."""
    mine = tmp_path / "myrules"
    mine.mkdir()
    (mine / "strict.yaml").write_text("rules:\n  - {id: weekday, kind: weekday, severity: error}\n", encoding="utf-8")
    (mine / "aliases.yaml").write_text("entities:\n  Orbit Labs: [Orbit Labs, Project Wren]\n", encoding="utf-8")
    write_article(tmp_path, "a.md", "Project Wren raised $300 million.\n")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.md"), "--rules", str(mine), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [c["entity"] for c in json.loads(result.stdout)["claims"]] == ["Orbit Labs"]
    result = CliRunner().invoke(main, ["check", str(tmp_path / "a.md"), "--rules", str(mine), "--no-report"])
    assert result.exit_code == 0 and "is a data file" not in result.stderr, result.stderr


def test_the_sample_corpus_still_checks(corpus_check: dict) -> None:
    """Validation accepts the pack as shipped: the corpus runs and finds its planted conflicts."""
    assert corpus_check["summary"]["articles"] == len(list(CORPUS.glob("*.md")))
    assert corpus_check["summary"]["error"] > 0


def test_extract_and_facts_report_a_broken_data_file_with_its_position(tmp_path) -> None:
    """The commands that do not apply rules still read the data files: a broken one is a usage error."""
    import shutil
    import subprocess
    import sys

    from conftest import ROOT

    pkg = tmp_path / "factcheck"
    shutil.copytree(ROOT / "factcheck", pkg)
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    attrs = tmp_path / "rules" / "attributes.yaml"
    attrs.write_text(attrs.read_text(encoding="utf-8").replace("\nwindow: 60", "\nwindw: 60"), encoding="utf-8")
    for command in ("extract", "facts"):
        proc = subprocess.run([sys.executable, "-m", "factcheck", command, str(ROOT / "corpus" / "deepseek")],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 2, proc.stderr
        assert "attributes.yaml:" in proc.stderr and "did you mean 'window'" in proc.stderr
        assert "Traceback" not in proc.stderr


def test_one_money_test_knows_dollars_and_the_currencies_with_rates() -> None:
    lex = factcheck.lexicon.config.lexicon()
    assert lex.is_money("USD") and lex.is_money("CNY") and lex.is_money("EUR/share")
    assert not lex.is_money("EUR/share", per=False)
    assert not lex.is_money("km") and not lex.is_money("percent") and not lex.is_money("")
