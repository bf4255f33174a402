"""A list of Remote Access errors vouches for its items, where nothing else speaks for them.

An ISP's help pages, its support bot's buttons and its call scripts list the
dial-up errors a subscriber meets (`Ошибка 651`, `Ошибка 691`, `Ошибка 720`)
with no word of Remote Access near them: three codes or more of the dial-up
and VPN kinds, each after an error word and each one the list could count,
within reach of one another, say whose they are. The numbers refused for want
of context are kept in the text's order, each decided once every number
within its reach has been seen; what is kept stays within two reaches of the
newest.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from raserror._codes import Category, ErrorCode
from raserror._evidence import Candidate, Shape
from raserror._nearby import CONTEXT_CHARS, CONTEXT_LINES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

    from raserror._page import Page

# Three distinct codes make a list; two may be any program's pair.
VOUCHING_CODES = 3
# The kinds of code a dial-up or VPN connection ends with; not a router's, an API's, a
# certificate's (SQL Server's 823 and 824 are certificates' numbers too) or a phonebook's.
VOUCHING_KINDS = frozenset(
    (
        Category.LINE,
        Category.DEVICE,
        Category.PPP,
        Category.AUTHENTICATION,
        Category.CONNECTION,
        Category.NETWORK,
        Category.VPN,
        Category.POLICY,
    )
)
# Below the router's codes: Google Play's download errors (919-944) share the numbers above.
VOUCHING_BELOW = 900
# Those codes, as numbers: an enum member hashes in Python, a number in C.
_VOUCHING = frozenset(
    int(code) for code in ErrorCode if code < VOUCHING_BELOW and code.category in VOUCHING_KINDS
)
# A number after an error word may be proposed after one that stands this far after it: the
# number before the word comes after a list that follows the word ("720 error 651, 678").
_LATE_CHARS = 400
# The kept numbers are decided once this many more are kept, and the decided ones dropped in
# batches once this many are kept: not at each number.
_BATCH = 32
_KEPT = 256


def may_vouch(candidate: Candidate) -> bool:
    """Whether a refused candidate may go on such a list: a dial-up or VPN code after an error word.

    Not a program's own number: Diameter's "AVP Code: 701", a dispatcher's "code = 810" and a
    compiler's "Report.Error (720, m.Location, ...)" are listed so too.
    """
    return (
        candidate.shape is Shape.ERROR_WORD
        and not candidate.vouched
        and not candidate.program_number
        and int(candidate.code) in _VOUCHING
    )


class _Kept:
    """A refused number, and whether it would count if a list vouched for it (asked once)."""

    __slots__ = ("candidate", "counts")

    def __init__(self, candidate: Candidate) -> None:
        self.candidate = candidate
        self.counts: bool | None = None


class Vouching:
    """The numbers refused for want of context in one text, and those their list vouches for.

    ``counts_if_vouched`` tells whether a number would count on such a list: not where
    another system is named near it, nor beside another code's message.
    """

    def __init__(self, page: Page, counts_if_vouched: Callable[[Candidate], bool]) -> None:
        self.page = page
        self._counts_if_vouched = counts_if_vouched
        self._kept: list[_Kept] = []  # in the text's order
        self._starts: list[int] = []  # where each kept number starts
        self._decided = 0  # the kept numbers before this one are decided
        # The codes of the kept numbers from ``_low`` to ``_high`` that would count: those
        # within reach of the number decided last.
        self._low = self._high = 0
        self._within: Counter[int] = Counter()
        self._codes: dict[int, int] = {}  # the codes of all the numbers kept, and how many
        self._decide_at = _BATCH
        self._forget_at = _KEPT

    def add(self, candidate: Candidate) -> list[Candidate]:
        """Keep a refused candidate; those now decided that the list vouches for, which count.

        Decided in batches: a vouched number counts where it stands, whenever it is judged
        again, and it lends nothing on, so no other verdict waits for it.
        """
        at = bisect_right(self._starts, candidate.start)
        self._starts.insert(at, candidate.start)
        self._kept.insert(at, _Kept(candidate))
        if at < self._high:  # before numbers already counted: count the window again
            self._low = self._high = 0
            self._within.clear()
        if at < self._decided:  # before numbers already decided: taken as decided too
            self._decided += 1
        code = int(candidate.code)
        self._codes[code] = self._codes.get(code, 0) + 1
        if len(self._kept) < self._decide_at:
            return []
        vouched = self._decide(before=candidate.start - _LATE_CHARS)
        self._decide_at = len(self._kept) + _BATCH
        return vouched

    def finish(self) -> list[Candidate]:
        """Those left that the list vouches for, once every number has been seen."""
        return self._decide(before=None)

    def _decide(self, *, before: int | None) -> list[Candidate]:
        """Decide each kept number whose reach ends before ``before`` (all, if None).

        A reach ends no further than CONTEXT_CHARS past its number: that bound says when a
        number is decided, and while fewer than three codes are kept no reach is looked for.
        """
        kept, starts, vouched = self._kept, self._starts, []
        while self._decided < len(kept):
            current = kept[self._decided]
            if before is not None and starts[self._decided] + CONTEXT_CHARS >= before:
                break
            if len(self._codes) >= VOUCHING_CODES and self._vouched(current):
                vouched.append(replace(current.candidate, vouched=True))
            self._decided += 1
        if len(kept) >= self._forget_at:
            self._forget()
            self._forget_at = max(_KEPT, 2 * len(kept))  # at twice what is kept: linear
        return vouched

    def _counts(self, kept: _Kept) -> bool:
        if kept.counts is None:
            kept.counts = self._counts_if_vouched(replace(kept.candidate, vouched=True))
        return kept.counts

    def _vouched(self, current: _Kept) -> bool:
        """Whether ``current`` and two other codes that would count stand within its reach."""
        kept, starts = self._kept, self._starts
        start, end = self.page.around(current.candidate.start, CONTEXT_LINES, CONTEXT_CHARS)
        while self._high < len(kept) and starts[self._high] < end:
            if self._counts(kept[self._high]):
                self._within[int(kept[self._high].candidate.code)] += 1
            self._high += 1
        while self._low < self._high and starts[self._low] < start:
            if self._counts(kept[self._low]):
                code = int(kept[self._low].candidate.code)
                self._within[code] -= 1
                if not self._within[code]:
                    del self._within[code]
            self._low += 1
        return len(self._within) >= VOUCHING_CODES and self._counts(current)

    def _forget(self) -> None:
        """Drop the decided numbers that no number still to decide has within its reach."""
        kept, starts = self._kept, self._starts
        keep_from = self._decided
        if keep_from < len(kept):
            first = starts[keep_from] - CONTEXT_CHARS  # where its reach may begin
            while keep_from and starts[keep_from - 1] >= first:
                keep_from -= 1
        for gone in kept[:keep_from]:
            code = int(gone.candidate.code)
            self._codes[code] -= 1
            if not self._codes[code]:
                del self._codes[code]
        del kept[:keep_from]
        del self._starts[:keep_from]
        self._decided -= keep_from
        if self._low >= keep_from:
            self._low -= keep_from
            self._high -= keep_from
        else:  # the window starts before what is dropped: it is counted again from what is kept
            self._low = self._high = 0
            self._within.clear()
