"""Small pieces of markup shared by the site's pages."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html

from lawdb.laws.models import Verification

register = template.Library()

BADGE_TEXT = {
    Verification.VERIFIED: "Text checked",
    Verification.SECONDARY: "From a summary",
}


@register.simple_tag
def verification_badge(law) -> str:
    """How the law's record was checked, and when: "Text checked 22 Nov 2026"."""
    checked = date_format(law.last_verified, "j M Y") if law.last_verified else ""
    return format_html(
        '<span class="badge badge--{}" title="{}">{} {}</span>',
        law.verification,
        Verification(law.verification).label,
        BADGE_TEXT.get(law.verification, "Not checked"),
        checked,
    )
