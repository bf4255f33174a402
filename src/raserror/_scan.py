"""Find RAS error codes in text: logs, rasdial output, event-log messages.

A number counts only where it stands in an error shape, and only with
evidence that it is a RAS code: Win32 reuses most RAS numbers (740 is also
ERROR_ELEVATION_REQUIRED), so a bare ``Error 740:`` proves nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from raserror._codes import ErrorCode  # noqa: TC001 - at run time for get_type_hints(Finding)
from raserror._lookup import _from_int

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

# Defined at run time, with ErrorCode, so that typing.get_type_hints(Finding) works.
Evidence = Literal["context", "unambiguous", "assumed"]

# Cheap literal anchors, scanned in C; every shape below starts at one of them.
_ANCHORS = re.compile(r"(?i:error)|returned on|CoI[dD]=|netcfg\.chm|0[xX]8007|-214[67]")
# Quantifiers are bounded everywhere: each match costs O(1), so scanning stays linear.
_GENERIC = re.compile(
    r"(?i:error)(?:[ _-]?(?i:code))?[ \t]{0,4}(?:[:=#][ \t]{0,4})?(-?\d{1,10})(?![\w])(?!\.\d)"
)
_WINERROR = re.compile(r"Error[ \t]{1,4}(\d{1,10})(?!\w)")
_FOOTER_EN = re.compile(r"(?i:error messages,)[ \t]{0,4}then[ \t]{1,4}(\d{1,10})(?!\w)")
_EVENT = re.compile(r"returned on (?:failure|termination) is[ \t]{1,4}(-?\d{1,10})(?!\d)")
_HEX = re.compile(r"0[xX]8007[0-9a-fA-F]{4}(?![0-9a-zA-Z])")
_SIGNED = re.compile(r"-214[67]\d{6}(?!\d)")
# The last number of a line, followed by at most a few characters ("is 809.", "809 です。").
_LAST_NUMBER = re.compile(r"(?<!\d)(-?\d{1,10})[^\d]{0,12}\Z")
_THREE_DIGITS = re.compile(r"(?<!\d)\d{3}(?!\d)")
# rasdial's error line in any language: words, the code, " - ", the message.
_LOCAL_ERROR_LINE = re.compile(
    r"[ \t]{0,8}[^\d\r\n]{1,80}?[ \t\u3000](\d{3})[ \t\u3000]{1,3}-[ \t\u3000]"
)
# Names that put a line in Remote Access context: RAS APIs, rasdial, RasClient, RasMan.
RAS_CONTEXT = re.compile(
    r"(?<![A-Za-z])(?:(?:Ras|Mpr)[A-Z][A-Za-z]*|(?i:rasdial)(?![A-Za-z])|Remote Access)"
)
# rasdial's footer follows its "hh netcfg.chm" line within this many lines...
_FOOTER_AFTER = 2
# ...and its error line precedes that line by at most this many.
_ERROR_LINE_BEFORE = 8
# A footer repeats the error line's code: drop it when the code was found this close before.
_FOOTER_REPEATS_WITHIN = _FOOTER_AFTER + _ERROR_LINE_BEFORE


@dataclass(frozen=True)
class Finding:
    """A RAS error code found in text.

    ``text[start:end]`` is the number as written; ``line`` counts from 1.
    ``evidence`` says which rule made the number count: ``"context"`` (the
    text says it came from Remote Access), ``"unambiguous"`` (no Win32 error
    has that number) or ``"assumed"`` (the caller passed ``assume_ras=True``).
    """

    code: ErrorCode
    start: int
    end: int
    line: int
    evidence: Evidence


def accept(number: int, *, context: bool, assume_ras: bool) -> tuple[ErrorCode, Evidence] | None:
    """The code ``number`` names and the evidence that it is one, if there is any."""
    code = _from_int(number)
    if code is None:
        return None
    if context:
        return code, "context"
    if code.win32_symbol is None:
        return code, "unambiguous"
    if assume_ras:
        return code, "assumed"
    return None


class _Lines:
    """Line bounds of a text, walked forwards as positions grow."""

    def __init__(self, text: str, *, context_everywhere: bool = False) -> None:
        self.text = text
        self.context_everywhere = context_everywhere
        self.start = 0
        self.end = self._end_of(0)
        self.index = 0  # of the current line, from 0
        self.context: bool | None = None

    def _end_of(self, start: int) -> int:
        end = self.text.find("\n", start)
        return len(self.text) if end < 0 else end

    def move_to(self, position: int) -> None:
        if position <= self.end:
            return
        self.index += self.text.count("\n", self.end, position)
        self.start = self.text.rfind("\n", self.end, position) + 1
        self.end = self._end_of(position)
        self.context = None

    def has_context(self) -> bool:
        if self.context_everywhere:
            return True
        if self.context is None:
            self.context = RAS_CONTEXT.search(self.text, self.start, self.end) is not None
        return self.context

    def previous_starts(self, count: int) -> list[int]:
        """The start offsets of up to ``count`` lines before the current one, nearest first."""
        starts: list[int] = []
        start = self.start
        while start > 0 and len(starts) < count:
            start = self.text.rfind("\n", 0, start - 1) + 1
            starts.append(start)
        return starts

    def next_bounds(self, count: int) -> list[tuple[int, int]]:
        """The bounds of up to ``count`` lines after the current one."""
        bounds: list[tuple[int, int]] = []
        end = self.end
        while end < len(self.text) and len(bounds) < count:
            start = end + 1
            end = self._end_of(start)
            bounds.append((start, end))
        return bounds


# scan_lines reads this much before scanning, in one pass like find_codes...
_CHUNK_CHARS = 1 << 20
_CHUNK_LINES = 8192
# ...and rescans the tail of each chunk with the next, so that a rasdial block
# cut by a chunk boundary is still seen whole: these lines at most, this many
# characters at most, of which the last _HELD wait for the next chunk to report.
_CARRIED_LINES = 2 * (_FOOTER_REPEATS_WITHIN + 2)
_CARRIED_CHARS = 1 << 16
_HELD = _FOOTER_REPEATS_WITHIN + 2


def find_codes(text: str, *, assume_ras: bool = False) -> list[Finding]:
    """Every RAS error code in ``text``, in order of position.

    A number is reported only where it stands in an error shape (rasdial's
    ``Remote Access error 691 - ...`` and its help footer, RasClient event
    text, ``Error 691: ...``, ``error code 691``, ``[WinError 691]``, an
    HRESULT such as ``0x800702B3``) and only with evidence: Remote Access
    context on its line (rasdial, a RAS API name such as ``RasDial``,
    RasClient's ``CoId=``), or a number that no Win32 error shares
    (645, 658-664, 666, 667, 820-878, 900-956), or ``assume_ras=True``.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_codes() needs a str, not {type(text).__name__}")
    return [
        Finding(code, start, end, line + 1, evidence)
        for start, end, line, code, evidence, _ in scan_block(text, assume_ras=assume_ras)
    ]


def scan_lines(lines: Iterable[str], *, assume_ras: bool = False) -> Iterator[Finding]:
    """Like ``find_codes``, lazily, over an iterable of lines such as an open file.

    Reads a bounded amount at a time, so a log of any size streams through.
    ``start`` and ``end`` are positions in their line; ``line`` counts the
    items of ``lines`` from 1. A rasdial block spread over several lines is
    still recognised. Raises ``TypeError`` for an item that is not a str.
    """
    chunk: list[str] = []
    size = 0
    first_line = 1  # the number of chunk[0]
    reported = 0  # leading items of chunk whose findings were already yielded
    for line in lines:
        if not isinstance(line, str):
            raise TypeError(f"scan_lines() needs lines of str, not {type(line).__name__}")
        chunk.append(line)
        size += len(line)
        if size < _CHUNK_CHARS and len(chunk) < _CHUNK_LINES:
            continue
        carried = _carried(chunk)
        held = min(_HELD, carried)
        yield from _report(chunk, first_line, reported, len(chunk) - held, assume_ras=assume_ras)
        first_line += len(chunk) - carried
        reported = carried - held
        chunk = chunk[len(chunk) - carried :]
        size = sum(map(len, chunk))
    yield from _report(chunk, first_line, reported, len(chunk), assume_ras=assume_ras)


def _carried(chunk: list[str]) -> int:
    """How many of the chunk's last lines to scan again with the next chunk."""
    count = size = 0
    for line in reversed(chunk):
        size += len(line)
        if count == _CARRIED_LINES or size > _CARRIED_CHARS:
            break
        count += 1
    return count


def _report(
    chunk: list[str], first_line: int, start: int, stop: int, *, assume_ras: bool
) -> Iterator[Finding]:
    """The findings on chunk[start:stop], positioned in their own line."""
    offsets = []
    position = 0
    for line in chunk:
        offsets.append(position)
        position += len(line) if line.endswith("\n") else len(line) + 1
    text = "".join(line if line.endswith("\n") else line + "\n" for line in chunk)
    for begin, end, _, code, evidence, _ in scan_block(text, assume_ras=assume_ras):
        index = bisect_right(offsets, begin) - 1
        if start <= index < stop:
            line_start = offsets[index]
            yield Finding(code, begin - line_start, end - line_start, first_line + index, evidence)


def _number(written: str) -> int:
    return int(written, 16) if written[1:2] in ("x", "X") else int(written)


def scan_block(text: str, *, assume_ras: bool, rasdial_output: bool = False) -> list[_Raw]:
    """Every finding in ``text``, in order; ``rasdial_output`` trusts rasdial's error lines."""
    scanner = _Scanner(text, assume_ras=assume_ras, rasdial_output=rasdial_output)
    return scanner.run()


class _Scanner:
    """One pass over a text: each anchor hands its position to the rule for its shape."""

    def __init__(self, text: str, *, assume_ras: bool, rasdial_output: bool) -> None:
        self.text = text
        self.assume_ras = assume_ras
        self.rasdial_output = rasdial_output
        # All of rasdial's output is Remote Access context.
        self.lines = _Lines(text, context_everywhere=rasdial_output)
        self.found: dict[int, _Raw] = {}
        self.lines_done: set[tuple[str, int]] = set()  # (rule, line) pairs that already ran
        self.rules = {
            "e": self.error,
            "E": self.error,
            "r": self.event,
            "C": self.event_line,
            "n": self.rasdial_footer,
            "0": self.hresult,
            "-": self.hresult,
        }

    def run(self) -> list[_Raw]:
        if self.rasdial_output:
            self.rasdial_error_lines()
        for anchor in _ANCHORS.finditer(self.text):
            at = anchor.start()
            self.lines.move_to(at)
            self.rules[self.text[at]](at)
        return _drop_repeated_footers(sorted(self.found.values()))

    def add(self, start: int, end: int, line: int, *, context: bool, footer: bool = False) -> None:
        number = _number(self.text[start:end])
        accepted = accept(number, context=context, assume_ras=self.assume_ras)
        if accepted is not None and start not in self.found:
            self.found[start] = (start, end, line, accepted[0], accepted[1], footer)

    def add_match(
        self, match: re.Match[str] | None, *, context: bool, footer: bool = False
    ) -> None:
        if match is not None:
            self.add(
                match.start(1), match.end(1), self.lines.index, context=context, footer=footer
            )

    def first_on_line(self, rule: str) -> bool:
        """True the first time a whole-line rule asks about the current line."""
        key = (rule, self.lines.start)
        if key in self.lines_done:
            return False
        self.lines_done.add(key)
        return True

    def error(self, at: int) -> None:
        """``Error 691:``, ``error code 691``, ``[WinError 691]``, rasdial's lines."""
        text = self.text
        if at >= 3 and text[at - 3 : at] == "Win":
            self.add_match(_WINERROR.match(text, at), context=self.lines.has_context())
            return
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            return  # inside a word: "terror", "RAS_ERROR"
        footer = _FOOTER_EN.match(text, at)
        if footer is not None:
            self.add_match(footer, context=True, footer=True)
        else:
            self.add_match(_GENERIC.match(text, at), context=self.lines.has_context())

    def event(self, at: int) -> None:
        """The English RasClient sentence: ``...returned on failure is 809``."""
        self.add_match(_EVENT.match(self.text, at), context=True)

    def event_line(self, at: int) -> None:
        """RasClient in any language: a ``CoId=`` line ends with its code."""
        if self.first_on_line("event"):
            self.add_match(_LAST_NUMBER.search(self.text, at, self.lines.end), context=True)

    def hresult(self, at: int) -> None:
        """An HRESULT: ``0x800702B3`` or ``-2147024205``."""
        if at and self.text[at - 1].isalnum():
            return
        match = (_HEX if self.text[at] == "0" else _SIGNED).match(self.text, at)
        if match is not None:
            self.add(at, match.end(), self.lines.index, context=self.lines.has_context())

    def rasdial_footer(self, _: int) -> None:
        """The help footer of rasdial, any language; reported at its error line if any."""
        if not self.first_on_line("footer"):
            return
        lines = self.lines
        for offset, (start, end) in enumerate(lines.next_bounds(_FOOTER_AFTER), 1):
            numbers = list(_THREE_DIGITS.finditer(self.text, start, end))
            if not numbers:
                continue
            footer = numbers[-1]
            for back, line_start in enumerate(lines.previous_starts(_ERROR_LINE_BEFORE), 1):
                error_line = _LOCAL_ERROR_LINE.match(self.text, line_start)
                if error_line is not None and error_line.group(1) == footer.group():
                    self.add(*error_line.span(1), lines.index - back, context=True)
                    return
            self.add(*footer.span(), lines.index + offset, context=True, footer=True)
            return

    def rasdial_error_lines(self) -> None:
        """In output known to be rasdial's, its error line counts in any language."""
        start = 0
        for index, line in enumerate(self.text.split("\n")):
            error_line = _LOCAL_ERROR_LINE.match(self.text, start, start + len(line))
            if error_line is not None:
                self.add(*error_line.span(1), index, context=True)
            start += len(line) + 1


def _drop_repeated_footers(raws: list[_Raw]) -> list[_Raw]:
    """A footer repeats the code of the error line just before it: keep one."""
    kept: list[_Raw] = []
    last_line: dict[ErrorCode, int] = {}
    for raw in raws:
        _, _, line, code, _, footer = raw
        if (
            footer
            and line - last_line.get(code, -_FOOTER_REPEATS_WITHIN - 1) <= _FOOTER_REPEATS_WITHIN
        ):
            continue
        last_line[code] = line
        kept.append(raw)
    return kept


if TYPE_CHECKING:
    # (start, end, line index from 0, code, evidence, is a footer)
    _Raw = tuple[int, int, int, ErrorCode, Evidence, bool]
