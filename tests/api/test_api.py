import pytest

from tests.factories import ActFactory, LawFactory, ResourceFactory


def test_jurisdictions_list_shape(client, va_law, federal_law, django_assert_num_queries):
    with django_assert_num_queries(2):
        data = client.get("/api/v1/jurisdictions/").json()
    assert set(data) == {"count", "next", "previous", "results"}
    va = next(j for j in data["results"] if j["code"] == "US-VA")
    assert va["name"] == "Virginia" and va["level"] == "subnational" and va["parent"] == "US"
    assert va["law_count"] == 1
    assert va["url"].endswith("/api/v1/jurisdictions/US-VA/")
    us = next(j for j in data["results"] if j["code"] == "US")
    assert us["parent"] is None


def test_jurisdiction_detail_has_laws_and_resources(client, va_law, federal_law):
    ResourceFactory(home=va_law.jurisdiction, name="Virginia State Police")
    ResourceFactory(home=federal_law.jurisdiction, name="CyberTipline")
    data = client.get("/api/v1/jurisdictions/us-va/").json()
    assert [law["citation"] for law in data["laws"]] == ["Va. Code Ann. § 18.2-386.2"]
    names = {r["name"] for r in data["resources"]}
    assert names == {"Virginia State Police", "CyberTipline"}


def test_law_fields(client, va_law):
    ActFactory(law=va_law, name="HB 326 (2014)", role="enacted", date_precision="year")
    data = client.get(f"/api/v1/laws/{va_law.key}/").json()
    for field in [
        "id",
        "url",
        "jurisdiction",
        "citation",
        "title",
        "kind",
        "specific",
        "status",
        "acts",
        "enacted",
        "effective",
        "covers_authentic",
        "covers_synthetic",
        "penalty",
        "remedies",
        "summary",
        "source_url",
        "last_verified",
        "verification",
    ]:
        assert field in data, field
    assert data["id"] == va_law.key
    assert data["jurisdiction"] == "US-VA"
    assert data["acts"] == [
        {"name": "HB 326 (2014)", "role": "enacted", "date": "2019", "url": "", "note": ""}
    ]
    assert data["source_url"].startswith("https://legislature.example.gov/")
    assert data["penalty"] == "Class 1 misdemeanor"
    assert data["last_verified"] == "2026-11-01"


def test_laws_list_queries_constant(client, virginia, django_assert_num_queries):
    for _ in range(30):
        ActFactory(law=LawFactory(jurisdiction=virginia))
    with django_assert_num_queries(4):
        data = client.get("/api/v1/laws/").json()
    assert data["count"] == 30


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"jurisdiction": "US-VA"}, {"va"}),
        ({"jurisdiction": "us-va,US"}, {"va", "fed", "fake"}),
        ({"applies_in": "US-VA"}, {"va", "fed", "fake"}),
        ({"kind": "civil"}, {"fed"}),
        ({"status": "pending"}, {"fake"}),
        ({"specific": "false"}, {"fake"}),
        ({"covers_synthetic": "true"}, {"va", "fake"}),
        ({"covers_authentic": "false"}, {"fake"}),
        ({"level": "national"}, {"fed", "fake"}),
        ({"enacted_from": "2020"}, {"fed"}),
        ({"q": "intimate images"}, {"va", "fed", "fake"}),
        ({"q": "15 U.S.C. 6851"}, {"fed"}),
        ({"applies_in": "ZZ"}, set()),
    ],
)
def test_law_filters(client, va_law, federal_law, us, params, expected):
    import datetime

    federal_law.enacted = datetime.date(2022, 3, 15)
    federal_law.save()
    va_law.enacted = datetime.date(2014, 1, 1)
    va_law.save()
    LawFactory(
        jurisdiction=us,
        citation="S. 1, 119th Cong.",
        status="pending",
        specific=False,
        covers_synthetic=True,
        covers_authentic=False,
        title="A bill on fakes",
    )
    names = {"US-VA": "va", "15 U.S.C. § 6851": "fed", "S. 1, 119th Cong.": "fake"}
    data = client.get("/api/v1/laws/", params).json()
    got = {names.get(r["citation"], names.get(r["jurisdiction"])) for r in data["results"]}
    got = {
        ("va" if r["jurisdiction"] == "US-VA" else names[r["citation"]]) for r in data["results"]
    }
    assert got == expected


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "felony"},
        {"covers_synthetic": "maybe"},
        {"enacted_from": "last year"},
        {"page": "x"},
    ],
)
def test_bad_parameters_are_400_with_help(client, va_law, params):
    response = client.get("/api/v1/laws/", params)
    assert response.status_code in (400, 404)
    body = response.json()
    assert "detail" in body


def test_unknown_law_is_404(client, db):
    assert client.get("/api/v1/laws/nope/").status_code == 404


def test_schema_is_served(client, db):
    response = client.get("/api/v1/schema/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "openapi" in text and "/api/v1/laws/" in text and "covers_synthetic" in text
