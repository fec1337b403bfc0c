import datetime

import pytest
from django.db import OperationalError

from tests.factories import (
    ActFactory,
    JurisdictionFactory,
    LawFactory,
    ResourceFactory,
    SourceFactory,
)


def test_home_shows_picker(client, va_law, federal_law, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'value="US-VA"' in body and "Quick exit" in body
    assert "not legal advice" in body


def test_picker_without_javascript_redirects(client, virginia):
    response = client.get("/jurisdictions/", {"code": "us-va"})
    assert response.status_code == 302 and response["Location"] == "/jurisdictions/US-VA/"


def test_picker_with_bad_code_shows_list(client, virginia):
    response = client.get("/jurisdictions/", {"code": "<script>"})
    assert response.status_code == 200


def test_jurisdiction_list(client, va_law, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/jurisdictions/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Virginia" in body and "United States" in body


def test_state_page_shows_state_and_federal_layers(
    client, va_law, federal_law, django_assert_num_queries
):
    ResourceFactory(home=va_law.jurisdiction, name="Virginia State Police", kind="police")
    with django_assert_num_queries(6):
        response = client.get("/jurisdictions/US-VA/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Va. Code Ann. § 18.2-386.2" in body
    assert "15 U.S.C. § 6851" in body  # the federal layer
    assert "United States laws that also apply" in body
    assert "Virginia State Police" in body
    assert body.index("Criminal offence") < body.index("Civil action")


def test_state_page_queries_do_not_grow_with_laws(client, virginia, django_assert_num_queries):
    for _ in range(25):
        law = LawFactory(jurisdiction=virginia)
        ActFactory(law=law)
        SourceFactory(law=law, official=False)
    with django_assert_num_queries(6):
        response = client.get("/jurisdictions/us-va/")
    assert response.status_code == 200


def test_unknown_jurisdiction_is_404(client, db):
    response = client.get("/jurisdictions/ZZ/")
    assert response.status_code == 404
    assert b"choose your place" in response.content.lower()


def test_law_page_shows_every_field(client, va_law, django_assert_num_queries):
    va_law.intent = "with the intent to coerce, harass, or intimidate"
    va_law.excerpt = "created by any means whatsoever"
    va_law.notes = "Penalty read in the 2014 bill."
    va_law.save()
    ActFactory(law=va_law, name="HB 2678 (2019)", role="amended", date_precision="year")
    SourceFactory(law=va_law, official=False, title="Justia", url="https://law.justia.com/va")
    with django_assert_num_queries(3):
        response = client.get(va_law.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    for text in [
        "Va. Code Ann. § 18.2-386.2",
        "Class 1 misdemeanor",
        "with the intent to coerce, harass, or intimidate",
        "created by any means whatsoever",
        "HB 2678 (2019)",
        "Amended 2019",
        "Official text",
        "Justia",
        "Text checked",
        "Penalty read in the 2014 bill.",
        "Altered or AI-made images (deepfakes): <strong>yes",
    ]:
        assert text in body, text


def test_law_permalink_is_stable_and_readable(va_law):
    assert va_law.get_absolute_url() == "/laws/us-va-va-code-ann-18-2-386-2/"


def test_unverified_law_says_so(client, virginia):
    law = LawFactory(jurisdiction=virginia, verification="unverified")
    body = client.get(law.get_absolute_url()).content.decode()
    assert "Not checked" in body


def test_public_pages_send_validators_and_cache_headers(client, va_law):
    response = client.get("/jurisdictions/US-VA/")
    assert "ETag" in response
    assert "public" in response["Cache-Control"]
    again = client.get("/jurisdictions/US-VA/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_no_third_party_and_no_cookies(client, va_law):
    response = client.get("/jurisdictions/US-VA/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert not response.cookies


def test_healthz_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_503_when_database_unreachable(client, db, monkeypatch):
    from lawdb.web import views

    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.parametrize("path", ["/laws/<script>/", "/jurisdictions/%00/", "/laws/nope/"])
def test_bad_paths_are_404_not_500(client, db, path):
    assert client.get(path).status_code == 404


def test_national_page_lists_its_states(client, virginia, django_assert_max_num_queries):
    JurisdictionFactory(code="US-MD", name="Maryland", level="subnational", parent=virginia.parent)
    response = client.get("/jurisdictions/US/")
    body = response.content.decode()
    assert "Maryland" in body and "Virginia" in body


@pytest.mark.parametrize(
    ("verification", "text"),
    [("verified", "Text checked"), ("secondary", "From a summary"), ("unverified", "Not checked")],
)
def test_verification_badge_says_how_and_when_the_record_was_checked(verification, text):
    from types import SimpleNamespace

    from lawdb.web.templatetags.atlas import verification_badge

    law = SimpleNamespace(verification=verification, last_verified=datetime.date(2026, 11, 2))
    html = verification_badge(law)
    assert html.startswith(f'<span class="badge badge--{verification}" title="')
    assert f">{text} 2 Nov 2026</span>" in html
