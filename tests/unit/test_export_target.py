"""`servicedisk export --out` writes only to a new or an ordinary file (a folder, for CSV),
and replaces one only when told to: never a link, a device or a pipe."""

from __future__ import annotations

import os

import pytest

from app.cli.base import EXIT_USAGE
from app.cli.main import main


@pytest.fixture
def office(tmp_path, monkeypatch):
    folder = tmp_path / "office"
    monkeypatch.delenv("SERVICEDISK_DATABASE_URL", raising=False)
    assert main(["--data-dir", str(folder), "ticket", "issue", "A"]) == 0
    return folder


def export(office, *args: str) -> int:
    period = ["--from", "2026-01-01", "--to", "2026-01-31"]
    return main(["--data-dir", str(office), "export", *period, *args])


def test_a_link_a_pipe_or_a_device_is_never_replaced(office, tmp_path, capsys):
    kept = tmp_path / "kept.txt"
    kept.write_text("the office's own notes")
    link = tmp_path / "link.xlsx"
    link.symlink_to(kept)
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)
    for target, fmt in ((link, "xlsx"), (pipe, "xlsx"), (link, "pdf"), (tmp_path, "xlsx")):
        assert export(office, "--format", fmt, "--out", str(target), "--yes") == EXIT_USAGE
        assert "Nothing was written" in capsys.readouterr().err
    assert link.is_symlink() and kept.read_text() == "the office's own notes"
    assert pipe.exists() and not pipe.is_file()
    assert export(office, "--format", "xlsx", "--out", "/dev/full", "--yes") == EXIT_USAGE


def test_an_existing_file_is_replaced_only_when_told_to(office, tmp_path, capsys, monkeypatch):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"last month's report")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert export(office, "--format", "xlsx", "--out", str(target)) == EXIT_USAGE
    assert "add --yes" in capsys.readouterr().err
    assert target.read_bytes() == b"last month's report"
    assert export(office, "--format", "xlsx", "--out", str(target), "--yes") == 0
    assert target.read_bytes().startswith(b"PK")  # now the workbook
    assert export(office, "--format", "csv", "--out", str(tmp_path / "new-folder")) == 0
    assert export(office, "--format", "csv", "--out", str(tmp_path / "new-folder")) == EXIT_USAGE


def test_every_export_is_audited_whatever_its_format(office, tmp_path, capsys):
    import json

    for fmt, out in (("csv", "csv-folder"), ("xlsx", "figures.xlsx"), ("pdf", "report.pdf")):
        assert export(office, "--format", fmt, "--out", str(tmp_path / out)) == 0
        assert (tmp_path / out).exists()
    capsys.readouterr()
    assert main(["--data-dir", str(office), "audit", "--kind", "export", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert sorted(e["detail"].split("format=")[1] for e in events) == ["csv", "pdf", "xlsx"]
    assert all("report" not in e["detail"] for e in events)  # the range and format, no name


def test_csv_for_excel_is_a_folder_of_swedish_files_replaced_only_when_told_to(
    office, tmp_path, capsys, monkeypatch
):
    import csv
    import json

    folder = tmp_path / "till-excel"
    assert export(office, "--format", "csv-excel", "--out", str(folder)) == 0
    assert capsys.readouterr().out.strip() == str(folder)
    with open(folder / "Per dag.csv", encoding="utf-8-sig", newline="") as handle:
        header, *days = list(csv.reader(handle, delimiter=";"))
    assert header[:2] == ["Datum", "Besökare"] and len(days) == 31
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert export(office, "--format", "csv-excel", "--out", str(folder)) == EXIT_USAGE
    assert "add --yes" in capsys.readouterr().err
    assert export(office, "--format", "csv-excel", "--out", str(folder), "--yes") == 0
    file = tmp_path / "a-file.csv"
    file.write_text("kept")
    assert export(office, "--format", "csv-excel", "--out", str(file), "--yes") == EXIT_USAGE
    assert file.read_text() == "kept"
    capsys.readouterr()
    assert main(["--data-dir", str(office), "audit", "--kind", "export", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert [e["detail"].split("format=")[1] for e in events] == ["csv-excel"] * 2
