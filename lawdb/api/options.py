from django import forms
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from lawdb.guide.rules import ACTS, AGES, IMAGES, Situation
from lawdb.guide.services import build_guide
from lawdb.laws.models import Jurisdiction

from .serializers import LawSerializer, ResourceSerializer


class OptionsQuery(forms.Form):
    live_in = forms.CharField(max_length=8)
    other_in = forms.CharField(max_length=8, required=False)
    image = forms.ChoiceField(choices=IMAGES.items(), required=False)
    age = forms.ChoiceField(choices=AGES.items(), required=False)
    act = forms.MultipleChoiceField(choices=ACTS.items(), required=False)

    def _place(self, name):
        code = (self.cleaned_data.get(name) or "").upper()
        if not code:
            return None
        place = Jurisdiction.objects.select_related("parent__parent").filter(code=code).first()
        if place is None:
            raise forms.ValidationError(f"No jurisdiction has the code {code!r}.")
        return place

    def clean_live_in(self):
        return self._place("live_in")

    def clean_other_in(self):
        return self._place("other_in")


class LawOptionSerializer(serializers.Serializer):
    law = LawSerializer()
    reasons = serializers.ListField(child=serializers.CharField())
    cautions = serializers.ListField(child=serializers.CharField())


class ResourceOptionSerializer(serializers.Serializer):
    resource = ResourceSerializer()
    reasons = serializers.ListField(child=serializers.CharField())


class StepSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    text = serializers.ListField(child=serializers.CharField())
    checklist = serializers.ListField(child=serializers.CharField())
    laws = serializers.SerializerMethodField()
    resources = serializers.SerializerMethodField()

    def get_laws(self, step) -> list[str]:
        return [m.law.key for m in step.laws]

    def get_resources(self, step) -> list[str]:
        return [m.resource.key for m in step.resources]


class OptionsSerializer(serializers.Serializer):
    laws = LawOptionSerializer(many=True)
    resources = ResourceOptionSerializer(many=True)
    steps = StepSerializer(many=True)


class OptionsView(APIView):
    """The options finder: the laws that may apply where the person lives (and where the other
    person is), the resources that can help, and the steps, each with the reason it applies."""

    @extend_schema(
        parameters=[
            OpenApiParameter("live_in", str, required=True, description="Jurisdiction code"),
            OpenApiParameter("other_in", str, description="The other person's jurisdiction"),
            OpenApiParameter("image", str, enum=list(IMAGES)),
            OpenApiParameter("age", str, enum=list(AGES)),
            OpenApiParameter("act", str, many=True, enum=list(ACTS)),
        ],
        responses=OptionsSerializer,
        tags=["options"],
    )
    def get(self, request):
        query = OptionsQuery(request.query_params)
        if not query.is_valid():
            raise ValidationError(query.errors)
        data = query.cleaned_data
        situation = Situation.from_answers(
            live_in=data["live_in"],
            other_in=data["other_in"],
            image=data["image"],
            age=data["age"],
            acts=data["act"],
        )
        guide = build_guide(situation)
        body = OptionsSerializer(
            {"laws": guide.laws, "resources": guide.resources, "steps": guide.steps},
            context={"request": request},
        ).data
        response = Response(body)
        response["Cache-Control"] = "no-store, private"
        return response
