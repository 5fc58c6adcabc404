"""One errand row of the errand form: agency → errand type → outcome → referral, language, tolk.

The fields sit on two lines, so long catalog labels ("Kommunens socialtjänst")
show whole. A problem found on saving is said under the row, the field is
marked, and both go as soon as the case worker changes the row.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)

from app.services.errands.records import (
    DEFAULT_INTERPRETER,
    DEFAULT_LANGUAGE,
    AgencyChoice,
    CatalogChoices,
    ErrandInput,
    ErrandView,
)
from app.ui.service_point.errand_models import ChoiceModel
from app.ui.shell.fitting import WrappedLabel
from app.ui.shell.guarded import guard_combo
from app.ui.shell.table_model import KEY_ROLE, OBJECT_ROLE


def _combo(parent: QWidget, name: str, model: ChoiceModel) -> QComboBox:
    combo = guard_combo(QComboBox(parent))
    combo.setObjectName(name)
    combo.setModel(model)
    combo.setCurrentIndex(-1)
    combo.setMinimumContentsLength(8)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    # White when it can be chosen, grey when not: easy to tell apart at a glance.
    palette = combo.palette()
    palette.setColor(QPalette.ColorRole.Button, QColor("white"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#dde1e5"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor("#dde1e5"))
    combo.setPalette(palette)
    return combo


def _select(combo: QComboBox, code: str | None) -> None:
    model = combo.model()
    assert isinstance(model, ChoiceModel)
    combo.setCurrentIndex(model.row_of(code))


def _mark(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def count_text(n: int) -> str:
    """ "1 ärende sparat" / "2 ärenden sparade"."""
    if n == 1:
        return QCoreApplication.translate("ErrandRow", "1 ärende sparat")
    return QCoreApplication.translate("ErrandRow", "{0} ärenden sparade").format(n)


class ErrandRow(QGroupBox):
    """One errand: agency, errand type (type to search), outcome, referral, language, tolk."""

    remove_requested = Signal(object)  # this row

    def __init__(self, choices: CatalogChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self.number = 1
        self.errand_id: int | None = None  # a logged errand being corrected
        self._setup_ui()

    def _setup_ui(self) -> None:
        c = self._choices
        self.agency = _combo(self, "errand-agency", ChoiceModel(c.agencies, self))
        self.agency.setPlaceholderText(self.tr("Välj myndighet …"))
        self._types = ChoiceModel((), self)
        self.errand_type = _combo(self, "errand-type", self._types)
        self.errand_type.setEditable(True)
        self.errand_type.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self._types, self.errand_type)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.errand_type.setCompleter(completer)
        self.outcome = _combo(self, "errand-outcome", ChoiceModel(c.outcomes, self))
        self.outcome.setPlaceholderText(self.tr("Välj utfall …"))
        self.referral = _combo(self, "errand-referral", ChoiceModel(c.referral_targets, self))
        self.languages = _combo(self, "errand-language", ChoiceModel(c.languages, self))
        self.interpreter = _combo(
            self, "errand-interpreter", ChoiceModel(c.interpreter_kinds, self)
        )
        self.remove = QPushButton(self.tr("Ta bort"), self)
        self.remove.setObjectName("remove-errand")
        self.remove.setProperty("role", "danger")
        self.problem = WrappedLabel(self)
        self.problem.setObjectName("errand-problem")
        self.problem.setProperty("role", "error")
        self.problem.hide()
        self._marked: QWidget | None = None

        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        fields = (  # in the order a case worker fills them in, three to a line
            (self.tr("Myndighet"), self.agency),
            (self.tr("Ärendetyp"), self.errand_type),
            (self.tr("Utfall"), self.outcome),
            (self.tr("Hänvisad till"), self.referral),
            (self.tr("Språk"), self.languages),
            (self.tr("Tolk"), self.interpreter),
        )
        self._labels: list[QLabel] = []
        for index, (text, widget) in enumerate(fields):
            line, column = divmod(index, 3)
            label = QLabel(text, self)
            label.setBuddy(widget)
            self._labels.append(label)
            grid.addWidget(label, line * 2, column)
            grid.addWidget(widget, line * 2 + 1, column)
            grid.setColumnStretch(column, 1)
        grid.addWidget(self.remove, 3, 3)
        grid.addWidget(self.problem, 4, 0, 1, 4)

        self.agency.currentIndexChanged.connect(self._on_agency_changed)
        self.outcome.currentIndexChanged.connect(self._on_outcome_changed)
        self.remove.clicked.connect(self._on_remove_clicked)
        for combo in (self.agency, self.outcome, self.referral, self.languages, self.interpreter):
            combo.currentIndexChanged.connect(self.clear_problem)
        self.errand_type.currentIndexChanged.connect(self.clear_problem)
        self.errand_type.editTextChanged.connect(self.clear_problem)
        self._on_agency_changed(-1)
        self._on_outcome_changed(-1)
        self._describe()

    # ------------------------------------------------------------ set-up from outside

    def set_number(self, number: int) -> None:
        """Title and accessible names carry the row number ("Ärende 2: utfall")."""
        self.number = number
        self.setObjectName(f"errand-row-{number}")
        self.setTitle(self.tr("Ärende {0}").format(number))
        names = (
            (self.agency, self.tr("myndighet")),
            (self.errand_type, self.tr("ärendetyp, skriv för att söka")),
            (self.outcome, self.tr("utfall")),
            (self.referral, self.tr("hänvisad till")),
            (self.languages, self.tr("språk")),
            (self.interpreter, self.tr("tolk")),
            (self.remove, self.tr("ta bort ärendet")),
        )
        for widget, name in names:
            widget.setAccessibleName(self.tr("Ärende {0}: {1}").format(number, name))

    def _describe(self) -> None:
        for widget, text in (
            (self.agency, self.tr("Myndigheten som ärendet gällde.")),
            (self.errand_type, self.tr("Skriv en del av namnet; listan visar det som passar.")),
            (self.outcome, self.tr("Hur ärendet slutade.")),
            (self.referral, self.tr("Vart besökaren hänvisades, när utfallet är en hänvisning.")),
            (self.languages, self.tr("Språket som ärendet sköttes på.")),
            (self.interpreter, self.tr("Om tolk var med, och i så fall hur.")),
            (self.remove, self.tr("Tar bort raden; inget sparas förrän du sparar.")),
        ):
            widget.setAccessibleDescription(text)

    def set_defaults(
        self,
        agency: str | None,
        outcome: str | None,
        language: str | None,
        interpreter: str | None,
    ) -> None:
        """Preselect what is most likely; unknown codes leave a field empty."""
        _select(self.agency, agency)
        _select(self.outcome, outcome)
        _select(self.languages, language or DEFAULT_LANGUAGE)
        _select(self.interpreter, interpreter or DEFAULT_INTERPRETER)

    def show_errand(self, errand: ErrandView) -> None:
        """An errand as it was logged, to be corrected (a retired entry shows empty)."""
        self.errand_id = errand.id
        _select(self.agency, errand.agency_code)  # its errand types follow
        if errand.errand_type_code is not None:
            self.errand_type.setCurrentIndex(self._types.row_of(errand.errand_type_code))
        _select(self.outcome, errand.outcome_code)
        _select(self.referral, errand.referral_target_code)
        _select(self.languages, errand.language_code or DEFAULT_LANGUAGE)
        _select(self.interpreter, errand.interpreter_code or DEFAULT_INTERPRETER)

    def show_problem(self, text: str, widget: QWidget | None) -> None:
        """Say under the row what is missing, mark the field and put the cursor in it."""
        self.clear_problem()
        self.problem.setText(text)
        self.problem.show()
        if widget is not None:
            self._marked = widget
            _mark(widget, True)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_problem(self, *_args: object) -> None:
        """The case worker changed the row: the old problem no longer stands."""
        if self._marked is not None:
            _mark(self._marked, False)
            self._marked = None
        self.problem.clear()
        self.problem.hide()

    def focus_first_empty(self) -> None:
        """Put the cursor where the case worker will type next."""
        for widget in (self.agency, self.errand_type, self.outcome):
            if widget.isEnabled() and widget.currentIndex() < 0:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.errand_type.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_chain(self) -> list[QWidget]:
        """The row's fields in tab order."""
        return [
            self.agency,
            self.errand_type,
            self.outcome,
            self.referral,
            self.languages,
            self.interpreter,
            self.remove,
        ]

    # ------------------------------------------------------------ reading

    def _agency_choice(self) -> AgencyChoice | None:
        agency: AgencyChoice | None = self.agency.currentData(OBJECT_ROLE)
        return agency

    def _type_code(self, agency: AgencyChoice) -> tuple[str | None, bool]:
        """The chosen errand type from the typed text: an exact or a single partial match."""
        text = self.errand_type.currentText().strip().casefold()
        if not text:
            return None, False
        types = agency.errand_types
        exact = [t for t in types if t.label.casefold() == text]
        found = exact or [t for t in types if text in t.label.casefold()]
        if len(found) != 1:
            return None, False
        self.errand_type.setCurrentIndex(self._types.row_of(found[0].code))
        return found[0].code, True

    def requires_referral(self) -> bool:
        """Whether the chosen outcome asks where the visitor was sent."""
        outcome = self.outcome.currentData(OBJECT_ROLE)
        return bool(outcome and outcome.requires_referral)

    def to_input(self) -> tuple[ErrandInput | None, str, QWidget | None]:
        """The errand, or a Swedish sentence naming the row and field (and where to go)."""
        n = self.number
        agency = self._agency_choice()
        if agency is None:
            return None, self.tr("Ärende {0}: välj myndighet.").format(n), self.agency
        type_code = None
        if agency.errand_types:
            type_code, ok = self._type_code(agency)
            if not ok:
                text = self.errand_type.currentText().strip()
                if text:
                    message = self.tr(
                        "Ärende {0}: ärendetypen ”{1}” finns inte hos {2}. Välj en i listan."
                    ).format(n, text, agency.label)
                else:
                    message = self.tr("Ärende {0}: välj ärendetyp.").format(n)
                return None, message, self.errand_type
        outcome = self.outcome.currentData(KEY_ROLE)
        if outcome is None:
            return None, self.tr("Ärende {0}: välj utfall.").format(n), self.outcome
        referral = None
        if self.requires_referral():
            referral = self.referral.currentData(KEY_ROLE)
            if referral is None:
                message = self.tr("Ärende {0}: välj vart besökaren hänvisades.").format(n)
                return None, message, self.referral
        entry = ErrandInput(
            agency_code=agency.code,
            errand_type_code=type_code,
            outcome_code=outcome,
            referral_target_code=referral,
            language_code=self.languages.currentData(KEY_ROLE),
            interpreter_code=self.interpreter.currentData(KEY_ROLE),
        )
        return entry, "", None

    # ------------------------------------------------------------ slots

    def _on_agency_changed(self, _index: int) -> None:
        agency = self._agency_choice()
        types = agency.errand_types if agency else ()
        self._types.set_choices(types)
        self.errand_type.setCurrentIndex(-1)
        self.errand_type.setEditText("")
        self.errand_type.setEnabled(bool(types))
        line = self.errand_type.lineEdit()
        assert line is not None  # the combo is editable
        if agency is None:
            line.setPlaceholderText(self.tr("Välj myndighet först"))
        elif not types:
            line.setPlaceholderText(self.tr("Inga ärendetyper"))
        else:
            line.setPlaceholderText(self.tr("Skriv för att söka …"))

    def _on_outcome_changed(self, _index: int) -> None:
        needed = self.requires_referral()
        self.referral.setEnabled(needed)
        self.referral.setPlaceholderText(
            self.tr("Välj mottagare …") if needed else self.tr("Behövs inte")
        )
        if not needed:
            self.referral.setCurrentIndex(-1)

    def _on_remove_clicked(self) -> None:
        self.remove_requested.emit(self)
