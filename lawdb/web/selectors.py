"""Reads for the public pages, each in a fixed number of queries."""

import re
from collections import OrderedDict

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404

from lawdb.laws.models import JURISDICTION_CODE_RE, Jurisdiction, Kind, Law, Level, Resource

KIND_ORDER = [Kind.CRIMINAL, Kind.CIVIL, Kind.PLATFORM_DUTY, Kind.ADMINISTRATIVE]


def jurisdictions_with_counts():
    return (
        Jurisdiction.objects.select_related("parent")
        .annotate(law_count=Count("laws"))
        .order_by("code")
    )


def jurisdiction_tree():
    """Top-level jurisdictions, each with its children, for the list page."""
    rows = list(jurisdictions_with_counts())
    children: dict[str, list] = {}
    for j in rows:
        if j.parent_id:
            children.setdefault(j.parent_id, []).append(j)
    top = [j for j in rows if not j.parent_id]
    order = {Level.SUPRANATIONAL: 1, Level.NATIONAL: 0}
    top.sort(key=lambda j: (order.get(j.level, 2), j.name))
    return [(j, sorted(children.get(j.code, []), key=lambda c: c.name)) for j in top]


def group_by_kind(laws):
    groups = OrderedDict((kind, []) for kind in KIND_ORDER)
    for law in laws:
        groups[law.kind].append(law)
    return [(Kind(kind).label, items) for kind, items in groups.items() if items]


def jurisdiction_page(code: str) -> dict:
    if not re.match(JURISDICTION_CODE_RE, code.upper()):
        raise Http404("No such jurisdiction code.")
    jurisdiction = get_object_or_404(
        Jurisdiction.objects.select_related("parent__parent"), code=code.upper()
    )
    lineage = jurisdiction.lineage()
    laws = list(
        Law.objects.filter(jurisdiction__in=[j.code for j in lineage])
        .with_related()
        .order_by("jurisdiction_id", "position")
    )
    own = [law for law in laws if law.jurisdiction_id == jurisdiction.code]
    layers = [
        (j, group_by_kind([law for law in laws if law.jurisdiction_id == j.code]))
        for j in lineage[1:]
    ]
    resources = list(Resource.objects.serving(lineage).order_by("kind", "position", "name"))
    children = list(jurisdiction.children.annotate(law_count=Count("laws")).order_by("name"))
    return {
        "jurisdiction": jurisdiction,
        "groups": group_by_kind(own),
        "law_count": len(own),
        "layers": layers,
        "resources": resources,
        "children": children,
    }


def law_page(key: str) -> Law:
    return get_object_or_404(Law.objects.with_related(), key=key)


def law_renamed(key: str) -> Law | None:
    """The law a former permalink belonged to, before its citation was corrected."""
    return Law.objects.filter(former_keys__contains=[key]).only("key").first()
