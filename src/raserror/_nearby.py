"""What stands near a candidate, asked lazily by the judge: context, other systems, messages."""

from __future__ import annotations

import re
from typing import NamedTuple

from raserror import _messages
from raserror._codes import Category, ErrorCode
from raserror._message_owner import introduced_for
from raserror._page import LINE_LEAD, LONG_LINE
from raserror._rules import names_another_error, symbols_beside

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._evidence import Candidate
    from raserror._page import Page
    from raserror._win32 import Win32Error

# The categories of codes that only a VPN tunnel ends with, never a dial-up or broadband line.
TUNNEL_CODES = frozenset((Category.VPN, Category.IPSEC, Category.CERTIFICATE))
# Context reaches this many lines around a number, and never further than this.
CONTEXT_LINES = 12
CONTEXT_CHARS = 1500
# How far before a number an update or an installation may lead its phrase.
_OCCASION_REACH = 48
# A record's field that says what a number stands for, on the line under it.
DESCRIPTION_FIELD = re.compile(LINE_LEAD + r"(?i:description)[ \t]*:")
# A description holding this many words of the code's messages (not "e" and "g" of "e.g.")
# may be that message in other words: "Access was denied." under 691.
DESCRIBED_WORDS = 2
# Where a sentence ends: a full stop and a space, or its line's end.
SENTENCE_END = re.compile(r"\.(?:\s|\Z)|\r?\n|\Z")
# Marks alone up to a line's end: read from a number, never a copy of the rest of a long line.
_ENDS_LINE = re.compile(r"[ \t\r.:;,]*(?=\n|\Z)")
# Where a text puts a number that Windows gave as its error: "[WinError 868]", "winerror=868".
_WINDOWS_SLOT = re.compile(r"(?i:winerror)[ \t]{0,8}[=:]?[ \t]{0,8}\Z")
# The largest code written as itself: a larger number is a code's HRESULT.
_LARGEST_CODE = 0xFFFF
# A hex number as Windows writes an error: "0x" and eight digits ("80070364" has no "0x", but
# is as long).
_WINDOWS_HEX_CHARS = 8
_SHORT_HEX_LEAST = 13000
# A message beside its number: on its line, or on the next lines of a dialog copy.
BESIDE_CHARS = 320
BESIDE_LINES = 3


class Beside:
    """The text beside a number: its own message there, or another code's."""

    __slots__ = ("code", "end", "listed_with", "may_be_own", "page", "start", "window")

    def __init__(self, near: Near) -> None:
        """The text beside the number ``near`` is about."""
        page, code, start, end = near.page, near.code, near.start, near.end
        self.page, self.code, self.start, self.end = page, code, start, end
        self.listed_with = near.listed_with
        text = page.text
        line_start, line_end = near.line()
        after_end = line_end
        if len(text[end : min(line_end, end + 16)].strip(" \t\r)]:.-")) < 3:
            # "Error 629" then the message on the next line, as dialog copies show it.
            after_end = page.around(end, BESIDE_LINES, BESIDE_CHARS)[1]
        self.window = (max(line_start, start - BESIDE_CHARS), min(after_end, end + BESIDE_CHARS))
        # The quick test, in C: without any word of its message on these lines, its message is not.
        if line_end - line_start > LONG_LINE:
            # A line with no end in sight is read in the window alone, its quotes too (``other``).
            first = self.window[0]
            last = _messages.after_words(text, self.window[1], _messages.OTHER_QUOTE_WORDS)
        else:
            first = line_start
            last = line_end if after_end == line_end else page.line_bounds(self.window[1])[1]
            last = min(last, self.window[1] + LONG_LINE)
        if page.lowered is None:  # lower() moves this text's characters: its window alone
            lowered = text[first:last].lower()
            self.may_be_own = _messages.says_own_words(code, lowered, 0, last - first)
        else:  # windows move on through one text: each reads only what the last did not
            self.may_be_own = _messages.says_own_words(
                code, page.lowered, first, last, page.read_without
            )

    def own(self) -> bool:
        if not self.may_be_own:
            return False
        text, window = self.page.text, self.window
        return any(
            _messages.has_own_run(self.code, _messages.text_words(text, *piece))
            for piece in ((window[0], self.start), (self.end, window[1]))
        )

    def other(self) -> bool:
        """Another code's message is quoted here."""
        page, window = self.page, self.window
        # Near context the page's quotes are found once for the whole run of lines: asked first
        # there, they answer most windows (no other code's quote) for a look-up each.
        asked_first = page.quotes.in_a_span(window[0])
        if asked_first and not other_quoted(page, self.code, window, self.listed_with):
            return False
        if not self.may_be_own and page.line_words(*window).isdisjoint(_messages.index().anchors):
            return False
        # The quick test, over the words where such a quote's first words can stand: from
        # the start of the window's first line to as many words past its end.
        first, first_end = page.line_bounds(window[0])
        if first_end - first > LONG_LINE:
            first = window[0]  # on a line with no end in sight, quotes are read in the window
        last = _messages.after_words(page.text, window[1], _messages.OTHER_QUOTE_WORDS)
        words = _messages.text_words(page.text, first, last)
        if not _messages.may_quote_other(self.code, words):
            return False
        return asked_first or other_quoted(page, self.code, window, self.listed_with)


def other_quoted(
    page: Page,
    code: ErrorCode,
    window: tuple[int, int],
    listed_with: frozenset[ErrorCode],
) -> bool:
    """Whether another code's message is quoted in ``window``, at some length.

    ``listed_with``: the codes of the list ``code`` was written in, none of them another.
    """
    return any(
        quote.code is not code
        and quote.code not in listed_with
        and quote.words >= _messages.OTHER_QUOTE_WORDS
        and quote.start < window[1]
        and window[0] < quote.end
        and introduced_for(page, quote.start) is not code  # given as its message, misremembered
        for quote in page.quotes.of_lines(*window)
    )


class _Meaning(NamedTuple):
    """The Windows error of a code's number, and what any spelling of it holds, lower-case."""

    windows: Win32Error
    marks: tuple[str, str]  # its symbol, and its message's longest word


_meanings: dict[ErrorCode, _Meaning | None] = {}


def _windows_meaning(code: ErrorCode) -> _Meaning | None:
    """The Windows error of ``code``'s number, if it has one, read once."""
    if code.win32_symbol is None:
        return None
    if code not in _meanings:
        from raserror._win32 import win32_error

        windows = win32_error(int(code))
        longest = max(windows.message.split(), key=len).strip(".,").lower() if windows else ""
        _meanings[code] = (
            None if windows is None else _Meaning(windows, (windows.symbol.lower(), longest))
        )
    return _meanings[code]


def other_system_near(
    page: Page, reach: tuple[int, int], line: tuple[int, int], start: int, end: int
) -> bool:
    """Whether another system is named within ``reach`` of the number at ``start:end``.

    Or a failure's occasion (Windows Update, an installation), or a weak mark of another
    system (a web API's HTTP status, UPnP) stands beside it on its ``line``.
    """
    if page.has_foreign(*reach) or page.has_occasion_name(*reach):
        return True
    line_start, line_end = line
    return page.has_weak_mark(
        max(line_start, start - BESIDE_CHARS), min(line_end, end + BESIDE_CHARS)
    )


class Near:
    """The surroundings of the number at ``start:end``, each found when first asked."""

    __slots__ = (
        "_beside",
        "_foreign_asked",
        "_foreign_line",
        "_line",
        "_reach",
        "code",
        "end",
        "lent",
        "listed_with",
        "page",
        "start",
        "vouched_by_list",
        "wrapped_from",
    )

    def __init__(self, page: Page, candidate: Candidate) -> None:
        """The surroundings of ``candidate`` on ``page``."""
        self.page, self.code = page, candidate.code
        self.start, self.end = candidate.start, candidate.end
        self.listed_with = candidate.listed_with
        self.wrapped_from = candidate.wrapped_from
        self.vouched_by_list = candidate.vouched
        # It counts by a code's evidence above it, not its own: it lends none.
        self.lent = False
        self._reach: tuple[int, int] | None = None
        self._line: tuple[int, int] | None = None
        self._beside: Beside | None = None
        self._foreign_line: tuple[int, int] | None = (
            None  # its line, where it names another system
        )
        self._foreign_asked = False

    def line(self) -> tuple[int, int]:
        if self._line is None:
            self._line = self.page.line_bounds(self.start)
        return self._line

    def reach(self) -> tuple[int, int]:
        if self._reach is None:
            self._reach = self.page.around(self.start, CONTEXT_LINES, CONTEXT_CHARS)
        return self._reach

    def beside(self) -> Beside:
        if self._beside is None:
            self._beside = Beside(self)
        return self._beside

    def own_message(self) -> bool:
        if self._beside is None and not self.page.may_say(self.code):
            return False  # none of its words in the whole text
        return self.beside().own()

    def other_message(self) -> bool:
        return self.beside().other()

    def other_symbol(self) -> bool:
        codes = symbols_beside(self.page, self.start, self.end)
        if self.code in codes:
            return False
        return any(code not in self.listed_with for code in codes) or names_another_error(
            self.page.text, self.end
        )

    def windows_meaning(self) -> bool:
        return self.windows_error() is not None

    def windows_error(self) -> Win32Error | None:
        """The Windows error of the same number, where the text beside it spells that out.

        "[WinError 740]" alone proves nothing: RasDial's codes are raised that way too.
        """
        meaning = _windows_meaning(self.code)
        if meaning is None:
            return None
        page, (start, end) = self.page, self.beside().window
        lowered = page.lowered
        # The quick test, in C: its symbol, or its message's longest word, in the window.
        if lowered is not None and all(
            lowered.find(mark, start, end) < 0 for mark in meaning.marks
        ):
            return None
        from raserror._win32 import spelled_out

        folded = " ".join(page.text[start:end].split()).casefold()  # a message may wrap
        return meaning.windows if spelled_out(meaning.windows, folded) else None

    def described_otherwise(self) -> bool:
        """The number ends its line and the next is a description field.

        Asked after its own message: a service code table's "Code: 651" then
        "Description: Incorrect dial up connection" writes what it means there.
        """
        text, line_end = self.page.text, self.line()[1]
        ends_line = _ENDS_LINE.match(text, self.end)
        if ends_line is None or ends_line.end() != line_end or line_end >= len(text):
            return False
        field = DESCRIPTION_FIELD.match(text, line_end + 1)
        if field is None:
            return False
        # Its first sentence, in words: two words of the code's messages, and it may be that.
        start, value_end = field.end(), text.find("\n", field.end())
        if value_end >= 0 and not text[start:value_end].strip():
            start = value_end + 1  # "Description:" alone on its line has its value on the next
        sentence = SENTENCE_END.search(text, start, start + BESIDE_CHARS)
        words = _messages.text_words(text, start, sentence.start() if sentence else start)
        own = _messages.index().content_words[self.code]
        return len({word for word in words if len(word) > 1 and word in own}) < DESCRIBED_WORDS

    def context(self) -> bool:
        if not self.page.context and not self.page.context_everywhere:
            return False  # none in the whole text: its reach need not be found
        # A VPN's, IPsec's or certificate's code needs more than a dial-up or broadband line, and
        # any code but authentication's more than MS-CHAP.
        return self.page.has_context(
            *self.reach(),
            beyond_line=self.code.category in TUNNEL_CODES,
            beyond_ms_chap=self.code.category is not Category.AUTHENTICATION,
        )

    def listed_below(self) -> bool:
        if not self.page.lends():
            return False
        tunnel = self.code.category in TUNNEL_CODES  # only a VPN's code lends a VPN's context
        self.lent = self.page.lent(self.start, tunnel=tunnel)
        return self.lent

    def vouched(self) -> bool:
        # Counted by the list it stands in, not its own evidence: it lends none.
        self.lent = self.lent or self.vouched_by_list
        return self.vouched_by_list

    def line_only(self) -> bool:
        """A VPN's, IPsec's or certificate's code, and a broadband or telephone line's words near.

        The judge asks it where the code's context was not found, so that any
        context near it can only be such a line's words.
        """
        return self.code.category in TUNNEL_CODES and self.page.has_context(
            *self.reach(), beyond_ms_chap=True
        )

    def written_as_windows(self) -> bool:
        """An HRESULT ("0x80070364", "-2147024028", "80070364"), or after "WinError" ("[WinError 868]").

        A code in eight hex digits too ("0x00000364"), as Windows prints one, and an IPsec
        code in fewer ("Error 0x35ed", as Azure's pages write them); not a dial-up code's
        short hex ("0x364"), which a register's offset or a character's code may be (Greek
        letters and combining accents stand at 0x334-0x3bc).
        """
        written = self.page.text[self.start : self.end]
        if not written.isdigit():
            return (
                len(written.lstrip("-")) >= _WINDOWS_HEX_CHARS  # "0x" and eight digits
                or int(self.code) >= _SHORT_HEX_LEAST
            )
        if int(written) > _LARGEST_CODE:
            return True  # a 32-bit value: the HRESULT of a code
        return (
            _WINDOWS_SLOT.search(self.page.text, max(0, self.start - 24), self.start) is not None
        )

    def foreign_on_line(self) -> bool:
        line = self.line()
        if self.wrapped_from is not None:  # "... SQL Server ... the VPN error" / "824 appears"
            line = (self.page.line_bounds(self.wrapped_from)[0], line[1])
        # An update or an installation on its line owns a code written in hex, as their failures
        # are, or one its own phrase leads to ("Installer failed with exit code: 740"); posts
        # name them as a failure's occasion too ("since the last Windows Update, VPN error 809").
        named = self.page.has_foreign(*line) or (
            self.page.has_occasion_name(*line)
            and (self.written_as_windows() or self._led_by_occasion(line[0]))
        )
        self._foreign_line = line if named else None
        self._foreign_asked = True
        return self._foreign_line is not None

    def _led_by_occasion(self, line_start: int) -> bool:
        """Whether an update or an installation leads the number's own phrase, no context between.

        "Windows Update error 643", "Installer failed with exit code: 740"; not "since
        the last Windows Update, VPN error 809", whose VPN word speaks between.
        """
        page, low = self.page, max(line_start, self.start - _OCCASION_REACH)
        named = page.occasion_before(low, self.start)
        return named is not None and not page.has_context(named, self.start)

    def foreign_near(self) -> bool:
        if not self._foreign_asked:
            self.foreign_on_line()  # its line, read back to where a wrapped number began
        line = self._foreign_line
        # Its line names another system and lies within reach: the reach ends a line or more
        # past its own, unless its limit in characters cuts it first.
        if (
            line is not None
            and self.start - line[0] <= CONTEXT_CHARS
            and line[1] - self.start <= CONTEXT_CHARS
        ):
            return True
        return other_system_near(self.page, self.reach(), self.line(), self.start, self.end)
