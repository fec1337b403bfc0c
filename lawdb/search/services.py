"""Search over laws: one function answers it for the search page, the API and the guide.

A query is read for places, citations and the field's concepts (parsing.py), and typos are
corrected against the data's own vocabulary with trigram similarity (one query). A second query
finds, ranks and pages the laws: a structured score (the fields the concepts name, the place and
citation matches) over at most CANDIDATE_CAP matches, then, for the best RANK_POOL of them, the
full-text rank over the weighted document and a bonus when every part of the query matches."""

import html
import re
import string
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.urls import reverse

from lawdb.laws.models import Jurisdiction, Kind, Law, Level, Status

from .expressions import SEARCH_CONFIG, concept_sql, tsquery_sql
from .models import Entry
from .parsing import ParsedQuery, PlaceIndex, parse, typo_candidates

MARK_START, MARK_END = "\u2063[[", "]]\u2063"
HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, HighlightAll=true"
TYPO_SIMILARITY = 0.35
PLACE_PREFERENCE = 0.15  # a place name wins a near tie with another word ("texs": Texas)


_place_cache: dict = {}


def place_index(generation=None) -> PlaceIndex:
    """Every jurisdiction's names, read again only when the search index was rebuilt (its
    generation changed) since this process last read them."""
    cached = _place_cache.get("index")
    if generation is not None and cached and cached[0] == generation:
        return cached[1]
    places = PlaceIndex(
        Jurisdiction.objects.values_list("code", "name", "level", "parent_id", "aliases")
    )
    if generation is not None:
        _place_cache["index"] = (generation, places)
    return places


def read_vocabulary(raw: str, *, correct: bool = True) -> tuple[int | None, dict[str, str]]:
    """In one query: the search index's generation (it grows each time the index is refreshed)
    and {typed word: known word} for words the data does not know but has one close to."""
    candidates = typo_candidates(raw) if correct else []
    sql = """
        SELECT (SELECT last_value FROM search_generation), t.word, t.best
          FROM (SELECT 1) AS one
          LEFT JOIN LATERAL (
            SELECT w.word,
                   CASE WHEN EXISTS (SELECT 1 FROM search_term s WHERE s.word = w.word)
                        THEN NULL
                        ELSE (SELECT s.word FROM search_term s
                               WHERE s.word %% w.word AND similarity(s.word, w.word) >= %s
                               ORDER BY similarity(s.word, w.word)
                                        + CASE WHEN s.place THEN %s ELSE 0 END DESC,
                                        s.frequency DESC, s.word
                               LIMIT 1)
                   END AS best
              FROM unnest(%s::text[]) AS w(word)
          ) AS t ON true
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [TYPO_SIMILARITY, PLACE_PREFERENCE, candidates])
        rows = cursor.fetchall()
    generation = rows[0][0] if rows else None
    return generation, {word: best for _, word, best in rows if word and best and best != word}


@dataclass
class TextQuery:
    """The query's text as SQL tsquery expressions, written once and shared by matching, ranking
    and highlighting. Each part is a concept (its terms OR'ed) or a word. Matching a concept
    reads the law's precomputed concept list instead of its document. The typed text is a
    parameter, unaccented like the document; the SQL around it is built from fixed fragments."""

    concepts: list[str]  # names of the concepts in the query
    concept_parts: list[tuple[str, list[str]]]
    word_parts: list[tuple[str, list[str]]]

    @classmethod
    def of(cls, parsed: ParsedQuery) -> "TextQuery | None":
        if parsed.websearch:
            return cls([], [], [tsquery_sql("websearch", parsed.websearch)])
        concepts = [concept_sql(concept) for concept in parsed.concepts]
        words = [tsquery_sql("plain", word) for word in parsed.words]
        if not (concepts or words):
            return None
        return cls([concept.name for concept in parsed.concepts], concepts, words)

    @staticmethod
    def _join(parts, operator: str) -> tuple[str, list[str]]:
        sql = f" {operator} ".join(f"({part})" for part, _ in parts)
        return sql, [param for _, part_params in parts for param in part_params]

    def matches_sql(self, *, every: bool = False) -> tuple[str, list]:
        """Any part of the query (or, with every, all of them) in the law's entry."""
        clauses, params = [], []
        if self.concepts:
            clauses.append(f"search_entry.concepts {'@>' if every else '&&'} %s::varchar[]")
            params.append(self.concepts)
        if self.word_parts:
            sql, word_params = self._join(self.word_parts, "&&" if every else "||")
            clauses.append(f"search_entry.document @@ ({sql})")
            params += word_params
        return f" {'AND' if every else 'OR'} ".join(f"({clause})" for clause in clauses), params

    def query_sql(self) -> tuple[str, list]:
        sql, params = self._join([*self.concept_parts, *self.word_parts], "||")
        return f"({sql})", params

    def rank_sql(self) -> tuple[str, list]:
        sql, params = self.query_sql()
        return f"ts_rank(search_entry.document, {sql}, 1)", params


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


CANDIDATE_CAP = 500  # matches examined per search; past it the count reads "500+"
RANK_POOL = 150  # the best candidates by the structured score get the full text rank


BOOLEAN_FACETS = {
    "specific": "Written for image abuse",
    "covers_authentic": "Real images",
    "covers_synthetic": "Altered or AI-made images",
    "covers_threats": "Threats to share",
    "covers_creation": "Making the image",
    "covers_minors": "Images of minors",
}

# What phase one reads of each matching law: the columns that order, score and count it (the
# hits CTE names them in this order).
HIT_COLUMNS = (
    "law_id",
    "jurisdiction_id",
    "position",
    "kind",
    "status",
    *BOOLEAN_FACETS,
    "enacted",
)


@dataclass
class SearchResult:
    parsed: ParsedQuery
    ids: list[int] = field(default_factory=list)  # every match found, best first
    capped: bool = False  # more than CANDIDATE_CAP matched; only that many were examined
    counts: dict = field(default_factory=dict)  # of the matches, by facet (see facet_counts)
    explanation: list[str] = field(default_factory=list)
    places: PlaceIndex | None = None
    cards: list["Card"] = field(default_factory=list)  # the requested slice, ready to show

    @property
    def total(self) -> int:
        return len(self.ids)

    @property
    def queryset(self):
        """The matches as a Law queryset, in rank order."""
        return self.ordered(Law.objects.all())

    def ordered(self, queryset):
        """`queryset` (with its related rows, as the caller asked) kept to the matches, in rank
        order."""
        if not self.ids:
            return queryset.none()
        order = RawSQL("array_position(%s::bigint[], laws_law.id)", (self.ids,))
        return queryset.filter(among(self.ids)).order_by(order)


def among(ids: list[int]) -> RawSQL:
    """A filter on law ids sent as one array parameter (a long IN list is slow to send)."""
    return RawSQL("laws_law.id = ANY(%s::bigint[])", (list(ids),), output_field=BooleanField())


class Card(dict):
    """One result as the page shows it. A dict, which templates read fastest; its keys can also
    be read as attributes."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


class Sql:
    """A fragment of SQL and its parameters, in the order they appear."""

    def __init__(self, sql: str = "", params=()):
        self.sql, self.params = sql, list(params)

    def __add__(self, other: "Sql") -> "Sql":
        return Sql(self.sql + other.sql, self.params + other.params)

    @classmethod
    def join(cls, separator: str, parts, *, wrap: bool = False) -> "Sql":
        """The parts with `separator` between them (each in parentheses, with `wrap`)."""
        parts = [cls(f"({p.sql})", p.params) if wrap else p for p in parts]
        return cls(separator.join(p.sql for p in parts), [x for p in parts for x in p.params])

    @classmethod
    def compose(cls, template: str, **parts: "Sql") -> "Sql":
        """`template` (fixed SQL) with each {name} replaced by that fragment."""
        out = cls()
        for literal, name, _, _ in string.Formatter().parse(template):
            out += cls(literal)
            if name:
                out += parts[name]
        return out


_boosts: dict[str, Sql] = {}


def boost_sql(concept) -> Sql:
    """The SQL of a concept's structured fields (a Q over the entry), compiled once."""
    if concept.name not in _boosts:
        query = Entry.objects.filter(concept.boost).query
        sql, params = query.where.as_sql(query.get_compiler(connection=connection), connection)
        _boosts[concept.name] = Sql(sql, params)
    return _boosts[concept.name]


def _narrowed_to(queryset) -> Sql | None:
    """The condition keeping the rows of `queryset` (the page's or the API's filters, over laws
    or over their search entries): none when it is every law. A filter on the entries' own
    columns becomes part of phase one's scan; any other, a list of ids. Raises EmptyResultSet
    when it can hold none."""
    query = queryset.query
    if query.is_empty():
        raise EmptyResultSet
    if not query.where:
        return None
    if queryset.model is Entry and set(query.alias_map) <= {Entry._meta.db_table}:
        return Sql(*query.where.as_sql(query.get_compiler(connection=connection), connection))
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    return Sql(f"search_entry.law_id IN ({sql})", params)


def search_laws(
    *, q: str, queryset=None, correct: bool = True, cards: slice | None = None
) -> SearchResult:
    """Laws matching `q`, best first. `queryset` narrows them first (the page's filters);
    `correct=False` searches the words exactly as typed; `cards` names the slice of results
    to return whole, with the matched words marked in their summaries (a page of results).

    Two phases keep the cost flat as the data grows: the first reads at most CANDIDATE_CAP
    matches from the narrow search entries (concepts are matched on each law's precomputed
    concept list, not its document) and scores them on the structured fields; the second ranks
    the best RANK_POOL of those on the text itself."""
    generation, corrections = read_vocabulary(q, correct=correct)
    places = place_index(generation)
    parsed = parse(q, places, corrections)
    result = SearchResult(parsed, places=places)
    try:
        narrowed = _narrowed_to(Law.objects.all() if queryset is None else queryset)
    except EmptyResultSet:
        return result
    conditions = [narrowed] if narrowed else []
    if parsed.is_empty:
        if (q or "").strip():
            return result
        # no query: every law, in the order of the files
        return _collect(result, conditions, Sql("0.0"), browse=True, cards=cards)

    place_boost = _place_scope(parsed, places)
    if place_boost:
        conditions.append(Sql("search_entry.jurisdiction_id = ANY(%s)", [list(place_boost)]))
        result.explanation.append("in " + ", ".join(p.name for p in parsed.places))

    score = [Sql("search_entry.base")]
    matches = []
    text = TextQuery.of(parsed)
    if text:
        matches.append(Sql(*text.matches_sql()))
    for concept in parsed.concepts:
        if concept.boost is not None:
            boost = boost_sql(concept)
            score.append(Sql.compose("CASE WHEN {boost} THEN 1.0 ELSE 0 END", boost=boost))
            if parsed.places or len(parsed.concepts) > 1 or not parsed.words:
                matches.append(boost)
            result.explanation.append(concept.label)
    citation_match = None
    if parsed.citations:
        pattern = "|".join(re.escape(c) for c in parsed.citations)
        citation_match = Sql("search_entry.key ~ %s", [rf"(^|-)({pattern})(-|$)"])
        score.append(Sql.compose("CASE WHEN {c} THEN 10.0 ELSE 0 END", c=citation_match))
        matches.append(citation_match)
    if place_boost:
        whens = Sql.join(
            " ", [Sql("WHEN %s THEN %s", [code, boost]) for code, boost in place_boost.items()]
        )
        score.append(
            Sql.compose("CASE search_entry.jurisdiction_id {whens} ELSE 0 END", whens=whens)
        )
    else:
        # with no place named, the laws that reach everyone in a country come first
        score.append(Sql("CASE WHEN search_entry.countrywide THEN 0.3 ELSE 0 END"))
    if not any(concept.name == "minors" for concept in parsed.concepts):
        # laws about children's images rank below the rest unless the query is about minors
        score.append(Sql("CASE WHEN search_entry.child THEN -1.2 ELSE 0 END"))
    score = Sql.join(" + ", score)
    if citation_match:
        # a section number names the law; the other words ("Penal Code") only rank. When it
        # names none, every part of the query matches as usual.
        _collect(result, [*conditions, citation_match], score, text, cards=cards)
        if result.ids:
            return result
    if matches:  # else only a place: all its laws
        conditions.append(Sql.join(" OR ", matches, wrap=True))
    return _collect(result, conditions, score, text, cards=cards)


CARD_COLUMNS = (
    "key",
    "citation",
    "title",
    "kind",
    "status",
    "specific",
    "covers_synthetic",
    "summary",
    "verification",
    "last_verified",
)


# Phase one, phase two, the order; then the cards of the requested slice, and one more row with
# every match's id in order and the matches' counts by facet. Only fixed SQL and fragments built
# from fixed SQL; every value is a parameter.
STATEMENT = """
    WITH hits (id, jurisdiction_id, position, kind, status, specific, covers_authentic,
               covers_synthetic, covers_threats, covers_creation, covers_minors, enacted, score)
         AS MATERIALIZED (
            SELECT {hit_columns}, ({score})::float8
              FROM search_entry
             WHERE {where}{order}
             LIMIT {cap} + 1),
         ranked AS MATERIALIZED ({ranked}),
         scored AS (
            SELECT hits.*, ranked.id IS NOT NULL AS pooled,
                   hits.score
                   + COALESCE(ranked.text_rank * 10
                              + CASE WHEN ranked.text_all THEN 1.5 ELSE 0 END, 0) AS final
              FROM hits LEFT JOIN ranked ON ranked.id = hits.id),
         numbered AS MATERIALIZED (
            SELECT scored.*,
                   row_number() OVER (ORDER BY pooled DESC, final DESC,
                                               jurisdiction_id, position) AS n
              FROM scored)
    SELECT n, numbered.id, final, {card_columns}, j.code, j.name, {headline},
           NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM numbered
      JOIN laws_law AS l ON l.id = numbered.id
      JOIN laws_jurisdiction AS j ON j.code = l.jurisdiction_id
     WHERE n > {first} AND n <= {last}
     UNION ALL
    SELECT {no_card},
           count(*) > {cap},
           array_agg(id ORDER BY n) FILTER (WHERE n <= {cap}),
           array_agg(kind) FILTER (WHERE n <= {cap}),
           array_agg(status) FILTER (WHERE n <= {cap}),
           array_agg(jurisdiction_id) FILTER (WHERE n <= {cap}),
           array_agg({flags}) FILTER (WHERE n <= {cap}),
           array_agg(date_part('year', enacted)::int) FILTER (WHERE n <= {cap})
      FROM numbered
     ORDER BY 1
"""
RANKED = """
    SELECT search_entry.law_id AS id, ts_rank(search_entry.document, {query}, 1) AS text_rank,
           ({every}) AS text_all
      FROM (SELECT id FROM hits ORDER BY score DESC, jurisdiction_id, position LIMIT {pool})
           AS pool
      JOIN search_entry ON search_entry.law_id = pool.id
"""
UNRANKED = "SELECT NULL::bigint AS id, 0.0::float8 AS text_rank, false AS text_all LIMIT 0"
HEADLINE = f"ts_headline('{SEARCH_CONFIG}', l.summary, {{query}}, {{options}})"
BROWSE_ORDER = " ORDER BY search_entry.jurisdiction_id, search_entry.position"
# each match's flags as the bits of one number, in the order of BOOLEAN_FACETS
FLAG_BITS = " | ".join(f"({name}::int << {bit})" for bit, name in enumerate(BOOLEAN_FACETS))


def _collect(
    result: SearchResult,
    conditions: list[Sql],
    score: Sql,
    text: TextQuery | None = None,
    *,
    browse: bool = False,
    cards: slice | None = None,
) -> SearchResult:
    """Both phases, the order, a page of results and the facets' counts in one statement.
    Phase one reads up to CANDIDATE_CAP matching entries (the first found: it has no order, so
    the scan stops at the cap, unless `browse` asks for the first in the files' order), scored
    on the structured fields; phase two adds, for the best RANK_POOL of them, the text rank and
    a bonus when every part of the query matches. Those come first, ordered by the sum; the
    rest follow by their structured score. The rows in `cards` come back whole, with the
    matched words marked."""
    if text is None:
        ranked, headline = Sql(UNRANKED), Sql("l.summary")
    else:
        query = Sql(*text.query_sql())
        every = Sql(*text.matches_sql(every=True))
        ranked = Sql.compose(RANKED, query=query, every=every, pool=Sql("%s", [RANK_POOL]))
        headline = Sql.compose(HEADLINE, query=query, options=Sql("%s", [HEADLINE_OPTIONS]))
    first, last = (cards.start or 0, cards.stop or 0) if cards else (0, 0)
    card_width = 3 + len(CARD_COLUMNS) + 3  # n, id, score, the law's, place's, headline
    statement = Sql.compose(
        STATEMENT,
        hit_columns=Sql(", ".join(f"search_entry.{name}" for name in HIT_COLUMNS)),
        score=score,
        where=Sql.join(" AND ", conditions, wrap=True) if conditions else Sql("true"),
        order=Sql(BROWSE_ORDER if browse else ""),
        cap=Sql("%s", [CANDIDATE_CAP]),
        ranked=ranked,
        card_columns=Sql(", ".join(f"l.{name}" for name in CARD_COLUMNS)),
        headline=headline,
        first=Sql("%s", [first]),
        last=Sql("%s", [last]),
        no_card=Sql(", ".join(["NULL"] * card_width)),
        flags=Sql(FLAG_BITS),
    )
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, statement.params)
        *card_rows, summary = cursor.fetchall()
    result.capped, ids, kinds, statuses, places, flags, years = summary[card_width:]
    result.ids = ids or []
    flags = Counter(flags or [])
    result.counts = {
        "kind": Counter(kinds or []),
        "status": Counter(statuses or []),
        "jurisdiction": Counter(places or []),
        "flags": {
            name: sum(n for value, n in flags.items() if value >> bit & 1)
            for bit, name in enumerate(BOOLEAN_FACETS)
        },
        "enacted": [year for year in years or [] if year is not None],
    }
    for _, pk, final, *columns, code, name, headline in (r[:card_width] for r in card_rows):
        card = Card(zip(CARD_COLUMNS, columns, strict=True))
        card.update(
            pk=pk,
            url=reverse("web:law", args=[card.key]),
            kind_label=Kind(card.kind).label,
            status_label=Status(card.status).label,
            jurisdiction=Card(code=code, name=name),
            headline_html=render_headline(headline),
            score=final,
        )
        result.cards.append(card)
    return result


def apply_search(queryset, q: str, *, scope=None):
    """For filter sets: the laws of `queryset` matching `q`, best first. `scope` (search entries
    with the same filters) narrows the search faster than the laws would."""
    if not (q or "").strip():
        return queryset
    return search_laws(q=q, queryset=queryset if scope is None else scope).ordered(queryset)


def render_headline(text: str, words: int = 70) -> str:
    """Cut the text to `words` words (closing a mark left open), escape it, then turn the
    markers into <mark>: safe to show as HTML."""
    parts = (text or "").split()
    if len(parts) > words:
        cut = " ".join(parts[:words])
        if cut.count(MARK_START) > cut.count(MARK_END):
            cut += MARK_END
        text = cut + " …"
    escaped = html.escape(text or "")
    return escaped.replace(html.escape(MARK_START), "<mark>").replace(
        html.escape(MARK_END), "</mark>"
    )


def facet_counts(result: SearchResult) -> dict:
    """Counts of each facet value over the matches found (exact unless the search was capped),
    from what the search's own statement returned: no further query."""
    levels = result.places.levels if result.places else {}
    names = result.places.names if result.places else {}
    found = result.counts
    kinds, statuses = found.get("kind", Counter()), found.get("status", Counter())
    per_place, flags = found.get("jurisdiction", Counter()), found.get("flags", {})
    per_level = Counter()
    for code, n in per_place.items():
        per_level[levels.get(code)] += n
    years = found.get("enacted", [])
    counts = {
        **{f"kind__{k}": kinds[k] for k in Kind.values},
        **{f"status__{s}": statuses[s] for s in Status.values},
        **{f"level__{lv}": per_level[lv] for lv in Level.values},
        **{f"{name}__true": flags.get(name, 0) for name in BOOLEAN_FACETS},
        "enacted_min": min(years, default=None),
        "enacted_max": max(years, default=None),
        "total": len(result.ids),
    }
    places = [
        {"jurisdiction_id": code, "jurisdiction__name": names.get(code, code), "n": n}
        for code, n in sorted(per_place.items(), key=lambda item: (-item[1], item[0]))[:25]
    ]
    return {"counts": counts, "jurisdictions": places, "capped": result.capped}
