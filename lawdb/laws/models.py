"""The atlas's data model: jurisdictions, the laws that apply in them, the acts that made those
laws, their sources, and the resources that help people act on them."""

import datetime
import re

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse

from lawdb.search.expressions import weighted_document

from .querysets import LawManager, ResourceQuerySet

JURISDICTION_CODE_RE = r"^(EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$"


class Level(models.TextChoices):
    SUPRANATIONAL = "supranational", "Supranational"
    NATIONAL = "national", "National"
    SUBNATIONAL = "subnational", "State, province or territory"


class Kind(models.TextChoices):
    CRIMINAL = "criminal", "Criminal offence"
    CIVIL = "civil", "Civil action"
    PLATFORM_DUTY = "platform_duty", "Duty on platforms"
    ADMINISTRATIVE = "administrative", "Administrative scheme"


class Status(models.TextChoices):
    IN_FORCE = "in_force", "In force"
    PENDING = "pending", "Pending"
    REPEALED = "repealed", "Repealed"
    FAILED = "failed", "Failed"


class Verification(models.TextChoices):
    VERIFIED = "verified", "Verified against the text"
    SECONDARY = "secondary", "From a secondary source"
    UNVERIFIED = "unverified", "Not verified"


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class ActRole(models.TextChoices):
    ENACTED = "enacted", "Enacted"
    AMENDED = "amended", "Amended"
    INTRODUCED = "introduced", "Introduced"
    REPEALED = "repealed", "Repealed"


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    ADULTS = "adults", "Adults (images taken at 18 or over)"
    MINORS = "minors", "Minors (images taken under 18)"


class ResourceKind(models.TextChoices):
    HELPLINE = "helpline", "Helpline"
    TAKEDOWN = "takedown", "Takedown tool"
    REGULATOR = "regulator", "Regulator"
    POLICE = "police", "Police or reporting route"
    LEGAL_AID = "legal_aid", "Legal aid"
    VICTIM_SERVICES = "victim_services", "Victim services"


def choices_check(field: str, choices: type[models.TextChoices], name: str):
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=name)


def format_partial_date(value: datetime.date | None, precision: str) -> str | None:
    """'2014', '2014-03' or '2014-03-31': a date shown no more precisely than it is known."""
    if value is None:
        return None
    if precision == Precision.YEAR:
        return f"{value.year:04d}"
    if precision == Precision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


class Jurisdiction(models.Model):
    code = models.CharField(
        primary_key=True,
        max_length=8,
        help_text="ISO 3166 code (US, US-VA, GB-SCT, AU-NSW), or EU for the European Union.",
    )
    name = models.CharField(max_length=120, help_text="The jurisdiction's name in English.")
    level = models.CharField(
        max_length=16,
        choices=Level.choices,
        help_text="Supranational (EU), national (a country) or subnational (state, province).",
    )
    # PROTECT: a country cannot vanish from under its states; reference data is never cascaded.
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The jurisdiction whose laws also apply here (a state's country).",
    )
    aliases = ArrayField(
        models.CharField(max_length=60),
        default=list,
        blank=True,
        help_text="Other names people use: postal abbreviations, short forms (VA, UK, NSW).",
    )

    class Meta:
        ordering = ["code"]
        constraints = [
            choices_check("level", Level, "jurisdiction_level_valid"),
            models.CheckConstraint(
                condition=Q(code__regex=JURISDICTION_CODE_RE), name="jurisdiction_code_iso"
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("code")), name="jurisdiction_not_own_parent"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    def get_absolute_url(self):
        return reverse("web:jurisdiction", kwargs={"code": self.code})

    @property
    def country_code(self) -> str:
        return self.code.split("-")[0]

    def lineage(self) -> list["Jurisdiction"]:
        """This jurisdiction, then its parent, then the parent's parent."""
        chain, node = [], self
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain


class Law(models.Model):
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,  # laws are the product; deleting a place must not take them
        related_name="laws",
        help_text="Where the law applies.",
    )
    key = models.SlugField(
        max_length=160,
        unique=True,
        help_text="Stable identifier, made from the jurisdiction code and the citation; used in "
        "permalinks and the API.",
    )
    citation = models.CharField(
        max_length=255,
        help_text="Official citation (Va. Code Ann. § 18.2-386.2, 15 U.S.C. § 6851, "
        "Sexual Offences Act 2003, s. 66B).",
    )
    title = models.CharField(max_length=300, help_text="The section's heading or the act's title.")
    kind = models.CharField(
        max_length=16,
        choices=Kind.choices,
        help_text="Criminal offence, civil action, duty on platforms or administrative scheme.",
    )
    specific = models.BooleanField(
        help_text="True when the law was written for intimate-image abuse; false for a general "
        "law (harassment, extortion, privacy) that victims use."
    )
    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        help_text="In force, pending (a bill), repealed or failed.",
    )
    enacted = models.DateField(
        null=True, blank=True, help_text="The date it first became law (signed or made)."
    )
    enacted_precision = models.CharField(
        max_length=8,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text="How much of the enacted date is known: day, month or year.",
    )
    effective = models.DateField(null=True, blank=True, help_text="The date it first took effect.")
    effective_precision = models.CharField(
        max_length=8,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text="How much of the effective date is known: day, month or year.",
    )
    covers_authentic = models.BooleanField(help_text="Reaches real (unaltered) images.")
    covers_synthetic = models.BooleanField(
        help_text="The text itself reaches altered or generated images (deepfakes)."
    )
    covers_threats = models.BooleanField(help_text="Reaches threats to share an image.")
    covers_creation = models.BooleanField(
        help_text="Making the image (for example generating a deepfake) is itself covered."
    )
    covers_minors = models.BooleanField(help_text="Has a provision specific to images of minors.")
    minors_only = models.BooleanField(
        default=False,
        help_text="Protects only people under 18 (child sexual abuse material laws).",
    )
    intent = models.TextField(
        blank=True, help_text="The intent or consent element, in the text's own terms."
    )
    penalty = models.TextField(blank=True, help_text="The penalty as the text states it.")
    remedies = models.TextField(blank=True, help_text="Civil remedies as the text states them.")
    limitation_period = models.TextField(
        blank=True, help_text="Time limit to bring a case, as the text states it."
    )
    summary = models.TextField(help_text="Plain-language summary: what it forbids or allows.")
    excerpt = models.TextField(blank=True, help_text="Key operative words quoted from the text.")
    notes = models.TextField(
        blank=True,
        help_text="Provenance of anything not read in the operative text; readings by courts or "
        "commentators, labelled as such.",
    )
    verification = models.CharField(
        max_length=12,
        choices=Verification.choices,
        help_text="verified: the operative text was read; secondary: only a description was "
        "read; unverified: nothing was read.",
    )
    last_verified = models.DateField(help_text="The date the supporting text was last read.")
    position = models.PositiveIntegerField(
        default=0, help_text="Order within its jurisdiction's file."
    )
    search_places = models.TextField(
        blank=True,
        default="",
        help_text="Names and aliases of the places where the law applies; kept by the loader "
        "for search.",
    )
    search_vector = models.GeneratedField(
        expression=weighted_document(),
        output_field=SearchVectorField(),
        db_persist=True,
        help_text="Weighted full-text document, maintained by PostgreSQL.",
    )
    former_citations = ArrayField(
        models.CharField(max_length=255),
        blank=True,
        default=list,
        help_text="Citations this record was published under before a correction.",
    )
    former_keys = ArrayField(
        models.CharField(max_length=160),
        blank=True,
        default=list,
        editable=False,
        help_text="Permalinks of the former citations; they redirect to this law.",
    )
    search_concepts = ArrayField(
        models.CharField(max_length=20),
        blank=True,
        default=list,
        editable=False,
        help_text="The search vocabulary's concepts whose terms the document contains; kept by "
        "the loader, so that matching a concept needs no full-text check per law.",
    )

    objects = LawManager()

    class Meta:
        ordering = ["jurisdiction_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "citation"], name="law_citation_unique_in_jurisdiction"
            ),
            choices_check("kind", Kind, "law_kind_valid"),
            choices_check("status", Status, "law_status_valid"),
            choices_check("verification", Verification, "law_verification_valid"),
            choices_check("enacted_precision", Precision, "law_enacted_precision_valid"),
            choices_check("effective_precision", Precision, "law_effective_precision_valid"),
            models.CheckConstraint(condition=~Q(citation=""), name="law_citation_not_empty"),
            models.CheckConstraint(condition=~Q(summary=""), name="law_summary_not_empty"),
            models.CheckConstraint(
                condition=Q(minors_only=False) | Q(covers_minors=True),
                name="law_minors_only_covers_minors",
            ),
            models.CheckConstraint(
                condition=Q(enacted__isnull=True)
                | Q(effective__isnull=True)
                | Q(effective__gte=models.F("enacted"))
                # only the year may be known of one of them
                | Q(effective__year=models.F("enacted__year")),
                name="law_effective_not_before_enacted",
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "position"], name="law_jurisdiction_pos_idx"),
            models.Index(fields=["kind", "status"], name="law_kind_status_idx"),
            models.Index(fields=["enacted"], name="law_enacted_idx"),
            models.Index(fields=["verification"], name="law_verification_idx"),
            GinIndex(fields=["search_vector"], name="law_search_vector_idx"),
            GinIndex(fields=["search_concepts"], name="law_search_concepts_idx"),
            GinIndex(fields=["former_keys"], name="law_former_keys_idx"),
            GinIndex(OpClass("key", name="gin_trgm_ops"), name="law_key_trgm_idx"),
        ]

    def __str__(self):
        return f"{self.citation} ({self.jurisdiction_id})"

    def get_absolute_url(self):
        return reverse("web:law", kwargs={"key": self.key})

    @property
    def enacted_display(self) -> str | None:
        return format_partial_date(self.enacted, self.enacted_precision)

    @property
    def effective_display(self) -> str | None:
        return format_partial_date(self.effective, self.effective_precision)

    @property
    def official_source(self) -> "Source | None":
        # Uses the prefetched sources when present, so pages stay at a fixed query count.
        for source in self.sources.all():
            if source.official:
                return source
        return None

    @property
    def covers_labels(self) -> list[str]:
        labels = {
            "covers_authentic": "real images",
            "covers_synthetic": "altered or AI-made images",
            "covers_threats": "threats to share",
            "covers_creation": "making the image",
            "covers_minors": "images of minors",
        }
        return [label for field, label in labels.items() if getattr(self, field)]


def make_law_key(jurisdiction_code: str, citation: str) -> str:
    """us-va-va-code-ann-18-2-386-2: stable, readable, URL-safe."""
    text = f"{jurisdiction_code} {citation}".lower()
    text = text.replace("§", " ").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return slug[:160].rstrip("-")


class Act(models.Model):
    law = models.ForeignKey(
        Law, on_delete=models.CASCADE, related_name="acts", help_text="The law it made or changed."
    )
    name = models.CharField(
        max_length=255, help_text="Bill or act (HB 2678 (2019), Pub. L. 119-12)."
    )
    date = models.DateField(null=True, blank=True, help_text="When it passed or was signed.")
    date_precision = models.CharField(
        max_length=8,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text="How much of the date is known: day, month or year.",
    )
    role = models.CharField(
        max_length=12, choices=ActRole.choices, help_text="What it did to the law."
    )
    url = models.URLField(max_length=500, blank=True, help_text="Official page or text of the act.")
    note = models.TextField(blank=True, help_text="What the act changed.")
    position = models.PositiveIntegerField(default=0, help_text="Order, oldest first.")

    class Meta:
        ordering = ["law", "position"]
        constraints = [
            choices_check("role", ActRole, "act_role_valid"),
            choices_check("date_precision", Precision, "act_date_precision_valid"),
            models.UniqueConstraint(fields=["law", "position"], name="act_position_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def date_display(self) -> str | None:
        return format_partial_date(self.date, self.date_precision)


class Source(models.Model):
    law = models.ForeignKey(
        Law, on_delete=models.CASCADE, related_name="sources", help_text="The law it supports."
    )
    url = models.URLField(max_length=500, help_text="Where the text was read.")
    title = models.CharField(max_length=300, help_text="What the page is.")
    official = models.BooleanField(
        help_text="True for the official text (legislature, official publisher, gazette)."
    )
    position = models.PositiveIntegerField(default=0, help_text="Order: the official text first.")

    class Meta:
        ordering = ["law", "position"]
        constraints = [
            models.UniqueConstraint(fields=["law", "position"], name="source_position_unique"),
            models.CheckConstraint(
                condition=Q(url__startswith="https://") | Q(url__startswith="http://"),
                name="source_url_http",
            ),
        ]

    def __str__(self):
        return self.title


class Resource(models.Model):
    key = models.SlugField(max_length=160, unique=True, help_text="Stable identifier.")
    name = models.CharField(max_length=200, help_text="The service's name.")
    kind = models.CharField(
        max_length=16,
        choices=ResourceKind.choices,
        help_text="Helpline, takedown tool, regulator, police route, legal aid or victim services.",
    )
    description = models.TextField(help_text="What it does, in plain words.")
    serves = models.CharField(
        max_length=300, help_text="Whom it serves (adults, minors, a country or state)."
    )
    audience = models.CharField(
        max_length=10,
        choices=Audience.choices,
        default=Audience.EVERYONE,
        help_text="Whose images it handles: everyone, adults only or minors only.",
    )
    url = models.URLField(max_length=500, blank=True, help_text="Where to reach it online.")
    phone = models.CharField(max_length=80, blank=True, help_text="Phone number as published.")
    hours = models.CharField(max_length=200, blank=True, help_text="Opening hours as published.")
    verification = models.CharField(
        max_length=12,
        choices=Verification.choices,
        help_text="verified: read on the service's own or an official page.",
    )
    last_verified = models.DateField(help_text="When its details were last read.")
    # A resource lives either in one jurisdiction's file (home) or in a shared collection file.
    home = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,  # reference data; never cascade
        null=True,
        blank=True,
        related_name="home_resources",
        help_text="The jurisdiction whose file holds it, for a local resource.",
    )
    collection = models.CharField(
        max_length=60,
        blank=True,
        help_text="The shared file (under fixtures/resources/) that holds it, for a resource "
        "serving many places.",
    )
    areas = models.ManyToManyField(
        Jurisdiction,
        blank=True,
        related_name="resources",
        help_text="The jurisdictions it serves (with their states and provinces).",
    )
    everywhere = models.BooleanField(default=False, help_text="Serves people anywhere.")
    position = models.PositiveIntegerField(default=0, help_text="Order within its file.")

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            choices_check("kind", ResourceKind, "resource_kind_valid"),
            choices_check("verification", Verification, "resource_verification_valid"),
            choices_check("audience", Audience, "resource_audience_valid"),
            models.CheckConstraint(
                condition=(Q(home__isnull=False) & Q(collection=""))
                | (Q(home__isnull=True) & ~Q(collection="")),
                name="resource_home_xor_collection",
            ),
            models.CheckConstraint(condition=~Q(url="") | ~Q(phone=""), name="resource_reachable"),
        ]

    def __str__(self):
        return self.name
