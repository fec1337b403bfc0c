"""Loads the curated YAML files into the database.

Every file is read and checked before anything is written; then everything is written in one
transaction. Re-running is safe: records are matched on their natural keys (a jurisdiction's code,
a law's jurisdiction and citation, a resource's key) and the report says what was created,
updated, unchanged or deleted. The files are the source of truth: what they no longer hold is
deleted.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction

from lawdb.search import index as search_index

from . import schema
from .models import Act, Jurisdiction, Law, Level, Resource, Source


class LoadError(Exception):  # noqa: N818 (it is what a curator sees)
    def __init__(self, errors: list[schema.DataError]):
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors)
        super().__init__(f"{len(errors)} problem(s) in the data; nothing was loaded:\n{lines}")


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    warnings: list = field(default_factory=list)

    def add(self, kind: str, outcome: str):
        self.counts[(kind, outcome)] += 1

    def lines(self) -> list[str]:
        out = []
        for kind in ("jurisdictions", "laws", "resources"):
            parts = [
                f"{self.counts[(kind, o)]} {o}"
                for o in ("created", "updated", "unchanged", "deleted")
                if self.counts[(kind, o)]
            ]
            out.append(f"{kind}: {', '.join(parts) or 'none'}")
        return out


@dataclass
class Dataset:
    jurisdictions: list[schema.JurisdictionRecord]
    collections: list[schema.CollectionRecord]
    warnings: list[schema.DataError] = field(default_factory=list)


def read_dataset(
    root: Path, *, today: datetime.date | None = None, strict: bool = False
) -> Dataset:
    """Read and check every file under `root`; raise LoadError listing every problem found.
    With strict, what is otherwise a warning (a law without an official source) is an error."""
    today = today or datetime.date.today()
    errors: list[schema.DataError] = []
    warnings: list[schema.DataError] = []
    jurisdictions, collections = [], []
    root = Path(root)
    if not root.is_dir():
        raise LoadError([schema.DataError(str(root), None, None, "no such folder")])
    for path in sorted((root / "jurisdictions").glob("**/*.y*ml")):
        data, problem = _parse(path, root)
        if problem:
            errors.append(problem)
            continue
        record, found = schema.check_jurisdiction_file(path, data, root, today)
        errors.extend(found.errors)
        warnings.extend(found.warnings)
        if record is not None:
            jurisdictions.append(record)
    for path in sorted((root / "resources").glob("*.y*ml")):
        data, problem = _parse(path, root)
        if problem:
            errors.append(problem)
            continue
        record, found = schema.check_collection_file(path, data, root, today)
        errors.extend(found.errors)
        warnings.extend(found.warnings)
        if record is not None:
            collections.append(record)
    errors.extend(_check_across_files(jurisdictions, collections))
    if strict:
        errors.extend(warnings)
    if errors:
        raise LoadError(errors)
    return Dataset(jurisdictions, collections, warnings)


def _parse(path: Path, root: Path):
    rel = str(path.relative_to(root.parent))
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle), None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        message = f"is not valid YAML: {getattr(exc, 'problem', None) or exc}"
        return None, schema.DataError(rel, where, None, message)
    except UnicodeDecodeError as exc:
        return None, schema.DataError(rel, None, None, f"is not UTF-8 text: {exc}")


def _check_across_files(jurisdictions, collections) -> list[schema.DataError]:
    errors = []
    by_code: dict[str, schema.JurisdictionRecord] = {}
    for j in jurisdictions:
        if j.code in by_code:
            errors.append(
                schema.DataError(
                    j.path, None, "code", f"{j.code} is also in {by_code[j.code].path}"
                )
            )
        by_code.setdefault(j.code, j)
    for j in jurisdictions:
        if j.parent and j.parent not in by_code:
            errors.append(schema.DataError(j.path, None, "parent", f"no file for {j.parent!r}"))
        if j.parent == j.code:
            errors.append(schema.DataError(j.path, None, "parent", "cannot be itself"))
    law_keys: dict[str, str] = {}
    for j in jurisdictions:
        for law in j.laws:
            if law.key in law_keys and law_keys[law.key] != j.path:
                errors.append(
                    schema.DataError(
                        j.path,
                        law.citation,
                        "citation",
                        f"same key as a law in {law_keys[law.key]}",
                    )
                )
            law_keys.setdefault(law.key, j.path)
    for j in jurisdictions:  # an old permalink must lead to one law, never shadow a current one
        for law in j.laws:
            for former, key in zip(law.former_citations, law.former_keys, strict=True):
                if key in law_keys:
                    errors.append(
                        schema.DataError(
                            j.path,
                            law.citation,
                            "former_citations",
                            f"{former!r} has the permalink of a current law in {law_keys[key]}",
                        )
                    )
                law_keys[key] = j.path
    resource_keys: dict[str, str] = {}
    for owner in [*jurisdictions, *collections]:
        for r in owner.resources:
            if r.key in resource_keys:
                errors.append(
                    schema.DataError(
                        owner.path,
                        r.name,
                        "name",
                        f"same name as a resource in {resource_keys[r.key]}",
                    )
                )
            resource_keys.setdefault(r.key, owner.path)
    for collection in collections:
        for r in collection.resources:
            for area in r.areas:
                if area not in by_code:
                    errors.append(
                        schema.DataError(collection.path, r.name, "areas", f"no file for {area!r}")
                    )
    return errors


def load(root: Path, *, today: datetime.date | None = None, strict: bool = False) -> Report:
    dataset = read_dataset(root, today=today, strict=strict)
    report = write_dataset(dataset)
    report.warnings = dataset.warnings
    return report


def _depth(record, by_code) -> int:
    depth, seen = 0, set()
    while record.parent and record.parent in by_code and record.code not in seen:
        seen.add(record.code)
        record = by_code[record.parent]
        depth += 1
    return depth


def write_dataset(dataset: Dataset) -> Report:
    with search_index.deferred():  # one refresh at the end, not one per saved row
        return _write_dataset(dataset)


@transaction.atomic
def _write_dataset(dataset: Dataset) -> Report:
    report = Report()
    by_code = {j.code: j for j in dataset.jurisdictions}
    existing = {j.code: j for j in Jurisdiction.objects.all()}
    for record in sorted(dataset.jurisdictions, key=lambda r: (_depth(r, by_code), r.code)):
        values = {
            "name": record.name,
            "level": record.level,
            "parent_id": record.parent,
            "aliases": record.aliases,
        }
        obj = existing.get(record.code)
        if obj is None:
            Jurisdiction.objects.create(code=record.code, **values)
            report.add("jurisdictions", "created")
        elif any(getattr(obj, k) != v for k, v in values.items()):
            Jurisdiction.objects.filter(pk=obj.pk).update(**values)
            report.add("jurisdictions", "updated")
        else:
            report.add("jurisdictions", "unchanged")

    _write_laws(dataset, report)
    _write_resources(dataset, report)
    search_index.refresh()

    stale = Jurisdiction.objects.exclude(code__in=by_code)
    # children before parents, so PROTECT on parent never trips
    for level in (Level.SUBNATIONAL, Level.NATIONAL, Level.SUPRANATIONAL):
        for obj in stale.filter(level=level):
            obj.delete()
            report.add("jurisdictions", "deleted")
    return report


def _law_values(record: schema.LawRecord, position: int) -> dict:
    def date_pair(partial, name):
        if partial is None:
            return {name: None, f"{name}_precision": "day"}
        return {name: partial.value, f"{name}_precision": partial.precision}

    return {
        "key": record.key,
        "title": record.title,
        "kind": record.kind,
        "specific": record.specific,
        "status": record.status,
        **date_pair(record.enacted, "enacted"),
        **date_pair(record.effective, "effective"),
        **{f"covers_{name}": value for name, value in record.covers.items()},
        "minors_only": record.minors_only,
        "intent": record.intent,
        "penalty": record.penalty,
        "remedies": record.remedies,
        "limitation_period": record.limitation_period,
        "summary": record.summary,
        "excerpt": record.excerpt,
        "notes": record.notes,
        "former_citations": record.former_citations,
        "former_keys": record.former_keys,
        "verification": record.verification,
        "last_verified": record.last_verified,
        "position": position,
    }


def _act_rows(record):
    return [
        (
            a.name,
            a.date.value if a.date else None,
            a.date.precision if a.date else "day",
            a.role,
            a.url,
            a.note,
        )
        for a in record.acts
    ]


def _source_rows(record):
    return [(s.url, s.title, s.official) for s in record.sources]


def _write_laws(dataset: Dataset, report: Report):
    existing = {
        (law.jurisdiction_id, law.citation): law
        for law in Law.objects.prefetch_related("acts", "sources")
    }
    seen = set()
    for j in dataset.jurisdictions:
        for position, record in enumerate(j.laws):
            natural = (j.code, record.citation)
            seen.add(natural)
            values = _law_values(record, position)
            law = existing.get(natural)
            if law is None:
                law = Law.objects.create(jurisdiction_id=j.code, citation=record.citation, **values)
                _replace_children(law, record)
                report.add("laws", "created")
                continue
            same_fields = all(getattr(law, k) == v for k, v in values.items())
            same_acts = [
                (a.name, a.date, a.date_precision, a.role, a.url, a.note) for a in law.acts.all()
            ] == _act_rows(record)
            same_sources = [
                (s.url, s.title, s.official) for s in law.sources.all()
            ] == _source_rows(record)
            if same_fields and same_acts and same_sources:
                report.add("laws", "unchanged")
                continue
            Law.objects.filter(pk=law.pk).update(**values)
            _replace_children(law, record)
            report.add("laws", "updated")
    for natural, law in existing.items():
        if natural not in seen:
            law.delete()
            report.add("laws", "deleted")


def _replace_children(law: Law, record: schema.LawRecord):
    law.acts.all().delete()
    law.sources.all().delete()
    Act.objects.bulk_create(
        Act(law=law, name=n, date=d, date_precision=p, role=r, url=u, note=note, position=i)
        for i, (n, d, p, r, u, note) in enumerate(_act_rows(record))
    )
    Source.objects.bulk_create(
        Source(law=law, url=u, title=t, official=o, position=i)
        for i, (u, t, o) in enumerate(_source_rows(record))
    )


def _write_resources(dataset: Dataset, report: Report):
    existing = {r.key: r for r in Resource.objects.prefetch_related("areas")}
    owners = [(j.code, "", j.resources) for j in dataset.jurisdictions] + [
        (None, c.name, c.resources) for c in dataset.collections
    ]
    seen = set()
    for home, collection, records in owners:
        for position, record in enumerate(records):
            seen.add(record.key)
            values = {
                "name": record.name,
                "kind": record.kind,
                "description": record.description,
                "serves": record.serves,
                "url": record.url,
                "phone": record.phone,
                "hours": record.hours,
                "audience": record.audience,
                "verification": record.verification,
                "last_verified": record.last_verified,
                "home_id": home,
                "collection": collection,
                "everywhere": record.everywhere,
                "position": position,
            }
            obj = existing.get(record.key)
            if obj is None:
                obj = Resource.objects.create(key=record.key, **values)
                obj.areas.set(record.areas)
                report.add("resources", "created")
            elif any(getattr(obj, k) != v for k, v in values.items()) or sorted(
                a.code for a in obj.areas.all()
            ) != sorted(record.areas):
                Resource.objects.filter(pk=obj.pk).update(**values)
                obj.areas.set(record.areas)
                report.add("resources", "updated")
            else:
                report.add("resources", "unchanged")
    for key, obj in existing.items():
        if key not in seen:
            obj.delete()
            report.add("resources", "deleted")
