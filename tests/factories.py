import datetime

import factory

from lawdb.laws.models import Act, Jurisdiction, Law, Resource, Source, make_law_key


class JurisdictionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Jurisdiction
        django_get_or_create = ("code",)

    code = "US"
    name = "United States"
    level = "national"
    parent = None
    aliases = factory.LazyFunction(list)


class LawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Law
        skip_postgeneration_save = True

    jurisdiction = factory.SubFactory(JurisdictionFactory)
    citation = factory.Sequence(lambda n: f"Test Code § {n}.1")
    key = factory.LazyAttribute(lambda o: make_law_key(o.jurisdiction.code, o.citation))
    title = "Unlawful disclosure of intimate images"
    kind = "criminal"
    specific = True
    status = "in_force"
    covers_authentic = True
    covers_synthetic = False
    covers_threats = False
    covers_creation = False
    covers_minors = False
    summary = "It is a crime to share a private sexual image of someone without their consent."
    verification = "verified"
    last_verified = datetime.date(2026, 11, 1)
    position = factory.Sequence(lambda n: n)

    @factory.post_generation
    def official_source(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            SourceFactory(law=obj, official=True, position=0)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    law = factory.SubFactory(LawFactory, official_source=False)
    url = factory.Sequence(lambda n: f"https://legislature.example.gov/code/{n}")
    title = "Official code"
    official = True
    position = factory.Sequence(lambda n: n + 1)


class ActFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Act

    law = factory.SubFactory(LawFactory)
    name = factory.Sequence(lambda n: f"HB {n} (2019)")
    date = datetime.date(2019, 3, 18)
    date_precision = "day"
    role = "enacted"
    position = factory.Sequence(lambda n: n)


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    key = factory.Sequence(lambda n: f"resource-{n}")
    name = factory.Sequence(lambda n: f"Helpline {n}")
    kind = "helpline"
    description = "Answers calls from people whose images were shared."
    serves = "Adults"
    url = "https://help.example.org/"
    verification = "verified"
    last_verified = datetime.date(2026, 11, 1)
    home = factory.SubFactory(JurisdictionFactory)
    collection = ""
