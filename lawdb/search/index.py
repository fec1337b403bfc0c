"""Keeps what search reads in step with the data: each law's place names (part of its weighted
document), the concepts its document contains, its narrow search entry (search_entry), and the
vocabulary typos are corrected against. Called by the loader after it writes."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, transaction

from .expressions import concept_sql
from .models import Entry
from .vocabulary import CONCEPTS

PLACES_SQL = """
    UPDATE laws_law AS law
       SET search_places = j.name || ' ' || array_to_string(j.aliases, ' ')
      FROM laws_jurisdiction AS j
     WHERE j.code = law.jurisdiction_id
       AND law.search_places IS DISTINCT FROM (j.name || ' ' || array_to_string(j.aliases, ' '))
"""

# The words the data knows, written only where they changed: a reload that changes nothing
# rewrites nothing (and leaves no dead rows behind for the typo lookup to scan).
VOCABULARY_SQL = """
    WITH fresh AS (
        SELECT word, count(*) AS frequency, bool_or(place) AS place
          FROM (
            SELECT false AS place, regexp_split_to_table(
                     lower(lawdb_unaccent(
                       citation || ' ' || title || ' ' || summary || ' ' || search_places)),
                     '[^a-z]+') AS word
              FROM laws_law
            UNION ALL
            SELECT true, regexp_split_to_table(
                     lower(lawdb_unaccent(name || ' ' || array_to_string(aliases, ' '))),
                     '[^a-z]+')
              FROM laws_jurisdiction
            UNION ALL
            SELECT false, regexp_split_to_table(lower(unnest(%s::text[])), '[^a-z]+')
          ) AS words
         WHERE length(word) >= 4
         GROUP BY word),
         gone AS (DELETE FROM search_term WHERE word NOT IN (SELECT word FROM fresh))
    INSERT INTO search_term (word, frequency, place)
    SELECT word, frequency, place FROM fresh
    ON CONFLICT (word) DO UPDATE
       SET frequency = EXCLUDED.frequency, place = EXCLUDED.place
     WHERE (search_term.frequency, search_term.place)
           IS DISTINCT FROM (EXCLUDED.frequency, EXCLUDED.place)
"""


CHILD_TITLE_RE = r"\m(child|children|childrens|minor|minors|juvenile)\M"
# in the order of the model's fields, which ENTRIES_SQL selects in
ENTRY_COLUMNS = tuple(f.column for f in Entry._meta.concrete_fields if not f.primary_key)
_entry_list = ", ".join(ENTRY_COLUMNS)
# Each law's entry, written only where it differs from what is there (a reload that changes
# nothing rewrites nothing). Laws deleted through Django take their entries with them.
ENTRIES_SQL = f"""
    INSERT INTO search_entry (law_id, {_entry_list})
    SELECT law.id, law.key, law.jurisdiction_id, law.position, law.kind, law.status,
           law.specific, law.covers_authentic, law.covers_synthetic, law.covers_threats,
           law.covers_creation, law.covers_minors, law.enacted,
           CASE WHEN law.specific THEN 0.3 ELSE 0 END
           + CASE WHEN law.status = 'in_force' THEN 0.2 ELSE 0 END,
           law.title ~* %s,
           j.level IN ('national', 'supranational'),
           law.search_concepts, law.search_vector
      FROM laws_law AS law
      JOIN laws_jurisdiction AS j ON j.code = law.jurisdiction_id
     WHERE %s::bigint IS NULL OR law.id = %s::bigint
    ON CONFLICT (law_id) DO UPDATE
       SET ({_entry_list}) = ({", ".join(f"EXCLUDED.{c}" for c in ENTRY_COLUMNS)})
     WHERE ({", ".join(f"search_entry.{c}" for c in ENTRY_COLUMNS)})
           IS DISTINCT FROM ({", ".join(f"EXCLUDED.{c}" for c in ENTRY_COLUMNS)})
"""  # noqa: S608 (fixed fragments)


def entries_sql(law_id: int | None = None) -> tuple[str, list]:
    """The statement writing every law's search entry (or one law's) and its parameters."""
    return ENTRIES_SQL, [CHILD_TITLE_RE, law_id, law_id]


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
    """After one law is saved (the admin, tests): its concepts and entry. The loader
    refreshes all."""
    if _deferred.get():
        return
    with connection.cursor() as cursor:
        cursor.execute(*concepts_sql(instance.pk))
        cursor.execute(*entries_sql(instance.pk))


@transaction.atomic
def refresh() -> None:
    phrases = [p for concept in CONCEPTS for p in (*concept.phrases, *concept.terms)]
    with connection.cursor() as cursor:
        cursor.execute(PLACES_SQL)
        cursor.execute(*concepts_sql())
        cursor.execute(*entries_sql())
        cursor.execute(VOCABULARY_SQL, [phrases])
        cursor.execute("SELECT nextval('search_generation')")  # processes re-read the places
