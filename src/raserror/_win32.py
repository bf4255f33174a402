"""Windows system error codes (winerror.h, 0-15999): what a number means outside Remote Access.

RAS shares many numbers with them (691, 740, 809 mean other things to ``FormatMessage``),
so this table is kept apart from ``ErrorCode`` and is loaded only when asked.
"""

import sys
from typing import NamedTuple, Optional

from raserror._lookup import parse_number, safe_repr
from raserror._win32_codes import ALIASES, CODES, MESSAGES, SYMBOLS

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Union

    _Code = Union[int, str]  # spelled so that mypy resolves it on Python 3.9 too
else:
    # What typing.get_type_hints() reports; 3.9 cannot evaluate `int | str`, so any object.
    _Code = int | str if sys.version_info >= (3, 10) else object

# HRESULT_FROM_WIN32: the failure bit and FACILITY_WIN32 (7) above a 16-bit code.
_FACILITY_WIN32 = 0x8007_0000
_INDEX_BY_CODE = {code: index for index, code in enumerate(CODES)}
# Symbols and aliases, upper-case: winerror.h spells a few with lower case (..._64k).
_INDEX_BY_NAME = {symbol.upper(): index for index, symbol in enumerate(SYMBOLS)}
_INDEX_BY_NAME.update((alias.upper(), _INDEX_BY_CODE[code]) for alias, code in ALIASES.items())


class Win32Error(NamedTuple):
    """A Windows system error code of winerror.h, with the header's symbol and message."""

    code: int
    symbol: str
    message: str

    @property
    def hresult(self) -> int:
        """``HRESULT_FROM_WIN32(code)``, unsigned: ``0x80070000 | code``, and 0 for code 0."""
        return _FACILITY_WIN32 | self.code if self.code else 0


# A message shorter than this ("Incorrect function.") proves nothing by standing in a text.
_SHORTEST_SPELLED = 16


def spelled_out(windows: Win32Error, folded: str) -> bool:
    """Whether a text names the Windows error ``windows``: its symbol or its message.

    ``folded``: the text, casefolded, each run of whitespace one space (a message may wrap).
    """
    message = windows.message.rstrip(".").casefold()
    return windows.symbol.casefold() in folded or (
        len(message) >= _SHORTEST_SPELLED and message in folded
    )


def _from_int(number: int) -> "Win32Error | None":
    if -(2**31) <= number < 0:
        number += 2**32  # an HRESULT read as a signed 32-bit int
    if _FACILITY_WIN32 < number <= _FACILITY_WIN32 | 0xFFFF:
        number &= 0xFFFF  # HRESULT_FROM_WIN32 leaves 0 as 0: 0x80070000 is no success
    index = _INDEX_BY_CODE.get(number)
    return None if index is None else _record(index)


def _record(index: int) -> Win32Error:
    return Win32Error(CODES[index], SYMBOLS[index], MESSAGES[index])


def win32_error(code: "_Code") -> Optional[Win32Error]:  # noqa: FA100 - get_type_hints() evaluates it on 3.9
    """The Windows system error code that ``code`` names, or None if winerror.h has none.

    ``code`` may be an int (``87``), the HRESULT_FROM_WIN32 form of one, unsigned
    (``0x80070057``) or as a signed 32-bit int (``-2147024809``), or a str: a decimal
    or ``0x``-hexadecimal number, an HRESULT's 8 hex digits (``"80070057"``), or a
    symbol or alias such as ``"ERROR_INVALID_PARAMETER"`` (any case).

    Raises ``TypeError`` for anything but an int or a str (bool included).
    """
    value: object = code  # callers without type checking pass anything: check it all
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 8 and text[:4] == "8007" and text.isdigit():
            return _from_int(int(text, 16))  # an HRESULT written without 0x, all digits
        number = parse_number(text)
        if number is not None:
            return _from_int(number)
        index = _INDEX_BY_NAME.get(text.upper()) if text.isascii() else None
        return None if index is None else _record(index)
    if isinstance(value, int) and not isinstance(value, bool):
        return _from_int(value)
    raise TypeError(
        "a Windows error code must be an int or a str, "
        f"not {type(code).__name__}: {safe_repr(code)}"
    )
