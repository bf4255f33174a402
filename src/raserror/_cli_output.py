"""What every ``raserror`` subcommand shares: exit statuses, errors, JSON, the width.

Writing is best effort on standard error (it may be closed) and checked on
standard output: ``raserror._cli.main`` turns a failed write into status 2.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable
    from typing import IO, Any, NoReturn

    from _typeshed import SupportsWrite

    from raserror._codes import ErrorCode
    from raserror._win32 import Win32Error

PROG = "raserror"
EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2
# 128 + SIGINT, as shells report an interrupted command.
EXIT_INTERRUPTED = 130
CANNOT_WRITE = "cannot write the output"


class _Run:
    """The worst status reported so far in this run: a closed output must not hide it."""

    failed = EXIT_OK


def start_run() -> None:
    """Forget the failures of an earlier run (the tests call ``main`` many times)."""
    _Run.failed = EXIT_OK


def worst_status() -> int:
    """The highest status any ``fail`` reported in this run."""
    return _Run.failed


def error(message: str) -> None:
    """``raserror: message`` on standard error; nothing if it is closed, never on stdout."""
    # Best effort: a failure is also in the exit status, and standard error may be gone.
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(f"{PROG}: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        silence(sys.stderr)


def fail(message: str, status: int) -> int:
    """Report a failure; remember its status in case the output breaks later."""
    _Run.failed = max(_Run.failed, status)
    error(message)
    return status


def is_option(arg: str) -> bool:
    """``--json``, ``--``; not ``-`` or a negative number (``-2147024205``, ``-0x2B3``)."""
    return arg.startswith("-") and arg != "-" and not arg[1:2].isdigit()


def check_unknown(parser: argparse.ArgumentParser, unknown: list[str]) -> None:
    """Exit with a usage error that names the first argument the parser did not take."""
    if unknown:
        word = unknown[0]
        parser.error(
            f"unknown option {word}" if is_option(word) else f"unexpected argument {word!r}"
        )


def shown(name: str) -> str:
    """A file name as messages show it: ``-`` is ``<stdin>``."""
    return "<stdin>" if name == "-" else name


# JSON -------------------------------------------------------------------------------------
# One convention: a command that answers once prints one indented document at the end;
# a command that streams (scan --each, events) prints JSON Lines, one compact object a line.


def print_json(document: object) -> None:
    """One indented JSON document, for commands that answer once."""
    import json

    # ASCII escapes: valid JSON whatever the output encoding.
    json.dump(document, sys.stdout, indent=2)
    sys.stdout.write("\n")


def print_json_line(document: object) -> None:
    """One compact JSON object on a line (JSON Lines), for commands that stream."""
    import json

    sys.stdout.write(json.dumps(document) + "\n")


def code_json(code: ErrorCode) -> dict[str, object]:
    """The documented JSON object for one code: the Python attributes, by name."""
    return {
        "code": code._value_,
        "name": code.name,
        "symbol": code.symbol,
        "category": code.category.value,
        "transient": code.transient,
        "obsolete": code.obsolete,
        "message": code.message,
        "windows_message": code.windows_message,
        "win32_symbol": code.win32_symbol,
        "header": code.header,
        "hresult": code.hresult,
        "stage": None if code.stage is None else code.stage.value,
        "stages": [stage.value for stage in code.stages],
        "hints": [{"text": hint.text, "source": hint.source} for hint in code.hints],
    }


def win32_json(windows: Win32Error) -> dict[str, object]:
    """The JSON object for a number's meaning as a Windows system error (winerror.h)."""
    return {
        "code": windows.code,
        "symbol": windows.symbol,
        "message": windows.message,
        "hresult": windows.hresult,
    }


def windows_said(windows: Win32Error) -> str:
    """How the command names a Windows system error: symbol, HRESULT form and message."""
    return f"{windows.code} is {windows.symbol} (0x{windows.hresult:08X}): {windows.message}"


# Text -------------------------------------------------------------------------------------


def terminal_width() -> int | None:
    """The terminal's width when standard output is one; None when piped."""
    try:
        if not sys.stdout.isatty():
            return None
        return max(40, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (AttributeError, OSError, ValueError):
        return None


def emit(line: str, *, indent: int = 0, width: int | None = None) -> None:
    """Print ``line``; on a terminal, wrap it under an indent, never breaking a word."""
    if width is None or len(line) <= width:
        print(line)
        return
    import textwrap

    print(
        textwrap.fill(
            line,
            width=width,
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
    )


def print_code_lines(codes: Iterable[ErrorCode]) -> None:
    """One line per code (``search``, ``list``): wrapped on a terminal, whole when piped."""
    from raserror._lookup import line_for

    width = terminal_width()
    for code in codes:
        flags = (", transient" if code.transient else "") + (", obsolete" if code.obsolete else "")
        emit(line_for(code, flags), indent=4, width=width)


def shortened(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with ``...``, on one line."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 3, 0)] + "..."


# Streams and parsers ------------------------------------------------------------------------


def tolerate_unencodable_output() -> None:
    """A file name or text the console's encoding cannot show is escaped, not fatal."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:  # noqa: SIM105 - contextlib.suppress would cost every command an import
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or odd stream: leave it be
                pass


def silence(stream: IO[str] | None) -> None:
    """Point the stream at devnull so that the interpreter's final flush cannot fail again."""
    if stream is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, stream.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def argument_parser(**options: Any) -> argparse.ArgumentParser:  # noqa: ANN401 - ArgumentParser's own
    """An ``argparse`` parser whose help and errors fail loudly and never go astray.

    argparse drops write errors (help sent to a full disk) and, with standard
    error closed, prints usage errors on standard output; this one does neither.
    """
    import argparse

    class Parser(argparse.ArgumentParser):
        def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
            # main() reports a failed write; a closed standard error stays silent.
            if message and file is not None:
                file.write(message)

        def error(self, message: str) -> NoReturn:
            if sys.stderr is not None:  # else print_usage() would fall back to stdout
                self.print_usage(sys.stderr)
            self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    return Parser(**options)
