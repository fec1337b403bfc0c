"""Writes the database back to the curated files, in their one canonical form.

Loading a canonical file and exporting it gives the same bytes; the test suite holds that for
the curated files themselves.
"""

import datetime
from pathlib import Path

import yaml

from .models import Jurisdiction, Law, Precision, Resource
from .schema import COVERS


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow=False, indentless=False):
        # lists indented under their key, as people write them
        return super().increase_indent(flow, False)


def _str(dumper, value):
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, indent=2)


def _partial(value: datetime.date | None, precision: str):
    if value is None:
        return None
    if precision == Precision.YEAR:
        return f"{value.year:04d}"
    if precision == Precision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value


def _put(out: dict, key: str, value):
    if value not in (None, "", [], {}):
        out[key] = value


def law_document(law: Law) -> dict:
    out: dict = {"citation": law.citation}
    _put(out, "former_citations", list(law.former_citations))
    out |= {
        "title": law.title,
        "kind": law.kind,
        "specific": law.specific,
        "status": law.status,
    }
    acts = []
    for act in law.acts.all():
        item = {"name": act.name}
        _put(item, "date", _partial(act.date, act.date_precision))
        item["role"] = act.role
        _put(item, "url", act.url)
        _put(item, "note", act.note)
        acts.append(item)
    _put(out, "acts", acts)
    _put(out, "enacted", _partial(law.enacted, law.enacted_precision))
    _put(out, "effective", _partial(law.effective, law.effective_precision))
    out["covers"] = {name: getattr(law, f"covers_{name}") for name in COVERS}
    if law.minors_only:
        out["minors_only"] = True
    for name in ("intent", "penalty", "remedies", "limitation_period"):
        _put(out, name, getattr(law, name))
    out["summary"] = law.summary
    _put(out, "excerpt", law.excerpt)
    _put(out, "notes", law.notes)
    out["sources"] = [
        {"url": s.url, "title": s.title, "official": s.official} for s in law.sources.all()
    ]
    out["verification"] = law.verification
    out["last_verified"] = law.last_verified
    return out


def resource_document(resource: Resource, *, shared: bool) -> dict:
    out: dict = {
        "name": resource.name,
        "kind": resource.kind,
        "description": resource.description,
        "serves": resource.serves,
    }
    for name in ("url", "phone", "hours"):
        _put(out, name, getattr(resource, name))
    if resource.audience != "everyone":
        out["audience"] = resource.audience
    if shared:
        areas = sorted(a.code for a in resource.areas.all())
        out["areas"] = (["*"] if resource.everywhere else []) + areas
    out["verification"] = resource.verification
    out["last_verified"] = resource.last_verified
    return out


def jurisdiction_document(j: Jurisdiction) -> dict:
    out: dict = {"code": j.code, "name": j.name, "level": j.level}
    _put(out, "parent", j.parent_id)
    _put(out, "aliases", list(j.aliases))
    out["laws"] = [law_document(law) for law in j.laws.all()]
    resources = [resource_document(r, shared=False) for r in j.home_resources.all()]
    _put(out, "resources", resources)
    return out


def export(root: Path) -> list[Path]:
    """Write every jurisdiction and resource collection under `root`; return the paths written."""
    root = Path(root)
    written = []
    jurisdictions = Jurisdiction.objects.prefetch_related(
        "laws__acts", "laws__sources", "home_resources"
    ).order_by("code")
    for j in jurisdictions:
        path = root / "jurisdictions" / j.country_code / f"{j.code}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(jurisdiction_document(j)), encoding="utf-8")
        written.append(path)
    collections: dict[str, list[Resource]] = {}
    for r in Resource.objects.filter(home__isnull=True).prefetch_related("areas"):
        collections.setdefault(r.collection, []).append(r)
    for name, resources in sorted(collections.items()):
        path = root / "resources" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        document = {"resources": [resource_document(r, shared=True) for r in resources]}
        path.write_text(dump(document), encoding="utf-8")
        written.append(path)
    return written
