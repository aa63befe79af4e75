"""The whole build on the seed: every row of every table traces back to the text."""

import pandas as pd
import pytest

from analysis.core.corpus import span_errors
from analysis.core.schema import TABLES, extra_columns
from analysis.pipeline.build import build

from conftest import RAW


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory):
    return build(RAW, tmp_path_factory.mktemp("out"), progress=False)


def test_all_stages_produce_their_tables(seed_tables):
    for name in ("documents", "paragraphs", "sentences", "mentions", "actors", "quotes", "claims", "statements", "sentiment", "frame_hits"):
        assert name in seed_tables, name
        declared = list(TABLES[name]["columns"])
        assert list(seed_tables[name].columns) == declared + extra_columns(seed_tables[name].columns, name), name


def test_every_span_of_every_table_is_body_start_end(seed_tables):
    assert len(span_errors(seed_tables)) == 0
    bodies = dict(zip(seed_tables["documents"]["doc_id"], seed_tables["documents"]["body"]))
    checked = 0
    for name, df in seed_tables.items():
        if "doc_id" not in df.columns:
            continue
        for col in df.columns:
            if not col.endswith("_start"):
                continue
            prefix = col[: -len("_start")]
            if f"{prefix}_end" not in df.columns:
                continue
            for doc_id, a, b in zip(df["doc_id"], df[col], df[f"{prefix}_end"]):
                if pd.isna(a):
                    continue
                assert 0 <= int(a) <= int(b) <= len(bodies[doc_id]), (name, col)
                checked += 1
    assert checked > 0


def test_every_row_carries_doc_id_and_offsets(seed_tables):
    for name, df in seed_tables.items():
        if name in ("documents", "actors", "emphasis"):
            continue
        assert {"doc_id", "start", "end"} <= set(df.columns), name
