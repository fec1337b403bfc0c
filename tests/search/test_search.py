"""Search against real PostgreSQL, on data built here: ranking, synonyms, places, citations,
typos, highlighting, facets, the page and the API."""

import pytest

from lawdb.laws.models import Law
from lawdb.search import index
from lawdb.search.services import facet_counts, render_headline, search_laws
from tests.factories import JurisdictionFactory, LawFactory


@pytest.fixture
def corpus(db):
    us = JurisdictionFactory(code="US", name="United States", level="national", aliases=["USA"])
    tx = JurisdictionFactory(
        code="US-TX", name="Texas", level="subnational", parent=us, aliases=["TX", "Tex."]
    )
    va = JurisdictionFactory(
        code="US-VA", name="Virginia", level="subnational", parent=us, aliases=["VA"]
    )
    gb = JurisdictionFactory(
        code="GB", name="United Kingdom", level="national", aliases=["UK", "Britain"]
    )
    eng = JurisdictionFactory(
        code="GB-ENG", name="England and Wales", level="subnational", parent=gb, aliases=["England"]
    )
    laws = {
        "tx_disclosure": LawFactory(
            jurisdiction=tx,
            citation="Tex. Penal Code § 21.16",
            title="Unlawful disclosure or promotion of intimate visual material",
            summary="Sharing intimate visual material of a person without consent is a crime.",
        ),
        "tx_deepfake": LawFactory(
            jurisdiction=tx,
            citation="Tex. Penal Code § 21.165",
            title="Unlawful production or distribution of sexually explicit media",
            summary="Making or sharing deep fake sexual videos of a real person is a crime.",
            covers_authentic=False,
            covers_synthetic=True,
            covers_creation=True,
        ),
        "tx_child": LawFactory(
            jurisdiction=tx,
            citation="Tex. Penal Code § 43.26",
            title="Possession or promotion of child pornography",
            summary="Includes images of a child made with artificial intelligence.",
            covers_synthetic=True,
            covers_minors=True,
        ),
        "va_criminal": LawFactory(
            jurisdiction=va,
            citation="Va. Code Ann. § 18.2-386.2",
            title="Unlawful dissemination or sale of images of another",
            summary="Sharing a nude image of someone to harass them is a crime.",
        ),
        "va_civil": LawFactory(
            jurisdiction=va,
            citation="Va. Code Ann. § 8.01-40.4",
            kind="civil",
            title="Civil action for unlawful dissemination of images",
            summary="A person whose nude image was shared can sue for damages.",
        ),
        "us_civil": LawFactory(
            jurisdiction=us,
            citation="15 U.S.C. § 6851",
            kind="civil",
            title="Civil action relating to disclosure of intimate images",
            summary="You can sue in federal court a person who shared your intimate images.",
        ),
        "us_extortion": LawFactory(
            jurisdiction=us,
            citation="18 U.S.C. § 875",
            specific=False,
            covers_threats=True,
            title="Interstate communications",
            summary="Threats and extortion sent across state lines.",
        ),
        "eng_sharing": LawFactory(
            jurisdiction=eng,
            citation="Sexual Offences Act 2003, s. 66B",
            title="Sharing or threatening to share intimate photograph or film",
            summary="It is an offence to share a photograph or film that shows or appears to show "
            "another person in an intimate state without consent.",
            covers_synthetic=True,
            covers_threats=True,
        ),
        "eng_creating": LawFactory(
            jurisdiction=eng,
            citation="Sexual Offences Act 2003, s. 66E",
            title="Creating purported intimate image of adult",
            summary="It is an offence to make a fake intimate image of an adult without consent.",
            covers_authentic=False,
            covers_synthetic=True,
            covers_creation=True,
        ),
        "bill": LawFactory(
            jurisdiction=us,
            citation="S. 1837, 119th Cong.",
            status="pending",
            kind="civil",
            title="DEFIANCE Act of 2025",
            summary="A bill to let victims of sexual deepfakes sue.",
            covers_authentic=False,
            covers_synthetic=True,
        ),
    }
    index.refresh()
    return laws


def top(q, n=3, **kwargs):
    return [law.citation for law in search_laws(q=q, **kwargs).queryset[:n]]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("deepfake nudes texas", "Tex. Penal Code § 21.165"),
        ("revenge porn law virginia", "Va. Code Ann. § 18.2-386.2"),
        ("is it illegal to make fake nudes of someone uk", "Sexual Offences Act 2003, s. 66E"),
        ("18.2-386.2", "Va. Code Ann. § 18.2-386.2"),
        ("va code 18.2-386.2", "Va. Code Ann. § 18.2-386.2"),
        ("s 66B", "Sexual Offences Act 2003, s. 66B"),
        ("section 66B", "Sexual Offences Act 2003, s. 66B"),
        ("sue someone who shared my nudes", "15 U.S.C. § 6851"),
        ("sextortion", "Sexual Offences Act 2003, s. 66B"),
        ("califronia revnge porn texas", "Tex. Penal Code § 21.16"),
        ("DEFIANCE Act", "S. 1837, 119th Cong."),
    ],
)
def test_the_law_meant_comes_in_the_top_three(corpus, query, expected):
    assert expected in top(query), (query, top(query))


def test_citation_match_comes_first(corpus):
    assert top("§ 21.165", n=1) == ["Tex. Penal Code § 21.165"]
    assert top("21.16", n=1) == ["Tex. Penal Code § 21.16"]


def test_place_narrows_to_the_place_and_its_parents(corpus):
    found = {law.jurisdiction_id for law in search_laws(q="revenge porn virginia").queryset}
    assert found <= {"US-VA", "US"} and "US-VA" in found


def test_country_includes_its_regions(corpus):
    found = {law.jurisdiction_id for law in search_laws(q="deepfake uk").queryset}
    assert "GB-ENG" in found


def test_state_laws_rank_above_federal_for_a_state_query(corpus):
    ranked = [law.jurisdiction_id for law in search_laws(q="revenge porn virginia").queryset]
    assert ranked[0] == "US-VA"


def test_childrens_laws_rank_lower_unless_asked(corpus):
    adult = top("deepfake texas", n=10)
    assert adult.index("Tex. Penal Code § 21.165") < adult.index("Tex. Penal Code § 43.26")
    assert top("ai generated images of a child texas", n=1) == ["Tex. Penal Code § 43.26"]


def test_typos_are_corrected_and_reported(corpus):
    result = search_laws(q="revnge porn virgina")
    assert result.parsed.corrections == {"revnge": "revenge", "virgina": "virginia"}
    assert result.parsed.corrected == "revenge porn virginia"
    assert result.queryset[0].jurisdiction_id == "US-VA"


def test_exact_search_skips_corrections(corpus):
    result = search_laws(q="revnge", correct=False)
    assert result.parsed.corrections == {}
    assert list(result.queryset) == []


def test_websearch_operators(corpus):
    both = top('"intimate visual material" or "deep fake"', n=10)
    assert set(both) >= {"Tex. Penal Code § 21.16", "Tex. Penal Code § 21.165"}
    without = top("texas -child", n=10)
    assert "Tex. Penal Code § 43.26" not in without


def test_nothing_found_is_empty_not_error(corpus):
    assert list(search_laws(q="zzqqxx").queryset) == []
    assert list(search_laws(q="\x00'; drop table").queryset) == []


def test_highlight_marks_words_and_escapes_html(corpus):
    law = corpus["va_civil"]
    Law.objects.filter(pk=law.pk).update(
        summary="Fines & damages: a person whose nude image was shared can sue <script>x</script>."
    )
    result = search_laws(q="nude virginia", cards=slice(0, 10))
    card = next(card for card in result.cards if card.pk == law.pk)
    html = card.headline_html
    assert card.citation == law.citation and card.jurisdiction.name == "Virginia"
    assert "<mark>nude</mark>" in html
    assert "&amp;" in html
    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")


def test_facets_count_the_current_results(corpus):
    result = search_laws(q="texas")
    facets = facet_counts(result)
    counts = facets["counts"]
    assert counts["total"] == 3 + 3  # Texas and federal laws
    assert counts["kind__civil"] == 2
    assert counts["covers_synthetic__true"] == 3
    assert counts["status__pending"] == 1
    assert {row["jurisdiction_id"] for row in facets["jurisdictions"]} == {"US-TX", "US"}


def test_search_page_queries_are_bounded(client, corpus, django_assert_max_num_queries):
    for _ in range(40):
        LawFactory(jurisdiction=corpus["va_civil"].jurisdiction, summary="Nude images shared.")
    with django_assert_max_num_queries(4):  # vocabulary, ranked matches, result cards, places
        response = client.get("/search/", {"q": "nude virginia"})
    assert response.status_code == 200


def test_search_page(client, corpus):
    body = client.get("/search/", {"q": "revnge porn virginia"}).content.decode()
    assert "Showing results for <strong>revenge porn virginia</strong>" in body
    assert "Va. Code Ann. § 18.2-386.2" in body
    assert "<mark>" in body
    assert 'href="?q=revnge+porn+virginia&amp;kind=civil"' in body  # facet link keeps the query


def test_search_page_filters_and_state_in_url(client, corpus):
    body = client.get("/search/", {"q": "virginia", "kind": "civil"}).content.decode()
    assert "Va. Code Ann. § 8.01-40.4" in body
    assert "Va. Code Ann. § 18.2-386.2" not in body
    assert "kind: civil" in body


def test_empty_result_explains_what_to_try(client, corpus):
    body = client.get("/search/", {"q": "zzqqxx"}).content.decode()
    assert "No laws matched" in body and "choose your place" in body.lower()


@pytest.mark.parametrize(
    "params",
    [{"kind": "felony"}, {"covers_synthetic": "perhaps"}, {"page": "-1"}, {"q": "x" * 400}],
)
def test_bad_search_parameters_are_400_with_help(client, corpus, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_partial_results_for_live_search(client, corpus):
    response = client.get("/search/", {"q": "texas", "partial": "1"})
    body = response.content.decode()
    assert "<html" not in body and "Tex. Penal Code § 21.16" in body


def test_api_search_orders_by_relevance(client, corpus):
    data = client.get("/api/v1/laws/", {"q": "deepfake nudes texas"}).json()
    assert data["results"][0]["citation"] == "Tex. Penal Code § 21.165"


def test_api_search_queries_do_not_grow_with_the_results(
    client, corpus, django_assert_max_num_queries
):
    for _ in range(30):
        LawFactory(jurisdiction=corpus["va_civil"].jurisdiction, summary="Nude images shared.")
    # vocabulary, places, search, count, page, and the page's sources and acts
    with django_assert_max_num_queries(7):
        data = client.get("/api/v1/laws/", {"q": "nude", "kind": "criminal"}).json()
    assert data["count"] >= 30 and len(data["results"]) >= 30


def test_concepts_are_kept_when_a_law_is_saved(corpus):
    law = corpus["tx_deepfake"]
    law.refresh_from_db()
    assert "synthetic" in law.search_concepts
    law.summary = "Threatening to share a private picture is a crime."
    law.title = "Threats"
    law.excerpt = law.notes = law.intent = ""
    law.save()
    law.refresh_from_db()
    assert "synthetic" not in law.search_concepts and "threats" in law.search_concepts


def test_matches_past_the_cap_are_counted_as_capped(corpus, monkeypatch):
    from lawdb.search import services

    monkeypatch.setattr(services, "CANDIDATE_CAP", 2)
    monkeypatch.setattr(services, "RANK_POOL", 1)
    result = search_laws(q="texas")
    assert result.capped and result.total == 2
    assert facet_counts(result)["capped"]
    uncapped = search_laws(q="§ 21.165")
    assert not uncapped.capped and uncapped.ids[:1] == [corpus["tx_deepfake"].pk]


def test_text_rank_orders_the_pool_ahead_of_the_rest(corpus, monkeypatch):
    from lawdb.search import services

    monkeypatch.setattr(services, "RANK_POOL", 1)
    result = search_laws(q="deep fake texas", cards=slice(0, 2))
    first, second = result.cards
    assert first.pk == result.ids[0] == corpus["tx_deepfake"].pk
    assert first.score > second.score  # its text rank was added


def test_capped_search_page_says_so(client, corpus, monkeypatch):
    from lawdb.search import services

    monkeypatch.setattr(services, "CANDIDATE_CAP", 2)
    body = client.get("/search/", {"q": "texas"}).content.decode()
    assert "2+" in body and "More than 2 laws match" in body


def test_long_headlines_are_cut_with_marks_closed():
    from lawdb.search.services import MARK_END, MARK_START

    text = " ".join(["word"] * 10) + f" {MARK_START}nude images{MARK_END} and more"
    html = render_headline(text, words=11)
    assert html.endswith("…") and html.count("<mark>") == html.count("</mark>") == 1


def test_search_words_are_never_cached(client, corpus):
    response = client.get("/search/", {"q": "my ex shared my nudes"})
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    api = client.get("/api/v1/laws/", {"q": "nudes"})
    assert "no-store" in api["Cache-Control"]
    assert "public" in client.get("/search/")["Cache-Control"]


def test_a_citation_narrows_to_its_law_and_other_words_only_rank(corpus):
    result = search_laws(q="Penal Code 21.16")
    assert result.ids == [corpus["tx_disclosure"].pk]
    fallback = search_laws(q="Penal Code 99.99")  # names no law: the words match as usual
    assert corpus["tx_disclosure"].pk in fallback.ids


def test_cards_are_the_requested_slice_in_rank_order(corpus):
    result = search_laws(q="texas", cards=slice(1, 3))
    assert [card.pk for card in result.cards] == result.ids[1:3]
    laws = Law.objects.in_bulk(result.ids[1:3])
    assert [card.url for card in result.cards] == [
        laws[pk].get_absolute_url() for pk in result.ids[1:3]
    ]


def test_a_page_past_the_end_shows_the_last_page(client, corpus):
    body = client.get("/search/", {"q": "texas", "page": "99"}).content.decode()
    assert "Tex. Penal Code § 21.16" in body


def test_a_place_edited_one_at_a_time_is_searchable_at_once(corpus):
    from lawdb.laws.models import Jurisdiction

    assert search_laws(q="lone star").parsed.places == []  # also fills the place cache
    texas = Jurisdiction.objects.get(code="US-TX")
    texas.aliases = [*texas.aliases, "Lone Star"]
    texas.save()
    result = search_laws(q="lone star")
    assert [p.code for p in result.parsed.places] == ["US-TX"]
    assert corpus["tx_disclosure"].pk in result.ids


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "civil"},
        {"covers_synthetic": "true", "status": "in_force"},
        {"jurisdiction": "US-TX,US", "enacted_from": "2019", "enacted_to": "2030"},
        {"specific": "false"},
        {"kind": "administrative"},
    ],
)
@pytest.mark.parametrize("q", ["texas", "deepfake", "sue", ""])
def test_filters_on_search_entries_find_what_filters_on_laws_find(corpus, data, q):
    from django.http import QueryDict

    from lawdb.laws.filters import LawFilter, search_scope
    from lawdb.search.models import Entry

    params = QueryDict(mutable=True)
    params.update(data)
    assert search_scope(params).model is Entry
    on_entries = LawFilter(params, queryset=Entry.objects.all()).qs
    on_laws = LawFilter(params, queryset=Law.objects.all()).qs
    assert search_laws(q=q, queryset=on_entries).ids == search_laws(q=q, queryset=on_laws).ids


def test_a_filter_the_entries_lack_filters_the_laws(client, corpus):
    from django.http import QueryDict

    from lawdb.laws.filters import search_scope

    assert search_scope(QueryDict("kind=civil&verification=verified")).model is Law
    data = client.get("/api/v1/laws/", {"q": "sue", "level": "national"}).json()
    assert {row["jurisdiction"] for row in data["results"]} == {"US"}
    data = client.get("/api/v1/laws/", {"q": "sue", "kind": "civil", "jurisdiction": "US-VA"})
    assert [row["citation"] for row in data.json()["results"]] == ["Va. Code Ann. § 8.01-40.4"]
