"""How a query is read: no database here."""

import pytest

from lawdb.search.parsing import PlaceIndex, citation_fragment, parse

ROWS = [
    ("US", "United States", "national", None, ["USA", "U.S."]),
    ("US-VA", "Virginia", "subnational", "US", ["VA", "Va."]),
    ("US-OR", "Oregon", "subnational", "US", ["OR", "Ore."]),
    ("US-IN", "Indiana", "subnational", "US", ["IN", "Ind."]),
    ("US-WA", "Washington", "subnational", "US", ["WA"]),
    ("US-DC", "District of Columbia", "subnational", "US", ["DC", "D.C.", "Washington"]),
    ("GB", "United Kingdom", "national", None, ["UK", "Britain", "Great Britain"]),
    ("GB-ENG", "England and Wales", "subnational", "GB", ["England", "Wales"]),
    ("AU-NSW", "New South Wales", "subnational", "AU", ["NSW"]),
]
PLACES = PlaceIndex(ROWS)


@pytest.mark.parametrize(
    "token,fragment",
    [
        ("18.2-386.2", "18-2-386-2"),
        ("§18.2-386.2", "18-2-386-2"),
        ("647(j)(4)", "647-j-4"),
        ("s.66B", "66b"),
        ("66B", "66b"),
        ("6851", "6851"),
        ("2024", None),  # a year, not a section
        ("deepfake", None),
        ("7", None),
    ],
)
def test_citation_fragment(token, fragment):
    assert citation_fragment(token) == fragment


@pytest.mark.parametrize(
    "query,codes",
    [
        ("revenge porn law virginia", ["US-VA"]),
        ("revenge porn VA", ["US-VA"]),
        ("is it illegal in the uk", ["GB"]),
        ("fake nudes great britain", ["GB"]),
        ("deepfake england", ["GB-ENG"]),
        ("D.C. revenge porn", ["US-DC"]),
        ("ncii washington", ["US-WA"]),  # a place's own name wins over another's alias
        ("new south wales image abuse", ["AU-NSW"]),
        ("NSW", ["AU-NSW"]),
        ("images shared in oregon or indiana", ["US-OR", "US-IN"]),
    ],
)
def test_places(query, codes):
    assert [p.code for p in parse(query, PLACES).places] == codes


def test_lowercase_two_letter_words_are_not_places():
    parsed = parse("what can i do if it was shared or posted in a group", PLACES)
    assert parsed.places == []


def test_capital_abbreviation_is_a_place():
    assert [p.code for p in parse("deepfake law OR", PLACES).places] == ["US-OR"]


def test_concepts_and_leftover_words():
    parsed = parse("is it illegal to make fake nudes of someone uk", PLACES)
    assert {c.name for c in parsed.concepts} == {"ncii", "synthetic", "creation"}
    assert parsed.words == []
    assert [p.code for p in parsed.places] == ["GB"]


@pytest.mark.parametrize(
    "query,concept",
    [
        ("revenge porn", "ncii"),
        ("NCII", "ncii"),
        ("non-consensual pornography", "ncii"),
        ("private sexual images", "ncii"),
        ("deepfake", "synthetic"),
        ("AI-generated", "synthetic"),
        ("digitally altered", "synthetic"),
        ("morphed", "synthetic"),
        ("sextortion", "threats"),
        ("threat to share", "threats"),
    ],
)
def test_synonyms_meet_in_one_concept(query, concept):
    assert concept in [c.name for c in parse(query, PLACES).concepts]


def test_citation_with_place_and_code_words():
    parsed = parse("va code 18.2-386.2", PLACES)
    assert parsed.citations == ["18-2-386-2"]
    assert [p.code for p in parsed.places] == ["US-VA"]
    assert parsed.words == []


def test_operators_switch_to_websearch_syntax():
    parsed = parse('"intimate image" -child virginia', PLACES)
    assert parsed.websearch == '"intimate image" -child'
    assert [p.code for p in parsed.places] == ["US-VA"]
    assert parse("deepfake or synthetic", PLACES).websearch == "deepfake or synthetic"


def test_corrections_are_applied_before_reading():
    parsed = parse("califronia revnge porn", PLACES, {"revnge": "revenge"})
    assert parsed.corrected == "califronia revenge porn"
    assert "ncii" in [c.name for c in parsed.concepts]


def test_long_and_odd_input_is_safe():
    assert parse("x" * 5000, PLACES).raw == "x" * 300
    assert parse("\x00 <script>", PLACES).words == ["script"]
    assert parse("", PLACES).is_empty
    assert parse("   ", PLACES).is_empty
