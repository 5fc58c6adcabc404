"""The reception screen for keyboard and screen-reader users: the Tab order, as the screen
reads top down and left to right, and what each control does, in a few words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.shell.access import describe, tab_chain

if TYPE_CHECKING:
    from app.ui.reception.screen import ReceptionView


# lupdate reads translate("ReceptionView", "…"): the context is given at each call.
translate = QCoreApplication.translate


def describe_controls(view: ReceptionView) -> None:
    """The descriptions of the screen's lasting controls (the issue buttons describe
    themselves, being made again when the queues change)."""
    check_in = view.check_in
    for widget, text in (
        (
            view.undo,
            translate("ReceptionView", "Ångrar att kölappen markerades som gått innan upprop."),
        ),
        (
            check_in.walk_in,
            translate(
                "ReceptionView", "Ger den som kom för sent till sin bokning en vanlig kölapp."
            ),
        ),
        (
            view.booked,
            translate("ReceptionView", "Nästa kölapp får förtur. Gäller bara den kölappen."),
        ),
        (
            view.language,
            translate(
                "ReceptionView", "Kölappen får instruktioner på språket; svenska om inget väljs."
            ),
        ),
        (
            check_in.reference,
            translate("ReceptionView", "Skanna bekräftelsen, eller skriv numret och tryck Enter."),
        ),
        (
            check_in.check_in,
            translate("ReceptionView", "Checkar in bokningen och ger besökaren en kölapp."),
        ),
        (check_in.day_list, translate("ReceptionView", "Öppnar listan över dagens bokade besök.")),
        (
            view.panel.reprint,
            translate("ReceptionView", "Skriver ut den senaste kölappen en gång till (Ctrl+P)."),
        ),
        (
            view.recent_table,
            translate(
                "ReceptionView", "Välj en kölapp med piltangenterna; knapparna under gäller den."
            ),
        ),
        (
            view.reprint_selected,
            translate("ReceptionView", "Skriver ut den valda kölappen en gång till."),
        ),
        (
            view.walked_out,
            translate(
                "ReceptionView", "Tar den valda kölappen ur kön: besökaren gick. Kan ångras."
            ),
        ),
        (
            view.cancel_ticket,
            translate("ReceptionView", "Makulerar den valda kölappen, efter en fråga."),
        ),
        (
            view.waiting_table,
            translate("ReceptionView", "De som väntar, i den ordning de ropas upp."),
        ),
        (
            view.serving_table,
            translate("ReceptionView", "Besökare som är uppropade eller betjänas nu, och var."),
        ),
    ):
        describe(widget, text)


def chain_focus(view: ReceptionView) -> None:
    """Tab as the screen reads: the message row, the kiosk's calls for help, the issue
    buttons and what goes with them, the last ticket, then the lists left to right."""
    check_in = view.check_in
    order: list[QWidget | None] = [view.undo, check_in.walk_in, *view.alerts.buttons()]
    order += [*view.issue_buttons(), view.booked, view.language]
    order += [*check_in.focus_chain(), view.panel.reprint]
    order += [view.recent_table, view.reprint_selected, view.tell, view.walked_out]
    order += [view.cancel_ticket, view.waiting_table, view.serving_table]
    tab_chain(order)
