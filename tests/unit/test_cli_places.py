"""Where the command line keeps the office: a place that cannot hold it is refused, in one
sentence, before anything is written anywhere."""

from __future__ import annotations

import pytest

from app.cli.base import EXIT_USAGE
from app.cli.main import main


@pytest.fixture
def no_default(monkeypatch, tmp_path):
    """The PC's usual data folder is a fresh one of this test's, to see that nothing lands."""
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("SERVICEDISK_DATA_DIR", raising=False)
    monkeypatch.delenv("SERVICEDISK_DATABASE_URL", raising=False)
    return home


def test_an_empty_data_dir_is_refused_not_taken_for_the_usual_one(no_default, capsys):
    assert main(["--data-dir", "", "ticket", "issue", "A"]) == EXIT_USAGE
    assert "needs a folder" in capsys.readouterr().err
    assert not no_default.exists()  # the usual store was not touched


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:"])
def test_an_in_memory_database_is_refused_it_would_keep_no_ticket(
    no_default, tmp_path, url, capsys
):
    where = ["--data-dir", str(tmp_path / "office"), "--database-url", url]
    code = main([*where, "ticket", "issue", "A"])
    assert code == EXIT_USAGE
    err = capsys.readouterr()
    assert "in-memory database" in err.err and "A001" not in err.out


@pytest.mark.parametrize("name", ["office?1", "office#1", "office%201"])
def test_a_data_folder_a_database_address_cannot_hold_is_refused(
    no_default, tmp_path, name, capsys
):
    folder = tmp_path / name
    assert main(["--data-dir", str(folder), "ticket", "issue", "A"]) == EXIT_USAGE
    assert "choose a folder without them" in capsys.readouterr().err
    assert not any(p.suffix == ".sqlite3" for p in tmp_path.rglob("*"))  # no store anywhere
