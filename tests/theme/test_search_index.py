"""The offline search index: folding, posting lists, what is indexed and what is shipped."""

from __future__ import annotations

import json

from gloss.site.search import (
    INDEX_GLOBAL,
    SearchDocument,
    build_index,
    decode_postings,
    encode_postings,
    fold,
    front_code,
    front_decode,
    index_script,
    lead,
    load_stopwords,
    plain_text,
    text_script,
    text_script_path,
    words,
)
from hypothesis import given
from hypothesis import strategies as st

POSTINGS_OF = {"terms": "post", "fterms": "fpost", "names": "npost", "speakers": "spost"}


def all_words(blocks: list[str]) -> list[str]:
    return [word for block in blocks for word in front_decode(block)]


def docs_with(index: dict, key: str, field: str = "terms") -> list[int]:
    if field in ("terms", "fterms"):
        keys = all_words(index[field])
        post = [p for block in index[POSTINGS_OF[field]] for p in block.split(" ")]
    else:
        keys = index[field]
        post = index[POSTINGS_OF[field]].split(" ")
    assert len(post) == len(keys)
    return decode_postings(post[keys.index(key)]) if key in keys else []


def test_fold_drops_accents_and_case():
    assert fold("Palácio ÉLYSÉE") == "palacio elysee"
    assert words("Lula da Silva's “Palácio” — São Paulo, 2004!") == [
        "lula",
        "da",
        "silva",
        "palacio",
        "sao",
        "paulo",
        "2004",
    ]


def test_words_keep_non_latin_scripts_and_drop_single_characters():
    assert words("Москва и Киев a b 7 ab") == ["москва", "киев", "ab"]


@given(st.lists(st.integers(min_value=0, max_value=10**6), unique=True))
def test_postings_round_trip(numbers):
    numbers = sorted(numbers)
    assert decode_postings(encode_postings(numbers)) == numbers


def test_postings_are_base32_gaps_without_separators():
    assert encode_postings([0, 3, 13]) == "03a"
    assert encode_postings([40]) == "x8"  # 40 = 1 * 32 + 8: a "more" digit, then a last one
    assert decode_postings("") == []
    assert " " not in encode_postings(range(0, 10**5, 997))


def test_front_coding_shares_the_start_of_sorted_words():
    assert front_code(["elect", "election", "elections"]) == "0elect 5ion 8s"
    assert front_decode("0elect 5ion 8s") == ["elect", "election", "elections"]
    assert front_decode("") == []


@given(st.lists(st.text(alphabet="ab1é", min_size=1, max_size=50), unique=True))
def test_front_coding_round_trips(vocabulary):
    vocabulary = sorted(vocabulary)
    assert front_decode(front_code(vocabulary)) == vocabulary


def test_lead_cuts_at_a_word_boundary():
    text = "one two three four five six seven eight nine ten"
    assert lead(text, 100) == text
    cut = lead(text, 20)
    assert cut.endswith("…") and len(cut) <= 21
    assert text.startswith(cut[:-1])


def test_plain_text_separates_blocks_not_inline_wrappers():
    html = '<p>Hi <button class="gl-mention">Putin</button>, ok.</p><p>Next<br>line</p>'
    assert plain_text(html) == "Hi Putin, ok. Next line"


def build_sample() -> dict:
    return build_index(
        [
            SearchDocument(
                title="Xi, Putin hold phone call",
                url="2022/xi-putin/index.html",
                date="2022-06-16",
                text="Chinese President Xi Jinping held a phone call with the Kremlin.",
                entities=["Xi Jinping", "Vladimir Putin"],
                speakers=["analysts"],
                authors=["Yang Sheng"],
            ),
            SearchDocument(
                title="Elections in Brazil",
                url="2004/brazil/index.html",
                date="2004-11-16",
                text="Lula da Silva won the election. Putin was not mentioned in the text.",
            ),
        ],
        lead_chars=40,
    )


def test_index_covers_title_text_entities_and_speakers():
    index = build_sample()
    assert docs_with(index, "kremlin") == [0]  # text
    assert docs_with(index, "vladimir") == [0]  # entity name only
    assert docs_with(index, "analysts") == [0]  # speaker only
    assert docs_with(index, "sheng") == [0]  # author only
    assert docs_with(index, "sheng", "fterms") == [0]
    assert docs_with(index, "putin") == [0, 1]  # title of one, text of the other
    assert docs_with(index, "elections") == [1]


def test_field_postings_hold_only_titles_entities_and_speakers():
    index = build_sample()
    assert docs_with(index, "putin", "fterms") == [0]
    assert docs_with(index, "kremlin", "fterms") == []


def test_stopwords_are_left_out_and_shipped():
    index = build_sample()
    stop = load_stopwords()
    assert "the" in stop and "who" not in stop  # WHO, the organisation, stays findable
    assert not set(all_words(index["terms"])) & stop
    assert index["stop"] == sorted(stop)


def test_terms_are_sorted_in_blocks_for_binary_search():
    many = [SearchDocument(title=f"w{n:03d}", url=f"{n}/index.html") for n in range(40)]
    index = build_index(many, frozenset())
    assert [len(front_decode(b)) for b in index["terms"]] == [16, 16, 8]
    assert [len(b.split(" ")) for b in index["post"]] == [16, 16, 8]
    # Each block starts with a whole word, so the browser can compare blocks without decoding.
    assert [b.split(" ")[0] for b in index["terms"]] == ["0w000", "0w016", "0w032"]
    words_in_order = all_words(index["terms"])
    assert words_in_order == sorted(words_in_order) == [f"w{n:03d}" for n in range(40)]


def test_documents_keep_order_and_a_short_lead():
    index = build_sample()
    title, url, date, snippet = index["docs"][0]
    # Article URLs all end in index.html: the index keeps the folder and search.js adds it.
    assert (title, url, date) == ("Xi, Putin hold phone call", "2022/xi-putin/", "2022-06-16")
    assert len(snippet) <= 41 and snippet.startswith("Chinese President")


def test_names_and_speakers_are_stored_once_with_their_documents():
    index = build_sample()
    assert index["names"] == ["Vladimir Putin", "Xi Jinping"]
    assert docs_with(index, "Vladimir Putin", "names") == [0]
    assert index["speakers"] == ["analysts"]
    assert docs_with(index, "analysts", "speakers") == [0]


def test_index_script_is_a_classic_script_assigning_one_global():
    index = build_index([SearchDocument(title="</script><b>", url="a/index.html", text="x")])
    script = index_script(index)
    prefix = f"window.{INDEX_GLOBAL}="
    assert script.startswith(prefix) and script.rstrip().endswith(";")
    assert "</script>" not in script
    payload = json.loads(script[len(prefix) :].rstrip().rstrip(";"))
    assert payload["v"] == 3 and payload["docs"][0][0] == "</script><b>"


def test_article_text_scripts_are_named_after_the_article():
    assert text_script_path("2022/xi-putin/index.html") == "2022/xi-putin.js"
    assert text_script_path("pages/about.html") == "pages/about.js"


def test_article_text_script_adds_the_text_under_the_short_url():
    script = text_script("2022/xi-putin/index.html", 'He said "no" </script>')
    prefix = "(window.GLOSS_SEARCH_TEXTS=window.GLOSS_SEARCH_TEXTS||{})["
    assert script.startswith(prefix) and "</script>" not in script
    key, _, value = script[len(prefix) :].rstrip().rstrip(";").partition("]=")
    assert json.loads(key) == "2022/xi-putin/"
    assert json.loads(value) == 'He said "no" </script>'
