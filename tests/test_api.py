"""The Python API analysts use: one result with DataFrames."""

from __future__ import annotations

import pandas as pd

import factcheck
from conftest import CORPUS


def test_check_returns_dataframes() -> None:
    result = factcheck.check([CORPUS])
    assert isinstance(result.claims, pd.DataFrame) and isinstance(result.facts, pd.DataFrame)
    assert isinstance(result.findings, pd.DataFrame)
    assert len(result.claims) == len(result.claim_records) > 100
    assert {"entity", "attribute", "period", "low", "high"} <= set(result.claims.columns)
    assert set(result.findings["severity"]) <= {"error", "warning", "info"}
    multi = result.facts[result.facts["sources"] >= 2]
    assert len(multi) >= 5, "several facts are reported by more than one outlet"


def test_relative_dates_without_published_stay_unresolved(tmp_path) -> None:
    (tmp_path / "a.md").write_text("---\nsource: One\n---\nThe plant closed last Friday after 30 years.\n",
                                   encoding="utf-8")
    result = factcheck.check([tmp_path])
    dates = [c for c in result.claim_records if c.kind == "date"]
    assert dates and all(not c.resolved and c.low is None for c in dates)
    assert result.summary()["unresolved_dates"] == len(dates)
    assert any("published" in p for p in result.summary()["problems"])
