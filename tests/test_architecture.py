"""The shape of the tree: the runtime never imports the lab, and its import graph has no circle.

Imports are read from the source (``ast``), including imports inside functions; imports under
``if TYPE_CHECKING:`` are for type hints only and are left out. A package's ``__init__`` that
re-exports its own submodules is not a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip |= {id(n) for n in ast.walk(node)}
    out = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out |= {f"{node.module}.{a.name}" for a in node.names}
    return out


def graph(package: str) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in (SRC / package).rglob("*.py")}
    return {m: {i for i in _imports(p) if i in modules and i != m} for m, p in modules.items()}


def test_the_runtime_never_imports_the_lab() -> None:
    for path in (SRC / "draftwise").rglob("*.py"):
        assert not [i for i in _imports(path) if i.split(".")[0] == "draftwise_lab"], path


def test_the_runtime_import_graph_has_no_circle() -> None:
    g = graph("draftwise")

    def own_package_init(a: str, b: str) -> bool:
        # a package re-exporting its submodules, or a submodule reaching its own package
        return b.startswith(a + ".") or a.startswith(b + ".")

    edges = {a: {b for b in bs if not own_package_init(a, b)} for a, bs in g.items()}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for n in sorted(edges.get(m, ())):
            if state.get(n) == 1:
                raise AssertionError("import circle: " + " -> ".join([*path[path.index(n) :], n]))
            if n not in state:
                visit(n)
        path.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)
