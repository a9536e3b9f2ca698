"""A few realistic client evaluation files for the adviser screenshots."""

from __future__ import annotations

from pathlib import Path

from benchmarks.evaluation_files import make_evaluation_files

CLIENTS = (
    ("Voedselbank Oost", "Arnhem", "Gelderland"),
    ("Buurthuis De Linde", "Deventer", "Overijssel"),
    ("Stichting Taalmaatjes", "Utrecht", "Utrecht"),
    ("Hospice Het Anker", "Middelburg", "Zeeland"),
)


def more_clients(folder: Path) -> list[Path]:
    """Signed evaluation files of differently named clients, made by the normal export."""
    return make_evaluation_files(folder, len(CLIENTS), CLIENTS)
