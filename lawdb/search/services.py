"""Search over laws: one function answers it for the search page, the API and the guide.

A query is read for places, citations and the field's concepts (parsing.py), typos are corrected
against the data's own vocabulary with trigram similarity, and one ranked SQL query returns the
laws: full-text rank over the weighted document, a bonus when every part of the query matches,
boosts from the structured fields the concepts name, and the place and citation matches."""

import html
import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Max,
    Min,
    Q,
    Value,
    When,
)

from lawdb.laws.models import Jurisdiction, Kind, Law, Level, Status

from .expressions import SEARCH_CONFIG
from .parsing import ParsedQuery, PlaceIndex, parse, typo_candidates

MARK_START, MARK_END = "\u2063[[", "]]\u2063"
TYPO_SIMILARITY = 0.35
CHILD_TITLE_RE = r"\m(child|children|childrens|minor|minors|juvenile)\M"
PLACE_PREFERENCE = 0.15  # a place name wins a near tie with another word ("texs": Texas)


@dataclass
class SearchResult:
    queryset: object  # a Law queryset, ranked
    parsed: ParsedQuery
    explanation: list[str] = field(default_factory=list)


def place_index() -> PlaceIndex:
    return PlaceIndex(
        Jurisdiction.objects.values_list("code", "name", "level", "parent_id", "aliases")
    )


def correct_typos(raw: str) -> dict[str, str]:
    """{typed word: known word} for words the data does not know but has one close to (one
    query, whatever the number of words)."""
    candidates = typo_candidates(raw)
    if not candidates:
        return {}
    sql = """
        SELECT t.word,
               EXISTS (SELECT 1 FROM search_term s WHERE s.word = t.word) AS known,
               (SELECT s.word FROM search_term s
                 WHERE s.word %% t.word AND similarity(s.word, t.word) >= %s
                 ORDER BY similarity(s.word, t.word) + CASE WHEN s.place THEN %s ELSE 0 END DESC,
                          s.frequency DESC, s.word
                 LIMIT 1) AS best
          FROM unnest(%s::text[]) AS t(word)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [TYPO_SIMILARITY, PLACE_PREFERENCE, candidates])
        rows = cursor.fetchall()
    return {word: best for word, known, best in rows if not known and best and best != word}


def _ts(phrase: str) -> SearchQuery:
    kind = "phrase" if " " in phrase or "-" in phrase else "plain"
    return SearchQuery(phrase, search_type=kind, config=SEARCH_CONFIG)


def _units(parsed: ParsedQuery) -> list[SearchQuery]:
    """One tsquery per part of the query: a concept's terms OR'ed, or a single word."""
    if parsed.websearch:
        return [SearchQuery(parsed.websearch, search_type="websearch", config=SEARCH_CONFIG)]
    units = [
        reduce(or_, [_ts(term) for term in (*concept.terms, *concept.phrases[:3])])
        for concept in parsed.concepts
    ]
    units += [SearchQuery(word, search_type="plain", config=SEARCH_CONFIG) for word in parsed.words]
    return units


def _place_scope(parsed: ParsedQuery, places: PlaceIndex) -> dict[str, float]:
    """The jurisdictions a query's places cover (a state and its country; a country and its
    states), each with how much its laws are boosted."""
    scope: dict[str, float] = {}
    for place in parsed.places:
        scope[place.code] = max(scope.get(place.code, 0), 0.6)
        node = places.parents.get(place.code)
        while node:
            scope[node] = max(scope.get(node, 0), 0.2)
            node = places.parents.get(node)
        if place.level != Level.SUBNATIONAL:
            for code, up in places.parents.items():
                if up == place.code:
                    scope[code] = max(scope.get(code, 0), 0.4)
    return scope


def search_laws(*, q: str, queryset=None, correct: bool = True) -> SearchResult:
    """Laws matching `q`, best first. `queryset` narrows them first (the page's filters);
    `correct=False` searches the words exactly as typed."""
    queryset = Law.objects.all() if queryset is None else queryset
    places = place_index()
    parsed = parse(q, places, correct_typos(q) if correct else {})
    explanation = []
    if parsed.is_empty:
        return SearchResult(queryset.none() if (q or "").strip() else queryset, parsed)

    place_boost = _place_scope(parsed, places)
    if place_boost:
        queryset = queryset.filter(jurisdiction_id__in=list(place_boost))
        explanation.append("in " + ", ".join(p.name for p in parsed.places))

    score = Value(0.0)
    matches = []
    units = _units(parsed)
    if units:
        any_query = reduce(or_, units)
        all_query = reduce(and_, units)
        queryset = queryset.annotate(
            text_rank=SearchRank(F("search_vector"), any_query, normalization=Value(1)),
            text_all=ExpressionWrapper(Q(search_vector=all_query), output_field=BooleanField()),
        )
        score = (
            score + F("text_rank") * 10 + Case(When(text_all=True, then=Value(1.5)), default=0.0)
        )
        matches.append(Q(search_vector=any_query))
    for concept in parsed.concepts:
        if concept.boost is not None:
            score = score + Case(When(concept.boost, then=Value(1.0)), default=0.0)
            if parsed.places or len(parsed.concepts) > 1 or not parsed.words:
                matches.append(concept.boost)
            explanation.append(concept.label)
    if parsed.citations:
        pattern = "|".join(re.escape(c) for c in parsed.citations)
        citation_match = Q(key__regex=rf"(^|-)({pattern})(-|$)")
        score = score + Case(When(citation_match, then=Value(10.0)), default=0.0)
        matches.append(citation_match)
    if place_boost:
        score = score + Case(
            *[When(jurisdiction_id=code, then=Value(boost)) for code, boost in place_boost.items()],
            default=0.0,
        )
    if not matches:  # only a place: all its laws
        matches.append(Q())
    if not parsed.places:
        # with no place named, the laws that reach everyone in a country come first
        score = score + Case(
            When(jurisdiction__level__in=[Level.NATIONAL, Level.SUPRANATIONAL], then=Value(0.3)),
            default=0.0,
        )
    if not any(concept.name == "minors" for concept in parsed.concepts):
        # laws about children's images rank below the rest unless the query is about minors
        score = score - Case(When(title__iregex=CHILD_TITLE_RE, then=Value(1.2)), default=0.0)
    score = (
        score
        + Case(When(specific=True, then=Value(0.3)), default=0.0)
        + Case(When(status=Status.IN_FORCE, then=Value(0.2)), default=0.0)
    )
    queryset = (
        queryset.filter(reduce(or_, matches))
        .annotate(score=ExpressionWrapper(score, output_field=FloatField()))
        .order_by("-score", "jurisdiction_id", "position")
    )
    return SearchResult(queryset, parsed, explanation)


def apply_search(queryset, q: str):
    """For filter sets: the laws of `queryset` matching `q`, best first."""
    if not (q or "").strip():
        return queryset
    return search_laws(q=q, queryset=queryset).queryset


def with_headline(queryset, parsed: ParsedQuery):
    """Annotate `headline`: the summary with the matched words marked (escape, then <mark>)."""
    units = _units(parsed)
    if not units:
        return queryset
    return queryset.annotate(
        headline=SearchHeadline(
            "summary",
            reduce(or_, units),
            config=SEARCH_CONFIG,
            start_sel=MARK_START,
            stop_sel=MARK_END,
            highlight_all=True,
        )
    )


def render_headline(text: str) -> str:
    """Escape the text, then turn the markers into <mark>: safe to show as HTML."""
    escaped = html.escape(text or "")
    return escaped.replace(html.escape(MARK_START), "<mark>").replace(
        html.escape(MARK_END), "</mark>"
    )


BOOLEAN_FACETS = {
    "specific": "Written for image abuse",
    "covers_authentic": "Real images",
    "covers_synthetic": "Altered or AI-made images",
    "covers_threats": "Threats to share",
    "covers_creation": "Making the image",
    "covers_minors": "Images of minors",
}


def facet_counts(queryset) -> dict:
    """Counts of each facet value over `queryset`, in two queries."""
    aggregates = {
        **{f"kind__{k}": Count("pk", filter=Q(kind=k)) for k in Kind.values},
        **{f"status__{s}": Count("pk", filter=Q(status=s)) for s in Status.values},
        **{f"level__{lv}": Count("pk", filter=Q(jurisdiction__level=lv)) for lv in Level.values},
        **{f"{name}__true": Count("pk", filter=Q(**{name: True})) for name in BOOLEAN_FACETS},
        "enacted_min": Min("enacted__year"),
        "enacted_max": Max("enacted__year"),
        "total": Count("pk"),
    }
    base = queryset.order_by()
    counts = base.aggregate(**aggregates)
    places = list(
        base.values("jurisdiction_id", "jurisdiction__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "jurisdiction_id")[:25]
    )
    return {"counts": counts, "jurisdictions": places}
