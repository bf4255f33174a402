"""``raserror scan``: the codes in logs, counted per code, or each occurrence (``--each``)."""

from __future__ import annotations

from typing import NamedTuple

from raserror._cli_output import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    code_json,
    error,
    fail,
    print_json,
    print_json_line,
    shown,
    terminal_width,
)
from raserror._input import ReadError, ReportedReads, open_text
from raserror._lookup import number_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from raserror._codes import ErrorCode
    from raserror._scan import Finding


class _Seen(NamedTuple):
    """One code's tally over every file: how often, and where it came first."""

    occurrences: int
    first_file: str
    first: Finding


def scan_command(files: Sequence[str], *, assume_ras: bool, as_json: bool, each: bool) -> int:
    """Scan ``files``; 0 when a code was found, 1 when none, 2 when a file was unreadable."""
    tally = _Tally(each=each, as_json=as_json)
    errors = []  # (file, why it could not be read)
    for name in files:
        problem = _scan_file(name, tally.add, assume_ras=assume_ras)
        if problem is not None:
            errors.append((shown(name), problem))
    if not tally.occurrences and not errors:  # reported before the output, which may fail
        fail("scan: no Remote Access error code found", EXIT_NOT_FOUND)
    if each:
        pass  # every occurrence was printed as it was read
    elif as_json:
        print_json(
            {
                "files": [shown(name) for name in files],
                "errors": [{"file": name, "error": problem} for name, problem in errors],
                "codes": [
                    {
                        "code": code_json(code),
                        "count": count,
                        "first_file": first_file,
                        "first_line": first.line,
                        "evidence": first.evidence,
                    }
                    for code, (count, first_file, first) in tally.seen.items()
                ],
            }
        )
    else:
        _print_summary(tally.seen)
    return EXIT_USAGE if errors else EXIT_OK if tally.occurrences else EXIT_NOT_FOUND


class _Tally:
    """The codes found so far: printed one by one (``--each``) or counted per code."""

    def __init__(self, *, each: bool, as_json: bool) -> None:
        self.each = each
        self.as_json = as_json
        self.seen: dict[ErrorCode, _Seen] = {}
        self.occurrences = 0

    def add(self, file: str, finding: Finding) -> None:
        self.occurrences += 1
        code = finding.code
        if not self.each:
            count, first_file, first = self.seen.get(code, _Seen(0, file, finding))
            self.seen[code] = _Seen(count + 1, first_file, first)
        elif self.as_json:
            print_json_line(
                {
                    "file": file,
                    "line": finding.line,
                    "code": code_json(code),
                    "evidence": finding.evidence,
                }
            )
        else:  # grep -n's shape: the place, then what is there
            print(f"{file}:{finding.line}: {number_text(code)} {code.symbol} {finding.evidence}")


def _scan_file(
    name: str, report: Callable[[str, Finding], None], *, assume_ras: bool
) -> str | None:
    """Report each code found in one file; say why if it could not be read."""
    from functools import partial

    from raserror._scan import PIECE, scan_lines

    try:
        opened = open_text(name, "scan", hint=error)
        text = ReportedReads(opened.__enter__())
    except OSError as problem:
        return _unreadable(name, problem)
    # Only the input's errors are reported here: an output that fails ends the command.
    try:
        # Bounded reads: a file with no line break streams through in pieces.
        pieces = iter(partial(text.readline, PIECE), "")
        for finding in scan_lines(pieces, assume_ras=assume_ras):
            report(shown(name), finding)
    except ReadError as failed:
        return _unreadable(name, failed.__cause__)
    finally:
        opened.__exit__()
    return None


def _unreadable(name: str, problem: BaseException | None) -> str:
    """Say that a file could not be read, and why; return the why."""
    reason = (problem.strerror if isinstance(problem, OSError) else None) or str(problem)
    fail(f"scan: cannot read {shown(name)}: {reason}", EXIT_USAGE)
    return reason


def _print_summary(seen: dict[ErrorCode, _Seen]) -> None:
    if not seen:
        return
    places = {code: f"{entry.first_file}:{entry.first.line}" for code, entry in seen.items()}
    count_width = max(5, *(len(str(entry.occurrences)) for entry in seen.values()))
    code_width = max(4, *(len(number_text(code)) for code in seen))
    place_width = max(8, *(len(place) for place in places.values()))
    column = count_width + code_width + 4  # where "first at" starts
    indent = column + place_width + 2
    width = terminal_width()
    if width is not None and width - indent < width // 2:
        # Too narrow for a message column: each message goes under its place.
        _print_stacked(seen, places, (count_width, code_width), width)
        return
    print(
        f"{'count':>{count_width}}  {'code':>{code_width}}  {'first at':<{place_width}}  "
        "symbol: message"
    )
    for code, entry in seen.items():
        first = (
            f"{entry.occurrences:>{count_width}}  {number_text(code):>{code_width}}  "
            f"{places[code]:<{place_width}}  "
        )
        message = f"{code.symbol}: {code.windows_message}"
        lines = [message] if width is None else _wrap_message(code, width - indent)
        print(first + lines[0])
        for line in lines[1:]:
            print(" " * indent + line)


def _print_stacked(
    seen: dict[ErrorCode, _Seen], places: dict[ErrorCode, str], widths: tuple[int, int], width: int
) -> None:
    count_width, code_width = widths
    # Messages start left of the place, for room, and right of the counts, to stand apart.
    margin = count_width + 1
    print(f"{'count':>{count_width}}  {'code':>{code_width}}  first at; symbol: message")
    for code, entry in seen.items():
        # The place stays whole, past the edge if it must, so that it can be copied.
        print(
            f"{entry.occurrences:>{count_width}}  {number_text(code):>{code_width}}  {places[code]}"
        )
        for line in _wrap_message(code, width - margin):
            print(" " * margin + line)


def _wrap_message(code: ErrorCode, width: int) -> list[str]:
    """``SYMBOL: message`` in lines of at most ``width``; a long symbol breaks after a ``_``."""
    import textwrap

    label = f"{code.symbol}:"
    message = code.windows_message
    if len(label) < width:
        return textwrap.wrap(f"{label} {message}", width, break_on_hyphens=False)
    return [*_wrap_at(label, width, "_"), *textwrap.wrap(message, width)]


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
