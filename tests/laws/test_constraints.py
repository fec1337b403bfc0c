"""Each database constraint, violated: the database refuses what forms alone would not."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from lawdb.laws.models import Jurisdiction, Law, Resource, Source
from tests.factories import ActFactory, LawFactory, ResourceFactory


def refuses(callable_, name):
    with pytest.raises(IntegrityError, match=name), transaction.atomic():
        callable_()


@pytest.mark.parametrize(
    "field,value,constraint",
    [
        ("kind", "felony", "law_kind_valid"),
        ("status", "active", "law_status_valid"),
        ("verification", "checked", "law_verification_valid"),
        ("enacted_precision", "week", "law_enacted_precision_valid"),
        ("effective_precision", "hour", "law_effective_precision_valid"),
        ("citation", "", "law_citation_not_empty"),
        ("summary", "", "law_summary_not_empty"),
    ],
)
def test_law_field_constraints(va_law, field, value, constraint):
    refuses(lambda: Law.objects.filter(pk=va_law.pk).update(**{field: value}), constraint)


def test_effective_not_before_enacted(va_law):
    refuses(
        lambda: Law.objects.filter(pk=va_law.pk).update(
            enacted=datetime.date(2020, 1, 1), effective=datetime.date(2019, 1, 1)
        ),
        "law_effective_not_before_enacted",
    )


def test_citation_unique_in_jurisdiction(va_law):
    refuses(
        lambda: LawFactory(jurisdiction=va_law.jurisdiction, citation=va_law.citation, key="other"),
        "law_citation_unique_in_jurisdiction",
    )


def test_same_citation_allowed_in_another_jurisdiction(va_law, us):
    LawFactory(jurisdiction=us, citation=va_law.citation)


@pytest.mark.parametrize(
    "values,constraint",
    [
        ({"level": "state"}, "jurisdiction_level_valid"),
        ({"code": "virginia"}, "jurisdiction_code_iso"),
    ],
)
def test_jurisdiction_constraints(db, values, constraint):
    data = {"code": "US-MD", "name": "Maryland", "level": "subnational", **values}
    refuses(lambda: Jurisdiction.objects.create(**data), constraint)


def test_jurisdiction_not_its_own_parent(us):
    refuses(
        lambda: Jurisdiction.objects.filter(code="US").update(parent_id="US"),
        "jurisdiction_not_own_parent",
    )


def test_source_url_must_be_http(va_law):
    refuses(
        lambda: Source.objects.create(
            law=va_law, url="ftp://x", title="x", official=True, position=9
        ),
        "source_url_http",
    )


def test_source_and_act_positions_unique(va_law):
    refuses(
        lambda: Source.objects.create(
            law=va_law, url="https://x.gov", title="x", official=True, position=0
        ),
        "source_position_unique",
    )
    ActFactory(law=va_law, position=0)
    refuses(lambda: ActFactory(law=va_law, position=0), "act_position_unique")


@pytest.mark.parametrize(
    "values,constraint",
    [
        ({"kind": "cops"}, "resource_kind_valid"),
        ({"verification": "maybe"}, "resource_verification_valid"),
        ({"collection": "shared"}, "resource_home_xor_collection"),
        ({"url": "", "phone": ""}, "resource_reachable"),
    ],
)
def test_resource_constraints(us, values, constraint):
    refuses(lambda: ResourceFactory(home=us, **values), constraint)


def test_protect_keeps_laws_when_jurisdiction_deleted(va_law):
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        va_law.jurisdiction.delete()
    assert Law.objects.filter(pk=va_law.pk).exists()


def test_resource_without_home_or_collection_refused(us):
    refuses(
        lambda: Resource.objects.create(
            key="r",
            name="r",
            kind="helpline",
            description="d",
            serves="s",
            url="https://x.org",
            verification="verified",
            last_verified=datetime.date(2026, 1, 1),
        ),
        "resource_home_xor_collection",
    )
