"""The service point for keyboard and screen-reader users: the Tab order as the screen reads,
and what each control does, in a few words.

The panels (:mod:`app.ui.service_point.panels`) are described from here, with the
rest of the screen, so that one place holds what a screen reader hears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.shell.access import describe, tab_chain

if TYPE_CHECKING:
    from app.ui.service_point.screen import ServicePointView


# The big buttons' padding (panels.PANEL_STYLE) less the focused border's extra pixel, so that
# a focused button's text stays where it was.
BIG_FOCUS = 'QPushButton[big="true"]:focus { padding: 9px 15px; }'


# lupdate reads translate("ServicePointView", "…"): the context is given at each call.
translate = QCoreApplication.translate


def describe_controls(view: ServicePointView) -> None:
    """Descriptions for the controls whose text or key does not say it all."""
    for widget, text in (
        (
            view.point_picker,
            translate("ServicePointView", "Luckan du sitter vid. Datorn kommer ihåg valet."),
        ),
        (
            view.visits,
            translate(
                "ServicePointView",
                "Dagens besök vid luckan, för att rätta eller lägga till ärenden.",
            ),
        ),
        (
            view.quick,
            translate("ServicePointView", "Ett ärende vid disken eller i telefon, utan kölapp."),
        ),
        (
            view.undo,
            translate("ServicePointView", "Tar tillbaka det du just gjorde med besökaren."),
        ),
        (
            view.hand_over.put_back,
            translate("ServicePointView", "Besökaren går tillbaka till sin plats i kön."),
        ),
        (
            view.hand_over.take,
            translate("ServicePointView", "Du tar över besökaren som kollegan ropade upp."),
        ),
        (
            view.return_button,
            translate("ServicePointView", "Besökaren går tillbaka till sin plats i kön."),
        ),
        (
            view.specific.picker,
            translate("ServicePointView", "Välj en väntande kölapp att ropa upp före sin tur."),
        ),
        (view.call_specific, translate("ServicePointView", "Ropar upp den valda kölappen nu.")),
        (
            view.parked.table,
            translate(
                "ServicePointView", "Parkerade besökare. Välj med piltangenterna; Enter ropar upp."
            ),
        ),
        (
            view.resume,
            translate("ServicePointView", "Ropar upp den valda parkerade besökaren igen."),
        ),
    ):
        describe(widget, text)
    # Tab leaves the parked list (the arrows move in it); belongs in panels.ParkedPanel.
    view.parked.table.setTabKeyNavigation(False)
    view.hand_over.take.setAccessibleName(translate("ServicePointView", "Ta över besökaren"))


def chain_focus(view: ServicePointView) -> None:
    """Tab as the screen reads: the point and its buttons at the top, the message's Ångra,
    a colleague's visitor to take over, the queue actions (the main work, left), then the
    column on the right: a ticket to call out of turn, the parked ones."""
    tab_chain(
        (
            view.point_picker,
            view.visits,
            view.quick,
            view.undo,
            view.hand_over.put_back,
            view.hand_over.take,
            *main_actions(view),
            view.specific.picker,
            view.call_specific,
            view.parked.table,
            view.resume,
        )
    )


def main_actions(view: ServicePointView) -> list[QWidget]:
    """The queue actions, in the order Tab reaches them."""
    return [
        view.call_next,
        view.arrived,
        view.recall,
        view.no_show,
        view.transfer,
        view.park,
        view.return_button,
        view.finish,
    ]
