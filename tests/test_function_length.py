"""The house rule: no function in factcheck/ over 60 lines (from its `def` line to its last line)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "factcheck"
LIMIT = 60


def _too_long(root: Path) -> list[str]:
    """Every function and method under `root` longer than LIMIT lines, as "path:line name (n lines)"."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno is not None:
                lines = node.end_lineno - node.lineno + 1
                if lines > LIMIT:
                    found.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name} ({lines} lines)")
    return found


def test_no_function_over_the_limit() -> None:
    too_long = _too_long(PACKAGE)
    assert not too_long, f"functions over {LIMIT} lines: " + "; ".join(too_long)


def test_the_walk_finds_a_long_function(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    method = ["class K:", "    def method(self) -> None:", *(f"        x{i} = {i}" for i in range(LIMIT))]
    fits = ["def fits() -> None:", *(f"    x{i} = {i}" for i in range(LIMIT - 1))]
    (package / "sub" / "long.py").write_text("\n".join(method) + "\n")
    (package / "short.py").write_text("\n".join(fits) + "\n")
    assert _too_long(package) == [f"pkg/sub/long.py:2 method ({LIMIT + 1} lines)"]
