"""Visitor texts: every shipped language file has the stated shape, and bad files are refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.config import RESOURCES_DIR
from app.services.office import visitor_texts as vt
from app.services.office.visitor_texts import VisitorTextError, placeholders

SHIPPED = sorted(path.stem for path in vt.VISITOR_DIR.glob("*.json"))


def _doc(code: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads((vt.VISITOR_DIR / f"{code}.json").read_text("utf-8"))
    return doc


def _write(tmp_path: Path, code: str, doc: object) -> Path:
    path = tmp_path / f"{code}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_seven_visitor_languages_are_shipped() -> None:
    assert set(SHIPPED) == {"sv", "en", "ar", "fa", "so", "ti", "uk"}


@pytest.mark.parametrize("code", SHIPPED)
def test_every_shipped_file_loads_and_passes_the_checks(code: str) -> None:
    language = vt.load(code)
    assert language.code == code
    assert set(language.texts) == vt.KEYS
    # The same file read afresh, not from the cache, passes too.
    assert vt._read(vt.VISITOR_DIR / f"{code}.json") == language


@pytest.mark.parametrize("code", SHIPPED)
def test_placeholders_are_identical_to_the_swedish_text_in_every_key(code: str) -> None:
    swedish = vt.load("sv").texts
    texts = vt.load(code).texts
    for key in vt.KEYS:
        assert placeholders(texts[key]) == placeholders(swedish[key]), (code, key)


def test_arabic_and_persian_are_right_to_left_and_the_others_left_to_right() -> None:
    rtl = {code for code in SHIPPED if vt.load(code).rtl}
    assert rtl == {"ar", "fa"}
    assert all(vt.load(code).direction == "ltr" for code in set(SHIPPED) - rtl)


def test_swedish_and_english_are_reviewed_and_the_others_wait_for_a_native_speaker() -> None:
    assert vt.load("sv").reviewed and vt.load("en").reviewed
    for code in set(SHIPPED) - {"sv", "en"}:
        assert vt.load(code).review == "needs-native-review"


def test_speech_voice_is_given_only_where_espeak_ng_has_one() -> None:
    voices = {code: vt.load(code).speech for code in SHIPPED}
    assert voices == {
        "sv": "sv",
        "en": "en",
        "ar": "ar",
        "fa": "fa",
        "so": None,
        "ti": None,
        "uk": "uk",
    }


def test_each_language_is_named_in_itself_and_in_swedish() -> None:
    assert vt.load("ar").name == "العربية"
    assert vt.load("uk").name == "Українська"
    assert vt.load("ti").name_sv == "Tigrinja"
    assert vt.load("so").name == "Soomaali"


def test_swedish_texts_keep_a_ring_a_umlaut_and_o_umlaut() -> None:
    sv = vt.load("sv")
    assert sv.texts["what_about"] == "Vad gäller ditt besök?"
    assert sv.texts["take_ticket"] == "Ta din kölapp"
    assert sv.texts["timeout_warning"] == "Skärmen börjar om om {seconds} sekunder."
    assert sv.texts["topic.SKV"] == "Skatt, folkbokföring, id-kort"
    joined = "".join(sv.texts.values())
    assert {"å", "ä", "ö"} <= set(joined)
    assert "Ã" not in joined  # no UTF-8 read as Latin-1


def test_available_is_swedish_english_then_the_rest_by_swedish_name() -> None:
    assert vt.available() == ["sv", "en", "ar", "fa", "so", "ti", "uk"]


def test_text_fills_its_placeholders() -> None:
    assert vt.text("sv", "call_spoken", code="A012", point=vt.text("sv", "point", number=3)) == (
        "Nummer A012, lucka 3."
    )
    assert vt.load("en").text("people_ahead", ahead=4) == "People ahead of you: 4"
    assert vt.text("sv", "welcome", office="Servicekontoret Malmö") == (
        "Välkommen till Servicekontoret Malmö"
    )


def test_text_without_its_values_raises_key_error() -> None:
    with pytest.raises(KeyError):
        vt.text("sv", "people_ahead")


def test_topics_and_queue_labels_are_plain_words_and_none_when_missing() -> None:
    assert vt.topic("sv", "PM") == "Pension"
    assert vt.topic("en", "AF") == "Work and looking for a job"
    assert vt.topic("sv", "K-EXEMPEL") is None
    assert vt.queue_label("sv", "korta") == "Lämna handlingar, korta frågor"
    assert vt.queue_label("sv", "no-such-queue") is None


def test_every_seed_queue_and_state_agency_has_a_visitor_label() -> None:
    catalog = json.loads((RESOURCES_DIR / "seed" / "catalog.json").read_text("utf-8"))
    for queue in catalog["queues"]:
        assert f"queue.{queue['code']}" in vt.KEYS
    agencies = {a["code"] for a in catalog["agencies"] if a["kind"] in ("agency", "common")}
    assert {f"topic.{code}" for code in agencies} <= vt.KEYS


def test_an_unknown_language_falls_back_to_english() -> None:
    assert vt.load_or_english("xx").code == "en"
    assert vt.load_or_english("ar").code == "ar"
    with pytest.raises(VisitorTextError, match="xx"):
        vt.load("xx")


def test_a_language_code_cannot_reach_outside_the_folder() -> None:
    with pytest.raises(VisitorTextError):
        vt.load("../seed/catalog")


# --- broken copies are refused, naming the file and the key ---------------------------------


def test_a_missing_key_is_refused_by_name(tmp_path: Path) -> None:
    doc = _doc("en")
    del doc["texts"]["live_offline"]
    with pytest.raises(VisitorTextError, match=r"en\.json.*'live_offline' is missing"):
        vt._read(_write(tmp_path, "en", doc))


def test_an_extra_key_is_refused_by_name(tmp_path: Path) -> None:
    doc = _doc("ar")
    doc["texts"]["live_extra"] = "نص"
    with pytest.raises(VisitorTextError, match=r"ar\.json.*'live_extra' is unknown"):
        vt._read(_write(tmp_path, "ar", doc))


def test_a_wrong_placeholder_is_refused_by_name(tmp_path: Path) -> None:
    doc = _doc("uk")
    doc["texts"]["print_failed"] = "Не вдалося надрукувати талон: {number}"
    with pytest.raises(VisitorTextError, match=r"uk\.json.*'print_failed'.*\['number'\]"):
        vt._read(_write(tmp_path, "uk", doc))


def test_a_dropped_placeholder_is_refused(tmp_path: Path) -> None:
    doc = _doc("so")
    doc["texts"]["status_spoken"] = "Lambarka {code}."
    with pytest.raises(VisitorTextError, match="'status_spoken'"):
        vt._read(_write(tmp_path, "so", doc))


def test_a_stray_brace_is_refused(tmp_path: Path) -> None:
    doc = _doc("en")
    doc["texts"]["welcome"] = "Welcome to {office"
    with pytest.raises(VisitorTextError, match=r"'welcome'.*brace"):
        vt._read(_write(tmp_path, "en", doc))


def test_a_positional_placeholder_in_swedish_is_refused(tmp_path: Path) -> None:
    doc = _doc("sv")
    doc["texts"]["welcome"] = "Välkommen till {0}"
    with pytest.raises(VisitorTextError, match=r"'welcome'.*not plain names"):
        vt._read(_write(tmp_path, "sv", doc))


def test_a_wrong_format_is_refused(tmp_path: Path) -> None:
    doc = _doc("fa")
    doc["format"] = "servicedisk-catalog"
    with pytest.raises(VisitorTextError, match=r"fa\.json.*'format'"):
        vt._read(_write(tmp_path, "fa", doc))


def test_a_newer_version_is_refused(tmp_path: Path) -> None:
    doc = _doc("fa")
    doc["version"] = 2
    with pytest.raises(VisitorTextError, match=r"fa\.json.*'version'"):
        vt._read(_write(tmp_path, "fa", doc))


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ti.json"
    path.write_text('{"format": "servicedisk-visitor-texts",', encoding="utf-8")
    with pytest.raises(VisitorTextError, match=r"ti\.json.*not valid JSON"):
        vt._read(path)


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sv.json"
    path.write_bytes(json.dumps(_doc("sv"), ensure_ascii=False).encode("latin-1"))
    with pytest.raises(VisitorTextError, match=r"sv\.json.*UTF-8"):
        vt._read(path)


def test_a_language_that_does_not_match_the_file_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(VisitorTextError, match=r"so\.json.*'language'"):
        vt._read(_write(tmp_path, "so", _doc("ti")))


@pytest.mark.parametrize(
    ("field", "value"),
    [("direction", "up"), ("review", "ok"), ("speech", ""), ("name", ""), ("name_sv", 3)],
)
def test_a_bad_header_field_is_refused_by_name(tmp_path: Path, field: str, value: object) -> None:
    doc = _doc("en")
    doc[field] = value
    with pytest.raises(VisitorTextError, match=f"'{field}'"):
        vt._read(_write(tmp_path, "en", doc))


def test_an_unknown_header_field_is_refused(tmp_path: Path) -> None:
    doc = _doc("en")
    doc["colour"] = "blue"
    with pytest.raises(VisitorTextError, match="'colour' is unknown"):
        vt._read(_write(tmp_path, "en", doc))


@pytest.mark.parametrize("value", ["", "   ", 5, None, "x" * 400])
def test_an_empty_long_or_non_string_text_is_refused(tmp_path: Path, value: object) -> None:
    doc = _doc("en")
    doc["texts"]["done"] = value
    with pytest.raises(VisitorTextError, match="'done'"):
        vt._read(_write(tmp_path, "en", doc))


def test_a_text_just_under_the_limit_is_accepted(tmp_path: Path) -> None:
    doc = _doc("en")
    doc["texts"]["done"] = "x" * 399
    assert vt._read(_write(tmp_path, "en", doc)).texts["done"] == "x" * 399


def test_the_error_is_a_value_error() -> None:
    assert issubclass(VisitorTextError, ValueError)


def test_loaded_texts_cannot_be_changed() -> None:
    with pytest.raises(TypeError):
        vt.load("sv").texts["done"] = "Färdig"  # type: ignore[index]
