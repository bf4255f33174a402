"""``raserror events``: the dial attempts in exported RasClient and RemoteAccess events."""

from __future__ import annotations

from raserror._cli_output import EXIT_NOT_FOUND, EXIT_OK, EXIT_USAGE, PROG, code_json
from raserror._cli_output import argument_parser as _argument_parser
from raserror._cli_output import error as _error
from raserror._cli_output import print_json_line as _print_json_line
from raserror._cli_output import shown as _shown
from raserror._events import group_attempts, read_events
from raserror._input import BinaryEventLog, open_text
from raserror._lookup import number_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator, Sequence

    from raserror._codes import ErrorCode
    from raserror._events import Attempt, Event

EXAMPLES = """examples:
  raserror events application.txt
  raserror events --json events.xml system.txt
  raserror events --events export.csv
  wevtutil qe Application /q:"*[System[Provider[@Name='RasClient']]]" /f:xml | raserror events

make the exports on Windows with, for example:
  Get-WinEvent -LogName Application -FilterXPath "*[System[Provider[@Name='RasClient']]]" | Format-List > client.txt
  Get-EventLog -LogName System -Source RemoteAccess | Format-List -Property * > server.txt
  wevtutil qe System /q:"*[System[Provider[@Name='RemoteAccess']]]" /f:xml > server.xml"""


def main(args: Sequence[str]) -> int:
    """Run ``raserror events ARGS``; 0 attempts found, 1 none, 2 unreadable input."""
    options = _parser().parse_args(list(args))
    files: list[str] = options.files or ["-"]
    found = unreadable = False
    tally: dict[int, tuple[int, ErrorCode | None]] = {}
    for name in files:
        opened = open_text(name, "events", hint=_error)
        try:
            lines = opened.__enter__()
        except BinaryEventLog as error:
            _error(f"events: {_shown(name)} is {error.strerror}")
            unreadable = True
            continue
        except OSError as error:
            _error(f"events: cannot read {_shown(name)}: {error.strerror or error}")
            unreadable = True
            continue
        # Only the input's errors are reported here: an output that fails ends the command.
        try:
            found = _print_file(_reading(lines), options, tally) or found
        except _ReadError as error:
            problem = error.__cause__
            reason = problem.strerror if isinstance(problem, OSError) else None
            _error(f"events: cannot read {_shown(name)}: {reason or problem}")
            unreadable = True
        finally:
            opened.__exit__()
    if tally and not options.json:
        _print_tally(tally)
    if unreadable:
        return EXIT_USAGE
    if not found:
        _error(
            "events: no RasClient or RemoteAccess "
            + ("event" if options.events else "dial attempt")
            + " found"
        )
        return EXIT_NOT_FOUND
    return EXIT_OK


def _print_file(
    lines: Iterator[str],
    options: argparse.Namespace,
    tally: dict[int, tuple[int, ErrorCode | None]],
) -> bool:
    """Print the attempts (or events) of one export; count the codes; True if any."""
    found = False
    if options.events:
        for event in read_events(lines):
            found = True
            _print_event(event, as_json=options.json)
        return found
    for attempt in group_attempts(read_events(lines)):
        found = True
        _print_attempt(attempt, as_json=options.json)
        if attempt.number is not None:
            # One row per code: 691 and its HRESULT -2147024205 are the same failure.
            key = attempt.number if attempt.code is None else int(attempt.code)
            count, code = tally.get(key, (0, attempt.code))
            tally[key] = (count + 1, code)
    return found


def _parser() -> argparse.ArgumentParser:
    import argparse

    summary = "list the dial attempts in exported RasClient and RemoteAccess events"
    parser = _argument_parser(
        prog=f"{PROG} events",
        description=summary,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object a line")
    parser.add_argument("--events", action="store_true", help="print the events, not attempts")
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="exports to read; - or none: standard input"
    )
    return parser


# Output ---------------------------------------------------------------------------------


def _outcome(number: int | None, code: ErrorCode | None) -> str:
    if number is None:
        return ""
    shown = (
        f"{number} (0x{number & 0xFFFFFFFF:08X})" if number < 0 or number > 0xFFFF else str(number)
    )
    return f" {shown} {code.symbol if code is not None else '(not in the registry)'}"


def _print_attempt(attempt: Attempt, *, as_json: bool) -> None:
    if as_json:
        _print_json_line(attempt_json(attempt))
        return
    stage = attempt.last_stage.value if attempt.last_stage is not None else "-"
    cells = [attempt.start or attempt.end, attempt.user, attempt.connection, stage]
    outcome = attempt.outcome.value + _outcome(attempt.number, attempt.code)
    if attempt.provider != "RasClient":
        outcome += f" ({attempt.provider} {attempt.events[0].event_id})"
    print("  ".join([*(cell or "-" for cell in cells), outcome]))


def _print_event(event: Event, *, as_json: bool) -> None:
    if as_json:
        _print_json_line(event_json(event))
        return
    cells = [
        event.time,
        event.provider,
        str(event.event_id),
        event.coid,
        event.user,
        event.connection,
    ]
    number = _outcome(event.number, event.code)
    print("  ".join(cell or "-" for cell in cells) + (f" {number}" if number else ""))


def _print_tally(tally: dict[int, tuple[int, ErrorCode | None]]) -> None:
    print()
    width = max(5, *(len(str(count)) for count, _ in tally.values()))
    print(f"{'count':>{width}}  {'code':>11}  symbol")
    for number, (count, code) in sorted(tally.items(), key=lambda item: (-item[1][0], item[0])):
        symbol = code.symbol if code is not None else "(not in the registry)"
        shown = number_text(code) if code is not None else str(number)
        print(f"{count:>{width}}  {shown:>11}  {symbol}")


def event_json(event: Event) -> dict[str, object]:
    """The documented JSON object for one event."""
    return {
        "provider": event.provider,
        "event_id": event.event_id,
        "time": event.time,
        "computer": event.computer,
        "coid": event.coid,
        "user": event.user,
        "connection": event.connection,
        "stage": None if event.stage is None else event.stage.value,
        "number": event.number,
        "code": None if event.code is None else code_json(event.code),
        "evidence": event.evidence,
        "message": event.message,
    }


def attempt_json(attempt: Attempt) -> dict[str, object]:
    """The documented JSON object for one dial attempt."""
    return {
        "provider": attempt.provider,
        "coid": attempt.coid,
        "user": attempt.user,
        "connection": attempt.connection,
        "stages": [stage.value for stage in attempt.stages],
        "last_stage": None if attempt.last_stage is None else attempt.last_stage.value,
        "outcome": attempt.outcome.value,
        "number": attempt.number,
        "code": None if attempt.code is None else code_json(attempt.code),
        "start": attempt.start,
        "end": attempt.end,
        "event_ids": [event.event_id for event in attempt.events],
    }


# Input ----------------------------------------------------------------------------------


class _ReadError(Exception):
    """Reading the input failed (the cause says why); writing the output is another matter."""


def _reading(lines: Iterator[str]) -> Iterator[str]:
    try:
        yield from lines
    except OSError as error:
        raise _ReadError from error
