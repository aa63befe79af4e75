"""Corpus tables: the seed, offsets in every table, documents with and without front matter."""

from pathlib import Path

import pytest

from analysis import TABLES, InputError, load_corpus
from analysis.core.corpus import read_document, span_errors
from analysis.core.schema import extra_columns

from conftest import SEED, SHARED_SEED


def test_seed_body_is_byte_identical_to_the_shared_seed(seed_corpus):
    body = seed_corpus["documents"].set_index("doc_id").loc["riyadh_2025_news", "body"]
    expected = SHARED_SEED.read_bytes() if SHARED_SEED.exists() else None
    if expected is None:
        pytest.skip("shared/seeds not beside the repository")
    assert body.encode("utf-8") == expected


def test_seed_metadata_is_honest(seed_corpus):
    doc = seed_corpus["documents"].iloc[0]
    assert doc["kind"] == "news" and doc["date"] == "2025-02-19"
    assert "Inferred" in SEED.read_text(encoding="utf-8")


def test_every_row_of_every_table_traces_back_to_the_body(seed_corpus):
    assert len(span_errors(seed_corpus)) == 0
    bodies = dict(zip(seed_corpus["documents"]["doc_id"], seed_corpus["documents"]["body"]))
    for name in ("paragraphs", "sentences"):
        for row in seed_corpus[name].itertuples():
            assert bodies[row.doc_id][row.start : row.end] == row.text


def test_seed_heading_and_sentences(seed_corpus):
    paras = seed_corpus["paragraphs"]
    assert paras.loc[paras["is_heading"], "text"].tolist() == ["RUSSIANS FOCUSED ON ECONOMICS"]
    sents = seed_corpus["sentences"]["text"].tolist()
    assert "RUSSIANS FOCUSED ON ECONOMICS" not in " ".join(sents)
    assert any(s.startswith("The U.S. and Russia did not invite Ukraine") for s in sents)
    assert len(sents) == 18


def test_columns_and_dtypes_are_the_declared_ones(seed_corpus):
    for name, df in seed_corpus.items():
        declared = TABLES[name]["columns"]
        assert list(df.columns)[: len(declared)] == list(declared)
        assert list(df.columns)[len(declared) :] == extra_columns(df.columns, name)
        for col, (dtype, _) in declared.items():
            if dtype in ("int64", "bool", "float64", "Int64"):
                assert str(df[col].dtype) == dtype, (name, col)


def test_document_without_front_matter(tmp_path: Path):
    (tmp_path / "talks-2025.txt").write_text("Talks in Riyadh\n\nRubio spoke. Lavrov replied.\n", encoding="utf-8")
    c = load_corpus(tmp_path)
    doc = c["documents"].iloc[0]
    assert (doc["doc_id"], doc["kind"], doc["title"], doc["side"]) == ("talks-2025", "news", "Talks in Riyadh", None)
    assert c["sentences"]["text"].tolist() == ["Talks in Riyadh", "Rubio spoke.", "Lavrov replied."]


def test_date_comes_from_the_file_name_when_the_front_matter_has_none(tmp_path: Path):
    (tmp_path / "outlet_2016-03-07_talks.txt").write_text("Talks\n\nThey met.\n", encoding="utf-8")
    (tmp_path / "dated.md").write_text("---\ndate: 2024-01-02\n---\nTalks\n\nThey met.\n", encoding="utf-8")
    (tmp_path / "undated_2016-13-45.txt").write_text("Talks\n\nThey met.\n", encoding="utf-8")
    docs = load_corpus(tmp_path)["documents"].set_index("doc_id")["date"]
    assert docs.to_dict() == {"dated": "2024-01-02", "outlet_2016-03-07_talks": "2016-03-07", "undated_2016-13-45": None}


def test_front_matter_offsets_refer_to_the_body(tmp_path: Path):
    text = "---\ndoc_id: mfa1\nkind: readout\nside: Russia\ndate: 2025-02-18\n---\nThe ministers met. They talked.\n"
    (tmp_path / "x.md").write_text(text, encoding="utf-8")
    c = load_corpus(tmp_path)
    doc = c["documents"].iloc[0]
    assert (doc["doc_id"], doc["kind"], doc["side"], doc["date"]) == ("mfa1", "readout", "Russia", "2025-02-18")
    assert doc["body"] == "The ministers met. They talked.\n"
    assert c["sentences"]["start"].tolist() == [0, 19]


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffRubio spoke. Lavrov replied.".encode("utf-8"),
        b"Rubio spoke.\r\nLavrov replied.\r\n",
        "He said \u201cthis never closes. Lavrov replied \u201d twice.".encode("utf-8"),
        b'He said "unbalanced. It goes on.',
    ],
    ids=["bom", "crlf", "mismatched-curly", "unbalanced-straight"],
)
def test_valid_oddities_build(tmp_path: Path, data: bytes):
    (tmp_path / "odd.txt").write_bytes(data)
    c = load_corpus(tmp_path)
    assert len(c["sentences"]) >= 2
    assert len(span_errors(c)) == 0
    assert not c["documents"]["body"].iloc[0].startswith("\ufeff")


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Caf\u00e9 talks".encode("latin-1"), "not valid UTF-8"),
        (b"---\ntitle: [unclosed\n---\nBody.", "invalid YAML front matter"),
        (b"---\nkind: tweet\n---\nBody.", "unknown kind"),
    ],
)
def test_bad_documents_raise_one_line_errors(tmp_path: Path, data: bytes, problem: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert problem in str(err.value) and "bad.txt" in str(err.value)
    assert "\n" not in str(err.value)


def test_duplicate_doc_ids(tmp_path: Path):
    (tmp_path / "a.txt").write_text("---\ndoc_id: same\n---\nOne.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\ndoc_id: same\n---\nTwo.", encoding="utf-8")
    with pytest.raises(InputError, match="duplicate doc_id 'same'"):
        load_corpus(tmp_path)


def test_every_front_matter_field_is_a_text_column(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\nkind: news\noutlet: The Daily Lamp\nleaning: left\nrank: 3\n---\nBody one.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ncountry: Elsewhere\n---\nBody two.\n", encoding="utf-8")
    docs = load_corpus(tmp_path)["documents"]
    assert list(docs.columns)[-4:] == ["country", "leaning", "outlet", "rank"]
    assert docs["outlet"].tolist() == ["The Daily Lamp", None]
    assert docs["rank"].tolist() == ["3", None]
    assert docs["country"].tolist() == [None, "Elsewhere"]


def test_front_matter_field_named_like_a_computed_column_is_refused(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\nbody: x\n---\nBody.\n", encoding="utf-8")
    with pytest.raises(InputError, match="'body' is a column the build computes"):
        load_corpus(tmp_path)
