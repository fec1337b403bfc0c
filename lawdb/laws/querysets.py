"""Reusable reads: each method answers one question the site asks."""

from django.db import models
from django.db.models import Q


class LawQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(status="in_force")

    def covering_synthetic(self):
        return self.filter(covers_synthetic=True)

    def specific(self):
        return self.filter(specific=True)

    def applying_in(self, jurisdiction):
        """Laws that apply to a person in `jurisdiction`: its own and those of its parents."""
        return self.filter(jurisdiction__in=[j.code for j in jurisdiction.lineage()])

    def with_related(self):
        """Everything a page or API response shows, in a fixed number of queries."""
        return self.select_related("jurisdiction", "jurisdiction__parent").prefetch_related(
            "sources", "acts"
        )


class LawManager(models.Manager.from_queryset(LawQuerySet)):
    """Laws without their search document, which only the database reads (fetching it would
    cost a large read per row for nothing)."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")


class ResourceQuerySet(models.QuerySet):
    def serving(self, jurisdictions):
        """Resources serving anyone in these jurisdictions, or everyone."""
        codes = [j if isinstance(j, str) else j.code for j in jurisdictions]
        return self.filter(Q(home__in=codes) | Q(areas__in=codes) | Q(everywhere=True)).distinct()
