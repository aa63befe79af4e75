"""Adversarial speed benchmark for analysis.extract: text with no sentence break for a long stretch.

Each case repeats a short unit of our own (abbreviations, reporting verbs, long cue
sentences, nested quotes, colons, capitalised words, doubled apostrophes, ...) to about
25k and 100k characters and times one ``extract`` call (CPU time of this process,
``time.process_time``, DataFrames built too). The goal (issue 23): every case at 100k
characters under 2 s, and 4x the text at most about 4-6x the time (linear growth).

A case slower than ``--limit`` seconds is stopped (SIGALRM) and printed as ``>LIMIT``.
Usage: python benchmarks/bench_adversarial.py [--sizes 25000,100000] [--limit 30] [--case NAME]
Exit status 1 when a case misses the 2 s bar at the largest size.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.extraction.extract import extract  # noqa: E402

BAR_SECONDS = 2.0
CASES = {
    "abbrev": "Mr. ",
    "cue": "he said ",
    "long-cue": "The Deputy Mayor of Eastbridge Ann Cole told reporters that ",
    "nested-quotes": "“He said ‘she said “they said ",
    "colons": "Cole said: ",
    "capitals": "Blue River Harbor Council Member Office ",
    "doubled-apostrophes": "''Lee said '' ",
    "names-list": "Ann Cole, Bo Lee, Cy Park, ",
    "closing-quotes": "” Cole said, “",
    "commas": "said Cole, ",
    "according": "according to Lee and ",
    "pronouns": "she told him that they ",
    "pronoun-fallback": "Ann Cole met an aide, and he said ",  # he: no named antecedent fits, the aide does
    "to-cue": "Ann Cole went on to say ",
    "dashes": "— Ann Cole — ",
    "asked": "Asked whether Lee ",
    "line-breaks": "Ann Cole\nBo Lee said\n",
    "sentences": "Ann Cole said it was late. ",
    "quotes": "“Yes,” she said. ",
    "single-quotes": "‘Lee said’ and ",
    "paragraphs": "“We will go.”\n\n",
    "scare-quotes": "the plan “rigged” in a tweet ",  # descriptions as objects of prepositions before each quote
    "quote-participle": "“Fine,” adding that ",  # a participle after each quote: every cue before it re-read
    "document-noun": "a statement saying ",
    "after-clause": "after Lee said ",
    "bare-quotes": "“No” ",
}


class _Slow(Exception):
    pass


def _alarm(signum, frame):  # noqa: ARG001
    raise _Slow


def time_case(unit: str, size: int, limit: int) -> float | None:
    """CPU seconds of one extract (with its DataFrames) of ``unit`` repeated to ``size`` characters; None past ``limit``."""
    text = (unit * (size // len(unit) + 1))[:size]
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(limit)
    try:
        t0 = time.process_time()
        x = extract(text)
        _ = (x.mentions, x.actors, x.quotes, x.claims)
        return time.process_time() - t0
    except _Slow:
        return None
    finally:
        signal.alarm(0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="25000,100000", help="comma-separated text sizes in characters")
    ap.add_argument("--limit", type=int, default=30, help="seconds before a case is stopped")
    ap.add_argument("--case", action="append", help="run only this case (repeatable)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    extract("Warm-up: “We will talk,” Ann Cole said.")
    names = args.case or list(CASES)
    print("| case | unit | " + " | ".join(f"{s // 1000}k chars" for s in sizes) + " | ratio |")
    print("|---|---|" + "---|" * (len(sizes) + 1))
    failed = False
    for name in names:
        times = [time_case(CASES[name], s, args.limit) for s in sizes]
        cells = [f"{t:.2f} s" if t is not None else f">{args.limit} s" for t in times]
        ok = [t for t in times if t is not None]
        ratio = f"{times[-1] / max(times[0], 1e-3):.1f}x" if len(ok) == len(times) and len(times) > 1 else "-"
        if times[-1] is None or times[-1] >= BAR_SECONDS:
            failed = True
        print(f"| {name} | `{CASES[name]!r}` | " + " | ".join(cells) + f" | {ratio} |", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
