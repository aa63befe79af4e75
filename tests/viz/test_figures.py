"""The figure helper writes PNG, SVG and PDF that are byte-identical when regenerated."""

import hashlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis.viz.figures import new_figure, save_figure, side_colors  # noqa: E402


def draw():
    fig, ax = new_figure()
    ax.bar(["US", "Russia"], [0.2, -0.1], color=list(side_colors(["US", "Russia"]).values()))
    ax.set_title("Mean compound by side")
    return fig


def digest(paths):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def test_saving_twice_gives_identical_bytes(tmp_path):
    first = digest(save_figure(draw(), "f", tmp_path / "a"))
    second = digest(save_figure(draw(), "f", tmp_path / "b"))
    assert first == second and sorted(first) == ["f.pdf", "f.png", "f.svg"]
    svg = (tmp_path / "a" / "f.svg").read_text()
    assert "<dc:date>" not in svg and "Mean compound by side" in svg
    pdf = (tmp_path / "a" / "f.pdf").read_bytes()
    assert b"CreationDate" not in pdf and b"Producer" not in pdf
    plt.close("all")


def test_more_than_six_sides_never_share_a_colour():
    from analysis.viz.figures import NO_SIDE_COLOR, PALETTE, palette

    sides = [f"side {i}" for i in range(25)]
    colors = side_colors(sides)
    assert len(set(colors.values())) == len(sides), "a colour repeated"
    assert NO_SIDE_COLOR not in colors.values()
    assert [colors[s] for s in sides[: len(PALETTE)]] == list(PALETTE), "the first six keep their colours"
    assert side_colors(sides[:7]) == {s: colors[s] for s in sides[:7]}, "a side's colour depends on its position only"
    assert palette(0) == []
