"""The organisation's start loads only what its home screen shows (in a fresh process)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.organisations import create_organisation

# Started as goedgeregeld starts (launch.prepare_window, run_window); at home-ready it prints
# the home screen's title and every module loaded by then, and quits.
_CHILD = """
import sys
from pathlib import Path
from goedgeregeld.ui.shell.launch import prepare_window, run_window

folder = Path(sys.argv[1])
app, window, settings = prepare_window(folder)

def watch(flow):
    def ready():
        print("title", flow.page.title.text())
        print("\\n".join(sorted(sys.modules)))
        app.quit()
    flow.home_ready.connect(ready)

raise SystemExit(run_window(app, window, folder, settings, when_filled=watch))
"""

NOT_FOR_HOME = (
    # The adviser's pages: an organisation's start never shows them.
    "goedgeregeld.ui.adviser.client_list",
    "goedgeregeld.ui.adviser.client_models",
    # The mapped models: the home overview reads its tables by name (store.overview).
    "goedgeregeld.store.models.core",
    "goedgeregeld.store.models.respondents",
    # The questionnaire loads once the home screen shows its data, not before.
    "goedgeregeld.questionnaire.model",
)


def test_the_home_screen_shows_its_data_without_the_pages_and_models_it_does_not_use(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    db = open_database(database_path(data))
    create_organisation(db, "Vereniging Zonnebloem", "Utrecht", "Utrecht", 20, 0)
    create_organisation(db, "Buurthuis", "Zwolle", "Overijssel", 5, None)
    db.close()
    (data / "instellingen.ini").write_text(
        "[app]\nwelcome_done=true\nrole=organisation\n", encoding="utf-8"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert "title Buurthuis" in lines  # the data is on screen: the first by name
    loaded = set(lines)
    assert "goedgeregeld.store.overview" in loaded
    assert [name for name in NOT_FOR_HOME if name in loaded] == []
