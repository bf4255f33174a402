"""``raserror events``: the dial attempts in exported RasClient and RemoteAccess events."""

from __future__ import annotations

import re
import sys
from typing import NamedTuple, cast

from raserror._cli_output import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    argument_parser,
    check_unknown,
    code_json,
    error,
    print_json_line,
    shown,
    silence,
    win32_json,
)
from raserror._events import group_attempts, read_events
from raserror._input import BinaryEventLog, ReadError, ReportedReads, open_text
from raserror._lookup import number_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from typing import IO

    from raserror._codes import ErrorCode
    from raserror._events import Attempt, Event
    from raserror._win32 import Win32Error

EXAMPLES = """examples:
  raserror events application.txt
  raserror events pasted.txt       (Event Viewer copies, or a RasClient message pasted alone)
  raserror events --json events.xml system.txt
  raserror events --events export.csv
  wevtutil qe Application /q:"*[System[Provider[@Name='RasClient']]]" /f:xml | raserror events

make the exports on Windows with, for example:
  Get-WinEvent -LogName Application -FilterXPath "*[System[Provider[@Name='RasClient']]]" | Format-List > client.txt
  Get-EventLog -LogName System -Source RemoteAccess | Format-List -Property * > server.txt
  wevtutil qe System /q:"*[System[Provider[@Name='RemoteAccess']]]" /f:xml > server.xml"""


def main(args: Sequence[str]) -> int:
    """Run ``raserror events ARGS``; 0 attempts found, 1 none, 2 unreadable input."""
    parser = _parser()
    options, unknown = parser.parse_known_args(list(args))
    check_unknown(parser, unknown)
    files: list[str] = options.files or ["-"]
    listing = _Listing(options, several=len(files) > 1)
    unreadable = False
    try:
        for name in files:
            unreadable = not _read_file(name, listing) or unreadable
        listing.close()
        sys.stdout.flush()  # here, so that a reader gone away is seen with this run's status
    except BrokenPipeError:
        # The reader went away (raserror events ... | head -1): stop quietly, status kept.
        silence(sys.stdout)
        return EXIT_USAGE if unreadable else EXIT_OK
    if unreadable:
        return EXIT_USAGE
    if not listing.found:
        error(
            "events: no RasClient or RemoteAccess "
            + ("event" if options.events else "dial attempt")
            + " found"
        )
        return EXIT_NOT_FOUND
    return EXIT_OK


def _read_file(name: str, listing: _Listing) -> bool:
    """List the attempts (or events) of one export; False if it could not be read."""
    opened = open_text(name, "events", hint=error)
    try:
        lines = opened.__enter__()
    except BinaryEventLog as binary:
        error(f"events: {shown(name)} is {binary.strerror}")
        return False
    except OSError as unreadable:
        error(f"events: cannot read {shown(name)}: {unreadable.strerror or unreadable}")
        return False
    # Only the input's errors are reported here: an output that fails ends the command.
    try:
        listing.add_file(shown(name), cast("IO[str]", ReportedReads(lines)))
    except ReadError as failed:
        problem = failed.__cause__
        reason = problem.strerror if isinstance(problem, OSError) else None
        error(f"events: cannot read {shown(name)}: {reason or problem}")
        return False
    finally:
        opened.__exit__()
    return True


def _parser() -> argparse.ArgumentParser:
    import argparse

    summary = "list the dial attempts in exported RasClient and RemoteAccess events"
    parser = argument_parser(
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

# Rows are sorted by time in blocks of this many: memory stays bounded on any export.
SORT_BLOCK = 10_000
# A column is padded to at most this width; a longer cell is shown whole, past it.
_MAX_WIDTH = 48


class _Row(NamedTuple):
    """One line of the listing: its place in time, then its cells, time first."""

    order: tuple[int, str, int]
    utc: bool | None  # the time's zone: True for UTC (XML), False for local, None: no time
    cells: list[str]


class _Listing:
    """The attempts (or events) of every file, printed sorted by time, then a count per code."""

    def __init__(self, options: argparse.Namespace, *, several: bool) -> None:
        self.as_json: bool = options.json
        self.events: bool = options.events
        self.several = several  # then each line says which file it came from
        self.rows: list[_Row] = []
        self.tally: dict[int, tuple[int, ErrorCode | None]] = {}
        self.found = False

    def add_file(self, name: str, lines: IO[str]) -> None:
        if self.events:
            for event in read_events(lines):
                self.found = True
                if self.as_json:
                    print_json_line(event_json(event))
                else:
                    self.add(_event_row(event, name, len(self.rows)))
            return
        for attempt in group_attempts(read_events(lines)):
            self.found = True
            if self.as_json:
                print_json_line(attempt_json(attempt))
            else:
                self.add(_attempt_row(attempt, name, len(self.rows)))
            if attempt.number is not None:
                # One row per code: 691 and its HRESULT -2147024205 are the same failure.
                key = attempt.number if attempt.code is None else int(attempt.code)
                count, code = self.tally.get(key, (0, attempt.code))
                self.tally[key] = (count + 1, code)

    def add(self, row: _Row) -> None:
        self.rows.append(row)
        if len(self.rows) >= SORT_BLOCK:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        headers: tuple[str, ...] = _EVENT_HEADERS if self.events else _ATTEMPT_HEADERS
        if not self.several:
            headers = headers[:-1]
        _print_rows(headers, sorted(self.rows, key=lambda row: row.order), several=self.several)
        self.rows = []

    def close(self) -> None:
        self.flush()
        if self.tally and not self.as_json:
            _print_tally(self.tally)


# The file comes last: its name, however long, leaves the other columns aligned.
_ATTEMPT_HEADERS = (
    "time",
    "source",
    "user",
    "connection",
    "stage",
    "outcome",
    "code",
    "symbol",
    "file",
)
_EVENT_HEADERS = (
    "time",
    "source",
    "event",
    "coid",
    "user",
    "connection",
    "code",
    "symbol",
    "file",
)
# Columns whose cells are numbers: aligned right.
_RIGHT = frozenset({"code", "event"})


def _attempt_row(attempt: Attempt, name: str, index: int) -> _Row:
    source = attempt.provider
    if attempt.provider != "RasClient":
        source += f" {attempt.events[0].event_id}"
    time = attempt.start or attempt.end
    cells = [
        time,
        source,
        attempt.user,
        attempt.connection,
        None if attempt.last_stage is None else attempt.last_stage.value,
        attempt.outcome.value,
        *_code_cells(attempt.number, attempt.code),
        name,
    ]
    return _Row(_time_order(time, index), _is_utc(time), _cells(cells))


def _event_row(event: Event, name: str, index: int) -> _Row:
    # An event id told by the message's sentence, not by the export, is marked so.
    shown_id = f"{event.event_id}{'*' if event.id_inferred else ''}"
    cells = [
        event.time,
        event.provider,
        shown_id,
        event.coid,
        event.user,
        event.connection,
        *_code_cells(event.number, event.code),
        name,
    ]
    return _Row(_time_order(event.time, index), _is_utc(event.time), _cells(cells))


def _code_cells(number: int | None, code: ErrorCode | None) -> list[str | None]:
    if number is None:
        return [None, None]
    written = (
        f"{number} (0x{number & 0xFFFFFFFF:08X})" if number < 0 or number > 0xFFFF else str(number)
    )
    return [written, _symbol(number, code)]


def _symbol(number: int, code: ErrorCode | None) -> str:
    """The code's symbol; for a number outside the registry, its Windows meaning if any."""
    if code is not None:
        return code.symbol
    windows = _windows(number)
    return "(not in the registry)" if windows is None else f"{windows.symbol} (Windows, not RAS)"


def _windows(number: int | None) -> Win32Error | None:
    """What a number no RAS code has means as a Windows system error (87, 0x80070005)."""
    if number is None:
        return None
    from raserror._win32 import win32_error

    return win32_error(number)  # None for a number of no 32-bit form, too


def _cells(values: list[str | None]) -> list[str]:
    return [_printable(value) if value else "-" for value in values]


def _print_rows(headers: tuple[str, ...], rows: list[_Row], *, several: bool) -> None:
    """The rows under a header, in aligned columns; times marked with their zone."""
    zones = {row.utc for row in rows if row.utc is not None}
    mixed = len(zones) > 1
    table = []
    for row in rows:
        cells = row.cells if several else row.cells[:-1]
        if mixed and row.utc is not None:
            cells = [f"{cells[0]} {'UTC' if row.utc else 'local'}", *cells[1:]]
        table.append(cells)
    first = "time" if mixed or not zones else f"time ({'UTC' if True in zones else 'local'})"
    headers = (first, *headers[1:])
    widths = [
        min(_MAX_WIDTH, max(len(headers[column]), *(len(cells[column]) for cells in table)))
        for column in range(len(headers))
    ]
    for cells in [list(headers), *table]:
        padded = [
            cell.rjust(width) if header in _RIGHT else cell.ljust(width)
            for cell, width, header in zip(cells, widths, headers)
        ]
        padded[-1] = cells[-1]  # the last column is not padded
        print("  ".join(padded))


def _print_tally(tally: dict[int, tuple[int, ErrorCode | None]]) -> None:
    print()
    width = max(5, *(len(str(count)) for count, _ in tally.values()))
    print(f"{'count':>{width}}  {'code':>11}  symbol")
    for number, (count, code) in sorted(tally.items(), key=lambda item: (-item[1][0], item[0])):
        written = number_text(code) if code is not None else str(number)
        print(f"{count:>{width}}  {written:>11}  {_symbol(number, code)}")


# C0 and C1 controls (terminal escapes, carriage returns from XML's &#13;), line and
# paragraph separators and the bidirectional overrides that reorder what a terminal shows:
# each as an escape.
_CONTROLS = {
    **{code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))},
    **{code: f"\\u{code:04x}" for code in (0x2028, 0x2029, *range(0x202A, 0x202F))},
    **{code: f"\\u{code:04x}" for code in range(0x2066, 0x206A)},
}


def _printable(text: str) -> str:
    """``text`` with the characters that would steer a terminal shown as escapes."""
    return text if text.isprintable() else text.translate(_CONTROLS)


# Times as the exports write them: ISO 8601 (XML, wevtutil), or a locale's date and time.
_ISO_TIME = re.compile(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?")
_LOCAL_TIME = re.compile(
    r"(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})\s+(\d{1,2}):(\d\d)(?::(\d\d))?\s*([AaPp][Mm])?"
)


def _time_order(time: str | None, index: int) -> tuple[int, str, int]:
    """A key that sorts times of one export in time order; times it cannot read go last."""
    if time is None:
        return (1, "", index)
    iso = _ISO_TIME.match(time)
    if iso is not None:
        year, month, day, hour, minute, second, fraction = iso.groups()
        return (
            0,
            f"{year}{month}{day}{hour}{minute}{second}{(fraction or '').ljust(9, '0')}",
            index,
        )
    local = _LOCAL_TIME.match(time)
    if local is None:
        return (1, "", index)
    first, separator, middle, last, hour, minute, second, noon = local.groups()
    if len(first) == 4:  # 2022/10/2 16:30:33
        year, month, day = first, middle, last
    elif separator == "." or (not noon and int(first) > 12):  # 24.12.2017, 24/12/2017
        year, month, day = last, middle, first
    else:  # 12/24/2017 2:38:13 PM, as US English Windows writes it
        year, month, day = last, first, middle
    hours = int(hour) % 12 + (12 if noon and noon.lower() == "pm" else 0) if noon else int(hour)
    key = f"{int(year):04d}{int(month):02d}{int(day):02d}{hours:02d}{minute}{second or '00'}"
    return (0, key.ljust(23, "0"), index)


def _is_utc(time: str | None) -> bool | None:
    return None if not time else time.endswith("Z")


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
        "windows": None if event.code is not None else _windows_json(event.number),
        "evidence": event.evidence,
        "message": event.message,
        "id_inferred": event.id_inferred,
    }


def _windows_json(number: int | None) -> dict[str, object] | None:
    windows = _windows(number)
    return None if windows is None else win32_json(windows)


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
        "windows": None if attempt.code is not None else _windows_json(attempt.number),
        "start": attempt.start,
        "end": attempt.end,
        "event_ids": [event.event_id for event in attempt.events],
    }
