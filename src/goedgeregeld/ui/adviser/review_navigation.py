"""Moving through a review by keyboard: next statement, next open one, themes, clients."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer

from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QScrollArea

    from goedgeregeld.questionnaire.model import Theme
    from goedgeregeld.ui.adviser.review_row import ReviewRow


NARROW_ROWS = 760
"""Below this width of the statement list, a statement's two sides stack."""


class ReviewNavigation:
    """Mixed into ``ReviewPage``: everything about where the reader is and goes next."""

    data: Any  # the page's ReviewData (review_page imports this module, not the other way)
    rows: list[ReviewRow]
    theme_index: int
    current_id: str | None
    reviewed: set[str]
    pending: set[str]
    flagged: set[str]
    client_order: list[str]
    evaluation_id: str
    theme_list: QListWidget
    row_scroll: QScrollArea
    client_position: QLabel
    previous_client_button: QPushButton
    next_client_button: QPushButton
    decision_button: QPushButton

    def client_requested_emit(self, evaluation_id: str) -> None:
        raise NotImplementedError

    def _commit_texts(self) -> None:
        raise NotImplementedError

    # -- what is reviewed ----------------------------------------------------------------------
    def themes(self) -> list[Theme]:
        return list(self.data.state.edition.themes) if self.data else []

    def theme_statements(self, index: int) -> list[str]:
        from goedgeregeld.scoring import required_statements

        assert self.data is not None
        theme = self.themes()[index]
        return [s.id for s in required_statements(theme, self.data.state.variant)]

    def is_reviewed(self, statement_id: str) -> bool:
        return statement_id in self.reviewed or statement_id in self.pending

    def first_open_theme(self) -> int:
        """The first theme with a statement left to review (the first theme when none is)."""
        for index in range(len(self.themes())):
            if not all(self.is_reviewed(s) for s in self.theme_statements(index)):
                return index
        return 0

    def update_theme_items(self) -> None:
        """Per theme: its title, how many of its statements have a verdict, and ⚑ for changes."""
        for index, theme in enumerate(self.themes()):
            item = self.theme_list.item(index)
            if item is None:
                continue
            ids = self.theme_statements(index)
            done = sum(1 for s in ids if self.is_reviewed(s))
            progress = "✓" if ids and done == len(ids) else f"{done}/{len(ids)}"
            marker = " ⚑" if any(s in self.flagged for s in ids) else ""
            # The progress first: a narrow list cuts the end of a long title, never the count.
            item.setText(f"{progress}  {theme.title}{marker}")
            item.setToolTip(theme.title)
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                tr("{t}: {d} van {n} beoordeeld").format(t=theme.title, d=done, n=len(ids)),
            )

    # -- statements ----------------------------------------------------------------------------
    def theme_shown(self) -> None:
        """A theme was just built: start at its top, on its first statement without a verdict."""
        self.row_scroll.verticalScrollBar().setValue(0)
        target = next((r for r in self.rows if not self.is_reviewed(r.statement_id)), None)
        target = target or (self.rows[0] if self.rows else None)
        if target is not None:
            self.focus_row(target, scroll=False)

    def focus_row(self, row: ReviewRow, scroll: bool = True) -> None:
        row.setFocus(Qt.FocusReason.OtherFocusReason)
        self.mark_current(row.statement_id)
        if scroll:
            self.scroll_to(row)
        else:
            # The layout sizes rows after this event: from the top, bring the row into view.
            def settle() -> None:
                self.row_scroll.verticalScrollBar().setValue(0)
                if row in self.rows:
                    self.scroll_to(row)

            QTimer.singleShot(0, settle)

    def scroll_to(self, row: ReviewRow, margin: int = 40) -> None:
        """Bring a statement into view, up and down only (never sideways)."""
        bar = self.row_scroll.verticalScrollBar()
        height = self.row_scroll.viewport().height()
        top, bottom = row.y() - margin, row.y() + row.height() + margin
        if top < bar.value():
            bar.setValue(max(0, top))
        elif bottom > bar.value() + height:
            bar.setValue(min(top, bottom - height))
        self.row_scroll.horizontalScrollBar().setValue(0)

    def fit_rows(self) -> None:
        """Stack each statement's two sides when the list is narrow (large text, small screen)."""
        narrow = self.row_scroll.viewport().width() < NARROW_ROWS
        for row in self.rows:
            row.set_stacked(narrow)

    def mark_current(self, statement_id: str) -> None:
        self.current_id = statement_id
        for row in self.rows:
            row.set_current(row.statement_id == statement_id)

    def current_row(self) -> ReviewRow | None:
        return next((r for r in self.rows if r.statement_id == self.current_id), None)

    def advance_from(self, statement_id: str) -> None:
        """After Enter: the next statement of this theme, else the next theme's first."""
        ids = [r.statement_id for r in self.rows]
        if statement_id not in ids:
            return
        position = ids.index(statement_id)
        if position + 1 < len(self.rows):
            self.focus_row(self.rows[position + 1])
        elif self.theme_index + 1 < len(self.themes()):
            self.theme_list.setCurrentRow(self.theme_index + 1)
        else:
            self.decision_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def agree_with_rest(self) -> None:
        """Ctrl+Enter: "eens" for every statement of this theme still without a verdict."""
        for row in self.rows:
            if row.verdict() is None:
                row.choose("agree")
        self.next_unreviewed(after_theme=True)

    def next_unreviewed(self, after_theme: bool = False) -> None:
        """F3: the next statement without a verdict, in this theme or a later one (wrapping)."""
        themes = len(self.themes())
        if not themes:
            return
        ids = [r.statement_id for r in self.rows]
        start = ids.index(self.current_id) + 1 if self.current_id in ids else 0
        if not after_theme:
            for row in self.rows[start:]:
                if not self.is_reviewed(row.statement_id):
                    self.focus_row(row)
                    return
        for step in range(1, themes + 1):
            index = (self.theme_index + step) % themes
            if any(not self.is_reviewed(s) for s in self.theme_statements(index)):
                if index == self.theme_index:
                    self.theme_shown()
                else:
                    self.theme_list.setCurrentRow(index)
                return
        if after_theme and self.theme_index + 1 < themes:
            self.theme_list.setCurrentRow(self.theme_index + 1)
        else:
            self.decision_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def step_theme(self, step: int) -> None:
        index = self.theme_index + step
        if 0 <= index < len(self.themes()):
            self.theme_list.setCurrentRow(index)

    def open_current_evidence(self) -> None:
        row = self.current_row()
        if row is not None:
            row.open_first_evidence()

    # -- clients -------------------------------------------------------------------------------
    def _update_client_position(self) -> None:
        order = self.client_order
        known = self.evaluation_id in order
        position = order.index(self.evaluation_id) if known else -1
        self.previous_client_button.setEnabled(known and position > 0)
        self.next_client_button.setEnabled(known and position + 1 < len(order))
        self.client_position.setText(
            tr("Klant {n} van {t}").format(n=position + 1, t=len(order)) if known else ""
        )

    def step_client(self, step: int) -> None:
        """Alt+PgDn / Alt+PgUp: the next or previous client of the list as it was shown."""
        if self.evaluation_id not in self.client_order:
            return
        index = self.client_order.index(self.evaluation_id) + step
        if 0 <= index < len(self.client_order):
            self._commit_texts()
            self.client_requested_emit(self.client_order[index])
