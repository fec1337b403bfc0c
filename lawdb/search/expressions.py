from django.contrib.postgres.search import SearchVector
from django.db.models import Func, TextField

SEARCH_CONFIG = "english"


class ImmutableUnaccent(Func):
    """unaccent() through the immutable wrapper the search migration creates, so that it can be
    part of a generated column and an index."""

    function = "lawdb_unaccent"
    output_field = TextField()


def weighted_document():
    """The law's search document: citation and title strongest, then the summary and the names
    of the places it applies in, then its elements, then the excerpt and notes."""

    def part(weight, *fields):
        return SearchVector(
            *[ImmutableUnaccent(field) for field in fields], config=SEARCH_CONFIG, weight=weight
        )

    return (
        part("A", "citation", "title")
        + part("B", "summary", "search_places")
        + part("C", "intent", "penalty", "remedies")
        + part("D", "excerpt", "notes")
    )


def tsquery_sql(kind: str, text: str) -> tuple[str, list[str]]:
    """SQL for one tsquery over `text` (a parameter), unaccented like the document: `plain`
    (every word), `phrase` (the words in order) or `websearch` (quotes, or, -)."""
    function = {
        "plain": "plainto_tsquery",
        "phrase": "phraseto_tsquery",
        "websearch": "websearch_to_tsquery",
    }[kind]
    return f"{function}('{SEARCH_CONFIG}', lawdb_unaccent(%s))", [text]


def any_term_sql(terms) -> tuple[str, list[str]]:
    """SQL for a tsquery matching any of `terms` (single words, or phrases in order)."""
    parts = [tsquery_sql("phrase" if " " in t or "-" in t else "plain", t) for t in terms]
    return " || ".join(sql for sql, _ in parts), [p for _, params in parts for p in params]


def concept_sql(concept) -> tuple[str, list[str]]:
    """SQL for the tsquery a concept searches: its terms, and its first phrases as typed."""
    return any_term_sql([*concept.terms, *concept.phrases[:3]])
