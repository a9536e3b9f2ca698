from pathlib import Path

import pytest

from goedgeregeld.report.styles import STYLES_FILE, load_style_sheet, paragraph_styles


def test_shipped_style_sheet_loads_and_every_style_uses_the_bundled_font() -> None:
    sheet = load_style_sheet(STYLES_FILE)
    assert sheet.colour_hex("primary").startswith("#")
    styles = paragraph_styles()
    assert {s.fontName for s in styles.values()} <= {
        "DejaVuSans",
        "DejaVuSans-Bold",
        "DejaVuSans-Oblique",
    }


def test_a_bad_colour_is_reported_with_the_file_name(tmp_path: Path) -> None:
    broken = tmp_path / "styles.yaml"
    broken.write_text(
        STYLES_FILE.read_text(encoding="utf-8").replace('primary: "#1f4e79"', 'primary: "blauw"'),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"styles\.yaml.*blauw"):
        load_style_sheet(broken)


def test_a_paragraph_naming_an_unknown_colour_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "styles.yaml"
    broken.write_text(
        STYLES_FILE.read_text(encoding="utf-8").replace("colour: muted}", "colour: paars}", 1),
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="paars"):
        load_style_sheet(broken)
