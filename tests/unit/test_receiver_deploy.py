"""The receiver's deployment files say what the receiver accepts (packaging/receiver/, docs).

The systemd unit's ExecStart and the image's CMD are parsed with the receiver's
own parser; the environment example names exactly the settings the receiver
reads; the guide mentions every command. No docker, no systemd, no nginx.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shlex
from pathlib import Path

import pytest

from app.receiver import settings
from app.receiver.cli import build_parser
from app.receiver.guard import MAX_BODY

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging" / "receiver"
UNIT = PACKAGING / "servicedisk-receiver.service"
DOCKERFILE = PACKAGING / "Dockerfile"
ENV_EXAMPLE = PACKAGING / "receiver.env.example"
NGINX = PACKAGING / "nginx.conf.example"
GUIDE = ROOT / "docs" / "receiver.md"
PROGRAM = "servicedisk-receiver"


def _parse(argv: list[str]) -> argparse.Namespace:
    """The receiver's parser on argv, a failure with its message instead of an exit."""
    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said):
            return build_parser().parse_args(argv)
    except SystemExit:
        pytest.fail(f"servicedisk-receiver refuses {argv}: {said.getvalue().strip()}")


def _unit_value(key: str) -> str:
    text = UNIT.read_text(encoding="utf-8").replace("\\\n", " ")
    found = [
        line.split("=", 1)[1].strip()
        for line in text.splitlines()
        if line.strip().startswith(f"{key}=")
    ]
    assert len(found) == 1, f"{UNIT.name}: expected one {key}=, found {found}"
    return found[0]


def _dockerfile_instruction(name: str) -> str:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    found = [line.split(None, 1)[1] for line in text.splitlines() if line.startswith(f"{name} ")]
    assert found, f"{DOCKERFILE.name} has no {name}"
    return found[-1].strip()  # the last one counts (the final stage's)


def _subcommands() -> list[list[str]]:
    """Every command of the parser: ["upgrade"], …, ["token", "add"], …"""

    def walk(parser: argparse.ArgumentParser, prefix: list[str]) -> list[list[str]]:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            return [prefix]
        return [
            path for name, child in subs[0].choices.items() for path in walk(child, [*prefix, name])
        ]

    return walk(build_parser(), [])


def test_the_parser_has_the_commands_this_test_expects():
    commands = {" ".join(c) for c in _subcommands()}
    assert {"upgrade", "status", "serve", "token add", "token import"} <= commands


def test_the_units_execstart_is_a_serve_the_receiver_accepts_on_loopback():
    argv = shlex.split(_unit_value("ExecStart"))
    assert Path(argv[0]).name == PROGRAM
    assert Path(argv[0]).is_absolute()
    args = _parse(argv[1:])
    assert args.command == "serve"
    assert args.host == "127.0.0.1"  # only nginx on the same host reaches it
    assert args.workers >= 1


def test_the_unit_reads_the_settings_file_and_does_not_upgrade_at_start():
    assert _unit_value("EnvironmentFile") == "/etc/servicedisk-receiver/receiver.env"
    assert _unit_value("User") == PROGRAM
    lines = UNIT.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.strip().startswith("ExecStartPre=")]


def test_the_images_cmd_is_a_serve_the_receiver_accepts_on_the_exposed_port():
    argv = json.loads(_dockerfile_instruction("CMD"))
    assert argv[0] == PROGRAM
    args = _parse(argv[1:])
    assert args.command == "serve"
    assert args.host == "0.0.0.0"
    assert _dockerfile_instruction("EXPOSE") == str(args.port)
    healthcheck = _dockerfile_instruction("HEALTHCHECK")
    assert f"127.0.0.1:{args.port}/health" in healthcheck
    assert "curl" not in healthcheck


def test_the_image_installs_the_receiver_and_postgres_extras_only_and_runs_unprivileged():
    text = DOCKERFILE.read_text(encoding="utf-8")
    installs = re.findall(r"pip install '\.\[([^\]]*)\]'", text)
    assert installs == ["receiver,postgres"]
    assert "desk" not in installs[0]
    user = _dockerfile_instruction("USER")
    assert not user.startswith(("root", "0"))


def test_the_env_example_names_exactly_the_settings_the_receiver_reads():
    read = {
        value
        for name, value in vars(settings).items()
        if name.startswith("ENV_") and isinstance(value, str)
    }
    assert read  # the settings module still names them
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    assigned = dict(
        line.split("=", 1) for line in lines if line.strip() and not line.startswith("#")
    )
    assert set(assigned) == read
    mentioned = set(re.findall(r"\bSERVICEDISK_RECEIVER_[A-Z_]+", "\n".join(lines)))
    assert mentioned == read


def test_the_env_examples_values_are_within_the_receivers_ranges():
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    values = dict(line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    read = settings.read_environment(values)  # refuses a value out of range
    assert read.max_body == MAX_BODY  # the example shows the default, which nginx matches


def test_nginx_admits_the_receivers_body_limit_and_proxies_to_the_units_port():
    text = NGINX.read_text(encoding="utf-8")
    size = re.search(r"^\s*client_max_body_size\s+(\d+)([km]?);", text, re.MULTILINE)
    assert size, "nginx.conf.example sets no client_max_body_size"
    factor = {"": 1, "k": 1024, "m": 1024 * 1024}[size.group(2)]
    assert int(size.group(1)) * factor == MAX_BODY
    port = _parse(shlex.split(_unit_value("ExecStart"))[1:]).port
    assert re.search(rf"^\s*server\s+127\.0\.0\.1:{port};", text, re.MULTILINE)


@pytest.mark.parametrize("command", [" ".join(c) for c in _subcommands()])
def test_the_guide_mentions_every_command(command):
    assert f"{PROGRAM} {command}" in GUIDE.read_text(encoding="utf-8")


def test_the_guide_keeps_a_place_for_the_measured_figures():
    assert "\n## Measured\n" in GUIDE.read_text(encoding="utf-8")
