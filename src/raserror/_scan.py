"""Find RAS error codes in text: logs, rasdial output, event exports, pasted dialogs and posts.

A number counts only where it stands in an error shape, and only with
evidence that it is a Remote Access code: Win32 reuses most RAS numbers (740
is also ERROR_ELEVATION_REQUIRED) and SQL Server has its own 824 and 924, so
``Error 740:`` alone proves nothing. The shapes are the rows of
``_rules.RULES``, each with a real example; ``_evidence.judge`` weighs every
candidate the same way; ``_scanner`` runs them over a text and ``_stream``
over lines.
"""

from __future__ import annotations

# At run time, for typing.get_type_hints(scan_lines).
from collections.abc import Iterable, Iterator  # noqa: TC003 - get_type_hints needs them

from raserror._evidence import Evidence
from raserror._page import PIECE
from raserror._scanner import Finding, scan_text, with_lines
from raserror._stream import stream

__all__ = ["PIECE", "Evidence", "Finding", "find_codes", "scan_lines"]


def find_codes(text: str, *, assume_ras: bool = False, pasted: bool = False) -> list[Finding]:
    """Every RAS error code in ``text``, in order of position.

    A number is reported only where it stands in an error shape (rasdial's
    ``Remote Access error 691 - ...`` and its help footer, RasClient event
    text, ``Error 691: ...``, ``(Error 800)``, ``error code: 800``,
    ``Fehler 798``, ``629错误``, ``[WinError 691]``, an HRESULT such as
    ``0x800702B3``) and only with evidence: Remote Access context near it
    (rasdial, a RAS API name such as ``RasDial``, ``CoId=``, VPN and dial-up
    words), its own message or symbol beside it, a number that no other
    Windows error shares, or ``assume_ras=True``. A message quoted without
    its number is reported too, with ``"message"`` evidence, where Remote
    Access context stands near it; so is 13868's or 13843's three-word
    message standing apart (``the error "Policy match error"``, or a line
    of its own).

    ``line`` counts lines ended by a line feed, CR LF or a carriage return
    alone, as Python reads a file.

    ``pasted=True`` says the text was handed over to be explained as Remote
    Access text, as ``raserror`` reads text given on its command line: a
    message quoted anywhere in it counts, context or not (a quote of a few words
    where it stands apart, as in any text), a short message
    ("Policy match error") counts where it is the whole text, and each code is
    reported once: at the first place where the text itself speaks for it,
    else at its first place.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_codes() needs a str, not {type(text).__name__}")
    hits = scan_text(text, assume_ras=assume_ras, pasted=pasted)
    return [
        Finding(hit.code, hit.start, hit.end, line + 1, hit.evidence)
        for hit, line in with_lines(text, hits)
    ]


def scan_lines(lines: Iterable[str], *, assume_ras: bool = False) -> Iterator[Finding]:
    """Like ``find_codes``, lazily, over an iterable of lines such as an open file.

    Reads a bounded amount at a time, so a log of any size streams through,
    and a line of any length is scanned in bounded pieces. ``start`` and
    ``end`` are positions in their line; ``line`` counts the items of
    ``lines`` from 1, except that an item of at least 65,536 characters
    without a line break at its end is taken as cut from a longer line,
    which the next item continues. Raises ``TypeError`` for an item that is
    not a str.
    """
    if isinstance(lines, (str, bytes)):
        raise TypeError(
            f"scan_lines() needs an iterable of lines, not one {type(lines).__name__}: "
            'use find_codes() for a text, or pass io.StringIO(text, newline="")'
        )
    return stream(lines, assume_ras=assume_ras)
