"""IT's headless set-up and upkeep: `servicedisk staff`, `audit` and `purge` as real programs."""

from __future__ import annotations

import getpass
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cli(office: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SERVICEDISK_DATA_DIR", None)
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(office), *args],
        cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_staff_accounts_from_the_command_line(tmp_path):
    office = tmp_path / "office"
    made = cli(office, "staff", "add", "karin", "--role", "manager", "--name", "Karin Ek",
               stdin="246813\n246813\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert made.stdout == "karin\tmanager\tactive\tKarin Ek\n"
    assert "246813" not in made.stdout + made.stderr
    typo = cli(office, "staff", "add", "bo", "--role", "caseworker", stdin="1357\n1358\n")
    assert typo.returncode == 1 and "confirmation differ" in typo.stderr
    missing = cli(office, "staff", "add", "bo", "--role", "caseworker", stdin="1357\n")
    assert missing.returncode == 2 and "standard input" in missing.stderr
    listed = json.loads(cli(office, "staff", "list", "--json").stdout)
    assert [a["login"] for a in listed] == ["karin"]  # neither refused one was made
    assert (
        cli(office, "staff", "add", "bo", "--role", "caseworker", stdin="1357\n1357\n").returncode
        == 0
    )
    assert cli(office, "staff", "disable", "bo").stdout == "bo\tcaseworker\tdisabled\tbo\n"
    last = cli(office, "staff", "disable", "karin")
    assert last.returncode == 1 and "last active manager" in last.stderr
    assert cli(office, "staff", "reset-pin", "bo", stdin="9753\n9753\n").returncode == 0
    events = json.loads(cli(office, "audit", "--json").stdout)
    actions = [e["detail"].split(";")[0] for e in events if e["kind"] == "staff"]
    assert actions == ["action=pin_reset", "action=disabled", "action=added", "action=added"]
    assert {e["who"] for e in events} == {f"cli:{getpass.getuser()}"}  # the OS user, audited
    assert all("246813" not in e["detail"] and "Karin" not in e["detail"] for e in events)


def test_purge_says_what_goes_and_refuses_without_a_terminal_or_yes(tmp_path):
    office = tmp_path / "office"
    assert cli(office, "demo", "--days", "100", "--visits-per-day", "20").returncode == 0
    dry = cli(office, "purge", "--dry-run")
    assert dry.returncode == 0
    counts = dict(line.split("\t") for line in dry.stdout.splitlines() if "\t" in line)
    assert set(counts) == {"errand", "call_event", "visit", "ticket", "ticket_counter"}
    assert int(counts["ticket"]) > 0
    refused = cli(office, "purge")  # no terminal, no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert cli(office, "purge", "--dry-run").stdout == dry.stdout  # nothing went
    done = cli(office, "purge", "--yes")
    assert done.returncode == 0 and f"purged {sum(map(int, counts.values()))} rows" in done.stdout
    again = cli(office, "purge", "--dry-run")
    assert all(line.endswith("\t0") for line in again.stdout.splitlines() if "\t" in line)
    (event,) = json.loads(cli(office, "audit", "--kind", "purge", "--json").stdout)
    assert (
        event["who"] == f"cli:{getpass.getuser()}"
        and f"ticket={counts['ticket']}" in event["detail"]
    )
