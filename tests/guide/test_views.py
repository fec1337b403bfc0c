import pytest

from tests.factories import LawFactory, ResourceFactory


@pytest.fixture
def data(virginia, us):
    LawFactory(jurisdiction=virginia, citation="Va. Code Ann. § 18.2-386.2", covers_synthetic=True)
    LawFactory(
        jurisdiction=virginia,
        citation="Va. Code Ann. § 8.01-40.4",
        kind="civil",
        remedies="actual damages",
        limitation_period="2 years",
    )
    LawFactory(
        jurisdiction=us,
        citation="47 U.S.C. § 223a",
        kind="platform_duty",
        title="Notice and removal",
        summary="Platforms must remove within 48 hours.",
    )
    ResourceFactory(home=us, name="StopNCII.org", kind="takedown", audience="adults")
    ResourceFactory(home=us, name="Take It Down", kind="takedown", audience="minors")


def test_start_page_lists_places_and_redirects(client, data):
    response = client.get("/help/")
    assert response.status_code == 200
    assert '<option value="US-VA">Virginia</option>' in response.content.decode()
    assert client.get("/help/", {"place": "us-va"})["Location"] == "/help/US-VA/"


def test_place_guide_page(client, data, us):
    ResourceFactory(home=us, name="Unchecked line", kind="helpline", verification="unverified")
    body = client.get("/help/US-VA/").content.decode()
    for text in [
        "Keep the evidence",
        "Get it taken down",
        "Report it",
        "Go to court",
        "Get support",
        "Va. Code Ann. § 18.2-386.2",
        "47 U.S.C. § 223a",
        "StopNCII.org",
        "not legal advice",
        "2 years",
    ]:
        assert text in body, text
    assert (
        body.index("Keep the evidence")
        < body.index("Get it taken down")
        < body.index("Go to court")
    )
    assert "Take It Down" in body  # in the box for images taken before 18
    assert "(not confirmed: check before relying on it)" in body  # the unverified helpline


def test_options_answer_is_posted_and_not_cached(client, data):
    response = client.post(
        "/help/options/",
        {"live_in": "US-VA", "image": "synthetic", "age": "minor", "act": ["shared"]},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "Va. Code Ann. § 18.2-386.2" in body and "Take It Down" in body
    assert "StopNCII.org" not in body


def test_options_ignores_query_strings(client, data):
    body = client.get("/help/options/", {"live_in": "US-VA", "image": "synthetic"}).content.decode()
    assert "Your options" not in body


def test_options_bad_input_is_400_with_message(client, data):
    response = client.post("/help/options/", {"live_in": "ZZ", "image": "maybe"})
    assert response.status_code == 400
    assert "Please check the answers" in response.content.decode()


def test_options_api(client, data):
    response = client.get(
        "/api/v1/options/",
        {"live_in": "us-va", "image": "synthetic", "age": "adult", "act": ["shared"]},
    )
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    body = response.json()
    assert set(body) == {"laws", "resources", "steps"}
    citations = [m["law"]["citation"] for m in body["laws"]]
    assert "Va. Code Ann. § 18.2-386.2" in citations
    first = body["laws"][0]
    assert first["reasons"] and first["law"]["verification"] == "verified"
    assert [r["resource"]["name"] for r in body["resources"]] == ["StopNCII.org"]
    assert [s["key"] for s in body["steps"]][:2] == ["danger", "evidence"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"live_in": "ZZ"},
        {"live_in": "US-VA", "age": "old"},
        {"live_in": "US-VA", "act": "stole"},
    ],
)
def test_options_api_bad_parameters(client, data, params):
    response = client.get("/api/v1/options/", params)
    assert response.status_code == 400
    assert "errors" in response.json()


def test_takedown_letter(client, data):
    form = {
        "platform": "ExampleSite",
        "locations": "https://example.com/p/1",
        "description": "photo",
        "reason": "I never agreed.",
        "name": "Sam Doe",
        "contact": "sam@example.com",
        "good_faith": "on",
    }
    response = client.post("/help/documents/takedown/", form)
    body = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert "https://example.com/p/1" in body and "/Sam Doe/" in body
    assert "47 U.S.C. § 223a" in body
    missing = client.post("/help/documents/takedown/", {**form, "good_faith": ""})
    assert missing.status_code == 400


def test_police_sheet(client, data):
    response = client.post(
        "/help/documents/police/",
        {"live_in": "US-VA", "image": "unknown", "age": "adult", "act": ["shared"]},
    )
    body = response.content.decode()
    assert "Va. Code Ann. § 18.2-386.2" in body
    assert body.count("<tr><td>") == 8
    assert "Va. Code Ann. § 8.01-40.4" not in body  # civil, not for the police


def test_nothing_typed_is_logged(client, data, caplog):
    client.post("/help/documents/takedown/", {"platform": "SecretSiteName", "name": "Sam"})
    assert "SecretSiteName" not in caplog.text
