"""The audit log's coded details as the manager reads them: Swedish sentences.

The store keeps each event's detail as ``key=value`` codes (app/services/access/audit.py),
which scripts and the CSV export read as they are. On screen, :func:`describe` says the
same in a sentence: ``login=rut; attempt=5`` becomes "Fel kod (försök 5 av 5)". A detail
this module does not know is shown as it is, never hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.services.access.audit import decoded
from app.services.staff.accounts import MAX_ATTEMPTS
from app.ui.shell.refusals import FIELD_SV
from app.ui.shell.words import role_word

FIELDS_SV = {
    "agency": "myndighet",
    "errand_type": "ärendetyp",
    "outcome": "utfall",
    "referral": "hänvisning",
    "language": "språk",
    "interpreter": "tolk",
    "duration": "tid (s)",
}
WEEKDAYS_SV = {
    "mon": "mån",
    "tue": "tis",
    "wed": "ons",
    "thu": "tors",
    "fri": "fre",
    "sat": "lör",
    "sun": "sön",
}


# lupdate reads translate("AuditText", "…"): the context is given at each call.
translate = QCoreApplication.translate


def _minutes(text: str) -> str:
    minutes = int(text) if text.isdigit() else 0
    if minutes and minutes % 60 == 0:
        hours = minutes // 60
        return (
            translate("AuditText", "1 timme")
            if hours == 1
            else translate("AuditText", "{0} timmar").format(hours)
        )
    return translate("AuditText", "{0} minuter").format(minutes)


def _sign_in_failed(d: dict[str, str]) -> str:
    reason = d.get("reason")
    if reason == "unknown":
        return translate("AuditText", "Inloggning med ett användarnamn som inte finns.")
    if reason == "disabled":
        return translate("AuditText", "Försök att logga in på ett avstängt konto.")
    if reason == "locked":
        return translate("AuditText", "Försök att logga in medan kontot var spärrat.")
    return translate("AuditText", "Fel kod (försök {0} av {1}).").format(
        d.get("attempt", "?"), MAX_ATTEMPTS
    )


def _staff(d: dict[str, str]) -> str:
    login, role = d.get("login", "?"), role_word(d.get("role", ""))
    said = {
        "added": translate("AuditText", "Kontot {0} lades till som {1}.").format(login, role),
        "disabled": translate("AuditText", "Kontot {0} stängdes av.").format(login),
        "enabled": translate("AuditText", "Kontot {0} öppnades igen.").format(login),
        "role": translate("AuditText", "{0} blev {1}.").format(login, role),
        "pin_reset": translate("AuditText", "Kontorschefen satte en ny kod för {0}.").format(login),
        "pin_changed": translate("AuditText", "{0} bytte sin kod.").format(login),
    }
    return said.get(d.get("action", ""), "")


def _export(d: dict[str, str]) -> str:
    period = f"{d.get('first', '…')} – {d.get('last', '…')}"
    if d.get("what") == "audit":
        return translate("AuditText", "Loggen för {0} exporterades.").format(period)
    kind = d.get("format", "").upper().replace("CSV-EXCEL", "CSV för Excel")
    return translate("AuditText", "Statistiken för {0} exporterades som {1}.").format(period, kind)


def _correction(d: dict[str, str]) -> str:
    where = translate("AuditText", "besök {0} den {1}").format(
        d.get("visit", "?"), d.get("day", "?")
    )
    if "added" in d:
        return translate("AuditText", "{0} ärende(n) lades till i {1}.").format(d["added"], where)
    changes = []
    for change in filter(None, d.get("changed", "").split(",")):
        field, _, values = change.partition(":")
        old, _, new = values.partition(">")
        changes.append(f"{FIELDS_SV.get(field, field)} {old} → {new}")
    return translate("AuditText", "Ärende {0} i {1} rättades: {2}.").format(
        d.get("errand", "?"), where, ", ".join(changes) or "–"
    )


_CHANGED = re.compile(r"^(\w+) changed from (.*) to (.*)$")


def _config(d: dict[str, str]) -> str:
    if d.get("changed") == "database":
        server = d.get("server") == "True"
        return (
            translate("AuditText", "Databasen byttes till en server.")
            if server
            else translate("AuditText", "Databasen byttes.")
        )
    if d.get("changed") == "office_code":
        return translate("AuditText", "Kontorskoden för statistiken sattes till {0}.").format(
            d.get("code", "")
        )
    if d.get("changed") == "sync_url":
        return translate("AuditText", "Mottagarens adress ändrades.")
    change = d.get("change", "")
    found = _CHANGED.match(change)
    if found and found.group(1) in FIELD_SV:
        field = translate("Refusal", FIELD_SV[found.group(1)])
        return translate("AuditText", "{0}: ändrades från {1} till {2}.").format(
            field[:1].upper() + field[1:], found.group(2), found.group(3)
        )
    if change.startswith("opening hours changed"):
        days = re.findall(r"[a-z]{3}", change.removeprefix("opening hours changed"))
        return translate("AuditText", "Öppettiderna ändrades ({0}).").format(
            ", ".join(WEEKDAYS_SV.get(day, day) for day in days)
        )
    if change == "office name changed":
        return translate("AuditText", "Kontorets namn ändrades.")
    return translate("AuditText", "Inställningar: {0}").format(change) if change else ""


def _purge(d: dict[str, str]) -> str:
    counts = {k: v for k, v in d.items() if k != "before"}
    return translate(
        "AuditText", "Besök före {0} gallrades ({1} kölappar, {2} besök, {3} ärenden)."
    ).format(
        d.get("before", "?"),
        counts.get("ticket", 0),
        counts.get("visit", 0),
        counts.get("errand", 0),
    )


def _backup(d: dict[str, str]) -> str:
    if d.get("reason") == "daily":
        return translate("AuditText", "Dagens säkerhetskopia togs ({0} gamla togs bort).").format(
            d.get("removed", 0)
        )
    return translate("AuditText", "En säkerhetskopia togs för hand.")


def _restore(d: dict[str, str]) -> str:
    if d.get("backup_taken_before") == "True":
        return translate("AuditText", "En säkerhetskopia återställdes; läget innan sparades först.")
    return translate("AuditText", "En säkerhetskopia återställdes.")


def _catalog(d: dict[str, str]) -> str:
    if d.get("action") == "import":
        return translate(
            "AuditText", "Katalogen lästes in ({0} nya, {1} ändrade, {2} avvecklade)."
        ).format(d.get("added", 0), d.get("updated", 0), d.get("retired", 0))
    return (
        translate("AuditText", "Katalogen: {0}").format(d.get("change", ""))
        if d.get("change")
        else ""
    )


_SENTENCES: dict[str, Callable[[dict[str, str]], str]] = {
    "sign_in": lambda _d: translate("AuditText", "Loggade in."),
    "sign_in_failed": _sign_in_failed,
    "locked_out": lambda d: translate(
        "AuditText", "Kontot spärrades i {0} efter {1} felaktiga koder."
    ).format(_minutes(d.get("minutes", "0")), MAX_ATTEMPTS),
    "staff": _staff,
    "export": _export,
    "correction": _correction,
    "config": _config,
    "purge": _purge,
    "backup": _backup,
    "restore": _restore,
    "catalog": _catalog,
}


def describe(kind: str, detail: str) -> str:
    """The event's detail in a Swedish sentence (the coded detail where none fits)."""
    sentence = _SENTENCES.get(kind)
    if sentence is None:
        return detail
    try:
        return sentence(decoded(detail)) or detail
    except (ValueError, KeyError, IndexError):
        return detail
