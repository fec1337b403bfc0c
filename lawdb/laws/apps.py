from django.apps import AppConfig


class LawsConfig(AppConfig):
    name = "lawdb.laws"
    verbose_name = "Laws and resources"
