"""A program's table of codes: ``case 691:`` or ``600: result := 'operation is pending';``.

Each arm of a ``switch``, a ``case ... of`` or a map labels what follows with a
number. A run of arms is a table of Remote Access codes where most of its arms
name codes, enough of them say what their code means in a word of its message
that few codes' messages hold ("busy" for 676), and Remote Access or PPP is
named in reach or heads the table: then each arm there that names a code is
that code. A table of ports, HTTP statuses or another program's errors says
other words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import accumulate, islice
from typing import NamedTuple

from raserror._evidence import Candidate, Shape
from raserror._lookup import from_int
from raserror._messages import WORD, index
from raserror._page import LINE_LEAD, any_between, lines_starting

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from raserror._codes import ErrorCode
    from raserror._page import Page

# An arm's label, at its line's start (after a reply's marks): "case 691:", VB's "Case 691",
# "691 =>", '"691":', Pascal's "600: result := ..."; its colon ends a word, not "600 := x" (an
# assignment), ESLint's "853:10" (a line and column) nor Redis' "605:M" (a process id).
_COLON = r":(?=[ \t\r\n\"'{]|\Z)"
_LABEL = (
    LINE_LEAD + rf"(?:(?i:case)[ \t]+(?P<case>[0-9]{{3,5}})[ \t]*(?:{_COLON}|,|(?=\r?(?:\n|\Z)))"
    rf"|[\"']?(?P<key>[0-9]{{3,5}})[\"']?[ \t]*(?:{_COLON}|=>))"
)
ARM = re.compile(_LABEL)
# Where the rule starts: a line break (found in C, at line breaks alone), then a label's start.
ARM_START = (
    "\n" + LINE_LEAD + r"(?:(?i:case)[ \t]+[0-9]{3,5}|[\"']?[0-9]{3,5}[\"']?[ \t]*(?::|=>))"
)
# Lines without a label that may stand between two arms of one table: a return, a comment.
ARM_GAP = 3
# How far each side of an arm the arms that vouch for it stand, in lines and in characters:
# less than scan_lines holds around a line, so that it reads what find_codes does.
ARM_REACH = 12
ARM_REACH_CHARS = 16_000
# How far above an arm the context that heads its table may stand: less than scan_lines reads
# again before the lines it reports.
CONTEXT_ABOVE = 40
CONTEXT_ABOVE_CHARS = 32_000
# From there to the arms' reach below, what says the table is one of Remote Access codes and
# not another program's in like words ("case 601: return 'Invalid handle'" in a camera's SDK):
# Remote Access context, or PPP, the dial-up link whose errors the 7xx codes are.
_PPP = re.compile(r"(?<![A-Za-z])(?i:ppp)(?![A-Za-z])")
# A word that more codes' messages than this hold tells no code ("file", "invalid", "device"),
_MOST_HOLDERS = 15
# nor does a word any program's text says, however few messages hold it ("if", "case").
_EVERYDAY = frozenset(
    (
        "also",
        "any",
        "call",
        "case",
        "change",
        "data",
        "day",
        "did",
        "do",
        "done",
        "down",
        "e",
        "end",
        "etc",
        "event",
        "few",
        "find",
        "fix",
        "g",
        "get",
        "got",
        "how",
        "if",
        "its",
        "know",
        "log",
        "made",
        "make",
        "many",
        "more",
        "most",
        "must",
        "need",
        "new",
        "none",
        "nor",
        "off",
        "old",
        "one",
        "only",
        "out",
        "over",
        "p",
        "per",
        "request",
        "result",
        "run",
        "s",
        "same",
        "say",
        "see",
        "send",
        "sent",
        "set",
        "so",
        "some",
        "state",
        "status",
        "such",
        "sure",
        "t",
        "than",
        "them",
        "then",
        "time",
        "too",
        "try",
        "two",
        "type",
        "up",
        "use",
        "used",
        "uses",
        "via",
        "w",
        "want",
        "way",
        "when",
        "who",
        "x",
    )
)
# How much of an arm's line (and the next, where its line says nothing) tells its meaning.
_SAID_CHARS = 200
_LETTER = re.compile(r"[^\W\d_]")


class Arm(NamedTuple):
    """One arm of a table: its number, the code it names if any, and whether it says its words."""

    start: int
    end: int
    code: ErrorCode | None
    says_own: bool


def has_arms(page: Page) -> bool:
    """Whether ``page`` holds three arms at least: a table to read (one pass, in C)."""
    text = page.text
    return len(list(islice(lines_starting(ARM, _ARM_STARTS, text, 0, len(text)), 3))) == 3


_ARM_STARTS = re.compile(ARM_START)


def read_code_table(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """The codes of the table whose arm starts after ``anchor``'s line break, each table once."""
    first = anchor.start() + 1
    if not page.first_time("code table", first):
        return  # an arm of a table read already
    # The text's first line is the one line whose arm no line break starts.
    near_start = bisect_left(page.newlines, first) <= ARM_GAP + 1
    start = 0 if near_start and ARM.match(page.text, 0) else first
    arms = _arms(page, start)
    if not arms:
        return
    starts = [arm.start for arm in arms]
    # Where PPP is named about the table, found once: each arm looks it up.
    ppp_from = page.around(arms[0].start, CONTEXT_ABOVE, CONTEXT_ABOVE_CHARS)[0]
    ppp_to = page.around(arms[-1].start, ARM_REACH, ARM_REACH_CHARS)[1]
    ppp = [found.start() for found in _PPP.finditer(page.text, ppp_from, ppp_to)]
    # How many arms before each name codes, and say their words: a reach's count is a difference.
    naming = list(accumulate((int(arm.code is not None) for arm in arms), initial=0))
    saying = list(
        accumulate((int(arm.code is not None and arm.says_own) for arm in arms), initial=0)
    )
    for arm in arms:
        if arm.code is None:
            continue
        reach_start, reach_end = page.around(arm.start, ARM_REACH, ARM_REACH_CHARS)
        low, high = bisect_left(starts, reach_start), bisect_right(starts, reach_end)
        named, said = naming[high] - naming[low], saying[high] - saying[low]
        # Most arms there name codes, and three at least, half of those at least, say their words.
        vouched = said >= 3 and 2 * said >= named and 3 * named >= 2 * (high - low)
        # Context may head the table: looked for further up, as far as scan_lines reads back.
        heading = page.around(arm.start, CONTEXT_ABOVE, CONTEXT_ABOVE_CHARS)[0]
        if vouched and (
            page.has_context(heading, reach_end) or any_between(ppp, heading, reach_end)
        ):
            yield Candidate(arm.start, arm.end, arm.code, Shape.RAS_SHAPE)


def _arms(page: Page, start: int) -> list[Arm]:
    """The arms of the run of lines from ``start``: each an arm, or one of a few lines between."""
    text, arms = page.text, []
    gap = 0
    at = start
    while at <= len(text) and gap <= ARM_GAP:
        line_end = page.line_bounds(at)[1]
        label = ARM.match(text, at, line_end)
        if label is None:
            gap += 1
        else:
            gap = 0
            page.first_time("code table", at)
            arms.append(_arm(page, label, line_end))
        at = line_end + 1
    return arms


def _arm(page: Page, label: re.Match[str], line_end: int) -> Arm:
    """The arm ``label`` starts, on a line ending at ``line_end``."""
    text = page.text
    group = "case" if label.group("case") is not None else "key"
    start, end = label.span(group)
    code = from_int(int(text[start:end]))
    said_start, said_end = label.end(), min(line_end, label.end() + _SAID_CHARS)
    if _LETTER.search(text, said_start, said_end) is None and line_end < len(text):
        # "case 691:" alone on its line: what it returns is on the next, unless that is an arm.
        next_end = page.line_bounds(line_end + 1)[1]
        if ARM.match(text, line_end + 1, next_end) is None:
            said_start, said_end = line_end + 1, min(next_end, line_end + 1 + _SAID_CHARS)
    said = set(WORD.findall(text[said_start:said_end].lower()))
    return Arm(start, end, code, code is not None and not said.isdisjoint(_telling_words(code)))


def _telling_words(code: ErrorCode) -> frozenset[str]:
    """The words of ``code``'s messages that few codes' messages hold: "busy", "dialtone".

    An arm that says "Invalid parameter" or "Failed to upload file" says what many
    errors of many programs say: it tells no code (a modem's table of FTP errors).
    """
    words = _telling.get(code)
    if words is None:
        held = _holders()
        words = _telling[code] = frozenset(
            word
            for word in index().content_words[code]
            if held[word] <= _MOST_HOLDERS and word not in _EVERYDAY and not word.isdigit()
        )
    return words


def _holders() -> Counter[str]:
    """For each word of the messages, how many codes' messages hold it."""
    if not _held:
        _held.update(word for words in index().content_words.values() for word in words)
    return _held


_telling: dict[ErrorCode, frozenset[str]] = {}
_held: Counter[str] = Counter()
