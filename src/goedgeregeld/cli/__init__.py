"""The command line: argparse front door; each command is a thin call into the layers below.

Exit codes: 0 success, 2 usage error, 1 bad data. Errors are one Dutch line on stderr,
never a traceback (the traceback goes to the log file in the data folder).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.parser import build_parser

__all__ = ["CliContext", "CliError", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; with no command, open the app window."""
    parser = build_parser()
    args = parser.parse_args(argv)
    context = CliContext.from_args(args)
    handler = getattr(args, "handler", None)
    if handler is None:
        from goedgeregeld.ui.launch import launch_app

        return launch_app(context.data_dir, self_test=getattr(args, "self_test", False))
    try:
        return int(handler(context, args) or 0)
    except CliError as exc:
        print(f"goedgeregeld: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("goedgeregeld: afgebroken", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last guard: a message, never a traceback
        message = _known_error_message(exc)
        if message is None:
            context.log_exception(exc)
            message = f"onverwachte fout ({exc.__class__.__name__}); details in {context.log_path}"
        print(f"goedgeregeld: {message}", file=sys.stderr)
        return 1
    finally:
        context.close()


def _known_error_message(exc: Exception) -> str | None:
    """The Dutch one-liner for an error the layers below raise on bad data."""
    from goedgeregeld.questionnaire.problems import QuestionnaireError
    from goedgeregeld.store.errors import StoreError, describe_database_error

    if isinstance(exc, StoreError):
        return str(exc)
    database_problem = describe_database_error(exc)
    if database_problem is not None:
        return database_problem
    if isinstance(exc, QuestionnaireError):
        first = exc.problems[0] if exc.problems else "onbekende fout"
        return f"de vragenlijst is niet in orde: {first}"
    if isinstance(exc, OSError):
        return f"bestand of map niet te gebruiken: {exc.strerror or exc} ({exc.filename or ''})"
    return None
