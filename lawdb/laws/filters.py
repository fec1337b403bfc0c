"""Parameter parsing for lists of laws, shared by the pages and the API."""

import django_filters
from django import forms

from lawdb.search.models import Entry
from lawdb.search.services import apply_search

from .models import Jurisdiction, Kind, Law, Level, Status, Verification


class StrictBooleanField(forms.NullBooleanField):
    """true/false (or 1/0, yes/no); anything else is an error, not silently ignored."""

    widget = forms.TextInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in {"true", "1", "yes"}:
            return True
        if text in {"false", "0", "no"}:
            return False
        raise forms.ValidationError(f"{value!r} is not true or false.", code="invalid")

    def validate(self, value):
        pass


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class CodeListFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    pass


class LawFilter(django_filters.FilterSet):
    """Structured filters over laws; the search page adds its text query on top."""

    jurisdiction = CodeListFilter(
        field_name="jurisdiction_id",
        label="Jurisdiction code(s), comma-separated (US-VA,US)",
        method="filter_jurisdiction",
    )
    applies_in = django_filters.CharFilter(
        method="filter_applies_in",
        label="Jurisdiction code: its laws and its parents' (US-VA: Virginia and federal)",
    )
    level = django_filters.ChoiceFilter(field_name="jurisdiction__level", choices=Level.choices)
    kind = django_filters.MultipleChoiceFilter(choices=Kind.choices)
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    verification = django_filters.MultipleChoiceFilter(choices=Verification.choices)
    specific = StrictBooleanFilter()
    covers_authentic = StrictBooleanFilter()
    covers_synthetic = StrictBooleanFilter()
    covers_threats = StrictBooleanFilter()
    covers_creation = StrictBooleanFilter()
    covers_minors = StrictBooleanFilter()
    enacted_from = django_filters.NumberFilter(
        field_name="enacted__year", lookup_expr="gte", label="Enacted in or after this year"
    )
    enacted_to = django_filters.NumberFilter(
        field_name="enacted__year", lookup_expr="lte", label="Enacted in or before this year"
    )

    class Meta:
        model = Law
        fields = []

    def filter_jurisdiction(self, queryset, name, value):
        return queryset.filter(jurisdiction_id__in=[v.strip().upper() for v in value if v.strip()])

    def filter_applies_in(self, queryset, name, value):
        jurisdiction = (
            Jurisdiction.objects.select_related("parent__parent").filter(code=value.upper()).first()
        )
        if jurisdiction is None:
            return queryset.none()
        return queryset.applying_in(jurisdiction)


# The filters whose fields a law's search entry carries too (lawdb.search.models.Entry).
_ENTRY_FIELDS = {field.name for field in Entry._meta.get_fields()}
ENTRY_FILTERS = frozenset(
    name
    for name, spec in LawFilter.base_filters.items()
    if spec.field_name.split("__")[0] in _ENTRY_FIELDS
)


def search_scope(data):
    """The rows to filter for a search: the laws' search entries when every filter in `data` is
    one they carry (a search narrowed that way reads nothing else), else the laws."""
    given = {name for name in LawFilter.base_filters if data.get(name) not in (None, "")}
    if given <= ENTRY_FILTERS:
        return Entry.objects.all()
    return Law.objects.all()


class LawSearchFilter(LawFilter):
    """The API's filters, with `q`: text search, best first (see lawdb.search)."""

    q = django_filters.CharFilter(method="filter_q", label="Search text", max_length=300)

    def filter_q(self, queryset, name, value):
        scope = search_scope(self.data)
        if scope.model is Law:
            return apply_search(queryset, value)  # the laws, already filtered
        return apply_search(queryset, value, scope=LawFilter(self.data, queryset=scope).qs)
