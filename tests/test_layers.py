"""The layering of analysis/: a layer imports only layers below it, and no modules import each other in a circle.

Layers, lowest first: core → extraction → measures → viz → pipeline → notebook.
``analysis/__init__.py`` and ``analysis/__main__.py`` sit on top and may import any layer.
Every import counts, also those inside functions.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "analysis"
LAYERS = ["core", "extraction", "measures", "viz", "pipeline", "notebook"]


def module_name(path: Path) -> str:
    parts = ["analysis", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def exists(name: str) -> bool:
    base = PACKAGE.joinpath(*name.split(".")[1:])
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports() -> dict[str, set[str]]:
    """module -> the modules of this package it imports (relative or absolute, anywhere in its source)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        out = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom):
                base = package[: len(package) - node.level + 1] if node.level else []
                mod = ".".join(base + (node.module.split(".") if node.module else []))
                if mod.split(".")[0] != "analysis":
                    continue
                for a in node.names:  # `from ..core import corpus` imports the module corpus
                    targets.append(f"{mod}.{a.name}" if exists(f"{mod}.{a.name}") else mod)
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.split(".")[0] == "analysis"]
            out.update(t for t in targets if t != name)
    return graph


def layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_is_in_a_layer():
    top = {n for n in imports() if layer(n) is None}
    assert top == {"analysis", "analysis.__main__"}


def test_no_upward_imports():
    bad = [
        f"{src} ({LAYERS[layer(src)]}) imports {dst} ({LAYERS[layer(dst)]})"
        for src, dsts in imports().items()
        for dst in sorted(dsts)
        if layer(src) is not None and layer(dst) is not None and layer(dst) > layer(src)
    ]
    assert bad == []


def test_no_import_circles():
    graph = imports()
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for n in sorted(graph):
        if n not in state:
            visit(n, [n])
    assert cycles == []


def test_the_check_sees_a_violation():
    # the graph is real: extraction uses core, the build's stages use measures
    graph = imports()
    assert "analysis.core.text" in graph["analysis.extraction.quotes"]
    assert "analysis.measures.sentiment" in graph["analysis.pipeline.stages"]
    assert layer("analysis.viz.figures") > layer("analysis.measures.framing")
