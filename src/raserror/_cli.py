"""The ``raserror`` command: what Remote Access error codes mean, and where logs show them.

This module reads the command line and hands it to the subcommand's module
(``_lookup_cli``, ``_search_cli``, ``_list_cli``, ``_scan_cli``, ``_events_cli``),
which all print through ``_cli_output``. ``raserror CODE...`` takes the fast path
(no argparse) because a person types it and waits.
"""

from __future__ import annotations

import sys

from raserror import __version__
from raserror._cli_output import (
    CANNOT_WRITE,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    PROG,
    argument_parser,
    check_unknown,
    error,
    fail,
    is_option,
    silence,
    start_run,
    tolerate_unencodable_output,
    worst_status,
)
from raserror._codes import Category
from raserror._lookup_cli import lookup_command, read_pasted, stdin_is_piped

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

SUBCOMMANDS = ("lookup", "search", "list", "scan", "events")

LOOKUP_EXAMPLES = """examples:
  raserror 691
  raserror 691 809 868
  raserror ERROR_VPN_TIMEOUT
  raserror vpn_timeout
  raserror 0x800702B3
  raserror -- -2147024205
  raserror --json 691
  raserror "Error 809: The network connection between your computer and the VPN server..."
  raserror - < dialog.txt
  raserror help scan"""
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
  raserror scan --each vpn.log app.log
  raserror scan --assume-ras --json app.log -"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return its exit status (0 found, 1 not found, 2 usage)."""
    start_run()
    args = list(sys.argv[1:] if argv is None else argv)
    if sys.stdout is None:  # started with standard output closed (`raserror 691 >&-`)
        return fail(f"{CANNOT_WRITE}: standard output is closed", EXIT_USAGE)
    tolerate_unencodable_output()
    try:
        try:
            quick = _quick_lookup(args)
            return quick if quick is not None else _run(args)
        finally:  # here, also after argparse's exit, not at interpreter exit
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (raserror list | head -1): stop quietly.
        silence(sys.stdout)
        return worst_status()
    except OSError as problem:  # reading errors are handled where files are read
        silence(sys.stdout)
        error(f"{CANNOT_WRITE}: {problem.strerror or problem}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def _quick_lookup(args: list[str]) -> int | None:
    """``raserror CODE...`` without options: answer without building a parser."""
    if not args or args[0] in SUBCOMMANDS or _asks_for_help(args):
        return None
    if any(map(is_option, args)):
        return None
    return lookup_command(args, as_json=False)


def _asks_for_help(args: list[str]) -> bool:
    """``raserror help`` or ``raserror help COMMAND`` (more is refused, not looked up)."""
    return args[:1] == ["help"]


def _help_args(parser: argparse.ArgumentParser, asked: list[str]) -> list[str]:
    """The arguments that show the help ``raserror help [COMMAND]`` asks for."""
    commands = ", ".join(SUBCOMMANDS)
    if asked and asked[0] not in SUBCOMMANDS:
        parser.error(f"no command {asked[0]!r} to help with; the commands: {commands}")
    if len([topic for topic in asked if not is_option(topic)]) > 1:
        parser.error(f"help tells of one command at a time; the commands: {commands}")
    return [*asked, "--help"]


def _run(args: list[str]) -> int:
    parser = _parser()
    if _asks_for_help(args):
        args = _help_args(parser, args[1:])
    if not args:
        return _no_arguments(parser)
    # The lookup subcommand is implied: `raserror 691` is `raserror lookup 691`. After `--`
    # every argument is a query: `raserror -- scan` looks up the word "scan".
    options_part = args[: args.index("--")] if "--" in args else args
    first = next((arg for arg in options_part if not is_option(arg)), None)
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
        codes = options.codes or ["-"]  # no code, and standard input is piped: read it
        return lookup_command(codes, as_json=options.json, assume_ras=options.assume_ras)
    if command == "search":
        from raserror._search_cli import search_command

        return search_command(" ".join(options.words), as_json=options.json)
    if command == "list":
        from raserror._list_cli import list_command

        return list_command(
            options.category, transient_only=options.transient, as_json=options.json
        )
    from raserror._scan_cli import scan_command

    files = options.files or ["-"]
    return scan_command(
        files, assume_ras=options.assume_ras, as_json=options.json, each=options.each
    )


def _no_arguments(parser: argparse.ArgumentParser) -> int:
    """Read pasted text from a pipe (`echo ... | raserror`); else show what the command does."""
    if stdin_is_piped():
        pasted = read_pasted()
        if pasted is None:
            return EXIT_USAGE
        if pasted.strip():
            return lookup_command(["-"], as_json=False, pasted=pasted)
    parser.print_help(sys.stderr)  # someone finding out what the command does
    return EXIT_USAGE


def _check_usage(
    parser: argparse.ArgumentParser, options: argparse.Namespace, unknown: list[str]
) -> None:
    """Exit with a usage error that says what is wrong, if anything is."""
    check_unknown(parser, unknown)
    if options.command == "lookup" and not options.codes and not stdin_is_piped():
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
        (options if is_option(arg) else codes).append(arg)
    return [*options, "--", *codes]


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argument_parser(
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
        help="say that you know the pasted text came from Remote Access (text given to "
        "raserror is read as Remote Access context anyway)",
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
        "find the codes in logs or rasdial output; count them per code, or show each",
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
    scan.add_argument(
        "--each",
        action="store_true",
        help="one line per occurrence, FILE:LINE: CODE SYMBOL EVIDENCE, as grep -n prints; "
        "with --json, JSON Lines",
    )
    return parser
