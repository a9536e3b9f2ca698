"""Child process for the crash tests: saves answers and acknowledges each after its commit.

Usage: python answer_writer.py DB_PATH EVALUATION_ID FIRST_COUNTER [--ack-early]
With --ack-early it acknowledges BEFORE saving (a negative control the test must catch).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.evaluations import load_state, save_answer


def main() -> None:
    """Answer statements round-robin with rising values until killed."""
    path, evaluation_id = Path(sys.argv[1]), sys.argv[2]
    early = "--ack-early" in sys.argv
    db = open_database(path)
    statements = list(load_state(db, evaluation_id).edition.statements_by_id)
    counter = int(sys.argv[3]) - 1
    while True:
        for statement_id in statements:
            counter += 1
            value = counter % 4
            if early:
                print(f"{statement_id} {value} {counter}", flush=True)
                # The broken writer's gap between "saved" on screen and the real commit.
                time.sleep(0.005)
            save_answer(db, evaluation_id, statement_id, value, note=f"ack {counter}")
            if not early:
                print(f"{statement_id} {value} {counter}", flush=True)


if __name__ == "__main__":
    main()
