from django.urls import path

from . import views

app_name = "guide"

urlpatterns = [
    path("", views.start, name="start"),
    path("options/", views.options, name="options"),
    path("documents/takedown/", views.takedown, name="takedown"),
    path("documents/police/", views.police_sheet, name="police"),
    path("<str:code>/", views.place, name="place"),
]
