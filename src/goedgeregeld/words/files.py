"""Words for the files one installation sends another: what the share dialog says per kind."""

from __future__ import annotations

from dataclasses import dataclass

SIGNED_AND_LOCKED = (
    "Het bestand is ondertekend: de ontvanger ziet dat het van deze computer komt en onderweg "
    "niet is veranderd. Met een wachtwoord kan alleen wie het wachtwoord kent het bestand "
    "openen."
)
PASSWORD_APART = (
    "Het bestand is versleuteld. Geef het wachtwoord op een andere manier door, bijvoorbeeld "
    "per telefoon, niet in dezelfde e-mail."
)


@dataclass(frozen=True)
class ShareWords:
    """The title and the opening text of the dialog that asks whether to lock a file."""

    title: str
    intro: str


RESPONDENT_FILE = "respondentbestand"
ANSWER_FILE = "antwoordbestand"
INVITATION = "uitnodiging"
INVITATIONS_TITLE = "Uitnodigingen om in te vullen"
SAVE_ANSWERS = "Antwoorden opslaan als bestand…"
OPEN_INVITATION = "Uitnodiging openen…"
I_AM_DONE = "Klaar"

RESPONDENT_FILE_SHARE = ShareWords(
    "Respondentbestand maken",
    "Een respondentbestand (.ggresp) nodigt één persoon uit om de zelfevaluatie op een eigen "
    "computer in te vullen. Daarin staan:\n"
    "•  de naam van uw organisatie;\n"
    "•  de naam en de rol van deze persoon;\n"
    "•  de stellingen van de vragenlijst, zonder de antwoorden van anderen.\n"
    + SIGNED_AND_LOCKED
    + " Kies een wachtwoord, dan moet u het deze persoon apart laten weten.",
)
ANSWER_FILE_SHARE = ShareWords(
    "Antwoorden opslaan als bestand",
    "Het antwoordbestand (.ggantw) brengt uw antwoorden en toelichtingen terug naar de "
    "organisatie die u uitnodigde. Er staat geen naam in, alleen uw antwoorden bij deze "
    "uitnodiging.\n"
    + SIGNED_AND_LOCKED
    + " Op deze computer blijft alles zoals het is: u kunt later nog iets wijzigen en een "
    "nieuw bestand sturen, dat dan het oude vervangt.",
)


def answer_file_sent_text(file_name: str, organisation: str, locked: bool) -> str:
    """Where the respondent's answer file went and where to send it."""
    text = (
        f"Uw antwoorden staan in {file_name}.\n\nStuur dit bestand naar {organisation}: naar "
        "degene die u de uitnodiging stuurde, per e-mail of op een USB-stick. Die leest het in "
        "bij ‘Meerdere invullers’.\n\nWijzigt u later nog iets, sla dan opnieuw op en stuur "
        "het nieuwe bestand; dat vervangt het oude."
    )
    return text + ("\n\n" + PASSWORD_APART if locked else "")


def respondent_file_made_text(file_name: str, name: str, locked: bool) -> str:
    """What the coordinator does with a respondent file just made."""
    text = (
        f"Stuur {file_name} naar {name}. Die opent het in de eigen Goed Geregeld-app (Bestand › "
        "Inlezen… of dubbelklikken), vult in en stuurt het antwoordbestand terug."
    )
    return text + ("\n\n" + PASSWORD_APART if locked else "")
