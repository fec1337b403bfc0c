import pytest

from tests.factories import JurisdictionFactory, LawFactory


@pytest.fixture
def us(db):
    return JurisdictionFactory(code="US", name="United States", level="national", aliases=["USA"])


@pytest.fixture
def virginia(us):
    return JurisdictionFactory(
        code="US-VA", name="Virginia", level="subnational", parent=us, aliases=["VA"]
    )


@pytest.fixture
def va_law(virginia):
    return LawFactory(
        jurisdiction=virginia,
        citation="Va. Code Ann. § 18.2-386.2",
        title="Unlawful dissemination or sale of images of another",
        covers_synthetic=True,
        penalty="Class 1 misdemeanor",
        summary="Sharing or selling a nude or sexual image of someone to coerce, harass or "
        "intimidate them is a crime.",
    )


@pytest.fixture
def federal_law(us):
    return LawFactory(
        jurisdiction=us,
        citation="15 U.S.C. § 6851",
        title="Civil action relating to disclosure of intimate images",
        kind="civil",
        remedies="actual damages or liquidated damages of $150,000",
        summary="A person whose intimate image was shared without consent can sue.",
    )
