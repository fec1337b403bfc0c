"""Browser tests: Debian's Chromium, driven by Playwright, against the live test server."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NEUTRAL = "https://www.wikipedia.org/"

# Playwright's sync API runs an event loop in this thread; Django's guard against database
# calls from async code would otherwise refuse the test's own set-up queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    # nothing may leave for another host; the quick exit's neutral page is answered locally
    external = []

    def route(route):
        url = route.request.url
        if url.startswith(live_server.url) or url.startswith("about:") or url.startswith("data:"):
            return route.continue_()
        if url.startswith(NEUTRAL):
            return route.fulfill(
                status=200, content_type="text/html", body="<title>Wikipedia</title>"
            )
        external.append(url)
        return route.abort()

    page.route("**/*", route)
    page.external_requests = external
    page.base = live_server.url
    yield page
    context.close()


@pytest.fixture
def curated(transactional_db):
    from lawdb.laws.importers import load

    load(Path(settings.FIXTURES_DIR))
