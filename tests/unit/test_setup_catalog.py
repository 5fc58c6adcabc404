"""The set-up services' catalog entries: rename, retire, add, export and import (the
office, queues and service points are in test_setup.py, with the helpers)."""

from __future__ import annotations

import json

import pytest

from app.services.catalog import transfer as catalog
from app.services.errands import logbook as errands
from app.services.queue.views import office_revision
from app.services.setup import office_setup as setup
from app.services.setup.catalog import DefaultEntryError
from app.ui.shell.refusals import refusal_text
from tests.unit.test_setup import active_export, audit_details, refused

pytestmark = pytest.mark.both_stores

# ---------------------------------------------------------------- catalog


def test_overview_lists_retired_entries_with_their_flag(store, clock, desk):
    setup.set_catalog_entry_active(desk, "errand_type", "vab", False, agency_code="FK")
    setup.set_catalog_entry_active(desk, "language", "yi", False)
    overview = setup.catalog_overview(store)
    fk = overview.agencies[0]
    assert fk.item.code == "FK" and fk.agency_kind == "agency"
    vab = fk.errand_types[-1]
    assert (vab.code, vab.active, vab.agency_code) == ("vab", False, "FK")
    assert overview.languages[-1].code == "yi" and not overview.languages[-1].active
    assert len(overview.outcomes) == 6 and len(overview.interpreter_kinds) == 3


def test_retire_an_errand_type_hides_it_from_the_active_catalog(store, clock, desk):
    revision = office_revision(store)
    item = setup.set_catalog_entry_active(
        desk, "errand_type", "sjukpenning", False, agency_code="FK"
    )
    assert not item.active
    fk = next(a for a in active_export(store)["agencies"] if a["code"] == "FK")
    assert "sjukpenning" not in [t["code"] for t in fk["errand_types"]]
    assert office_revision(store) == revision + 1
    assert audit_details(store) == ["errand_type FK/sjukpenning retired"]
    setup.set_catalog_entry_active(desk, "errand_type", "sjukpenning", True, "FK")
    fk = next(a for a in active_export(store)["agencies"] if a["code"] == "FK")
    assert [t["code"] for t in fk["errand_types"]][2] == "sjukpenning"  # back in its place


def test_rename_entries(store, clock, desk):
    item = setup.rename_catalog_entry(desk, "outcome", "resolved", "Klart på plats")
    assert (item.label, item.label_en) == ("Klart på plats", "Resolved here")
    item = setup.rename_catalog_entry(desk, "language", "fa", "Persiska (farsi)", "")
    assert item.label_en is None
    item = setup.rename_catalog_entry(
        desk, "errand_type", "ovrigt", "Annat", "Other", agency_code="PM"
    )
    assert (item.label, item.agency_code) == ("Annat", "PM")
    assert len(audit_details(store)) == 3
    revision = office_revision(store)
    setup.rename_catalog_entry(desk, "outcome", "resolved", "Klart på plats")
    assert office_revision(store) == revision


@pytest.mark.parametrize(
    ("args", "error", "swedish"),
    [
        (("outcome", "resolved", " "), setup.InvalidSettingError, "namnet"),
        (("colour", "red", "Röd"), setup.InvalidSettingError, "Okänd sorts post"),
        (("outcome", "nope", "X"), setup.CatalogEntryNotFoundError, "finns inte"),
        (("errand_type", "vab", "X"), setup.CatalogEntryNotFoundError, "finns inte"),
    ],
)
def test_rename_refusals(store, clock, desk, args, error, swedish):
    with refused(store, error, swedish):
        setup.rename_catalog_entry(desk, *args)


def test_retire_refusals(store, clock, desk):
    with refused(store, setup.EntryInUseError, "hör till kö B"):
        setup.set_catalog_entry_active(desk, "agency", "SKV", False)
    outcomes = [o.code for o in setup.catalog_overview(store).outcomes]
    for code in outcomes[1:]:
        setup.set_catalog_entry_active(desk, "outcome", code, False)
    with refused(store, setup.LastActiveError, "minst ett utfall"):
        setup.set_catalog_entry_active(desk, "outcome", outcomes[0], False)


@pytest.mark.parametrize(
    ("kind", "code", "swedish"),
    [
        ("language", errands.DEFAULT_LANGUAGE, "Svenska är förvalt språk"),
        ("interpreter_kind", errands.DEFAULT_INTERPRETER, "Ingen tolk är förvalt tolkval"),
    ],
)
def test_refuse_retiring_what_errands_get_by_default(store, clock, desk, kind, code, swedish):
    with refused(store, DefaultEntryError, swedish, english=f"{code!r} is the default") as caught:
        setup.set_catalog_entry_active(desk, kind, code, False)
    assert isinstance(caught.value, setup.EntryInUseError)
    assert (caught.value.kind, caught.value.code) == (kind, code)
    # Still refused when it is the last one in use: the default is the reason that holds.
    others = [i.code for i in getattr(setup.catalog_overview(store), f"{kind}s") if i.code != code]
    for other in others:
        setup.set_catalog_entry_active(desk, kind, other, False)
    with refused(store, DefaultEntryError, swedish):
        setup.set_catalog_entry_active(desk, kind, code, False)
    # So an errand logged without choosing a language or interpreter still goes in.
    visit = errands.log_quick_visit(desk, "desk", [errands.ErrandInput("FK", "vab", "resolved")])
    logged = visit.errands[0]
    assert (logged.language_code, logged.interpreter_code) == (
        errands.DEFAULT_LANGUAGE,
        errands.DEFAULT_INTERPRETER,
    )
    # Renaming the default stays allowed.
    item = setup.rename_catalog_entry(desk, kind, code, "Förvalt")
    assert (item.label, item.active) == ("Förvalt", True)


def test_retiring_an_agency_takes_its_errand_types_along(store, clock, desk):
    setup.update_queue(desk, "korta", agencies=["GEMENSAMT", "K-EXEMPEL"])
    setup.set_catalog_entry_active(desk, "agency", "R-EXEMPEL", False)
    region = next(a for a in setup.catalog_overview(store).agencies if a.item.code == "R-EXEMPEL")
    assert not region.item.active and not any(t.active for t in region.errand_types)
    with refused(store, setup.EntryInUseError, "Återställ myndigheten först"):
        setup.set_catalog_entry_active(desk, "errand_type", "1177", True, "R-EXEMPEL")
    setup.set_catalog_entry_active(desk, "agency", "R-EXEMPEL", True)
    region = next(a for a in setup.catalog_overview(store).agencies if a.item.code == "R-EXEMPEL")
    assert region.item.active and all(t.active for t in region.errand_types)


def test_add_entries(store, clock, desk):
    item = setup.add_catalog_entry(
        desk, "errand_type", "uppehallstillstand", "Uppehållstillstånd", agency_code="SKV"
    )
    assert (item.agency_code, item.active) == ("SKV", True)
    setup.add_catalog_entry(desk, "language", "ku", "Kurdiska", "Kurdish")
    exported = active_export(store)
    assert exported["languages"][-1] == {"code": "ku", "label": "Kurdiska", "label_en": "Kurdish"}
    skv = next(a for a in exported["agencies"] if a["code"] == "SKV")
    assert skv["errand_types"][-1]["code"] == "uppehallstillstand"
    with refused(store, setup.InvalidSettingError, "finns redan"):
        setup.add_catalog_entry(desk, "language", "ku", "Kurdiska igen")
    with refused(store, setup.InvalidSettingError, "Koden får bara"):
        setup.add_catalog_entry(desk, "language", "kurd ish", "Kurdiska")
    with refused(store, setup.InvalidSettingError, "ser ut som ett personnummer") as said:
        setup.add_catalog_entry(desk, "outcome", "anna-19800101-1234", "Klart")
    assert "19800101" not in str(said.value) + refusal_text(
        said.value
    )  # never said back, nor logged
    setup.add_catalog_entry(desk, "errand_type", "tel-1177", "1177", agency_code="R-EXEMPEL")


def test_export_then_import_after_hand_edits_changes_nothing(store, clock, desk, tmp_path):
    setup.set_catalog_entry_active(desk, "errand_type", "vab", False, agency_code="FK")
    setup.set_queue_active(desk, "af", False)
    setup.add_queue(desk, "E", "Migrationsverket")
    setup.add_catalog_entry(desk, "outcome", "later", "Återkommer")
    path = setup.export_catalog_file(desk, tmp_path / "katalog.json")
    assert "Återkommer" in path.read_text(encoding="utf-8")
    revision = office_revision(store)
    result = setup.import_catalog_file(desk, path)
    assert not result.changed
    assert office_revision(store) == revision


def test_import_of_a_broken_file_names_the_entry_and_changes_nothing(store, clock, desk, tmp_path):
    path = setup.export_catalog_file(desk, tmp_path / "katalog.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    del doc["agencies"][2]["errand_types"][1]["code"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with refused(store, catalog.CatalogError, english="agencies[2].errand_types[1]: code missing"):
        setup.import_catalog_file(desk, path)
