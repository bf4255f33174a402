"""Inputs once made to take more than linear time, checked by counting work, not by a clock.

Each case runs on n and 2n copies of its input while counting the Python lines
the scanner executes (a number that does not depend on the machine): twice the
input must cost about twice the lines, not four times. Backtracking inside
one regex is not counted here: tests/test_rules.py checks every pattern's shape.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from types import FrameType

import pytest

import raserror
from raserror import ErrorCode


def executed_lines(call: Callable[[], object]) -> int:
    """How many lines of raserror's own code ``call`` executes."""
    count = 0

    def tracer(frame: FrameType, event: str, _: object) -> object:
        nonlocal count
        if "raserror" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    raserror.find_codes("warm up: Error 691, The remote connection was denied")
    sys.settrace(tracer)  # type: ignore[arg-type]
    try:
        call()
    finally:
        sys.settrace(None)
    return count


CASES: dict[str, Callable[[int], str]] = {
    # Every RAS line of a log in a row: the quote search runs over all of them.
    "the same error line repeated": lambda n: (
        (
            "Error 809: The network connection between your computer and the VPN server could "
            "not be established because the remote server is not responding.\n"
        )
        * (20 * n)
    ),
    # Composed (a review's probes): the hex of a number on one long line, each once copied to
    # the line's end; tables one after another after a first line that is an arm.
    "'(0x364) ' repeated on one line": lambda n: "(0x364) " * (2000 * n),
    "tables of one arm after a first line that is one": lambda n: (
        "case 691:\n" + "\n\n\n\ncase 601:\n" * (500 * n)
    ),
    # Composed (a third review's probe): a long table of codes' numbers with nothing of Remote
    # Access near: where PPP is named is found once for the table, not once for each arm.
    "a table of arms that say their words, with no context": lambda n: "".join(
        f"    case {code}: return '{word}';\n"
        for code, word in [(676, "line busy"), (678, "no answer"), (680, "no dial tone")]
        * (100 * n)
    ),
    # Composed: names of RAS error tables whose braces never close, on one line and on many
    # (each read to its bound, a table a line at most).
    "'ras_err{' repeated on one line, after VPN": lambda n: "VPN\n" + "ras_err{ " * (500 * n),
    "'ras_err{' and a key on each line, after VPN": lambda n: (
        "VPN\n" + "$RasErrors = @{ 623 = 'a'\n" * (200 * n)
    ),
    # Composed (a review's probe): a table's head, then a line of spaces before a digit: its
    # lead is read once, not split every way (13.8 s for 80 KB once).
    "a table named for RAS errors over a line of spaces": lambda n: (
        "VPN\n$RasErrors = @{\n" + " " * (500 * n) + "1\n"
    ),
    # Composed: a list of dial-up errors with nothing of Remote Access near, on one line and on
    # many: each number is decided once, the numbers kept no more than two reaches' worth.
    "a list of dial-up errors on one line, no context": lambda n: (
        "Error 651 Error 691 Error 678 " * (300 * n)
    ),
    "a list of dial-up errors a line each, no context": lambda n: (
        "Ошибка 651\nОшибка 691\nОшибка 678\n" * (100 * n)  # noqa: RUF001 - Russian, on purpose
    ),
    # Composed: one table of many arms, each saying its code's words: read once, arm by arm.
    "a table of codes with an arm a line": lambda n: (
        "switch (err) {\n" + "    case 691: return 'authentication failure';\n" * (50 * n)
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_find_codes_does_twice_the_work_for_twice_the_input(name: str) -> None:
    make = CASES[name]
    small = executed_lines(lambda: raserror.find_codes(make(4)))
    large = executed_lines(lambda: raserror.find_codes(make(8)))
    assert large <= 2.2 * small, (small, large)


def test_from_message_does_twice_the_work_for_a_message_repeated_twice_as_often() -> None:
    message = ErrorCode(809).windows_message + " "
    small = executed_lines(lambda: raserror.from_message(message * 200))
    large = executed_lines(lambda: raserror.from_message(message * 400))
    assert large <= 2.2 * small, (small, large)


def test_event_data_elements_on_one_line_are_each_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import raserror._events

    real = raserror._events.find_binary_codes
    read: list[int] = []

    def counting(text: str) -> list[raserror._events.BinaryCode]:
        read.append(len(text))
        return real(text)

    monkeypatch.setattr(raserror._events, "find_binary_codes", counting)
    for copies in (1000, 4000):
        raserror.find_codes("RasClient " + "<Binary>B3020000</Binary>" * copies)
        # Each element is read to its own end, not to the end of the line.
        assert sum(read) <= 30 * copies, (copies, sum(read))
        read.clear()


def test_a_long_run_of_spaces_before_a_number_is_not_a_leading_number() -> None:
    # The shape that made the leading-number rule backtrack: its answer, and its pattern.
    assert raserror.find_codes(("600" + " " * 3000 + "1 VPN\n") * 3) == []


@pytest.mark.parametrize("line_end", ["\n", "\r", "\r\n"])
def test_scan_lines_reads_each_chunk_of_blank_lines_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, line_end: str
) -> None:
    # A review's probe: 20,000 blank lines took 25 s, each new line scanning all the held
    # lines again, since lines of one character never add up to the characters held back.
    import raserror._stream
    from raserror._scanner import Hit, scan_text

    real = scan_text
    scanned: list[int] = []

    def counting(text: str, *, assume_ras: bool) -> list[Hit]:
        scanned.append(len(text))
        return real(text, assume_ras=assume_ras)

    monkeypatch.setattr(raserror._stream, "scan_text", counting)
    for lines in (50_000, 100_000):
        text = line_end * lines + "Remote Access error 691"
        findings = list(raserror.scan_lines(io.StringIO(text, newline="")))
        assert [(int(found.code), found.line) for found in findings] == [(691, lines + 1)]
        assert sum(scanned) <= 3 * len(text), (lines, sum(scanned))
        scanned.clear()


def test_a_comparison_reads_its_own_line_back_a_bounded_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Composed: each comparison on a line with no end in sight once read the whole line before
    # it for another command (quadratic: 16,000 comparisons took 32 s); a command's head now.
    import raserror._scripts

    real = raserror._scripts._parts
    read: list[int] = []

    def counting(line: str) -> list[str]:
        read.append(len(line))
        return real(line)

    monkeypatch.setattr(raserror._scripts, "_parts", counting)
    for copies in (1000, 4000):
        text = "rasdial VPN\n" + "if %errorlevel% == 691 " * copies + "\n"
        assert [int(found.code) for found in raserror.find_codes(text)] == [691] * copies
        assert sum(read) <= 300 * copies, (copies, sum(read))
        read.clear()
