"""A list of Remote Access errors vouches for its items, where nothing else speaks for them.

An ISP's help pages, its support bot's buttons and its call scripts list the
dial-up errors a subscriber meets (`Ошибка 651`, `Ошибка 691`, `Ошибка 720`)
with no word of Remote Access near them: three codes or more of the dial-up
and VPN kinds, each after an error word, within reach of one another, say
whose they are. Numbers refused for want of context are gathered here in
the order the scanner judges them, each decided once every number within its
reach has been seen; what is kept stays within two reaches of the newest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from raserror._codes import Category, ErrorCode
from raserror._evidence import Candidate, Shape
from raserror._nearby import CONTEXT_CHARS, CONTEXT_LINES

TYPE_CHECKING = False
if TYPE_CHECKING:
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
# The decided numbers are dropped in batches, once this many are kept: not at each number.
_KEPT = 256
_NONE: list[Candidate] = []  # none vouched for: never added to, given back as it is
# The kept numbers are decided once this many more are kept.
_BATCH = 32


# Those codes, as numbers: an enum member hashes in Python, a number in C.
_VOUCHING = frozenset(
    int(code) for code in ErrorCode if code < VOUCHING_BELOW and code.category in VOUCHING_KINDS
)


def may_vouch(candidate: Candidate) -> bool:
    """Whether a refused candidate may go on such a list: a dial-up or VPN code after an error word."""
    return (
        candidate.shape is Shape.ERROR_WORD
        and not candidate.vouched
        and int(candidate.code) in _VOUCHING
    )


class Vouching:
    """The numbers refused for want of context in one text, and those their list vouches for."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._refused: list[Candidate] = []
        self._decided = 0  # the refused before this one are decided
        # The codes of the refused from ``_low`` to ``_high``: those within reach of the next.
        self._low = self._high = 0
        self._within: Counter[int] = Counter()
        self._codes: dict[int, int] = {}  # the codes of all the refused kept, and how many
        self._forget_at = _KEPT
        self._decide_at = _BATCH

    def add(self, candidate: Candidate) -> list[Candidate]:
        """Keep a refused candidate; those now decided that the list vouches for, to judge again.

        Decided in batches: a vouched number counts where it stands, whenever it is judged
        again, and it lends nothing on, so no other verdict waits for it.
        """
        refused, codes = self._refused, self._codes
        refused.append(candidate)
        code = int(candidate.code)  # an enum member hashes in Python, a number in C
        codes[code] = codes.get(code, 0) + 1
        if len(refused) < self._decide_at:
            return _NONE
        vouched = self._decide(before=candidate.start)
        self._decide_at = len(self._refused) + _BATCH
        return vouched

    def finish(self) -> list[Candidate]:
        """Those left that the list vouches for, once every number has been seen."""
        return self._decide(before=None)

    def _decide(self, *, before: int | None) -> list[Candidate]:
        """Decide each kept number whose reach ends before ``before`` (all, if None).

        A reach ends no further than CONTEXT_CHARS past its number: that bound, not the
        reach itself, says when one is decided, so a text with fewer codes finds no reach.
        """
        refused, vouched = self._refused, []
        while self._decided < len(refused):
            current = refused[self._decided]
            if before is not None and current.start + CONTEXT_CHARS >= before:
                break
            if len(self._codes) >= VOUCHING_CODES and self._vouched(current):
                vouched.append(replace(current, vouched=True))
            self._decided += 1
        if len(refused) >= self._forget_at:
            self._forget()
            self._forget_at = max(_KEPT, 2 * len(refused))  # at twice what is kept: linear
        return vouched

    def _vouched(self, current: Candidate) -> bool:
        """Whether enough distinct codes stand within reach of ``current``: a window slid on."""
        refused = self._refused
        start, end = self.page.around(current.start, CONTEXT_LINES, CONTEXT_CHARS)
        while self._high < len(refused) and refused[self._high].start < end:
            self._within[int(refused[self._high].code)] += 1
            self._high += 1
        while self._low < self._high and refused[self._low].start < start:
            code = int(refused[self._low].code)
            self._within[code] -= 1
            if not self._within[code]:
                del self._within[code]
            self._low += 1
        return len(self._within) >= VOUCHING_CODES

    def _forget(self) -> None:
        """Drop the decided numbers that no number still to decide has within its reach."""
        refused = self._refused
        keep_from = self._decided
        if keep_from < len(refused):
            first = refused[keep_from].start - CONTEXT_CHARS  # where its reach may begin
            while keep_from and refused[keep_from - 1].start >= first:
                keep_from -= 1
        for gone in refused[:keep_from]:
            code = int(gone.code)
            self._codes[code] -= 1
            if not self._codes[code]:
                del self._codes[code]
        del refused[:keep_from]
        self._decided -= keep_from
        if self._low >= keep_from:
            self._low -= keep_from
            self._high -= keep_from
        else:  # the window starts before what is dropped: it is counted again from what is kept
            self._low = self._high = 0
            self._within.clear()
