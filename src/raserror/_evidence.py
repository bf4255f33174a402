"""Why a number counts as a Remote Access code: the kinds of evidence, and the one judge.

Rules propose candidates, each with the kind of shape it was found in; the
judge weighs a candidate against what stands near it. Every finding's
evidence is decided here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal, Protocol

from raserror._codes import ErrorCode  # noqa: TC001 - at run time for get_type_hints()

# What a finding's ``evidence`` says, as the library, the command and JSON output write it.
Evidence = Literal["context", "message", "unambiguous", "assumed"]

# Each kind of evidence in one line, for a person reading the command's output.
EXPLANATIONS: dict[Evidence, str] = {
    "context": "the text says it came from Remote Access",
    "message": "its own message or symbol stands beside it",
    "unambiguous": "no other Windows error has this number (another program's code may)",
    "assumed": "taken as a Remote Access code because of --assume-ras",
}


class Shape(Enum):
    """What kind of shape a rule found a number in: it decides what the judge asks."""

    # An error word and a number ("Error 691:"): the number needs evidence from around it.
    ERROR_WORD = "error word"
    # A shape only Remote Access writes (rasdial's lines, RasClient's sentence): it is context.
    RAS_SHAPE = "Remote Access shape"
    # The code's own words: its symbol beside its number, or its message quoted.
    OWN_WORDS = "own words"
    # A number alone or leading its line (Microsoft's lists): it counts with its message only.
    LISTED = "listed number"
    # A number in a table's column headed "Error Code": as after an error word, except that a
    # number no other Windows error has proves nothing, code tables of other systems being many.
    COLUMN = "error code column"
    # Numbers joined by commas alone after an error word ("错误代码629,619"): as after an error
    # word, except that a number no other Windows error has proves nothing: "651,853" may be one.
    COMMA_JOINED = "numbers joined by commas"
    # A number an exit status is compared with ("%errorlevel% == 691"), where rasdial or RasDial
    # returned that status: not an unambiguous number nor being asked makes any other one a code.
    EXIT_STATUS = "exit status compared"
    # A number right after a Chinese verb ("我一直809"): as after an error word, except that being
    # told makes it no code: a verb names no error, and apps' own statuses follow it as often.
    AFTER_VERB = "number after a verb"
    # A number where Windows puts its own error codes (an exception's winerror): a number no
    # other Windows error has is Remote Access's there, three digits or more.
    WINDOWS_SLOT = "Windows error slot"


# The shapes where a number no other Windows error has may speak for itself, if written as
# Windows writes its errors: written plainly it proves nothing, other programs' codes being many,
# of three digits (VK's API error 901, eBay's 931, a copier's SC 820) and of five (iTunes' error
# 13010, Couchbase's query error 13014, Twilio's 13803, a Spring Boot log's process id 13888).
_NUMBER_ALONE = frozenset((Shape.ERROR_WORD, Shape.WINDOWS_SLOT))
# The facilities of certificates and security packages (CERT_E_, TRUST_E_, CRYPT_E_, SEC_E_):
# programs report them as Windows wrote them. Not EAP's 0x8042: the PSP's sound library numbers
# its own errors there (ERROR_SAS_NOT_INIT = 0x80420100).
_CERTIFICATE_FACILITIES = frozenset((0x09, 0x0B))


def _certificates(code: ErrorCode) -> bool:
    """Whether ``code`` is an HRESULT of certificates or security packages."""
    return code > 0xFFFF and (code >> 16) & 0x7FF in _CERTIFICATE_FACILITIES


# The shapes that being told the text is Remote Access's does not make a code: a status a dialer
# did not return, a number after a verb (XX-Net's "X-tunnel 一直602", its own status).
_NOT_TOLD = frozenset((Shape.EXIT_STATUS, Shape.AFTER_VERB))


@dataclass
class Candidate:
    """A number or a quote a rule proposes as ``code``, at ``start:end`` of the text."""

    start: int
    end: int
    code: ErrorCode
    shape: Shape
    # rasdial's help footer repeats the code of the error line above it.
    footer: bool = False
    # The CoId of the dial attempt a RasClient sentence reports: one failure, told once.
    attempt: str | None = None
    # The codes of the list it was written in ("VPN Errors 812, 732 and 734"): a message of one
    # of them after the list speaks for the list, not against its other numbers.
    listed_with: frozenset[ErrorCode] = frozenset()
    # Where its error word ends when a line break stands between ("... the VPN error" / "824"):
    # that line is the number's line too.
    wrapped_from: int | None = None
    # Refused for want of context, then found in a list of dial-up and VPN errors, or a code
    # apart from a counted item next to it in a list of codes one to a line: judged again.
    vouched: bool = False
    # A program's or a protocol's own number: read after a word for a code alone ("AVP Code:
    # 701", 'code="648"'), or passed first to an error call with more arguments ("Report.Error
    # (720, m.Location, ...)"); no list of such numbers says they are Remote Access's errors.
    program_number: bool = False


class Surroundings(Protocol):
    """What stands near a candidate, each asked only when the verdict still depends on it."""

    def own_message(self) -> bool:
        """Its own message stands beside it."""

    def other_message(self) -> bool:
        """Another code's message stands beside it."""

    def other_symbol(self) -> bool:
        """Another code's symbol, or a program's name of an error, stands beside it; its own does not."""

    def windows_meaning(self) -> bool:
        """Its meaning in Windows outside Remote Access is spelled out beside it."""

    def described_otherwise(self) -> bool:
        """A record's description field under it gives a meaning that is not its message."""

    def context(self) -> bool:
        """Remote Access context stands within reach."""

    def listed_below(self) -> bool:
        """A code counted on its own evidence stands just above it: it goes on that code's list.

        Asked of a number after an error word only.
        """

    def vouched(self) -> bool:
        """Two other codes of the dial-up and VPN kinds, each after an error word, stand within reach.

        Asked of a number after an error word only, once every number near it has been seen.
        """

    def line_only(self) -> bool:
        """Only a dial-up or broadband line is spoken of within reach, where its code never arises."""

    def foreign_on_line(self) -> bool:
        """Its line names another system (SQL Server, an installer)."""

    def foreign_near(self) -> bool:
        """Another system is named within reach, or a weak mark of one (UPnP, a web API's status) on its line."""

    def written_as_windows(self) -> bool:
        """It is written as only Windows writes its errors: an HRESULT, or after "WinError"."""


def judge(  # noqa: C901, PLR0911 - one verdict per rung of a ladder read top to bottom
    code: ErrorCode, shape: Shape, near: Surroundings, *, assume_ras: bool
) -> Evidence | None:
    """The evidence that a candidate is ``code``, or None when there is not enough."""
    if shape is Shape.RAS_SHAPE:
        return "context"
    if shape is Shape.OWN_WORDS:
        return "message"
    if shape is Shape.LISTED:
        if near.own_message():
            return "message"
        # An item of a list of codes beside an item that counts by its own message, where
        # nothing near names another system.
        vouched = near.vouched() and not near.foreign_near()
        return "context" if vouched and not _said_otherwise(near) else None
    # The rule proposes a status compared only where a dialer returned it: that is its context;
    # another system named on its line outweighs it (asked only where there is context to outweigh).
    if (shape is Shape.EXIT_STATUS or near.context()) and not near.foreign_on_line():
        # In context only another code's message beside it says no, or the Windows error of the
        # same number spelled out ("error=740, The requested operation requires elevation"),
        # unless its own message is there too (asked first: where it says yes the rest is moot).
        if near.own_message():
            return "context"
        return None if _said_otherwise(near) else "context"
    if near.own_message():
        return "message"
    verdict: Evidence | None = None
    if (
        code.win32_symbol is None
        and shape in _NUMBER_ALONE
        and (shape is Shape.WINDOWS_SLOT or near.written_as_windows())
        # A certificate's HRESULT means one thing whoever reports it: App Installer's CERT_E_EXPIRED.
        and (_certificates(code) or not near.foreign_near())
        and not near.line_only()  # a router's PPPoE page: "エラー 851(PADIタイムアウト)"
    ):
        verdict = "unambiguous"
    elif assume_ras and shape not in _NOT_TOLD and not near.foreign_near():
        verdict = "assumed"  # told it is RAS, but not against another system named close by
    elif shape is Shape.ERROR_WORD and near.listed_below() and not near.foreign_on_line():
        verdict = (
            "context"  # "* error 13806->" under "* error 13801-> ...": as that code's context
        )
    elif shape is Shape.ERROR_WORD and near.vouched() and not near.foreign_near():
        verdict = "context"  # "Ошибка 651", "Ошибка 691", "Ошибка 720": a list of dial-up errors
    # The costly look for another code's message, only when it could still say no.
    if verdict is None or _said_otherwise(near):
        return None  # nothing speaks for it, or the text beside it is another error's message
    return verdict


def _said_otherwise(near: Surroundings) -> bool:
    """Whether the text beside a number says it means something else, the costly look last."""
    return (
        near.windows_meaning()
        or near.described_otherwise()
        or near.other_symbol()
        or near.other_message()
    )


class Told:
    """Surroundings a caller states outright: context or not, nothing else known."""

    def __init__(self, *, context: bool) -> None:
        self._context = context

    def own_message(self) -> bool:
        return False

    def other_message(self) -> bool:
        return False

    def other_symbol(self) -> bool:
        return False

    def windows_meaning(self) -> bool:
        return False

    def described_otherwise(self) -> bool:
        return False

    def context(self) -> bool:
        return self._context

    def listed_below(self) -> bool:
        return False

    def vouched(self) -> bool:
        return False

    def line_only(self) -> bool:
        return False

    def foreign_on_line(self) -> bool:
        return False

    def foreign_near(self) -> bool:
        return False

    def written_as_windows(self) -> bool:
        return False


def accept(number: int, *, context: bool, assume_ras: bool) -> ErrorCode | None:
    """The code ``number`` names, if it counts as one with context or without, as told."""
    from raserror._lookup import from_int

    code = from_int(number)
    if code is None:
        return None
    evidence = judge(code, Shape.WINDOWS_SLOT, Told(context=context), assume_ras=assume_ras)
    return None if evidence is None else code
