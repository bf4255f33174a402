"""Where a page quotes the messages of codes: found when asked, each search done once.

The runs of lines near Remote Access context have their quotes found in one
search each, shared by every line that asks, so a quote wrapped over lines is
read whole; other lines alone. A search reads only the runs of lines that
hold four message words in a row, found in C: a quote lies on its own run's
lines, a line break within it included.
"""

from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right

from raserror._page import LONG_LINE, PIECE

# Longer than any message quoted: pieces of a search overlap by this much, and a quote wraps
# on at most this far (and two lines) past where it starts being read.
QUOTE_REACH = 600

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from raserror._messages import Quote
    from raserror._page import Page


class PageQuotes:
    """The quotes of one page's text."""

    def __init__(self, page: Page) -> None:
        # Not the page itself: a page and its quotes in a cycle would outlive a scan.
        self.page: Page = weakref.proxy(page)
        self._of_line: dict[int, list[Quote]] = {}
        # Runs of lines near context, whose quotes are found in one search each, when asked.
        self._spans: list[tuple[int, int]] = []
        self._of_span: dict[int, list[Quote]] = {}
        self._starts_of_span: dict[int, list[int]] = {}
        self._span_read_to: dict[
            int, int
        ] = {}  # where a run's search stopped: its last line's end

    def within(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes in ``text[start:end]``, read in bounded pieces that overlap."""
        from raserror._messages import quotes

        read_to = -1  # where the last quote given ends: a quote read again in part is no other
        for piece in range(start, end, PIECE):
            piece_end = min(end, piece + PIECE + QUOTE_REACH)
            # A quote that starts in the overlap may run past it: the next piece reads it whole.
            last_start = piece + PIECE if piece_end < end else end
            for quote in quotes(self.page.text, piece, piece_end):
                if quote.start >= last_start:
                    break
                if quote.start >= read_to:
                    read_to = quote.end
                    yield quote

    def read_spans(self, spans: list[tuple[int, int]]) -> None:
        """Take the runs of lines near context, sorted and apart.

        Each run's quotes are found in one search when first asked, so a quote
        wrapped over lines is read whole, whichever line asks.
        """
        self._spans = spans

    def in_a_span(self, at: int) -> bool:
        """Whether ``at`` lies in a run of lines near context, whose quotes are found at once."""
        return self._span_of(at) is not None

    def _span_of(self, at: int) -> int | None:
        """The number of the run of lines near context that holds ``at``, if one does."""
        index = bisect_right(self._spans, (at, len(self.page.text) + 1)) - 1
        return index if index >= 0 and at < self._spans[index][1] else None

    def _span_quotes(self, index: int) -> list[Quote]:
        """The quotes that start in a run of lines near context, found once, in order.

        Only those on a line whose quick test lets a quote start.
        """
        cached = self._of_span.get(index)
        if cached is not None:
            return cached
        start, end = self._spans[index]
        first = self.page.line_bounds(start)[0]
        last_start, last = (
            self.page.line_bounds(end) if end < len(self.page.text) else (0, len(self.page.text))
        )
        if last - last_start > LONG_LINE:
            last = end  # a line with no end in sight is read near its context only
        cached = self._of_span[index] = list(self._quotes_may_start(first, last))
        self._starts_of_span[index] = [quote.start for quote in cached]
        self._span_read_to[index] = last
        return cached

    def _span_part(self, index: int, start: int, end: int) -> list[Quote]:
        """The quotes of a run of lines near context that start in ``text[start:end]``."""
        quotes, starts = self._span_quotes(index), self._starts_of_span[index]
        return quotes[bisect_left(starts, start) : bisect_left(starts, end)]

    def of_line(self, line_start: int) -> list[Quote]:
        """The quotes that start on the line at ``line_start`` (wrapping on), found once."""
        index = self._span_of(line_start)
        if index is not None:
            return self._span_part(index, line_start, self.page.line_bounds(line_start)[1] + 1)
        cached = self._of_line.get(line_start)
        if cached is None:
            cached = self._of_line[line_start] = self._quote_line(line_start)
        return cached

    def starting(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes that start in ``text[start:end]``, read on to where a wrapped one ends.

        Within a run of lines near context, that run's quotes.
        """
        index = self._span_of(start)
        if index is not None and self.page.line_bounds(start)[0] == start:
            yield from self._span_part(index, start, end)
            read_to = self._span_read_to[index]
            if end <= read_to:
                return
            start = read_to  # a list read on past the run: the rest on its own
        yield from self._quotes_may_start(start, end)

    def _quotes_may_start(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes that start in ``text[start:end]``, read on over the lines after it.

        On a line of common length, only where the quick test lets a quote start;
        a line with no end in sight is read no further than ``end``.
        """
        text = self.page.text
        line_start, line_end = self.page.line_bounds(end) if end < len(text) else (0, 0)
        long_last = line_end - line_start > LONG_LINE
        reach = end if end >= len(text) or long_last else self.page.around(end, 2, QUOTE_REACH)[1]
        line_start, line_end, may_quote = -1, -1, False
        for quote in self._quotes_near_runs(start, reach):
            if quote.start >= end:
                return
            if quote.start > line_end:
                line_start, line_end = self.page.line_bounds(quote.start)
                may_quote = line_end - line_start > LONG_LINE or self._can_quote(line_start)
            if may_quote:
                yield quote

    def _quotes_near_runs(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes in ``text[start:end]``, as ``within`` gives them.

        Searched only on the runs of lines that hold runs of message words,
        each run alone; read in bounded pieces that overlap, as ``within``
        reads, a run that may go on past a piece's end read on past it.
        """
        from raserror._messages import lines_with_runs

        if self.page.lowered is None:
            yield from self.within(start, end)
            return
        newlines, read_to = self.page.newlines, -1
        for piece in range(start, end, PIECE):
            piece_end = min(end, piece + PIECE + QUOTE_REACH)
            lines = lines_with_runs(self.page.lowered[piece:piece_end])
            first_line = bisect_left(newlines, piece)
            # A quote lies on lines that hold runs of message words, its own run's lines: each
            # run of such lines is searched alone, and read on where the line after it is not
            # whole in the piece (the piece's end may cut the run, or a word of it).
            for first, last in _runs_of_numbers(lines):
                low = newlines[first_line + first - 1] + 1 if first else piece
                ending = first_line + last  # the newline that ends the last line
                high = newlines[ending] if ending < len(newlines) else len(self.page.text)
                if ending + 1 >= len(newlines) or newlines[ending + 1] >= piece_end:
                    high = self.page.around(piece_end, 2, QUOTE_REACH)[1]
                for quote in self.within(low, min(end, high)):
                    if quote.start >= read_to:  # not one read already, nor a part of one
                        read_to = quote.end
                        yield quote

    def _can_quote(self, line_start: int) -> bool:
        """The quick test: a line without a message's rare words starts no quote."""
        from raserror._messages import index

        return not self.page.line_words(line_start, line_start).isdisjoint(index().anchors)

    def _quote_line(self, line_start: int) -> list[Quote]:
        from raserror._messages import quotes

        line_end = self.page.line_bounds(line_start)[1]
        cached = []
        if self._can_quote(line_start):
            window_end = (
                self.page.around(line_end, 2, QUOTE_REACH)[1]
                if line_end < len(self.page.text)
                else line_end
            )
            cached = [
                quote
                for quote in quotes(self.page.text, line_start, window_end)
                if quote.start < line_end
            ]
        return cached

    def of_lines(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes of every line that ``start:end`` touches; a long line only in part."""
        text = self.page.text
        position = self.page.line_bounds(start)[0]
        while position <= end and position < len(text):
            line_end = self.page.line_bounds(position)[1]
            if line_end - position > LONG_LINE:
                yield from self.within(max(position, start), min(line_end, end))
            else:
                yield from self.of_line(position)
            position = line_end + 1


def _runs_of_numbers(numbers: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of sorted numbers in a row (3, 4, 5)."""
    if not numbers:
        return
    first = last = numbers[0]
    for number in numbers[1:]:
        if number > last + 1:
            yield first, last
            first = number
        last = number
    yield first, last
