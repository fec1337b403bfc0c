"""The guidance pages. What a person types goes in a POST body, never in a URL, and is not
stored or logged; answers are marked no-store so no cache keeps them."""

import datetime

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from lawdb.laws.models import Jurisdiction, Kind, Law, Status
from lawdb.web.selectors import jurisdiction_tree

from .forms import OptionsForm, PoliceSheetForm, TakedownForm
from .rules import ACTS, Situation
from .services import build_guide


def _private(response):
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def start(request):
    code = request.GET.get("place", "")
    if code and Jurisdiction.objects.filter(code=code.upper()[:8]).exists():
        return redirect("guide:place", code=code.upper())
    return render(request, "guide/start.html", {"tree": jurisdiction_tree()})


@require_safe
def place(request, code):
    jurisdiction = get_object_or_404(
        Jurisdiction.objects.select_related("parent__parent"), code=code.upper()
    )
    situation = Situation(
        live_in=jurisdiction,
        image="unknown",
        age="adult",
        acts=frozenset({"shared", "threatened", "created"}),
    )
    minor = Situation(
        live_in=jurisdiction, image="unknown", age="minor", acts=frozenset({"shared"})
    )
    return render(
        request,
        "guide/place.html",
        {
            "jurisdiction": jurisdiction,
            "guide": build_guide(situation),
            "minor_guide": build_guide(minor),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def options(request):
    if request.method == "GET":
        return render(request, "guide/options.html", {"form": OptionsForm()})
    form = OptionsForm(request.POST)
    if not form.is_valid():
        return _private(render(request, "guide/options.html", {"form": form}, status=400))
    situation = form.situation()
    guide = build_guide(situation)
    chosen_acts = [ACTS[a] for a in sorted(situation.acts)]
    return _private(
        render(
            request,
            "guide/options.html",
            {"form": form, "guide": guide, "chosen_acts": chosen_acts},
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def takedown(request):
    duties = list(
        Law.objects.filter(kind=Kind.PLATFORM_DUTY, status=Status.IN_FORCE, specific=True)
        .select_related("jurisdiction")
        .prefetch_related("sources")
        .order_by("jurisdiction__level", "jurisdiction_id")
    )
    if request.method == "GET":
        return render(request, "guide/takedown.html", {"form": TakedownForm(), "duties": duties})
    form = TakedownForm(request.POST)
    if not form.is_valid():
        return _private(
            render(request, "guide/takedown.html", {"form": form, "duties": duties}, status=400)
        )
    return _private(
        render(
            request,
            "guide/takedown_letter.html",
            {"data": form.cleaned_data, "duties": duties, "today": datetime.date.today()},
        )
    )


@never_cache
@require_http_methods(["GET", "POST"])
def police_sheet(request):
    if request.method == "GET":
        return render(request, "guide/police.html", {"form": PoliceSheetForm()})
    form = PoliceSheetForm(request.POST)
    if not form.is_valid():
        return _private(render(request, "guide/police.html", {"form": form}, status=400))
    situation = form.situation()
    guide = build_guide(situation)
    criminal = [m for m in guide.laws if m.law.kind == Kind.CRIMINAL]
    return _private(
        render(
            request,
            "guide/police_sheet.html",
            {"guide": guide, "laws": criminal, "rows": range(8), "today": datetime.date.today()},
        )
    )
