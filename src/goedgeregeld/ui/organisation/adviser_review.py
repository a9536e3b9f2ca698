"""The organisation's side: the adviser's review on results and cards, sharing, reading files."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from goedgeregeld.ui.adviser.client_models import decision_text
from goedgeregeld.ui.adviser.file_actions import share_evaluation
from goedgeregeld.ui.adviser.importing import (
    FILE_FILTER,
    asks_user,
    follow_up,
    outcome_text,
    run_import,
    summary,
)
from goedgeregeld.ui.shell.formatting import verdict_label
from goedgeregeld.ui.shell.i18n import tr
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.words import dutch_date

ADVISER_STYLE = (
    "QFrame#adviserReview { background: #eef4fb; border: 1px solid #9bb8d9;"
    " border-left: 4px solid #2f6db5; border-radius: 4px; }"
)


def verdict_line(record) -> str:
    """The Adviseur: score moet lager (voorstel 1) – comment."""
    text = tr("Adviseur: {v}").format(v=verdict_label(record.verdict))
    if record.proposed_score is not None:
        text += tr(" (voorstel {s})").format(s=record.proposed_score)
    if record.comment:
        text += f" – {record.comment}"
    return text


def adviser_frame(parent, title: str) -> tuple[QFrame, QVBoxLayout]:
    """A frame in the adviser's colour, so it never looks like the organisation's own score."""
    frame = QFrame(parent)
    frame.setObjectName("adviserReview")
    frame.setStyleSheet(ADVISER_STYLE)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 10)
    layout.setSpacing(4)
    layout.addWidget(title_label(title, frame, section=True))
    return frame, layout


def mark_line(mark, today: date | None = None) -> str:
    """Granted and expiry dates of the quality mark, with the reminder when due."""
    today = today or date.today()
    text = tr("Keurmerk verleend op {g}, geldig tot en met {e}.").format(
        g=dutch_date(mark.granted_on), e=dutch_date(mark.expires_on)
    )
    if mark.is_expired(today):
        text += " " + tr("⚠ Het keurmerk is verlopen.")
    elif mark.needs_reminder(today):
        text += " " + tr("⚠ Vraag op tijd een nieuwe beoordeling aan.")
    return text


# -- results page ------------------------------------------------------------------------------
def install_results_extras(page, layout, top) -> None:
    """Add "Delen met adviseur…" and the adviser's review panel to the results page."""
    share = button(tr("Delen met adviseur…"), page)
    top.insertWidget(top.count() - 1, share)
    page.share_button = share
    frame, inner = adviser_frame(page, tr("Beoordeling van uw adviseur"))
    frame.hide()
    layout.insertWidget(layout.count() - 1, frame)
    page.review_panel = frame
    page.review_labels = []

    def evaluation():
        return page.data.state.evaluation if page.data is not None else None

    def shared() -> None:
        record = evaluation()
        if record is not None:
            share_evaluation(page.context, record.id, page.data.organisation_name)

    def show(review) -> None:
        for label in page.review_labels:
            label.deleteLater()
        page.review_labels = []
        frame.setVisible(review is not None)
        if review is None:
            return
        lines = [
            tr("Adviseur {name}{region} · besluit: {d}").format(
                name=review.adviser_name,
                region=f" ({review.adviser_region})" if review.adviser_region else "",
                d=decision_text(review.decision),
            )
        ]
        lines += [
            tr("Voorwaarde: {t} (uiterlijk {d})").format(t=c.text, d=dutch_date(c.deadline))
            for c in review.conditions
        ]
        if review.quality_mark is not None:
            lines.append(mark_line(review.quality_mark))
        edition = page.data.state.edition
        for theme in edition.themes:
            comment = review.theme_comments.get(theme.id)
            if comment:
                lines.append(f"{theme.title}: {comment}")
        disagreements = [r for r in review.statements.values() if r.verdict.value != "agree"]
        agreed = len(review.statements) - len(disagreements)
        lines.append(tr("{n} scores onderschreven door de adviseur.").format(n=agreed))
        for record in sorted(disagreements, key=lambda r: r.statement_id):
            statement = edition.statements_by_id.get(record.statement_id)
            name = statement.text if statement is not None else record.statement_id
            lines.append(f"•  {name}\n    {verdict_line(record)}")
        for line in lines:
            label = text_label(line, frame)
            inner.addWidget(label)
            page.review_labels.append(label)

    def load() -> None:
        record = evaluation()
        if record is None:
            return
        evaluation_id = record.id

        def read(db):
            from goedgeregeld.store.reviews import load_review

            return load_review(db, evaluation_id)

        page.context.with_db(read, show)

    share.clicked.connect(shared)
    page.loaded.connect(load)


# -- statement cards ---------------------------------------------------------------------------
class CardExtras:
    """Adds the adviser's verdict and the evidence (attach, open, remove) to statement cards."""

    def __init__(self, page, evaluation_id: str) -> None:
        self.page, self.context, self.evaluation_id = page, page.context, evaluation_id
        self.review = None
        self.attachments: dict = {}
        self.ready = False
        self.reload()

    def reload(self) -> None:
        evaluation_id = self.evaluation_id

        def read(db):
            from goedgeregeld.store.evidence import attachments_by_statement
            from goedgeregeld.store.reviews import load_review

            return load_review(db, evaluation_id), attachments_by_statement(db, evaluation_id)

        self.context.with_db(read, self._loaded)

    def _loaded(self, data) -> None:
        self.review, self.attachments = data
        self.ready = True
        for card in self.page.cards:
            self.decorate(card)

    def decorate(self, card) -> None:
        """Add (or refresh) the extras on one card."""
        if not self.ready:
            return
        old = getattr(card, "extras_frame", None)
        if old is not None:
            old.hide()
            old.deleteLater()
        frame = QFrame(card)
        box = QVBoxLayout(frame)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        record = self.review.statements.get(card.statement_id) if self.review else None
        card.review_label = None
        if record is not None:
            verdict, inner = adviser_frame(frame, tr("Beoordeling van uw adviseur"))
            card.review_label = QLabel(verdict_line(record), verdict)
            card.review_label.setWordWrap(True)
            card.review_label.setTextFormat(Qt.TextFormat.PlainText)
            inner.addWidget(card.review_label)
            box.addWidget(verdict)
        card.evidence_buttons = {}
        for attachment in self.attachments.get(card.statement_id, []):
            row = QFrame(frame)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            open_button = button(f"📎 {attachment.file_name}", row)
            open_button.setStyleSheet("text-align: left;")
            remove_button = button(tr("Verwijderen"), row, name=tr("Bewijsstuk verwijderen"))
            open_button.clicked.connect(lambda _c=False, a=attachment.id: self.open(a))
            remove_button.clicked.connect(lambda _c=False, a=attachment: self.remove(a))
            line.addWidget(open_button, 1)
            line.addWidget(remove_button)
            box.addWidget(row)
            card.evidence_buttons[attachment.id] = (open_button, remove_button)
        add = button(tr("Bewijsstuk toevoegen…"), frame)
        add.clicked.connect(lambda _c=False, s=card.statement_id: self.choose(s))
        card.add_evidence_button = add
        add_row = QHBoxLayout()
        add_row.addWidget(add)
        add_row.addStretch(1)
        box.addLayout(add_row)
        card.layout().addWidget(frame)
        card.extras_frame = frame

    def choose(self, statement_id: str) -> None:
        self.context.dialogs.choose_open_paths(
            tr("Bewijsstuk toevoegen"),
            tr(
                "Documenten en afbeeldingen (*.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods *.png "
                "*.jpg *.jpeg);;Alle bestanden (*)"
            ),
            lambda paths: self.attach(statement_id, paths),
        )

    def attach(self, statement_id: str, paths) -> None:
        from goedgeregeld.store.evidence import attach_evidence

        evaluation_id = self.evaluation_id
        self.context.with_db(
            lambda db: [attach_evidence(db, evaluation_id, statement_id, p) for p in paths],
            lambda _records: self.reload(),
        )

    def open(self, attachment_id: str) -> None:
        from goedgeregeld.ui.adviser.review_page import open_attachment

        open_attachment(self.context, attachment_id)

    def remove(self, attachment) -> None:
        from goedgeregeld.store.evidence import remove_attachment

        self.context.dialogs.confirm(
            tr("Bewijsstuk verwijderen"),
            tr("‘{n}’ weghalen bij deze stelling?").format(n=attachment.file_name),
            lambda: self.context.with_db(
                lambda db: remove_attachment(db, attachment.id), lambda _r: self.reload()
            ),
        )


# -- home and menu -----------------------------------------------------------------------------
def install_home_reminder(page, layout) -> None:
    """A quality-mark reminder on the home screen from 12 months before expiry."""
    label = QLabel("", page)
    label.setObjectName("reminder")
    label.setStyleSheet(
        "QLabel#reminder { background: #fff4d6; border: 1px solid #c9a227;"
        " border-radius: 4px; padding: 6px 10px; }"
    )
    label.setWordWrap(True)
    label.hide()
    layout.insertWidget(2, label)
    page.reminder_label = label

    def check() -> None:
        overview = page.overview
        ids = {e.id for e in overview.evaluations} if overview is not None else set()
        if not ids:
            label.hide()
            return

        def read(db):
            from goedgeregeld.store.clients import quality_mark_reminders

            return [m for e, m in quality_mark_reminders(db, date.today()) if e in ids]

        def show(marks) -> None:
            label.setVisible(bool(marks))
            if marks:
                label.setText(mark_line(marks[0]))

        page.context.with_db(read, show)

    page.data_shown.connect(check)


def import_review_files(flow, context) -> None:
    """The Beoordeling inlezen…: choose files, import on a worker, say how it went.

    A file that needs a password or a confirmed new key asks for it, then is retried.
    """

    def report(outcomes) -> None:
        text = "\n".join(outcome_text(o) for o in outcomes)
        if all(o.ok for o in outcomes):
            context.dialogs.inform(tr("Beoordeling inlezen"), f"{summary(outcomes)}.\n{text}")
        elif not all(asks_user(o) for o in outcomes):
            context.dialogs.error(f"{summary(outcomes)}.\n{text}")
        refresh()

    def done(outcomes) -> None:
        report(outcomes)
        follow_up(context, outcomes, lambda outcome: report([outcome]))

    def refresh() -> None:
        data = getattr(flow.page, "data", None)
        if type(flow.page).__name__ == "ResultsPage" and data is not None:
            flow.show_results(data.state.evaluation.id)
        else:
            flow.show_home()

    context.dialogs.choose_open_paths(
        tr("Beoordeling inlezen"), tr(FILE_FILTER), lambda paths: run_import(context, paths, done)
    )


def share_current(flow) -> None:
    """The menu's "Delen met adviseur…": the evaluation on screen or selected on home."""
    page = flow.page
    data = getattr(page, "data", None)
    state = getattr(data, "state", None) or getattr(page, "state", None)
    if state is not None and hasattr(state, "evaluation"):
        name = getattr(data, "organisation_name", None) or tr("zelfevaluatie")
        share_evaluation(flow.context, state.evaluation.id, name)
        return
    selected = page.selected() if hasattr(page, "selected") else None
    overview = getattr(page, "overview", None)
    if selected is not None and overview is not None and hasattr(selected, "variant"):
        share_evaluation(flow.context, selected.id, overview.current.name)
        return
    flow.context.dialogs.inform(
        tr("Delen met adviseur"), tr("Kies eerst een zelfevaluatie op het startscherm.")
    )
