"""The ``raserror`` command: what Remote Access error codes mean, and where logs show them.

``raserror CODE...`` takes the fast path (no argparse) because a person types
it and waits; the subcommands import what they need when they run.
"""

from __future__ import annotations

import os
import sys

from raserror import __version__
from raserror._codes import Category, ErrorCode
from raserror._input import open_text
from raserror._lookup import _not_a_code, _resolve, line_for, number_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterable, Sequence
    from typing import IO

    from _typeshed import SupportsWrite

    from raserror._scan import Finding

    # code -> (count, file of the first finding, the first finding)
    _Seen = dict[ErrorCode, tuple[int, str, Finding]]

PROG = "raserror"
SUBCOMMANDS = ("lookup", "search", "list", "scan", "events")
EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2
# 128 + SIGINT, as shells report an interrupted command.
EXIT_INTERRUPTED = 130
# The worst status reported so far in this run: a closed output must not hide it.
_failed = EXIT_OK

LOOKUP_EXAMPLES = """examples:
  raserror 691
  raserror 691 809 868
  raserror ERROR_VPN_TIMEOUT
  raserror vpn_timeout
  raserror 0x800702B3
  raserror -- -2147024205
  raserror --json 691
  raserror "Error 809: The network connection between your computer and the VPN server..."
  raserror --assume-ras 'setup failed with error 740'"""
SEARCH_EXAMPLES = """examples:
  raserror search certificate expired
  raserror search --json vpn timeout"""
LIST_EXAMPLES = """examples:
  raserror list
  raserror list --category vpn
  raserror list --transient --json"""
SCAN_EXAMPLES = """examples:
  raserror scan vpn.log
  rasdial "Office VPN" | raserror scan
  raserror scan --assume-ras --json app.log -"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status (0 found, 1 not found, 2 usage)."""
    global _failed  # noqa: PLW0603 - one run's worst status, read when the output breaks
    _failed = EXIT_OK
    args = list(sys.argv[1:] if argv is None else argv)
    _tolerate_unencodable_output()
    try:
        try:
            quick = _quick_lookup(args)
            return quick if quick is not None else _run(args)
        finally:  # here, also after argparse's exit, not at interpreter exit
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (raserror list | head -1): stop quietly.
        _silence(sys.stdout)
        return _failed
    except OSError as error:  # reading errors are handled where files are read
        _silence(sys.stdout)
        _error(f"cannot write the output: {error.strerror or error}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _quick_lookup(args: list[str]) -> int | None:
    """``raserror CODE...`` without options: answer without building a parser."""
    if not args or args[0] in SUBCOMMANDS:
        return None
    if any(map(_is_option, args)):
        return None
    return _lookup(args, as_json=False)


def _is_option(arg: str) -> bool:
    """``--json``, ``--``; not ``-`` or a negative number (``-2147024205``, ``-0x2B3``)."""
    return arg.startswith("-") and arg != "-" and not arg[1:2].isdigit()


def _run(args: list[str]) -> int:
    parser = _parser()
    if not args:  # someone finding out what the command does
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    # The lookup subcommand is implied: `raserror 691` is `raserror lookup 691`.
    first = next((arg for arg in args if not _is_option(arg)), None)
    implied = first not in SUBCOMMANDS and not {"-h", "--help", "--version"} & set(args[:1])
    if implied:
        args = ["lookup", *args]
    elif first in SUBCOMMANDS and args[0] != first:
        args.remove(first)  # `raserror --json search x` means `raserror search --json x`
        args.insert(0, first)
    # `raserror events` lives in its own module (raserror._events_cli), with its own parser.
    if args[:1] == ["events"]:
        from raserror._events_cli import main as events_main

        return events_main(args[1:])
    if args[0] == "lookup":
        args = ["lookup", *_codes_last(args[1:])]
    options, unknown = parser.parse_known_args(args)
    command: str = options.command
    # Errors of an implied lookup speak of `raserror`, which is what the person typed.
    _check_usage(parser if implied else options.command_parser, options, unknown)
    if command == "lookup":
        return _lookup(options.codes, as_json=options.json, assume_ras=options.assume_ras)
    if command == "search":
        return _search(" ".join(options.words), as_json=options.json)
    if command == "list":
        return _list(options.category, transient_only=options.transient, as_json=options.json)
    return _scan(options.files or ["-"], assume_ras=options.assume_ras, as_json=options.json)


def _check_usage(
    parser: argparse.ArgumentParser, options: argparse.Namespace, unknown: list[str]
) -> None:
    """Exit with a usage error that says what is wrong, if anything is."""
    if unknown:
        word = unknown[0]
        parser.error(
            f"unknown option {word}" if _is_option(word) else f"unexpected argument {word!r}"
        )
    if options.command == "lookup" and not options.codes:
        parser.error("give at least one code, such as 691 or ERROR_VPN_TIMEOUT")
    if options.command == "search" and not options.words:
        parser.error("give at least one word to search for, such as: vpn timeout")


def _codes_last(args: list[str]) -> list[str]:
    """The options of lookup, then ``--`` and its codes: no code can read as an option."""
    options: list[str] = []
    codes: list[str] = []
    for index, arg in enumerate(args):
        if arg == "--":
            codes += args[index + 1 :]
            break
        (options if _is_option(arg) else codes).append(arg)
    return [*options, "--", *codes]


def _parser() -> argparse.ArgumentParser:
    import argparse

    class Parser(argparse.ArgumentParser):
        def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
            # argparse drops write errors (help to a full disk): main() reports them.
            if message and file is not None:
                file.write(message)

    parser = Parser(
        prog=PROG,
        description="Tell what a Windows Remote Access (dial-up or VPN) error code means.",
        epilog=f"{LOOKUP_EXAMPLES}\n  raserror search certificate expired\n  raserror list "
        "--category vpn\n  raserror scan vpn.log\n\nrun `raserror COMMAND --help` for more.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, summary: str, examples: str, usage: str | None = None
    ) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=examples,
            usage=usage,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("--json", action="store_true", help="print JSON (see the README)")
        sub.set_defaults(command_parser=sub)  # for errors in its name
        return sub

    lookup = command(
        "lookup",
        "explain codes (the default: `raserror 691` is `raserror lookup 691`)",
        LOOKUP_EXAMPLES,
        "%(prog)s [-h] [--json] [--assume-ras] CODE...",
    )
    # Not nargs="+": main() says what is missing better than argparse can.
    lookup.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help="a number (691), a symbol (ERROR_VPN_TIMEOUT) or name (vpn_timeout), "
        "an HRESULT (0x800702B3, -2147024205), or text pasted from a dialog or a log",
    )
    lookup.add_argument(
        "--assume-ras",
        action="store_true",
        help="in pasted text, count numbers in error shapes even without evidence",
    )
    search = command(
        "search",
        "list the codes whose text has all these words",
        SEARCH_EXAMPLES,
        "%(prog)s [-h] [--json] WORD...",
    )
    search.add_argument("words", nargs="*", metavar="WORD")
    listing = command("list", "list every code, or those of one category", LIST_EXAMPLES)
    listing.add_argument(
        "--category",
        type=str.lower,
        choices=[category.value for category in Category],
        metavar="NAME",
        help="only this category: %(choices)s",
    )
    listing.add_argument(
        "--transient", action="store_true", help="only codes where retrying may help"
    )
    # Listed here for the help; `raserror events` is run by raserror._events_cli.
    commands.add_parser(
        "events", help="list dial attempts in exported RasClient and RemoteAccess events"
    )
    scan = command(
        "scan",
        "find the codes in logs or rasdial output; count them per code",
        SCAN_EXAMPLES,
    )
    scan.add_argument(
        "files", nargs="*", metavar="FILE", help="files to read; - or none: standard input"
    )
    scan.add_argument(
        "--assume-ras",
        action="store_true",
        help="count numbers in error shapes even without Remote Access context",
    )
    return parser


# Output -------------------------------------------------------------------------------


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


def _print_json(document: object) -> None:
    import json

    # ASCII escapes: valid JSON whatever the output encoding.
    json.dump(document, sys.stdout, indent=2)
    sys.stdout.write("\n")


def _width() -> int | None:
    """The terminal's width when standard output is one; None when piped."""
    try:
        if not sys.stdout.isatty():
            return None
        return max(40, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (AttributeError, OSError, ValueError):
        return None


def _emit(first: str, rest: str = "", *, indent: int = 0, width: int | None = None) -> None:
    """Print ``first`` + ``rest``; on a terminal, wrap ``rest`` under an indent."""
    line = first + rest
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


def _summary(code: ErrorCode) -> str:
    flags = (", transient" if code.transient else "") + (", obsolete" if code.obsolete else "")
    return line_for(code, flags)


def _block(code: ErrorCode, width: int | None) -> None:
    """Everything about one code: at the terminal's width, or 80 columns when piped."""
    from raserror._block import block_lines

    print("\n".join(block_lines(code, 80 if width is None else width)))


# Subcommands ----------------------------------------------------------------------------


def _lookup(queries: Sequence[str], *, as_json: bool, assume_ras: bool = False) -> int:
    status = EXIT_OK
    results: list[dict[str, object]] = []
    width = None if as_json else _width()
    printed = False
    resolved = [_resolve(query.strip().rstrip(":;,.")) for query in queries]
    if len(queries) >= 4 and sum(code is not None for code in resolved) * 2 < len(queries):
        # Words of a dialog pasted without quotes: read them as the one text they were.
        queries, resolved = [" ".join(queries)], [None]
    for query, code in zip(queries, resolved):
        if code is None and _is_pasted_text(query):
            result, shown = _explain_text(
                query, assume_ras=assume_ras, as_json=as_json, width=width, after=printed
            )
            printed = printed or shown
            if result["error"] is not None:
                status = _fail(_NOTHING_IN_TEXT, EXIT_NOT_FOUND)
            results.append(result)
            continue
        if code is None:
            problem = _not_a_code(query)
            status = _fail(problem, EXIT_NOT_FOUND)
            results.append({"input": query, "code": None, "error": problem})
            continue
        results.append({"input": query, "code": code_json(code), "error": None})
        if not as_json:
            if printed:
                print()  # a blank line between blocks
            _block(code, width)
            printed = True
    if as_json:
        _print_json({"results": results})
    return status


def _explain_text(
    query: str, *, assume_ras: bool, as_json: bool, width: int | None, after: bool
) -> tuple[dict[str, object], bool]:
    """The JSON result for pasted text, and unless ``as_json`` the blocks of its codes.

    Returns whether anything was printed; ``after`` says whether blocks were before.
    """
    from raserror._evidence import EXPLANATIONS
    from raserror._scan import find_codes

    found = find_codes(query, assume_ras=assume_ras, pasted=True)
    result: dict[str, object] = {
        "input": query,
        "code": None,
        "error": None if found else _NOTHING_IN_TEXT,
        "found": [
            {
                "code": code_json(finding.code),
                "evidence": finding.evidence,
                "text": query[finding.start : finding.end],
            }
            for finding in found
        ],
    }
    printed = False
    for finding in [] if as_json else found:
        if after or printed:
            print()
        print(f"found {query[finding.start : finding.end]!r}: {EXPLANATIONS[finding.evidence]}")
        _block(finding.code, width)
        printed = True
    return result, printed


_NOTHING_IN_TEXT = (
    "no Remote Access error code found in the text: a number counts only in an error "
    "shape (Error 809, (Error 800), error code: 691) with evidence that it is a RAS code "
    "(Remote Access context, its own message beside it, or a number no other Windows "
    "error has); add --assume-ras if you know the number came from Remote Access, or "
    "find a code by its words with `raserror search WORDS`"
)


def _is_pasted_text(query: str) -> bool:
    """Words with spaces, or a long line: not a code someone typed."""
    text = query.strip()
    return " " in text or "\n" in text or "\t" in text or len(text) > 40


def _search(query: str, *, as_json: bool) -> int:
    from raserror._lookup import search

    try:
        codes = search(query)
    except ValueError as error:
        return _fail(f"search: {error}", EXIT_USAGE)
    status = EXIT_OK
    if not codes:  # reported before the output, which may fail
        status = _fail(f"search: no code has all of these words: {query}", EXIT_NOT_FOUND)
    if as_json:
        _print_json({"query": query, "codes": [code_json(code) for code in codes]})
    else:
        _print_lines(codes)
    return status


def _list(category: str | None, *, transient_only: bool, as_json: bool) -> int:
    codes = [
        code
        for code in ErrorCode
        if (category is None or code.category.value == category)
        and (code.transient or not transient_only)
    ]
    status = EXIT_OK
    if not codes:  # only a category and --transient together can leave nothing
        status = _fail(f"list: no code in category {category} is transient", EXIT_NOT_FOUND)
    if as_json:
        _print_json({"codes": [code_json(code) for code in codes]})
    else:
        _print_lines(codes)
    return status


def _print_lines(codes: Iterable[ErrorCode]) -> None:
    width = _width()
    for code in codes:
        _emit(_summary(code), indent=4, width=width)


def _scan(files: Sequence[str], *, assume_ras: bool, as_json: bool) -> int:
    seen: _Seen = {}
    errors = []  # (file, why it could not be read)
    for name in files:
        problem = _scan_file(name, seen, assume_ras=assume_ras)
        if problem is not None:
            errors.append((_shown(name), problem))
    if not seen and not errors:  # reported before the output, which may fail
        _fail("scan: no Remote Access error code found", EXIT_NOT_FOUND)
    if as_json:
        _print_json(
            {
                "files": [_shown(name) for name in files],
                "errors": [{"file": name, "error": problem} for name, problem in errors],
                "codes": [
                    {
                        "code": code_json(code),
                        "count": count,
                        "first_file": first_file,
                        "first_line": first.line,
                        "evidence": first.evidence,
                    }
                    for code, (count, first_file, first) in seen.items()
                ],
            }
        )
    else:
        _print_scan(seen)
    return EXIT_USAGE if errors else EXIT_OK if seen else EXIT_NOT_FOUND


def _scan_file(name: str, seen: _Seen, *, assume_ras: bool) -> str | None:
    """Count the codes in one file into ``seen``; say why if it could not be read."""
    from functools import partial

    from raserror._scan import PIECE, scan_lines

    try:
        with open_text(name, "scan", hint=_error) as text:
            # Bounded reads: a file with no line break streams through in pieces.
            pieces = iter(partial(text.readline, PIECE), "")
            for finding in scan_lines(pieces, assume_ras=assume_ras):
                count, first_file, first = seen.get(finding.code, (0, _shown(name), finding))
                seen[finding.code] = (count + 1, first_file, first)
    except OSError as error:
        problem = error.strerror or str(error)
        _fail(f"scan: cannot read {_shown(name)}: {problem}", EXIT_USAGE)
        return problem
    return None


def _print_scan(seen: _Seen) -> None:
    if not seen:
        return
    places = {code: f"{file}:{first.line}" for code, (_, file, first) in seen.items()}
    count_width = max(5, *(len(str(count)) for count, *_ in seen.values()))
    code_width = max(4, *(len(number_text(code)) for code in seen))
    place_width = max(8, *(len(place) for place in places.values()))
    column = count_width + code_width + 4  # where "first at" starts
    indent = column + place_width + 2
    width = _width()
    if width is not None and width - indent < width // 2:
        # Too narrow for a message column: each message goes under its place.
        _print_scan_stacked(seen, places, (count_width, code_width), width)
        return
    print(
        f"{'count':>{count_width}}  {'code':>{code_width}}  {'first at':<{place_width}}  "
        "symbol: message"
    )
    for code, (count, *_) in seen.items():
        first = (
            f"{count:>{count_width}}  {number_text(code):>{code_width}}  "
            f"{places[code]:<{place_width}}  "
        )
        message = f"{code.symbol}: {code.message}"
        lines = [message] if width is None else _wrap_message(code, width - indent)
        print(first + lines[0])
        for line in lines[1:]:
            print(" " * indent + line)


def _print_scan_stacked(
    seen: _Seen, places: dict[ErrorCode, str], widths: tuple[int, int], width: int
) -> None:
    count_width, code_width = widths
    column = count_width + code_width + 4
    # Messages start left of the place, for room, and right of the counts, to stand apart.
    margin = count_width + 1
    print(f"{'count':>{count_width}}  {'code':>{code_width}}  first at; symbol: message")
    for code, (count, *_) in seen.items():
        place, *more = _wrap_at(places[code], width - column, "/\\")
        print(f"{count:>{count_width}}  {number_text(code):>{code_width}}  {place}")
        for line in more:
            print(" " * column + line)
        for line in _wrap_message(code, width - margin):
            print(" " * margin + line)


def _wrap_message(code: ErrorCode, width: int) -> list[str]:
    """``SYMBOL: message`` in lines of at most ``width``; a long symbol breaks after a ``_``."""
    import textwrap

    label = f"{code.symbol}:"
    if len(label) < width:
        return textwrap.wrap(f"{label} {code.message}", width, break_on_hyphens=False)
    return [*_wrap_at(label, width, "_"), *textwrap.wrap(code.message, width)]


def _wrap_at(text: str, width: int, separators: str) -> list[str]:
    """``text`` in lines of at most ``width``, broken after ``separators`` where it can be."""
    parts, start = [], 0
    for index, char in enumerate(text):
        if char in separators:
            parts.append(text[start : index + 1])
            start = index + 1
    parts.append(text[start:])
    lines = [""]
    for part in parts:
        if lines[-1] and len(lines[-1]) + len(part) > width:
            lines.append("")
        lines[-1] += part
        while len(lines[-1]) > width:  # a part longer than a line is cut
            lines[-1:] = [lines[-1][:width], lines[-1][width:]]
    return lines


def _shown(name: str) -> str:
    return "<stdin>" if name == "-" else name


# Enough of a file's start to tell its encoding: what one read gives anyway.
def _error(message: str) -> None:
    # Best effort: a failure is also in the exit status, and standard error may be gone.
    if sys.stderr is None:
        return
    try:
        print(f"{PROG}: {message}", file=sys.stderr)
    except OSError:
        _silence(sys.stderr)


def _fail(message: str, status: int) -> int:
    """Report a failure; remember its status in case the output breaks later."""
    global _failed  # noqa: PLW0603 - one run's worst status, reset by main()
    _failed = max(_failed, status)
    _error(message)
    return status


def _tolerate_unencodable_output() -> None:
    # A file name or text the console's encoding cannot show is escaped, not fatal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:  # noqa: SIM105 - contextlib.suppress would cost every command an import
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or odd stream: leave it be
                pass


def _silence(stream: IO[str] | None) -> None:
    # Point the stream at devnull so that the interpreter's final flush cannot fail again.
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
