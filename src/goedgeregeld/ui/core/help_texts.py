"""Texts that explain, shared by the dialogs that need them and the Help pages."""

from __future__ import annotations

from goedgeregeld.ui.core.i18n import tr

EVALUATION_FILE_LINES = (
    "het profiel van uw organisatie: naam, plaats, provincie, aantal vrijwilligers en "
    "betaalde krachten;",
    "alle antwoorden en toelichtingen van deze zelfevaluatie;",
    "uw plan van aanpak;",
    "de bewijsstukken die u bij de stellingen heeft gevoegd.",
)


def evaluation_file_text() -> str:
    """What "Delen met adviseur…" makes and what is in it, in plain words (B1)."""
    lines = [
        tr(
            "Delen met uw adviseur maakt één bestand (.ggeval) dat u zelf verstuurt, per "
            "e-mail of op een USB-stick. Daarin staan:"
        ),
        *(f"•  {tr(line)}" for line in EVALUATION_FILE_LINES),
        tr(
            "Het bestand is ondertekend: uw adviseur ziet dat het van deze computer komt en "
            "onderweg niet is veranderd. Met een wachtwoord kan alleen wie het wachtwoord kent "
            "het bestand openen. Op deze computer blijft alles zoals het is."
        ),
    ]
    return "\n".join(lines)
