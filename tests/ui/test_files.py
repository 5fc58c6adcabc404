"""File dialogs in Swedish, starting in the user's documents the first time and in the
last folder used after that, filtered by type."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

from app.ui.shell import files
from app.ui.shell.prefs import Prefs


def test_qts_own_buttons_and_dialogs_speak_swedish(qapp):
    assert files.install_qt_swedish(QApplication.instance())
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == ["Avbryt", "Spara"]
    dialog = QFileDialog(None, "Exportera")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = " ".join(w.text() for w in dialog.findChildren(type(box.buttons()[0])))
    assert "Avbryt" in labels


def test_a_save_starts_in_documents_and_then_where_the_last_one_went(qapp, tmp_path, monkeypatch):
    prefs = Prefs(tmp_path / "ws.ini")
    documents = tmp_path / "Dokument"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(documents))
    asked = []

    def dialog(_parent, _title, suggested, filters):
        asked.append((suggested, filters))
        return str(tmp_path / "rapporter" / Path(suggested).name), filters

    (tmp_path / "rapporter").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    first = files.ask_save_path(None, "Exportera", "statistik.xlsx", "Excel (*.xlsx)", prefs)
    assert asked[0] == (str(documents / "statistik.xlsx"), "Excel (*.xlsx)")
    assert first == str(tmp_path / "rapporter" / "statistik.xlsx")
    files.ask_save_path(None, "Exportera", "logg.csv", "CSV (*.csv)", prefs)
    assert asked[1][0] == str(tmp_path / "rapporter" / "logg.csv")  # where the last one went
