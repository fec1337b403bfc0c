"""The search index follows the data: each law's narrow search entry, and the vocabulary."""

from django.db import connection

from lawdb.laws.models import Law
from lawdb.search import index
from lawdb.search.models import Entry, Term
from lawdb.search.services import search_laws
from tests.factories import JurisdictionFactory, LawFactory


def _row_versions(table: str) -> dict:
    """Each row's physical version: it changes whenever the row is rewritten."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT ctid::text, xmin::text FROM {table}")  # noqa: S608 (fixed names)
        return dict(cursor.fetchall())


def test_a_saved_law_has_an_entry_that_follows_its_edits(db):
    state = JurisdictionFactory(code="US-TX", name="Texas", level="subnational")
    law = LawFactory(
        jurisdiction=state,
        title="Child sexual abuse material",
        specific=True,
        status="in_force",
        covers_synthetic=False,
    )
    entry = Entry.objects.get(law=law)
    assert entry.key == law.key and entry.jurisdiction_id == "US-TX"
    assert entry.child and not entry.countrywide and not entry.covers_synthetic
    assert entry.base == 0.5  # specific and in force

    law.title, law.status, law.covers_synthetic = "Deep fakes", "pending", True
    law.save()
    entry.refresh_from_db()
    assert not entry.child and entry.covers_synthetic and entry.base == 0.3

    law.delete()
    assert not Entry.objects.filter(law_id=law.pk).exists()


def test_a_place_that_becomes_a_country_makes_its_laws_countrywide(db):
    place = JurisdictionFactory(code="XK", name="Kosovo", level="subnational")
    law = LawFactory(jurisdiction=place)
    assert not Entry.objects.get(law=law).countrywide
    place.level = "national"
    place.save()
    assert Entry.objects.get(law=law).countrywide


def test_laws_written_without_saving_one_by_one_are_found_after_a_refresh(db):
    place = JurisdictionFactory(code="US-VA", name="Virginia", level="subnational")
    with index.deferred():
        law = LawFactory(jurisdiction=place, summary="Sharing a nude image is a crime.")
    Entry.objects.filter(law=law).delete()  # as if written in bulk
    assert search_laws(q="nude").ids == []
    index.refresh()
    assert search_laws(q="nude").ids == [law.pk]


def test_a_refresh_that_changes_nothing_rewrites_nothing(db):
    place = JurisdictionFactory(code="US-VA", name="Virginia", level="subnational")
    LawFactory.create_batch(3, jurisdiction=place)
    index.refresh()
    entries, terms = _row_versions("search_entry"), _row_versions("search_term")
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM search_generation")
        (generation,) = cursor.fetchone()

    index.refresh()
    assert _row_versions("search_entry") == entries and _row_versions("search_term") == terms
    with connection.cursor() as cursor:  # but the generation moves, so places are read again
        cursor.execute("SELECT last_value FROM search_generation")
        assert cursor.fetchone()[0] > generation


def test_the_vocabulary_follows_the_data(db):
    place = JurisdictionFactory(code="US-VA", name="Virginia", level="subnational")
    law = LawFactory(jurisdiction=place, summary="Unlawful zeppelin photography.")
    index.refresh()
    assert Term.objects.filter(word="zeppelin").exists()
    Law.objects.filter(pk=law.pk).update(summary="Sharing of marmalade.")
    index.refresh()
    assert not Term.objects.filter(word="zeppelin").exists()
    assert Term.objects.filter(word="marmalade").exists()


def test_site_connections_do_not_compile_statements(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
