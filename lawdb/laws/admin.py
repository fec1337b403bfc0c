from django.contrib import admin

from .models import Act, Jurisdiction, Law, Resource, Source


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name", "aliases"]
    ordering = ["code"]


class ActInline(admin.TabularInline):
    model = Act
    extra = 0


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0


@admin.register(Law)
class LawAdmin(admin.ModelAdmin):
    list_display = [
        "citation",
        "jurisdiction",
        "kind",
        "status",
        "covers_synthetic",
        "verification",
        "last_verified",
    ]
    list_filter = [
        "kind",
        "status",
        "verification",
        "specific",
        "covers_synthetic",
        "jurisdiction__level",
    ]
    search_fields = ["citation", "title", "summary", "jurisdiction__name"]
    list_select_related = ["jurisdiction"]
    inlines = [ActInline, SourceInline]
    readonly_fields = ["key"]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "home", "collection", "verification", "last_verified"]
    list_filter = ["kind", "verification", "everywhere"]
    search_fields = ["name", "description", "serves"]
    filter_horizontal = ["areas"]
