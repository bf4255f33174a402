"""Generate the code tables of the package from ``data/``.

``src/raserror/_codes.py`` comes from ``data/ras_errors.csv`` and ``data/hints.csv``;
``src/raserror/_win32_codes.py`` from ``data/winerror.csv``, which sits beside them.

Run from the repository root after editing either table::

    python -m raserror._generate          # rewrite the module if the table changed
    python -m raserror._generate --check  # exit 1 if the committed module is stale
    python src/raserror/_generate.py      # the same, when the package cannot import

Standard library only, and nothing from the package: it must run even when
the module it writes is broken. The table is validated first; a bad row is
refused with a message that names its line.
"""

from __future__ import annotations

import argparse
import csv
import keyword
import sys
from dataclasses import dataclass
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

DATA_PATH = Path("data", "ras_errors.csv")
HINTS_PATH = Path("data", "hints.csv")
OUTPUT_PATH = Path("src", "raserror", "_codes.py")
# The Windows system error table and its module sit beside the RAS ones.
WIN32_DATA_NAME = "winerror.csv"
WIN32_OUTPUT_NAME = "_win32_codes.py"
WIN32_DATA_PATH = Path("data", WIN32_DATA_NAME)
WIN32_COLUMNS = ("code", "symbol", "aliases", "message")
# winerror.h numbers its Win32 system error codes below this; HRESULTs follow in the header.
WIN32_CODES_END = 16000
COMMAND = "python -m raserror._generate"
COLUMNS = (
    "code",
    "symbol",
    "category",
    "transient",
    "obsolete",
    "message",
    "windows_message",
    "win32_symbol",
    "stage",
    "header",
    "source",
    "note",
)
# Where each header's codes may lie: RASBASE..RASBASEEND, ROUTEBASE..ROUTEBASEEND,
# winerror.h's IPsec block and its failure HRESULTs, and FACILITY_EAP (0x42) HRESULTs.
HEADER_RANGES = {
    "raserror.h": ((600, 878),),
    "mprerror.h": ((900, 956),),
    "winerror.h": ((13000, 13999), (0x8000_0000, 0xFFFF_FFFF)),
    "EapHostError.h": ((0x4042_0000, 0x4042_FFFF), (0x8042_0000, 0x8042_FFFF)),
}
# Codes above this are HRESULTs, written in hex; the rest are Win32-numbered.
WIN32_MAX = 0xFFFF
BOOLEANS = {"true": True, "false": False}
# The closed list of categories, in the order the README gives them: value -> description.
CATEGORIES = {
    "api": "RAS API misuse and internal state: handles, buffers, structure sizes, pending requests",
    "device": "the modem, port or other connecting device: hardware, device.INF, media.INI, TAPI",
    "line": "telephone, ISDN and X.25 line conditions",
    "phonebook": "phone-book files and entries, phone and callback numbers",
    "authentication": "credentials and account restrictions, of the local or the remote peer",
    "certificate": "certificates, smart cards, EAP and PEAP",
    "encryption": "data-encryption requirements",
    "ppp": "PPP link and control-protocol negotiation",
    "network": "IP, IPX, NetBIOS, adapters, address assignment and name resolution",
    "vpn": "tunnels (PPTP, L2TP/IPsec, SSTP, IKEv2), reachability of the VPN server, VPN plug-ins",
    "ipsec": "IPsec and IKE: negotiation, security associations, IPsec policy, DoS protection",
    "connection": "the call was dropped, refused, timed out or ended",
    "sharing": "Internet Connection Sharing and the firewall",
    "radius": "RADIUS servers and attributes",
    "policy": "remote-access and NAP policy, time and port limits",
    "router": "the RRAS router and its demand-dial interfaces",
    "service": "Remote Access services and system resources",
}
HINT_COLUMNS = ("symbol", "text", "source")
# A hint is one short sentence; the command wraps it under a number.
HINT_MAX_CHARS = 200
# The stages of a dial, in order, as RasClient logs them (events 20221-20225).
STAGES = {
    "dial": "dialing started, before any device (RasClient event 20221)",
    "device": "connecting the device or tunnel (RasClient event 20222)",
    "link": "after the device or tunnel connected: PPP and authentication (RasClient events 20223, 20224)",
    "connected": "connected (RasClient event 20225)",
}
SYMBOL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
HEX_UPPER = frozenset("0123456789ABCDEF")


class DataError(ValueError):
    """The table breaks a rule; the message names the file and line."""


@dataclass(frozen=True)
class Row:
    """One validated line of the table."""

    line: int
    code: int
    symbol: str
    category: str
    transient: bool
    obsolete: bool
    message: str
    windows_message: str
    win32_symbol: str | None
    stages: tuple[str, ...]
    header: str
    source: str
    note: str

    @property
    def name(self) -> str:
        """The member name: the symbol without its ``ERROR_`` prefix."""
        return self.symbol.removeprefix("ERROR_")


def _is_symbol(text: str) -> bool:
    return bool(text) and text[0].isalpha() and set(text) <= SYMBOL_CHARS


class _Fields:
    """One CSV record's cells, each read through a check that names the line."""

    def __init__(self, cells: dict[str, str], where: str) -> None:
        self.cells = cells
        self.where = where

    def fail(self, problem: str) -> DataError:
        return DataError(f"{self.where}: {problem}")

    def text(self, column: str) -> str:
        value = self.cells[column]
        if value != value.strip() or "  " in value:
            raise self.fail(f"{column} has stray spaces: {value!r}")
        if not value.isprintable():
            raise self.fail(f"{column} has a control character: {value!r}")
        return value

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            raise self.fail(f"{column} is empty")
        return value

    def flag(self, column: str) -> bool:
        value = self.text(column)
        if value not in BOOLEANS:
            raise self.fail(f"{column} must be true or false, not {value!r}")
        return BOOLEANS[value]

    def sentence(self, column: str) -> str:
        value = self.required(column)
        if _is_symbol(value.replace(" ", "_")):
            raise self.fail(f"{column} is a bare symbol, not a message: {value!r}")
        return value

    def symbol(self, column: str, *, optional: bool = False) -> str:
        value = self.text(column)
        if (value or not optional) and not _is_symbol(value):
            raise self.fail(f"{column} {value!r} is not an upper-case C identifier")
        return value

    def code(self, header: str) -> int:
        value = self.text("code")
        if value.isascii() and value.isdigit() and int(value) <= WIN32_MAX:
            code = int(value)
        elif value[:2] == "0x" and len(value) == 10 and set(value[2:]) <= HEX_UPPER:
            code = int(value, 16)
        else:
            raise self.fail(
                f"code must be a decimal number up to {WIN32_MAX} "
                f"or an HRESULT as 0x and 8 upper-case hex digits, not {value!r}"
            )
        ranges = HEADER_RANGES[header]
        if not any(low <= code <= high for low, high in ranges):
            shown = " or ".join(f"{_literal(low)}-{_literal(high)}" for low, high in ranges)
            raise self.fail(f"code {value} is outside the ranges of {header}: {shown}")
        return code

    def stages(self) -> tuple[str, ...]:
        value = self.text("stage")
        stages = tuple(value.split())
        # The connected stage ends no dial: no code is raised there.
        allowed = [stage for stage in STAGES if stage != "connected"]
        if any(stage not in allowed for stage in stages) or len(set(stages)) != len(stages):
            raise self.fail(f"stage must be words of {', '.join(allowed)}, not {value!r}")
        return tuple(sorted(stages, key=list(STAGES).index))

    def header(self) -> str:
        value = self.text("header")
        if value not in HEADER_RANGES:
            raise self.fail(f"unknown header {value!r} (known: {', '.join(HEADER_RANGES)})")
        return value

    def category(self) -> str:
        value = self.text("category")
        if value not in CATEGORIES:
            raise self.fail(f"unknown category {value!r} (known: {', '.join(CATEGORIES)})")
        return value


def _parse_row(cells: dict[str, str], line: int, where: str) -> Row:
    fields = _Fields(cells, where)
    header = fields.header()
    row = Row(
        line=line,
        code=fields.code(header),
        symbol=fields.symbol("symbol"),
        category=fields.category(),
        transient=fields.flag("transient"),
        obsolete=fields.flag("obsolete"),
        message=fields.sentence("message"),
        windows_message=fields.sentence("windows_message"),
        win32_symbol=fields.symbol("win32_symbol", optional=True) or None,
        stages=fields.stages(),
        header=header,
        source=fields.required("source"),
        note=fields.text("note"),
    )
    name = row.name
    if not name.isidentifier() or keyword.iskeyword(name) or name[0].isdigit():
        raise fields.fail(f"member name {name!r} is not a Python identifier")
    return row


def read_rows(path: Path) -> list[Row]:
    """Read and validate the table at ``path``."""
    with path.open(encoding="utf-8", newline="") as file:
        return parse_rows(file, str(path))


def parse_rows(lines: Iterable[str], filename: str = str(DATA_PATH)) -> list[Row]:
    """Validate a table given as lines of CSV text."""
    reader = csv.DictReader(lines, strict=True)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise DataError(
            f"{filename}:1: the columns must be {', '.join(COLUMNS)}; "
            f"found {', '.join(reader.fieldnames or ())}"
        )
    rows: list[Row] = []
    by_code: dict[int, Row] = {}
    by_key: dict[str, Row] = {}
    try:
        for fields in reader:
            where = f"{filename}:{reader.line_num}"
            if None in fields or None in fields.values():
                raise DataError(f"{where}: expected {len(COLUMNS)} columns")
            row = _parse_row(fields, reader.line_num, where)
            if row.code in by_code:
                first = by_code[row.code].line
                raise DataError(f"{where}: code {row.code} repeats line {first}")
            # Lookup by text takes symbols and member names alike: they must not clash.
            for key in dict.fromkeys((row.symbol, row.name)):
                if key in by_key:
                    first = by_key[key].line
                    raise DataError(f"{where}: name {key} repeats line {first}")
                by_key[key] = row
            by_code[row.code] = row
            rows.append(row)
    except csv.Error as error:
        # DictReader updates its own line_num only after a row parses.
        raise DataError(f"{filename}:{reader.reader.line_num}: {error}") from None
    if not rows:
        raise DataError(f"{filename}: the table has no rows")
    return sorted(rows, key=lambda row: row.code)


@dataclass(frozen=True)
class HintRow:
    """One validated line of the hints table: a cause or first check, and its source."""

    line: int
    code: int
    text: str
    source: str


def read_hints(path: Path, rows: Sequence[Row]) -> list[HintRow]:
    """Read and validate the hints table at ``path`` against the codes of ``rows``."""
    with path.open(encoding="utf-8", newline="") as file:
        return parse_hints(file, rows, str(path))


def parse_hints(
    lines: Iterable[str], rows: Sequence[Row], filename: str = str(HINTS_PATH)
) -> list[HintRow]:
    """Validate hints given as lines of CSV text; keep their order within a code."""
    codes = {row.symbol: row.code for row in rows}
    reader = csv.DictReader(lines, strict=True)
    if tuple(reader.fieldnames or ()) != HINT_COLUMNS:
        raise DataError(f"{filename}:1: the columns must be {', '.join(HINT_COLUMNS)}")
    hints: list[HintRow] = []
    seen: dict[tuple[int, str], int] = {}
    try:
        for cells in reader:
            where = f"{filename}:{reader.line_num}"
            if None in cells or None in cells.values():
                raise DataError(f"{where}: expected {len(HINT_COLUMNS)} columns")
            fields = _Fields(cells, where)
            symbol, text, source = (fields.required(column) for column in HINT_COLUMNS)
            if symbol not in codes:
                raise fields.fail(f"{symbol} is not a symbol of {DATA_PATH.as_posix()}")
            if len(text) > HINT_MAX_CHARS or not text.endswith("."):
                raise fields.fail(
                    f"text must be one sentence of at most {HINT_MAX_CHARS} characters"
                )
            if not source.startswith("https://") or " " in source:
                raise fields.fail(f"source must be an https URL, not {source!r}")
            key = (codes[symbol], text)
            if key in seen:
                raise fields.fail(f"this hint repeats line {seen[key]}")
            seen[key] = reader.line_num
            hints.append(HintRow(reader.line_num, codes[symbol], text, source))
    except csv.Error as error:
        raise DataError(f"{filename}:{reader.reader.line_num}: {error}") from None
    return hints


@dataclass(frozen=True)
class Win32Row:
    """One validated line of the Windows system error table."""

    line: int
    code: int
    symbol: str
    aliases: tuple[str, ...]
    message: str


def _is_c_name(text: str) -> bool:
    # winerror.h spells a few symbols with lower case (ERROR_ITERATED_DATA_EXCEEDS_64k).
    return text.isascii() and text.isidentifier() and not text.startswith("_")


def read_win32_rows(path: Path) -> list[Win32Row]:
    """Read and validate the Windows system error table at ``path``."""
    with path.open(encoding="utf-8", newline="") as file:
        return parse_win32_rows(file.readlines(), str(path))


def _parse_win32_row(cells: dict[str, str], line: int, where: str) -> Win32Row:
    fields = _Fields(cells, where)
    if None in cells or None in cells.values():
        raise fields.fail(f"expected {len(WIN32_COLUMNS)} columns")
    code = fields.required("code")
    if not (code.isascii() and code.isdigit() and int(code) < WIN32_CODES_END):
        raise fields.fail(f"code must be a decimal number below {WIN32_CODES_END}")
    symbol = fields.required("symbol")
    aliases = tuple(fields.text("aliases").split())
    for name in (symbol, *aliases):
        if not _is_c_name(name):
            raise fields.fail(f"{name!r} is not a C identifier")
    # The header's text verbatim, double spaces included: only its ends are checked.
    message = cells["message"]
    if not message or message != message.strip() or not message.isprintable():
        raise fields.fail(f"message must be one line of text, not {message!r}")
    return Win32Row(line, int(code), symbol, aliases, message)


def parse_win32_rows(lines: Sequence[str], filename: str = str(WIN32_DATA_PATH)) -> list[Win32Row]:
    """Validate the table given as lines of CSV text, after its ``#`` comment lines."""
    skipped = 0
    while skipped < len(lines) and lines[skipped].startswith("#"):
        skipped += 1
    reader = csv.DictReader(lines[skipped:], strict=True)
    if tuple(reader.fieldnames or ()) != WIN32_COLUMNS:
        raise DataError(
            f"{filename}:{skipped + 1}: the columns must be {', '.join(WIN32_COLUMNS)}"
        )
    rows: list[Win32Row] = []
    names: dict[str, int] = {}
    try:
        for cells in reader:
            line = reader.line_num + skipped
            where = f"{filename}:{line}"
            row = _parse_win32_row(cells, line, where)
            if rows and row.code <= rows[-1].code:
                raise DataError(f"{where}: code {row.code} is not above the code before it")
            for name in (row.symbol, *row.aliases):
                if name.upper() in names:
                    raise DataError(f"{where}: name {name} repeats line {names[name.upper()]}")
                names[name.upper()] = line
            rows.append(row)
    except csv.Error as error:
        raise DataError(f"{filename}:{reader.reader.line_num + skipped}: {error}") from None
    if not rows:
        raise DataError(f"{filename}: the table has no rows")
    return rows


def render_win32(rows: Sequence[Win32Row]) -> str:
    """The source of the Windows system error module: parallel tuples, numeric order."""
    rows = sorted(rows, key=lambda row: row.code)
    out = [
        '"""Every Windows system error code of winerror.h (0-15999): number, symbol, message.',
        "",
        f"Generated by raserror._generate from {WIN32_DATA_PATH.as_posix()}.",
        f"DO NOT EDIT BY HAND; run ``{COMMAND}`` instead.",
        '"""',
        "",
        "# Parallel tuples in numeric order: CODES[i] is named SYMBOLS[i] and means MESSAGES[i].",
        "CODES: tuple[int, ...] = (",
    ]
    out += [f"    {row.code}," for row in rows]
    out += [")", "SYMBOLS: tuple[str, ...] = ("]
    out += [f"    {_string(row.symbol)}," for row in rows]
    out += [")", "MESSAGES: tuple[str, ...] = ("]
    out += [f"    {_string(row.message)}," for row in rows]
    out += [")", "# The other names winerror.h defines for a number -> that number."]
    out += ["ALIASES: dict[str, int] = {"]
    aliases = sorted((alias, row.code) for row in rows for alias in row.aliases)
    out += [f"    {_string(alias)}: {code}," for alias, code in aliases]
    out += ["}", ""]
    return "\n".join(out)


def _string(text: str) -> str:
    """A literal for validated text (no control characters), quoted as ruff format would."""
    text = text.replace("\\", "\\\\")
    # Double quotes, unless single ones need fewer escapes.
    if text.count("'") < text.count('"'):
        return "'" + text.replace("'", "\\'") + "'"
    return '"' + text.replace('"', '\\"') + '"'


def _stages(stages: tuple[str, ...]) -> str:
    """A tuple literal of Stage members, as ruff format writes it."""
    members = [f"Stage.{stage.upper()}" for stage in stages]
    return f"({members[0]},)" if len(members) == 1 else f"({', '.join(members)})"


def _literal(code: int) -> str:
    """A code as the table and the module write it: HRESULTs in hex."""
    return str(code) if code <= WIN32_MAX else f"0x{code:08X}"


def _ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return runs


_HEAD = '''"""Every Windows Remote Access error code, as members of ``ErrorCode``.

Generated by raserror._generate from @DATA@ and @HINTS@.
DO NOT EDIT BY HAND; run ``@COMMAND@`` instead.
"""

import enum
import sys
from enum import Enum, EnumMeta, IntEnum

# The runs of consecutive Win32-numbered codes (RAS, then IPsec) that the table defines.
RANGES = (@RANGES@)


class Category(Enum):
    """What part of a dial-up or VPN connection an error code is about.

    The value is the lower-case word of the data table and of JSON;
    ``description`` says in one line what the category covers.
    """

    # Set on every member below the class; declared here for type checkers.
    _value_: str
    description: str

@CATEGORIES@

    def __str__(self) -> str:
        return self._value_

    def __format__(self, format_spec: str) -> str:
        return format(self._value_, format_spec)

    @property
    def codes(self) -> "tuple[ErrorCode, ...]":
        """Every error code of this category, in numeric order."""
        return _CODES_BY_CATEGORY[self]


class Stage(Enum):
    """How far a dial got: the stages that RasClient logs, in order.

    ``description`` names the stage and its event; ``ErrorCode.stage`` is the
    stage a code ends, as Microsoft's list of RAS connection issues gives it.
    """

    _value_: str
    description: str

@STAGES@

    def __str__(self) -> str:
        return self._value_

    def __format__(self, format_spec: str) -> str:
        return format(self._value_, format_spec)


# Optional attributes, spelled so that typing.get_type_hints() resolves them on 3.9 too,
# where `X | None` cannot be evaluated and importing typing would slow the import down;
# type checkers read Optional, which mypy checking for 3.9 accepts in an alias.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

    _MaybeText = Optional[str]
    _MaybeStage = Optional[Stage]
elif sys.version_info >= (3, 10):
    _MaybeText = str | None
    _MaybeStage = Stage | None
else:  # pragma: no cover - the 3.9 spelling
    _MaybeText = _MaybeStage = object


class Hint(tuple[str, str]):
    """A cause or first check for an error code, and the https source that states it."""

    __slots__ = ()

    def __new__(cls, text: str, source: str) -> "Hint":  # noqa: PYI034 - no typing import here
        return tuple.__new__(cls, (text, source))

    def __getnewargs__(self) -> tuple[str, str]:
        return self[0], self[1]

    @property
    def text(self) -> str:
        """One sentence, in this project's words."""
        return self[0]

    @property
    def source(self) -> str:
        """The https URL of the page that states it."""
        return self[1]

    def __repr__(self) -> str:
        return f"Hint(text={self[0]!r}, source={self[1]!r})"


class _BuiltAsStandardEnums(EnumMeta):
    """Builds the enum as the standard library builds ``http.HTTPStatus`` (CPython 3.13+).

    CPython 3.13 gives a class at most 1000 type versions, and EnumMeta's
    per-member updates spend two each: past ~480 members every attribute read
    of a member loses its fast path (2.7x). ``enum._simple_enum`` spends none.
    """

    def __new__(
        metacls, cls: str, bases: "tuple[type, ...]", classdict: "dict[str, object]", **kwds: bool
    ) -> type:
        simple = getattr(enum, "_simple_enum", None)
        # The version test first: a type checker for an older Python skips this branch.
        if sys.version_info >= (3, 13) and simple is not None:
            built: type = simple(bases[0])(type(cls, (), dict(classdict)))
            return built
        return super().__new__(metacls, cls, bases, classdict, **kwds)  # type: ignore[arg-type]


class ErrorCode(IntEnum, metaclass=_BuiltAsStandardEnums):
    """A Windows Remote Access (RAS) error code, with its meaning.

    Members are ints: ``ErrorCode.AUTHENTICATION_FAILURE == 691``.
    """

    # Plain attributes, set on every member below the class: as cheap to read as can be.
    _value_: int
    symbol: str
    category: Category
    transient: bool
    obsolete: bool
    message: str
    windows_message: str
    win32_symbol: "_MaybeText"
    header: str
    hresult: int
    stage: "_MaybeStage"
    stages: "tuple[Stage, ...]"
    hints: "tuple[Hint, ...]"

    # IntEnum's str() changed in 3.11: these keep it the same on every version.
    def __str__(self) -> str:
        return int.__repr__(self)

    def __format__(self, format_spec: str) -> str:
        return format(self._value_, format_spec)

    def __repr__(self) -> str:
        value = self._value_
        shown = value if value <= 0xFFFF else f"0x{value:08X}"  # HRESULTs as people write them
        return f"<{type(self).__name__}.{self._name_}: {shown}>"
'''

_TAIL = '''

def _attach(
    rows: tuple[_Row, ...],
) -> tuple[dict[int, ErrorCode], dict[Category, tuple[ErrorCode, ...]]]:
    """Give every member its attributes; index them by number and by category."""
    by_number: dict[int, ErrorCode] = {}
    by_category: dict[Category, list[ErrorCode]] = {category: [] for category in Category}
    # Rows and members are both in numeric order.
    for member, row in zip(ErrorCode.__members__.values(), rows):
        code, symbol, category, transient, obsolete, message, windows_message = row[:7]
        win32, header, stages = row[7:]
        by_number[code] = member
        by_category[category].append(member)
        member.symbol = symbol
        member.category = category
        member.transient = transient
        member.obsolete = obsolete
        member.message = message
        member.windows_message = windows_message
        member.win32_symbol = win32
        member.header = header
        member.stages = stages
        member.stage = stages[0] if stages else None
        member.hints = tuple(Hint(text, source) for text, source in _HINTS.get(code, ()))
        # HRESULT_FROM_WIN32 (the failure bit and FACILITY_WIN32 above the code), or the HRESULT.
        member.hresult = hresult = 0x8007_0000 | code if code <= 0xFFFF else code
        # The HRESULT names the member too, as unsigned and, for failures, as signed 32-bit int.
        by_number[hresult] = member
        if hresult >= 2**31:
            by_number[hresult - 2**32] = member
    for category, description in _DESCRIPTIONS.items():
        category.description = description
    for stage, description in _STAGE_DESCRIPTIONS.items():
        stage.description = description
    return by_number, {category: tuple(codes) for category, codes in by_category.items()}


# BY_NUMBER: the code, its HRESULT and its signed HRESULT -> the member, one probe for any int.
BY_NUMBER, _CODES_BY_CATEGORY = _attach(_ROWS)
'''


def render(rows: Sequence[Row], hints: Sequence[HintRow] = ()) -> str:
    """The source of the generated module, members in numeric order."""
    rows = sorted(rows, key=lambda row: row.code)
    numbered = (row.code for row in rows if row.code <= WIN32_MAX)
    ranges = ", ".join(f"({low}, {high})" for low, high in _ranges(numbered))
    head = (
        _HEAD.replace("@DATA@", DATA_PATH.as_posix())
        .replace("@HINTS@", HINTS_PATH.as_posix())
        .replace("@STAGES@", "\n".join(f'    {v.upper()} = "{v}"' for v in STAGES))
        .replace("@COMMAND@", COMMAND)
        .replace("@RANGES@", ranges)
        .replace("@CATEGORIES@", "\n".join(f'    {v.upper()} = "{v}"' for v in CATEGORIES))
    )
    out = [head]
    out += [f"    {row.name} = {_literal(row.code)}" for row in rows]
    out += ["", "", "_DESCRIPTIONS = {"]
    out += [
        f"    Category.{value.upper()}: {_string(text)}," for value, text in CATEGORIES.items()
    ]
    out += ["}", "", "_STAGE_DESCRIPTIONS = {"]
    out += [f"    Stage.{value.upper()}: {_string(text)}," for value, text in STAGES.items()]
    out += ["}", "", "# code -> (text, source) of each hint, in the order they are shown."]
    out += ["_HINTS: dict[int, tuple[tuple[str, str], ...]] = {"]
    by_code: dict[int, list[HintRow]] = {}
    for hint in hints:
        by_code.setdefault(hint.code, []).append(hint)
    for code in sorted(by_code):
        out += [f"    {_literal(code)}: ("]
        for hint in by_code[code]:
            out += ["        (", f"            {_string(hint.text)},"]
            out += [f"            {_string(hint.source)},", "        ),"]
        out += ["    ),"]
    out += [
        "}",
        "",
        '_Row = tuple[int, str, Category, bool, bool, str, str, "str | None", str, "tuple[Stage, ...]"]',
        "# code, symbol, category, transient, obsolete, message, windows_message, win32_symbol,",
        "# header, stages",
        "_ROWS: tuple[_Row, ...] = (",
    ]
    for row in rows:
        win32 = "None" if row.win32_symbol is None else _string(row.win32_symbol)
        out += [
            "    (",
            f"        {_literal(row.code)},",
            f"        {_string(row.symbol)},",
            f"        Category.{row.category.upper()},",
            f"        {row.transient},",
            f"        {row.obsolete},",
            f"        {_string(row.message)},",
            f"        {_string(row.windows_message)},",
            f"        {win32},",
            f"        {_string(row.header)},",
            f"        {_stages(row.stages)},",
            "    ),",
        ]
    out += [")", _TAIL]
    return "\n".join(out)


def _update(output: Path, source: str, *, check: bool, inputs: str) -> int:
    """Write ``source`` to ``output`` if it differs; with ``check``, report instead."""
    try:
        current = output.read_text(encoding="utf-8")
    except FileNotFoundError:
        current = None
    if current == source:
        return 0
    if check:
        print(f"{output} is stale: it does not match {inputs}. Run `{COMMAND}`.", file=sys.stderr)
        return 1
    # newline="\n": the same bytes on every platform.
    with output.open("w", encoding="utf-8", newline="\n") as file:
        file.write(source)
    print(f"wrote {output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate the modules, or with ``--check`` report whether one is stale."""
    parser = argparse.ArgumentParser(
        prog=COMMAND, description="Generate the code modules from the data tables."
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a module is stale; write nothing"
    )
    parser.add_argument("--data", type=Path, default=DATA_PATH, help="default: %(default)s")
    parser.add_argument("--hints", type=Path, default=HINTS_PATH, help="default: %(default)s")
    parser.add_argument("--output", type=Path, default=OUTPUT_PATH, help="default: %(default)s")
    parser.add_argument(
        "--win32-data", type=Path, help=f"default: {WIN32_DATA_NAME} beside --data"
    )
    parser.add_argument(
        "--win32-output", type=Path, help=f"default: {WIN32_OUTPUT_NAME} beside --output"
    )
    args = parser.parse_args(argv)
    win32_data: Path = args.win32_data or args.data.with_name(WIN32_DATA_NAME)
    win32_output: Path = args.win32_output or args.output.with_name(WIN32_OUTPUT_NAME)
    try:
        rows = read_rows(args.data)
        source = render(rows, read_hints(args.hints, rows))
        win32_source = render_win32(read_win32_rows(win32_data))
    except OSError as error:
        print(f"{COMMAND}: cannot read the table: {error}", file=sys.stderr)
        print(
            "Run it from the repository root, or pass --data, --hints and --win32-data.",
            file=sys.stderr,
        )
        return 2
    except DataError as error:
        print(f"{COMMAND}: {error}", file=sys.stderr)
        return 2
    ras = _update(args.output, source, check=args.check, inputs=f"{args.data} and {args.hints}")
    win32 = _update(win32_output, win32_source, check=args.check, inputs=str(win32_data))
    return max(ras, win32)


if __name__ == "__main__":
    raise SystemExit(main())
