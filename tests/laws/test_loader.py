"""The loader: every file checked before anything is written, errors that name the file, the
record and the field, nothing written on error, safe re-runs, and a byte-stable round trip."""

import copy
import datetime
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError

from lawdb.laws.exporters import export
from lawdb.laws.importers import LoadError, load
from lawdb.laws.models import Act, Jurisdiction, Law, Resource, Source

TODAY = datetime.date(2026, 11, 22)

US = {
    "code": "US",
    "name": "United States",
    "level": "national",
    "aliases": ["USA"],
    "laws": [
        {
            "citation": "15 U.S.C. § 6851",
            "title": "Civil action relating to disclosure of intimate images",
            "kind": "civil",
            "specific": True,
            "status": "in_force",
            "acts": [{"name": "Pub. L. 117-103", "date": "2022-03-15", "role": "enacted"}],
            "enacted": "2022-03-15",
            "effective": "2022-10",
            "covers": {
                "authentic": True,
                "synthetic": False,
                "threats": False,
                "creation": False,
                "minors": False,
            },
            "remedies": "liquidated damages in the amount of $150,000",
            "summary": "You can sue in federal court.",
            "sources": [
                {"url": "https://uscode.house.gov/6851", "title": "15 USC 6851", "official": True}
            ],
            "verification": "verified",
            "last_verified": "2026-11-20",
        }
    ],
}

VA = {
    "code": "US-VA",
    "name": "Virginia",
    "level": "subnational",
    "parent": "US",
    "laws": [
        {
            "citation": "Va. Code Ann. § 18.2-386.2",
            "title": "Unlawful dissemination or sale of images of another",
            "kind": "criminal",
            "specific": True,
            "status": "in_force",
            "enacted": "2014",
            "covers": {
                "authentic": True,
                "synthetic": True,
                "threats": False,
                "creation": False,
                "minors": True,
            },
            "penalty": "Class 1 misdemeanor",
            "summary": "Sharing a nude image to harass someone is a crime.",
            "sources": [
                {
                    "url": "https://law.lis.virginia.gov/vacode/18.2-386.2/",
                    "title": "Code of Virginia",
                    "official": True,
                }
            ],
            "verification": "verified",
            "last_verified": "2026-11-20",
        }
    ],
    "resources": [
        {
            "name": "Virginia State Police",
            "kind": "police",
            "description": "Report a crime.",
            "serves": "People in Virginia",
            "url": "https://vsp.virginia.gov/",
            "verification": "verified",
            "last_verified": "2026-11-20",
        }
    ],
}

SHARED = {
    "resources": [
        {
            "name": "StopNCII.org",
            "kind": "takedown",
            "description": "Hashes images so platforms can block them.",
            "serves": "Adults anywhere",
            "url": "https://stopncii.org/",
            "areas": ["*"],
            "verification": "verified",
            "last_verified": "2026-11-20",
        }
    ]
}


def write_tree(root: Path, us=US, va=VA, shared=SHARED) -> Path:
    (root / "jurisdictions" / "US").mkdir(parents=True)
    (root / "resources").mkdir()
    (root / "jurisdictions" / "US" / "US.yaml").write_text(yaml.safe_dump(us, allow_unicode=True))
    (root / "jurisdictions" / "US" / "US-VA.yaml").write_text(
        yaml.safe_dump(va, allow_unicode=True)
    )
    (root / "resources" / "shared.yaml").write_text(yaml.safe_dump(shared, allow_unicode=True))
    return root


@pytest.fixture
def tree(tmp_path):
    return write_tree(tmp_path / "fixtures")


def db_snapshot():
    return (
        Jurisdiction.objects.count(),
        Law.objects.count(),
        Act.objects.count(),
        Source.objects.count(),
        Resource.objects.count(),
    )


@pytest.mark.django_db
def test_loads_a_valid_tree(tree):
    report = load(tree, today=TODAY)
    assert report.counts[("laws", "created")] == 2
    va = Law.objects.get(citation="Va. Code Ann. § 18.2-386.2")
    assert va.jurisdiction.parent_id == "US"
    assert va.enacted == datetime.date(2014, 1, 1) and va.enacted_precision == "year"
    assert va.enacted_display == "2014"
    federal = Law.objects.get(jurisdiction="US")
    assert federal.effective_display == "2022-10"
    assert federal.acts.get().date == datetime.date(2022, 3, 15)
    stop = Resource.objects.get(name="StopNCII.org")
    assert stop.everywhere and stop.home is None and stop.collection == "shared"
    assert Resource.objects.get(name="Virginia State Police").home_id == "US-VA"


@pytest.mark.django_db
def test_rerun_reports_unchanged_then_updated_then_deleted(tree):
    load(tree, today=TODAY)
    again = load(tree, today=TODAY)
    assert again.counts[("laws", "unchanged")] == 2
    assert again.counts[("laws", "created")] == 0

    va = copy.deepcopy(VA)
    va["laws"][0]["penalty"] = "Class 1 misdemeanor; Class 6 felony if under 18"
    us = copy.deepcopy(US)
    us["laws"][0]["sources"].append(
        {
            "url": "https://www.law.cornell.edu/uscode/text/15/6851",
            "title": "LII",
            "official": False,
        }
    )
    (tree / "jurisdictions" / "US" / "US-VA.yaml").write_text(yaml.safe_dump(va))
    (tree / "jurisdictions" / "US" / "US.yaml").write_text(yaml.safe_dump(us))
    changed = load(tree, today=TODAY)
    assert changed.counts[("laws", "updated")] == 2
    assert Law.objects.get(jurisdiction="US").sources.count() == 2
    assert "felony" in Law.objects.get(jurisdiction="US-VA").penalty

    va["laws"] = []
    (tree / "jurisdictions" / "US" / "US-VA.yaml").write_text(yaml.safe_dump(va))
    removed = load(tree, today=TODAY)
    assert removed.counts[("laws", "deleted")] == 1
    assert not Law.objects.filter(jurisdiction="US-VA").exists()


def mutate(document, path, value):
    """Set (or with value=KeyError, delete) a nested key given as a list."""
    target = document
    for step in path[:-1]:
        target = target[step]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value


BAD_INPUTS = [
    # (what is wrong, path into VA, new value, expected words in the message)
    (
        "unknown field",
        ["laws", 0, "penalti"],
        "x",
        ["laws[0] (Va. Code Ann. § 18.2-386.2)", "'penalti'", "unknown field"],
    ),
    (
        "missing citation",
        ["laws", 0, "citation"],
        KeyError,
        ["laws[0]", "'citation'", "is required"],
    ),
    (
        "kind not in the enumeration",
        ["laws", 0, "kind"],
        "felony",
        ["'kind'", "'felony' is not one of"],
    ),
    (
        "status not in the enumeration",
        ["laws", 0, "status"],
        "active",
        ["'status'", "'active' is not one of"],
    ),
    (
        "verification not in the enumeration",
        ["laws", 0, "verification"],
        "checked",
        ["'verification'"],
    ),
    (
        "date that does not parse",
        ["laws", 0, "enacted"],
        "March 2014",
        ["'enacted'", "is not a date"],
    ),
    (
        "date that does not exist",
        ["laws", 0, "enacted"],
        "2014-02-30",
        ["'enacted'", "not a real date"],
    ),
    (
        "verified date in the future",
        ["laws", 0, "last_verified"],
        "2030-01-01",
        ["'last_verified'", "in the future"],
    ),
    (
        "verified date not a full date",
        ["laws", 0, "last_verified"],
        "2026",
        ["'last_verified'", "full date"],
    ),
    ("boolean given as text", ["laws", 0, "specific"], "yes", ["'specific'", "true or false"]),
    (
        "missing covers flag",
        ["laws", 0, "covers", "synthetic"],
        KeyError,
        ["'covers.synthetic'", "is required"],
    ),
    (
        "source URL not a URL",
        ["laws", 0, "sources", 0, "url"],
        "law.lis.virginia.gov",
        ["'url'", "not an http(s) URL"],
    ),
    ("no sources at all", ["laws", 0, "sources"], [], ["'sources'", "needs at least one source"]),
    ("level not in the enumeration", ["level"], "state", ["'level'", "'state' is not one of"]),
    ("unknown parent", ["parent"], "XX", ["'parent'", "no file for 'XX'"]),
    (
        "code does not match file name",
        ["code"],
        "US-MD",
        ["'code'", "does not match the file name"],
    ),
    (
        "effective before enacted",
        ["laws", 0, "effective"],
        "2013-05-01",
        ["'effective'", "before enacted"],
    ),
    (
        "resource with neither URL nor phone",
        ["resources", 0, "url"],
        KeyError,
        ["resources[0] (Virginia State Police)", "needs a URL or a phone"],
    ),
    (
        "resource kind not in the enumeration",
        ["resources", 0, "kind"],
        "cops",
        ["'kind'", "'cops'"],
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "label,path,value,expected", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS]
)
def test_bad_input_names_file_record_field_and_loads_nothing(
    tmp_path, label, path, value, expected
):
    va = copy.deepcopy(VA)
    mutate(va, path, value)
    root = write_tree(tmp_path / "fixtures", va=va)
    before = db_snapshot()
    with pytest.raises(LoadError) as caught:
        load(root, today=TODAY)
    message = str(caught.value)
    assert "fixtures/jurisdictions/US/US-VA.yaml" in message
    for words in expected:
        assert words in message, f"{words!r} not in {message!r}"
    assert "nothing was loaded" in message
    assert db_snapshot() == before


@pytest.mark.django_db
def test_error_in_one_file_loads_no_other_file(tmp_path):
    """US.yaml is valid; a bad US-VA.yaml stops both."""
    va = copy.deepcopy(VA)
    va["laws"][0]["kind"] = "felony"
    root = write_tree(tmp_path / "fixtures", va=va)
    with pytest.raises(LoadError):
        load(root, today=TODAY)
    assert Jurisdiction.objects.count() == 0 and Law.objects.count() == 0


@pytest.mark.django_db
def test_failed_reload_keeps_previous_data(tree):
    load(tree, today=TODAY)
    before = db_snapshot()
    va = copy.deepcopy(VA)
    va["laws"][0]["status"] = "maybe"
    (tree / "jurisdictions" / "US" / "US-VA.yaml").write_text(yaml.safe_dump(va))
    with pytest.raises(LoadError):
        load(tree, today=TODAY)
    assert db_snapshot() == before
    assert Law.objects.get(jurisdiction="US-VA").status == "in_force"


@pytest.mark.django_db
def test_invalid_yaml_names_file_and_line(tree):
    path = tree / "jurisdictions" / "US" / "US-VA.yaml"
    path.write_text("code: US-VA\nlaws: [\n  - citation: x\n")
    with pytest.raises(LoadError) as caught:
        load(tree, today=TODAY)
    message = str(caught.value)
    assert "US-VA.yaml: line" in message and "not valid YAML" in message


@pytest.mark.django_db
def test_duplicate_citation_in_a_file(tmp_path):
    va = copy.deepcopy(VA)
    va["laws"].append(copy.deepcopy(va["laws"][0]))
    root = write_tree(tmp_path / "fixtures", va=va)
    with pytest.raises(LoadError) as caught:
        load(root, today=TODAY)
    assert "laws[1] (Va. Code Ann. § 18.2-386.2): field 'citation': duplicates laws[0]" in str(
        caught.value
    )


@pytest.mark.django_db
def test_file_in_wrong_country_folder(tree):
    (tree / "jurisdictions" / "GB").mkdir()
    va = copy.deepcopy(VA)
    va["code"] = "US-MD"
    (tree / "jurisdictions" / "GB" / "US-MD.yaml").write_text(yaml.safe_dump(va))
    with pytest.raises(LoadError) as caught:
        load(tree, today=TODAY)
    assert "belongs in jurisdictions/US/" in str(caught.value)


@pytest.mark.django_db
def test_missing_official_source_is_a_warning_unless_strict(tmp_path):
    va = copy.deepcopy(VA)
    va["laws"][0]["sources"][0]["official"] = False
    root = write_tree(tmp_path / "fixtures", va=va)
    report = load(root, today=TODAY)
    assert len(report.warnings) == 1
    assert "has no official source" in str(report.warnings[0])
    Law.objects.all().delete()
    with pytest.raises(LoadError):
        load(root, today=TODAY, strict=True)


@pytest.mark.django_db
def test_command_reports_errors_as_command_error(tmp_path):
    va = copy.deepcopy(VA)
    va["laws"][0]["kind"] = "felony"
    root = write_tree(tmp_path / "fixtures", va=va)
    with pytest.raises(CommandError, match="'felony' is not one of"):
        call_command("load_fixtures", path=str(root))


@pytest.mark.django_db
def test_export_then_load_then_export_is_byte_identical(tree, tmp_path):
    load(tree, today=TODAY)
    first = tmp_path / "first"
    export(first)
    # load the export into an empty database, export again
    Law.objects.all().delete()
    Resource.objects.all().delete()
    Jurisdiction.objects.filter(parent__isnull=False).delete()
    Jurisdiction.objects.all().delete()
    load(first, today=TODAY)
    second = tmp_path / "second"
    export(second)
    files = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.yaml"))
    assert len(files) == 3
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    text = (first / "jurisdictions" / "US" / "US-VA.yaml").read_text()
    assert "enacted: '2014'" in text and "citation: Va. Code Ann. § 18.2-386.2" in text


@pytest.mark.django_db
def test_curated_fixtures_load_and_round_trip_byte_identical(settings, tmp_path):
    """The curated files are in canonical form: loading and exporting them changes no byte."""
    root = Path(settings.FIXTURES_DIR)
    load(root)
    out = tmp_path / "export"
    export(out)
    originals = sorted(p.relative_to(root) for p in root.rglob("*.yaml"))
    assert originals == sorted(p.relative_to(out) for p in out.rglob("*.yaml"))
    for rel in originals:
        assert (root / rel).read_text() == (out / rel).read_text(), f"{rel} is not canonical"


@pytest.mark.django_db
def test_former_citations_keep_old_permalinks(client, tmp_path):
    va = copy.deepcopy(VA)
    va["laws"][0]["former_citations"] = ["Va. Code Ann. § 18.2-386.1"]
    load(write_tree(tmp_path / "fixtures", va=va), today=TODAY)
    law = Law.objects.get(citation="Va. Code Ann. § 18.2-386.2")
    assert law.former_keys == ["us-va-va-code-ann-18-2-386-1"]
    page = client.get("/laws/us-va-va-code-ann-18-2-386-1/")
    assert page.status_code == 301 and page["Location"] == law.get_absolute_url()
    api = client.get("/api/v1/laws/us-va-va-code-ann-18-2-386-1/")
    assert api.status_code == 301 and api["Location"].endswith(f"/api/v1/laws/{law.key}/")
    assert client.get("/laws/us-va-never-was/").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "former,message",
    [
        (["Va. Code Ann. § 8.01-40.4"], "has the permalink of a current law"),
        (["Va. Code Ann. § 18.2-386.2"], "repeats"),
        ([""], "must be a citation"),
    ],
)
def test_a_former_citation_cannot_shadow_a_law(tmp_path, former, message):
    va = copy.deepcopy(VA)
    other = copy.deepcopy(VA["laws"][0]) | {"citation": "Va. Code Ann. § 8.01-40.4"}
    va["laws"].append(other)
    va["laws"][0]["former_citations"] = former
    with pytest.raises(LoadError) as caught:
        load(write_tree(tmp_path / "fixtures", va=va), today=TODAY)
    assert message in str(caught.value) and "former_citations" in str(caught.value)
    assert Law.objects.count() == 0


@pytest.mark.django_db
def test_law_page_names_its_former_citation(client, tmp_path):
    va = copy.deepcopy(VA)
    va["laws"][0]["former_citations"] = ["Va. Code Ann. § 18.2-386.1"]
    load(write_tree(tmp_path / "fixtures", va=va), today=TODAY)
    body = client.get("/laws/us-va-va-code-ann-18-2-386-2/").content.decode()
    assert "Recorded here earlier as Va. Code Ann. § 18.2-386.1" in body
