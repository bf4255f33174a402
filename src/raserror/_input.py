"""Text from a file or standard input, as logs and exports come: any Unicode encoding.

Windows tools write UTF-16 (PowerShell), UTF-8 with or without a mark, and
sometimes UTF-32; the first bytes tell which. Standard input stays open for
the caller, and bytes that do not decode are replaced, never fatal.
"""

from __future__ import annotations

import io
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import IO, Any

# How much of the start of a file tells its encoding.
SNIFFED = 4096
# The first bytes of a binary .evtx event log, which holds no text to read.
EVTX_MAGIC = b"ElfFile\x00"
# What to do with one instead; FILE stands for its name.
EVTX_HELP = (
    "a binary .evtx event log; export it as XML or text first, for example "
    "`wevtutil qe FILE /lf:true /f:xml > events.xml` or "
    "`Get-WinEvent -Path FILE | Format-List > events.txt`"
)


class BinaryEventLog(OSError):
    """A binary .evtx log, which only Windows renders: the message says how to export it."""


class open_text:  # noqa: N801 - used as a function, like open()
    """A file or standard input as text: its encoding sniffed, bad bytes replaced, newlines kept.

    ``command`` names the command in the hint shown when standard input is a
    terminal. Raises ``OSError`` for what cannot be read, and its subclass
    ``BinaryEventLog`` for a binary .evtx log, which holds no text.
    """

    def __init__(
        self,
        name: str,
        command: str,
        *,
        hint: Callable[[str], None] | None = None,
    ) -> None:
        self.name = name
        self.command = command
        self.hint = hint
        self.binary: IO[bytes] | None = None
        self.text: io.TextIOWrapper | None = None
        self.wrapper: io.BufferedReader[Any] | None = None  # a reader we put around standard input

    def __enter__(self) -> io.TextIOWrapper:
        if "\0" in self.name:  # open() would raise ValueError; no file has such a name
            raise OSError(0, "a file name cannot hold a NUL character")
        if self.name != "-":
            binary: IO[bytes] = open(self.name, "rb")  # noqa: PTH123 - closed in __exit__
            self.binary = binary
        elif sys.stdin is None or not hasattr(sys.stdin, "buffer"):
            raise OSError(0, "no standard input")
        else:
            binary = sys.stdin.buffer
            if sys.stdin.isatty() and self.hint is not None:  # a person may not know it waits
                self.hint(
                    f"{self.command}: reading standard input; "
                    "end it with Ctrl-D (Ctrl-Z, Enter on Windows)"
                )
        # peek() needs a buffered reader; test doubles and odd stdins may be raw.
        if isinstance(binary, io.BufferedReader):
            buffered = binary
        else:
            buffered = self.wrapper = io.BufferedReader(binary)
        head = buffered.peek(SNIFFED)[:SNIFFED]
        if head.startswith(EVTX_MAGIC):
            self.__exit__()
            where = "LOG.evtx" if self.name == "-" else self.name
            raise BinaryEventLog(0, EVTX_HELP.replace("FILE", where))
        self.text = io.TextIOWrapper(
            buffered, encoding=sniff_encoding(head), errors="replace", newline=""
        )
        return self.text

    def __exit__(self, *exc_info: object) -> None:
        if self.name == "-":
            if self.text is not None:
                self.text.detach()  # leave standard input open for the caller
            if self.wrapper is not None:  # once collected, it would close standard input
                self.wrapper.detach()
        elif self.text is not None:
            self.text.close()
        elif self.binary is not None:
            self.binary.close()


# UTF-32's marks first: FF FE also starts UTF-16's. The codecs read the mark's byte order.
_BYTE_ORDER_MARKS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)


def sniff_encoding(head: bytes) -> str:
    """The encoding of a file that starts with ``head``: UTF-8 unless it shows another.

    A byte-order mark says; without one, UTF-16 and UTF-32 show by where their NUL
    bytes fall. Any other encoding reads as UTF-8: the digits and structure survive.
    """
    for mark, encoding in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return encoding
    head = head[: len(head) // 4 * 4]
    if not head:
        return "utf-8"
    # How often each byte of a 4-byte group is NUL.
    nul = [head[offset::4].count(0) / (len(head) // 4) for offset in range(4)]
    odd, even = (nul[1] + nul[3]) / 2, (nul[0] + nul[2]) / 2
    shapes = (
        # A UTF-32 character's high byte is always NUL, the next one mostly.
        (nul[3] == 1 and nul[2] >= 0.5 and nul[0] < 0.5, "utf-32-le"),
        (nul[0] == 1 and nul[1] >= 0.5 and nul[3] < 0.5, "utf-32-be"),
        # ASCII in UTF-16 is a letter and a NUL; other scripts have NULs only among ASCII (a
        # Chinese text's digits and line breaks: a few in a hundred, all through it), and a few
        # of their own ("一" is U+4E00). Text in any 8-bit encoding has none, or a run of them
        # where a tool appended a line in UTF-16 (PowerShell 5's ">>" to a log).
        (odd >= 0.02 and even <= odd / 3 and _throughout(head, 1), "utf-16-le"),
        (even >= 0.02 and odd <= even / 3 and _throughout(head, 0), "utf-16-be"),
    )
    return next((encoding for shown, encoding in shapes if shown), "utf-8")


# The parts of a head that must each hold a NUL byte for it to be read as UTF-16 throughout, and
# the shortest head so divided (a short title of Chinese words has one number, in one part).
_HEAD_PARTS = 4
_PARTED_HEAD = 1024


def _throughout(head: bytes, parity: int) -> bool:
    """Whether NUL bytes at ``parity`` stand in every part of ``head``, or in all but one."""
    if len(head) < _PARTED_HEAD:
        return True
    size = len(head) // _HEAD_PARTS // 2 * 2
    parts = [head[at + parity : at + size : 2] for at in range(0, size * _HEAD_PARTS, size)]
    return sum(0 in part for part in parts) >= _HEAD_PARTS - 1


class ReadError(Exception):
    """Reading the input failed (the cause says why); writing the output is another matter."""


class ReportedReads:
    """A text stream whose failures on reading are ``ReadError``.

    The commands tell these from failures to write their output, which end the command.
    """

    def __init__(self, text: IO[str]) -> None:
        self.text = text

    def read(self, size: int = -1) -> str:
        try:
            return self.text.read(size)
        except OSError as error:
            raise ReadError from error

    def readline(self, size: int = -1) -> str:
        try:
            return self.text.readline(size)
        except OSError as error:
            raise ReadError from error
