"""Evaluate analysis.extract on the hand-annotated articles in tests/articles/.

For each ``<name>.txt`` with a gold ``<name>.yaml`` (quotes: text + speaker; claims:
text + source + side; spans given as text and located in the article, n-th
occurrence with ``occurrence``), prints precision/recall/F1 of quotes and claims
at character overlap >= 0.3 and >= 0.8 (overlap = shared characters / length of
the longer span; one-to-one greedy matching), and speaker/source (and side)
accuracy on matched items.

Usage: python benchmarks/eval_extract.py [--folder tests/articles] [--verbose]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from analysis.extraction.extract import extract

ROOT = Path(__file__).resolve().parents[1]


def locate(text: str, item: dict) -> tuple[int, int]:
    """(start, end) of a gold item's text in the article (n-th occurrence, from 1)."""
    s, pos = item["text"], -1
    for _ in range(int(item.get("occurrence", 1))):
        pos = text.find(s, pos + 1)
        if pos < 0:
            raise ValueError(f"gold span not found: {s!r}")
    return pos, pos + len(s)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters / length of the longer span."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0], 1)


def match(gold: list[tuple], pred: list[tuple], threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of spans by overlap >= threshold (best pairs first)."""
    pairs = sorted(((overlap(g[:2], p[:2]), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_g, used_p, out = set(), set(), []
    for ov, i, j in pairs:
        if ov < threshold or ov == 0:
            break
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def evaluate(folder: Path, verbose: bool = False) -> dict:
    """Counts and scores over every annotated article of ``folder``."""
    tot = {}
    for gold_path in sorted(folder.glob("*.yaml")):
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        x = extract(text)
        for table, who, df in (("quotes", "speaker", x.quotes), ("claims", "source", x.claims)):
            g = [(*locate(text, it), it.get(who), it.get("side")) for it in gold.get(table) or []]
            p = [(r.start, r.end, getattr(r, who), r.side) for r in df.itertuples()]
            for th in (0.3, 0.8):
                m = match(g, p, th)
                t = tot.setdefault((table, th), {"gold": 0, "pred": 0, "tp": 0, "who": 0, "side": 0, "side_n": 0})
                t["gold"] += len(g)
                t["pred"] += len(p)
                t["tp"] += len(m)
                t["who"] += sum(g[i][2] == p[j][2] for i, j in m)
                if table == "claims":
                    t["side"] += sum(g[i][3] == p[j][3] for i, j in m)
                    t["side_n"] += len(m)
                if verbose and th == 0.3:
                    mg = {i for i, _ in m}
                    mp = {j for _, j in m}
                    for i, gi in enumerate(g):
                        if i not in mg:
                            print(f"  MISS {gold_path.stem} {table}: {text[gi[0] : gi[1]][:70]!r} ({gi[2]})")
                    for j, pj in enumerate(p):
                        if j not in mp:
                            print(f"  EXTRA {gold_path.stem} {table}: {text[pj[0] : pj[1]][:70]!r} ({pj[2]})")
                    for i, j in m:
                        if g[i][2] != p[j][2]:
                            print(f"  WRONG {who} {gold_path.stem}: {text[g[i][0] : g[i][1]][:50]!r} gold={g[i][2]} got={p[j][2]}")
    return tot


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--folder", default=str(ROOT / "tests" / "articles"))
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    tot = evaluate(Path(args.folder), args.verbose)
    print(f"{'table':8} {'overlap':>7} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'who acc':>8} {'side acc':>8}")
    for (table, th), t in sorted(tot.items()):
        p = t["tp"] / t["pred"] if t["pred"] else 0.0
        r = t["tp"] / t["gold"] if t["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = t["who"] / t["tp"] if t["tp"] else 0.0
        side = f"{t['side'] / t['side_n']:.3f}" if t["side_n"] else "-"
        print(f"{table:8} {th:>7} {t['gold']:>5} {t['pred']:>5} {p:6.3f} {r:6.3f} {f:6.3f} {acc:8.3f} {side:>8}")


if __name__ == "__main__":
    main()
