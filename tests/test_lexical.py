"""The BM25 indexes (chunks and whole documents) and their on-disk cache."""

from __future__ import annotations

import json

from nearshore_qa.lexical import LexicalIndex, bigrams, document_key

IDS = ["aaa-00000", "aaa-00001", "bbb-00000"]
TEXTS = [
    "Note 21 > Credit risk\nThe maximum exposure to credit risk by region was:",
    "Note 21 > Credit risk\n| Region | 2019 | 2018 |\n| Ireland | 0.4 | 0.5 |",
    "Note 4 > Revenue\n| Country | 2019 | 2018 |\n| Ireland | 310.2 | 295.0 |",
]


def test_documents_are_searched_as_a_whole():
    index = LexicalIndex.build(IDS, TEXTS, generation=1)
    # no chunk of "aaa" holds both "exposure" and "Ireland"; the document does
    assert index.search_documents("exposure Ireland", 2)[0][0] == "aaa"
    assert [document_key(cid) for cid, _ in index.search("Ireland", 3)] != []
    assert index.search_documents("", 2) == []


def test_the_cache_round_trips_and_an_older_layout_is_replaced(tmp_path):
    old = tmp_path / "g-7"  # what the previous layout wrote for generation 7: chunks only
    old.mkdir()
    (old / "ids.json").write_text(json.dumps({"generation": "7", "ids": IDS}))
    assert LexicalIndex.load(tmp_path, 7) is None

    LexicalIndex.build(IDS, TEXTS, generation=7).save(tmp_path)
    loaded = LexicalIndex.load(tmp_path, 7)
    assert loaded is not None and loaded.search_documents("exposure Ireland", 1)[0][0] == "aaa"
    assert not old.exists()  # swept with the other generations, so it is not rebuilt on every open


def test_word_pairs_skip_stopwords_and_stem():
    assert bigrams("the net cash provided by operating activities") == {
        ("net", "cash"),
        ("cash", "provid"),
        ("provid", "oper"),
        ("oper", "activ"),
    }


def test_any_chunk_can_be_scored_not_only_the_top_k():
    index = LexicalIndex.build(IDS, TEXTS, generation=1)
    top = dict(index.search("Ireland revenue", 1))
    assert list(top) == ["bbb-00000"]
    scored = index.scores("Ireland revenue", ["aaa-00001", "aaa-00000", "zzz-00000"])
    assert scored["aaa-00001"] > 0  # names Ireland, though outside the top 1
    assert scored["aaa-00000"] == 0  # names neither word
    assert "zzz-00000" not in scored  # not in the index
