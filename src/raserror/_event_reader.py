"""Remote Access events as administrators export and paste them, read into ``Event`` records.

``read_events`` reads the RasClient (client) and RemoteAccess (server) events
out of every export Windows offers and the shapes people paste them in:
Event Viewer's "Copy details as text" (any language, with or without its
Xml), ``Get-WinEvent``/``Get-EventLog ... | Format-List`` (indented, quoted),
``wevtutil qe /f:text`` and ``/f:xml``, ``ToXml()``, ``Export-Csv``, and a
RasClient message standing alone.
"""

from __future__ import annotations

import csv
import io
import re

# At run time, so that typing.get_type_hints() resolves the public functions.
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import partial
from itertools import chain
from typing import IO, NamedTuple, Optional, Union, cast
from xml.etree import ElementTree as ET

from raserror._codes import ErrorCode, Stage
from raserror._input import EVTX_MAGIC, SNIFFED, sniff_encoding
from raserror._lookup import get

Source = Union[str, bytes, Iterable[str], IO[str], IO[bytes]]

RASCLIENT = "RasClient"
REMOTEACCESS = "RemoteAccess"
# Provider names, any case and spacing ("Ras Client" in a Microsoft article), to the spelling.
_PROVIDERS = {"rasclient": RASCLIENT, "remoteaccess": REMOTEACCESS}


def _provider_key(name: str) -> str:
    return name.replace(" ", "").lower()


# The one place that ties RasClient's event ids to the stages of a dial.
STAGE_OF_EVENT = {
    20221: Stage.DIAL,
    20222: Stage.DEVICE,
    20223: Stage.LINK,
    20224: Stage.LINK,
    20225: Stage.CONNECTED,
}


class Event(NamedTuple):
    """One RasClient or RemoteAccess event.

    ``time`` and ``computer`` are as the export writes them (``None`` when it
    has none): XML gives UTC (``2017-12-24T19:38:13.4267269Z``), text exports
    the exporter's local time. ``coid`` is the correlation id that ties the
    events of one dial together (a braced GUID, or ``{NA}``); ``connection``
    is the phone-book entry (or, on a server, the demand-dial interface).
    ``number`` is the error or reason code the event carries, as an int (it
    may be an HRESULT, negative, or a code outside the registry such as 87);
    ``code`` is its ``ErrorCode``, or ``None`` when the registry has none.
    ``evidence`` says where ``number`` came from: ``"insert"`` (the event's
    own field for it), ``"binary"`` (the event's binary data, a
    little-endian DWORD) or ``"message"`` (the code sentence of the message).
    ``id_inferred`` is True when the export named no event id (a message
    pasted alone) and ``event_id`` was told by the message's own sentence.
    ``coid`` is None for the server's ``{NA}``.
    """

    provider: str
    event_id: int
    time: Optional[str]
    computer: Optional[str]
    coid: Optional[str]
    user: Optional[str]
    connection: Optional[str]
    number: Optional[int]
    code: Optional[ErrorCode]
    message: str
    evidence: Optional[str]
    id_inferred: bool = False

    @property
    def stage(self) -> Optional[Stage]:
        """The dial stage a RasClient event marks, if it marks one."""
        return STAGE_OF_EVENT.get(self.event_id) if self.provider == RASCLIENT else None


class BinaryCode(NamedTuple):
    """A DWORD found in an event's binary data; ``text[start:end]`` is the data as written."""

    number: int
    start: int
    end: int


# Binary data as the exports write it: hex bytes in XML, decimal bytes in Format-List.
_BINARY = re.compile(r"<Binary>([0-9A-Fa-f]{8})[0-9A-Fa-f]{0,4096}</Binary>")
_DATA_BYTES = re.compile(
    r"(?<![\w])Data[ \t]{0,40}:[ \t]{0,4}\{(\d{1,3}),[ \t]?(\d{1,3}),[ \t]?(\d{1,3}),[ \t]?(\d{1,3})(?![\d])"
)


def find_binary_codes(text: str) -> list[BinaryCode]:
    """Every little-endian DWORD in ``<Binary>B3020000</Binary>`` or ``Data : {41, 3, 0, 0}``.

    ``B3020000`` is 0x2B3 = 691 and ``{41, 3, 0, 0}`` is 0x329 = 809: the
    RemoteAccess server writes the error code there, and often nowhere else.
    Only the first four bytes count. The shapes prove nothing alone: call
    this on the text of one RasClient or RemoteAccess record. Zero is no code
    and is left out; so are bytes above 255.
    """
    found: list[BinaryCode] = []
    for match in _BINARY.finditer(text):
        number = int.from_bytes(bytes.fromhex(match.group(1)), "little")
        if number:
            found.append(BinaryCode(number, match.start(1), match.end(1)))
    for match in _DATA_BYTES.finditer(text):
        values = [int(group) for group in match.groups()]
        if max(values) <= 255 and any(values):
            number = int.from_bytes(bytes(values), "little")
            found.append(BinaryCode(number, match.start(1), match.end(4)))
    found.sort(key=lambda code: code.start)
    return found


# Reading --------------------------------------------------------------------------------


class _Layout(NamedTuple):
    """Which insert (%1 is 0) of an event holds each field; None: the event has none."""

    coid: int | None
    user: int | None
    connection: int | None
    number: int | None


# From the message templates of mprmsg.dll (Get-WinEvent -ListProvider), per event.
_LAYOUTS = {
    (RASCLIENT, 20221): _Layout(0, 1, 4, None),
    (RASCLIENT, 20222): _Layout(0, 1, 2, None),
    (RASCLIENT, 20223): _Layout(0, 1, None, None),
    (RASCLIENT, 20224): _Layout(0, 1, None, None),
    (RASCLIENT, 20225): _Layout(0, 1, 2, None),
    (RASCLIENT, 20226): _Layout(0, 1, 2, 3),
    (RASCLIENT, 20227): _Layout(0, 1, 2, 3),
    (RASCLIENT, 20267): _Layout(0, 1, 2, None),
    (RASCLIENT, 20268): _Layout(0, 2, 1, None),
    (REMOTEACCESS, 20111): _Layout(None, None, 1, None),
    (REMOTEACCESS, 20249): _Layout(0, 1, None, None),
    (REMOTEACCESS, 20250): _Layout(1, 2, None, None),
    (REMOTEACCESS, 20253): _Layout(1, 2, None, None),
    (REMOTEACCESS, 20255): _Layout(0, 2, None, None),
    (REMOTEACCESS, 20256): _Layout(0, 2, None, None),
    (REMOTEACCESS, 20258): _Layout(0, 2, None, None),
    (REMOTEACCESS, 20269): _Layout(0, 1, None, None),
    (REMOTEACCESS, 20271): _Layout(0, 1, None, None),
    (REMOTEACCESS, 20272): _Layout(1, 2, None, None),
    (REMOTEACCESS, 20274): _Layout(1, 2, None, None),
    (REMOTEACCESS, 20275): _Layout(1, None, None, None),
    (REMOTEACCESS, 20276): _Layout(0, None, None, None),
}
_NO_LAYOUT = _Layout(None, None, None, None)
_OUR_PROVIDERS = re.compile(r"(?i:rasclient|remoteaccess)")
# RasClient events whose message ends with a code: the old 20220, failures, terminations.
_CODE_IN_MESSAGE = frozenset({(RASCLIENT, 20220), (RASCLIENT, 20226), (RASCLIENT, 20227)})
# The server's CoId when it has none.
_NO_COID = "{NA}"

# Field labels of the text exports, lower-case without spaces, dots, hyphens or
# apostrophes, to the field they fill. Event Viewer and wevtutil /f:text | Get-EventLog
# Format-List | Get-WinEvent Format-List; then Event Viewer in other languages.
_FIELDS = {
    "logname": "log",
    "source": "provider",
    "providername": "provider",
    "date": "time",
    "timegenerated": "time",
    "timecreated": "time",
    "dateandtime": "time",
    "eventid": "id",
    "id": "id",
    "instanceid": "instance",
    "computer": "computer",
    "machinename": "computer",
    "description": "message",
    "message": "message",
    "replacementstrings": "inserts",
    "data": "data",
    "eventxml": "xml",
    # German (as MicrosoftDocs' German pages quote Event Viewer).
    "protokollname": "log",
    "quelle": "provider",
    "datum": "time",
    "datumunduhrzeit": "time",
    "ereignisid": "id",
    "beschreibung": "message",
    "ereignisxml": "xml",
    # Russian (Event Viewer's "Идентификатор события"; "Код события" in some pastes).
    "имяжурнала": "log",
    "источник": "provider",
    "идентификаторсобытия": "id",
    "кодсобытия": "id",
    "описание": "message",
    # Chinese (simplified).
    "日志名称": "log",
    "来源": "provider",
    "日期": "time",
    "事件id": "id",
    "计算机": "computer",
    "描述": "message",
    "事件xml": "xml",
    # Japanese (as MicrosoftDocs' Japanese pages quote Event Viewer).
    "ログ名": "log",
    "ソース": "provider",
    "日付": "time",
    "イベントid": "id",
    "コンピューター": "computer",
    "説明": "message",
    # Spanish and French ("Source" and "Description" are the English words).
    "origen": "provider",
    "origendelevento": "provider",
    "iddelevento": "id",
    "descripción": "message",
    "iddelévénement": "id",
}
# The other labels of those exports: they end a wrapped value, and are otherwise ignored.
_OTHER_LABELS = frozenset(
    [
        "taskcategory",
        "task",
        "level",
        "opcode",
        "keyword",
        "keywords",
        "user",
        "username",
        "index",
        "category",
        "categorynumber",
        "entrytype",
        "timewritten",
        "site",
        "container",
        "version",
        "qualifiers",
        "recordid",
        "providerid",
        "processid",
        "threadid",
        "userid",
        "activityid",
        "relatedactivityid",
        "containerlog",
        "matchedqueryids",
        "bookmark",
        "leveldisplayname",
        "opcodedisplayname",
        "taskdisplayname",
        "keywordsdisplaynames",
        "properties",
        "aufgabenkategorie",
        "taskkategorie",
        "ebene",
        "stufe",
        "schlüsselwörter",
        "benutzer",
        "任务类别",
        "级别",
        "关键字",
        "用户",
        "タスクのカテゴリ",
        "タスクカテゴリ",
        "レベル",
        "キーワード",
        "ユーザー",
    ]
)
# A "Label: value" line. Indent, quote marks (">") and non-breaking spaces before it;
# letters of any script, spaces, dots, hyphens and apostrophes in it ("Ereignis-ID",
# "Id. del evento"). One bounded run then the colon: linear on any line.
_FIELD_LINE = re.compile(r"([ \t\xa0>]{0,80})([^\W\d_][\w .'\u2019\xa0/-]{0,60}):(?:\s|$)")
_LABEL_NOISE = re.compile(r"[\s.'\u2019/-]")
_WEVTUTIL_RECORD = re.compile(r"[ \t>]{0,8}Event\[\d{1,12}\]:?\s*\Z")
# Event Viewer's XML view marks foldable elements with "- " or "+ " before them.
_FOLD_MARK = re.compile(r"(?m)^[ \t]*[-+][ \t]+(?=<)")
_COID = re.compile(r"CoI[dD][ \t]?=[ \t]?(\{[^{}\s]{1,64}\}|[^:\s]{1,64})")
# How a RasClient message standing alone starts, once quote marks are stripped. A user's name
# follows "The user": "The user has started dialing a RAS connection." is a page about events.
_LONE_START = re.compile(
    r"CoI[dD][ \t]?=|The user (?!(?:has|dialed|is) )|The link to the Remote Access Server "
)
# A message standing alone quoted after prose on its line ('... from RasClient: "The user').
_QUOTED_LONE = re.compile(r"[\"\u201c'][ \t]?(?=CoI[dD][ \t]?=|The user (?!(?:has|dialed|is) ))")
_QUOTE_MARKS = " \t\xa0>\"\u201c'"
# The sentence of each RasClient event, from the message templates of mprmsg.dll (English),
# and the Chinese failure's tail ("the connection has failed").
_SENTENCE = re.compile(
    r"(?P<e20221>has started dialing an? )"
    r"|(?P<e20222>is trying to establish a link to the Remote Access Server)"
    r"|(?P<e20223>has successfully established a link to the Remote Access Server)"
    r"|(?P<e20224>The link to the Remote Access Server has been established by user)"
    r"|(?P<e20225>to the Remote Access Server which has successfully connected)"
    r"|(?P<e20226>which has terminated\.[ \t]?The reason code (?:returned on termination )?is)"
    r"|(?P<e20227>(?:which|that) has failed\.[ \t]?The error code (?:returned on failure )?is)"
    r"|(?P<e20227zh>该连接已失败)"
)
# Where the sentence stands in a message, at most: after the CoId, the user and the entry.
_SENTENCE_WINDOW = 1024
# The sentence that gives the code: English (writers shorten it to "The error code is 853."),
# and the Chinese failure's "失败后返回的错误代码为 809".
_SENTENCE_CODE = re.compile(
    r"(?:error|reason) code (?:returned on (?:failure|termination) )?is (-?\d{1,11})(?!\w)"
    r"|错误代码为 ?(-?\d{1,11})(?!\w)"
)
# The English sentence, with or without its number.
_ENGLISH_MARK = re.compile(r"(?:error|reason) code (?:returned on|is)")
# In another language, the number that ends the message.
_FINAL_NUMBER = re.compile(r"(?<![\w.\-\[])(-?\d{1,11})[\s.。\"'»」)]{0,8}$")
# English RasClient messages only: other languages name the user and entry in the inserts.
# Each has one bounded quantifier and is searched in a bounded window: linear on any text.
_USER = re.compile(
    r"The user ([^\n]{1,256}?) (?:dialed|has dialed|has started dialing|is trying to establish)"
)
_ENTRY = re.compile(
    r" named ([^\n]{1,256}?)(?: which has| that has| to the Remote| using the|\. The connection)"
)
# Where the user's name and the entry's stand in a message, at most.
_NAMES_WINDOW = 640
_INTEGER = re.compile(r"[ \t]*(-?\d{1,11})[ \t]*")
# Bounds that keep memory flat whatever the input: longer values are cut, longer lines
# come in pieces.
_MAX_VALUE = 1 << 14
_MAX_RECORD = 1 << 16
_MAX_XML = 1 << 20
_MAX_INSERTS = 64
_PIECE = 1 << 16
# Export-Csv: a row may not hold more than this (its fields keep the csv module's own limit).
_MAX_CSV_ROW = 1 << 20


class _Rest(str):
    """A further piece of a line longer than ``_PIECE``: never a label, nor a record's start."""

    __slots__ = ()


def read_events(source: Source) -> Iterator[Event]:
    """Every RasClient and RemoteAccess event in an export, in the order written.

    ``source`` is the text of an export (a str), an iterable of its lines
    (such as a file opened in text mode), or a file opened in binary mode or
    bytes, whose encoding is taken from its byte-order mark (UTF-16 as
    PowerShell writes it, UTF-8) or else read as UTF-8. Reads lazily, a line
    at a time, in bounded memory; a binary stream is left open. Events of
    other sources are skipped, and so is text that no export shape holds.
    Raises ``ValueError`` for a binary ``.evtx`` log, which must be exported
    first, and ``TypeError`` for lines that are not str and for a path (open
    the file first).
    """
    return _Reader().run(_lines(source))


def _lines(source: Source) -> Iterator[str]:
    if isinstance(source, str):
        return _pieces(source)
    if hasattr(source, "__fspath__"):
        raise TypeError(
            f"read_events() reads an export, not a path ({type(source).__name__}): "
            "open the file first, as open(path, 'rb')"
        )
    if isinstance(source, (bytes, bytearray)):
        return _decoded(io.BytesIO(source))
    read = getattr(source, "read", None)
    if read is not None:
        head = read(0)
        if isinstance(head, bytes):
            return _decoded(cast("IO[bytes]", source))
        readline = getattr(source, "readline", None)
        if isinstance(head, str) and readline is not None:
            return _marked(iter(partial(readline, _PIECE), ""))
    if isinstance(source, (list, tuple)):
        return iter(source)  # in memory already: read as it is, each line checked in run()
    return _checked(cast("Iterable[str]", source))


def _pieces(text: str) -> Iterator[str]:
    """The lines of ``text``, a line longer than ``_PIECE`` in pieces: no copy of the whole."""
    start, size, whole = 0, len(text), True
    while start < size:
        end = text.find("\n", start, start + _PIECE)
        end = min(start + _PIECE, size) if end < 0 else end + 1
        piece = text[start:end]
        yield piece if whole else _Rest(piece)
        whole = piece[-1] == "\n"
        start = end


def _marked(pieces: Iterator[str]) -> Iterator[str]:
    """Pieces of ``readline(_PIECE)``, the ones that carry on a line marked as such."""
    whole = True
    for piece in pieces:
        yield piece if whole else _Rest(piece)
        whole = piece[-1] in "\n\r"


def _checked(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        if not isinstance(line, str):
            raise TypeError(f"read_events() needs lines of str, not {type(line).__name__}")
        if len(line) > _PIECE:
            yield from _pieces(line)
        else:
            yield line


class _Borrowed(io.BufferedReader):
    """A buffer around the caller's stream that never closes it, even when collected."""

    def close(self) -> None:
        pass  # the stream is the caller's


def _decoded(binary: IO[bytes]) -> Iterator[str]:
    """The lines of a binary stream, in the encoding its first bytes tell."""
    buffered = _Borrowed(binary)  # type: ignore[arg-type]
    head = buffered.peek(SNIFFED)[:SNIFFED]
    if head.startswith(EVTX_MAGIC):
        raise ValueError("this is a binary .evtx event log: export it as XML or text first")
    return _text_lines(buffered, sniff_encoding(head))


def _text_lines(buffered: io.BufferedReader, encoding: str) -> Iterator[str]:
    # Made here, on the first line asked for: a reader never started holds no wrapper.
    text = io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline="")
    try:
        yield from _marked(iter(partial(text.readline, _PIECE), ""))
    finally:
        text.detach()  # not closed: the stream under it is the caller's


class _Record:
    """The fields of one text record, as read so far: each a list of its lines."""

    __slots__ = (
        "blank_at",
        "built",
        "fields",
        "foreign",
        "indent",
        "last",
        "lone",
        "size",
        "skip_xml",
        "xml",
    )

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}
        self.last: str | None = None  # the field that continuation lines extend
        self.xml: Event | None = None  # the "Event Xml:" part of an Event Viewer copy
        self.size = 0
        self.indent = -1  # how deep its labels stand; -1 before the first
        self.foreign = False  # another source's: its lines need not be kept
        self.lone = False  # a RasClient message standing alone, without labels
        self.skip_xml = False  # its text gave every field: its Xml part is not read
        self.built: tuple[int, Event | None] | None = None  # its event, at what size
        self.blank_at = -1  # its size at its last blank line

    def extend(self, field: str, text: str) -> None:
        if not text:
            self.blank_at = self.size
            if self.lone:  # a blank line ends a message standing alone
                self.last = None
            return
        if self.size > _MAX_RECORD or self.foreign:
            return  # a runaway value, or not ours: the rest is dropped
        if text[0] == ">":  # a markdown or mail quote
            text = text.lstrip(_QUOTE_MARKS)
        self.size += len(text)
        parts = self.fields.get(field)
        if parts is None:
            self.fields[field] = [text]
        else:
            parts.append(text)

    def label(self, field: str, parsed: _Parsed) -> None:
        """Start the field a label line names ("" for a label to ignore)."""
        if self.indent < 0:
            self.indent = parsed.indent
        self.last = None
        if field == "xml":
            self.fields.setdefault("xml", [])
            event = _from_fields(self.values())
            self.built = (self.size, event)
            self.skip_xml = _whole_in_text(event)
        elif field:
            self.extend(field, parsed.value)
            self.fields.setdefault(field, [])  # a label with no value yet ("Description:")
            self.last = field if field in _WRAPPING else None
            if field == "provider" and _provider_key(parsed.value) not in _PROVIDERS:
                self.foreign = True

    def whole(self) -> bool:
        """Whether it has what an event needs: a source and an event id."""
        return "provider" in self.fields and ("id" in self.fields or "instance" in self.fields)

    def values(self) -> dict[str, str]:
        values = {}
        for field, parts in self.fields.items():
            value = " ".join(parts)[:_MAX_VALUE]
            values[field] = value.replace("\xa0", " ") if "\xa0" in value else value
        return values


# The label of a field line, as written, to the field it fills ("" for the labels to ignore).
_KNOWN_LABELS: dict[str, str] = {}
_MAX_KNOWN_LABELS = 512


def _field_of(label: str) -> str | None:
    """The field ``label`` fills, "" for a label to ignore, None for no label of ours."""
    known = _KNOWN_LABELS.get(label)
    if known is not None:
        return known
    if label[0].islower():
        return None  # every export capitalizes its labels: "source:" is a page's, or prose
    key = _LABEL_NOISE.sub("", label).lower()
    field = _FIELDS.get(key, "" if key in _OTHER_LABELS else None)
    if field is not None and len(_KNOWN_LABELS) < _MAX_KNOWN_LABELS:
        _KNOWN_LABELS[label] = field
    return field


class _Parsed(NamedTuple):
    """What a text line says: the field it sets ("" to ignore, None: no label) and its value."""

    field: str | None
    value: str
    indent: int


_NO_LABEL = _Parsed(None, "", 0)
# Header lines repeat word for word ("  Level: Information", "Source : RasClient"): the
# parse of short ones whose value varies little is kept, for this many lines at most.
_REPEATED_LINES: dict[str, _Parsed] = {}
_MAX_REPEATED_LINES = 4096
_MAX_REPEATED_LENGTH = 160
_REPEATING_FIELDS = frozenset({"", "provider", "log", "xml", "computer", "data", "id"})


def _parse_line(line: str) -> _Parsed:
    match = _FIELD_LINE.match(line)
    if match is None:
        return _NO_LABEL
    field = _field_of(match.group(2).rstrip())
    if field is None:
        return _NO_LABEL
    parsed = _Parsed(field, line[match.end() :].strip(), len(match.group(1)))
    if (
        field in _REPEATING_FIELDS
        and len(line) < _MAX_REPEATED_LENGTH
        and len(_REPEATED_LINES) < _MAX_REPEATED_LINES
    ):
        _REPEATED_LINES[line] = parsed
    return parsed


# The fields whose labels come first in a record: Event Viewer's and wevtutil's Log Name,
# Get-EventLog's EventID, Get-WinEvent's TimeCreated.
_FIRST_LABELS = frozenset({"log", "id", "time"})
# Labels deeper than a record's own by more than this are wrapped text, not labels.
_LABEL_SLACK = 4


def _next_line(lines: Iterator[str]) -> Optional[str]:
    """The next line, or None at the end: a None among the lines is refused, not the end."""
    try:
        line = next(lines)
    except StopIteration:
        return None
    if not isinstance(line, str):
        raise TypeError(f"read_events() needs lines of str, not {type(line).__name__}")
    return line


class _Reader:
    """One pass over the lines of an export: each line goes to the rule for its shape."""

    def __init__(self) -> None:
        self.record = _Record()
        self.xml_tail = ""  # the end of a line that goes on: "<Event" may straddle pieces

    def run(self, lines: Iterator[str]) -> Iterator[Event]:
        first = _next_line(lines)
        if first is None:
            return
        try:
            header = first.lstrip("\ufeff") if "," in first else ""
        except (TypeError, AttributeError):  # not a str: read() says so
            header = ""
        # Event Viewer's "Save as CSV" names its columns unquoted, on the first line only.
        if header[:1] not in _CSV_STARTS and _is_csv_header(header):
            yield from _csv_events(header, lines)
            return
        yield from self.read(chain((first,), lines))

    def read(self, lines: Iterator[str]) -> Iterator[Event]:
        line = ""
        try:
            for line in lines:
                if "<Event" in line:
                    yield from self.xml_events(line, lines)
                elif line[:1] in _CSV_STARTS and _is_csv_header(line):
                    event = self.finish()
                    if event is not None:
                        yield event
                    yield from _csv_events(line, lines)
                    return
                elif ":" in line or self.record.last is None:
                    done = self.text_line(line, lines)
                    if done is not None:
                        yield from done
                else:  # the commonest line: a wrapped value or message text, no field
                    self.record.extend(self.record.last, line.strip())
        except (TypeError, AttributeError):
            if not isinstance(line, str):  # checked here, not per line: it costs a tenth
                raise TypeError(
                    f"read_events() needs lines of str, not {type(line).__name__}"
                ) from None
            raise
        event = self.finish()
        if event is not None:
            yield event

    # Text: Event Viewer, wevtutil /f:text, Format-List, messages standing alone.

    def text_line(self, line: str, lines: Iterator[str]) -> Iterator[Event] | None:
        """Add a line to the record; return the events it completes, if any."""
        record = self.record
        if type(line) is _Rest:
            if self.xml_tail and "<Event" in self.xml_tail + line[:8]:
                return self.xml_events(self.xml_tail + line, lines)
            if record.last is not None:
                record.extend(record.last, line.strip())
            return None
        parsed = _REPEATED_LINES.get(line)
        if parsed is None:
            parsed = _parse_line(line) if ":" in line else _NO_LABEL
        field = parsed.field
        if (
            field is not None
            and record.last is not None
            and parsed.indent > record.indent + _LABEL_SLACK >= _LABEL_SLACK
        ):
            field = None  # deeper than the record's labels: wrapped text that holds a colon
        if field is None:
            if record.last is not None and not record.lone and "Event[" not in line:
                record.extend(record.last, line.strip())  # a colon inside a message
                return None
            return self.other_line(line)
        if not field and not record.lone:  # the commonest label: one to ignore ("Level:")
            record.last = None
            return None
        return self.field_line(field, parsed)

    def field_line(self, field: str, parsed: _Parsed) -> Iterator[Event] | None:
        """A label line of a field of ours; return the event it completes, if any."""
        record = self.record
        done = None
        if (
            record.lone
            or (field in record.fields and field != "xml")
            or (field == "log" and record.fields)
            or (
                field in _FIRST_LABELS
                and record.blank_at == record.size
                and (record.whole() or record.foreign)
            )
        ):
            # The same label again, a log name, or a blank line then a record's first label:
            # the next record.
            done = self.finish()
            record = self.record
        if field == "xml" or not field or record.indent < 0:
            record.label(field, parsed)
        else:  # inline, for speed: what label() does for a field's label
            record.extend(field, parsed.value)
            if field not in record.fields:
                record.fields[field] = []  # a label with no value yet ("Description:")
            record.last = field if field in _WRAPPING else None
            if field == "provider" and _provider_key(parsed.value) not in _PROVIDERS:
                record.foreign = True
        return None if done is None else iter((done,))

    def other_line(self, line: str) -> Iterator[Event] | None:
        """A line with no label: wrapped text, a wevtutil record's header, a message alone."""
        record = self.record
        text = line.strip()
        if not text:
            record.blank_at = record.size
        if "Event[" in text[:16] and _WEVTUTIL_RECORD.match(text):
            done = self.finish()  # whatever field was open: the record ends here
            return None if done is None else iter((done,))
        if record.last is not None:
            following = _lone_message(text, after_prose=True) if record.lone else None
            if following is not None:
                return self.start_lone(following)  # the next message, with no blank line between
            record.extend(record.last, text)
            return None
        lone = _lone_message(text, after_prose=not record.fields)
        if lone is None or record.foreign:
            return None
        text = lone
        if "message" not in record.fields and record.fields and not record.lone:
            record.extend("message", text)  # after a label we do not know ("Popis:")
            record.last = "message"
            return None
        return self.start_lone(text)

    def start_lone(self, text: str) -> Iterator[Event] | None:
        done = self.finish()
        record = self.record
        record.lone = True
        record.extend("message", text.lstrip(_QUOTE_MARKS))
        record.last = "message"
        return None if done is None else iter((done,))

    def finish(self) -> Event | None:
        record, self.record = self.record, _Record()
        if record.foreign:
            return None
        if record.built is not None and record.built[0] == record.size:
            text = record.built[1]  # built at its "Event Xml:" label, and nothing added since
        else:
            text = _from_fields(record.values()) if record.fields else None
        return _merged(text, record.xml)

    # XML: wevtutil /f:xml, ToXml(), the XML of Event Viewer (with its fold marks).

    def xml_events(self, line: str, lines: Iterator[str]) -> Iterator[Event]:
        """The ``<Event>`` elements from ``line`` on: reads on to the end of the last one."""
        self.xml_tail = ""
        found = _EVENT_START.search(line)
        if found is None:
            return  # <Events>, the root that wevtutil /e:Events adds: no event yet
        if self.record.skip_xml:  # an Event Viewer copy whose text gave every field
            self.record.skip_xml = False
            _skip_element(line, lines)
            return
        pieces = [line[found.start() :] if found.start() else line]
        size = len(pieces[0])
        while True:
            last = pieces[-1]
            if "</Event>" in last or (
                len(pieces) > 1 and "</Event>" in pieces[-2][-8:] + last[:8]
            ):
                text = "".join(pieces) if len(pieces) > 1 else last
                rest = yield from self.xml_elements(text)
                if rest is None:
                    return  # the rest of the line is text again
                pieces = [rest]  # one copy per line read, not one per event
                size = len(rest)
            following = _next_line(lines)
            if following is None:
                return
            pieces.append(following)
            size += len(following)
            if size > _MAX_XML:
                return  # not an event after all, or a broken one: drop it

    def xml_elements(self, text: str) -> Generator[Event, None, Optional[str]]:
        """The events of the whole elements in ``text``; return the unfinished one, if any."""
        start, end = 0, text.find("</Event>")
        while end >= 0:
            end += len("</Event>")
            yield from self.xml_event(text[start:end])
            found = _EVENT_START.search(text, end)
            if found is None:
                if text[-1:] not in ("\n", "\r"):
                    self.xml_tail = text[-6:]
                return None
            start = found.start()
            end = text.find("</Event>", start)
        return text[start:]

    def xml_event(self, text: str) -> Iterator[Event]:
        event = _from_xml(text)
        if event is None:
            return
        record = self.record
        if (
            record.fields
            and not record.foreign
            and record.xml is None
            and _same_event(record, event)
        ):
            record.xml = event  # the text and the XML of one event: merged
            return
        finished = self.finish()
        if finished is not None:
            yield finished
        yield event


def _lone_message(text: str, *, after_prose: bool) -> str | None:
    """Where a RasClient message standing alone starts in a line, quote marks stripped.

    ``after_prose``: it may also start quoted after other words on its line.
    """
    if text[:1] in _QUOTE_MARKS:
        text = text.lstrip(_QUOTE_MARKS)
    if _LONE_START.match(text) is not None:
        return text
    quoted = _QUOTED_LONE.search(text) if after_prose else None
    return None if quoted is None else text[quoted.end() :]


def _skip_element(line: str, lines: Iterator[str]) -> None:
    """Read past the end of an ``<Event>`` element without keeping or parsing it."""
    size = len(line)
    while "</Event>" not in line and size < _MAX_XML:
        following = _next_line(lines)
        if following is None:
            return
        line = following
        size += len(line)


def _same_event(record: _Record, event: Event) -> bool:
    """Whether the XML that follows a text record is that record's own (Event Viewer's copy)."""
    if "xml" in record.fields:
        return True  # "Event Xml:" said so
    if record.lone:
        coid = _COID.search(record.fields.get("message", [""])[0])
        return coid is not None and coid.group(1) == event.coid
    return False


# An <Event> element's start tag, not the <Events> root around several.
_EVENT_START = re.compile(r"<Event[\s>]")
# A CSV header starts with a quote (Export-Csv quotes every field) or PowerShell's #TYPE line.
_CSV_STARTS = frozenset('"#')
# Fields whose values Format-List wraps onto the following, indented, lines.
_WRAPPING = frozenset({"message", "inserts", "data"})


def _is_csv_header(line: str) -> bool:
    """Whether ``line`` names the columns of an event CSV: a source, and an id or a message."""
    if line.startswith("#TYPE"):
        return True
    try:
        names = next(csv.reader([line]), [])
    except csv.Error:  # Python 3.9's csv refuses a NUL: then it is no header
        return False
    fields = {_FIELDS.get(_column_key(name)) for name in names[:64]}
    return "provider" in fields and bool(fields & {"id", "message"})


def _column_key(name: str) -> str:
    return _LABEL_NOISE.sub("", name).lower()


class _RowTooLong(Exception):
    """A CSV row ran past ``_MAX_CSV_ROW``: the row is dropped, the reading goes on."""


class _CsvFeed:
    """The lines of an Export-Csv for ``csv.reader``: checked, counted, ``#TYPE`` left out."""

    def __init__(self, first: str, lines: Iterator[str]) -> None:
        self.lines = chain([first], lines)
        self.size = 0  # read since the last row

    def __iter__(self) -> _CsvFeed:
        return self

    def __next__(self) -> str:
        while True:
            line = next(self.lines)
            if not isinstance(line, str):
                raise TypeError(f"read_events() needs lines of str, not {type(line).__name__}")
            if not line.startswith("#TYPE"):
                break
        self.size += len(line)
        if self.size > _MAX_CSV_ROW:
            self.size = 0
            raise _RowTooLong
        return line


def _csv_events(first: str, lines: Iterator[str]) -> Iterator[Event]:
    """Export-Csv of Get-WinEvent or Get-EventLog, or Event Viewer's CSV: a row per event."""
    feed = _CsvFeed(first, lines)
    rows = csv.reader(feed)
    header: list[str] | None = None
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error:
            continue  # a field over the csv module's limit, or a broken row: skip it
        except _RowTooLong:
            rows = csv.reader(feed)  # the rest of that row reads as rows of the wrong length
            continue
        finally:
            feed.size = 0
        if header is None:
            header = [_FIELDS.get(_column_key(name), "") for name in row]
            continue
        fields = _csv_fields(header, row)
        event = None if fields is None else _from_fields(fields)
        if event is not None:
            yield event


def _csv_fields(header: list[str], row: list[str]) -> dict[str, str] | None:
    """The fields of a CSV row, by the field each column fills; None for a broken row."""
    fields = {}
    if len(row) == len(header) + 1 and "message" not in header:
        # Event Viewer's "Save as CSV": the description is a last column with no name.
        fields["message"] = row[-1][:_MAX_VALUE]
    elif len(row) != len(header):
        return None  # every field is written: a row that is short or long is broken
    for field, value in zip(header, row):
        if field and field not in fields:
            fields[field] = value[:_MAX_VALUE]
    return fields


def _text(element: ET.Element) -> str:
    return (element.text or "").strip()


# What the elements of an event's XML give: the field, and how to read it.
_XML_FIELDS: dict[str, tuple[str, Callable[[ET.Element], str]]] = {
    "Provider": ("provider", lambda element: element.get("Name", "")),
    "EventID": ("id", _text),
    "TimeCreated": ("time", lambda element: element.get("SystemTime", "")),
    "Computer": ("computer", _text),
    "Binary": ("binary", lambda element: f"<Binary>{_text(element)}</Binary>"),
    # The rendered message of wevtutil /f:RenderedXml.
    "Message": ("message", lambda element: " ".join(_text(element).split())[:_MAX_VALUE]),
}


def _from_xml(text: str) -> Event | None:
    """The event in one ``<Event>`` element, if it is a RasClient or RemoteAccess one."""
    if _OUR_PROVIDERS.search(text) is None:
        return None  # another source's event: not worth parsing
    try:
        if "- " in text or "+ " in text or "-\t" in text or "+\t" in text:
            text = _FOLD_MARK.sub("", text)  # looked for in C first: most XML has no fold mark
        root = ET.fromstring(text)  # noqa: S314 - no DTDs or entities are expanded
    except ET.ParseError:
        return None
    fields: dict[str, str] = {}
    inserts: list[str] = []
    for element in root.iter():
        tag = element.tag.rpartition("}")[2]
        if tag == "Data":
            if len(inserts) < _MAX_INSERTS:
                inserts.append((element.text or "").strip())
            continue
        rule = _XML_FIELDS.get(tag)
        if rule is not None:
            fields[rule[0]] = rule[1](element)
    if "provider" not in fields:
        return None  # a provider named only in the text: not an event's XML
    return _build(fields, inserts)


def _from_fields(fields: dict[str, str]) -> Event | None:
    """The event a text record or CSV row describes."""
    if "id" not in fields and "instance" in fields:
        # InstanceId carries the qualifiers above the event id.
        number = _integer(fields["instance"])
        fields["id"] = "" if number is None else str(number & 0xFFFF)
    return _build(fields, _split_inserts(fields.get("inserts", "")))


def _whole_in_text(event: Event | None) -> bool:
    """Whether a text record gave all that its XML part could add (then the XML is not read)."""
    if event is None or event.provider != RASCLIENT or event.id_inferred:
        return False  # the server's code is in the XML's binary data only
    layout = _LAYOUTS.get((event.provider, event.event_id), _NO_LAYOUT)
    return not (
        (layout.coid is not None and event.coid is None)
        or (layout.user is not None and event.user is None)
        or (layout.connection is not None and event.connection is None)
        or (layout.number is not None and event.number is None)
    )


def _merged(text: Event | None, xml: Event | None) -> Event | None:
    """An event read from both text and XML: the text's fields, the XML's where it has none."""
    if text is None or xml is None:
        return text or xml
    if (text.provider, text.event_id) != (xml.provider, xml.event_id) and not text.id_inferred:
        return text  # not the same event after all
    number, code, evidence = text.number, text.code, text.evidence
    if xml.number is not None and xml.evidence != "message":
        number, code, evidence = xml.number, xml.code, xml.evidence  # the event's own field
    return Event(
        xml.provider,
        xml.event_id,
        text.time or xml.time,
        text.computer or xml.computer,
        text.coid or xml.coid,
        text.user or xml.user,
        text.connection or xml.connection,
        number,
        code,
        text.message or xml.message,
        evidence,
    )


def _split_inserts(text: str) -> list[str]:
    """``{{CoId}, user, entry, 809}`` as Format-List shows ReplacementStrings, split."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return []
    inserts, depth, start = [], 0, 1
    for mark in _INSERT_MARKS.finditer(text, 1, len(text) - 1):
        char = mark.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0:
            index = mark.start()
            inserts.append(text[start:index].strip())
            start = index + 1
            if len(inserts) == _MAX_INSERTS:
                return inserts
    inserts.append(text[start:-1].strip())
    return inserts


_INSERT_MARKS = re.compile(r"[{},]")


def _integer(text: str | None) -> int | None:
    if text is None:
        return None
    match = _INTEGER.fullmatch(text)
    return int(match.group(1)) if match is not None else None


def _insert(inserts: list[str], index: int | None) -> str | None:
    if index is None or index >= len(inserts):
        return None
    return inserts[index] or None


def _sentence_id(message: str) -> int | None:
    """The RasClient event whose template's sentence ``message`` holds, if one does."""
    found = _SENTENCE.search(message, 0, _SENTENCE_WINDOW)
    if found is None or found.lastgroup is None:
        return None
    return int(found.lastgroup[1:6])


def _build(fields: dict[str, str], inserts: list[str]) -> Event | None:
    message = fields.get("message", "")
    provider = _PROVIDERS.get(_provider_key(fields.get("provider", "")))
    event_id = _integer(fields.get("id"))
    inferred = False
    if provider is None or event_id is None:
        if fields.get("provider") and provider is None:
            return None  # another source's
        if provider == REMOTEACCESS:
            return None
        # No source or no id: a RasClient event is known by its sentence.
        sentence = _sentence_id(message)
        if sentence is None:
            return None
        provider, inferred = RASCLIENT, event_id is None
        event_id = sentence if event_id is None else event_id
    layout = _LAYOUTS.get((provider, event_id), _NO_LAYOUT)
    coid = _insert(inserts, layout.coid)
    if coid is None:
        match = _COID.search(message)
        coid = match.group(1) if match is not None else None
    if coid == _NO_COID:
        coid = None
    user, connection = _insert(inserts, layout.user), _insert(inserts, layout.connection)
    if (user is None or connection is None) and provider == RASCLIENT:
        user, connection = _names(message, user, connection)
    number, evidence = _number((provider, event_id), fields, inserts, layout, inferred=inferred)
    return Event(
        provider,
        event_id,
        fields.get("time") or None,
        fields.get("computer") or None,
        coid,
        user,
        connection,
        number,
        None if number is None else get(number),
        message,
        evidence,
        inferred,
    )


def _names(
    message: str, user: str | None, connection: str | None
) -> tuple[str | None, str | None]:
    """User and entry read from an English RasClient message, where the inserts lack them."""
    found = _USER.search(message, 0, _NAMES_WINDOW)
    after = 0 if found is None else found.end()
    entry = _ENTRY.search(message, after, after + _NAMES_WINDOW)
    return (
        user or (found.group(1) if found is not None else None),
        connection or (entry.group(1) if entry is not None else None),
    )


def _number(
    key: tuple[str, int],
    fields: dict[str, str],
    inserts: list[str],
    layout: _Layout,
    *,
    inferred: bool,
) -> tuple[int | None, str | None]:
    """The code an event carries, and where it was found: insert, binary data, message."""
    number = _integer(_insert(inserts, layout.number))
    if number is not None:
        return number, "insert"
    binary = find_binary_codes(fields["binary"]) if "binary" in fields else []
    if not binary and len(fields.get("data", "")) > 2:  # not Data : {}
        binary = find_binary_codes(f"Data : {fields['data']}")
    if binary:
        return binary[0].number, "binary"
    if key in _CODE_IN_MESSAGE:
        number = _message_number(fields.get("message", ""), inferred=inferred)
        if number is not None:
            return number, "message"
    return None, None


def _message_number(message: str, *, inferred: bool) -> int | None:
    """The code a RasClient message gives, or None when it cannot be told for sure.

    Its code sentence says it; in a language whose sentence is not known, the
    number that ends the message does, but only in a record whose labels said
    it is a RasClient event: text pasted alone may run on into prose.
    """
    found = [match.group(match.lastindex or 1) for match in _SENTENCE_CODE.finditer(message)]
    if found:
        return int(found[0]) if len(found) == 1 else None  # two records run together
    if inferred or _ENGLISH_MARK.search(message) is not None:
        return None  # the English sentence, but no number where it stands
    match = _FINAL_NUMBER.search(message)
    return int(match.group(1)) if match is not None else None
