"""Reading level of the guidance pages as a person sees them (the page's main text).

    .venv/bin/python bench/readability.py [CODE ...]

Prints the Flesch-Kincaid grade and reading age (grade + 5) of the fixed guidance text and of
each place's "what you can do" page, which also carries the laws' plain-language summaries."""

import os
import re
import sys
from html import unescape

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lawdb.settings.dev")
django.setup()

from django.test import Client  # noqa: E402

from lawdb.guide.readability import grade  # noqa: E402
from lawdb.guide.rules import Situation  # noqa: E402
from lawdb.guide.services import build_guide  # noqa: E402
from lawdb.laws.models import Jurisdiction  # noqa: E402


def main_text(html: str) -> str:
    main = re.search(r"<main[^>]*>(.*)</main>", html, re.S).group(1)
    main = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", main, flags=re.S)
    main = re.sub(r"</(p|li|h[1-6]|blockquote|dd|dt)>", ".\n\n", main)
    return unescape(re.sub(r"<[^>]+>", " ", main))


def main(codes):
    j = Jurisdiction.objects.get(code=codes[0])
    guide = build_guide(Situation(live_in=j))
    fixed = "\n\n".join(p for s in guide.steps for p in [*s.text, *s.checklist])
    print(f"{'text':<34} {'FK grade':>8} {'reading age':>12}")
    print(
        f"{'fixed guidance (steps, checklist)':<34} {grade(fixed):>8.1f} {grade(fixed) + 5:>12.1f}"
    )
    client = Client(SERVER_NAME="127.0.0.1")
    for code in codes:
        text = main_text(client.get(f"/help/{code}/").content.decode())
        g = grade(text)
        print(f"{'/help/' + code + '/ (whole page)':<34} {g:>8.1f} {g + 5:>12.1f}")


if __name__ == "__main__":
    main(sys.argv[1:] or ["US-VA", "US-TX", "US-CA", "GB-ENG", "AU"])
