from pathlib import Path

import pytest
from report_helpers import HOSTILE_NAME, pdf_text

from goedgeregeld.cli import main


def test_report_command_writes_the_pdf(
    data_dir: Path, make_evaluation, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluation_id = make_evaluation()
    target = tmp_path / "rapport.pdf"
    assert main(["--data-dir", str(data_dir), "report", evaluation_id, "-o", str(target)]) == 0
    assert HOSTILE_NAME in " ".join(pdf_text(target).split())
    assert "Rapport opgeslagen" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("evaluation_id", "output", "message"),
    [
        ("bestaat-niet", "r.pdf", "zelfevaluatie"),
        (None, "geen-map/r.pdf", "bestaat niet"),
        (None, ".", "is een map"),
    ],
)
def test_report_command_refuses_with_one_dutch_line(
    data_dir: Path,
    make_evaluation,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    evaluation_id: str | None,
    output: str,
    message: str,
) -> None:
    evaluation_id = evaluation_id or make_evaluation()
    code = main(
        ["--data-dir", str(data_dir), "report", evaluation_id, "-o", str(tmp_path / output)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert message in err and "Traceback" not in err and err.count("\n") == 1
