"""One text as the scanner reads it: its lines, the words of a line, where names stand.

Everything here is found once per text and then asked by position: line
bounds and windows of lines by bisection over the line breaks, the names of
Remote Access and of other systems as sorted positions. Where messages are
quoted in it is ``_page_quotes``'s job.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from raserror._lookup import AS_SPACES
from raserror._messages import lower_same_length, says_own_words
from raserror._vocabulary import (
    CONTEXT_VOCABULARIES,
    DIALER,
    EVENT_SOURCE,
    EVENT_SOURCES,
    FOREIGN,
    FOREIGN_WORDS,
    LINE_WORDS,
    MS_CHAP_WORDS,
    OCCASION_NAME,
    OCCASION_NAMES,
    RAS_CONTEXT,
    WEAK_MARK,
    WEAK_MARK_WORDS,
    Needles,
    NeedleScan,
    Vocabulary,
    shared_cores,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from raserror._codes import ErrorCode

_NEWLINE = re.compile("\n")
# A carriage return alone ends a line, as Python reads a file and ``raserror scan`` reads lines.
_LONE_CR = re.compile(r"\r(?!\n)")


def plain(text: str) -> str:
    """``text`` as the scanner reads it, every position kept.

    A line break for each lone carriage return; a space for each of ``AS_SPACES``.
    """
    if "\r" in text and _LONE_CR.search(text) is not None:
        text = _LONE_CR.sub("\n", text)
    if not text.isascii():
        for space in AS_SPACES:
            if space in text:
                text = text.replace(space, " ")
    return text


# The rest of a name's word ("spid51", "роблоксе"); in scripts written without spaces, none.
_WORD_END = re.compile(r"\w*")
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Longer lines are read only in the parts near what is asked about.
LONG_LINE = 4096
# What may stand before a line's first word: spaces, and the marks of a quoted reply ("> ").
LINE_LEAD = r"[ \t]*(?:>[ \t]*){0,8}"
# A line longer than this is scanned in pieces that overlap.
PIECE = 1 << 16
# A code counted on its own evidence is context for error codes this many lines below it, and
# no further than this: the next items of its list, a blank line between each.
LIST_LINES = 4
LIST_CHARS = 600
# A code asked about once for every so many characters of the text, or more, has its
# message's words looked for in the whole text once: the search costs less than the windows.
_CHARS_PER_ASK = 6400


# The lists a page always looks for; a caller adds its own (the rules' starts).
_OWN = (*CONTEXT_VOCABULARIES, EVENT_SOURCES)
_CONTEXT = range(len(CONTEXT_VOCABULARIES))
_SOURCES = len(CONTEXT_VOCABULARIES)
_MS_CHAP_WORD = MS_CHAP_WORDS.compile()
_LINE_WORD = LINE_WORDS.compile()
# Other systems' names are looked for only where a number asks: near few places in most texts.
_FOREIGN_NEEDLES = Needles((FOREIGN_WORDS,))
_WEAK_MARK_NEEDLES = Needles((WEAK_MARK_WORDS,))
_OCCASION_NEEDLES = Needles((OCCASION_NAMES,))
# Letters a case-blind pattern matches as "i" and "s" that lower() leaves as they are: the
# dotless i U+0131 (a Turkish lower case writes the i of "windows update" so) and long s U+017F.
_FOLD = {"\u0131": "i", "\u017f": "s"}
_needles: dict[tuple[Vocabulary, ...], tuple[Needles, dict[str, tuple[str, int]]]] = {}


def _needles_with(starts: tuple[Vocabulary, ...]) -> tuple[Needles, dict[str, tuple[str, int]]]:
    """The page's lists and ``starts`` as needles, and the parts they share with other systems'."""
    needles = _needles.get(starts)
    if needles is None:
        lists = (*_OWN, *starts)
        cores = shared_cores((*lists, FOREIGN_WORDS))
        needles = _needles[starts] = (Needles(lists), cores)
    return needles


def lines_starting(
    first_line: re.Pattern[str], after_break: re.Pattern[str], text: str, start: int, end: int
) -> Iterator[tuple[int, re.Match[str]]]:
    """Each line of ``text[start:end]`` that starts with a match, with where the line starts.

    ``after_break`` is the same pattern after a line break: the engine skips to each break
    in C, not trying every character; the text's first line, with no break before it, is
    tried alone with ``first_line``.
    """
    if start == 0:
        first = first_line.match(text, 0, end)
        if first is not None:
            yield 0, first
    for line in after_break.finditer(text, max(start - 1, 0), end):
        yield line.start() + 1, line


def any_between(positions: list[int], start: int, end: int) -> bool:
    index = bisect_left(positions, start)
    return index < len(positions) and positions[index] < end


class _NamesAsked:
    """Where a list of names stands, found only as numbers ask about their surroundings.

    Looked for in the part asked about, until the parts asked about add up to an
    eighth of the text: then the places of its needles in the whole text, once,
    each matched when first asked about.
    """

    def __init__(
        self,
        needles: Needles,
        pattern: re.Pattern[str],
        text: str,
        lowered: str | None,
        scan: NeedleScan | None,
    ) -> None:
        self.needles, self.pattern = needles, pattern
        # The text, lower-cased where that keeps its positions, and its needle scan if its
        # needles are among those the scan shares cores with.
        self.text, self.lowered, self.scan = text, lowered, scan
        self.places: list[int] | None = None
        self.named: dict[int, bool] = {}
        self.asked = 0

    def starts_in(self, start: int, end: int) -> bool:
        """Whether a name matches at a needle that starts in ``text[start:end]``.

        A match that starts before the end counts, wherever it ends. Where lower case
        moves the text's positions, every place is tried.
        """
        text, lowered = self.text, self.lowered
        if lowered is None:
            return any(self.pattern.match(text, at) for at in range(start, end))
        reach = min(len(lowered), end + self.needles.longest)
        match, places = self.pattern.match, self.needles.places_in(lowered, start, reach)
        return any(at < end and match(text, at) for at in places)

    def named_in(self, start: int, end: int) -> bool:
        """Whether a name stands in ``text[start:end]``, the whole text read once much is asked."""
        text, scan = self.text, self.scan
        if self.places is None and self.lowered is not None and self.asked < len(text) // 8:
            self.asked += end - start
            return self.starts_in(start, end)
        if self.places is None:
            if scan is None:
                self.places = [found.start() for found in self.pattern.finditer(text)]
            else:
                self.places = self.needles.find_one(scan, 0)
        places, named = self.places, self.named
        index = bisect_left(places, start)
        while index < len(places) and places[index] < end:
            at = places[index]
            found = named.get(at)
            if found is None:
                found = named[at] = self.pattern.match(text, at) is not None
            if found:
                return True
            index += 1
        return False


class Page:
    """A text, its line breaks and the places of the names that weigh as evidence."""

    def __init__(
        self,
        text: str,
        *,
        context_everywhere: bool = False,
        starts: tuple[Vocabulary, ...] = (),
        is_plain: bool = False,
    ) -> None:
        """``starts``: more lists whose places ``starts_of`` gives, found in the same pass.

        ``is_plain``: ``text`` is read as ``plain`` gives it already, not read again for that.
        """
        text = text if is_plain else plain(text)
        self.text = text
        self.lowered = lower_same_length(text)
        self.newlines = [match.start() for match in _NEWLINE.finditer(text)]
        self.context_everywhere = context_everywhere
        self._needles, cores = _needles_with(starts)
        # Each needle is looked for when first asked, parts shared searched once.
        # Needles are looked for where the case-blind patterns could match.
        folded = self.lowered
        if folded is not None and not folded.isascii():
            for letter, plain_letter in _FOLD.items():
                if letter in folded:  # looked for in C: str.translate reads every character
                    folded = folded.replace(letter, plain_letter)
        self._scan = None if folded is None else NeedleScan(text, folded, cores)
        self._places_of_list: dict[int, list[int]] = {}
        self.context = self._matches(RAS_CONTEXT, *_CONTEXT)
        # The same without the words of a dial-up or broadband line, or of MS-CHAP, or both,
        # each found when first asked.
        self._context_beyond: dict[tuple[bool, bool], list[int]] = {}
        # Where a tool or API that dials is named, found when first asked.
        self._dialers: list[int] | None = None
        # The places of other systems' needles, found in the whole text when much is asked.
        self._foreign = _NamesAsked(_FOREIGN_NEEDLES, FOREIGN, text, folded, self._scan)
        # Found by the same scan, when much is asked: a case-blind pattern's pass over the whole
        # text costs as much as a digits pass, a needle's literal search little.
        self._occasions = _NamesAsked(_OCCASION_NEEDLES, OCCASION_NAME, text, folded, self._scan)
        # Asked beside numbers only, a few characters each: never read in the whole text.
        self._weak_marks = _NamesAsked(_WEAK_MARK_NEEDLES, WEAK_MARK, text, folded, None)
        self._sources: list[int] | None = None
        self._done: set[tuple[str, int]] = set()
        self._words_of_line: dict[int, frozenset[str]] = {}
        # For each code, the last stretch of the text read without its message's words.
        self.read_without: dict[ErrorCode, tuple[int, int]] = {}
        # For each code asked about often, whether a word of its messages stands in the text.
        self._says: dict[ErrorCode, bool] = {}
        self._says_asked: dict[ErrorCode, int] = {}
        # Where codes were counted on evidence of their own, and those of them a VPN's: a list of
        # error codes goes on past its context's reach ("* error 13801-> ...", "* error 13806->").
        self._lenders: list[int] = []
        self._tunnel_lenders: list[int] = []
        from raserror._page_quotes import PageQuotes  # here: it reads this module's names

        # Where the messages of codes are quoted, found when asked.
        self.quotes = PageQuotes(self)

    def _places_of(self, number: int) -> list[int] | None:
        """Where the needles of the ``number``-th list stand; None where the patterns search."""
        if self._scan is None:
            return None
        places = self._places_of_list.get(number)
        if places is None:
            places = self._places_of_list[number] = self._needles.find_one(self._scan, number)
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
        # Each is a line break within those limits or the limit itself: no min() or max() after.
        first = bisect_left(newlines, at - 1) - (lines + 1)
        start = newlines[first] + 1 if at and first >= 0 and newlines[first] >= floor else floor
        last = bisect_right(newlines, at) + lines
        end = newlines[last] if last < len(newlines) and newlines[last] < ceiling else ceiling
        return start, end

    def first_time(self, rule: str, at: int) -> bool:
        """Whether ``rule`` is asked about the line holding ``at`` for the first time."""
        key = (rule, self.line_bounds(at)[0])
        if key in self._done:
            return False
        self._done.add(key)
        return True

    def may_say(self, code: ErrorCode) -> bool:
        """Whether a word of ``code``'s messages may stand in the text; False only where none does.

        Read for a code asked about often: a log of one error that is not Remote Access's
        ("Error: 824" in every other line) reads the text once for its words, not each window;
        a code asked about less reads only the windows beside its numbers.
        """
        said = self._says.get(code)
        if said is not None:
            return said
        asked = self._says_asked[code] = self._says_asked.get(code, 0) + 1
        if asked * _CHARS_PER_ASK < len(self.text) or self.lowered is None:
            return True
        said = self._says[code] = says_own_words(code, self.lowered, 0, len(self.lowered))
        return said

    # Names ---------------------------------------------------------------------------

    def has_context(
        self, start: int, end: int, *, beyond_line: bool = False, beyond_ms_chap: bool = False
    ) -> bool:
        """Whether Remote Access context stands in ``text[start:end]``.

        ``beyond_line``: words of a dial-up or broadband line alone do not count;
        ``beyond_ms_chap``: MS-CHAP alone does not.
        """
        if self.context_everywhere:
            return True
        if not (beyond_line or beyond_ms_chap):
            return any_between(self.context, start, end)
        key = (beyond_line, beyond_ms_chap)
        places = self._context_beyond.get(key)
        if places is None:
            text = self.text
            places = self._context_beyond[key] = [
                at
                for at in self.context
                if not (beyond_line and _LINE_WORD.match(text, at))
                and not (beyond_ms_chap and _MS_CHAP_WORD.match(text, at))
            ]
        return any_between(places, start, end)

    def lend(self, at: int, *, tunnel: bool) -> None:
        """Take the code counted at ``at`` on its own evidence as context for the lines below it."""
        insort(self._lenders, at)
        if tunnel:
            insort(self._tunnel_lenders, at)

    def lends(self) -> bool:
        """Whether any code was counted on its own evidence yet."""
        return bool(self._lenders)

    def lent(self, at: int, *, tunnel: bool) -> bool:
        """Whether a code counted on its own evidence stands before ``at``, at most ``LIST_LINES`` lines up.

        ``tunnel``: only a VPN's, IPsec's or certificate's code lends.
        """
        lenders = self._tunnel_lenders if tunnel else self._lenders
        return any_between(lenders, self.around(at, LIST_LINES, LIST_CHARS)[0], at)

    def has_dialer(self, start: int, end: int) -> bool:
        """Whether a tool or API that dials (rasdial, RasDial) is named in ``text[start:end]``."""
        if self.context_everywhere:
            return True
        return any_between(self._dialer_places(), start, end)

    def dialers_in(self, start: int, end: int) -> list[int]:
        """Where a tool or API that dials or reads a dial's status is named in ``text[start:end]``."""
        places = self._dialer_places()
        return places[bisect_left(places, start) : bisect_left(places, end)]

    def _dialer_places(self) -> list[int]:
        if self._dialers is None:
            self._dialers = [at for at in self.context if DIALER.match(self.text, at)]
        return self._dialers

    def has_foreign(self, start: int, end: int) -> bool:
        """Whether another system is named in ``text[start:end]``."""
        return self._foreign.named_in(start, end)

    def foreign_name(self, start: int, end: int, at: int) -> str | None:
        """The name of another system, or a weak mark of one, in ``text[start:end]`` nearest ``at``."""
        found = [
            match
            for pattern in (FOREIGN, WEAK_MARK, OCCASION_NAME)
            for match in pattern.finditer(self.text, start, end)
        ]
        if not found:
            return None
        nearest = min(found, key=lambda match: min(abs(match.start() - at), abs(match.end() - at)))
        end = nearest.end()
        if not _UNSPACED.match(self.text, end - 1):  # "快鸟1": the name ends where it matched
            end = _WORD_END.match(self.text, end).end()  # type: ignore[union-attr] # "*" always matches
        return self.text[nearest.start() : end]

    def has_weak_mark(self, start: int, end: int) -> bool:
        """Whether a weak mark of another system (a web API's status, UPnP) stands in ``text[start:end]``."""
        return self._weak_marks.starts_in(start, end)

    def has_occasion_name(self, start: int, end: int) -> bool:
        """Whether a failure's occasion (Windows Update, an installation) is named in ``text[start:end]``."""
        return self._occasions.named_in(start, end)

    def occasion_before(self, start: int, end: int) -> int | None:
        """Where the last update or installation named in ``text[start:end]`` ends, if one is."""
        last = None
        for found in OCCASION_NAME.finditer(self.text, start, end):
            last = found.end()
        return last

    def has_event_source(self, start: int, end: int) -> bool:
        """Whether RasClient or RemoteAccess is named in ``text[start:end]``."""
        if self._sources is None:
            self._sources = self._matches(EVENT_SOURCE, _SOURCES)
        return any_between(self._sources, start, end)

    # Words --------------------------------------------------------------------------

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
