import pytest

from lawdb.guide.readability import grade, reading_age
from lawdb.guide.rules import Situation, match_law, match_resource
from lawdb.guide.services import EVIDENCE_CHECKLIST, build_guide
from tests.factories import JurisdictionFactory, LawFactory, ResourceFactory


@pytest.fixture
def place(virginia):
    return virginia


def situation(place, **kwargs):
    return Situation(live_in=place, **kwargs)


def test_law_only_for_minors_is_offered_to_a_minor_only(place):
    law = LawFactory(jurisdiction=place, covers_minors=True, minors_only=True)
    assert match_law(law, situation(place, age="adult")) is None
    found = match_law(law, situation(place, age="minor"))
    assert "you were under 18" in found.reasons


def test_fake_image_needs_a_law_whose_text_covers_fakes(place):
    real_only = LawFactory(jurisdiction=place, covers_synthetic=False)
    both = LawFactory(jurisdiction=place, covers_synthetic=True)
    s = situation(place, image="synthetic")
    assert match_law(real_only, s) is None
    assert "its text covers altered or AI-made images" in match_law(both, s).reasons


def test_unknown_image_shows_real_only_law_with_a_caution(place):
    real_only = LawFactory(jurisdiction=place, covers_synthetic=False)
    found = match_law(real_only, situation(place, image="unknown"))
    assert found and "does not mention altered" in found.cautions[0]


def test_general_extortion_law_only_for_threats(place):
    extortion = LawFactory(jurisdiction=place, specific=False, covers_threats=True)
    assert match_law(extortion, situation(place, acts=frozenset({"shared"}))) is None
    found = match_law(extortion, situation(place, acts=frozenset({"threatened"})))
    assert "it covers threats to share" in found.reasons


def test_creation_law_when_someone_made_a_fake(place):
    law = LawFactory(
        jurisdiction=place, covers_creation=True, covers_synthetic=True, covers_authentic=False
    )
    found = match_law(law, situation(place, image="synthetic", acts=frozenset({"created"})))
    assert "it covers making the image" in found.reasons


def test_pending_bill_carries_a_caution(place):
    bill = LawFactory(jurisdiction=place, status="pending")
    assert "not law in force" in match_law(bill, situation(place)).cautions[-1]


def test_repealed_laws_are_left_out(place):
    LawFactory(jurisdiction=place, status="repealed", citation="Old § 1")
    guide = build_guide(situation(place))
    assert "Old § 1" not in [m.law.citation for m in guide.laws]


def test_both_places_and_the_national_layer(place, us):
    md = JurisdictionFactory(code="US-MD", name="Maryland", level="subnational", parent=us)
    LawFactory(jurisdiction=place, citation="VA 1")
    LawFactory(jurisdiction=md, citation="MD 1")
    LawFactory(jurisdiction=us, citation="US 1")
    guide = build_guide(Situation(live_in=place, other_in=md))
    assert [j.code for j, _ in guide.layers] == ["US-VA", "US", "US-MD"]
    assert {m.law.citation for m in guide.laws} == {"VA 1", "MD 1", "US 1"}


def test_resources_by_audience(place):
    adults = ResourceFactory(home=place, audience="adults", kind="takedown")
    minors = ResourceFactory(home=place, audience="minors", kind="takedown")
    assert match_resource(adults, situation(place, age="minor")) is None
    assert match_resource(minors, situation(place, age="adult")) is None
    assert (
        "for images taken before 18"
        in match_resource(minors, situation(place, age="minor")).reasons
    )


def test_steps_in_order_with_laws_in_the_right_step(place):
    LawFactory(jurisdiction=place, kind="civil", citation="Civ 1", remedies="damages")
    LawFactory(jurisdiction=place, kind="criminal", citation="Crim 1")
    LawFactory(jurisdiction=place, kind="platform_duty", citation="Duty 1")
    guide = build_guide(situation(place))
    assert [s.key for s in guide.steps] == [
        "danger",
        "evidence",
        "takedown",
        "report",
        "court",
        "support",
    ]
    by_key = {s.key: [m.law.citation for m in s.laws] for s in guide.steps}
    assert by_key["court"] == ["Civ 1"]
    assert by_key["report"] == ["Crim 1"]
    assert by_key["takedown"] == ["Duty 1"]


def test_no_civil_law_says_so(place):
    guide = build_guide(situation(place))
    court = next(s for s in guide.steps if s.key == "court")
    assert "no law recorded here that lets you sue" in court.text[0]


def test_guidance_text_reads_at_about_age_twelve(place):
    guide = build_guide(situation(place))
    text = "\n\n".join(p for step in guide.steps for p in [*step.text, *step.checklist])
    assert reading_age(text) <= 13, grade(text)
    assert len(EVIDENCE_CHECKLIST) >= 5
