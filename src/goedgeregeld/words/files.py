"""Words for the files one installation sends another: what the share dialog says per kind."""

from __future__ import annotations

from dataclasses import dataclass

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

# Short: the dialog must fit a 1366x768 screen at 150 % beside the password warning.
RESPONDENT_FILE_SHARE = ShareWords(
    "Respondentbestand maken",
    "Een respondentbestand (.ggresp) nodigt één persoon uit om op een eigen computer in te "
    "vullen. Er staan in: de naam van uw organisatie, de naam en rol van deze persoon en de "
    "stellingen; geen antwoorden van anderen. Het bestand is ondertekend: de ontvanger ziet "
    "dat het van u komt en onderweg niet is veranderd.",
)
ANSWER_FILE_SHARE = ShareWords(
    "Antwoorden opslaan als bestand",
    "Het antwoordbestand (.ggantw) brengt uw antwoorden en toelichtingen terug naar de "
    "organisatie die u uitnodigde, zonder uw naam. Het is ondertekend: zij zien dat het van u "
    "komt en onderweg niet is veranderd. Wijzigt u later nog iets, stuur dan een nieuw "
    "bestand; dat vervangt het oude.",
)


def answer_file_sent_text(path: str, organisation: str, locked: bool) -> str:
    """Where the respondent's answer file went and where to send it."""
    text = (
        f"Uw antwoorden staan in {path}.\n\nStuur dit bestand naar {organisation}: naar "
        "degene die u de uitnodiging stuurde, per e-mail of op een USB-stick. Die leest het in "
        "bij ‘Meerdere invullers’.\n\nWijzigt u later nog iets, sla dan opnieuw op en stuur "
        "het nieuwe bestand; dat vervangt het oude."
    )
    return text + ("\n\n" + PASSWORD_APART if locked else "")


def answer_file_saved_text(file_name: str, organisation: str) -> str:
    """The line on the respondent's page once the answer file is written."""
    return f"Opgeslagen als {file_name}. Stuur dit bestand naar {organisation}."


def respondent_file_made_text(file_name: str, name: str, locked: bool) -> str:
    """What the coordinator does with a respondent file just made."""
    text = (
        f"Stuur {file_name} naar {name}. Die opent het in de eigen Goed Geregeld-app (Bestand › "
        "Inlezen… of dubbelklikken), vult in en stuurt het antwoordbestand terug."
    )
    return text + ("\n\n" + PASSWORD_APART if locked else "")
