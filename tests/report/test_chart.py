from reportlab.graphics.shapes import Drawing, String

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.report.chart import theme_chart, theme_chart_svg
from goedgeregeld.scoring import AnswerValue, Variant, score_evaluation


def _strings(drawing: Drawing) -> list[String]:
    found = []
    stack = list(drawing.contents)
    while stack:
        shape = stack.pop()
        if isinstance(shape, String):
            found.append(shape)
        stack.extend(getattr(shape, "contents", []))
    return found


def _result(edition: Edition):
    answers: dict[str, AnswerValue] = {s: i % 4 for i, s in enumerate(edition.statements_by_id)}
    for statement in edition.themes[0].statements:
        answers[statement.id] = "na"
    return score_evaluation(edition, answers, Variant.FULL)


def test_chart_labels_every_theme_in_the_bundled_font(edition: Edition) -> None:
    drawing = theme_chart(_result(edition), 480, 300)
    strings = _strings(drawing)
    texts = {s.text for s in strings}
    for theme in edition.themes:
        assert theme.title in texts
    assert "alle stellingen n.v.t." in texts
    assert {s.fontName for s in strings} <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    assert drawing.initialFontName == "DejaVuSans"


def test_chart_svg_names_the_dejavu_family_and_no_helvetica(edition: Edition) -> None:
    svg = theme_chart_svg(_result(edition), 600, 320)
    assert svg.startswith(b"<?xml")
    assert b"DejaVu Sans" in svg
    assert b"Helvetica" not in svg
    assert "Organisatie en coördinatie".encode() in svg
