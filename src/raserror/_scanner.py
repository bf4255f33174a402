"""The scanner's engine: one pass over a text, rules proposing, the judge deciding.

Each rule of ``_rules.RULES`` is tried only where one of its needles stands
(found by ``str.find`` at C speed); then the whole-line rules read the lines
near Remote Access context. Every candidate goes through ``_evidence.judge``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import partial
from itertools import repeat
from typing import NamedTuple

from raserror._codes import ErrorCode  # noqa: TC001 - at run time for get_type_hints(Finding)
from raserror._evidence import Candidate, Evidence, Shape, judge
from raserror._messages import short_whole_message, shortened_message
from raserror._nearby import (
    CONTEXT_CHARS,
    CONTEXT_LINES,
    TUNNEL_CODES,
    Near,
    other_system_near,
)
from raserror._page import LONG_LINE, Page, plain
from raserror._quote_apart import a_programs_string, is_a_quote
from raserror._rules import (
    DIGIT,
    LISTED,
    QUOTE,
    RASDIAL_LINE,
    RECORD_CHARS,
    RULES,
    SHORT_MESSAGE,
    Rule,
    WrittenNumber,
    codes_leading_their_message,
    describes_another,
    names_a_code,
)
from raserror._vocabulary import Vocabulary  # noqa: TC001 - a dataclass field's type
from raserror._vouching import Vouching, may_vouch

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from raserror._messages import Quote
    from raserror._win32 import Win32Error

# All rules in one pattern: the way in when lower() cannot keep the text's positions.
_ANCHORS = re.compile(
    "|".join(f"(?P<rule{number}>{rule.start.pattern})" for number, rule in enumerate(RULES))
)
# Each rule's start pattern, compiled once.
_STARTS = {rule.name: rule.start.compile() for rule in RULES}


@dataclass(frozen=True)
class _Starting:
    """The rules a text can start, their words, and their patterns, in the table's order."""

    rules: tuple[Rule, ...]
    words: tuple[Vocabulary, ...]
    patterns: tuple[re.Pattern[str], ...]


_starting: dict[tuple[bool, ...], _Starting] = {}


# Every string some rule needs, each looked for once in a text: each look is a pass over it.
_NEEDED = tuple(dict.fromkeys(needed for rule in RULES for needed in rule.needs))


def _rules_for(text: str) -> _Starting:
    """The rules that can start in ``text``: those whose needed strings it holds, or need none."""
    held = {needed for needed in _NEEDED if needed in text}
    holds = tuple(not rule.needs or not held.isdisjoint(rule.needs) for rule in RULES)
    starting = _starting.get(holds)
    if starting is None:
        rules = tuple(rule for rule, held in zip(RULES, holds) if held)
        starting = _starting[holds] = _Starting(
            rules,
            tuple(rule.start for rule in rules),
            tuple(_STARTS[rule.name] for rule in rules),
        )
    return starting


# A line with nothing on it, however indented: records of a Format-List part there.
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\r?\n")
# A footer repeats the code of the error line this close before it.
FOOTER_REACH = 2000


@dataclass(frozen=True)
class Finding:
    """A RAS error code found in text.

    ``text[start:end]`` is the number as written, or for ``"message"``
    evidence without a number, the quoted message; ``line`` counts from 1.
    ``evidence`` says which rule made it count: ``"context"`` (the text says
    it came from Remote Access), ``"message"`` (the code's own message or
    symbol stands beside it, or it is a quote of that message),
    ``"unambiguous"`` (no other Windows error has that number) or
    ``"assumed"`` (the caller passed ``assume_ras=True``).
    """

    code: ErrorCode
    start: int
    end: int
    line: int
    evidence: Evidence


@dataclass(frozen=True)
class Hit:
    """A judged candidate, before its line is counted."""

    start: int
    end: int
    code: ErrorCode
    evidence: Evidence
    footer: bool = False


class Scanner:
    """One pass over one text."""

    def __init__(self, text: str, *, assume_ras: bool, rasdial_output: bool) -> None:
        # Only the rules that can start here are looked for: a text without a table's cells
        # does not pay for the table's words, even where all words are found in one pass.
        # Read as the page reads it: a no-break space is a space to a rule's needed strings too.
        text = plain(text)
        self.starting = _rules_for(text)
        self.page = Page(
            text, context_everywhere=rasdial_output, starts=self.starting.words, is_plain=True
        )
        self.assume_ras = assume_ras
        self.rasdial_output = rasdial_output
        self.found: dict[int, Hit] = {}
        self.attempts: dict[tuple[ErrorCode, str], int] = {}  # (code, CoId) -> where told
        # The last two candidates refused, and where they start: a number between two error words
        # ("Error 809 Error") is proposed by both, the other word's candidate in between.
        self._refused: tuple[Candidate | None, Candidate | None] = (None, None)
        self._refused_at = (-1, -1)
        # The numbers refused for want of context, until a list of them may vouch for some.
        # Told nothing of the scanner: a scanner and its parts in a cycle would outlive a scan.
        self.vouching = (
            None if assume_ras else Vouching(self.page, partial(_counts_on_a_list, self.page))
        )

    def offer(self, candidate: Candidate, *, always_judged: bool = False) -> Hit | None:
        """Judge ``candidate``; keep it if it counts. A place already found keeps its finding.

        ``always_judged``: the candidate is judged even where something was found already.
        """
        found = self.found.get(candidate.start)
        if found is not None and not always_judged:
            return found
        if candidate.start in self._refused_at and candidate in self._refused:
            return None  # the same candidate, refused just now
        if candidate.attempt is not None:
            # A record that repeats its message (Format-List's ReplacementStrings): one failure.
            told = self.attempts.get((candidate.code, candidate.attempt))
            if told is not None and self.same_record(told, candidate.start):
                return None
        near = Near(self.page, candidate)
        evidence = judge(candidate.code, candidate.shape, near, assume_ras=self.assume_ras)
        if evidence is None:
            self._refuse(candidate)
            return None
        if found is not None:
            return found
        hit = self._keep(candidate, evidence)
        if evidence == "message" or (evidence == "context" and not near.lent):
            self.page.lend(candidate.start, tunnel=candidate.code.category in TUNNEL_CODES)
            # A code that lends may make a number refused just now count: judged again.
            self._refused, self._refused_at = (None, None), (-1, -1)
        if candidate.attempt is not None:
            self.attempts[(candidate.code, candidate.attempt)] = candidate.start
        return hit

    def _refuse(self, candidate: Candidate) -> None:
        """Remember a refused candidate: not judged again at once, and a list may vouch for it."""
        self._refused = (self._refused[1], candidate)
        self._refused_at = (self._refused_at[1], candidate.start)
        if self.vouching is not None and may_vouch(candidate):
            for vouched in self.vouching.add(candidate):
                self._count_vouched(vouched)

    def _count_vouched(self, candidate: Candidate) -> None:
        """Keep a number a list vouches for: judged on the list already, it counts as context."""
        if candidate.start not in self.found:
            self._keep(candidate, "context")

    def _keep(self, candidate: Candidate, evidence: Evidence) -> Hit:
        """Keep ``candidate`` as found, on ``evidence``."""
        hit = Hit(candidate.start, candidate.end, candidate.code, evidence, candidate.footer)
        self.found[candidate.start] = hit
        return hit

    def context_spans(self) -> list[tuple[int, int]]:
        """The runs of lines near Remote Access context, in order, none overlapping another."""
        page = self.page
        if page.context_everywhere:
            return [(0, len(page.text))]
        spans: list[tuple[int, int]] = []
        for first, last in _clusters(sorted(page.context + self.listed_apart())):
            start = page.around(first, CONTEXT_LINES, CONTEXT_CHARS)[0]
            end = page.around(last, CONTEXT_LINES, CONTEXT_CHARS)[1]
            if spans and start <= spans[-1][1]:
                start = spans.pop()[0]  # one run read as one: its quotes in one search
            spans.append((start, end))
        return spans

    def listed_apart(self) -> list[int]:
        """Where a line numbers a code beside its own message, with no context near it.

        Such a line counts on its own message, and the lines around it are read
        as lines near context are ("600 An operation is pending." in a pasted
        list of errors, the rest of the list).
        """
        page, seeds = self.page, []

        def apart(line_start: int) -> bool:  # near context it is read with the rest of its lines
            return not page.has_context(*page.around(line_start, CONTEXT_LINES, CONTEXT_CHARS))

        for candidate in codes_leading_their_message(page, apart):
            hit = self.offer(candidate, always_judged=True)
            if hit is not None:
                seeds.append(hit.start)
        return seeds

    def same_record(self, start: int, end: int) -> bool:
        """Whether ``start`` and ``end`` are in one record: near, with no blank line between."""
        return end - start <= RECORD_CHARS and not _BLANK_LINE.search(self.page.text, start, end)

    def run(self) -> list[Hit]:
        spans = self.context_spans()
        self.page.quotes.read_spans(spans)
        if self.rasdial_output:
            for candidate in RASDIAL_LINE.read(self.page, 0, len(self.page.text)):
                self.offer(candidate)
        for rule, anchor in self.anchors():
            for candidate in rule.read(self.page, anchor):
                self.offer(candidate)
        if self.vouching is not None:
            for vouched in self.vouching.finish():
                self._count_vouched(vouched)
        self.near_context(spans)
        return _drop_repeated_footers(sorted(self.found.values(), key=lambda hit: hit.start))

    def anchors(self, *, explain: bool = False) -> Iterator[tuple[Rule, re.Match[str]]]:
        """Where each rule starts, in order: its needles found in the page's one pass, then its match.

        Every rule reads a number: a text without a digit (a pasted paragraph) starts none.
        ``explain``: every rule, its gate not asked, to say why a text gave no code.
        """
        page = self.page
        if DIGIT.search(page.text) is None:
            return
        if page.starts_of(0) is None:
            for anchor in _ANCHORS.finditer(page.text):
                yield RULES[int((anchor.lastgroup or "rule0")[4:])], anchor
            return
        rules, patterns = self.starting.rules, self.starting.patterns
        asked = [
            number
            for number, rule in enumerate(rules)
            if explain or rule.gate is None or rule.gate(page)
        ]
        placed = [number for number in asked if page.starts_of(number)]
        starts: Iterable[tuple[int, int]]
        if len(placed) == 1:  # one rule starts here, as in most logs: its places are in order
            starts = zip(page.starts_of(placed[0]) or (), repeat(placed[0]))
        else:
            starts = sorted(
                (at, number) for number in placed for at in page.starts_of(number) or ()
            )
        for at, number in starts:
            match = patterns[number].match(page.text, at)
            if match is not None:
                yield rules[number], match

    def near_context(self, spans: list[tuple[int, int]]) -> None:
        """The whole-line rules, on the runs of lines near Remote Access context, ``spans``.

        A message quoted without its number (a dialog copy, an RRAS event's
        reason) and a number alone on its line above its message (Microsoft's
        lists) count only where the text speaks of Remote Access or a VPN.
        """
        page = self.page
        found = sorted((hit.start, hit.end, hit.code) for hit in self.found.values())
        done = 0  # the text before this is read
        for span_start, span_end in spans:
            line_start, line_end = page.line_bounds(span_start)
            # A line with no end in sight is read from where the context reaches, no sooner.
            first = span_start if line_end - line_start > LONG_LINE else line_start
            start, end = max(first, done), span_end
            while start < end:
                line_end = page.line_bounds(end)[1]
                if line_end - end <= LONG_LINE:  # the last line whole, unless it has no end
                    end = line_end
                reach = self.read_region(start, end, found)
                done = start = end
                end = max(end, reach)

    def read_region(self, start: int, end: int, found: list[tuple[int, int, ErrorCode]]) -> int:
        """The whole-line rules on ``text[start:end]``, in order; where the reading must reach.

        A list of codes and messages is context for the rest of the list. A
        quote that wraps onto the next lines is read once, from the line it
        starts on, and those lines are no list; a quote that starts on one of
        them after it ends is read all the same.
        """
        page = self.page
        proposed = sorted(
            [(candidate.start, 0, candidate) for candidate in LISTED.read(page, start, end)]
            + [(candidate.start, 1, candidate) for candidate in QUOTE.read(page, start, end)]
            + [
                (candidate.start, 1, candidate)
                for candidate in SHORT_MESSAGE.read(page, start, end)
            ],
            key=lambda item: item[:2],
        )
        reach = end
        quoted_line_end, quoted_to = -1, -1  # the lines a wrapped quote runs onto
        items: list[_Item] = []  # the lines led by a code, judged, in order
        for at, rule, candidate in proposed:
            if rule:
                self.add_quote(candidate, found)
                quoted_line_end = page.line_bounds(at)[1]
                quoted_to = max(quoted_to, page.line_bounds(candidate.end - 1)[1])
                continue
            if quoted_line_end < at <= quoted_to:
                continue
            hit = self.offer(candidate, always_judged=True)
            quotes = hit is not None and hit.evidence == "message"
            items.append(_Item(candidate, quotes=quotes, counted=hit is not None))
            if hit is not None:
                _note(found, hit.start, hit.end, hit.code)
                line_end = page.line_bounds(at)[1]
                reach = max(reach, page.around(line_end, CONTEXT_LINES, CONTEXT_CHARS)[1])
        self.vouch_items(items, found)
        return reach

    def vouch_items(self, items: list[_Item], found: list[tuple[int, int, ErrorCode]]) -> None:
        """Count the refused items of a list of codes whose next or last item quotes its message.

        ``606 The specified port is not connected.`` / ``607 An invalid event is detected.``
        / ``608 ...``: an item in other words than Windows' beside items that quote theirs,
        its code just above the last item's or below the next one's. An item counted so vouches
        for no other: one message does not make a run of numbers codes.
        """
        for order in (items, items[::-1]):
            for before, item in zip(order, order[1:]):
                if item.counted or not before.quotes or not self._siblings(before, item):
                    continue
                hit = self.offer(replace(item.candidate, vouched=True), always_judged=True)
                if hit is not None:
                    item.counted = True
                    _note(found, hit.start, hit.end, hit.code)

    def _siblings(self, counted: _Item, item: _Item) -> bool:
        """Whether ``item`` is the list item next to ``counted``: a code or two apart, in order."""
        first, last = sorted((counted.candidate, item.candidate), key=lambda c: c.start)
        lines = self.page.text.count("\n", first.start, last.start)
        return lines <= _ITEM_LINES and 0 < int(last.code) - int(first.code) <= _ITEM_STEP

    def add_quote(self, quote: Candidate, found: list[tuple[int, int, ErrorCode]]) -> None:
        # The same code found close by, by its number or its message: once is enough.
        low = bisect_left(found, (quote.start - CONTEXT_CHARS,))
        high = bisect_right(found, (quote.end + CONTEXT_CHARS,))
        if any(code is quote.code for _, _, code in found[low:high]):
            return
        if describes_another(self.page, quote.start, quote.code):
            return  # the words describe the number beside them ("619" over "The port was ...")
        self.offer(quote)
        _note(found, quote.start, quote.end, quote.code)


# A list of codes one to a line: its items at most this many lines apart (a blank line or two
# between), their codes rising by at most this much (a list may leave out an obsolete code).
_ITEM_LINES = 3
_ITEM_STEP = 2


@dataclass
class _Item:
    """A line led by a code: whether it counts, and whether by its own message."""

    candidate: Candidate
    quotes: bool
    counted: bool


def _note(found: list[tuple[int, int, ErrorCode]], start: int, end: int, code: ErrorCode) -> None:
    """Keep a place found in ``found``, in order of where it starts."""
    found.insert(bisect_left(found, (start,)), (start, end, code))


def _counts_on_a_list(page: Page, candidate: Candidate) -> bool:
    """Whether a number would count on a list of dial-up errors: judged as on one."""
    return (
        judge(candidate.code, candidate.shape, Near(page, candidate), assume_ras=False) is not None
    )


def _clusters(positions: list[int], gap: int = 200) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of sorted positions less than ``gap`` apart."""
    if not positions:
        return
    first = last = positions[0]
    for at in positions[1:]:
        if at - last >= gap:
            yield first, last
            first = at
        last = at
    yield first, last


def _drop_repeated_footers(hits: list[Hit]) -> list[Hit]:
    """A footer repeats the code of the error line just before it: keep one."""
    kept: list[Hit] = []
    last: dict[ErrorCode, int] = {}
    for hit in hits:
        if hit.footer and hit.start - last.get(hit.code, -(10**9)) <= FOOTER_REACH:
            continue
        last[hit.code] = hit.start
        kept.append(hit)
    return kept


def scan_text(
    text: str, *, assume_ras: bool, rasdial_output: bool = False, pasted: bool = False
) -> list[Hit]:
    """Every finding in ``text``, in order; ``rasdial_output`` trusts rasdial's error lines.

    ``pasted``: the text was handed over to be explained as Remote Access text, so a
    message quoted anywhere in it counts (a quote of a few words where it stands apart),
    and each code is reported once: where the text
    first speaks for it, or where first seen if only the asking does.
    """
    scanner = Scanner(text, assume_ras=assume_ras, rasdial_output=rasdial_output)
    hits = scanner.run()
    if not pasted:
        return hits
    first: dict[ErrorCode, Hit] = {}
    for hit in hits:  # where the text itself speaks for a code, not only the asking
        kept = first.get(hit.code)
        if kept is None or (kept.evidence == "assumed" and hit.evidence != "assumed"):
            first[hit.code] = hit
    for quote in scanner.page.quotes.within(0, len(text)):
        if (
            quote.code not in first
            and is_a_quote(scanner.page, quote)
            and not describes_another(scanner.page, quote.start, quote.code)
            and not _programs_own(scanner.page, quote)
        ):
            candidate = Candidate(quote.start, quote.end, quote.code, Shape.OWN_WORDS)
            quoted = scanner.offer(candidate)
            if quoted is not None and quoted.code is quote.code:
                first[quote.code] = quoted
    # "Policy match error" pasted alone, or "IKE credentials are unacceptable": all that was asked.
    whole = None if first else short_whole_message(text) or shortened_message(text)
    if whole is not None:
        first[whole.code] = Hit(whole.start, whole.end, whole.code, "message")
    return sorted(first.values(), key=lambda hit: hit.start)


def _programs_own(page: Page, quote: Quote) -> bool:
    """Whether a pasted short quote is a program's string, where nothing near speaks of Remote Access.

    Neither context nor a code's symbol (a program's own table of Windows' messages, its
    ``ERROR_PORT_ALREADY_OPEN`` under ``[Description("The specified port is already open.")]``).
    """
    if not a_programs_string(page, quote):
        return False
    reach = page.around(quote.start, CONTEXT_LINES, CONTEXT_CHARS)
    return not page.has_context(*reach) and not names_a_code(page, *reach)


@dataclass(frozen=True)
class Elsewhere:
    """A number in an error shape that names a code, refused as another system's error."""

    code: ErrorCode
    start: int
    end: int
    named: str | None  # what names that system beside it, as the text writes it
    windows: Win32Error | None = None  # the Windows error of that number, spelled out beside it


class ShapedNumber(NamedTuple):
    """A number in an error shape, whatever it names, and what names another system beside it."""

    number: WrittenNumber
    named: str | None  # as the text writes it: "Severity", "HTTP Error 503"
    # Named by another system's field before it (NPS's "Reason Code: 16"): that field says what
    # the number is wherever else the text writes it.
    by_field: bool = False


@dataclass(frozen=True)
class Refused:
    """Why a text's numbers in error shapes were not taken as codes, read in one pass."""

    # Numbers that name a code, refused as another system's error or Windows' own, each code once.
    elsewhere: list[Elsewhere]
    # Every number after an error word or in RasClient's sentence, whatever it names.
    numbers: list[ShapedNumber]


def refused_numbers(text: str) -> Refused:
    """The numbers of ``text`` in an error shape, and those refused as other systems' errors.

    Asked of a pasted text that gave no finding, to say why: ``Error 824``
    beside ``SQL Server`` is that server's error, however it was asked about;
    ``error=740, The requested operation requires elevation`` is Windows'
    ERROR_ELEVATION_REQUIRED; ``Error 87`` is a Windows error, which is more than
    "no code found"; ``HTTP Error 503`` is the web's.
    """
    scanner = Scanner(text, assume_ras=True, rasdial_output=False)
    elsewhere: list[Elsewhere] = []
    numbers: list[ShapedNumber] = []
    told: set[ErrorCode] = set()  # each code once: the first place that names another system
    for rule, anchor in scanner.anchors(explain=True):
        elsewhere += _refused_at(scanner, rule, anchor, told)
        number = None if rule.written is None else rule.written(scanner.page, anchor)
        if number is not None:
            numbers.append(_shaped(scanner.page, number))
    return Refused(elsewhere, numbers)


# The shapes whose number is an error's: refused, it may be another system's or Windows' own.
_ERROR_SHAPES = frozenset((Shape.ERROR_WORD, Shape.COLUMN, Shape.COMMA_JOINED, Shape.EXIT_STATUS))


def _refused_at(
    scanner: Scanner, rule: Rule, anchor: re.Match[str], told: set[ErrorCode]
) -> list[Elsewhere]:
    """The codes a rule reads at ``anchor`` in an error shape, refused as another system's."""
    page = scanner.page
    refused = []
    for candidate in rule.read(page, anchor):
        if candidate.shape not in _ERROR_SHAPES or candidate.code in told:
            continue
        if scanner.offer(candidate) is not None:
            continue
        near = Near(page, candidate)
        windows = near.windows_error()
        named = (
            page.foreign_name(*near.reach(), candidate.start)
            if windows is None and near.foreign_near()
            else None
        )
        if windows is not None or named is not None:
            told.add(candidate.code)
            refused.append(
                Elsewhere(candidate.code, candidate.start, candidate.end, named, windows)
            )
    return refused


# Another system's field before a number, looked for only to explain a pasted text, never in a
# scan: NPS's event 6273 gives its own reason codes, "Reason Code: 16" (not Windows' error 16).
_OTHER_FIELD = re.compile(r"(?i:(reason code))[ \t]*:[ \t]*\Z")
_FIELD_REACH = 40


def _shaped(page: Page, number: WrittenNumber) -> ShapedNumber:
    """``number`` with the name of another system beside it, if one stands there."""
    reach = page.around(number.start, CONTEXT_LINES, CONTEXT_CHARS)
    line = page.line_bounds(number.start)
    if not other_system_near(page, reach, line, number.start, number.end):
        start = max(line[0], number.start - _FIELD_REACH)
        field = _OTHER_FIELD.search(page.text, start, number.start)
        if field is None:
            return ShapedNumber(number, None)
        return ShapedNumber(number, field.group(1), by_field=True)
    # The name nearest on its line, else within reach (a weak mark is on its line).
    named = page.foreign_name(*line, number.start) or page.foreign_name(*reach, number.start)
    return ShapedNumber(number, named)


def with_lines(text: str, hits: list[Hit]) -> Iterator[tuple[Hit, int]]:
    """Each finding with the index of its line, counted in one pass.

    A line ends as the page reads it: at a line feed, or at a carriage return alone.
    """
    line, counted, count = 0, 0, text.count
    for hit in hits:
        line += (
            count("\n", counted, hit.start)
            + count("\r", counted, hit.start)
            - count("\r\n", counted, hit.start)
        )
        counted = hit.start
        yield hit, line
