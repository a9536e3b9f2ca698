"""The help texts: one short Dutch page per screen (F1), the three roles, the adviser's file."""

from __future__ import annotations

from dataclasses import dataclass

from goedgeregeld.ui.core.help_texts import evaluation_file_text
from goedgeregeld.ui.core.i18n import tr


@dataclass(frozen=True)
class HelpPage:
    """A title and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


_SAVED = (
    "Alles wat u invult, wordt meteen bewaard op deze computer. U kunt altijd stoppen en "
    "later verder gaan; er is geen internet nodig."
)

SCREENS: dict[str, tuple[str, tuple[str, ...]]] = {
    "welcome": (
        "Welkom",
        (
            "Met Goed Geregeld kijkt uw organisatie hoe het vrijwilligerswerk geregeld is. "
            "‘Beginnen’ vraagt eerst wie u bent: organisatie, adviseur of NOV.",
            "‘Eerst rondkijken in een voorbeeld’ opent een verzonnen organisatie om rond te kijken; uw eigen "
            "gegevens blijven apart.",
        ),
    ),
    "role": (
        "Rol kiezen",
        (
            "Kies wie deze computer gebruikt. Een vereniging of stichting kiest ‘Organisatie’. "
            "U kunt de rol later wijzigen via Instellingen › Rol wijzigen…",
            "Meer over de rollen: Help › Wat doet elke rol?",
        ),
    ),
    "profile": (
        "Profiel van de organisatie",
        (
            "Vul de naam van uw organisatie in; plaats en provincie mogen leeg blijven.",
            "Het aantal vrijwilligers en de betaalde krachten (in fte, bijvoorbeeld 1,5) "
            "bepalen welke versie u invult. Kleine organisaties beantwoorden alleen de "
            "kernstellingen (met een ster). Onder de velden staat welke versie het wordt.",
            "‘Opslaan en verder’ of Enter bewaart het profiel.",
        ),
    ),
    "home": (
        "Startscherm",
        (
            "Hier staan de zelfevaluaties van uw organisatie, de nieuwste bovenaan. Kies er "
            "een en klik op ‘Verder invullen’ of ‘Uitkomst bekijken’, of druk Enter.",
            "‘Nieuwe zelfevaluatie starten’ begint een lege. ‘Nieuwe ronde op basis van "
            "vorige’ neemt de antwoorden, het bewijs en de open actiepunten van de gekozen "
            "zelfevaluatie over; u bevestigt of wijzigt elk antwoord.",
            "Heeft uw adviseur een beoordeling gestuurd, dan ziet u het besluit hier en in de "
            "kolom ‘Adviseur’. U leest een beoordeling in via Bestand › Beoordeling inlezen…",
            _SAVED,
        ),
    ),
    "fill_in": (
        "Zelfevaluatie invullen",
        (
            "Links staan de thema's en hoeveel stellingen u per thema heeft beantwoord. Geef "
            "bij elke stelling een score van 0 (niet geregeld) tot 3, of ‘niet van "
            "toepassing’ (N) met een reden in de toelichting. N.v.t. telt niet mee in de score.",
            "Met het toetsenbord: 0, 1, 2, 3 of N beantwoordt de stelling en gaat door naar de "
            "volgende. F3: de volgende open stelling. Ctrl+PgDn en Ctrl+PgUp: volgend en "
            "vorig thema. Tab gaat naar uitleg en toelichting, Esc terug naar de stelling.",
            "‘Tussenstand’ toont de uitkomst tot nu toe. ‘Afronden’ kan zodra alles is "
            "beantwoord; daarna liggen de antwoorden vast.",
            _SAVED,
        ),
    ),
    "results": (
        "Uitkomst",
        (
            "Bovenaan staan uw totaalscore en of u alle eisen haalt om het keurmerk aan te "
            "vragen, met wat eerst beter moet. Stellingen met n.v.t. tellen niet mee.",
            "Heeft uw adviseur een beoordeling gestuurd, dan staat het besluit van de adviseur "
            "bovenaan, met daaronder de scores die de adviseur anders ziet, op volgorde van de "
            "stellingen.",
            "De grafiek en de tabel tonen per thema uw score tegen het minimum. ‘Plan van "
            "aanpak’ maakt actiepunten, ‘Rapport maken’ een PDF om te bewaren of te printen, "
            "‘Delen met adviseur…’ een bestand voor uw adviseur.",
        ),
    ),
    "action_plan": (
        "Plan van aanpak",
        (
            "Vink bij stap 1 de stellingen aan waar u mee aan de slag wilt en klik op "
            "‘Actiepunten maken van de aangevinkte stellingen’.",
            "Bij stap 2 vult u per actiepunt in wie het doet, wanneer het klaar moet zijn en "
            "hoe ver het is. Wijzigen: dubbelklik of F2. Het plan komt in het rapport en gaat "
            "mee in het bestand voor uw adviseur.",
        ),
    ),
    "voices": (
        "Meerdere invullers",
        (
            "Iedereen vult apart in: hier om de beurt (Wie vult nu in?) of op een eigen computer "
            "met een respondentbestand. De lijst zet de stellingen waarover men het oneens is "
            "bovenaan.",
            "In de overlegmodus legt u samen per stelling het afgesproken antwoord vast. Alleen "
            "afgesproken antwoorden tellen mee; namen en losse antwoorden gaan niet mee naar de "
            "adviseur.",
        ),
    ),
    "invitation": (
        "Uitnodiging invullen",
        (
            "Een andere organisatie vraagt u de zelfevaluatie mee in te vullen. Kies per stelling "
            "hoe het volgens u geregeld is; een toelichting mag. Elk antwoord wordt meteen "
            "bewaard op deze computer. Via het startscherm gaat u later verder.",
            "Kies ‘Klaar’ als u alles heeft ingevuld, of ‘Antwoorden opslaan als bestand…’. "
            "Stuur dat antwoordbestand (.ggantw) terug naar wie u uitnodigde, per e-mail of op "
            "een USB-stick. Wijzigt u later nog iets, stuur dan een nieuw bestand: dat vervangt "
            "het oude.",
        ),
    ),
    "compare": (
        "Vergelijken met vorige",
        (
            "Hier ziet u uw totaalscore, het oordeel over het keurmerk en de score per thema "
            "van de vorige zelfevaluatie naast die van nu, en per stelling wat er veranderde.",
            "Het verschil staat in procentpunten. Stellingen met n.v.t. tellen niet mee: een "
            "thema vergelijkt alleen stellingen die beide keren een score hebben.",
        ),
    ),
    "clients": (
        "Klanten",
        (
            "Hier staan de organisaties die u een evaluatiebestand stuurden. Lees een bestand "
            "in met ‘Inlezen…’ of sleep het op het venster. Kies een klant om te beoordelen.",
        ),
    ),
    "registration": (
        "Adviseur registreren",
        ("Vul uw naam en regio in. Die komen in elke beoordeling die u terugstuurt.",),
    ),
    "review": (
        "Beoordelen",
        (
            "Geef per stelling aan of u het eens bent met de score van de organisatie, of dat "
            "die lager of hoger moet, met een korte toelichting. Daarna kiest u het besluit en "
            "stuurt u de beoordeling terug met ‘Beoordeling exporteren…’.",
        ),
    ),
    "decision": (
        "Besluit",
        (
            "Kies of de organisatie klaar is voor de keurmerktoetsing, klaar met voorwaarden "
            "(met een uiterste datum per voorwaarde) of nog niet.",
        ),
    ),
    "assess": (
        "Eindbeoordeling",
        (
            "Hier beoordeelt de eindbeoordelaar van NOV een zelfevaluatie met het besluit van "
            "een erkend adviseur. Kent NOV het keurmerk toe, dan krijgt de organisatie een "
            "certificaat dat vier jaar geldig is.",
        ),
    ),
    "nov": (
        "NOV",
        (
            "NOV leest de statistiekbestanden van de installaties in en ziet de landelijke "
            "cijfers per jaar en provincie. Er staan geen namen in.",
        ),
    ),
}

ROLES = (
    "De drie rollen",
    (
        "Organisatie: een vereniging, stichting of instelling die met vrijwilligers werkt. U "
        "vult de zelfevaluatie in, ziet per thema waar u staat, maakt een plan van aanpak en "
        "een rapport. Wilt u het keurmerk, dan deelt u uw zelfevaluatie met een adviseur.",
        "Adviseur: een Goed Geregeld-adviseur met meerdere klanten. De adviseur leest het "
        "bestand van een organisatie in, bekijkt elke score en het bewijs, geeft een besluit "
        "en stuurt een beoordeling terug. De organisatie leest die in via Bestand › "
        "Beoordeling inlezen…",
        "NOV: het landelijk bureau. NOV ziet geen gegevens van organisaties, alleen "
        "aantallen uit statistiekbestanden zonder namen, voor het jaaroverzicht.",
        "Wie deze computer gebruikt, kiest dat via Instellingen › Rol wijzigen…",
    ),
)


def screen_help(name: str | None) -> HelpPage:
    """The help of the screen called ``name`` in the flow, or the roles when there is none."""
    title, paragraphs = SCREENS.get(name or "", ROLES)
    return HelpPage(tr(title), tuple(tr(p) for p in paragraphs))


def roles_help() -> HelpPage:
    """What each role does."""
    return HelpPage(tr(ROLES[0]), tuple(tr(p) for p in ROLES[1]))


def evaluation_file_help() -> HelpPage:
    """What a file sent to the adviser contains."""
    return HelpPage(tr("Wat staat er in het bestand voor uw adviseur?"), (evaluation_file_text(),))
