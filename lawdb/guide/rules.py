"""Which laws and resources fit a person's situation, and why.

The rules read only the laws' structured fields (kind, status, what they cover, whom they
protect) and the resources' kind and audience: no place is named here, so a new jurisdiction's
file is enough for the guide to speak for it."""

from dataclasses import dataclass, field

from lawdb.laws.models import Audience, Jurisdiction, Kind, Law, Resource, ResourceKind, Status

IMAGES = {
    "authentic": "A real image",
    "synthetic": "A fake or AI-made image",
    "unknown": "Not sure",
}
AGES = {"adult": "18 or older", "minor": "Under 18"}
ACTS = {
    "shared": "It was shared or posted",
    "threatened": "Someone threatened to share it",
    "created": "Someone made a fake of me",
    "sold": "It was sold or used for money",
}


@dataclass
class Situation:
    live_in: Jurisdiction
    other_in: Jurisdiction | None = None
    image: str = "unknown"
    age: str = "adult"
    acts: frozenset[str] = frozenset({"shared"})

    @classmethod
    def from_answers(cls, *, live_in, other_in=None, image="", age="", acts=()) -> "Situation":
        """A situation from a form's answers; what was left blank takes the default."""
        return cls(
            live_in=live_in,
            other_in=other_in,
            image=image or "unknown",
            age=age or "adult",
            acts=frozenset(acts or ["shared"]),
        )

    def places(self) -> list[Jurisdiction]:
        """The person's place and its parents, then the other person's, without repeats."""
        seen, out = set(), []
        for start in (self.live_in, self.other_in):
            for j in start.lineage() if start else []:
                if j.code not in seen:
                    seen.add(j.code)
                    out.append(j)
        return out


@dataclass
class LawMatch:
    law: Law
    reasons: list[str]
    cautions: list[str] = field(default_factory=list)


@dataclass
class ResourceMatch:
    resource: Resource
    reasons: list[str]


def match_law(law: Law, s: Situation) -> LawMatch | None:
    """Why `law` may help in situation `s`, or None when its fields say it does not apply."""
    reasons, cautions = [], []
    if law.minors_only and s.age != "minor":
        return None
    if s.age == "minor" and law.covers_minors:
        reasons.append("you were under 18")

    if s.image == "synthetic":
        if not law.covers_synthetic:
            if law.specific:
                return None
        else:
            reasons.append("its text covers altered or AI-made images")
    elif s.image == "authentic":
        if not law.covers_authentic and law.specific:
            return None
        if law.covers_authentic:
            reasons.append("it covers real images")
    else:
        if law.covers_synthetic:
            reasons.append(
                "it covers real and altered images"
                if law.covers_authentic
                else "it covers altered or AI-made images"
            )
        elif law.covers_authentic:
            reasons.append("it covers real images")
            cautions.append("Its text does not mention altered or AI-made images.")

    acts_reasons = []
    if "threatened" in s.acts and law.covers_threats:
        acts_reasons.append("it covers threats to share")
    if "created" in s.acts and law.covers_creation:
        acts_reasons.append("it covers making the image")
    if law.kind == Kind.PLATFORM_DUTY and s.acts & {"shared", "sold"}:
        acts_reasons.append("websites and apps must remove images like this")
    if law.kind == Kind.CIVIL and law.specific:
        acts_reasons.append("you can ask a court for money or an order")
    if law.kind == Kind.CRIMINAL and s.acts & {"shared", "sold"}:
        acts_reasons.append("it is a criminal law you can report under")
    general_fits = ("threatened" in s.acts and law.covers_threats) or (
        s.age == "minor" and law.covers_minors
    )
    if not law.specific and not general_fits:
        # a general law (extortion, child abuse images) is offered where its fields say it fits
        return None
    if not acts_reasons:
        return None
    if law.status != Status.IN_FORCE:
        cautions.append(f"This is {law.get_status_display().lower()}, not law in force.")
    return LawMatch(law, reasons + acts_reasons, cautions)


def match_resource(resource: Resource, s: Situation) -> ResourceMatch | None:
    if resource.audience == Audience.ADULTS and s.age == "minor":
        return None
    if resource.audience == Audience.MINORS and s.age != "minor":
        return None
    reasons = []
    if resource.audience == Audience.MINORS:
        reasons.append("for images taken before 18")
    elif resource.audience == Audience.ADULTS:
        reasons.append("for adults' images")
    if resource.kind == ResourceKind.TAKEDOWN:
        reasons.append("helps get images removed")
    return ResourceMatch(resource, reasons)


def laws_for(s: Situation) -> list[tuple[Jurisdiction, list[LawMatch]]]:
    places = s.places()
    laws = (
        Law.objects.filter(jurisdiction__in=[j.code for j in places])
        .exclude(status__in=[Status.REPEALED, Status.FAILED])
        .with_related()
        .order_by("jurisdiction_id", "position")
    )
    by_place: dict[str, list[LawMatch]] = {j.code: [] for j in places}
    for law in laws:
        found = match_law(law, s)
        if found:
            by_place[law.jurisdiction_id].append(found)
    kind_order = {Kind.CRIMINAL: 0, Kind.CIVIL: 1, Kind.PLATFORM_DUTY: 2, Kind.ADMINISTRATIVE: 3}
    for matches in by_place.values():
        matches.sort(key=lambda m: (m.law.status != Status.IN_FORCE, kind_order[m.law.kind]))
    return [(j, by_place[j.code]) for j in places]


def resources_for(s: Situation) -> list[ResourceMatch]:
    resources = Resource.objects.serving(s.places()).order_by("position", "name")
    return [m for r in resources if (m := match_resource(r, s))]
