"""win32_error(): the Windows system error codes of winerror.h, against two copies of the header."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from _repo import WIN32_TABLE, read_table, read_tsv
from hypothesis import given
from hypothesis import strategies as st

import raserror
from raserror import Win32Error, win32_error
from raserror._generate import read_win32_rows
from raserror._win32_codes import ALIASES, CODES, MESSAGES, SYMBOLS

ROWS = read_win32_rows(WIN32_TABLE)
BY_CODE = {row.code: row for row in ROWS}
# The SDK header's MessageId blocks as read (github:microsoft/win32metadata, see the README).
SDK = {int(row["code"]): row for row in read_tsv("winerror_h_0_15999.tsv")}
# mingw-w64's winerror.h: symbols and numbers only, an older and smaller list.
MINGW = {row["symbol"]: int(row["code"]) for row in read_tsv("mingw_winerror_h_0_15999.tsv")}
# mingw names that are not error codes: the bases of the DNS ranges and of WinSock, and
# NTE_OP_OK, which the SDK defines among the HRESULTs, not in 0-15999.
MINGW_NOT_CODES = {name for name in MINGW if name.endswith("_BASE")} | {"WSABASEERR", "NTE_OP_OK"}


def test_the_table_is_the_sdk_header_row_for_row() -> None:
    assert len(ROWS) == len(SDK) == 3195
    assert [(r.code, r.symbol, r.message) for r in ROWS] == [
        (code, row["symbol"], row["message"]) for code, row in sorted(SDK.items())
    ]


def test_every_code_and_symbol_of_mingw_agrees_with_the_table() -> None:
    names = {row.symbol: row.code for row in ROWS}
    names.update(ALIASES)
    compared = {name: code for name, code in MINGW.items() if name not in MINGW_NOT_CODES}
    assert {name: names.get(name) for name in compared} == compared
    # 2000 MessageId symbols and the two aliases of 0 that mingw also defines.
    assert len(compared) == 2002
    assert len(MINGW_NOT_CODES) == 12


def test_the_earlier_600_999_reference_and_the_ipsec_reference_agree() -> None:
    for row in read_tsv("winerror_h_600_999.tsv"):
        assert BY_CODE[int(row["code"])].symbol == row["winerror_symbol"]
    for row in read_tsv("ipsec_codes.tsv"):
        table = BY_CODE[int(row["code"])]
        assert (table.symbol, table.message) == (row["symbol"], row["message"])


def test_the_generated_module_holds_the_table() -> None:
    assert tuple(row.code for row in ROWS) == CODES
    assert tuple(row.symbol for row in ROWS) == SYMBOLS
    assert tuple(row.message for row in ROWS) == MESSAGES
    assert {alias: row.code for row in ROWS for alias in row.aliases} == ALIASES


def ras_reuses() -> list[tuple[int, str]]:
    return [(int(row["code"]), row["win32_symbol"]) for row in read_table() if row["win32_symbol"]]


def test_the_210_numbers_ras_shares_with_winerror_h_name_the_same_symbol() -> None:
    reused = ras_reuses()
    assert len(reused) == 210
    for code, symbol in reused:
        answer = win32_error(code)
        assert answer is not None
        assert answer.symbol == symbol


@pytest.mark.parametrize(
    ("given_as", "code", "symbol", "message"),
    [
        # Each checked against winerror.h at the commit the data cites.
        (87, 87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
        (740, 740, "ERROR_ELEVATION_REQUIRED", "The requested operation requires elevation."),
        (5, 5, "ERROR_ACCESS_DENIED", "Access is denied."),
        (0x80070057, 87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
        (-2147024809, 87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
        ("0x80070057", 87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
        ("80070057", 87, "ERROR_INVALID_PARAMETER", "The parameter is incorrect."),
        (
            "0x800702E4",
            740,
            "ERROR_ELEVATION_REQUIRED",
            "The requested operation requires elevation.",
        ),
        ("-2147024891", 5, "ERROR_ACCESS_DENIED", "Access is denied."),
        ("error_access_denied", 5, "ERROR_ACCESS_DENIED", "Access is denied."),
        (" 691 ", 691, "ERROR_DBG_TERMINATE_THREAD", "Debugger terminated thread."),
        ("NO_ERROR", 0, "ERROR_SUCCESS", "The operation completed successfully."),
        (
            "WSAECONNRESET",
            10054,
            "WSAECONNRESET",
            "An existing connection was forcibly closed by the remote host.",
        ),
        (
            "ERROR_ITERATED_DATA_EXCEEDS_64K",
            194,
            "ERROR_ITERATED_DATA_EXCEEDS_64k",
            "The operating system cannot run %1.",
        ),
    ],
)
def test_known_answers(given_as: int | str, code: int, symbol: str, message: str) -> None:
    assert win32_error(given_as) == Win32Error(code, symbol, message)


@pytest.mark.parametrize(("code", "hresult"), [(87, 0x80070057), (740, 0x800702E4), (0, 0)])
def test_hresult_is_hresult_from_win32(code: int, hresult: int) -> None:
    answer = win32_error(code)
    assert answer is not None
    assert answer.hresult == hresult


@pytest.mark.parametrize(
    "unknown",
    [
        42,  # a gap in winerror.h
        16000,
        15999,
        0x8007002A,  # HRESULT_FROM_WIN32 of the gap 42
        0x80070000 + 16000,
        0x80040005,  # an HRESULT of another facility
        0x1_8007_0057,  # wider than 32 bits: no HRESULT
        -(2**32) + 87,
        2**64,
        "ERROR_NOT_A_SYMBOL",
        "E_INVALIDARG",  # an HRESULT symbol, not a Win32 one
        "",
        "\uff18\uff17",  # full-width 87: not a number here
        "0x",
        "87.0",
    ],
)
def test_what_winerror_h_lacks_is_none(unknown: int | str) -> None:
    assert win32_error(unknown) is None


@pytest.mark.parametrize("bad", [True, False, 87.0, None, b"87", [87], Win32Error])
def test_other_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be an int or a str, not "):
        win32_error(bad)  # type: ignore[arg-type]  # the wrong types are the point


CODES_IN_TABLE = st.sampled_from(CODES)


@given(CODES_IN_TABLE)
def test_every_form_of_a_code_gives_the_same_answer(code: int) -> None:
    answer = win32_error(code)
    assert answer is not None
    assert answer.code == code
    forms: list[int | str] = [str(code), f"0x{code:x}", f" {code}\t"]
    if code:
        hresult = 0x8007_0000 | code
        forms += [
            hresult,
            hresult - 2**32,
            f"0x{hresult:08X}",
            f"{hresult:08x}",
            str(hresult - 2**32),
        ]
    for form in forms:
        assert win32_error(form) == answer, form
    assert win32_error(answer.symbol.lower()) == answer


@given(st.integers())
def test_any_int_names_its_own_code_or_nothing(number: int) -> None:
    answer = win32_error(number)
    if answer is not None:
        unsigned = number + 2**32 if number < 0 else number
        assert unsigned in {answer.code, answer.hresult}


@pytest.mark.parametrize("value", [0x8007_0000, -2147024896, "0x80070000", "80070000"])
def test_the_facility_alone_is_no_success(value: int | str) -> None:
    # HRESULT_FROM_WIN32(0) is 0: 0x80070000 is a failure with code 0, not ERROR_SUCCESS.
    assert win32_error(value) is None


@given(st.text(max_size=40))
def test_any_text_gives_a_record_or_none_never_an_error(text: str) -> None:
    answer = win32_error(text)
    assert answer is None or isinstance(answer, Win32Error)
    if answer is not None and text.strip().isdigit():
        assert int(text.strip()) == answer.code


def test_import_raserror_does_not_load_the_table(tmp_path: Path) -> None:
    script = (
        "import sys, raserror\n"
        "before = {m for m in sys.modules if m.startswith('raserror._win32')}\n"
        "raserror.win32_error(87)\n"
        "after = {m for m in sys.modules if m.startswith('raserror._win32')}\n"
        "print(sorted(before), sorted(after))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.split() == ["[]", "['raserror._win32',", "'raserror._win32_codes']"]


def test_it_is_public_and_lazy() -> None:
    assert {"Win32Error", "win32_error"} <= set(raserror.__all__)
    assert "win32_error" in dir(raserror)
