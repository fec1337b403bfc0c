from django.apps import AppConfig
from django.db.models.signals import post_save


class SearchConfig(AppConfig):
    name = "lawdb.search"

    def ready(self):
        from lawdb.laws.models import Jurisdiction, Law

        from .index import refresh_all, refresh_law

        post_save.connect(refresh_law, sender=Law, dispatch_uid="search-refresh-law")
        post_save.connect(refresh_all, sender=Jurisdiction, dispatch_uid="search-refresh-place")
