from functools import partial
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from lawdb.laws.filters import LawFilter, search_scope
from lawdb.laws.models import Kind, Law, Level, Status

from . import services
from .forms import SearchForm

PAGE_SIZE = 10  # enough to read on a phone; the facets narrow the rest
FILTERS = frozenset(LawFilter.base_filters)


@require_safe
def search(request):
    """The search page: text, filters, facet counts, highlighted results; each state a URL."""
    form = SearchForm(request.GET)
    scope, errors = Law.objects.all(), {}
    if not form.is_valid():
        errors.update(form.errors)
    if FILTERS.intersection(request.GET):  # most searches have none: no filter set to build
        filters = LawFilter(request.GET, queryset=search_scope(request.GET))
        if filters.is_valid():
            scope = filters.qs  # laws, or their search entries
        errors.update(filters.errors)
    if errors:
        return render(request, "pages/search.html", {"errors": errors, "form": form}, status=400)

    q = form.cleaned_data["q"]
    number = form.cleaned_data["page"] or 1
    run = partial(
        services.search_laws,
        q=q,
        queryset=scope,
        correct=not form.cleaned_data["exact"],
    )
    result = run(cards=slice((number - 1) * PAGE_SIZE, number * PAGE_SIZE))
    paginator = Paginator(result.ids, PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage:  # past the end: the last page
        page = paginator.page(paginator.num_pages)
        result = run(cards=slice(page.start_index() - 1, page.end_index()))
    facets = services.facet_counts(result)

    context = {
        "form": form,
        "q": q,
        "parsed": result.parsed,
        "explanation": result.explanation,
        "page": page,
        "laws": result.cards,
        "facets": facets,
        "capped": result.capped,
        "facet_groups": _facet_groups(facets, request.GET),
        "active_filters": _active_filters(request.GET),
    }
    template = (
        "components/search_results.html" if request.GET.get("partial") else "pages/search.html"
    )
    return render(request, template, context)


def _facet_groups(facets, params):
    counts = facets["counts"]
    groups = [
        ("Kind", "kind", [(k.value, k.label, counts[f"kind__{k.value}"]) for k in Kind]),
        ("Status", "status", [(s.value, s.label, counts[f"status__{s.value}"]) for s in Status]),
        ("Level", "level", [(lv.value, lv.label, counts[f"level__{lv.value}"]) for lv in Level]),
        (
            "What it covers",
            None,
            [
                (name, label, counts[f"{name}__true"])
                for name, label in services.BOOLEAN_FACETS.items()
            ],
        ),
        (
            "Place",
            "jurisdiction",
            [
                (row["jurisdiction_id"], row["jurisdiction__name"], row["n"])
                for row in facets["jurisdictions"]
            ],
        ),
    ]
    out = []
    for title, param, values in groups:
        items = []
        for value, label, count in values:
            name, val = (param, value) if param else (value, "true")
            active = val in params.getlist(name)
            items.append(
                {
                    "label": label,
                    "count": count,
                    "active": active,
                    "url": _toggle(params, name, val),
                }
            )
        out.append({"title": title, "items": [i for i in items if i["count"] or i["active"]]})
    return out


SINGLE_VALUED = {"jurisdiction", "level", "applies_in"}


def _toggle(params, name, value) -> str:
    """The current URL with one filter value switched on or off (the page number dropped)."""
    values = params.getlist(name)
    if value in values:
        values = [v for v in values if v != value]
    elif name in SINGLE_VALUED:
        values = [value]
    else:
        values = [*values, value]
    pairs = [
        (key, v)
        for key, current in params.lists()
        if key not in ("page", "partial")
        for v in (values if key == name else current)
    ]
    if name not in params:
        pairs += [(name, v) for v in values]
    return "?" + urlencode(pairs)


def _active_filters(params) -> list[dict]:
    out = []
    for name in params:
        if name in {"q", "page", "partial", "exact"}:
            continue
        for value in params.getlist(name):
            out.append(
                {"label": f"{name.replace('_', ' ')}: {value}", "url": _toggle(params, name, value)}
            )
    return out
