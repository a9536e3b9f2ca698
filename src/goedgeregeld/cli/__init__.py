"""The command line: argparse front door; each command is a thin call into the layers below.

Exit codes: 0 success, 2 usage error, 1 bad data. Errors are one Dutch line on stderr,
never a traceback (the traceback goes to the log file in the data folder).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from goedgeregeld.cli.context import CliContext, CliError

__all__ = ["CliContext", "CliError", "main"]


def __getattr__(name: str) -> Any:
    # Re-exported lazily: the app path must not pay for the command machinery.
    if name in ("CliContext", "CliError"):
        from goedgeregeld.cli import context

        return getattr(context, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; with no command, open the app window."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    app_args = _app_only_arguments(arguments)
    if app_args is not None:
        # Opening the app is the common case: skip building the whole command tree.
        from goedgeregeld.base.paths import data_dir
        from goedgeregeld.ui.start import start

        if app_args.trust_root:  # the common start pays nothing for the option
            from goedgeregeld.trust.root import use_trust_root

            use_trust_root(app_args.trust_root)
        return start(data_dir(app_args.data_dir), self_test=app_args.self_test)
    _calm_streams()
    try:
        code = _run_command(arguments)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other command-line tools do.
        _silence_stdout()
        return _BROKEN_PIPE
    return code


_BROKEN_PIPE = 141  # what a shell reports for a program ended by SIGPIPE


def _calm_streams() -> None:
    """Text that cannot be encoded is shown escaped rather than ending the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point stdout at the null device, so the flush at exit does not complain again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _undecodable_argument(args: argparse.Namespace) -> str | None:
    """The first text argument that was not valid UTF-8 (Python keeps its bytes as surrogates)."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and any("\udc80" <= ch <= "\udcff" for ch in item):
                return name
    return None


def _run_command(arguments: list[str]) -> int:
    from goedgeregeld.cli.commands import build_parser
    from goedgeregeld.cli.context import CliContext, CliError

    args = build_parser().parse_args(arguments)
    bad = _undecodable_argument(args)
    if bad is not None:
        option = bad.replace("_", "-")
        print(
            f"goedgeregeld: {option}: de tekst is geen geldige UTF-8; "
            "typ hem opnieuw of controleer de tekenset van uw terminal",
            file=sys.stderr,
        )
        return 2
    from goedgeregeld.trust.root import use_trust_root

    use_trust_root(getattr(args, "trust_root", None))
    context = CliContext.from_args(args)
    handler = getattr(args, "handler", None)
    if handler is None:
        from goedgeregeld.ui.start import start

        return start(
            context.data_dir,
            self_test=getattr(args, "self_test", False),
            open_file=getattr(args, "open", None),
        )
    try:
        _check_output_first(args)
        return int(handler(context, args) or 0)
    except CliError as exc:
        print(f"goedgeregeld: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        raise  # main() ends quietly
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
        context.release()


def _check_output_first(args: argparse.Namespace) -> None:
    """Refuse a bad ``-o`` before the command reads or changes anything."""
    output = getattr(args, "output", None)
    if output is not None:
        from goedgeregeld.base.outputs import check_output

        check_output(output)


class _QuietParser(argparse.ArgumentParser):
    """A first look at the arguments that never prints: the full parser says what is wrong."""

    def error(self, message: str) -> NoReturn:
        raise SystemExit(2)


def _app_only_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The options when the command line only opens the app, else None."""
    quick = _QuietParser(add_help=False)
    quick.add_argument("--data-dir")
    quick.add_argument("--self-test", action="store_true")
    quick.add_argument("--open")
    quick.add_argument("--trust-root")
    try:
        args, rest = quick.parse_known_args(argv)
    except SystemExit:
        return None
    return None if rest else args


def _known_error_message(exc: Exception) -> str | None:
    """The Dutch one-liner for an error the layers below raise on bad data."""
    from goedgeregeld.base.errors import UserFacingError
    from goedgeregeld.questionnaire.problems import QuestionnaireError
    from goedgeregeld.store.errors import describe_database_error

    if isinstance(exc, UserFacingError):
        return str(exc)
    database_problem = describe_database_error(exc)
    if database_problem is not None:
        return database_problem
    if isinstance(exc, QuestionnaireError):
        first = exc.problems[0] if exc.problems else "onbekende fout"
        return f"de vragenlijst is niet in orde: {first}"
    if isinstance(exc, UnicodeError):
        return "tekst met ongeldige tekens (geen geldige UTF-8)"
    if isinstance(exc, OSError):
        return f"bestand of map niet te gebruiken: {exc.strerror or exc} ({exc.filename or ''})"
    return None
