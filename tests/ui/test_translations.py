"""The English translation of the staff's screens: complete, consistent, loaded as chosen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QPushButton, QTabWidget

from app.services.access.actor import Actor
from app.ui.shell import language

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "app" / "resources" / "i18n" / "servicedisk_en.ts"
# As `make translations`: the display, the kiosk (and the ticket) are the visitors'.
SOURCES = sorted(
    str(p.relative_to(ROOT))
    for p in (ROOT / "app" / "ui").iterdir()
    if p.name not in ("display", "kiosk", "__pycache__")
)
PLACEHOLDER = re.compile(r"\{\w*\}|%\d+")


def _tool(name: str) -> str:
    found = Path(sys.executable).parent / f"pyside6-{name}"
    return str(found) if found.exists() else shutil.which(f"pyside6-{name}") or f"pyside6-{name}"


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", m.findtext("source") or "", m)
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    ]


@pytest.fixture(scope="module")
def english_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English .qm compiled from the .ts of the checkout (so never a stale build)."""
    folder = tmp_path_factory.mktemp("i18n")
    subprocess.run(
        [_tool("lrelease"), "-silent", str(TS), "-qm", str(folder / "servicedisk_en.qm")],
        check=True,
    )
    return folder


@pytest.fixture
def in_english(qapp, english_qm):
    """The app in English for one test, then as it was."""
    before = QLocale()
    installed = language.install(qapp, language.ENGLISH, folder=english_qm)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


def test_every_message_of_todays_code_has_an_english_translation(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            *SOURCES,
            "-ts",
            str(copy),
        ],
        cwd=ROOT,
        check=True,
    )
    wrong = []
    for context, source, message in _messages(copy):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("vanished", "obsolete"):
            wrong.append(f"{kind} (run make translations): {context}: {source!r}")
        elif kind == "unfinished" or not (translation.text or "").strip():
            wrong.append(f"not translated: {context}: {source!r}")
    assert not wrong, "\n".join(wrong)


def test_placeholders_and_mnemonics_are_kept_in_every_translation():
    wrong = []
    for context, source, message in _messages(TS):
        text = message.findtext("translation") or ""
        if not text:
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"placeholders: {context}: {source!r} -> {text!r}")
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            wrong.append(f"mnemonic: {context}: {source!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_the_staffs_screens_show_english_with_the_english_translation(qtbot, ui_ctx, in_english):
    from app.ui.shell.main_window import (
        SERVICE_POINT_TAB,
        SETTINGS_TAB,
        STATISTICS_TAB,
        MainWindow,
    )

    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.sign_in_as(Actor(role="manager", login="karin"))
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(4)] == [
        "&Reception",
        "&Counter",
        "S&tatistics",
        "&Settings",
    ]
    assert window.findChild(QPushButton, "reprint").text() == "Print again (Ctrl+P)"
    tabs.setCurrentIndex(SERVICE_POINT_TAB)
    assert window.findChild(QPushButton, "call-next").text() == "Call next (F5)"
    tabs.setCurrentIndex(STATISTICS_TAB)
    pages = window.findChild(QTabWidget, "stats-pages")
    assert pages.tabText(0) == "Arrivals and staffing"
    assert pages.tabText(pages.indexOf(pages.staffing)) == "Staffing"
    tabs.setCurrentIndex(SETTINGS_TAB)
    sections = window.findChild(QTabWidget, "settings-sections")
    titles = [sections.tabText(i) for i in range(sections.count())]
    assert titles[:2] == ["Office", "Kiosk"] and "Backups" in titles and "Staff" in titles


def test_the_display_stays_swedish_in_an_english_app(qtbot, ui_ctx, in_english):
    from app.ui.display.announcer import silent_announcer
    from app.ui.display.screen import DisplayWindow

    display = DisplayWindow(ui_ctx, announcer=silent_announcer())
    qtbot.addWidget(display)
    assert QCoreApplication.translate("DisplayWindow", "Nu ropas / Now calling") == (
        "Nu ropas / Now calling"
    )


@pytest.mark.parametrize(
    ("preference", "override", "system", "expected"),
    [
        (None, None, "sv_SE", "sv"),
        (None, None, "en_GB", "en"),
        ("system", None, "en_US", "en"),
        ("system", None, "de_DE", "sv"),
        ("en", None, "sv_SE", "en"),
        ("en", "sv", "en_GB", "sv"),
        ("sv", "en", "sv_SE", "en"),
        ("sv", "system", "en_GB", "en"),
    ],
)
def test_the_command_line_overrides_the_workstations_choice_which_may_follow_the_computer(
    monkeypatch, preference, override, system, expected
):
    monkeypatch.setattr(language.QLocale, "system", lambda: QLocale(system))
    assert language.chosen(preference, override) == expected


def test_english_loads_the_apps_translation_and_swedish_none(qapp, english_qm, tmp_path):
    before = QLocale()
    try:
        english = language.install(qapp, "en", folder=english_qm)
        assert any(t.filePath().endswith("servicedisk_en.qm") for t in english)
        assert QLocale().language() == QLocale.Language.English
        swedish = language.install(qapp, "sv", folder=english_qm)
        assert not any(
            t.filePath().endswith(".qm") and "servicedisk" in t.filePath() for t in swedish
        )
        assert QLocale().language() == QLocale.Language.Swedish
        missing = language.install(qapp, "en", folder=tmp_path)  # a checkout without a build
        assert not any("servicedisk" in t.filePath() for t in missing)
        display = language.install(qapp, "en", staff=False, folder=english_qm)
        assert not any("servicedisk" in t.filePath() for t in display)
    finally:
        for translator in language.install(qapp, "sv", folder=tmp_path):
            qapp.removeTranslator(translator)
        QLocale.setDefault(before)


def test_the_language_option_and_the_preference_reach_the_start(monkeypatch, tmp_path):
    from app.cli import main as cli

    seen = {}
    monkeypatch.setattr(cli, "load_gui", lambda: lambda settings, **kw: seen.update(kw) or 0)
    monkeypatch.setattr("app.preflight.gui_preflight", lambda: None)
    assert cli.main(["--data-dir", str(tmp_path), "--language", "en"]) == 0
    assert seen["language"] == "en"
    assert cli.main(["--data-dir", str(tmp_path)]) == 0
    assert seen["language"] is None  # the workstation's choice, read at start
