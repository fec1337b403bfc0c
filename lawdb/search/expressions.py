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
