from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from lawdb.laws.models import Act, Jurisdiction, Law, Resource, Source


class PartialDateField(serializers.Field):
    """'2014', '2014-03' or '2014-03-31': no more precise than the record."""

    def __init__(self, precision_field: str, **kwargs):
        self.precision_field = precision_field
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, obj):
        from lawdb.laws.models import format_partial_date

        value = getattr(obj, self.field_name)
        return format_partial_date(value, getattr(obj, self.precision_field))


extend_schema_field({"type": "string", "nullable": True, "example": "2019-07-01"})(PartialDateField)


class ActSerializer(serializers.ModelSerializer):
    date = serializers.CharField(source="date_display", allow_null=True, read_only=True)

    class Meta:
        model = Act
        fields = ["name", "role", "date", "url", "note"]


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["url", "title", "official"]


class LawSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="key", read_only=True)
    url = serializers.SerializerMethodField()
    permalink = serializers.SerializerMethodField()
    jurisdiction = serializers.CharField(source="jurisdiction_id", read_only=True)
    jurisdiction_name = serializers.CharField(source="jurisdiction.name", read_only=True)
    acts = ActSerializer(many=True, read_only=True)
    enacted = PartialDateField("enacted_precision")
    effective = PartialDateField("effective_precision")
    source_url = serializers.SerializerMethodField()
    sources = SourceSerializer(many=True, read_only=True)

    class Meta:
        model = Law
        fields = [
            "id",
            "url",
            "permalink",
            "jurisdiction",
            "jurisdiction_name",
            "citation",
            "former_citations",
            "title",
            "kind",
            "specific",
            "status",
            "acts",
            "enacted",
            "enacted_precision",
            "effective",
            "effective_precision",
            "covers_authentic",
            "covers_synthetic",
            "covers_threats",
            "covers_creation",
            "covers_minors",
            "intent",
            "penalty",
            "remedies",
            "limitation_period",
            "summary",
            "excerpt",
            "notes",
            "source_url",
            "sources",
            "last_verified",
            "verification",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return reverse(
            "api:law-detail", kwargs={"key": obj.key}, request=self.context.get("request")
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_permalink(self, obj):
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_source_url(self, obj):
        source = obj.official_source
        return source.url if source else None


class ResourceSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="key", read_only=True)
    home = serializers.CharField(source="home_id", allow_null=True, read_only=True)

    class Meta:
        model = Resource
        fields = [
            "id",
            "name",
            "kind",
            "description",
            "serves",
            "url",
            "phone",
            "hours",
            "home",
            "everywhere",
            "verification",
            "last_verified",
        ]


class JurisdictionSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(source="parent_id", allow_null=True, read_only=True)
    law_count = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Jurisdiction
        fields = ["code", "name", "level", "parent", "aliases", "law_count", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, obj):
        return reverse(
            "api:jurisdiction-detail",
            kwargs={"code": obj.code},
            request=self.context.get("request"),
        )


class JurisdictionDetailSerializer(JurisdictionSerializer):
    laws = LawSerializer(many=True, read_only=True, source="law_list")
    resources = ResourceSerializer(many=True, read_only=True, source="resource_list")

    class Meta(JurisdictionSerializer.Meta):
        fields = [*JurisdictionSerializer.Meta.fields, "laws", "resources"]
