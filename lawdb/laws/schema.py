"""The curated files' schema: turns parsed YAML into checked records, or into errors that name the
file, the record and the field. Nothing here touches the database."""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .models import (
    JURISDICTION_CODE_RE,
    ActRole,
    Audience,
    Kind,
    Level,
    Precision,
    ResourceKind,
    Status,
    Verification,
    make_law_key,
)

COVERS = ("authentic", "synthetic", "threats", "creation", "minors")
LAW_TEXT_FIELDS = ("intent", "penalty", "remedies", "limitation_period", "excerpt", "notes")
JURISDICTION_KEYS = {"code", "name", "level", "parent", "aliases", "laws", "resources"}
LAW_KEYS = {
    "minors_only",
    "citation",
    "former_citations",
    "title",
    "kind",
    "specific",
    "status",
    "acts",
    "enacted",
    "effective",
    "covers",
    "summary",
    "sources",
    "verification",
    "last_verified",
    *LAW_TEXT_FIELDS,
}
ACT_KEYS = {"name", "date", "role", "url", "note"}
SOURCE_KEYS = {"url", "title", "official"}
RESOURCE_KEYS = {
    "audience",
    "name",
    "kind",
    "description",
    "serves",
    "url",
    "phone",
    "hours",
    "verification",
    "last_verified",
    "areas",
}
PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class DataError:
    file: str
    record: str | None
    field: str | None
    message: str

    def __str__(self):
        where = [self.file]
        if self.record:
            where.append(self.record)
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: {self.message}"


@dataclass
class PartialDate:
    value: datetime.date
    precision: str


@dataclass
class ActRecord:
    name: str
    role: str
    date: PartialDate | None = None
    url: str = ""
    note: str = ""


@dataclass
class SourceRecord:
    url: str
    title: str
    official: bool


@dataclass
class LawRecord:
    key: str
    citation: str
    title: str
    kind: str
    specific: bool
    status: str
    covers: dict[str, bool]
    summary: str
    verification: str
    last_verified: datetime.date
    sources: list[SourceRecord]
    acts: list[ActRecord] = field(default_factory=list)
    enacted: PartialDate | None = None
    effective: PartialDate | None = None
    minors_only: bool = False
    intent: str = ""
    penalty: str = ""
    remedies: str = ""
    limitation_period: str = ""
    excerpt: str = ""
    notes: str = ""
    former_citations: list[str] = field(default_factory=list)  # earlier, corrected forms
    former_keys: list[str] = field(default_factory=list)  # their permalinks, which redirect


@dataclass
class ResourceRecord:
    key: str
    name: str
    kind: str
    description: str
    serves: str
    verification: str
    last_verified: datetime.date
    url: str = ""
    phone: str = ""
    hours: str = ""
    audience: str = "everyone"
    areas: list[str] = field(default_factory=list)
    everywhere: bool = False


@dataclass
class JurisdictionRecord:
    code: str
    name: str
    level: str
    parent: str | None
    aliases: list[str]
    laws: list[LawRecord]
    resources: list[ResourceRecord]
    path: str


@dataclass
class CollectionRecord:
    name: str
    resources: list[ResourceRecord]
    path: str


def slugify_key(*parts: str) -> str:
    return make_law_key(parts[0], " ".join(parts[1:]))


class _Checker:
    """Reads one file's data, collecting errors instead of stopping at the first."""

    def __init__(self, file: str, today: datetime.date):
        self.file = file
        self.today = today
        self.errors: list[DataError] = []
        self.warnings: list[DataError] = []

    def error(self, record, field_name, message):
        self.errors.append(DataError(self.file, record, field_name, message))

    def warn(self, record, field_name, message):
        self.warnings.append(DataError(self.file, record, field_name, message))

    def mapping(self, data, record, allowed: set[str]) -> dict | None:
        if not isinstance(data, dict):
            self.error(record, None, f"expected a mapping, found {type(data).__name__}")
            return None
        for unknown in sorted(set(data) - allowed, key=str):
            self.error(record, str(unknown), f"unknown field (known: {', '.join(sorted(allowed))})")
        return data

    def text(self, data, record, name, *, required=False, max_length=None) -> str:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.error(record, name, "is required")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(record, name, f"must be text, found {type(value).__name__}")
            return ""
        value = str(value).strip()
        if max_length and len(value) > max_length:
            self.error(record, name, f"is {len(value)} characters; the most is {max_length}")
        return value

    def boolean(self, data, record, name) -> bool:
        value = data.get(name)
        if not isinstance(value, bool):
            self.error(record, name, f"must be true or false, found {value!r}")
            return False
        return value

    def choice(self, data, record, name, choices) -> str:
        value = self.text(data, record, name, required=True)
        if value and value not in choices.values:
            self.error(record, name, f"{value!r} is not one of {', '.join(choices.values)}")
        return value

    def partial_date(self, data, record, name, *, required=False) -> PartialDate | None:
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.error(record, name, "is required")
            return None
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return PartialDate(value, Precision.DAY)
        match = PARTIAL_DATE_RE.match(str(value).strip()) if not isinstance(value, bool) else None
        if not match:
            self.error(record, name, f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            return None
        year, month, day = match.groups()
        try:
            parsed = datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError as exc:
            self.error(record, name, f"{value!r} is not a real date ({exc})")
            return None
        precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
        return PartialDate(parsed, precision)

    def day(self, data, record, name) -> datetime.date | None:
        parsed = self.partial_date(data, record, name, required=True)
        if parsed is None:
            return None
        if parsed.precision != Precision.DAY:
            self.error(record, name, "must be a full date, YYYY-MM-DD")
            return None
        if parsed.value > self.today:
            self.error(record, name, f"{parsed.value} is in the future")
        return parsed.value

    def url(self, data, record, name, *, required=False) -> str:
        value = self.text(data, record, name, required=required, max_length=500)
        if value:
            parts = urlsplit(value)
            if parts.scheme not in {"http", "https"} or not parts.netloc or " " in value:
                self.error(record, name, f"{value!r} is not an http(s) URL")
        return value

    def items(self, data, record, name) -> list:
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(record, name, f"must be a list, found {type(value).__name__}")
            return []
        return value


def check_jurisdiction_file(path: Path, data, root: Path, today: datetime.date):
    rel = str(path.relative_to(root.parent)) if root.parent in path.parents else str(path)
    c = _Checker(rel, today)
    data = c.mapping(data, None, JURISDICTION_KEYS)
    if data is None:
        return None, c
    code = c.text(data, None, "code", required=True)
    if code and not re.match(JURISDICTION_CODE_RE, code):
        c.error(None, "code", f"{code!r} is not an ISO 3166 code (US, US-VA, GB-SCT) or EU")
    if code and path.stem != code:
        c.error(None, "code", f"{code!r} does not match the file name {path.name}")
    if code and path.parent.name != code.split("-")[0]:
        c.error(None, "code", f"a file for {code} belongs in jurisdictions/{code.split('-')[0]}/")
    name = c.text(data, None, "name", required=True, max_length=120)
    level = c.choice(data, None, "level", Level)
    parent = c.text(data, None, "parent") or None
    if level == Level.SUBNATIONAL and not parent:
        c.error(None, "parent", "a subnational jurisdiction needs its parent")
    aliases = [str(a).strip() for a in c.items(data, None, "aliases")]

    laws, citations = [], {}
    for index, raw in enumerate(c.items(data, None, "laws")):
        law = _check_law(c, raw, index, code)
        if law is None:
            continue
        if law.citation in citations:
            c.error(
                f"laws[{index}] ({law.citation})",
                "citation",
                f"duplicates laws[{citations[law.citation]}] in this file",
            )
        citations.setdefault(law.citation, index)
        laws.append(law)
    resources = [
        r
        for index, raw in enumerate(c.items(data, None, "resources"))
        if (r := _check_resource(c, raw, index, home=code)) is not None
    ]
    record = JurisdictionRecord(code, name, level, parent, aliases, laws, resources, rel)
    return record, c


def _coarse(date: PartialDate, other: PartialDate) -> tuple:
    """The date cut to the coarser of the two precisions, for comparing them fairly."""
    order = [Precision.YEAR, Precision.MONTH, Precision.DAY]
    precision = min(order.index(date.precision), order.index(other.precision))
    return (date.value.year, date.value.month, date.value.day)[: precision + 1]


def _check_law(c: _Checker, raw, index: int, code: str) -> LawRecord | None:
    label = f"laws[{index}]"
    if isinstance(raw, dict) and raw.get("citation"):
        label = f"laws[{index}] ({raw['citation']})"
    data = c.mapping(raw, label, LAW_KEYS)
    if data is None:
        return None
    citation = c.text(data, label, "citation", required=True, max_length=255)
    covers_raw = c.mapping(data.get("covers"), label, set(COVERS)) if "covers" in data else None
    if "covers" not in data:
        c.error(label, "covers", "is required")
    covers = {}
    for name in COVERS:
        if covers_raw is not None:
            if name not in covers_raw:
                c.error(label, f"covers.{name}", "is required (true or false)")
            covers[name] = c.boolean(covers_raw, label, name) if name in covers_raw else False

    sources = []
    for s_index, s_raw in enumerate(c.items(data, label, "sources")):
        s_label = f"{label} sources[{s_index}]"
        s_data = c.mapping(s_raw, s_label, SOURCE_KEYS)
        if s_data is None:
            continue
        sources.append(
            SourceRecord(
                url=c.url(s_data, s_label, "url", required=True),
                title=c.text(s_data, s_label, "title", required=True, max_length=300),
                official=c.boolean(s_data, s_label, "official"),
            )
        )
    if not sources:
        c.error(label, "sources", "needs at least one source")
    elif not any(s.official for s in sources):
        # The standard asks for the official text's URL on every law. A record read only in a
        # verbatim reproduction loads, flagged, until its official page is found.
        c.warn(label, "sources", "has no official source (official: true)")

    acts = []
    for a_index, a_raw in enumerate(c.items(data, label, "acts")):
        a_label = f"{label} acts[{a_index}]"
        a_data = c.mapping(a_raw, a_label, ACT_KEYS)
        if a_data is None:
            continue
        acts.append(
            ActRecord(
                name=c.text(a_data, a_label, "name", required=True, max_length=255),
                role=c.choice(a_data, a_label, "role", ActRole),
                date=c.partial_date(a_data, a_label, "date"),
                url=c.url(a_data, a_label, "url"),
                note=c.text(a_data, a_label, "note"),
            )
        )

    minors_only = c.boolean(data, label, "minors_only") if "minors_only" in data else False
    if minors_only and not covers.get("minors"):
        c.error(label, "minors_only", "a law only for minors must have covers.minors: true")
    former = []
    for f_index, f_raw in enumerate(c.items(data, label, "former_citations")):
        if not isinstance(f_raw, str) or not f_raw.strip():
            c.error(label, f"former_citations[{f_index}]", "must be a citation (text)")
        elif f_raw.strip() == citation or f_raw.strip() in former:
            c.error(label, f"former_citations[{f_index}]", f"repeats {f_raw.strip()!r}")
        else:
            former.append(f_raw.strip())
    enacted = c.partial_date(data, label, "enacted")
    effective = c.partial_date(data, label, "effective")
    if enacted and effective and _coarse(effective, enacted) < _coarse(enacted, effective):
        c.error(label, "effective", f"{effective.value} is before enacted {enacted.value}")
    law = LawRecord(
        key=make_law_key(code or "", citation),
        citation=citation,
        title=c.text(data, label, "title", required=True, max_length=300),
        kind=c.choice(data, label, "kind", Kind),
        specific=c.boolean(data, label, "specific"),
        status=c.choice(data, label, "status", Status),
        covers=covers,
        summary=c.text(data, label, "summary", required=True),
        verification=c.choice(data, label, "verification", Verification),
        last_verified=c.day(data, label, "last_verified"),
        sources=sources,
        acts=acts,
        enacted=enacted,
        effective=effective,
        minors_only=minors_only,
        former_citations=former,
        former_keys=[make_law_key(code or "", f) for f in former],
        **{name: c.text(data, label, name) for name in LAW_TEXT_FIELDS},
    )
    return law


def _check_resource(c: _Checker, raw, index: int, *, home: str | None) -> ResourceRecord | None:
    label = f"resources[{index}]"
    if isinstance(raw, dict) and raw.get("name"):
        label = f"resources[{index}] ({raw['name']})"
    data = c.mapping(raw, label, RESOURCE_KEYS)
    if data is None:
        return None
    name = c.text(data, label, "name", required=True, max_length=200)
    areas = [str(a).strip() for a in c.items(data, label, "areas")]
    if home is not None and areas:
        c.error(label, "areas", "a resource in a jurisdiction's file serves that jurisdiction")
    if home is None and not areas:
        c.error(label, "areas", "is required in a shared resources file (['*'] for everywhere)")
    url = c.url(data, label, "url")
    phone = c.text(data, label, "phone", max_length=80)
    if not url and not phone:
        c.error(label, "url", "a resource needs a URL or a phone number")
    return ResourceRecord(
        key=slugify_key(home or c.file.rsplit("/", 1)[-1].removesuffix(".yaml"), name),
        name=name,
        kind=c.choice(data, label, "kind", ResourceKind),
        description=c.text(data, label, "description", required=True),
        serves=c.text(data, label, "serves", required=True, max_length=300),
        verification=c.choice(data, label, "verification", Verification),
        last_verified=c.day(data, label, "last_verified"),
        url=url,
        phone=phone,
        hours=c.text(data, label, "hours", max_length=200),
        audience=c.choice(data, label, "audience", Audience) if "audience" in data else "everyone",
        areas=[a for a in areas if a != "*"] if home is None else [home],
        everywhere="*" in areas,
    )


def check_collection_file(path: Path, data, root: Path, today: datetime.date):
    rel = str(path.relative_to(root.parent)) if root.parent in path.parents else str(path)
    c = _Checker(rel, today)
    data = c.mapping(data, None, {"resources"})
    if data is None:
        return None, c
    resources = [
        r
        for index, raw in enumerate(c.items(data, None, "resources"))
        if (r := _check_resource(c, raw, index, home=None)) is not None
    ]
    return CollectionRecord(path.stem, resources, rel), c
