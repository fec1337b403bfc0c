from django.contrib import admin
from django.urls import include, path

from lawdb.web import views as web_views

urlpatterns = [
    path("", include("lawdb.web.urls")),
    path("search/", include("lawdb.search.urls")),
    path("help/", include("lawdb.guide.urls")),
    path("api/v1/", include("lawdb.api.urls")),
    path("healthz", web_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

handler404 = "lawdb.web.views.page_not_found"
handler500 = "lawdb.web.views.server_error"
