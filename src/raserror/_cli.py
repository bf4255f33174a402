"""The ``raserror`` command: what Remote Access error codes mean, and where logs show them.

``raserror CODE...`` takes the fast path (no argparse) because a person types
it and waits; the subcommands import what they need when they run.
"""

from __future__ import annotations

import os
import sys

from raserror import __version__
from raserror._codes import Category, ErrorCode
from raserror._lookup import _not_a_code, _resolve, line_for

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    import io
    from collections.abc import Iterable, Iterator, Sequence
    from typing import IO

    from raserror._scan import Finding

    # code -> (count, file of the first finding, the first finding)
    _Seen = dict[ErrorCode, tuple[int, str, Finding]]

PROG = "raserror"
SUBCOMMANDS = ("lookup", "search", "list", "scan", "events")
EXIT_OK, EXIT_NOT_FOUND, EXIT_USAGE = 0, 1, 2
# 128 + SIGINT, as shells report an interrupted command.
EXIT_INTERRUPTED = 130

LOOKUP_EXAMPLES = """examples:
  raserror 691
  raserror 691 809 868
  raserror ERROR_VPN_TIMEOUT
  raserror vpn_timeout
  raserror 0x800702B3
  raserror -- -2147024205
  raserror --json 691"""
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
    args = list(sys.argv[1:] if argv is None else argv)
    _tolerate_unencodable_output()
    try:
        quick = _quick_lookup(args)
        return quick if quick is not None else _run(args)
    except BrokenPipeError:
        # The reader went away (raserror list | head -1): stop quietly.
        _silence_stdout()
        return EXIT_OK
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
    """``--json``, ``--``; not a negative number such as an HRESULT (``-2147024205``)."""
    return arg.startswith("-") and not arg[1:].isdigit()


def _run(args: list[str]) -> int:
    parser = _parser()
    # The lookup subcommand is implied: `raserror 691` is `raserror lookup 691`.
    first = next((arg for arg in args if not _is_option(arg)), None)
    if first not in SUBCOMMANDS and not {"-h", "--help", "--version"} & set(args[:1]):
        args = ["lookup", *args]
    elif first in SUBCOMMANDS and args[0] != first:
        args.remove(first)  # `raserror --json search x` means `raserror search --json x`
        args.insert(0, first)
    # `raserror events` lives in its own module (raserror._events_cli), with its own parser.
    if args[:1] == ["events"]:
        from raserror._events_cli import main as events_main

        return events_main(args[1:])
    options = parser.parse_args(args)
    command: str = options.command
    if command == "lookup":
        return _lookup(options.codes, as_json=options.json)
    if command == "search":
        return _search(" ".join(options.words), as_json=options.json)
    if command == "list":
        return _list(options.category, transient_only=options.transient, as_json=options.json)
    return _scan(options.files or ["-"], assume_ras=options.assume_ras, as_json=options.json)


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Tell what a Windows Remote Access (dial-up or VPN) error code means.",
        epilog=f"{LOOKUP_EXAMPLES}\n  raserror search certificate expired\n  raserror list "
        "--category vpn\n  raserror scan vpn.log\n\nrun `raserror COMMAND --help` for more.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, examples: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=examples,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.add_argument("--json", action="store_true", help="print JSON (see the README)")
        return sub

    lookup = command(
        "lookup",
        "explain codes (the default: `raserror 691` is `raserror lookup 691`)",
        LOOKUP_EXAMPLES,
    )
    lookup.add_argument(
        "codes",
        nargs="+",
        metavar="CODE",
        help="a number (691), a symbol (ERROR_VPN_TIMEOUT) or name (vpn_timeout), "
        "or an HRESULT (0x800702B3, -2147024205)",
    )
    search = command("search", "list the codes whose text has all these words", SEARCH_EXAMPLES)
    search.add_argument("words", nargs="+", metavar="WORD")
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
        "hresult": code.hresult,
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
    """Everything about one code, a field a line."""
    print(f"{code._value_} {code.symbol}")
    rows = [
        ("category", f"{code.category.value}: {code.category.description}"),
        (
            "transient",
            "yes: retrying the same attempt later may succeed"
            if code.transient
            else "no: retrying will not help until something is changed",
        ),
        (
            "obsolete",
            "yes: Windows Vista and later never return it"
            if code.obsolete
            else "no: current Windows returns it",
        ),
        ("message", code.message),
    ]
    if code.windows_message != code.message:
        rows.append(("windows", code.windows_message))
    rows.append(("hresult", f"0x{code.hresult:08X} ({code.hresult - 2**32})"))
    if code.win32_symbol is not None:
        elsewhere = f"outside Remote Access, {code._value_} is {code.win32_symbol}"
        rows.append(("elsewhere", f"{elsewhere}, a different Windows error"))
    for label, text in rows:
        _emit(f"  {label:<10} ", text, indent=13, width=width)


# Subcommands ----------------------------------------------------------------------------


def _lookup(queries: Sequence[str], *, as_json: bool) -> int:
    status = EXIT_OK
    results: list[dict[str, object]] = []
    width = None if as_json else _width()
    printed = False
    for query in queries:
        code = _resolve(query)
        if code is None:
            status = EXIT_NOT_FOUND
            problem = _not_a_code(query)
            _error(problem)
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


def _search(query: str, *, as_json: bool) -> int:
    from raserror._lookup import search

    try:
        codes = search(query)
    except ValueError as error:
        _error(f"search: {error}")
        return EXIT_USAGE
    if as_json:
        _print_json({"query": query, "codes": [code_json(code) for code in codes]})
    else:
        _print_lines(codes)
    if not codes:
        _error(f"search: no code has all of these words: {query}")
        return EXIT_NOT_FOUND
    return EXIT_OK


def _list(category: str | None, *, transient_only: bool, as_json: bool) -> int:
    codes = [
        code
        for code in ErrorCode
        if (category is None or code.category.value == category)
        and (code.transient or not transient_only)
    ]
    if as_json:
        _print_json({"codes": [code_json(code) for code in codes]})
    else:
        _print_lines(codes)
    return EXIT_OK if codes else EXIT_NOT_FOUND


def _print_lines(codes: Iterable[ErrorCode]) -> None:
    width = _width()
    for code in codes:
        _emit(_summary(code), indent=4, width=width)


def _scan(files: Sequence[str], *, assume_ras: bool, as_json: bool) -> int:
    seen: _Seen = {}
    unreadable = False
    for name in files:
        if not _scan_file(name, seen, assume_ras=assume_ras):
            unreadable = True
    if as_json:
        _print_json(
            {
                "files": [_shown(name) for name in files],
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
    if unreadable:
        return EXIT_USAGE
    if not seen:
        _error("scan: no Remote Access error code found")
        return EXIT_NOT_FOUND
    return EXIT_OK


def _scan_file(name: str, seen: _Seen, *, assume_ras: bool) -> bool:
    """Count the codes in one file into ``seen``; False if it could not be read."""
    from raserror._scan import scan_lines

    try:
        with _open_text(name) as lines:
            for finding in scan_lines(lines, assume_ras=assume_ras):
                count, first_file, first = seen.get(finding.code, (0, _shown(name), finding))
                seen[finding.code] = (count + 1, first_file, first)
    except OSError as error:
        _error(f"scan: cannot read {_shown(name)}: {error.strerror or error}")
        return False
    return True


def _print_scan(seen: _Seen) -> None:
    if not seen:
        return
    places = {code: f"{file}:{first.line}" for code, (_, file, first) in seen.items()}
    count_width = max(5, *(len(str(count)) for count, *_ in seen.values()))
    place_width = max(8, *(len(place) for place in places.values()))
    indent = count_width + place_width + 10
    print(f"{'count':>{count_width}}  code  {'first at':<{place_width}}  symbol: message")
    width = _width()
    for code, (count, *_) in seen.items():
        first = f"{count:>{count_width}}  {code._value_:>4}  {places[code]:<{place_width}}  "
        _emit(first, f"{code.symbol}: {code.message}", indent=indent, width=width)


def _shown(name: str) -> str:
    return "<stdin>" if name == "-" else name


class _open_text:  # noqa: N801 - used as a function, like open()
    """A file or standard input as text lines: BOM-aware, bad bytes replaced, newlines kept."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.text: io.TextIOWrapper | None = None

    def __enter__(self) -> Iterator[str]:
        import io

        if self.name != "-":
            binary: IO[bytes] = open(self.name, "rb")  # noqa: PTH123 - closed in __exit__
        elif sys.stdin is None or not hasattr(sys.stdin, "buffer"):
            raise OSError(0, "no standard input")
        else:
            binary = sys.stdin.buffer
            if sys.stdin.isatty():  # a person may not know it waits for them
                _error(
                    "scan: reading standard input; end it with Ctrl-D (Ctrl-Z, Enter on Windows)"
                )
        # peek() needs a buffered reader; test doubles and odd stdins may be raw.
        buffered = binary if isinstance(binary, io.BufferedReader) else io.BufferedReader(binary)  # type: ignore[type-var]
        encoding = _sniff(buffered.peek(4)[:4])
        self.text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
        return self.text

    def __exit__(self, *exc_info: object) -> None:
        if self.text is None:
            return
        if self.name == "-":
            self.text.detach()  # leave standard input open for the caller
        else:
            self.text.close()


def _sniff(head: bytes) -> str:
    """The encoding a byte-order mark announces; UTF-8 otherwise (digits survive any)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    return "utf-8"


def _error(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _tolerate_unencodable_output() -> None:
    # A file name or text the console's encoding cannot show is escaped, not fatal.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:  # noqa: SIM105 - contextlib.suppress would cost every command an import
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # a closed or odd stream: leave it be
                pass


def _silence_stdout() -> None:
    # Point stdout at devnull so that the interpreter's final flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
