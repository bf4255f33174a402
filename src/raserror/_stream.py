"""``scan_lines``: the scanner over lines of any number and any length, in bounded chunks."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from raserror._nearby import CONTEXT_CHARS, CONTEXT_LINES
from raserror._page import PIECE
from raserror._rules import RECORD_CHARS, TABLE_ROWS
from raserror._scanner import FOOTER_REACH, Finding, scan_text
from raserror._switches import SUBJECT_CHARS, SUBJECT_LINES, SWITCH_CHARS, SWITCH_LINES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

# scan_lines scans this much at a time...
CHUNK_CHARS = 1 << 20
CHUNK_LINES = 8192
# ...and scans the last lines of a chunk again with the next, so that a block cut by a
# chunk boundary is still seen whole. The last lines wait for the next chunk to report
# them: at least _HELD lines and _HELD_CHARS characters, since a quote is dropped where its
# code's number stands up to CONTEXT_CHARS after it, and that number needs its own context.
# A switch's first arm counts by what the program says of its subject below its last one.
_HELD = max(CONTEXT_LINES, SWITCH_LINES + SUBJECT_LINES) + 2
_HELD_CHARS = max(2 * CONTEXT_CHARS, SWITCH_CHARS + SUBJECT_CHARS)
# Before the held lines, what their findings may depend on: context, a table's header with
# the rows under it, a switch's head and what stands above it; this many lines, and past
# this many characters at most one more.
_BEFORE_HELD = max(TABLE_ROWS + CONTEXT_LINES, SWITCH_LINES + SUBJECT_LINES) + 2
# and at least this many characters (short lines too): a footer or a record repeats a code
# found this far above it, and is dropped only where that finding is read again.
_BEFORE_HELD_CHARS = max(FOOTER_REACH, RECORD_CHARS)
_CARRIED_CHARS = 1 << 16


def stream(lines: Iterable[str], *, assume_ras: bool) -> Iterator[Finding]:
    """The findings of ``scan_lines``: see its documentation in ``raserror._scan``."""
    chunk: list[tuple[str, int, int]] = []  # (piece, line number, column of its start)
    size, line, column = 0, 1, 0
    reported = 0  # leading pieces of the chunk whose findings were already yielded
    # The pieces and characters read again from the last chunk: a chunk is scanned when it
    # has this much more, so each scan reads a chunk's worth of new text (blank lines too).
    kept = kept_size = 0
    append = chunk.append
    after_cr = False  # the last piece ended its line with a carriage return
    for read in lines:
        if not isinstance(read, str):
            raise TypeError(f"scan_lines() needs lines of str, not {type(read).__name__}")
        # A line feed cut from its carriage return ("readline(65536)" stops between them): one
        # line break, not an empty line after it.
        cut = after_cr and read[:1] == "\n"
        item = read[1:] if cut else read
        if cut and not item:
            after_cr = False
            continue
        after_cr = item[-1:] == "\r"
        length = len(item)
        if length < PIECE and not column:
            # The common line: one piece, the start of its line, most often ending in "\n".
            append((item if item[-1:] == "\n" else _line_ended(item), line, 0))
            size += length
            line += 1
        else:
            line, column, size = _add_pieces(chunk, item, line, column, size)
        if size - kept_size < CHUNK_CHARS and len(chunk) - kept < CHUNK_LINES:
            continue
        held, carried = _held_and_carried(chunk)
        yield from _report(chunk, reported, len(chunk) - held, assume_ras=assume_ras)
        reported = carried - held
        chunk = chunk[len(chunk) - carried :]
        append = chunk.append
        size = kept_size = sum(len(piece) for piece, _, _ in chunk)
        kept = carried
    yield from _report(chunk, reported, len(chunk), assume_ras=assume_ras)


def _add_pieces(
    chunk: list[tuple[str, int, int]], item: str, line: int, column: int, size: int
) -> tuple[int, int, int]:
    """Add a line cut into pieces, or a piece of a longer line; the new (line, column, size)."""
    continued = len(item) >= PIECE and not item.endswith(("\n", "\r"))
    for offset in range(0, max(len(item), 1), PIECE):
        piece = item[offset : offset + PIECE]
        tail = offset + PIECE < len(item) or continued
        chunk.append((piece if tail else _line_ended(piece), line, column))
        column = column + len(piece) if tail else 0
        size += len(piece)
    return (line if continued else line + 1), column, size


def _held_and_carried(chunk: list[tuple[str, int, int]]) -> tuple[int, int]:
    """How many of the chunk's last pieces wait for the next chunk, and how many it reads again.

    What is held has at least one piece before it to read; both stay within
    _CARRIED_CHARS characters past the first piece or two, however long the lines.
    """
    held = size = 0
    for piece, _, _ in reversed(chunk[1:]):
        if (held >= _HELD and size >= _HELD_CHARS) or (held >= 1 and size > _CARRIED_CHARS):
            break
        held += 1
        size += len(piece)
    before = size = 0
    for piece, _, _ in reversed(chunk[: len(chunk) - held]):
        if (before >= _BEFORE_HELD and size >= _BEFORE_HELD_CHARS) or (
            before >= 1 and size > _CARRIED_CHARS
        ):
            break
        before += 1
        size += len(piece)
    return held, held + before


def _report(
    chunk: list[tuple[str, int, int]], start: int, stop: int, *, assume_ras: bool
) -> Iterator[Finding]:
    """The findings on chunk[start:stop], positioned in their own line."""
    pieces = [piece for piece, _, _ in chunk]
    offsets = [0, *accumulate(map(len, pieces))][:-1]  # where each piece starts, summed in C
    text = "".join(pieces)
    for hit in scan_text(text, assume_ras=assume_ras):
        index = bisect_right(offsets, hit.start) - 1
        if start <= index < stop:
            _, line, column = chunk[index]
            begin = hit.start - offsets[index] + column
            yield Finding(hit.code, begin, begin + hit.end - hit.start, line, hit.evidence)


def _line_ended(line: str) -> str:
    """``line`` ending in a line feed, as ``find_codes`` reads it: a carriage return there is one."""
    if line.endswith("\n"):
        return line
    return line[:-1] + "\n" if line.endswith("\r") else line + "\n"
