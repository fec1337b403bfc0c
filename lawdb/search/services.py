"""Full-text search over laws, used by the search page, the API and the guide."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q


def apply_search(queryset, q: str):
    q = (q or "").strip()
    if not q:
        return queryset
    vector = (
        SearchVector("citation", "title", weight="A", config="english")
        + SearchVector("summary", "jurisdiction__name", weight="B", config="english")
        + SearchVector("excerpt", "notes", weight="D", config="english")
    )
    query = SearchQuery(q, search_type="websearch", config="english")
    return (
        queryset.annotate(document=vector, rank=SearchRank(vector, query))
        .filter(Q(document=query) | Q(citation__icontains=q))
        .order_by(F("rank").desc(nulls_last=True), "jurisdiction_id", "position")
    )
