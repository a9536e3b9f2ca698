"""One idea, one word: the words chosen where the app had two, and the ones they replace.

``tests/words/test_user_texts.py`` refuses the replaced words in anything a user reads.
"""

from __future__ import annotations

READ_IN = "inlezen"
"""Taking a file into the app: "Beoordeling inlezen…", "1 bestand ingelezen"."""
GRANTED = "toegekend"
"""The quality mark given: "Keurmerk toegekend op 3 maart 2027"."""
MET = "gehaald"
"""A theme at or above its minimum, and the quality mark's requirements: "gehaald"."""
STRENGTHS = "Wat goed gaat"
"""The statements that score well, on screen and in the report."""
DUE = "Uiterlijk"
"""The date by which an action or a condition must be done."""

SYNONYMS = {
    READ_IN: ("importeren", "importeer", "geïmporteerd", "Importeren"),
    GRANTED: ("verleend",),
    MET: ("voldoet", "voldaan"),
    STRENGTHS: ("Sterke punten",),
    DUE: ("Klaar op",),
}
"""Per chosen word, the words that meant the same and are not used any more."""
