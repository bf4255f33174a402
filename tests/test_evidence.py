"""The one judge: every kind of evidence, and the costly questions asked only when they count."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from raserror import ErrorCode
from raserror._evidence import EXPLANATIONS, Candidate, Shape, accept, judge
from raserror._nearby import CONTEXT_CHARS, CONTEXT_LINES
from raserror._nearby import Near as NearOnPage
from raserror._page import Page
from raserror._vocabulary import FOREIGN, WEAK_MARK

# 868 has no other Windows meaning; 740 is also ERROR_ELEVATION_REQUIRED.
UNAMBIGUOUS, SHARED = ErrorCode(868), ErrorCode(740)
# 13801 has no other Windows meaning either, and five digits.
FIVE_DIGITS = ErrorCode(13801)


@dataclass
class Near:
    """Surroundings given outright, counting what the judge asks."""

    own: bool = False
    other: bool = False
    symbol: bool = False
    windows: bool = False
    described: bool = False
    in_context: bool = False
    foreign_line: bool = False
    foreign_reach: bool = False
    line: bool = False
    hresult: bool = False
    listed: bool = False
    vouched_by_list: bool = False
    asked: list[str] = field(default_factory=list)

    def own_message(self) -> bool:
        self.asked.append("own")
        return self.own

    def other_message(self) -> bool:
        self.asked.append("other")
        return self.other

    def other_symbol(self) -> bool:
        self.asked.append("symbol")
        return self.symbol

    def windows_meaning(self) -> bool:
        self.asked.append("windows")
        return self.windows

    def described_otherwise(self) -> bool:
        self.asked.append("described")
        return self.described

    def context(self) -> bool:
        self.asked.append("context")
        return self.in_context

    def listed_below(self) -> bool:
        self.asked.append("listed")
        return self.listed

    def vouched(self) -> bool:
        self.asked.append("vouched")
        return self.vouched_by_list

    def foreign_on_line(self) -> bool:
        self.asked.append("foreign line")
        return self.foreign_line

    def foreign_near(self) -> bool:
        self.asked.append("foreign near")
        return self.foreign_reach

    def line_only(self) -> bool:
        self.asked.append("line only")
        return self.line

    def written_as_windows(self) -> bool:
        self.asked.append("written")
        return self.hresult


@pytest.mark.parametrize(
    ("code", "near", "assume_ras", "expected"),
    [
        (SHARED, Near(in_context=True), False, "context"),
        (SHARED, Near(in_context=True, other=True), False, None),
        (SHARED, Near(in_context=True, other=True, own=True), False, "context"),
        # "CreateProcess error=740, The requested operation requires elevation" near a VPN word.
        (SHARED, Near(in_context=True, windows=True), False, None),
        (SHARED, Near(in_context=True, windows=True, own=True), False, "context"),
        (SHARED, Near(windows=True), True, None),
        # "Code: 651" over "Description: Incorrect dial up connection" (a copier's table).
        (SHARED, Near(in_context=True, described=True), False, None),
        (SHARED, Near(in_context=True, described=True, own=True), False, "context"),
        (UNAMBIGUOUS, Near(described=True, hresult=True), False, None),
        (SHARED, Near(in_context=True, foreign_line=True), False, None),
        (SHARED, Near(own=True), False, "message"),
        (SHARED, Near(own=True, foreign_line=True), False, "message"),
        # Written as Windows writes it ("0x80070364", "[WinError 868]"): no other Windows error
        # has it. Written plainly, three digits are other programs' codes as often ("Error 868").
        (UNAMBIGUOUS, Near(hresult=True), False, "unambiguous"),
        (UNAMBIGUOUS, Near(), False, None),
        # Five digits written plainly are other programs' codes too (iTunes' error 13010).
        (FIVE_DIGITS, Near(), False, None),
        (FIVE_DIGITS, Near(hresult=True), False, "unambiguous"),
        (UNAMBIGUOUS, Near(foreign_reach=True, hresult=True), False, None),
        # A VPN's code where only a dial-up or broadband line is spoken of (a router's PPPoE page).
        (UNAMBIGUOUS, Near(line=True, hresult=True), False, None),
        (UNAMBIGUOUS, Near(other=True, hresult=True), False, None),
        # "0x00003616 - ERROR_IPSEC_IKE_QUEUE_DROP_NO_MM": the number is another code's.
        (SHARED, Near(in_context=True, symbol=True), False, None),
        (UNAMBIGUOUS, Near(symbol=True, hresult=True), False, None),
        (SHARED, Near(), True, "assumed"),
        (SHARED, Near(foreign_line=True, foreign_reach=True), True, None),
        # Told it is RAS, yet SQL Server or CUDA is named a line away: no.
        (SHARED, Near(foreign_reach=True), True, None),
        (SHARED, Near(), False, None),
        # Just under a code counted on its own evidence ("* error 13801-> ..." then "* error
        # 13806->"): its list's context, but its own message or a sure number says more, and
        # another system on its line or another code's message says no.
        (SHARED, Near(listed=True), False, "context"),
        (SHARED, Near(listed=True, own=True), False, "message"),
        (UNAMBIGUOUS, Near(listed=True, hresult=True), False, "unambiguous"),
        (SHARED, Near(listed=True, foreign_line=True), False, None),
        (SHARED, Near(listed=True, other=True), False, None),
        # In a list of dial-up and VPN errors with two other codes ("Ошибка 651", "Ошибка 691",
        # "Ошибка 720"): the list's context, unless another system is named within reach or
        # another code's message stands beside it.
        (SHARED, Near(vouched_by_list=True), False, "context"),
        (SHARED, Near(vouched_by_list=True, foreign_reach=True), False, None),
        (SHARED, Near(vouched_by_list=True, other=True), False, None),
        (SHARED, Near(vouched_by_list=True, own=True), False, "message"),
    ],
)
def test_the_judge_gives_each_kind_of_evidence_where_it_holds(
    code: ErrorCode,
    near: Near,
    assume_ras: bool,  # noqa: FBT001 - a parameter of the table above
    expected: str | None,
) -> None:
    assert judge(code, Shape.ERROR_WORD, near, assume_ras=assume_ras) == expected


def test_the_costly_questions_are_asked_only_when_the_verdict_depends_on_them() -> None:
    # Nothing speaks for 740 here: whether another code's message stands near is moot.
    near = Near()
    assert judge(SHARED, Shape.ERROR_WORD, near, assume_ras=False) is None
    assert "other" not in near.asked
    # In context with its own message beside it, no other code's message is looked for.
    near = Near(in_context=True, own=True)
    assert judge(SHARED, Shape.ERROR_WORD, near, assume_ras=False) == "context"
    assert "other" not in near.asked
    # Without its own, the other code's message decides.
    near = Near(in_context=True, other=True)
    assert judge(SHARED, Shape.ERROR_WORD, near, assume_ras=False) is None
    # A shape only Remote Access writes asks nothing at all.
    near = Near()
    assert judge(SHARED, Shape.RAS_SHAPE, near, assume_ras=False) == "context"
    assert near.asked == []
    # A SQL Server log's "Error: 824" (no context, written plainly): whether another system
    # is named near is moot, only its own message (or a list it stands in) could speak for it.
    near = Near()
    assert judge(UNAMBIGUOUS, Shape.ERROR_WORD, near, assume_ras=False) is None
    assert near.asked == ["context", "own", "written", "listed", "vouched"]


@pytest.mark.parametrize(
    ("shape", "near", "assume_ras", "expected"),
    [
        (Shape.COLUMN, Near(in_context=True), False, "context"),
        (Shape.COLUMN, Near(own=True), False, "message"),
        (Shape.COLUMN, Near(), True, "assumed"),
        # A number no other Windows error has is no proof in a column of some table's codes.
        (Shape.COLUMN, Near(), False, None),
        (Shape.COLUMN, Near(foreign_reach=True), True, None),
        # The rule proposes only a status a dialer returned: context, unless said otherwise.
        (Shape.EXIT_STATUS, Near(), False, "context"),
        (Shape.EXIT_STATUS, Near(own=True), False, "context"),
        (Shape.EXIT_STATUS, Near(windows=True), True, None),
        (Shape.EXIT_STATUS, Near(foreign_line=True), True, None),
        # After a Chinese verb: context or its message, never being told (XX-Net's "一直602").
        (Shape.AFTER_VERB, Near(in_context=True), False, "context"),
        (Shape.AFTER_VERB, Near(own=True), False, "message"),
        (Shape.AFTER_VERB, Near(), True, None),
    ],
)
def test_a_number_in_a_code_column_or_compared_with_a_status_is_never_a_code_alone(
    shape: Shape,
    near: Near,
    assume_ras: bool,  # noqa: FBT001 - a parameter of the table above
    expected: str | None,
) -> None:
    assert judge(UNAMBIGUOUS, shape, near, assume_ras=assume_ras) == expected


def test_a_listed_number_counts_only_with_its_own_message() -> None:
    assert judge(SHARED, Shape.LISTED, Near(in_context=True), assume_ras=True) is None
    assert judge(SHARED, Shape.LISTED, Near(own=True), assume_ras=False) == "message"


def test_every_kind_of_evidence_has_its_one_line_explanation() -> None:
    from typing import get_args

    from raserror import Evidence

    assert set(EXPLANATIONS) == set(get_args(Evidence))
    assert all(text and "\n" not in text for text in EXPLANATIONS.values())


def test_a_number_told_with_or_without_context() -> None:
    assert accept(740, context=True, assume_ras=False) is SHARED
    assert accept(740, context=False, assume_ras=False) is None
    assert accept(740, context=False, assume_ras=True) is SHARED
    assert accept(868, context=False, assume_ras=False) is UNAMBIGUOUS
    assert accept(1, context=True, assume_ras=True) is None


# Composed: lines of any length, some naming another system, around a number.
_LINE = st.sampled_from(
    ["", "SQL Server", "x" * 700, "ok 1", "SQL Server " + "y" * 1600, "z" * 1600 + " SQL Server"]
)


# Its line names one, more than the reach before or after it.
@example([], "SQL Server " + "y" * 1600, [], 1550)
@example([], "z" * 1600 + " SQL Server", [], 50)
@given(
    st.lists(_LINE, max_size=8),
    _LINE,
    st.lists(_LINE, max_size=8),
    st.integers(0, 99) | st.integers(1450, 1650),
)
def test_another_system_near_is_looked_for_within_the_reach_alone(
    before: list[str], line: str, after: list[str], cut: int
) -> None:
    # The shortcut (its own line names one) agrees with a look at the whole reach.
    head = "\n".join([*before, line[:cut]])
    text = "\n".join([head + " 868 " + line[cut:], *after])
    page = Page(text)
    start = len(head) + 1
    near = NearOnPage(page, Candidate(start, start + 3, ErrorCode(868), Shape.ERROR_WORD))
    near.foreign_on_line()
    assert near.foreign_near() is page.has_foreign(
        *page.around(start, CONTEXT_LINES, CONTEXT_CHARS)
    )


# Composed: names of other systems, words that begin like them, and marks between.
_FOREIGN_TEXT = st.lists(
    st.sampled_from(
        [
            "SQL",
            "mysqlx",
            "spid5",
            "spidx",
            "Level 14, State",
            "level x",
            "İ",
            "重大度",
            "ab",
            " ",
            "\n",
        ]
    ),
    max_size=40,
).map("".join)


@given(_FOREIGN_TEXT, st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=30))
def test_another_system_is_named_where_its_pattern_matches(
    text: str, asked: list[tuple[int, int]]
) -> None:
    # Asked often enough, the page looks in the whole text once: each answer stays the same.
    page = Page(text)
    for start, end in asked:
        expected = any(FOREIGN.match(text, at) for at in range(start, min(end, len(text))))
        assert page.has_foreign(start, end) is expected


# Composed: HTTP statuses, links, UPnP, SIMCom's modules and words that begin like them.
_WEAK_TEXT = st.lists(
    st.sampled_from(
        [
            "HTTP 404",
            "http/1.1 401",
            "HTTP/2 503",
            "http://x",
            "HTTP 4000",
            "Http 6",
            "UPnP",
            "SIM7600",
            "usim900",
            "SIM800L",
            "SimCom",
            "ab",
            " ",
            "\n",
            "İ",
        ]
    ),
    max_size=30,
).map("".join)


@given(_WEAK_TEXT, st.integers(0, 200), st.integers(0, 200))
def test_a_weak_mark_is_found_where_its_pattern_matches(text: str, start: int, end: int) -> None:
    page = Page(text)
    expected = any(WEAK_MARK.match(text, at) for at in range(start, min(end, len(text))))
    assert page.has_weak_mark(start, end) is expected


def test_a_number_a_list_vouches_for_counts_by_the_list_and_lends_nothing() -> None:
    # Composed: the judge's question marks it lent, as a number counted by a list above it is.
    page = Page("Ошибка 651\nОшибка 691\nОшибка 720\n")  # noqa: RUF001 - Russian, on purpose
    vouched = Candidate(29, 32, ErrorCode(720), Shape.ERROR_WORD, vouched=True)
    near = NearOnPage(page, vouched)
    assert judge(ErrorCode(720), Shape.ERROR_WORD, near, assume_ras=False) == "context"
    assert near.lent
    plain = NearOnPage(page, Candidate(29, 32, ErrorCode(720), Shape.ERROR_WORD))
    assert judge(ErrorCode(720), Shape.ERROR_WORD, plain, assume_ras=False) is None
