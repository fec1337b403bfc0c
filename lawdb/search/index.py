"""Keeps what search reads in step with the data: each law's place names (part of its weighted
document), the concepts its document contains, and the vocabulary typos are corrected against.
Called by the loader after it writes."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction

from .expressions import concept_sql
from .vocabulary import CONCEPTS

PLACES_SQL = """
    UPDATE laws_law AS law
       SET search_places = j.name || ' ' || array_to_string(j.aliases, ' ')
      FROM laws_jurisdiction AS j
     WHERE j.code = law.jurisdiction_id
       AND law.search_places IS DISTINCT FROM (j.name || ' ' || array_to_string(j.aliases, ' '))
"""

VOCABULARY_SQL = """
    INSERT INTO search_term (word, frequency, place)
    SELECT word, count(*), bool_or(place)
      FROM (
        SELECT false AS place, regexp_split_to_table(
                 lower(lawdb_unaccent(
                   citation || ' ' || title || ' ' || summary || ' ' || search_places)),
                 '[^a-z]+') AS word
          FROM laws_law
        UNION ALL
        SELECT true, regexp_split_to_table(
                 lower(lawdb_unaccent(name || ' ' || array_to_string(aliases, ' '))), '[^a-z]+')
          FROM laws_jurisdiction
        UNION ALL
        SELECT false, regexp_split_to_table(lower(unnest(%s::text[])), '[^a-z]+')
      ) AS words
     WHERE length(word) >= 4
     GROUP BY word
"""


def concepts_sql(law_id: int | None = None) -> tuple[str, list[str]]:
    """UPDATE setting each law's search_concepts: the concepts whose query its document matches
    (the same query search ranks with, so that matching by list and by text agree)."""
    cases, params = [], []
    for concept in CONCEPTS:
        sql, concept_params = concept_sql(concept)
        cases.append(f"CASE WHEN search_vector @@ ({sql}) THEN %s END")
        params += [*concept_params, concept.name]
    # the SQL is built from fixed fragments; every text is a parameter
    found = f"array_remove(ARRAY[{', '.join(cases)}]::varchar[], NULL)"
    update = f"UPDATE laws_law SET search_concepts = {found} WHERE search_concepts <> {found}"  # noqa: S608
    if law_id is not None:
        return update + " AND id = %s", [*params, *params, law_id]
    return update, params + params


_deferred: ContextVar[bool] = ContextVar("search_refresh_deferred", default=False)


@contextmanager
def deferred():
    """Saves inside do not refresh the index one by one; the caller refreshes it once."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def refresh_all(sender, **kwargs) -> None:
    """After a place is saved one at a time (the admin): its names, in laws and vocabulary."""
    if not _deferred.get():
        refresh()


def refresh_law(sender, instance, **kwargs) -> None:
    """After one law is saved (the admin, tests): its concepts. The loader refreshes all."""
    if _deferred.get():
        return
    with connection.cursor() as cursor:
        cursor.execute(*concepts_sql(instance.pk))


@transaction.atomic
def refresh() -> None:
    phrases = [p for concept in CONCEPTS for p in (*concept.phrases, *concept.terms)]
    with connection.cursor() as cursor:
        cursor.execute(PLACES_SQL)
        cursor.execute(*concepts_sql())
        cursor.execute("DELETE FROM search_term")
        cursor.execute(VOCABULARY_SQL, [phrases])
