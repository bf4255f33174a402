"""Remote Access events as administrators export them, and the dial attempts they tell.

``read_events`` reads the RasClient (client) and RemoteAccess (server) events
out of any of the exports Windows offers: Event Viewer's "Copy details as
text", ``Get-WinEvent``/``Get-EventLog ... | Format-List``, ``wevtutil qe
/f:text`` and ``/f:xml``, ``ToXml()``, ``Export-Csv``; ``group_attempts``
turns the client events into one record per dial attempt.
"""

from __future__ import annotations

import csv
import io
import re

# At run time, so that typing.get_type_hints() resolves the public functions.
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
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
_STAGE_ORDER = {stage: rank for rank, stage in enumerate(Stage)}
FAILED_EVENT, TERMINATED_EVENT = 20227, 20226


class Outcome(Enum):
    """How a dial attempt ended, as far as the export shows."""

    CONNECTED = "connected"
    FAILED = "failed"  # a RasClient 20227, or a RemoteAccess event that carries a code
    TERMINATED = "terminated"  # a RasClient 20226: the connection ended, with a reason code
    UNFINISHED = "unfinished"  # the export holds no end for it


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
    little-endian DWORD) or ``"message"`` (the last number of the message).
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

    @property
    def stage(self) -> Optional[Stage]:
        """The dial stage a RasClient event marks, if it marks one."""
        return STAGE_OF_EVENT.get(self.event_id) if self.provider == RASCLIENT else None


class Attempt(NamedTuple):
    """One dial attempt: the client events of one CoId, or one failing server event.

    ``stages`` are the stages reached, in dial order; ``last_stage`` is the
    furthest one (for a failure: how far the dial got before it failed).
    ``number`` and ``code`` are the failure's error code or the termination's
    reason code. ``start`` and ``end`` are the times of the first stage and
    of the end, as written in the export. ``events`` holds the events read
    for it (at most 64).
    """

    provider: str
    coid: Optional[str]
    user: Optional[str]
    connection: Optional[str]
    stages: tuple[Stage, ...]
    last_stage: Optional[Stage]
    outcome: Outcome
    number: Optional[int]
    code: Optional[ErrorCode]
    start: Optional[str]
    end: Optional[str]
    events: tuple[Event, ...]


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

# Field labels of the text exports, lower-case without spaces, to the field they fill.
# Event Viewer and wevtutil /f:text | Get-EventLog Format-List | Get-WinEvent Format-List.
_FIELDS = {
    "logname": "log",
    "source": "provider",
    "providername": "provider",
    "date": "time",
    "timegenerated": "time",
    "timecreated": "time",
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
    ]
)
# A "Label: value" line: at most a few spaces of indent (wevtutil indents by two).
_FIELD_LINE = re.compile(r"[ \t]{0,4}([A-Za-z][A-Za-z ]{0,24}?)[ \t]{0,40}:(?:[ \t]|$)")
_WEVTUTIL_RECORD = re.compile(r"Event\[\d{1,12}\]:?\s*\Z")
# Event Viewer's XML view marks foldable elements with "- " or "+ " before them.
_FOLD_MARK = re.compile(r"(?m)^[ \t]*[-+][ \t]+(?=<)")
_COID = re.compile(r"CoI[dD][ \t]?=[ \t]?(\{[^{}\s]{1,64}\}|[^:\s]{1,64})")
_LAST_NUMBER = re.compile(r"(?<![\w.-])(-?\d{1,11})[^\d]{0,12}$")
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
# Bounds that keep memory flat whatever the input: longer values are cut.
_MAX_VALUE = 1 << 14
_MAX_RECORD = 1 << 16
_MAX_XML = 1 << 20
_MAX_INSERTS = 64
_CSV_FIELD_LIMIT = 1 << 20


def read_events(source: Source) -> Iterator[Event]:
    """Every RasClient and RemoteAccess event in an export, in the order written.

    ``source`` is the text of an export (a str), an iterable of its lines
    (such as a file opened in text mode), or a file opened in binary mode or
    bytes, whose encoding is taken from its byte-order mark (UTF-16 as
    PowerShell writes it, UTF-8) or else read as UTF-8. Reads lazily, a line
    at a time, in bounded memory. Events of other sources are skipped, and
    so is text that no export shape holds. Raises ``ValueError`` for a
    binary ``.evtx`` log, which must be exported first.
    """
    return _Reader().run(_lines(source))


def _lines(source: Source) -> Iterator[str]:
    if isinstance(source, str):
        return iter(io.StringIO(source, newline=""))
    if isinstance(source, (bytes, bytearray)):
        return _decoded(io.BytesIO(source))
    read = getattr(source, "read", None)
    if read is not None and isinstance(read(0), bytes):
        return _decoded(cast("IO[bytes]", source))
    return iter(cast("Iterable[str]", source))


def _decoded(binary: IO[bytes]) -> Iterator[str]:
    """The lines of a binary stream, in the encoding its first bytes tell."""
    # peek() needs a buffered reader; BytesIO and odd streams are wrapped in one.
    buffered = binary if isinstance(binary, io.BufferedReader) else io.BufferedReader(binary)  # type: ignore[type-var]
    head = buffered.peek(SNIFFED)[:SNIFFED]
    if head.startswith(EVTX_MAGIC):
        raise ValueError("this is a binary .evtx event log: export it as XML or text first")
    encoding = sniff_encoding(head)
    return _detaching(io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline=""))


def _detaching(text: io.TextIOWrapper) -> Iterator[str]:
    try:
        yield from text
    finally:
        try:  # noqa: SIM105 - contextlib would cost an import
            text.detach()  # the caller's stream stays theirs to close
        except ValueError:  # they closed it already
            pass


class _Record:
    """The fields of one text record, as read so far: each a list of its lines."""

    __slots__ = ("fields", "foreign", "last", "size", "xml")

    def __init__(self) -> None:
        self.fields: dict[str, list[str]] = {}
        self.last: str | None = None  # the field that continuation lines extend
        self.xml: Event | None = None  # the "Event Xml:" part of an Event Viewer copy
        self.size = 0
        self.foreign = False  # another source's: its lines need not be kept

    def extend(self, field: str, text: str) -> None:
        if self.size > _MAX_RECORD or self.foreign:
            return  # a runaway value, or not ours: the rest is dropped
        self.size += len(text)
        parts = self.fields.get(field)
        if parts is None:
            self.fields[field] = [text]
        elif text:
            parts.append(text)

    def values(self) -> dict[str, str]:
        return {
            field: " ".join(filter(None, parts))[:_MAX_VALUE]
            for field, parts in self.fields.items()
        }


# The label of a field line, as written, to the field it fills ("" for the labels to ignore).
_KNOWN_LABELS: dict[str, str] = {}
_MAX_KNOWN_LABELS = 512


def _field_of(label: str) -> str | None:
    """The field ``label`` fills, "" for a label to ignore, None for no label of ours."""
    known = _KNOWN_LABELS.get(label)
    if known is not None:
        return known
    key = label.replace(" ", "").lower()
    field = _FIELDS.get(key, "" if key in _OTHER_LABELS else None)
    if field is not None and len(_KNOWN_LABELS) < _MAX_KNOWN_LABELS:
        _KNOWN_LABELS[label] = field
    return field


# Header lines repeat word for word ("  Level: Information", "Source : RasClient"): the
# parse of short ones whose value varies little is kept, for this many lines at most.
_REPEATED_LINES: dict[str, tuple[str | None, str]] = {}
_MAX_REPEATED_LINES = 4096
_MAX_REPEATED_LENGTH = 160
_REPEATING_FIELDS = frozenset({"", "provider", "log", "xml", "computer", "data"})


def _parse_line(line: str) -> tuple[str | None, str]:
    """The field a text line sets ("" for one to ignore, None for none) and its value."""
    # Most lines are wrapped values and message text: most of them hold no colon.
    match = _FIELD_LINE.match(line) if ":" in line else None
    if match is None:
        return None, ""
    field = _field_of(match.group(1))
    if field is None:
        return None, ""
    parsed = field, line[match.end() :].strip()
    if (
        field in _REPEATING_FIELDS
        and len(line) < _MAX_REPEATED_LENGTH
        and len(_REPEATED_LINES) < _MAX_REPEATED_LINES
    ):
        _REPEATED_LINES[line] = parsed
    return parsed


class _Reader:
    """One pass over the lines of an export: each line goes to the rule for its shape."""

    def __init__(self) -> None:
        self.record = _Record()

    def run(self, lines: Iterator[str]) -> Iterator[Event]:
        line = ""
        try:
            for line in lines:
                if "<Event" in line:
                    yield from self.xml_events(line, lines)
                elif line[:1] in _CSV_STARTS and _is_csv_header(line):
                    event = self.finish()
                    if event is not None:
                        yield event
                    yield from _csv_events(chain([line], lines))
                    return
                elif ":" in line or self.record.last is None:
                    event = self.text_line(line)
                    if event is not None:
                        yield event
                else:  # the commonest line: a wrapped value or message text, no field
                    self.record.extend(self.record.last, line.strip())
        except TypeError:
            if not isinstance(line, str):  # checked here, not per line: it costs a tenth
                raise TypeError(
                    f"read_events() needs lines of str, not {type(line).__name__}"
                ) from None
            raise
        event = self.finish()
        if event is not None:
            yield event

    # Text: Event Viewer, wevtutil /f:text, Format-List.

    def text_line(self, line: str) -> Event | None:
        """Add a line to the record; return the event it completes, if any."""
        parsed = _REPEATED_LINES.get(line)
        field, value = _parse_line(line) if parsed is None else parsed
        record = self.record
        if field is None:
            if record.last is not None:  # a wrapped value, or a colon inside a message
                record.extend(record.last, line.strip())
            elif line[:6] == "Event[" and _WEVTUTIL_RECORD.match(line):
                return self.finish()
            return None
        if not field:
            record.last = None
            return None
        event = None
        if field in record.fields and field != "xml":
            event = self.finish()  # the same label again: the next record has begun
            record = self.record
        record.extend(field, value)
        record.last = field if field in _WRAPPING else None
        if field == "provider" and _provider_key(value) not in _PROVIDERS:
            record.foreign = True
        return event

    def finish(self) -> Event | None:
        record, self.record = self.record, _Record()
        if record.foreign:
            return None
        if record.fields:
            return _from_fields(record.values(), record.xml)
        return record.xml

    # XML: wevtutil /f:xml, ToXml(), the XML of Event Viewer (with its fold marks).

    def xml_events(self, line: str, lines: Iterator[str]) -> Iterator[Event]:
        """The ``<Event>`` elements from ``line`` on: reads on to the end of the last one."""
        first = _EVENT_START.search(line)
        if first is None:
            return  # <Events>, the root that wevtutil /e:Events adds: no event yet
        text = line[first.start() :]
        pieces, size = [text], len(text)
        while True:
            if "</Event>" in pieces[-1]:
                text = "".join(pieces) if len(pieces) > 1 else pieces[0]
                end = text.find("</Event>")
                while end >= 0:
                    end += len("</Event>")
                    yield from self.xml_event(text[:end])
                    start = _EVENT_START.search(text, end)
                    if start is None:
                        return  # the rest of the line is text again
                    text = text[start.start() :]
                    end = text.find("</Event>")
                pieces, size = [text], len(text)
            following = next(lines, None)
            if following is None:
                return
            pieces.append(following)
            size += len(following)
            if size > _MAX_XML:
                return  # not an event after all, or a broken one: drop it

    def xml_event(self, text: str) -> Iterator[Event]:
        event = _from_xml(text)
        if event is None:
            return
        if "xml" in self.record.fields and self.record.xml is None:
            self.record.xml = event  # Event Viewer's text and XML of one event: merged
        else:
            finished = self.finish()
            if finished is not None:
                yield finished
            yield event


# An <Event> element's start tag, not the <Events> root around several.
_EVENT_START = re.compile(r"<Event[\s>]")
# A CSV header starts with a quote (Export-Csv quotes every field) or PowerShell's #TYPE line.
_CSV_STARTS = frozenset('"#')
# Fields whose values Format-List wraps onto the following, indented, lines.
_WRAPPING = frozenset({"message", "inserts", "data"})


def _is_csv_header(line: str) -> bool:
    if line.startswith("#TYPE"):
        return True
    try:
        names = {name.lower() for name in next(csv.reader([line]), [])}
    except csv.Error:  # Python 3.9's csv refuses a NUL: then it is no header
        return False
    return "message" in names and bool(names & {"providername", "source"})


def _csv_events(lines: Iterator[str]) -> Iterator[Event]:
    """Export-Csv of Get-WinEvent or Get-EventLog: a row per event, the code in the message."""
    limit = csv.field_size_limit()
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        rows = csv.reader(line for line in lines if not line.startswith("#TYPE"))
        header: list[str] | None = None
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error:
                continue  # an overlong or broken row: skip it
            if header is None:
                header = [name.replace(" ", "").lower() for name in row]
                continue
            fields = {}
            for name, value in zip(header, row):
                field = _FIELDS.get(name)
                if field is not None and field not in fields:
                    fields[field] = value[:_MAX_VALUE]
            event = _from_fields(fields, None)
            if event is not None:
                yield event
    finally:
        csv.field_size_limit(limit)


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
        root = ET.fromstring(_FOLD_MARK.sub("", text))  # noqa: S314 - no DTDs or entities are expanded
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
    return _build(fields, inserts)


def _from_fields(fields: dict[str, str], xml: Event | None) -> Event | None:
    """The event a text record describes, merged with its XML part when it has one."""
    if "id" not in fields and "instance" in fields:
        # InstanceId carries the qualifiers above the event id.
        number = _integer(fields["instance"])
        fields["id"] = "" if number is None else str(number & 0xFFFF)
    if xml is not None:
        # Event Viewer's copy: the XML is exact; the text adds the rendered message.
        return xml if xml.message else xml._replace(message=fields.get("message", ""))
    return _build(fields, _split_inserts(fields.get("inserts", "")))


def _split_inserts(text: str) -> list[str]:
    """``{{CoId}, user, entry, 809}`` as Format-List shows ReplacementStrings, split."""
    text = text.strip()
    if not (text.startswith("{") and text.endswith("}")):
        return []
    inserts, depth, start = [], 0, 1
    for index, char in enumerate(text[1:-1], 1):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 0:
            inserts.append(text[start:index].strip())
            start = index + 1
            if len(inserts) == _MAX_INSERTS:
                return inserts
    inserts.append(text[start:-1].strip())
    return inserts


def _integer(text: str | None) -> int | None:
    if text is None:
        return None
    match = _INTEGER.fullmatch(text)
    return int(match.group(1)) if match is not None else None


def _insert(inserts: list[str], index: int | None) -> str | None:
    if index is None or index >= len(inserts):
        return None
    return inserts[index] or None


def _build(fields: dict[str, str], inserts: list[str]) -> Event | None:
    provider = _PROVIDERS.get(_provider_key(fields.get("provider", "")))
    if provider is None:
        return None
    event_id = _integer(fields.get("id"))
    if event_id is None:
        return None
    message = fields.get("message", "")
    layout = _LAYOUTS.get((provider, event_id), _NO_LAYOUT)
    coid = _insert(inserts, layout.coid)
    if coid is None:
        match = _COID.search(message)
        coid = match.group(1) if match is not None else None
    user, connection = _insert(inserts, layout.user), _insert(inserts, layout.connection)
    if (user is None or connection is None) and provider == RASCLIENT:
        user, connection = _names(message, user, connection)
    number, evidence = _number((provider, event_id), fields, inserts, layout)
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
    key: tuple[str, int], fields: dict[str, str], inserts: list[str], layout: _Layout
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
        match = _LAST_NUMBER.search(fields.get("message", "").rstrip())
        if match is not None:
            return int(match.group(1)), "message"
    return None, None


# Attempts -------------------------------------------------------------------------------

# A CoId is held open until its attempt completes; past this many, the oldest is let go.
_OPEN_ATTEMPTS = 4096
_EVENTS_PER_ATTEMPT = 64
_CLIENT_EVENTS = frozenset({*STAGE_OF_EVENT, FAILED_EVENT, TERMINATED_EVENT})


def group_attempts(events: Iterable[Event]) -> Iterator[Attempt]:
    """One ``Attempt`` per dial: client events grouped by CoId, server failures alone.

    Works on exports in either order (Event Viewer and ``Get-WinEvent`` write
    the newest first). An attempt is yielded as soon as both its first stage
    (20221) and its end (20226 or 20227) have been read, the others when the
    events end; so memory stays bounded, attempts come in the order they
    complete. A RemoteAccess event that carries a code is an attempt of its
    own, failed. A client failure without a CoId is an attempt of its own.
    """
    open_attempts: dict[str, list[Event]] = {}
    for event in events:
        if event.provider == REMOTEACCESS:
            if event.number is not None:
                yield _attempt([event])
        elif event.event_id not in _CLIENT_EVENTS:
            continue
        elif event.coid is None:
            if event.event_id in (FAILED_EVENT, TERMINATED_EVENT):
                yield _attempt([event])
        else:
            yield from _add(open_attempts, event)
    for group in open_attempts.values():
        yield _attempt(group)


def _add(open_attempts: dict[str, list[Event]], event: Event) -> Iterator[Attempt]:
    """File a client event under its CoId; yield the attempt it completes, if any."""
    coid = cast("str", event.coid)
    group = open_attempts.setdefault(coid, [])
    if len(group) < _EVENTS_PER_ATTEMPT:
        group.append(event)
    if _complete(group):
        del open_attempts[coid]
        yield _attempt(group)
    elif len(open_attempts) > _OPEN_ATTEMPTS:
        oldest = next(iter(open_attempts))
        yield _attempt(open_attempts.pop(oldest))


def read_attempts(source: Source) -> Iterator[Attempt]:
    """``group_attempts(read_events(source))``: the dial attempts of an export."""
    return group_attempts(read_events(source))


def _complete(group: list[Event]) -> bool:
    ids = {event.event_id for event in group}
    return 20221 in ids and bool(ids & {FAILED_EVENT, TERMINATED_EVENT})


# The event that decides an attempt's outcome, most telling first.
_OUTCOME_OF_EVENT = ((FAILED_EVENT, Outcome.FAILED), (TERMINATED_EVENT, Outcome.TERMINATED))


def _attempt(group: list[Event]) -> Attempt:
    if group[0].provider == REMOTEACCESS:
        (event,) = group
        return Attempt(
            REMOTEACCESS,
            event.coid,
            event.user,
            event.connection,
            (),
            None,
            Outcome.FAILED,
            event.number,
            event.code,
            event.time,
            event.time,
            (event,),
        )
    staged = sorted(
        (event for event in group if event.stage is not None),
        key=lambda event: _STAGE_ORDER[event.stage],  # type: ignore[index]
    )
    stages = tuple(dict.fromkeys(event.stage for event in staged if event.stage is not None))
    end_event = next(
        (
            (event, outcome)
            for event_id, outcome in _OUTCOME_OF_EVENT
            for event in group
            if event.event_id == event_id
        ),
        None,
    )
    if end_event is not None:
        last, outcome = end_event
    elif Stage.CONNECTED in stages:
        last, outcome = staged[-1], Outcome.CONNECTED
    else:
        last, outcome = (staged[-1] if staged else group[-1]), Outcome.UNFINISHED
    first = staged[0] if staged else last
    return Attempt(
        RASCLIENT,
        group[0].coid,
        next((event.user for event in group if event.user), None),
        next((event.connection for event in group if event.connection), None),
        stages,
        stages[-1] if stages else None,
        outcome,
        last.number if end_event is not None else None,
        last.code if end_event is not None else None,
        first.time,
        last.time,
        tuple(group),
    )
