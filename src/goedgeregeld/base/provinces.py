"""The twelve Dutch provinces, as people write them."""

from __future__ import annotations

PROVINCES: tuple[str, ...] = (
    "Drenthe",
    "Flevoland",
    "Friesland",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
)

_ALIASES = {"fryslân": "Friesland", "fryslan": "Friesland"}


def normalise_province(text: str) -> str | None:
    """The canonical name of a province, whatever the case or spacing; None if unknown."""
    key = " ".join(text.split()).lower().replace(" ", "-")
    if key in _ALIASES:
        return _ALIASES[key]
    for province in PROVINCES:
        if province.lower() == key:
            return province
    return None
