"""Keeps what search reads in step with the data: each law's place names (part of its weighted
document) and the vocabulary typos are corrected against. Called by the loader after it writes."""

from django.db import connection, transaction

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


@transaction.atomic
def refresh() -> None:
    phrases = [p for concept in CONCEPTS for p in (*concept.phrases, *concept.terms)]
    with connection.cursor() as cursor:
        cursor.execute(PLACES_SQL)
        cursor.execute("DELETE FROM search_term")
        cursor.execute(VOCABULARY_SQL, [phrases])
