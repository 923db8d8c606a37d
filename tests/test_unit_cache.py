"""The pint unit table is kept on disk between runs, keyed by the units files' content and pint's
version: a second process reads it without building a pint registry, and an edited units file, a
broken cache file or a cache folder that cannot be written never gives a wrong table or a failed run."""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck.lexicon.config as config
from factcheck.lexicon.config import DataFiles, unit_table


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    unit_table.cache_clear()
    yield folder
    unit_table.cache_clear()


def _no_pint(extra: DataFiles) -> dict:
    raise AssertionError("pint was asked to build the table again")


def test_the_table_is_built_once_and_then_read_from_disk(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = unit_table()
    assert built["mile"][0] == "[length]" and built["mile"][1] == pytest.approx(1609.344)
    assert built["degree_Fahrenheit"][2] == pytest.approx(255.372, abs=1e-3)  # temperatures keep their offset
    assert len(list(cache.glob("units-*.json"))) == 1
    unit_table.cache_clear()
    monkeypatch.setattr(config, "_pint_unit_table", _no_pint)
    assert unit_table() == built


def test_an_edited_units_file_builds_the_table_again(cache: Path, tmp_path: Path) -> None:
    unit_table()
    story = tmp_path / "story" / "units.yaml"
    story.parent.mkdir()
    story.write_text('define:\n  - "smoot = 1.7018 * meter"\nunits:\n  smoot: [smoots]\n', encoding="utf-8")
    table = unit_table(extra=DataFiles.of([story]))
    assert table["smoot"][1] == pytest.approx(1.7018)
    assert len(list(cache.glob("units-*.json"))) == 2
    story.write_text('define:\n  - "smoot = 2 * meter"\nunits:\n  smoot: [smoots]\n', encoding="utf-8")
    assert unit_table(extra=DataFiles.of([story]))["smoot"][1] == pytest.approx(2.0)


def test_a_broken_cache_file_is_built_again(cache: Path) -> None:
    built = unit_table()
    (file,) = cache.glob("units-*.json")
    file.write_text('{"mile": ["[length]", "not a number"', encoding="utf-8")
    unit_table.cache_clear()
    assert unit_table() == built
    file.write_text('{"mile": 3}', encoding="utf-8")
    unit_table.cache_clear()
    assert unit_table() == built


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    unit_table.cache_clear()
    try:
        assert unit_table()["kilometer"][1] == pytest.approx(1000.0)
    finally:
        unit_table.cache_clear()
