"""One text as the scanner reads it: its lines, the words of a line, where names stand.

Everything here is found once per text and then asked by position: line
bounds and windows of lines by bisection over the line breaks, the names of
Remote Access and of other systems as sorted positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from raserror._vocabulary import (
    CONTEXT_VOCABULARIES,
    EVENT_SOURCE,
    EVENT_SOURCES,
    FOREIGN,
    FOREIGN_WORDS,
    RAS_CONTEXT,
    Needles,
    Vocabulary,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from raserror._messages import Quote

_NEWLINE = re.compile("\n")
# Longer lines are read only in the parts near what is asked about.
LONG_LINE = 4096
# A line longer than this is scanned in pieces that overlap.
PIECE = 1 << 16


def lower_same_length(text: str) -> str | None:
    """``text`` lower-cased with each character in its place, or None if that cannot be."""
    if "\u0130" in text:
        # U+0130 (İ) is the one character whose lower case is two: take it as a plain I.
        text = text.replace("\u0130", "I")
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


# The lists a page always looks for; a caller adds its own (the rules' starts).
_OWN = (*CONTEXT_VOCABULARIES, EVENT_SOURCES)
_CONTEXT = range(len(CONTEXT_VOCABULARIES))
_SOURCES = len(CONTEXT_VOCABULARIES)
# Other systems' names are looked for only where a number asks: near few places in most texts.
_FOREIGN_NEEDLES = Needles((FOREIGN_WORDS,))
_needles: dict[tuple[Vocabulary, ...], Needles] = {}


def _needles_with(starts: tuple[Vocabulary, ...]) -> Needles:
    needles = _needles.get(starts)
    if needles is None:
        needles = _needles[starts] = Needles((*_OWN, *starts))
    return needles


def _runs_of_numbers(numbers: list[int], gap: int = 1) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of sorted numbers, each at most ``gap`` after the one before."""
    if not numbers:
        return
    first = last = numbers[0]
    for number in numbers[1:]:
        if number > last + gap:
            yield first, last
            first = number
        last = number
    yield first, last


def any_between(positions: list[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


class Page:
    """A text, its line breaks and the places of the names that weigh as evidence."""

    def __init__(
        self, text: str, *, context_everywhere: bool = False, starts: tuple[Vocabulary, ...] = ()
    ) -> None:
        """``starts``: more lists whose places ``starts_of`` gives, found in the same pass."""
        self.text = text
        self.lowered = lower_same_length(text)
        self.newlines = [match.start() for match in _NEWLINE.finditer(text)]
        self.context_everywhere = context_everywhere
        self._needles = _needles_with(starts)
        self._ascii = text.isascii()
        # Where each list's needles stand: all lists at once in a text that is not ASCII.
        self._places: list[list[int]] | None = None
        self._places_of_list: dict[int, list[int]] = {}
        self.context = self._matches(RAS_CONTEXT, *_CONTEXT)
        self._foreign: list[int] | None = None  # found in the whole text when much is asked
        self._foreign_asked = 0
        self._sources: list[int] | None = None
        self._done: set[tuple[str, int]] = set()
        self._words_of_line: dict[int, frozenset[str]] = {}
        self._quotes_of_line: dict[int, list[Quote]] = {}
        # Runs of lines near context, whose quotes are found in one search each, when asked.
        self._quote_spans: list[tuple[int, int]] = []
        self._quotes_of_span: dict[int, list[Quote]] = {}
        self._starts_of_span: dict[int, list[int]] = {}

    def _places_of(self, number: int) -> list[int] | None:
        """Where the needles of the ``number``-th list stand; None where the patterns search."""
        if self.lowered is None:
            return None
        if not self._ascii:
            if self._places is None:
                self._places = self._needles.find(self.lowered)
            return self._places[number]
        places = self._places_of_list.get(number)
        if places is None:
            places = self._needles.find_one(self.text, self.lowered, number)
            self._places_of_list[number] = places
        return places

    def _matches(self, pattern: re.Pattern[str], *lists: int) -> list[int]:
        """Where ``pattern`` matches, tried only where a needle of one of ``lists`` stands."""
        places = [self._places_of(number) for number in lists]
        if self.lowered is None:
            return [match.start() for match in pattern.finditer(self.text)]
        candidates = places[0] if len(places) == 1 else sorted(set().union(*places))  # type: ignore[arg-type] # None only without lowered
        match, text = pattern.match, self.text
        return [at for at in candidates or () if match(text, at)]

    def starts_of(self, number: int) -> list[int] | None:
        """Where a needle of the ``number``-th list of ``starts`` stands, or None if not looked for."""
        return self._places_of(len(_OWN) + number)

    # Lines ---------------------------------------------------------------------------

    def line_bounds(self, at: int) -> tuple[int, int]:
        """The start and end of the line holding ``at``."""
        newlines = self.newlines
        index = bisect_left(newlines, at)
        start = newlines[index - 1] + 1 if index else 0
        return start, newlines[index] if index < len(newlines) else len(self.text)

    def around(self, at: int, lines: int, chars: int) -> tuple[int, int]:
        """The span of ``lines`` lines each side of ``at``, at most ``chars`` each side."""
        newlines = self.newlines
        floor, ceiling = max(0, at - chars), min(len(self.text), at + chars)
        # Back: ``lines + 1`` line breaks before at - 1; forward: ``lines + 1`` after at.
        first = bisect_left(newlines, at - 1) - (lines + 1)
        start = newlines[first] + 1 if at and first >= 0 and newlines[first] >= floor else floor
        last = bisect_right(newlines, at) + lines
        end = newlines[last] if last < len(newlines) and newlines[last] < ceiling else ceiling
        return max(start, floor), min(end, ceiling)

    def first_time(self, rule: str, at: int) -> bool:
        """Whether ``rule`` is asked about the line holding ``at`` for the first time."""
        key = (rule, self.line_bounds(at)[0])
        if key in self._done:
            return False
        self._done.add(key)
        return True

    # Names ---------------------------------------------------------------------------

    def has_context(self, start: int, end: int) -> bool:
        return self.context_everywhere or any_between(self.context, start, end)

    def has_foreign(self, start: int, end: int) -> bool:
        """Whether another system is named in ``text[start:end]``.

        Looked for in the part asked about, until the parts asked about add up
        to an eighth of the text: then in the whole text, once.
        """
        text, lowered = self.text, self.lowered
        if self._foreign is None and lowered is not None and self._foreign_asked < len(text) // 8:
            self._foreign_asked += end - start
            # A name that starts before the end counts, wherever it ends.
            reach = min(len(lowered), end + _FOREIGN_NEEDLES.longest)
            places = _FOREIGN_NEEDLES.find(lowered, start, reach)[0]
            return any(FOREIGN.match(text, at) for at in places if at < end)
        if self._foreign is None:
            if lowered is None:
                self._foreign = [found.start() for found in FOREIGN.finditer(text)]
            else:
                places = (
                    _FOREIGN_NEEDLES.find_one(text, lowered, 0)
                    if self._ascii
                    else _FOREIGN_NEEDLES.find(lowered)[0]
                )
                self._foreign = [at for at in places if FOREIGN.match(text, at)]
        return any_between(self._foreign, start, end)

    def has_event_source(self, start: int, end: int) -> bool:
        """Whether RasClient or RemoteAccess is named in ``text[start:end]``."""
        if self._sources is None:
            self._sources = self._matches(EVENT_SOURCE, _SOURCES)
        return any_between(self._sources, start, end)

    # Words and quotes ----------------------------------------------------------------

    def line_words(self, start: int, end: int) -> set[str]:
        """The lower-case words of the lines that ``start:end`` touches, each line read once."""
        from raserror._messages import WORD

        words: set[str] = set()
        text = self.text
        position = self.line_bounds(start)[0]
        while position <= end and position <= len(text):
            line_end = self.line_bounds(position)[1]
            if line_end - position > LONG_LINE:  # only the part asked about, never all of it
                piece = text[max(position, start) : min(line_end, end + 1)].lower()
                words.update(WORD.findall(piece))
                position = line_end + 1
                continue
            cached = self._words_of_line.get(position)
            if cached is None:
                line = text[position:line_end].lower()
                cached = self._words_of_line[position] = frozenset(WORD.findall(line))
            words |= cached
            position = line_end + 1
        return words

    def quotes_in(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes in ``text[start:end]``, read in bounded pieces that overlap."""
        from raserror._messages import quotes

        seen = -1
        for piece in range(start, end, PIECE):
            for quote in quotes(self.text, piece, min(end, piece + PIECE + 600)):
                if quote.start > seen:
                    seen = quote.start
                    yield quote

    def read_quotes_in(self, spans: list[tuple[int, int]]) -> None:
        """Take the runs of lines near context, sorted and apart.

        Each run's quotes are found in one search when first asked, so a quote
        wrapped over lines is read whole, whichever line asks.
        """
        self._quote_spans = spans

    def _span_of(self, at: int) -> int | None:
        """The number of the run of lines near context that holds ``at``, if one does."""
        index = bisect_right(self._quote_spans, (at, len(self.text) + 1)) - 1
        return index if index >= 0 and at < self._quote_spans[index][1] else None

    def _span_quotes(self, index: int) -> list[Quote]:
        """The quotes that start in a run of lines near context, found once, in order.

        Only those on a line whose quick test lets a quote start.
        """
        cached = self._quotes_of_span.get(index)
        if cached is not None:
            return cached
        start, end = self._quote_spans[index]
        first = self.line_bounds(start)[0]
        last_start, last = self.line_bounds(end) if end < len(self.text) else (0, len(self.text))
        if last - last_start > LONG_LINE:
            last = end  # a line with no end in sight is read near its context only
        cached = self._quotes_of_span[index] = list(self._quotes_may_start(first, last))
        self._starts_of_span[index] = [quote.start for quote in cached]
        return cached

    def line_quotes(self, line_start: int) -> list[Quote]:
        """The quotes that start on the line at ``line_start`` (wrapping on), found once."""
        index = self._span_of(line_start)
        if index is not None:
            quotes, starts = self._span_quotes(index), self._starts_of_span[index]
            line_end = self.line_bounds(line_start)[1]
            return quotes[bisect_left(starts, line_start) : bisect_right(starts, line_end)]
        cached = self._quotes_of_line.get(line_start)
        if cached is None:
            cached = self._quotes_of_line[line_start] = self._quote_line(line_start)
        return cached

    def quotes_from(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes that start in ``text[start:end]``, read on to where a wrapped one ends.

        Within a run of lines near context, that run's quotes.
        """
        index = self._span_of(start)
        if index is not None and self.line_bounds(start)[0] == start:
            quotes = self._span_quotes(index)
            span_end = self._quote_spans[index][1]
            for quote in quotes:
                if start <= quote.start < end:
                    yield quote
            if end <= span_end:
                return
            start = span_end  # a list read on past the run: the rest on its own
        yield from self._quotes_may_start(start, end)

    def _quotes_may_start(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes that start in ``text[start:end]``, read on over the lines after it.

        On a line of common length, only where the quick test lets a quote start;
        a line with no end in sight is read no further than ``end``.
        """
        text = self.text
        line_start, line_end = self.line_bounds(end) if end < len(text) else (0, 0)
        long_last = line_end - line_start > LONG_LINE
        reach = end if end >= len(text) or long_last else self.around(end, 2, 600)[1]
        line_start, line_end, may_quote = -1, -1, False
        for quote in self._quotes_near_runs(start, reach):
            if quote.start >= end:
                return
            if quote.start > line_end:
                line_start, line_end = self.line_bounds(quote.start)
                may_quote = line_end - line_start > LONG_LINE or self._can_quote(line_start)
            if may_quote:
                yield quote

    def _quotes_near_runs(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes in ``text[start:end]``, as ``quotes_in`` gives them.

        Searched only on the lines with runs of message words and the lines
        after them that a quote may wrap onto; read in bounded pieces that
        overlap, as ``quotes_in`` reads.
        """
        from raserror._messages import lines_with_runs

        if self.lowered is None:
            yield from self.quotes_in(start, end)
            return
        newlines, seen = self.newlines, -1
        for piece in range(start, end, PIECE):
            piece_end = min(end, piece + PIECE + 600)
            lines = lines_with_runs(self.lowered[piece:piece_end])
            first_line = bisect_left(newlines, piece)
            # Lines close enough that their searches would overlap are searched as one.
            for first, last in _runs_of_numbers(lines, gap=4):
                low = newlines[first_line + first - 1] + 1 if first else piece
                ending = first_line + last  # the newline that ends the last line
                high = min(
                    newlines[ending] if ending < len(newlines) else len(self.text), piece_end
                )
                for quote in self.quotes_in(low, min(end, self.around(high, 2, 600)[1])):
                    if quote.start > seen:
                        seen = quote.start
                        yield quote

    def _can_quote(self, line_start: int) -> bool:
        """The quick test: a line without a message's rare words starts no quote."""
        from raserror._messages import index

        return not self.line_words(line_start, line_start).isdisjoint(index().anchors)

    def _quote_line(self, line_start: int) -> list[Quote]:
        from raserror._messages import quotes

        line_end = self.line_bounds(line_start)[1]
        cached = []
        if self._can_quote(line_start):
            window_end = (
                self.around(line_end, 2, 600)[1] if line_end < len(self.text) else line_end
            )
            cached = [
                quote
                for quote in quotes(self.text, line_start, window_end)
                if quote.start < line_end
            ]
        return cached

    def quotes_of_lines(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes of every line that ``start:end`` touches; a long line only in part."""
        text = self.text
        position = self.line_bounds(start)[0]
        while position <= end and position < len(text):
            line_end = self.line_bounds(position)[1]
            if line_end - position > LONG_LINE:
                yield from self.quotes_in(max(position, start), min(line_end, end))
            else:
                yield from self.line_quotes(position)
            position = line_end + 1
