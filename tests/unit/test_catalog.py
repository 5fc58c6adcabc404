"""The catalog file: validation, all-or-nothing import, export, retiring, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.cli.main import main
from app.config import RESOURCES_DIR, Settings
from app.models import (
    Agency,
    AuditEvent,
    DayRevision,
    ErrandType,
    InterpreterKind,
    Language,
    Office,
    Outcome,
    Queue,
    QueueAgency,
    ReferralTarget,
)
from app.services.catalog import transfer as catalog
from app.services.errands import logbook as er
from app.services.errands.logbook import ErrandInput
from app.services.office.clock import ManualClock
from app.services.office.info import list_queues
from app.store.engine import Store
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores

SEED_FILE = RESOURCES_DIR / "seed" / "catalog.json"
CATALOG_MODELS = (Agency, ErrandType, Outcome, ReferralTarget, Language, InterpreterKind, Queue)


# ---------------------------------------------------------------- helpers


def exported(store: Store) -> dict[str, Any]:
    with store.read() as session:
        return catalog.export_catalog(session)


def snapshot(store: Store) -> dict[str, Any]:
    """Every catalog row and queue link, the revisions and the audit log."""
    with store.read() as session:
        rows: dict[str, Any] = {}
        for model in CATALOG_MODELS:
            table = model.__table__
            rows[table.name] = sorted(
                tuple(r) for r in session.execute(select(table).order_by(table.c.id))
            )
        rows["queue_agency"] = sorted(
            tuple(r) for r in session.execute(select(QueueAgency.__table__))
        )
        rows["revision"] = session.scalar(select(Office.revision))
        rows["days"] = session.scalar(select(func.count()).select_from(DayRevision))
        rows["audit"] = session.scalar(select(func.count()).select_from(AuditEvent))
        return rows


def import_doc(store: Store, clock: ManualClock, doc: dict[str, Any]) -> catalog.ImportResult:
    desk = desk_for(store, clock)
    return catalog.import_catalog(desk, catalog.parse_catalog(doc))


def errand_type(store: Store, agency: str, code: str) -> ErrandType:
    with store.read() as session:
        row = session.scalar(
            select(ErrandType).join(Agency).where(Agency.code == agency, ErrandType.code == code)
        )
        assert row is not None
        return row


# ---------------------------------------------------------------- good files


def test_seed_file_is_valid_and_holds_the_common_errands() -> None:
    doc = catalog.read_catalog_file(SEED_FILE)
    agencies = {a.code: {t.code for t in a.errand_types} for a in doc.agencies}
    assert {"FK", "SKV", "PM", "AF", "GEMENSAMT"} <= set(agencies)
    assert {"foraldrapenning", "vab", "sjukpenning", "bostadsbidrag"} <= agencies["FK"]
    assert {"folkbokforing", "personbevis", "id-kort", "deklaration", "f-skatt"} <= agencies["SKV"]
    assert {"allman-pension", "bostadstillagg", "pensionsprognos"} <= agencies["PM"]
    assert {"inskrivning", "aktivitetsrapport"} <= agencies["AF"]
    assert {"e-tjanst-bankid", "ta-emot-handlingar", "boka-mote"} <= agencies["GEMENSAMT"]
    languages = {e.code for e in doc.plain["languages"]}
    assert {"sv", "en", "ar", "so", "ti", "fa", "uk", "pl", "tr", "es", "fi", "smi"} <= languages
    assert [e.code for e in doc.plain["interpreter_kinds"]] == ["none", "phone", "on-site"]


def test_import_of_the_seed_file_into_a_seeded_store_changes_nothing(
    store: Store, clock: ManualClock, desk
) -> None:
    before = snapshot(store)
    doc = catalog.read_catalog_file(SEED_FILE)
    result = catalog.import_catalog(desk, doc)
    assert not result.changed
    assert snapshot(store) == before


def test_export_then_import_changes_nothing_and_bumps_no_revision(
    store: Store, clock: ManualClock
) -> None:
    # First make the catalog less trivial: a retirement and a new agency.
    doc = exported(store)
    doc["agencies"] = [a for a in doc["agencies"] if a["code"] != "R-EXEMPEL"]
    doc["queues"][3]["agencies"].remove("R-EXEMPEL")
    doc["agencies"].append(
        {"code": "K-NY", "label": "Nystads kommun", "kind": "municipality", "errand_types": []}
    )
    assert import_doc(store, clock, doc).changed
    before = snapshot(store)

    again = exported(store)
    result = import_doc(store, clock, again)

    assert result == catalog.ImportResult(0, 0, 0) and not result.changed
    assert snapshot(store) == before
    assert exported(store) == again


def test_export_is_indented_utf8_with_letters_unescaped(store: Store) -> None:
    text = catalog.dump_catalog(exported(store))
    assert text.startswith('{\n  "format": "servicedisk-catalog",\n  "version": 1,')
    assert "Försäkringskassan" in text and "\\u00f6" not in text
    doc = json.loads(text)
    assert list(doc) == [
        "format",
        "version",
        "agencies",
        "outcomes",
        "referral_targets",
        "languages",
        "interpreter_kinds",
        "queues",
    ]


# ---------------------------------------------------------------- editing the catalog by file


def test_adding_a_municipality(store: Store, clock: ManualClock, desk) -> None:
    doc = exported(store)
    doc["agencies"].append(
        {
            "code": "K-GRANNBY",
            "label": "Grannby kommun",
            "label_en": "Grannby Municipality",
            "kind": "municipality",
            "errand_types": [
                {"code": "vagledning", "label": "Vägledning"},
                {"code": "hemtjanst", "label": "Hemtjänst, information"},
            ],
        }
    )
    doc["queues"][3]["agencies"].append("K-GRANNBY")
    before = snapshot(store)["revision"]

    result = import_doc(store, clock, doc)

    assert (result.added, result.retired) == (3, 0)
    assert result.updated == 1  # queue D gained an agency
    assert snapshot(store)["revision"] > before
    choices = er.catalog_choices(store)
    grannby = next(a for a in choices.agencies if a.code == "K-GRANNBY")
    assert [t.code for t in grannby.errand_types] == ["vagledning", "hemtjanst"]
    assert "K-GRANNBY" in choices.queue_agencies["D"]
    with store.read() as session:
        audit = session.scalars(select(AuditEvent.detail)).all()
        assert any("added=3" in (d or "") for d in audit)
    ref = er.log_quick_visit(desk, "desk", [ErrandInput("K-GRANNBY", "hemtjanst", "resolved")])
    assert ref.errands[0].agency_label == "Grannby kommun"


def test_renaming_a_label(store: Store, clock: ManualClock, desk) -> None:
    ref = er.log_quick_visit(desk, "desk", [ErrandInput("FK", "vab", "resolved")])
    doc = exported(store)
    vab = next(t for t in doc["agencies"][0]["errand_types"] if t["code"] == "vab")
    vab["label"] = "VAB (tillfällig föräldrapenning)"

    result = import_doc(store, clock, doc)

    assert (result.added, result.updated, result.retired) == (0, 1, 0)
    assert errand_type(store, "FK", "vab").label == "VAB (tillfällig föräldrapenning)"
    # Errands refer to the entry, so old errands show the new label.
    view = er.visit_errands(store, ref.visit_id).errands[0]
    assert view.errand_type_label == "VAB (tillfällig föräldrapenning)"


def test_absent_entries_are_retired_never_deleted(store: Store, clock: ManualClock, desk) -> None:
    entry = ErrandInput("AF", "aktivitetsrapport", "resolved", language_code="pl")
    ref = er.log_quick_visit(desk, "phone", [entry], duration_seconds=60)
    doc = exported(store)
    doc["agencies"] = [a for a in doc["agencies"] if a["code"] != "AF"]
    doc["queues"] = [q for q in doc["queues"] if q["letter"] != "C"]
    doc["languages"] = [x for x in doc["languages"] if x["code"] != "pl"]
    fk = doc["agencies"][0]
    fk["errand_types"] = [t for t in fk["errand_types"] if t["code"] != "sjukpenning"]

    result = import_doc(store, clock, doc)

    # AF and its 5 errand types, queue C, Polish and FK's sjukpenning; the
    # entries after them only move up.
    assert (result.added, result.updated, result.retired) == (0, 0, 9)
    assert result.reordered > 0 and result.changed
    with store.read() as session:
        af = session.scalar(select(Agency).where(Agency.code == "AF"))
        assert af is not None and not af.active
        assert all(not t.active for t in af.errand_types)
        assert session.scalar(select(Queue.active).where(Queue.code == "af")) is False
    assert not errand_type(store, "FK", "sjukpenning").active
    choices = er.catalog_choices(store)
    assert "AF" not in [a.code for a in choices.agencies]
    assert "C" not in choices.queue_agencies
    assert "pl" not in [x.code for x in choices.languages]
    # Old errands keep their entries and labels.
    view = er.visit_errands(store, ref.visit_id).errands[0]
    assert (view.agency_code, view.agency_label) == ("AF", "Arbetsförmedlingen")
    assert view.errand_type_label == "Aktivitetsrapport" and view.language_code == "pl"
    with pytest.raises(er.RetiredCatalogEntryError):
        er.log_quick_visit(desk, "phone", [entry], duration_seconds=60)

    # Putting them back in the file makes them active again.
    restored = import_doc(store, clock, exported_seed())
    assert restored.updated >= 9 and restored.retired == 0
    assert any(a.code == "AF" for a in er.catalog_choices(store).agencies)


def exported_seed() -> dict[str, Any]:
    return json.loads(SEED_FILE.read_text(encoding="utf-8"))


def _swap_a_and_b(doc: dict[str, Any]) -> None:
    a, b = doc["queues"][0], doc["queues"][1]
    a["letter"], b["letter"] = b["letter"], a["letter"]


def test_queue_letters_can_move_again_and_again(store: Store, clock: ManualClock) -> None:
    doc = exported_seed()
    _swap_a_and_b(doc)
    doc["queues"] = [q for q in doc["queues"] if q["code"] != "korta"]
    import_doc(store, clock, doc)  # korta retired, still holding D
    extra = {"code": "extra", "letter": "D", "label": "Extra", "agencies": ["GEMENSAMT"]}
    import_doc(store, clock, {**doc, "queues": [*doc["queues"], extra]})
    _swap_a_and_b(doc)  # back again: both move through spare letters
    import_doc(store, clock, doc)
    extra2 = {**extra, "code": "extra2"}
    import_doc(store, clock, {**doc, "queues": [*doc["queues"], extra2]})

    with store.read() as session:
        letters = {
            code: letter for code, letter in session.execute(select(Queue.code, Queue.letter))
        }
        active = set(session.scalars(select(Queue.code).where(Queue.active)))
    assert (letters["fk-pm"], letters["skv"], letters["extra2"]) == ("A", "B", "D")
    assert active == {"fk-pm", "skv", "af", "extra2"}
    assert len(set(letters.values())) == len(letters) == 6


def test_many_imports_of_new_queues_never_run_out_of_places_for_retired_ones(
    store: Store, clock: ManualClock
) -> None:
    """Three (and more) files of 26 new queues each: every earlier queue retires and parks."""
    doc = exported_seed()
    for round_ in range(4):
        doc["queues"] = [
            {"code": f"q{round_}-{n}", "letter": chr(65 + n), "label": f"Kö {round_}-{n}"}
            for n in range(26)
        ]
        result = import_doc(store, clock, doc)
        assert result.added == 26
    with store.read() as session:
        active = sorted(session.scalars(select(Queue.letter).where(Queue.active)))
        total = session.scalar(select(func.count()).select_from(Queue))
    assert active == [chr(65 + n) for n in range(26)]
    assert total == 4 + 4 * 26


def test_the_audit_of_an_import_names_no_file(
    store: Store, clock: ManualClock, desk, tmp_path
) -> None:
    doc = exported_seed()
    doc["outcomes"].append({"code": "nytt", "label": "Nytt utfall"})
    path = tmp_path / "Anna Andersson 19800101-1234 sjukpenning.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    catalog.import_catalog(desk, catalog.read_catalog_file(path))
    with store.read() as session:
        details = list(session.scalars(select(AuditEvent.detail)))
    assert details == ["action=import; added=1; updated=0; retired=0"]
    assert not any("Anna" in d or "1234" in d for d in details)


def test_reordering_a_queues_agencies_is_no_change(store: Store, clock: ManualClock) -> None:
    doc = exported(store)
    doc["queues"][0]["agencies"].reverse()
    assert not import_doc(store, clock, doc).changed


# ---------------------------------------------------------------- bad files change nothing


def _without(entry: dict[str, Any], key: str) -> None:
    del entry[key]


BAD_DOCS = [
    (lambda d: _without(d["agencies"][1]["errand_types"][5], "code"),
     "agencies[1].errand_types[5]: code missing"),
    (lambda d: _without(d["outcomes"][3], "label"), "outcomes[3]: label missing"),
    (lambda d: d["queues"][0]["agencies"].append("NOPE"),
     "queues[0].agencies[2]: unknown agency 'NOPE'"),
    (lambda d: d["languages"][3].update(code="sv"), "languages[3]: duplicate code 'sv'"),
    (lambda d: d["agencies"][0]["errand_types"][2].update(code="vab"),
     "agencies[0].errand_types[2]: duplicate code 'vab'"),
    (lambda d: d["agencies"].__setitem__(2, {}), "agencies[2]: empty object"),
    (lambda d: d["referral_targets"].__setitem__(0, "FK"),
     "referral_targets[0]: must be an object"),
    (lambda d: d.update(format="something-else"), "format: must be 'servicedisk-catalog'"),
    (lambda d: d.update(version=2), "version: must be 1"),
    (lambda d: d.pop("languages"), "languages: missing"),
    (lambda d: d.update(outcomes=[]), "outcomes: must hold at least one entry"),
    (lambda d: d["agencies"][0].update(kind="county"), "agencies[0]: kind must be one of"),
    (lambda d: d["agencies"][0].update(colour="red"), "agencies[0]: unknown field 'colour'"),
    (lambda d: d["queues"][1].update(letter="A"), "queues[1]: duplicate letter 'A'"),
    (lambda d: d["queues"][1].update(letter="bb"), "queues[1]: letter must be one capital"),
    (lambda d: d["outcomes"][0].update(requires_referral="yes"),
     "outcomes[0]: requires_referral must be true or false"),
    (lambda d: d["languages"][0].update(code="s v"), "languages[0]: the code may hold only"),
    (lambda d: d["outcomes"][0].update(code="Karin.Larsson"), "outcomes[0]: the code may hold"),
    (lambda d: d["outcomes"][0].update(code="Karin-Larsson-19800101-1234"),
     "outcomes[0]: the code looks like a personnummer"),
    (lambda d: d["agencies"][0].update(code="x800101-1234"), "agencies[0]: the code looks like a"),
    (lambda d: d["languages"][1].update(code="tel-070-1234567"), "languages[1]: the code looks"),
    (lambda d: d["languages"][0].update(label=""), "languages[0]: label must be a non-empty"),
    (lambda d: d.update(version=True), "version: must be 1"),
    (lambda d: d["outcomes"][1].update(label="Klart\x00"), "outcomes[1]: label holds a character"),
    (lambda d: d["outcomes"][1].update(label="Två\nrader"), "outcomes[1]: label holds a character"),
    (lambda d: d["languages"][2].update(label="\x1b[31mRöd"), "languages[2]: label holds"),
    (lambda d: d["languages"][2].update(label_en="Ding\x07"), "languages[2]: label_en holds"),
    (lambda d: d["queues"][0].update(label="\u202eakräbdlA"), "queues[0]: label holds"),
    (lambda d: d["agencies"][1].update(label="Skatte\ud800verket"), "agencies[1]: label holds"),
]  # fmt: skip


@pytest.mark.parametrize(("spoil", "message"), BAD_DOCS)
def test_a_bad_entry_changes_nothing_and_is_named(
    store: Store, clock: ManualClock, spoil: Any, message: str
) -> None:
    doc = exported_seed()
    doc["agencies"][-1]["errand_types"].append({"code": "ny", "label": "Ny ärendetyp"})
    spoil(doc)
    before = snapshot(store)
    with pytest.raises(catalog.CatalogError) as caught:
        import_doc(store, clock, doc)
    assert str(caught.value).startswith(message)
    assert snapshot(store) == before


def test_not_a_catalog_at_all() -> None:
    for data in ([], {}, "catalog", None):
        with pytest.raises(catalog.CatalogError, match="must be a JSON object"):
            catalog.parse_catalog(data)


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "servicedisk-catalog",\n  "version": 1,\n}\n', "utf-8")
    with pytest.raises(catalog.CatalogError, match=r"not valid JSON \(line 4"):
        catalog.read_catalog_file(path)
    with pytest.raises(catalog.CatalogError, match="no such file"):
        catalog.read_catalog_file(tmp_path / "missing.json")


# ---------------------------------------------------------------- the command line


def test_cli_export_and_import(
    settings: Settings, store: Store, tmp_path: Path, capsys: Any, restore_logging: None
) -> None:
    target = tmp_path / "katalog.json"
    data_dir = str(settings.data_dir)
    assert main(["--data-dir", data_dir, "catalog", "export", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    assert json.loads(target.read_text("utf-8")) == exported(store)
    before = snapshot(store)

    assert main(["--data-dir", data_dir, "catalog", "import", str(target)]) == 0
    assert capsys.readouterr().out.strip() == "0 added, 0 updated, 0 retired"
    assert snapshot(store) == before

    doc = json.loads(target.read_text("utf-8"))
    doc["outcomes"][0]["label"] = "Löst direkt"
    target.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert main(["--data-dir", data_dir, "catalog", "import", str(target)]) == 0
    assert capsys.readouterr().out.strip() == "0 added, 1 updated, 0 retired"


def test_cli_import_of_a_bad_file_changes_nothing(
    settings: Settings, store: Store, tmp_path: Path, capsys: Any, restore_logging: None
) -> None:
    doc = exported(store)
    del doc["agencies"][2]["errand_types"][3]["code"]
    doc["languages"].append({"code": "xx", "label": "Nytt språk"})  # valid, and not added
    target = tmp_path / "bad.json"
    target.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    before = snapshot(store)

    code = main(["--data-dir", str(settings.data_dir), "catalog", "import", str(target)])

    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "Nothing was imported: agencies[2].errand_types[3]: code missing" in captured.err
    assert "Traceback" not in captured.err
    assert snapshot(store) == before


@pytest.mark.parametrize(("section", "code"), [("languages", "sv"), ("interpreter_kinds", "none")])
def test_import_refuses_a_file_without_the_default_language_or_interpreter(tmp_path, section, code):
    from app.services.catalog.transfer import CatalogError, parse_catalog

    doc = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    doc[section] = [e for e in doc[section] if e["code"] != code]
    with pytest.raises(CatalogError, match=f"{section}: must keep the entry with code '{code}'"):
        parse_catalog(doc)


def test_import_refuses_to_retire_a_queue_someone_waits_in(
    settings: Settings, store: Store, clock: ManualClock, desk, tmp_path: Path, capsys: Any
) -> None:
    from app.services.queue import calling as q

    q.issue_ticket(desk, "A")
    doc = json.loads(SEED_FILE.read_text(encoding="utf-8"))
    doc["queues"] = [entry for entry in doc["queues"] if entry["letter"] != "A"]
    path = tmp_path / "without-a.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = snapshot(store)
    assert store.settings is not None
    where = ["--data-dir", str(settings.data_dir), "--database-url", store.settings.database_url]
    code = main([*where, "catalog", "import", str(path)])
    assert code == 1
    err = capsys.readouterr().err
    assert "queue 'fk-pm' (A)" in err and "1 visitor(s)" in err
    assert snapshot(store) == before
    # With the visitor served, the same file retires the queue and it leaves no profile behind.
    q.call_next(desk, 1)
    q.finish(desk, "A001")
    assert main([*where, "catalog", "import", str(path)]) == 0
    assert "A" not in [queue.letter for queue in list_queues(store)]
