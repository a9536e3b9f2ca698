from hypothesis import given
from hypothesis import strategies as st

from goedgeregeld.report.text import chunks, markup, plain_line
from goedgeregeld.words import dutch_date


def test_markup_escapes_tags_and_ampersands() -> None:
    assert markup('<b>vet & "’t"') == '&lt;b&gt;vet &amp; "’t"'


def test_markup_keeps_line_breaks_and_drops_control_characters() -> None:
    assert markup("een\r\ntwee\x00\x1b drie") == "een<br/>twee drie"


def test_plain_line_folds_whitespace() -> None:
    assert plain_line("  Stichting\n\t De  Hûs ") == "Stichting De Hûs"


def test_dutch_date_without_locale() -> None:
    from datetime import date

    assert dutch_date(date(2026, 11, 27)) == "27 november 2026"
    assert dutch_date(date(2027, 3, 1)) == "1 maart 2027"


def test_chunks_cut_a_long_note_into_bounded_pieces() -> None:
    note = "Lange toelichting. " * 160
    pieces = chunks(note, 40, 10)
    assert len(pieces) > 1
    assert all(len(p) <= 400 for p in pieces)
    assert " ".join(pieces).split() == note.split()


@given(st.text(alphabet=st.sampled_from("ab \n."), max_size=600), st.integers(8, 60))
def test_chunks_never_lose_a_word(text: str, line_chars: int) -> None:
    pieces = chunks(text, line_chars, 5)
    assert "".join(" ".join(pieces).split()) == "".join(text.split())
