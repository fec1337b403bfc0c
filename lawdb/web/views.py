from django import forms
from django.db import connection
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from lawdb.laws.models import Jurisdiction, Law

from . import selectors


@require_safe
def home(request):
    return render(
        request,
        "pages/home.html",
        {
            "tree": selectors.jurisdiction_tree(),
            "law_total": Law.objects.count(),
        },
    )


class PlaceForm(forms.Form):
    code = forms.RegexField(regex=r"^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$", required=False)


@require_safe
def jurisdiction_list(request):
    # The home page's picker submits here (?code=US-VA); without JavaScript, send them on.
    form = PlaceForm(request.GET)
    if form.is_valid() and form.cleaned_data["code"]:
        code = form.cleaned_data["code"].upper()
        if Jurisdiction.objects.filter(code=code).exists():
            return redirect("web:jurisdiction", code=code)
    return render(request, "pages/jurisdiction_list.html", {"tree": selectors.jurisdiction_tree()})


@require_safe
def jurisdiction_detail(request, code):
    return render(request, "pages/jurisdiction_detail.html", selectors.jurisdiction_page(code))


@require_safe
def law_detail(request, key):
    try:
        law = selectors.law_page(key)
    except Http404:
        renamed = selectors.law_renamed(key)
        if renamed is None:
            raise
        return redirect(renamed, permanent=True)  # a permalink outlives a corrected citation
    return render(request, "pages/law_detail.html", {"law": law})


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return JsonResponse({"status": "ok", "database": "ok"})
    except Exception as exc:  # any failure to reach the database is "down", never a 500
        return JsonResponse(
            {"status": "error", "database": "unreachable", "detail": exc.__class__.__name__},
            status=503,
        )


def page_not_found(request, exception=None):
    return render(request, "pages/404.html", status=404)


def server_error(request):
    return render(request, "pages/500.html", status=500)
