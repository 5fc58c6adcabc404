"""Settings › Databas: which database this PC works on, tried before it is chosen.

A workstation of an office with several PCs works on the office's PostgreSQL
server; one on its own works on its SQLite file. The manager types the
server's address, tries it ("Testa anslutningen", off the window's thread: a
server may take seconds to answer or not answer at all) and chooses it for
this PC from the next start. The password is never typed here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.settings.common import SettingsPage, button, named
from app.ui.shell.action import Action
from app.ui.shell.context import UiContext
from app.ui.shell.fitting import WrappedLabel


class DatabasePage(SettingsPage):
    """This PC's database: the one in use, and a server to try and choose."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        intro = WrappedLabel(
            self.tr(
                "Ett kontor med flera datorer har sina uppgifter på kontorets databasserver. "
                "Skriv serverns adress, testa anslutningen och välj den för den här datorn. "
                "Lösenordet skrivs aldrig här: IT lägger det i datorns nyckelring."
            ),
            self,
        )
        self.current = WrappedLabel(self)
        self.current.setObjectName("database-current")
        box = QGroupBox(self.tr("Databasserver"), self)
        form = QFormLayout(box)
        self.url = named(
            QLineEdit(box),
            "database-url",
            self.tr("Databasserverns adress"),
            self.tr("Adressen som IT har gett, utan lösenord."),
        )
        self.url.setPlaceholderText(self.tr("postgresql+psycopg://användare@server/databas"))
        form.addRow(self.tr("&Adress:"), self.url)
        # Alt+T and Alt+A are taken (the Statistik tab, Adress).
        self.test_button = button(
            self,
            self.tr("Testa a&nslutningen"),
            "test-database",
            None,
            self.tr("Provar adressen utan att ändra något."),
        )
        self.use_button = button(
            self,
            self.tr("Använd på den &här datorn"),
            "use-database",
            None,
            self.tr("Den här datorn arbetar i databasservern från nästa start."),
        )
        self.local_button = button(
            self,
            self.tr("Använd datorns &egen fil"),
            "use-local-file",
            None,
            self.tr("Den här datorn arbetar i sin egen fil från nästa start."),
        )
        self.result = WrappedLabel(self)
        self.result.setObjectName("database-result")
        actions = QHBoxLayout()
        actions.addWidget(self.test_button)
        actions.addWidget(self.use_button)
        actions.addStretch(1)
        actions.addWidget(self.local_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(intro)
        layout.addWidget(self.current)
        layout.addWidget(box)
        layout.addLayout(actions)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.test_button.clicked.connect(self._on_test)
        self.use_button.clicked.connect(self._on_use)
        self.local_button.clicked.connect(self._on_use_local)

    def reload(self) -> None:
        """Say which database this PC works on now."""
        settings = self._ctx.settings
        if settings.sqlite_path is not None:
            self.current.setText(
                self.tr("Den här datorn arbetar i sin egen fil: {0}").format(settings.sqlite_path)
            )
            self.local_button.setEnabled(False)
        else:
            from app.services.upkeep.copying import shown

            self.current.setText(
                self.tr("Den här datorn arbetar på databasservern {0}.").format(
                    shown(settings.database_url)
                )
            )
            self.local_button.setEnabled(True)

    def _on_test(self) -> None:
        from app.services.upkeep.database import DatabaseProbe, Found, probe_database

        ctx, url = self._ctx, self.url.text()
        self.test_button.setEnabled(False)
        self._say(self.tr("Ansluter …"))

        def done(probe: DatabaseProbe) -> None:
            self.test_button.setEnabled(True)
            if probe.found is Found.STORE and probe.office:
                self._say(self.tr("Anslutningen fungerar. Där finns {0}.").format(probe.office))
            elif probe.found in (Found.STORE, Found.EMPTY):  # no office in it yet
                self._say(
                    self.tr(
                        "Anslutningen fungerar. Databasen är tom: IT gör den klar med "
                        "”servicedisk db init”, eller flyttar hit kontorets uppgifter med "
                        "”servicedisk db copy”."
                    ),
                    True,
                )
            else:
                self._say(
                    self.tr(
                        "Databasen innehåller ett annat programs tabeller och kan inte användas."
                    ),
                    True,
                )

        def failed(sentence: str) -> None:
            self.test_button.setEnabled(True)
            self._say(sentence, True)

        Action(ctx, "test database", lambda: probe_database(ctx.desk, url)).without_refresh(
        ).success(done).failure(
            failed, self.tr("Det gick inte att ansluta till databasservern.")
        ).run_in_background(self)  # fmt: skip

    def _on_use(self) -> None:
        from app.services.upkeep.database import use_database

        url = self.url.text()
        self._choose(
            lambda: use_database(self._ctx.desk, url),
            self.tr(
                "Den här datorn använder databasservern från nästa start. Starta om programmet."
            ),
        )

    def _on_use_local(self) -> None:
        from app.services.upkeep.database import use_database

        self._choose(
            lambda: use_database(self._ctx.desk, None),
            self.tr("Den här datorn använder sin egen fil från nästa start. Starta om programmet."),
        )

    def _choose(self, work: Callable[[], object], done: str) -> None:
        Action(self._ctx, "choose database", work).without_refresh().success(
            lambda _chosen: self._say(done)
        ).failure(
            lambda sentence: self._say(sentence, True),
            self.tr("Valet kunde inte sparas. Inget är ändrat."),
        ).busy(self.use_button, self.local_button).run(self)  # fmt: skip

    def _say(self, text: str, error: bool = False) -> None:
        """The outcome, beside the buttons that asked for it."""
        self.result.setText(text)
        self.result.setStyleSheet("color: #7a1500;" if error else "color: #1e4620;")
        self.result.setAccessibleDescription(text)
