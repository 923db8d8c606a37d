"""The house: floors that import only downward (import-linter's layers contract in pyproject.toml),
and no private name imported from another module."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "factcheck"


def test_each_floor_imports_only_from_the_floors_below() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    proc = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def private_imports(path: Path) -> list[str]:
    """`from factcheck.x import _name` anywhere in a module (at the top or inside a function), as
    `line: factcheck.x._name`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("factcheck"):
            found += [f"{node.lineno}: {node.module}.{a.name}"
                      for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
    return found


def test_no_private_name_crosses_a_module() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{hit}" for path in sorted(PACKAGE.rglob("*.py"))
                 for hit in private_imports(path)]
    assert offenders == []


def test_the_private_name_check_sees_one_inside_a_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\n\n\ndef f():\n    from factcheck.match import _secret, public\n", encoding="utf-8")
    assert private_imports(module) == ["5: factcheck.match._secret"]


def test_ruff_passes_with_its_complexity_bar() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    proc = subprocess.run([str(ruff), "check", "factcheck", "scripts", "--no-cache"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_the_command_line_starts_without_pandas() -> None:
    code = ("import sys, factcheck, factcheck.cli, factcheck.pipeline, factcheck.attribute;"
            " print('pandas' in sys.modules, 'spacy' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "False False", proc.stderr  # spaCy loads when a sentence is first parsed
    import factcheck

    assert len(factcheck.check([str(ROOT / "corpus" / "deepseek")]).claims) > 100  # a table still comes when asked


MAX_FUNCTION_LINES = 60


def long_functions(path: Path) -> list[str]:
    """Functions (methods and nested ones too) longer than MAX_FUNCTION_LINES, as `name (N lines)`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{n.name} ({n.end_lineno - n.lineno + 1} lines)" for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
            and (n.end_lineno or n.lineno) - n.lineno + 1 > MAX_FUNCTION_LINES]


def test_no_function_is_longer_than_sixty_lines() -> None:
    offenders = [f"{path.relative_to(ROOT)}: {hit}" for path in sorted(PACKAGE.rglob("*.py"))
                 for hit in long_functions(path)]
    assert offenders == []


def test_the_length_check_sees_a_long_function(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def short():\n    return 1\n\n\ndef long():\n" + "    x = 1\n" * 60 + "    return x\n",
                      encoding="utf-8")
    assert long_functions(module) == ["long (62 lines)"]
