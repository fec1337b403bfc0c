from django.urls import path

from . import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("jurisdictions/", views.jurisdiction_list, name="jurisdictions"),
    path("jurisdictions/<str:code>/", views.jurisdiction_detail, name="jurisdiction"),
    path("laws/<slug:key>/", views.law_detail, name="law"),
]
