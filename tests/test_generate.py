"""The generator: a fresh render equals the committed module; bad rows are refused."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _repo import GENERATED, HINTS, REPO, TABLE, WIN32_GENERATED, WIN32_TABLE

import raserror._codes
from raserror._generate import (
    COLUMNS,
    COMMAND,
    DataError,
    _string,
    main,
    parse_hints,
    parse_rows,
    parse_win32_rows,
    read_hints,
    read_rows,
    read_win32_rows,
    render,
    render_win32,
)

GOOD_ROW = (
    "691,ERROR_AUTHENTICATION_FAILURE,authentication,false,false,"
    "Access denied.,The remote connection was denied.,ERROR_DBG_TERMINATE_THREAD,link,"
    "raserror.h,raserror.h,"
)
# An HRESULT row: the code in hex, the symbol as its own member name.
GOOD_HRESULT_ROW = (
    "0x800B0101,CERT_E_EXPIRED,certificate,false,false,"
    "A certificate expired.,A certificate expired.,,,winerror.h,winerror.h,"
)
HEADER = ",".join(COLUMNS)


def fresh_render() -> str:
    rows = read_rows(TABLE)
    return render(rows, read_hints(HINTS, rows))


def test_the_committed_module_is_a_fresh_render_of_the_table() -> None:
    fresh = fresh_render()
    committed = GENERATED.read_text(encoding="utf-8")
    assert committed == fresh, f"{GENERATED} is stale: run `{COMMAND}`"


def test_the_installed_module_is_a_fresh_render_of_the_table() -> None:
    installed = Path(raserror._codes.__file__).read_text(encoding="utf-8")
    assert installed == fresh_render(), f"reinstall after running `{COMMAND}`"


def test_render_is_deterministic_and_sorted() -> None:
    rows = read_rows(TABLE)
    hints = read_hints(HINTS, rows)
    assert render(rows, hints) == render(list(reversed(rows)), hints)


def test_the_generated_module_says_how_it_was_made() -> None:
    head = GENERATED.read_text(encoding="utf-8").splitlines()[:5]
    assert head[0].startswith('"""')
    assert "data/ras_errors.csv and data/hints.csv" in head[2]
    assert f"DO NOT EDIT BY HAND; run ``{COMMAND}`` instead." in head[3]


@pytest.fixture
def tree(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "ras_errors.csv"
    output = tmp_path / "_codes.py"
    shutil.copy(TABLE, data)
    shutil.copy(HINTS, tmp_path / "hints.csv")
    shutil.copy(GENERATED, output)
    shutil.copy(WIN32_TABLE, tmp_path / "winerror.csv")
    shutil.copy(WIN32_GENERATED, tmp_path / "_win32_codes.py")
    return data, output


def test_check_passes_on_the_committed_module(tree: tuple[Path, Path]) -> None:
    data, output = tree
    assert main(["--check", *paths(data), "--output", str(output)]) == 0


def test_check_fails_on_a_hand_edited_module_and_names_the_command(
    tree: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, output = tree
    edited = output.read_text(encoding="utf-8").replace("Access denied", "Access refused", 1)
    output.write_text(edited, encoding="utf-8")
    assert main(["--check", *paths(data), "--output", str(output)]) == 1
    assert COMMAND in capsys.readouterr().err
    assert output.read_text(encoding="utf-8") == edited  # --check writes nothing


def test_check_fails_when_the_table_changed(tree: tuple[Path, Path]) -> None:
    data, output = tree
    table = data.read_text(encoding="utf-8").replace("Access denied", "Access refused", 1)
    data.write_text(table, encoding="utf-8")
    assert main(["--check", *paths(data), "--output", str(output)]) == 1


def test_main_rewrites_a_stale_module_then_leaves_it_alone(
    tree: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, output = tree
    output.write_text("stale\n", encoding="utf-8")
    assert main([*paths(data), "--output", str(output)]) == 0
    assert output.read_bytes() == GENERATED.read_bytes()
    assert "wrote" in capsys.readouterr().out
    assert main([*paths(data), "--output", str(output)]) == 0
    assert capsys.readouterr().out == ""


def test_main_reports_a_missing_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.csv"
    assert main(["--data", str(missing), "--output", str(tmp_path / "out.py")]) == 2
    assert "cannot read the table" in capsys.readouterr().err


def test_main_reports_bad_data_by_line(
    tree: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, output = tree
    lines = data.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",false,", ",maybe,", 1)
    data.write_text("".join(lines), encoding="utf-8")
    assert main([*paths(data), "--output", str(output)]) == 2
    assert f"{data}:4: transient must be true or false, not 'maybe'" in capsys.readouterr().err


def paths(data: Path) -> list[str]:
    """The --data and --hints arguments for a table copied into a temporary tree."""
    return ["--data", str(data), "--hints", str(data.parent / "hints.csv")]


def test_check_fails_when_the_hints_changed(tree: tuple[Path, Path]) -> None:
    data, output = tree
    hints = data.parent / "hints.csv"
    hints.write_text(hints.read_text(encoding="utf-8").replace("UDP", "TCP", 1), encoding="utf-8")
    assert main(["--check", *paths(data), "--output", str(output)]) == 1


def test_a_good_row_has_its_stages_in_dial_order() -> None:
    (row,) = parse_rows(table(GOOD_ROW.replace(",link,", ',"link device",')))
    assert row.stages == ("device", "link")


GOOD_HINT = "ERROR_AUTHENTICATION_FAILURE,Check the password.,https://example.org/a"


@pytest.mark.parametrize(
    ("hint", "problem"),
    [
        (
            GOOD_HINT.replace("ERROR_AUTH", "ERROR_OTHER_AUTH"),
            ":2: ERROR_OTHER_AUTHENTICATION_FAILURE is not a symbol",
        ),
        (GOOD_HINT.replace("https:", "http:"), ":2: source must be an https URL"),
        (
            GOOD_HINT.replace("https://example.org/a", "https://example.org/a b"),
            ":2: source must be an https URL",
        ),
        (GOOD_HINT.replace("https://example.org/a", ""), ":2: source is empty"),
        (GOOD_HINT.replace("Check the password.", ""), ":2: text is empty"),
        (
            GOOD_HINT.replace("Check the password.", "Check the password"),
            ":2: text must be one sentence",
        ),
        (
            GOOD_HINT.replace("Check the password.", "x" * 200 + "."),
            ":2: text must be one sentence",
        ),
        (GOOD_HINT.replace("Check the", "Check  the"), ":2: text has stray spaces"),
        (GOOD_HINT + ",extra", ":2: expected 3 columns"),
    ],
)
def test_bad_hints_are_refused_with_a_message_naming_the_line(hint: str, problem: str) -> None:
    rows = parse_rows(table(GOOD_ROW))
    with pytest.raises(DataError) as refused:
        parse_hints(["symbol,text,source\n", hint + "\n"], rows, "h.csv")
    assert f"h.csv{problem}" in str(refused.value)


def test_a_repeated_hint_is_refused() -> None:
    rows = parse_rows(table(GOOD_ROW))
    with pytest.raises(DataError, match=r"h\.csv:3: this hint repeats line 2"):
        parse_hints(["symbol,text,source\n", GOOD_HINT + "\n", GOOD_HINT + "\n"], rows, "h.csv")


def test_hints_render_under_their_code_in_their_order() -> None:
    rows = parse_rows(table(GOOD_ROW))
    second = GOOD_HINT.replace("Check the password.", "Check the protocol.")
    hints = parse_hints(["symbol,text,source\n", GOOD_HINT + "\n", second + "\n"], rows)
    source = render(rows, hints)
    assert source.index('"Check the password."') < source.index('"Check the protocol."')
    assert "    691: (\n" in source


def table(*rows: str) -> list[str]:
    return [HEADER + "\n", *(row + "\n" for row in rows)]


def test_a_good_row_parses() -> None:
    (row,) = parse_rows(table(GOOD_ROW))
    assert row.code == 691
    assert row.name == "AUTHENTICATION_FAILURE"
    assert row.win32_symbol == "ERROR_DBG_TERMINATE_THREAD"
    assert row.header == "raserror.h"


def test_an_hresult_row_parses_and_renders_in_hex() -> None:
    (row,) = parse_rows(table(GOOD_HRESULT_ROW))
    assert row.code == 0x800B0101
    assert row.name == "CERT_E_EXPIRED"
    assert "    CERT_E_EXPIRED = 0x800B0101\n" in render([row])


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            (GOOD_ROW, GOOD_ROW.replace("ERROR_AUTH", "ERROR_OTHER_AUTH")),
            ":3: code 691 repeats line 2",
        ),
        (
            (GOOD_ROW, GOOD_ROW.replace("691", "692", 1)),
            ":3: name ERROR_AUTHENTICATION_FAILURE repeats line 2",
        ),
        (
            (
                GOOD_ROW,
                GOOD_ROW.replace("691,ERROR_AUTHENTICATION_FAILURE", "692,AUTHENTICATION_FAILURE"),
            ),
            ":3: name AUTHENTICATION_FAILURE repeats line 2",
        ),
        ((GOOD_ROW.replace("691", "599", 1),), ":2: code 599 is outside the ranges of raserror.h"),
        ((GOOD_ROW.replace("691", "879", 1),), ":2: code 879 is outside the ranges of raserror.h"),
        (
            (GOOD_ROW.replace("691", "957", 1).replace("raserror.h,", "mprerror.h,", 1),),
            ":2: code 957 is outside the ranges of mprerror.h: 900-956",
        ),
        (
            (GOOD_ROW.replace("691", "13801", 1),),
            ":2: code 13801 is outside the ranges of raserror.h",
        ),
        (
            (GOOD_HRESULT_ROW.replace("winerror.h,", "EapHostError.h,", 1),),
            ":2: code 0x800B0101 is outside the ranges of EapHostError.h",
        ),
        (
            (GOOD_HRESULT_ROW.replace("winerror.h,", "eap.h,", 1),),
            ":2: unknown header 'eap.h'",
        ),
        ((GOOD_ROW.replace("691", "0x2B3", 1),), ":2: code must be a decimal number"),
        (
            (GOOD_HRESULT_ROW.replace("0x800B0101", "0x800b0101"),),
            ":2: code must be a decimal number",
        ),
        ((GOOD_ROW.replace("691", "70000", 1),), ":2: code must be a decimal number up to 65535"),
        ((GOOD_ROW.replace("691", "", 1),), ":2: code must be a decimal number"),
        ((GOOD_ROW.replace(",authentication,", ",auth,"),), ":2: unknown category 'auth'"),
        ((GOOD_ROW.replace("false,false", "no,false"),), ":2: transient must be true or false"),
        ((GOOD_ROW.replace("false,false", "false,True"),), ":2: obsolete must be true or false"),
        ((GOOD_ROW.replace("Access denied.", ""),), ":2: message is empty"),
        (
            (GOOD_ROW.replace("The remote connection was denied.", ""),),
            ":2: windows_message is empty",
        ),
        (
            (GOOD_ROW.replace("Access denied.", "ERROR_AUTHENTICATION_FAILURE"),),
            ":2: message is a bare symbol",
        ),
        (
            (GOOD_ROW.replace("Access denied.", "ERROR AUTHENTICATION FAILURE"),),
            ":2: message is a bare symbol",
        ),
        ((GOOD_ROW.replace("Access denied.", " Access denied."),), ":2: message has stray spaces"),
        ((GOOD_ROW.replace("Access denied.", "Access  denied."),), ":2: message has stray spaces"),
        (
            (GOOD_ROW.replace("Access denied.", "Access\tdenied."),),
            ":2: message has a control character",
        ),
        (
            (GOOD_ROW.replace("ERROR_AUTHENTICATION_FAILURE", "error-auth"),),
            ":2: symbol 'error-auth' is not",
        ),
        (
            (GOOD_ROW.replace("ERROR_AUTHENTICATION_FAILURE", "ERROR_3DES"),),
            ":2: member name '3DES' is not",
        ),
        (
            (GOOD_ROW.replace("ERROR_DBG_TERMINATE_THREAD", "dbg thread"),),
            ":2: win32_symbol 'dbg thread'",
        ),
        ((GOOD_ROW.replace("raserror.h,raserror.h", "raserror.h,"),), ":2: source is empty"),
        ((GOOD_ROW.replace(",link,", ",ppp,"),), ":2: stage must be words of dial, device, link"),
        ((GOOD_ROW.replace(",link,", ",connected,"),), ":2: stage must be words of"),
        ((GOOD_ROW.replace(",link,", ',"link link",'),), ":2: stage must be words of"),
        ((GOOD_ROW + ",extra",), ":2: expected 12 columns"),
        ((GOOD_ROW.rsplit(",", 1)[0],), ":2: expected 12 columns"),
        ((), ": the table has no rows"),
    ],
)
def test_bad_rows_are_refused_with_a_message_naming_the_line(
    rows: tuple[str, ...], problem: str
) -> None:
    with pytest.raises(DataError) as refused:
        parse_rows(table(*rows), "t.csv")
    assert f"t.csv{problem}" in str(refused.value)


def test_wrong_columns_are_refused() -> None:
    with pytest.raises(DataError, match=r"t.csv:1: the columns must be code, symbol"):
        parse_rows(["code,symbol,message\n", "691,X,Y\n"], "t.csv")


def test_a_broken_csv_quote_is_refused_with_its_line() -> None:
    with pytest.raises(DataError, match=r"t.csv:2: "):
        parse_rows(table(GOOD_ROW.replace("Access denied.", '"Access" denied.')), "t.csv")


def test_the_generator_runs_as_a_file_and_repairs_a_broken_module(tmp_path: Path) -> None:
    # Run as a file it imports nothing from the package, so a broken _codes.py
    # (which would stop `import raserror`) cannot stop its own repair.
    output = tmp_path / "_codes.py"
    output.write_text("this is not Python (\n", encoding="utf-8")
    script = REPO / "src" / "raserror" / "_generate.py"
    command = [sys.executable, str(script), *paths(TABLE), "--output", str(output)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == GENERATED.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    ["plain", "it's", 'the "Name" field', "both ' and \"", "a \\ backslash", "\"''\""],
)
def test_string_literals_round_trip(text: str) -> None:
    literal = _string(text)
    assert ast.literal_eval(literal) == text
    # ruff format's choice: double quotes unless single ones need fewer escapes.
    assert literal[0] == ("'" if text.count("'") < text.count('"') else '"')


def test_the_committed_win32_module_is_a_fresh_render_of_its_table() -> None:
    fresh = render_win32(read_win32_rows(WIN32_TABLE))
    assert WIN32_GENERATED.read_text(encoding="utf-8") == fresh, f"run `{COMMAND}`"
    assert fresh.splitlines()[2] == "Generated by raserror._generate from data/winerror.csv."


def test_check_fails_when_the_win32_table_changed_and_main_repairs_it(
    tree: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    data, output = tree
    table = data.with_name("winerror.csv")
    edited = table.read_text(encoding="utf-8").replace("Access is denied.", "Access denied.", 1)
    table.write_text(edited, encoding="utf-8")
    assert main(["--check", *paths(data), "--output", str(output)]) == 1
    assert "_win32_codes.py is stale" in capsys.readouterr().err
    assert main([*paths(data), "--output", str(output)]) == 0
    rewritten = output.with_name("_win32_codes.py").read_text(encoding="utf-8")
    assert rewritten == render_win32(read_win32_rows(table))
    assert '    "Access denied.",\n' in rewritten
    assert main(["--check", *paths(data), "--output", str(output)]) == 0


WIN32_HEADER = "# a comment the generator skips\ncode,symbol,aliases,message\n"


def test_a_win32_table_parses_after_its_comments() -> None:
    (row,) = parse_win32_rows(
        [*WIN32_HEADER.splitlines(keepends=True), "87,ERROR_X,ALIAS_X,Text  here.\n"]
    )
    assert (row.line, row.code, row.symbol, row.aliases, row.message) == (
        3,
        87,
        "ERROR_X",
        ("ALIAS_X",),
        "Text  here.",
    )


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (("16000,ERROR_X,,Text.",), ":3: code must be a decimal number below 16000"),
        (("0x57,ERROR_X,,Text.",), ":3: code must be a decimal number"),
        (("88,ERROR_X,,Text.", "87,ERROR_Y,,Text."), ":4: code 87 is not above"),
        (("87,ERROR_X,,Text.", "87,ERROR_Y,,Text."), ":4: code 87 is not above"),
        (("87,ERROR_X,,Text.", "88,error_x,,Text."), ":4: name error_x repeats line 3"),
        (("87,ERROR_X,ERROR_X,Text.",), ":3: name ERROR_X repeats line 3"),
        (("87,ERROR-X,,Text.",), ":3: 'ERROR-X' is not a C identifier"),
        (("87,ERROR_X,,",), ":3: message must be one line of text"),
        (("87,ERROR_X,, Text.",), ":3: message must be one line of text"),
        (("87,ERROR_X,,Text.,more",), ":3: expected 4 columns"),
        ((), ": the table has no rows"),
    ],
)
def test_bad_win32_rows_are_refused_with_their_line(rows: tuple[str, ...], problem: str) -> None:
    lines = [*WIN32_HEADER.splitlines(keepends=True), *(row + "\n" for row in rows)]
    with pytest.raises(DataError) as refused:
        parse_win32_rows(lines, "w.csv")
    assert f"w.csv{problem}" in str(refused.value)
