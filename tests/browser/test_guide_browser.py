"""What a person on a phone sees and does: accessibility (axe-core, WCAG 2.2 AA), the quick
exit, the options finder, the documents, search as you type; nothing leaves for another host."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}
}


def assert_accessible(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def assert_fits_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page is {width}px wide at a 360px screen"


def fill_options(page, live_in, image, age, acts):
    page.select_option("#id_live_in", live_in)
    page.check(f"input[name=image][value={image}]")
    page.check(f"input[name=age][value={age}]")
    for box in page.query_selector_all("input[name=act]"):
        box.set_checked(box.get_attribute("value") in acts)
    page.click("form.guide-form button[type=submit]")


GET_PAGES = [
    "/",
    "/help/",
    "/help/US-VA/",
    "/help/GB-ENG/",
    "/help/options/",
    "/help/documents/takedown/",
    "/help/documents/police/",
    "/jurisdictions/",
    "/jurisdictions/US-CA/",
    "/search/?q=deepfake+texas",
]


@pytest.mark.parametrize("path", GET_PAGES)
def test_pages_have_no_axe_violations_and_fit_a_phone(page, curated, path):
    assert page.goto(page.base + path).status == 200
    assert_accessible(page)
    assert_fits_phone(page)
    assert page.external_requests == []


def test_law_page_accessible(page, curated):
    page.goto(page.base + "/search/?q=18.2-386.2")
    page.click("article.law-card h2 a")
    assert "18.2-386.2" in page.inner_text("h1 + p")
    assert_accessible(page)
    assert_fits_phone(page)


def test_quick_exit_button_replaces_page_and_back_does_not_return(page, curated):
    page.goto("about:blank")
    page.goto(page.base + "/help/US-VA/")
    page.click("#quick-exit")
    page.wait_for_url("https://www.wikipedia.org/**")
    page.go_back()
    assert page.url == "about:blank"


def test_escape_key_exits(page, curated):
    page.goto(page.base + "/help/options/")
    page.keyboard.press("Escape")
    page.wait_for_url("https://www.wikipedia.org/**")


def test_options_finder_us_case(page, curated):
    page.goto(page.base + "/help/options/")
    fill_options(page, "US-TX", "synthetic", "adult", {"shared", "created"})
    page.wait_for_selector("#answer-heading")
    assert "?" not in page.url  # answers travel in the POST body, not the address
    text = page.inner_text("#answer")
    assert "Tex. Penal Code § 21.165" in text
    assert "its text covers altered or AI-made images" in text
    assert "47 U.S.C. § 223(h)(3)" in text  # the federal layer
    assert "Tex. Penal Code § 43.235" not in text  # a children's law, not for an adult
    assert_accessible(page)
    assert_fits_phone(page)


def test_options_finder_uk_minor_case(page, curated):
    page.goto(page.base + "/help/options/")
    fill_options(page, "GB-ENG", "authentic", "minor", {"shared"})
    page.wait_for_selector("#answer-heading")
    text = page.inner_text("#answer")
    assert "Laws in England and Wales" in text and "Laws in United Kingdom" in text
    assert "Protection of Children Act 1978" in text
    assert "you were under 18" in text
    assert "StopNCII" not in text  # for adults' images only
    assert_accessible(page)


def test_form_errors_are_announced_and_accessible(page, curated):
    page.goto(page.base + "/help/options/")
    page.click("form.guide-form button[type=submit]")
    assert page.is_visible("[role=alert]")
    assert_accessible(page)


def test_takedown_request_is_filled_from_the_form(page, curated):
    page.goto(page.base + "/help/documents/takedown/")
    page.fill("#id_platform", "ExampleSite")
    page.fill("#id_locations", "https://example.com/post/123")
    page.fill("#id_description", "A photo of me in a bedroom")
    page.fill("#id_reason", "I never agreed to it being posted.")
    page.fill("#id_name", "Sam Doe")
    page.fill("#id_contact", "sam@example.com")
    page.check("#id_good_faith")
    page.click("form.guide-form button[type=submit]")
    letter = page.inner_text("article.document")
    assert "https://example.com/post/123" in letter and "/Sam Doe/" in letter
    assert "good faith belief" in letter
    assert "47 U.S.C. § 223a" in letter  # the duty, from the data
    assert "?" not in page.url
    cookies = {c["name"] for c in page.context.cookies()}
    assert cookies <= {"csrftoken"}
    assert_accessible(page)


def test_police_sheet_lists_statutes_and_evidence_table(page, curated):
    page.goto(page.base + "/help/documents/police/")
    fill_options(page, "US-VA", "unknown", "adult", {"shared"})
    sheet = page.inner_text("article.document")
    assert "Va. Code Ann. § 18.2-386.2" in sheet
    assert page.locator("table.evidence tbody tr").count() == 8
    assert_accessible(page)


def test_search_updates_as_you_type(page, curated):
    page.goto(page.base + "/search/")
    page.fill("#q", "revenge porn virginia")
    expect(page).to_have_url(re.compile(r"q=revenge\+porn\+virginia"))
    page.wait_for_selector("#results :text('Va. Code Ann. § 18.2-386.2')")
    assert page.external_requests == []
