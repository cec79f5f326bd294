"""The package structure: dependencies point one way and no module imports itself back."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGES = ("app", "assistant", "index", "ingest", "eval")
# app → assistant → index → ingest; eval may use the library.
ALLOWED = {
    "ingest": {"ingest"},
    "index": {"index", "ingest"},
    "assistant": {"assistant", "index", "ingest"},
    # the CLI runs the evaluation and benchmarks (quyche eval, quyche bench)
    "app": {"app", "assistant", "index", "ingest", "eval"},
    "eval": {"eval", "assistant", "index", "ingest"},
}


def _imports() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
            found: set[str] = set()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    found.add(node.module)
                elif isinstance(node, ast.Import):
                    found.update(alias.name for alias in node.names)
            graph[name] = found
    return {m: {d for d in deps if d in graph} for m, deps in graph.items()}


def test_no_import_cycles() -> None:
    """Lazy and type-checking imports count too: a cycle there is a design smell."""
    graph = _imports()
    state: dict[str, int] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for dep in sorted(graph[module]):
            assert state.get(dep) != 1, f"import cycle: {' → '.join([*path, dep])}"
            if dep not in state:
                visit(dep, [*path, dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def test_dependencies_point_one_way() -> None:
    for module, deps in _imports().items():
        top = module.split(".")[0]
        wrong = sorted(d for d in deps if d.split(".")[0] not in ALLOWED[top])
        assert not wrong, f"{module} imports {wrong}"


def test_library_never_imports_the_ui() -> None:
    for package in ("assistant", "index", "ingest"):
        for path in Path(REPO, package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "import gradio" not in text and "from gradio" not in text, path
