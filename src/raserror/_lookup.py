"""Find an ``ErrorCode`` from the forms in which codes reach a program."""

import sys

from raserror._codes import BY_NUMBER, RANGES, ErrorCode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar, Union, overload

    _T = TypeVar("_T")
    # Union, not `int | str`: mypy checking for Python 3.9 cannot read the operator here.
    _Code = Union[int, str]
else:
    # What typing.get_type_hints() reports; 3.9 cannot evaluate `int | str`, so any object.
    _Code = int | str if sys.version_info >= (3, 10) else object

# The hot path of lookup() and get(): one dict probe, ~6x cheaper than ErrorCode(n).
_number_get = BY_NUMBER.get
# Symbols and member names, upper-case: built on the first lookup by name, to keep
# import cheap. The generator guarantees that no symbol is another code's name.
_by_name: "dict[str, ErrorCode] | None" = None
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
# Stands for any number too large to be a code: no member has it.
_NOT_A_CODE = 2**64


def _runs(runs: "tuple[tuple[int, int], ...]") -> str:
    """``600-878, 900-946, 948-956``."""
    return ", ".join(f"{low}-{high}" for low, high in runs)


# RAS codes end below 1000, the IPsec block of winerror.h starts at 13000.
_RANGES_TEXT = (
    f"RAS {_runs(tuple(run for run in RANGES if run[1] < 1000))}; "
    f"IPsec {_runs(tuple(run for run in RANGES if run[0] >= 1000))}; "
    "certificate and EAP HRESULTs such as 0x800B0101"
)


class UnknownErrorCode(LookupError):
    """A well-formed code that is not a Windows Remote Access error code.

    ``code`` is the value that was given, unchanged.
    """

    def __init__(self, code: "_Code") -> None:
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return _not_a_code(self.code)

    def __repr__(self) -> str:
        # LookupError's repr() calls repr(code), which refuses ints past 4300 digits.
        code = self.code
        if isinstance(code, int) and code.bit_length() > 64:
            return f"UnknownErrorCode(<a {code.bit_length()}-bit integer>)"
        return f"UnknownErrorCode({safe_repr(code)})"


def _not_a_code(code: "int | str") -> str:
    if isinstance(code, str):
        # A number written as text is shown as written; anything else quoted.
        shown = code.strip() if parse_number(code.strip()) is not None else repr(code)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
    elif -(2**31) <= code < 0 or 0xFFFF < code < 2**32:
        shown = f"{code} (0x{code & 0xFFFF_FFFF:08X})"  # HRESULT-sized: show it as one
    elif code.bit_length() > 64:
        shown = f"a {code.bit_length()}-bit integer"  # str() of a huge int may refuse
    else:
        shown = str(code)
    return (
        f"{shown} is not a Remote Access error code ({_RANGES_TEXT}; "
        "give a number, a symbol such as ERROR_VPN_TIMEOUT, RASBASE+91 or an HRESULT)"
    )


def parse_number(text: str) -> "int | None":
    """A decimal or 0x-hexadecimal integer written in ASCII, or 8 hex digits with a letter.

    None when ``text`` is no number. Shared by every reader of codes written as text.
    """
    if text[:2] in ("0x", "0X"):
        digits = text[2:]
        return int(digits, 16) if digits and _HEX_DIGITS.issuperset(digits) else None
    digits = text[1:] if text[:1] in ("+", "-") else text
    if len(text) == 8 and not digits.isdigit() and _HEX_DIGITS.issuperset(text):
        return int(text, 16)  # an HRESULT's 8 hex digits without 0x, as dialogs show "8007026f"
    if not (digits.isdigit() and digits.isascii()):
        return None
    # Far too long for a code; int() would also refuse past sys.get_int_max_str_digits().
    return int(text) if len(digits) <= 20 else _NOT_A_CODE


def from_int(number: int) -> "ErrorCode | None":
    """The member a code or a FACILITY_WIN32 HRESULT (unsigned or signed) names."""
    return _number_get(number)


def by_symbol() -> dict[str, ErrorCode]:
    """Every member by its symbol and by its enum name."""
    global _by_name  # noqa: PLW0603 - a cache, rebound once as a whole
    if _by_name is None:
        names = {member.symbol: member for member in ErrorCode}
        names.update(ErrorCode.__members__)
        _by_name = names
    return _by_name


# raserror.h's and mprerror.h's bases, and their last codes: each header defines its codes as
# its base and an offset, RASBASE+0 to RASBASE+278.
CODE_BASES = {"RASBASE": (600, 878), "ROUTEBASE": (900, 956)}
# Spaces a copied page holds (no-break, narrow no-break) and a byte-order mark left at a file's
# or a part's start: each read as a space, so that words around them read as anywhere else.
AS_SPACES = ("\u00a0", "\u202f", "\ufeff")


def based_number(text: str) -> "int | None":
    """The number ``text`` writes as a header's base and an offset (``"RASBASE+91"`` is 691).

    None past the header's last code: ``RASBASE+300`` is no code of raserror.h.
    """
    if "+" not in text:
        return None  # a symbol, as most strings looked up are: not read further
    for space in AS_SPACES:
        text = text.replace(space, " ")
    base, plus, offset = text.upper().partition("+")
    bounds = CODE_BASES.get(base.strip())
    offset = offset.strip()
    if (
        bounds is None
        or not plus
        or not (offset.isdigit() and offset.isascii())
        or len(offset) > 3
    ):
        return None
    number = bounds[0] + int(offset)
    return number if number <= bounds[1] else None


def _resolve(code: object) -> "ErrorCode | None":
    """The member ``code`` names, None if none; TypeError for unsupported types."""
    if isinstance(code, str):
        text = code.strip()
        number = parse_number(text)
        if number is None:
            number = based_number(text)
        if number is None:
            return by_symbol().get(text.upper()) if text.isascii() else None
        return from_int(number)
    if isinstance(code, int) and not isinstance(code, bool):
        return from_int(code)
    raise TypeError(
        f"a RAS error code must be an int or a str, not {type(code).__name__}: {safe_repr(code)}"
    )


def safe_repr(value: object) -> str:
    """``repr(value)`` cut to 80 characters, for error messages; never raises."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - any repr() failure: describe the type instead
        return f"<{type(value).__name__} object>"
    return text if len(text) <= 80 else text[:77] + "..."


def lookup(code: "_Code") -> ErrorCode:
    """The ``ErrorCode`` that ``code`` names.

    ``code`` may be an int (``691``), an ``ErrorCode``, a decimal string
    (``"691"``), a symbol (``"ERROR_AUTHENTICATION_FAILURE"``) or member name
    (``"authentication_failure"``, any case), the header's base and an offset
    (``"RASBASE+91"``), or a FACILITY_WIN32 HRESULT as an
    int (``0x800702B3``, ``-2147024205``) or a hex string (``"0x800702B3"``).

    Raises ``UnknownErrorCode`` (a ``LookupError``) when it names no RAS code,
    and ``TypeError`` for anything but an int or a str (bool included).
    """
    if type(code) is int:
        member = _number_get(code)
        if member is not None:
            return member
    member = _resolve(code)
    if member is None:
        raise UnknownErrorCode(code)
    return member


if TYPE_CHECKING:  # the precise types; the run-time signature below is what 3.9 can evaluate

    @overload
    def get(code: "_Code", default: None = None) -> "ErrorCode | None": ...
    @overload
    def get(code: "_Code", default: "_T") -> "ErrorCode | _T": ...


def get(code: "_Code", default: object = None) -> object:
    """Like ``lookup``, but returns ``default`` for a code that names no RAS error.

    Unsupported types still raise ``TypeError``: they are bugs, not unknown codes.
    """
    if type(code) is int:
        return _number_get(code, default)
    member = _resolve(code)
    return default if member is None else member


def describe(code: "_Code") -> str:
    """One line for a person: number, symbol, category and what current Windows says.

    A well-formed value that names no RAS code gives a line that says so,
    as ``os.strerror`` does; unsupported types raise ``TypeError``.
    """
    member = _resolve(code)
    return _not_a_code(code) if member is None else line_for(member)


def number_text(member: ErrorCode) -> str:
    """The code as people write it: ``691``, ``13801``, or an HRESULT's ``0x800B0101``."""
    value = member._value_
    return str(value) if value <= 0xFFFF else f"0x{value:08X}"


def line_for(member: ErrorCode, details: str = "") -> str:
    """``691 ERROR_X (category<details>): message``: describe()'s line, and the CLI's.

    The message is today's Windows wording, as the command's block leads with.
    """
    return (
        f"{number_text(member)} {member.symbol} ({member.category._value_}{details}): "
        f"{member.windows_message}"
    )


# Lower-case text per member, built on the first search so that import stays cheap.
_haystacks: "list[tuple[ErrorCode, str, str, frozenset[str]]] | None" = None


def _search_index() -> list[tuple[ErrorCode, str, str, frozenset[str]]]:
    global _haystacks  # noqa: PLW0603 - a cache, rebound once as a whole
    if _haystacks is None:
        index = []
        for member in ErrorCode:
            symbol = member.symbol.lower().replace("_", " ")
            text = f"{member.message} {member.windows_message}".lower()
            words = frozenset("".join(c if c.isalnum() else " " for c in text).split())
            index.append((member, symbol, f"{symbol} {text}", words))
        _haystacks = index
    return _haystacks


def search(query: str) -> list[ErrorCode]:
    """Every code whose symbol or messages contain all the words of ``query``.

    Case-insensitive; a word matches inside longer words (``cert`` finds
    ``certificate``). Best matches first: words found in the symbol, then
    words found whole in the messages, then numeric order. Raises
    ``ValueError`` for a query with no words and ``TypeError`` for a non-str.
    """
    if not isinstance(query, str):
        raise TypeError(f"a search query must be a str, not {type(query).__name__}")
    # A word holds a letter or a digit: "." or "-" alone would match nearly every message.
    words = [word for word in query.lower().replace("_", " ").split() if _has_alnum(word)]
    if not words:
        raise ValueError("a search query needs at least one word")
    scored = []
    for member, symbol, haystack, whole in _search_index():
        if all(word in haystack for word in words):
            in_symbol = sum(word in symbol for word in words)
            whole_words = sum(word in whole for word in words)
            scored.append((-in_symbol, -whole_words, member._value_, member))
    scored.sort()
    return [member for *_, member in scored]


def _has_alnum(word: str) -> bool:
    return any(char.isalnum() for char in word)
