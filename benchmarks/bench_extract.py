"""Speed benchmark for analysis.extract: prints words per second on one core.

CPU time of this process (time.process_time), so other load on the machine matters less.
Usage: python benchmarks/bench_extract.py [--repeat N] [--polnear DIR] [--runs K]
Text: the seed article and the hand-written test articles (tests/articles/*.txt),
concatenated as one long news text and also run document by document. With
``--polnear DIR`` the articles are ``DIR/text/*.txt`` (read by path, never copied;
``--repeat`` defaults to 1 then) and the timings are repeated ``--runs`` times
(median printed), as issue 23 measures "extract with its DataFrames". With ``--textacy MODEL``
(and ``textacy`` plus that spaCy pipeline installed, neither a project dependency) the same
articles are also run through ``textacy.extract.triples.direct_quotations(nlp(text))`` in the
same process and the ratio is printed (issue 23's bar: ``extract`` >= 30x textacy+spaCy); when
either is missing the comparison is skipped with one line saying why.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from analysis.core.corpus import read_document
from analysis.core.text import count_words
from analysis.extraction.extract import extract

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts() -> list[str]:
    texts = [read_document(p)["body"] for p in sorted((ROOT / "data" / "raw").glob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "articles").glob("*.txt"))]
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=None, help="copies of the corpus to process (default 40, or 1 with --polnear)")
    ap.add_argument("--polnear", type=Path, help="a PolNeAR folder: time DIR/text/*.txt instead of the repo's articles")
    ap.add_argument("--runs", type=int, default=3, help="with --polnear: runs of the DataFrames timing (median printed)")
    ap.add_argument(
        "--textacy",
        metavar="MODEL",
        help="with --polnear: also time textacy's direct_quotations on spaCy pipeline MODEL (e.g. en_core_web_sm)",
    )
    args = ap.parse_args()
    if args.polnear is not None:
        return polnear(args.polnear, args.repeat or 1, args.runs, args.textacy)
    args.repeat = args.repeat or 40
    texts = corpus_texts()
    extract(texts[0])  # warm caches (resource parsing, regex compilation)
    docs = texts * args.repeat
    n = sum(count_words(t) for t in docs)
    t0 = time.process_time()
    for t in docs:
        extract(t)
    dt = time.process_time() - t0
    print(f"per document: {len(docs)} docs, {n} words in {dt:.3f} s = {n / dt:,.0f} words/s")
    t0 = time.process_time()
    for t in docs:
        x = extract(t)
        _ = (x.mentions, x.actors, x.quotes, x.claims)
    dt = time.process_time() - t0
    print(f"per document, DataFrames built too: {n / dt:,.0f} words/s")
    big = "\n\n".join(docs)
    nb = count_words(big)
    t0 = time.process_time()
    extract(big)
    dt = time.process_time() - t0
    print(f"one long text: {nb} words in {dt:.3f} s = {nb / dt:,.0f} words/s")


def _textacy_quotes(nlp, direct_quotations, text: str) -> bool:
    """Run textacy on one text; False when it bails out (it refuses texts with unbalanced quotation marks)."""
    try:
        list(direct_quotations(nlp(text)))
    except ValueError:
        return False
    return True


def textacy_rate(docs: list[str], model: str) -> tuple[float, int] | str:
    """Words/s of textacy's direct quotations on spaCy pipeline ``model`` (one run) and the texts it refused, or why it cannot run."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError as e:
        return f"skipped: {e.name} is not installed (pip install textacy {model})"
    try:
        nlp = spacy.load(model)
    except OSError:
        return f"skipped: spaCy pipeline {model!r} is not installed"
    _textacy_quotes(nlp, direct_quotations, docs[0])
    n = sum(count_words(t) for t in docs)
    t0 = time.process_time()
    refused = sum(not _textacy_quotes(nlp, direct_quotations, t) for t in docs)
    return n / (time.process_time() - t0), refused


def polnear(folder: Path, repeat: int, runs: int, model: str | None = None) -> None:
    """Words/s of extract with its four DataFrames over ``folder/text/*.txt`` (median of ``runs``)."""
    paths = sorted((folder / "text").glob("*.txt"))
    if not paths:
        print(f"no articles in {folder / 'text'}: nothing to time")
        return
    docs = [p.read_text(encoding="utf-8") for p in paths] * repeat
    extract(docs[0])
    n = sum(count_words(t) for t in docs)
    rates = []
    for _ in range(runs):
        t0 = time.process_time()
        for t in docs:
            x = extract(t)
            _ = (x.mentions, x.actors, x.quotes, x.claims)
        rates.append(n / (time.process_time() - t0))
    print(
        f"PolNeAR {len(docs)} docs, {n} words, DataFrames built: median {statistics.median(rates):,.0f} words/s ({', '.join(f'{r:,.0f}' for r in rates)})"
    )
    if model:
        rate = textacy_rate(docs, model)
        if isinstance(rate, str):
            print(f"textacy+spaCy ({model}): {rate}")
        else:
            (speed, refused), ours = rate, statistics.median(rates)
            print(
                f"textacy+spaCy ({model}): {speed:,.0f} words/s ({refused} of {len(docs)} texts refused for unbalanced quotation marks, timed all the same); extract / textacy speed ratio {ours / speed:.1f} in the same run"
            )


if __name__ == "__main__":
    main()
