from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets

from lawdb.laws.filters import LawSearchFilter
from lawdb.laws.models import Jurisdiction, Law, Resource
from lawdb.web.selectors import law_renamed

from .serializers import (
    JurisdictionDetailSerializer,
    JurisdictionSerializer,
    LawSerializer,
)


@extend_schema(tags=["jurisdictions"])
class JurisdictionViewSet(viewsets.ReadOnlyModelViewSet):
    """Jurisdictions: countries, their states and provinces, and the EU."""

    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9-]+"

    def get_queryset(self):
        queryset = Jurisdiction.objects.annotate(law_count=Count("laws")).order_by("code")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch(
                    "laws",
                    queryset=Law.objects.with_related().order_by("position"),
                    to_attr="law_list",
                ),
            )
        return queryset

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        obj = super().get_object()
        obj.resource_list = list(
            Resource.objects.serving(obj.lineage()).order_by("kind", "position", "name")
        )
        return obj

    def get_serializer_class(self):
        return JurisdictionDetailSerializer if self.action == "retrieve" else JurisdictionSerializer


@extend_schema(tags=["laws"])
class LawViewSet(viewsets.ReadOnlyModelViewSet):
    """Laws on intimate-image abuse and sexual deepfakes, each with its official source and
    verification state. `q` searches the text, best match first; the other parameters filter.
    A search examines at most its first 500 matches (narrow it with a place or a filter to
    reach the rest); without `q` every law that passes the filters is listed."""

    lookup_field = "key"
    serializer_class = LawSerializer
    filterset_class = LawSearchFilter

    def get_queryset(self):
        return Law.objects.with_related().order_by("jurisdiction_id", "position")

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            renamed = law_renamed(kwargs[self.lookup_field])
            if renamed is None:
                raise
            url = reverse("api:law-detail", kwargs={"key": renamed.key})
            return HttpResponsePermanentRedirect(url)  # the record's citation was corrected
