"""The `servicedisk` command line as scripts use it: output, exit codes, one-sentence errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main as cli
from app.config import DATABASE_FILENAME
from app.services.office.clock import business_day

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "office"


@pytest.fixture
def run(data_dir, capsys):
    """Run the command with --data-dir; returns (exit code, stdout lines, stderr text)."""

    def _run(*argv: str) -> tuple[int, list[str], str]:
        code = cli.main(["--data-dir", str(data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err

    return _run


def assert_one_sentence(err: str) -> None:
    """A failure on stderr: one line, a sentence, no traceback."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("servicedisk: ")
    assert lines[0].rstrip().endswith((".", ")")), lines[0]


# ---------------------------------------------------------------- tickets


def test_issue_prints_the_code_alone_on_the_first_line(run):
    code, out, _ = run("ticket", "issue", "A")
    assert code == 0
    assert out == ["A001", "nobody ahead"]
    code, out, _ = run("ticket", "issue", "a")
    assert code == 0
    assert out[0] == "A002"
    assert out[1].startswith("1 ahead, about ") and out[1].endswith(" minutes")


def test_issue_booked(run):
    run("ticket", "issue", "B")
    code, out, _ = run("ticket", "issue", "B", "--booked")
    assert (code, out[0]) == (0, "B002")
    # a booked ticket goes before the walk-in
    assert run("ticket", "call", "--point", "1")[1][0] == "B002"


def test_call_prints_the_code_it_called(run):
    run("ticket", "issue", "C")
    run("ticket", "issue", "A")
    code, out, _ = run("ticket", "call", "--point", "3")
    assert code == 0
    assert out == ["C001", "Lucka 3"]


def test_call_a_code_out_of_order(run):
    for _ in range(3):
        run("ticket", "issue", "A")
    code, out, _ = run("ticket", "call", "A003", "--point", "2")
    assert (code, out[0]) == (0, "A003")
    assert run("ticket", "call", "--point", "1")[1][0] == "A001"


def test_call_with_nobody_waiting_exits_3(run):
    code, out, err = run("ticket", "call", "--point", "1")
    assert code == 3
    assert out == []
    assert_one_sentence(err)
    assert "Nobody is waiting" in err


def test_a_visit_from_call_to_finish(run):
    run("ticket", "issue", "A")
    run("ticket", "call", "--point", "1")
    assert run("ticket", "start", "A001")[:2] == (0, ["A001", "serving"])
    assert run("ticket", "finish", "A001")[:2] == (0, ["A001", "done"])
    code, out, err = run("ticket", "finish", "A001")
    assert (code, out) == (1, [])
    assert_one_sentence(err)


def test_transfer_park_and_resume(run):
    run("ticket", "issue", "A")
    run("ticket", "call", "--point", "1")
    assert run("ticket", "transfer", "A001", "B")[:2] == (0, ["A001", "now in queue B"])
    run("ticket", "call", "--point", "1")
    assert run("ticket", "park", "A001")[:2] == (0, ["A001", "parked"])
    assert run("ticket", "resume", "A001", "--point", "4")[:2] == (0, ["A001", "Lucka 4"])


def test_a_refused_action_is_one_sentence_and_exit_1(run):
    run("ticket", "issue", "A")
    code, out, err = run("ticket", "finish", "A001")
    assert (code, out) == (1, [])
    assert_one_sentence(err)
    assert "Cannot finish A001: the ticket is waiting." in err


def test_unknown_queue_is_one_sentence_and_exit_1(run):
    code, out, err = run("ticket", "issue", "Q")
    assert (code, out) == (1, [])
    assert_one_sentence(err)
    assert "no queue with the letter 'Q'" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["ticket"],
        ["ticket", "issue"],
        ["ticket", "call"],
        ["ticket", "call", "--point", "three"],
        ["ticket", "teleport", "A001"],
        ["no-such-command"],
    ],
)
def test_wrong_usage_exits_2(run, argv, data_dir):
    code, out, err = run(*argv)
    assert code == 2
    assert out == []
    assert "usage: servicedisk" in err
    assert not (data_dir / DATABASE_FILENAME).exists()


def test_an_unexpected_failure_is_one_sentence_and_the_traceback_goes_to_the_log(
    run, data_dir, monkeypatch
):
    from app.services.queue import calling as queue

    def broken(*args, **kwargs):
        raise RuntimeError("printer fell over")

    monkeypatch.setattr(queue, "issue_ticket", broken)
    code, out, err = run("ticket", "issue", "A")
    assert (code, out) == (1, [])
    assert_one_sentence(err)
    assert "printer fell over" in err
    log = (data_dir / "logs" / "servicedisk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "printer fell over" in log


# ---------------------------------------------------------------- queue


def test_queue_lists_one_ticket_per_line_key_first(run):
    for letter in "ABA":
        run("ticket", "issue", letter)
    run("ticket", "issue", "C", "--booked")
    run("ticket", "call", "--point", "2")  # the booked C001
    code, out, _ = run("queue")
    assert code == 0
    assert [line.split("\t")[:3] for line in out] == [
        ["A001", "waiting", "A"],
        ["B001", "waiting", "B"],
        ["A002", "waiting", "A"],
        ["C001", "called", "C"],
    ]
    assert out[-1].endswith("\tLucka 2")


def test_queue_when_nobody_waits(run):
    code, out, err = run("queue")
    assert (code, out) == (0, [])
    assert "nobody waiting" in err


def test_queue_json(run):
    run("ticket", "issue", "A")
    run("ticket", "issue", "B", "--booked")
    run("ticket", "issue", "D")
    run("ticket", "call", "--point", "5")
    code, out, _ = run("queue", "--json")
    assert code == 0
    doc = json.loads("\n".join(out))
    assert [t["code"] for t in doc["waiting"]] == ["A001", "D001"]
    assert [(s["point"], s["ticket"]["code"]) for s in doc["serving"]] == [(5, "B001")]
    queues = {q["letter"]: q for q in doc["queues"]}
    assert (queues["A"]["waiting"], queues["D"]["waiting"], queues["B"]["waiting"]) == (1, 1, 0)
    assert doc["business_day"] == business_day(datetime.now(UTC)).isoformat()
    assert doc["parked"] == []


# ---------------------------------------------------------------- check


def test_check_a_good_store(run):
    run("ticket", "issue", "A")
    code, out, _ = run("check")
    assert code == 0
    assert "integrity\tok" in out
    assert "office\tok" in out
    assert any(line.startswith("schema\t") for line in out)


def test_check_a_missing_store_creates_nothing(run, data_dir):
    code, _, err = run("check")
    assert code == 1
    assert_one_sentence(err)
    assert "There is no database" in err
    assert not (data_dir / DATABASE_FILENAME).exists()


def test_check_a_file_that_is_not_a_database(run, data_dir):
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    path.write_bytes(b"hello, not sqlite\n" * 50)
    code, _, err = run("check")
    assert code == 1
    assert_one_sentence(err)
    assert "not a Servicedisk store: not a database file" in err
    assert path.read_bytes() == b"hello, not sqlite\n" * 50


def test_check_a_damaged_store(run, data_dir):
    run("ticket", "issue", "A")
    path = data_dir / DATABASE_FILENAME
    good = path.read_bytes()
    # keep the header and schema page, wipe the rest with a pattern
    damaged = good[:4096] + bytes([0x5A]) * (len(good) - 4096)
    path.write_bytes(damaged)
    code, _, err = run("check")
    assert code == 1
    assert_one_sentence(err)
    assert "damaged" in err or "cannot be read" in err


def test_commands_on_an_unreadable_store_fail_without_touching_it(run, data_dir):
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    path.write_bytes(b"\x00garbage" * 500)
    code, out, err = run("ticket", "issue", "A")
    assert (code, out) == (1, [])
    assert_one_sentence(err)
    assert "has not been changed" in err
    assert path.read_bytes() == b"\x00garbage" * 500


def test_check_leaves_the_file_untouched(run, data_dir):
    import hashlib

    assert run("ticket", "issue", "A")[0] == 0
    path = data_dir / DATABASE_FILENAME
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, _ = run("check")
    assert code == 0
    assert "integrity\tok" in out
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "argv",
    [
        ("ticket", "call", "--point", "99999999999999999999"),
        ("ticket", "call", "--point", "0"),
        ("ticket", "issue", "Q" * 100_000),
        ("ticket", "finish", "A001; DROP TABLE ticket"),
        ("demo", "--days", "100000000000000000000000"),
    ],
)
def test_input_out_of_range_is_a_short_usage_error(run, argv):
    code, out, err = run(*argv)
    assert code == 2 and out == []
    assert len(err) < 400  # never the input echoed whole
    assert "SQLite" not in err and "Traceback" not in err


def test_a_long_unknown_code_is_cut_in_the_message(run):
    run("ticket", "issue", "A")
    code, _out, err = run("ticket", "finish", "B" + "9" * 7)
    assert code == 1
    assert_one_sentence(err)
    assert "There is no ticket B9999999 today." in err


def test_issue_keeps_the_wait_it_told(run, data_dir):
    import sqlite3

    run("ticket", "issue", "A")
    code, out, _err = run("ticket", "issue", "A")
    assert code == 0 and out[1].startswith("1 ahead, about ")
    told = int(out[1].split("about ")[1].split()[0])
    with sqlite3.connect(data_dir / DATABASE_FILENAME) as conn:
        kept = dict(conn.execute("SELECT code, estimate_minutes FROM ticket"))
    conn.close()
    assert kept == {"A001": 0, "A002": told}
