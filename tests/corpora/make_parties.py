"""Write the ``parties`` test corpus: two invented sides that are not countries, over two years.

Run from the repository root (deterministic: the same files, byte for byte, every time)::

    python tests/corpora/make_parties.py            # writes tests/corpora/parties/*.md

The corpus exercises a study of two political sides that are groups, not countries:

* side ``Lantern``: the Lantern Party (kind ``party``);
* side ``Meadow``: the Meadow Alliance (kind ``party``) and its Meadow Forward campaign
  (kind ``campaign``), two groups sharing one side.

Every name, group and sentence is invented for this project (no real outlet text).
Documents: news articles (quotes with reporting verbs, paraphrased claims, an anonymous
source, a commentator without a side) and each side's own statements (``kind: statement``,
``side`` in the front matter), dated from January 2023 to December 2024, plus a few
undated articles. Topics drift on purpose: the Lantern side talks mostly about prices and
jobs in 2023 and about hospitals and health in 2024, and the Meadow side turns more
negative in the election year 2024, so per-period views have something to find.

Its resources (``tests/corpora/parties/resources/``: ``sides.yaml`` and ``actors.yaml``)
are used through ``ANALYSIS_RESOURCES`` or ``python -m analysis run --resources``::

    ANALYSIS_RESOURCES=tests/corpora/parties/resources \\
        python -m analysis build --corpus tests/corpora/parties --out /tmp/parties
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "parties"
SEED = 14
N_DATED = 44  # dated documents, spread evenly over 2023-01 .. 2024-12
N_UNDATED = 3

PEOPLE = {
    "Lantern": [("Party leader", "Ida Varro", "Varro", "she"), ("Lantern Party spokesman", "Tomas Klee", "Klee", "he")],
    "Meadow": [("Alliance chair", "Oren Pask", "Pask", "he"), ("Meadow Forward campaign director", "Lena Sorby", "Sorby", "she")],
}
GROUP = {"Lantern": "the Lantern Party", "Meadow": "the Meadow Alliance"}
WORD = {"Lantern": "Lantern", "Meadow": "Meadow"}
ANALYST = ("Mira Holt", "Holt", "a researcher at the Institute for Civic Studies")

# What each side says, by topic: (positive, negative) wordings; {other} is the other side's group.
CLAIMS = {
    "prices": (
        "families will see lower prices and fairer bills next winter",
        "{other} has let prices climb and failed working families",
    ),
    "jobs": (
        "the plan will create good jobs in every town and help small business grow",
        "the plan of {other} would destroy jobs and hurt small business",
    ),
    "health": (
        "new hospitals and more nurses will improve health care for everyone",
        "{other} is to blame for the crisis in hospitals and the long waits for care",
    ),
    "energy": (
        "cheaper electricity and clean energy are a real opportunity for the region",
        "the energy policy of {other} is a costly mistake that leaves homes without heating",
    ),
    "election": (
        "the campaign is strong and voters want a hopeful change at the election",
        "{other} is running a dishonest campaign full of false promises",
    ),
    "cooperation": (
        "both parties should work together on a fair budget in the common interest",
        "talks with {other} have collapsed because of its reckless demands",
    ),
}
# topic weights per side and year: the drift the period views should show
TOPICS = {
    ("Lantern", 2023): ["prices", "prices", "jobs", "jobs", "energy", "cooperation"],
    ("Lantern", 2024): ["health", "health", "health", "election", "jobs", "prices"],
    ("Meadow", 2023): ["energy", "energy", "jobs", "cooperation", "health", "prices"],
    ("Meadow", 2024): ["election", "election", "energy", "health", "jobs", "prices"],
}
# probability that a side's claim is the negative (attacking) wording, per year
NEGATIVE = {("Lantern", 2023): 0.3, ("Lantern", 2024): 0.4, ("Meadow", 2023): 0.3, ("Meadow", 2024): 0.75}
PLACES = ["Ashford", "Brenmoor", "Calder Bay", "Dunmere", "Elkfield", "Farrowdale", "Greyhaven", "Holmbrook"]
EVENTS = [
    "a debate on the regional budget",
    "a town hall meeting",
    "the launch of a new policy paper",
    "a visit to a local factory",
    "a rally before the council vote",
    "a radio interview",
]
TITLE_VERBS = ["spar over", "clash on", "trade arguments on", "set out plans for", "differ on"]


def _date(i: int) -> str:
    """ISO date of dated document ``i`` (0 .. N_DATED-1), evenly over Jan 2023 .. Dec 2024."""
    month = i * 24 // N_DATED
    day = 3 + (i * 7) % 24
    return f"{2023 + month // 12}-{month % 12 + 1:02d}-{day:02d}"


def _claim(rng: random.Random, side: str, year: int, avoid: tuple[str, ...] = ()) -> tuple[str, str]:
    """(topic, wording) of one claim of ``side`` in ``year``, a wording not in ``avoid`` when possible."""
    other = GROUP["Meadow" if side == "Lantern" else "Lantern"]
    for _ in range(8):
        topic = rng.choice(TOPICS[(side, year)])
        negative = rng.random() < NEGATIVE[(side, year)]
        text = CLAIMS[topic][int(negative)].format(other=other)
        if text not in avoid:
            break
    return topic, text


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def _quote_lines(rng: random.Random, side: str, year: int) -> list[str]:
    """Two or three sentences of news reporting what one side said, in varied reporting forms."""
    title, full, surname, pron = rng.choice(PEOPLE[side])
    _, c1 = _claim(rng, side, year)
    _, c2 = _claim(rng, side, year, (c1,))
    forms = [
        f"{_cap(title)} {full} said that {c1}.",
        f'"{_cap(c1)}," {full} told reporters.',
        f"{full}, the {title.lower()}, argued that {c1}.",
        f"According to {full}, {c1}.",
    ]
    out = [rng.choice(forms)]
    out.append(rng.choice([f'"{_cap(c2)}," {surname} added.', f"{surname} also warned that {c2}.", f"{_cap(pron)} insisted that {c2}."]))
    if rng.random() < 0.35:
        _, c3 = _claim(rng, side, year, (c1, c2))
        out.append(f"A senior {WORD[side]} official, speaking on condition of anonymity, said that {c3}.")
    return out


def news(rng: random.Random, i: int, date: str | None) -> str:
    year = int(date[:4]) if date else rng.choice([2023, 2024])
    place, event = rng.choice(PLACES), rng.choice(EVENTS)
    topic = rng.choice(sorted(CLAIMS))
    order = ["Lantern", "Meadow"] if rng.random() < 0.5 else ["Meadow", "Lantern"]
    title = f"Lantern Party and Meadow Alliance {rng.choice(TITLE_VERBS)} {topic} in {place}"
    paras = [f"Leaders of the Lantern Party and the Meadow Alliance met voters in {place} on Tuesday during {event}."]
    for side in order:
        paras.append(" ".join(_quote_lines(rng, side, year)))
    if rng.random() < 0.4:
        name, surname, desc = ANALYST
        paras.append(
            f"{name}, {desc}, said that both parties were speaking to anxious voters. {surname} noted that turnout in {place} is usually low."
        )
    paras.append(f"The council in {place} is expected to vote on the matter next month.")
    meta = [f"doc_id: parties_news_{i:02d}", f"title: {title}"]
    if date:
        meta.append(f"date: {date}")
    meta += ["kind: news", "source: hand-written test article (invented)", "language: en"]
    return "---\n" + "\n".join(meta) + "\n---\n" + "\n\n".join(paras) + "\n"


def statement(rng: random.Random, i: int, date: str, side: str) -> str:
    year = int(date[:4])
    group = GROUP[side]
    lines: list[str] = []
    said: tuple[str, ...] = ()
    for _ in range(4):
        _, c = _claim(rng, side, year, said)
        said += (c,)
        lines.append(f"{_cap(group)} believes that {c}." if rng.random() < 0.5 else f"{_cap(c)}.")
    title, full, _, _ = PEOPLE[side][0]
    lines.append(f"{_cap(title.lower())} {full} will present the proposals to members next week.")
    meta = [
        f"doc_id: parties_statement_{i:02d}",
        f"title: Statement of {group} on {rng.choice(sorted(CLAIMS))}",
        f"date: {date}",
        "kind: statement",
        f"side: {side}",
        f"source: {_cap(group)[4:]} press office (invented)",
        "language: en",
    ]
    return "---\n" + "\n".join(meta) + "\n---\n" + " ".join(lines[:2]) + "\n\n" + " ".join(lines[2:]) + "\n"


def documents() -> dict[str, str]:
    """File name -> text of every document of the corpus (pure: same output every call)."""
    rng = random.Random(SEED)
    out: dict[str, str] = {}
    for i in range(N_DATED):
        date = _date(i)
        if i % 4 == 3:  # every fourth dated document is a statement, the sides taking turns
            side = "Lantern" if (i // 4) % 2 == 0 else "Meadow"
            out[f"{date}_statement_{side.lower()}.md"] = statement(rng, i, date, side)
        else:
            out[f"{date}_news_{i:02d}.md"] = news(rng, i, date)
    for j in range(N_UNDATED):
        out[f"undated_news_{j}.md"] = news(rng, N_DATED + j, None)
    return out


def main(argv: list[str] | None = None) -> int:
    OUT.mkdir(exist_ok=True)
    docs = documents()
    for old in OUT.glob("*.md"):
        if old.name not in docs:
            old.unlink()
    for name, text in docs.items():
        (OUT / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(docs)} documents to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
