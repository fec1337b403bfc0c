from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from . import options, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
router.register("jurisdictions", views.JurisdictionViewSet, basename="jurisdiction")
router.register("laws", views.LawViewSet, basename="law")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("options/", options.OptionsView.as_view(), name="options"),
    path("", include(router.urls)),
]
