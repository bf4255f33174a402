"""The raserror command: called in-process through main(), and as installed scripts."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from _repo import REALWORLD, REPO, snippet_text
from hypothesis import example, given
from hypothesis import strategies as st

import raserror
import raserror._cli
import raserror._cli_output
import raserror._lookup_cli
import raserror._scan_cli
from raserror import Category, ErrorCode, Finding, Stage
from raserror._cli import main
from raserror._cli_output import code_json
from raserror._lookup import number_text

SAMPLES = REPO / "tests" / "samples"
SCRIPT = shutil.which("raserror", path=str(Path(sys.executable).parent))


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    status, out, _ = run(capsys, *args)
    document = json.loads(out)
    assert isinstance(document, dict)
    return status, document


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


class Terminal(io.StringIO):
    """Standard input as a person at a terminal has it: nothing piped in."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal())


# raserror CODE... -----------------------------------------------------------------------


def test_a_code_gives_a_block_with_every_fact(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "740")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "740 ERROR_TAPI_CONFIGURATION (raserror.h)"
    fields = {line[2:15].strip(): line[17:] for line in lines[1:] if line[2:3].isalpha()}
    assert fields["Windows says"] == "An invalid dialing rule was detected."
    assert fields["Older wording"].startswith("The TAPI devices configured for Remote Access")
    assert fields["Category"].startswith("device: ")
    assert fields["Retry"].startswith("will not help")
    assert fields["Stage"].startswith("connecting the device or tunnel")
    assert fields["HRESULT"] == "0x800702E4 (-2147024156)"
    assert fields["Elsewhere"] == "outside Remote Access, 740 is ERROR_ELEVATION_REQUIRED"
    assert "Obsolete" not in fields


def test_a_code_with_one_wording_and_no_win32_twin_says_only_what_applies(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "868")
    assert "Older wording" not in out
    assert "Elsewhere" not in out
    assert "  Retry          may help" in out


def test_an_obsolete_code_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "605")
    assert "  Obsolete       Windows Vista and later never return it" in out


@pytest.mark.parametrize(
    "args",
    [
        ["691"],
        ["lookup", "691"],
        ["ERROR_AUTHENTICATION_FAILURE"],
        ["authentication_failure"],
        ["0x800702B3"],
        ["--", "-2147024205"],
        ["-2147024205"],
        ["2147943091"],
    ],
)
def test_every_form_of_a_code_gives_the_same_block(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    status, out, _ = run(capsys, *args)
    assert status == 0
    assert out.startswith("691 ERROR_AUTHENTICATION_FAILURE (raserror.h)\n")
    assert out == run(capsys, "691")[1]


def test_several_codes_give_blocks_separated_by_a_blank_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "691", "809", "868")
    assert status == 0
    titles = [line for line in out.splitlines() if line[:1].isdigit()]
    assert titles == [
        "691 ERROR_AUTHENTICATION_FAILURE (raserror.h)",
        "809 ERROR_VPN_TIMEOUT (raserror.h)",
        "868 ERROR_DNSNAME_NOT_RESOLVABLE (raserror.h)",
    ]
    assert "\n\n809 ERROR_VPN_TIMEOUT" in out


def test_an_unknown_code_exits_1_and_names_it_with_the_ranges(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "9999", "868", "bogus")
    assert status == 1
    assert out.startswith("868 ERROR_DNSNAME_NOT_RESOLVABLE")
    assert "raserror: 9999 is not a Remote Access error code" in err
    assert "bogus" not in err  # a word beside a code is what was said of it, not a query
    assert "RAS 600-878, 900-946, 948-956; IPsec 13000-13025" in err
    status, _, err = run(capsys, "9999", "bogus")
    assert status == 1
    assert "raserror: 'bogus' is not a Remote Access error code" in err  # beside no code


def test_words_typed_beside_a_code_are_left_unsaid(capsys: pytest.CaptureFixture[str]) -> None:
    # As a helpdesk person types it, without quotes.
    status, out, err = run(capsys, "VPN", "error", "691")
    assert (status, err) == (0, "")
    assert out.startswith("691 ERROR_AUTHENTICATION_FAILURE (raserror.h)")
    # Four words and more are read as one text; where it gives no code, the code forms answer.
    status, out, err = run(capsys, "connection", "timed", "out", "809")
    assert (status, err) == (0, "")
    assert out.startswith("809 ERROR_VPN_TIMEOUT (raserror.h)")


def test_lookup_json_has_every_attribute(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = run_json(capsys, "--json", "691", "9999")
    assert status == 1
    results = document["results"]
    assert isinstance(results, list)
    first, second = results
    assert first["input"] == "691"
    assert first["code"] == {
        "code": 691,
        "name": "AUTHENTICATION_FAILURE",
        "symbol": "ERROR_AUTHENTICATION_FAILURE",
        "category": "authentication",
        "transient": False,
        "obsolete": False,
        "message": ErrorCode(691).message,
        "windows_message": ErrorCode(691).windows_message,
        "win32_symbol": "ERROR_DBG_TERMINATE_THREAD",
        "header": "raserror.h",
        "hresult": 0x800702B3,
        "stage": "link",
        "stages": ["link"],
        "hints": [
            {"text": hint.text, "source": hint.source}
            for hint in ErrorCode.AUTHENTICATION_FAILURE.hints
        ],
    }
    assert len(ErrorCode.AUTHENTICATION_FAILURE.hints) == 3
    assert second == {"input": "9999", "code": None, "error": raserror.describe(9999)}
    assert run_json(capsys, "lookup", "691", "--json")[1] == run_json(capsys, "--json", "691")[1]


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda code: code.name)
def test_code_json_matches_the_python_attributes(code: ErrorCode) -> None:
    document = code_json(code)
    assert json.loads(json.dumps(document)) == document
    for field, value in document.items():
        attribute = getattr(code, "_value_" if field == "code" else field)
        if field == "hints":
            attribute = [{"text": hint.text, "source": hint.source} for hint in attribute]
        elif field == "stages":
            attribute = [stage.value for stage in attribute]
        elif isinstance(attribute, (Category, Stage)):
            attribute = attribute.value
        assert attribute == value


# search and list ------------------------------------------------------------------------


def test_search_prints_one_line_per_match(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", "certificate", "expired")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("854 ERROR_EAP_USER_CERT_EXPIRED (certificate): ")
    assert [line.split()[0] for line in lines] == [
        number_text(c) for c in raserror.search("certificate expired")
    ]
    assert "0x800B0101 CERT_E_EXPIRED (certificate): " in out


def test_search_without_a_match_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "search", "frobnicate")
    assert (status, out) == (1, "")
    assert "frobnicate" in err


def test_search_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = run_json(capsys, "search", "--json", "vpn", "timeout")
    assert status == 0
    assert document["query"] == "vpn timeout"
    codes = document["codes"]
    assert isinstance(codes, list)
    assert codes[0] == code_json(ErrorCode.VPN_TIMEOUT)


def test_search_of_nothing_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "search", " ")[0] == 2
    with pytest.raises(SystemExit) as exited:
        main(["search"])
    assert exited.value.code == 2


def test_list_prints_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == len(ErrorCode) == 547
    assert lines[0] == "600 PENDING (api, transient): An operation is pending."
    assert "13801 ERROR_IPSEC_IKE_AUTH_FAIL (ipsec): " in out
    assert "0x80092013 CRYPT_E_REVOCATION_OFFLINE (certificate): " in out
    assert "809 ERROR_VPN_TIMEOUT (vpn, transient): " in out
    assert "605 ERROR_CANNOT_SET_PORT_INFO (device, obsolete): " in out


@pytest.mark.parametrize("name", ["vpn", "VPN", "radius"])
def test_list_by_category(capsys: pytest.CaptureFixture[str], name: str) -> None:
    status, out, _ = run(capsys, "list", "--category", name)
    assert status == 0
    category = Category(name.lower())
    assert [int(line.split()[0]) for line in out.splitlines()] == [int(c) for c in category.codes]


def test_list_transient_only_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = run_json(capsys, "list", "--transient", "--json")
    assert status == 0
    codes = document["codes"]
    assert isinstance(codes, list)
    assert codes == [code_json(code) for code in ErrorCode if code.transient]
    status, document = run_json(capsys, "list", "--json", "--category", "vpn", "--transient")
    assert all(item["category"] == "vpn" and item["transient"] for item in document["codes"])  # type: ignore[attr-defined]


def test_list_that_matches_nothing_says_so_and_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A category without transient codes (certificate, today).
    category = next(c for c in Category if not any(code.transient for code in c.codes))
    status, out, err = run(capsys, "list", "--category", category.value, "--transient")
    assert (status, out) == (1, "")
    assert f"no code in category {category.value} is transient" in err
    status, document = run_json(
        capsys, "list", "--json", "--transient", "--category", category.value
    )
    assert (status, document) == (1, {"codes": []})


def test_list_with_an_unknown_category_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["list", "--category", "bogus"])
    assert exited.value.code == 2
    assert "vpn" in capsys.readouterr().err


# scan ---------------------------------------------------------------------------------


def test_scan_counts_codes_per_file_with_the_first_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "vpn.log"
    log.write_bytes(
        (SAMPLES / "rasdial_en.txt").read_bytes() * 2
        + (SAMPLES / "rasclient_events.txt").read_bytes()
    )
    status, out, err = run(capsys, "scan", str(log))
    assert (status, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split() == ["count", "code", "first", "at", "symbol:", "message"]
    table = {row.split()[1]: row.split() for row in rows}
    assert table["691"][0] == "3"  # twice from rasdial, once as an HRESULT in an event
    assert table["691"][2] == f"{log}:3"
    assert table["809"][:3] == ["1", "809", f"{log}:17"]
    assert list(table) == ["691", "809", "631", "13801", "0x800B0101", "868", "720"]


def test_scan_reads_standard_input_with_or_without_a_dash(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (SAMPLES / "rasdial_de.txt").read_bytes()
    for args in (["scan"], ["scan", "-"]):
        feed_stdin(monkeypatch, data)
        status, out, _ = run(capsys, *args)
        assert status == 0
        assert "740  <stdin>:3  ERROR_TAPI_CONFIGURATION" in out


def test_scan_leaves_standard_input_open_even_when_named_twice(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, b"RasDial error 691\n")
    status, out, _ = run(capsys, "scan", "-", "-")
    assert status == 0
    assert "691" in out
    assert not sys.stdin.closed


def test_scan_each_prints_every_occurrence_as_grep_does(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    log = "tests/samples/vpn-check.log"
    status, out, err = run(capsys, "scan", "--each", log, "tests/samples/rasdial_en.txt")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    # The log's 809 on line 2 and 691 on lines 4 and 5; its "took 691 ms" does not count.
    assert lines[:3] == [
        f"{log}:2: 809 ERROR_VPN_TIMEOUT context",
        f"{log}:4: 691 ERROR_AUTHENTICATION_FAILURE context",
        f"{log}:5: 691 ERROR_AUTHENTICATION_FAILURE context",
    ]
    assert all(line.startswith("tests/samples/rasdial_en.txt:") for line in lines[3:])
    assert len(lines) > 3


def test_scan_each_json_is_json_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    status, out, _ = run(capsys, "scan", "--each", "--json", "tests/samples/vpn-check.log")
    assert status == 0
    objects = [json.loads(line) for line in out.splitlines()]
    assert [(item["line"], item["code"]["code"]) for item in objects] == [
        (2, 809),
        (4, 691),
        (5, 691),
    ]
    assert objects[0] == {
        "file": "tests/samples/vpn-check.log",
        "line": 2,
        "code": code_json(ErrorCode(809)),
        "evidence": "context",
    }


def test_scan_each_with_nothing_found_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "scan", "--each", str(SAMPLES / "ordinary.log"))
    assert (status, out) == (1, "")
    assert "no Remote Access error code found" in err


def test_one_line_outputs_use_todays_windows_wording(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    today = ErrorCode(740).windows_message
    assert today == "An invalid dialing rule was detected."  # and the XP-era one differs
    assert ErrorCode(740).message.startswith("The TAPI devices configured")
    _, listing, _ = run(capsys, "list", "--category", "device")
    assert f"740 ERROR_TAPI_CONFIGURATION (device): {today}" in listing.splitlines()
    _, found, _ = run(capsys, "search", "dialing rule")
    assert found.splitlines()[0] == f"740 ERROR_TAPI_CONFIGURATION (device): {today}"
    log = tmp_path / "dial.log"
    log.write_text("RasDial failed with error 740\n", encoding="utf-8")
    _, scanned, _ = run(capsys, "scan", str(log))
    assert scanned.splitlines()[1].endswith(f"ERROR_TAPI_CONFIGURATION: {today}")


def test_scan_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = run_json(capsys, "scan", "--json", str(SAMPLES / "rasclient_events.txt"))
    assert status == 0
    assert document["files"] == [str(SAMPLES / "rasclient_events.txt")]
    codes = document["codes"]
    assert isinstance(codes, list)
    assert codes[0] == {
        "code": code_json(ErrorCode.VPN_TIMEOUT),
        "count": 1,
        "first_file": str(SAMPLES / "rasclient_events.txt"),
        "first_line": 1,
        "evidence": "context",
    }


def test_scan_json_names_each_file_that_could_not_be_read_and_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing, good = tmp_path / "missing.log", SAMPLES / "rasdial_en.txt"
    status, document = run_json(capsys, "scan", "--json", str(missing), str(good))
    assert status == 2
    assert document["files"] == [str(missing), str(good)]
    assert document["errors"] == [{"file": str(missing), "error": "No such file or directory"}]
    assert [item["code"]["code"] for item in document["codes"]] == [691]  # type: ignore[attr-defined]
    assert run_json(capsys, "scan", "--json", str(good))[1]["errors"] == []


def test_scan_assume_ras(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    log = tmp_path / "app.log"
    log.write_text("12:00 Error 691: Access denied\n", encoding="utf-8")
    assert run(capsys, "scan", str(log))[0] == 1
    status, out, _ = run(capsys, "scan", "--assume-ras", str(log))
    assert status == 0
    assert "691" in out


def test_scan_with_nothing_found_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "scan", str(SAMPLES / "ordinary.log"))
    assert (status, out) == (1, "")
    assert "no Remote Access error code found" in err


def test_scan_of_unreadable_files_exits_2_but_reads_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(
        capsys,
        "scan",
        str(tmp_path / "missing.log"),
        str(tmp_path),
        str(SAMPLES / "rasdial_ja.txt"),
    )
    assert status == 2
    assert "809" in out
    assert "cannot read" in err
    assert str(tmp_path / "missing.log") in err
    assert "Traceback" not in err


def test_scan_of_a_name_with_a_nul_character_is_an_unreadable_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, _, err = run(capsys, "scan", "bad\x00name.log")
    assert status == 2
    assert "cannot read" in err


def test_scan_survives_binary_and_undecodable_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 64 + b"\xff\xfeRasDial error 691\n\x00\x81")
    status, out, err = run(capsys, "scan", str(junk))
    assert (status, err) == (0, "")
    assert "ERROR_AUTHENTICATION_FAILURE" in out  # the bad bytes were replaced, not fatal
    latin = tmp_path / "latin.log"
    latin.write_bytes(
        "VPN-Fehler 868: Name nicht aufgelöst, Schlüssel ungültig\n".encode("cp1252")
    )
    assert run(capsys, "scan", str(latin))[0] == 0


def test_names_the_output_encoding_cannot_show_are_escaped_not_fatal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    log = tmp_path / "Büro.log"
    log.write_bytes((SAMPLES / "rasdial_de.txt").read_bytes())
    for extra in ([], ["--json"]):
        raw = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
        assert main(["scan", *extra, str(log)]) == 0
        sys.stdout.flush()
        output = raw.getvalue().decode("ascii")
        if extra:
            assert json.loads(output)["files"] == [str(log)]
        else:
            assert "B\\xfcro.log:3" in output


def test_scan_reads_utf16_exports_with_a_bom(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = tmp_path / "events.txt"
    export.write_bytes(
        (SAMPLES / "rasclient_events.txt").read_text(encoding="utf-8").encode("utf-16")
    )
    status, out, _ = run(capsys, "scan", str(export))
    assert status == 0
    assert "809" in out
    assert "720" in out


@pytest.mark.parametrize("prefix", ["047", "112", "385"])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_scan_detects_utf16_without_a_bom_of_a_text_mostly_chinese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, prefix: str, encoding: str
) -> None:
    # Real Chinese posts: their digits and line breaks are few, and so are their NUL bytes.
    (path,) = (REALWORLD / "positive").glob(f"{prefix}-*.txt")
    text = snippet_text(path)
    expected = list(dict.fromkeys(str(int(f.code)) for f in raserror.find_codes(text)))
    assert expected
    (tmp_path / "post.txt").write_bytes(text.encode(encoding))
    status, out, err = run(capsys, "scan", str(tmp_path / "post.txt"))
    assert (status, err) == (0, "")
    assert codes_in(out) == expected


def test_scan_reads_a_log_with_one_line_appended_in_utf16_as_the_rest_is(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Composed (a review's probe): PowerShell 5's ">>" appends UTF-16 to a log written in an
    # 8-bit encoding; one such line, 2,000 bytes in, leaves the rest read as it was written.
    ansi = ("Remote Access error 691 - Access denied\r\n" * 40).encode("ascii")
    appended = "Get-Date output: Monday, January 1, 2024 10:00:00 AM\r\n".encode("utf-16-le")
    (tmp_path / "mixed.log").write_bytes(ansi[:2000] + appended + ansi[2000:])
    status, out, err = run(capsys, "scan", str(tmp_path / "mixed.log"))
    assert (status, err) == (0, "")
    assert codes_in(out) == ["691"]


def codes_in(out: str) -> list[str]:
    """The codes of a scan table, in order."""
    return [row.split()[1] for row in out.splitlines()[1:]]


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-16-le"),  # Windows tools write it without a BOM
        lambda text: text.encode("utf-16-be"),
        lambda text: text.encode("utf-32"),  # with a BOM
        lambda text: ("\ufeff" + text).encode("utf-32-be"),
        lambda text: text.encode("utf-32-le"),
        lambda text: text.encode("utf-32-be"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32", "utf-32-be-bom", "utf-32-le", "utf-32-be"],
)
@pytest.mark.parametrize(
    "name",
    [
        "rasclient_events.txt",
        "rasdial_ja.txt",
    ],
)
def test_scan_detects_utf16_without_a_bom_and_utf32(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    encode: Callable[[str], bytes],
    name: str,
) -> None:
    expected = codes_in(run(capsys, "scan", str(SAMPLES / name))[1])
    assert expected
    data = encode((SAMPLES / name).read_text(encoding="utf-8"))
    copy = tmp_path / Path(name).name
    copy.write_bytes(data)
    status, out, err = run(capsys, "scan", str(copy))
    assert (status, err) == (0, "")
    assert codes_in(out) == expected
    feed_stdin(monkeypatch, data)
    assert codes_in(run(capsys, "scan")[1]) == expected


def test_scan_streams_instead_of_reading_whole_files(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pulled = 0

    def lines() -> Iterator[str]:
        nonlocal pulled
        yield "RasDial error 691\n"
        for _ in range(100_000):
            pulled += 1
            yield "ordinary\n"

    class Reader:
        """A text file as the command reads it: readline, a bounded piece at a time."""

        def __init__(self) -> None:
            self.lines = lines()

        def readline(self, limit: int) -> str:
            assert limit > 0
            return next(self.lines, "")

    class Source:
        def __init__(self, name: str, *args: object, **kwargs: object) -> None:
            del name, args, kwargs

        def __enter__(self) -> object:
            return Reader()

        def __exit__(self, *exc_info: object) -> None:
            return None

    seen_while_reading: list[int] = []
    real_scan_lines = raserror._scan.scan_lines

    def spy(source: Iterable[str], *, assume_ras: bool) -> Iterator[Finding]:
        for finding in real_scan_lines(source, assume_ras=assume_ras):
            seen_while_reading.append(pulled)
            yield finding

    monkeypatch.setattr(raserror._scan_cli, "open_text", Source)
    monkeypatch.setattr(raserror._scan, "scan_lines", spy)
    assert run(capsys, "scan", "anything")[0] == 0
    assert seen_while_reading
    assert seen_while_reading[0] < 100_000  # reported long before the end of the input


# help, version, usage -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["--help"], ["lookup", "--help"], ["search", "-h"], ["list", "--help"], ["scan", "--help"]],
)
def test_help_everywhere_with_examples(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 0
    assert "examples:" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [(["help"], "usage: raserror [-h]"), (["help", "scan"], "usage: raserror scan")],
)
def test_help_as_a_word_shows_the_help(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 0
    captured = capsys.readouterr()
    assert captured.out.startswith(says)
    assert "not a Remote Access error code" not in captured.err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"raserror {raserror.__version__}"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--bogus"], "raserror: error: unknown option --bogus"),
        (["691", "-x"], "raserror: error: unknown option -x"),
        (["--json"], "raserror: error: give at least one code"),
        (["lookup"], "raserror lookup: error: give at least one code"),
        (["lookup", "--bogus", "691"], "raserror lookup: error: unknown option --bogus"),
        (["search"], "raserror search: error: give at least one word"),
        (["search", "--bogus", "vpn"], "raserror search: error: unknown option --bogus"),
        (["list", "extra"], "raserror list: error: unexpected argument 'extra'"),
        (["scan", "--bogus"], "raserror scan: error: unknown option --bogus"),
        (["list", "--category", "bogus"], "raserror list: error: argument --category"),
        (["events", "--each"], "raserror events: error: unknown option --each"),
    ],
)
@pytest.mark.usefixtures("at_a_terminal")
def test_usage_errors_exit_2_and_say_what_was_wrong(
    capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err
    assert says in err
    assert "required" not in err


@pytest.mark.usefixtures("at_a_terminal")
def test_raserror_alone_shows_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys)
    assert (status, out) == (2, "")
    assert err.startswith("usage: raserror")
    for command in ("lookup", "search", "list", "scan"):
        assert f"\n    {command} " in err


def test_a_negative_hex_number_is_an_unknown_code_not_an_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for args in (["-0x800702B3"], ["--json", "-0x800702B3"]):
        status, _, err = run(capsys, *args)
        assert status == 1
        assert "-0x800702B3' is not a Remote Access error code" in err


def test_ctrl_c_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(raserror._cli, "lookup_command", interrupted)
    assert run(capsys, "691") == (130, "", "")


def test_a_block_wraps_to_the_terminal_or_to_80_columns_when_piped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, piped, _ = run(capsys, "809")
    assert all(len(line) <= 80 or is_source_line(line) for line in piped.splitlines())
    monkeypatch.setattr(raserror._lookup_cli, "terminal_width", lambda: 60)
    _, wrapped, _ = run(capsys, "809")
    assert all(
        len(line) <= 60 or is_source_line(line) or " " not in line.strip()
        for line in wrapped.splitlines()
    )
    # The same block, only wrapped: the same title and the same sources, whole.
    assert wrapped.splitlines()[0] == piped.splitlines()[0]
    sources = [line for line in piped.splitlines() if is_source_line(line)]
    assert len(sources) == 5
    assert sources == [line for line in wrapped.splitlines() if is_source_line(line)]


def test_list_lines_wrap_to_a_terminal_and_stay_whole_when_piped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, piped, _ = run(capsys, "list", "--category", "vpn")
    assert any(len(line) > 100 for line in piped.splitlines())
    monkeypatch.setattr(raserror._cli_output, "terminal_width", lambda: 60)
    _, listing, _ = run(capsys, "list", "--category", "vpn")
    assert all(len(line) <= 60 for line in listing.splitlines())
    assert " ".join(listing.split()) == " ".join(piped.split())


def is_source_line(line: str) -> bool:
    """``    [2] https://...``: a URL is never broken, however long."""
    marker, _, url = line.strip().partition(" ")
    return marker.startswith("[") and url.startswith("https://") and " " not in url


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("path_length", [7, 64])
def test_scan_reads_well_on_a_terminal_of_any_width_with_any_path(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    width: int,
    path_length: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    name = "vpn.log" if path_length == 7 else f"logs/{'x' * 45}/vpn-check.log"
    assert len(name) == path_length
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    Path(name).write_bytes((SAMPLES / "vpn-check.log").read_bytes())
    _, piped, _ = run(capsys, "scan", name)
    monkeypatch.setattr(raserror._scan_cli, "terminal_width", lambda: width)
    status, shown, _ = run(capsys, "scan", name)
    assert status == 0
    lines = shown.splitlines()
    # Only a line that holds a place whole may run past the edge, as a URL does.
    assert all(len(line) <= width or f"{name}:" in line for line in lines)
    # Nothing lost: the same text as piped, only broken into lines.
    rows, piped_rows = lines[1:], piped.splitlines()[1:]
    assert "".join("".join(rows).split()) == "".join("".join(piped_rows).split())
    # Each code's row, then its message right away, filling the lines it takes.
    for code in (ErrorCode.VPN_TIMEOUT, ErrorCode.AUTHENTICATION_FAILURE):
        row = next(i for i, line in enumerate(lines) if f" {int(code)}  " in line[:14])
        message = next(i for i, line in enumerate(lines) if code.symbol[:10] in line)
        assert message - row <= 1 + path_length // (width // 2)
    text_lines = [line for line in rows if line.strip() and not line.lstrip()[:1].isdigit()]
    assert sum(map(len, text_lines)) >= 0.6 * width * len(text_lines)


@pytest.mark.parametrize("width", [40, 60, 80])
def test_scan_never_splits_a_file_path_or_its_line_number(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    width: int,
) -> None:
    monkeypatch.chdir(tmp_path)
    name = f"logs/{'x' * 45}/vpn-check.log"
    Path(name).parent.mkdir(parents=True)
    Path(name).write_bytes((SAMPLES / "vpn-check.log").read_bytes())
    monkeypatch.setattr(raserror._scan_cli, "terminal_width", lambda: width)
    for args in (["scan", name], ["scan", "--each", name]):
        _, out, _ = run(capsys, *args)
        # Copied with a double click, or read by an editor's "go to file:line".
        lines = out.splitlines()
        assert any(f"{name}:2" in line for line in lines), out
        assert any(f"{name}:4" in line for line in lines), out


@pytest.mark.parametrize("width", [40, 80])
def test_scan_breaks_a_symbol_too_long_for_the_terminal_after_an_underscore(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    width: int,
) -> None:
    code = max(ErrorCode, key=lambda code: len(code.symbol))
    assert len(code.symbol) > width // 2
    log = tmp_path / "ike.log"
    log.write_text(f"RasDial failed with error {int(code)}\n", encoding="utf-8")
    monkeypatch.setattr(raserror._scan_cli, "terminal_width", lambda: width)
    status, out, _ = run(capsys, "scan", str(log))
    assert status == 0
    lines = out.splitlines()
    assert all(len(line) <= width or f"{log}:1" in line for line in lines)
    label = f"{code.symbol}:"
    assert label in "".join(out.split())  # whole once the lines are joined
    for line in lines:
        last = line.split()[-1]
        if last != label and label.startswith(last):  # the symbol goes on on the next line
            assert last.endswith("_"), line


# as installed ---------------------------------------------------------------------------


def test_the_installed_console_script_runs() -> None:
    assert SCRIPT is not None, "the raserror console script is not installed beside python"
    result = subprocess.run([SCRIPT, "691"], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert result.stdout.startswith("691 ERROR_AUTHENTICATION_FAILURE (raserror.h)\n")


def test_python_dash_m_raserror_behaves_the_same() -> None:
    command = [sys.executable, "-m", "raserror", "--json", "0x800702B3"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"][0]["code"]["code"] == 691


def test_a_closed_stdout_ends_quietly() -> None:
    assert SCRIPT is not None
    with subprocess.Popen(
        [SCRIPT, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # like `| head -1`
        error = process.stderr.read()
        status = process.wait(timeout=30)
    assert b"Traceback" not in error
    assert status == 0


def run_script(*args: str, stdout: int) -> tuple[int, str]:
    """The installed command's status and standard error, its output sent to ``stdout``."""
    assert SCRIPT is not None
    result = subprocess.run(
        [SCRIPT, *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    return result.returncode, result.stderr


def closed_pipe() -> int:
    """The writing end of a pipe whose reader is gone, like `| head -0`: writes fail."""
    reader, writer = os.pipe()
    os.close(reader)
    return writer


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["691"],
        ["--json", "691"],
        ["search", "vpn"],
        ["scan", str(SAMPLES / "vpn-check.log")],
        ["scan", "--each", str(SAMPLES / "vpn-check.log")],
        ["--help"],
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_output_that_cannot_be_written_is_one_line_on_stderr_and_status_2(
    args: list[str],
) -> None:
    with Path("/dev/full").open("wb") as full:
        status, error = run_script(*args, stdout=full.fileno())
    assert status == 2
    assert error.startswith("raserror: cannot write")
    assert "No space left on device" in error
    assert error.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["691"], 0),
        (["list"], 0),
        (["9999", "691"], 1),
        (["search", "frobnicate"], 1),
        (["scan", str(SAMPLES / "ordinary.log")], 1),
        (["scan", "/nonexistent/raserror.log", str(SAMPLES / "rasdial_en.txt")], 2),
        (["scan", "--each", str(SAMPLES / "rasdial_en.txt"), str(SAMPLES / "vpn-check.log")], 0),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_a_closed_pipe_does_not_hide_an_earlier_failure(args: list[str], expected: int) -> None:
    writer = closed_pipe()
    try:
        status, error = run_script(*args, stdout=writer)
    finally:
        os.close(writer)
    assert status == expected
    assert "Traceback" not in error
    assert "Exception ignored" not in error
    assert "Broken pipe" not in error  # a failed write is no unreadable file


def run_closed(*args: str, closed: str) -> tuple[int, str, str]:
    """The installed command run with a standard stream closed (``>&-`` or ``2>&-``)."""
    assert SCRIPT is not None
    result = subprocess.run(
        ["/bin/sh", "-c", f'exec "$0" "$@" {closed}', SCRIPT, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


@pytest.mark.skipif(os.name != "posix", reason="closes a standard stream in a POSIX shell")
@pytest.mark.parametrize(
    "args",
    [["--json", "691"], ["list"], ["691"], ["scan", str(SAMPLES / "vpn-check.log")], ["--help"]],
    ids=" ".join,
)
def test_a_closed_stdout_is_an_output_error_not_a_silent_success(args: list[str]) -> None:
    status, _, error = run_closed(*args, closed=">&-")
    assert status == 2
    assert error == "raserror: cannot write the output: standard output is closed\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_events_help_to_a_full_disk_exits_2() -> None:
    with Path("/dev/full").open("wb") as full:
        status, error = run_script("events", "--help", stdout=full.fileno())
    assert status == 2
    assert error.startswith("raserror: cannot write the output")


@pytest.mark.skipif(os.name != "posix", reason="closes a standard stream in a POSIX shell")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["9999"], 1),
        (["--bogus"], 2),
        (["lookup"], 2),
        (["scan", "/nonexistent/raserror.log"], 2),
        (["events", "/nonexistent/raserror.log"], 2),
        (["events", "--bogus"], 2),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else str(value),
)
def test_with_stderr_closed_errors_never_go_to_stdout(args: list[str], expected: int) -> None:
    status, out, _ = run_closed(*args, closed="2>&-")
    assert (status, out) == (expected, "")


def wait_until_blocked(pid: int) -> None:
    """Wait until the process sleeps (on its input) for a while, so it has started."""
    stat = Path(f"/proc/{pid}/stat")
    asleep, deadline = 0, time.monotonic() + 20
    time.sleep(0.3)
    while asleep < 5 and time.monotonic() < deadline:
        state = stat.read_text().rsplit(")", 1)[1].split()[0] if stat.exists() else "S"
        asleep = asleep + 1 if state == "S" else 0
        time.sleep(0.1)


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT, a POSIX signal")
def test_ctrl_c_while_reading_standard_input_exits_130_without_a_traceback() -> None:
    assert SCRIPT is not None
    with subprocess.Popen(
        [SCRIPT, "scan"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        wait_until_blocked(process.pid)
        process.send_signal(signal.SIGINT)
        _, error = process.communicate(timeout=30)
    assert b"Traceback" not in error
    assert process.returncode == 130


# python -m imports the package before any of its code runs: only what follows is guarded.
BEFORE_MAIN = tuple(
    f"{os.sep}raserror{os.sep}{name}" for name in ("__init__.py", "_codes.py", "_lookup.py")
)


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT, a POSIX signal")
@pytest.mark.parametrize(
    ("command", "unguarded"),
    [([SCRIPT], ()), ([sys.executable, "-m", "raserror"], BEFORE_MAIN)],
    ids=["script", "-m"],
)
def test_ctrl_c_while_python_imports_shows_no_traceback_from_raserror(
    command: list[str], unguarded: tuple[str, ...]
) -> None:
    # Interrupt at many moments of the first ~50 ms: most land while Python imports.
    # Python's own start-up and pip's script wrapper (`import re`) are not ours to guard.
    assert None not in command
    package = f"{os.sep}raserror{os.sep}"
    for attempt in range(40):
        with subprocess.Popen(
            [*command, "691"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        ) as process:
            time.sleep(attempt * 0.00125)
            process.send_signal(signal.SIGINT)
            _, error = process.communicate(timeout=30)
        frames = [line for line in error.splitlines() if line.lstrip().startswith("File ")]
        ours = [frame for frame in frames if package in frame]
        if ours and unguarded and ours[-1].split('"')[1].endswith(unguarded):
            continue  # interrupted inside the package's own import, under python -m
        assert not ours, error


ARGUMENT = st.one_of(
    st.sampled_from(
        ["lookup", "search", "list", "scan", "--json", "--", "-", "--category", "vpn"]
    ),
    st.sampled_from(
        [
            "--transient",
            "--assume-ras",
            "-2147024205",
            "0x800702B3",
            "691",
            "--bogus",
            "certificate",
        ]
    ),
    # No absolute or parent paths: scan must not wander off to read the machine's files.
    st.text(max_size=12).filter(lambda arg: not arg.startswith(("/", "\\")) and ".." not in arg),
)


@given(st.lists(ARGUMENT, max_size=5))
def test_any_command_line_ends_with_a_documented_status(args: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(b"RasDial error 691\n"))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        saved, sys.stdin = sys.stdin, stdin
        try:  # any other exception escapes and fails the test: a traceback, as installed
            status = main(args)
        except SystemExit as exited:  # argparse: --help, --version, usage errors
            status = exited.code  # type: ignore[assignment]
        finally:
            sys.stdin = saved
    assert status in (0, 1, 2)
    if status != 0:  # a failure always says what went wrong
        assert err.getvalue().strip()


@pytest.mark.parametrize(
    ("argument", "symbol"),
    [
        ("13801", "ERROR_IPSEC_IKE_AUTH_FAIL"),
        ("13806", "ERROR_IPSEC_IKE_NO_CERT"),
        ("13868", "ERROR_IPSEC_IKE_POLICY_MATCH"),
        ("-2146762495", "CERT_E_EXPIRED"),
        ("0x80092013", "CRYPT_E_REVOCATION_OFFLINE"),
        ("-2143157998", "EAP_E_USER_NAME_PASSWORD_REJECTED"),
    ],
)
def test_ike_and_certificate_codes_are_explained(
    capsys: pytest.CaptureFixture[str], argument: str, symbol: str
) -> None:
    status, out, err = run(capsys, "--", argument)
    assert (status, err) == (0, "")
    code = raserror.lookup(argument)
    assert out.splitlines()[0] == f"{number_text(code)} {symbol} ({code.header})"
    assert code.header in out
    assert " ".join(code.message.split()) in " ".join(out.split())


# Pasted text ----------------------------------------------------------------------------


def test_pasted_dialog_text_gives_the_block_of_the_code_in_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The dialog text of tests/realworld/positive/024, quoted verbatim there.
    pasted = (
        "Error 789: The L2TP connection attempt failed because the security layer encountered "
        "a processing error during initial negotiations with the remote computer."
    )
    status, out, err = run(capsys, pasted)
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "found '789': the text says it came from Remote Access"
    assert out.splitlines()[1] == "789 ERROR_OAKLEY_GENERAL_PROCESSING (raserror.h)"


def test_a_pasted_message_without_a_number_is_found_by_its_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "IKE authentication credentials are unacceptable")
    assert status == 0
    first = out.splitlines()[0]
    assert first.endswith(": the text quotes words of its message, without a number")
    assert "beside" not in first  # nothing stands beside a number that is not there
    assert "13801 ERROR_IPSEC_IKE_AUTH_FAIL (winerror.h)" in out


@pytest.mark.parametrize("width", [None, 40, 60, 100])
def test_a_long_quoted_message_is_cut_to_fit_its_found_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int | None
) -> None:
    # github:StreisandEffect/streisand#291 (tests/realworld/positive/027), the dialog quoted.
    pasted = (
        "The network connection between your computer and the VPN server could not be "
        "established because the remote server is not responding. This could be because one "
        "of the network devices (e.g., firewalls, NAT, Router etc.) between your computer and "
        "the remote server is not configured to allow VPN connections."
    )
    monkeypatch.setattr(raserror._lookup_cli, "terminal_width", lambda: width)
    status, out, _ = run(capsys, pasted)
    assert status == 0
    lines = out.splitlines()
    title = lines.index("809 ERROR_VPN_TIMEOUT (raserror.h)")
    heading = lines[:title]
    assert all(len(line) <= (width or 80) for line in heading), heading
    said = " ".join(line.strip() for line in heading)
    assert said.startswith("found 'The network")
    assert "...': the text quotes words of its message, without a number" in said
    assert "beside" not in said


@pytest.mark.parametrize(
    "pasted",
    [
        # Composed: the forms a person types, as the project's issue list gives them.
        "Error 809",
        "Fehler 691: Zugriff verweigert",
        "宽带连接错误651",
        # The title of github:trailofbits/algo#305 (tests/realworld/positive/048).
        "Connection Fails on Windows 10 Error 809",
        # The title of github:miao1007/Openwrt-NetKeeper#181 (tests/realworld/positive/072).
        "今天早晨开始提示651错误",
    ],
)
def test_text_given_to_raserror_is_read_as_remote_access_context(
    capsys: pytest.CaptureFixture[str], pasted: str
) -> None:
    status, out, err = run(capsys, pasted)
    assert (status, err) == (0, "")
    first, title = out.splitlines()[:2]
    number = "".join(filter(str.isdigit, pasted.replace("10 ", "")))
    assert title.startswith(f"{number} ERROR_")
    assert first.startswith(f"found '{number}': ")


def test_a_code_taken_because_it_was_asked_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # Quoted in tests/realworld/negative/506: an installer's dialog, not RAS; asked, it is
    # answered, saying why, and the block names the other meaning of 740.
    pasted = "CreateProcess failed; code 740."
    status, out, err = run(capsys, pasted)
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == (
        "found '740': taken as a Remote Access code: you asked about this text"
    )
    assert "outside Remote Access, 740 is ERROR_ELEVATION_REQUIRED" in out
    status, document = run_json(capsys, "--json", pasted)
    assert document["results"] == [
        {
            "input": pasted,
            "code": None,
            "error": None,
            "found": [{"code": code_json(ErrorCode(740)), "evidence": "asked", "text": "740"}],
        }
    ]
    status, out, _ = run(capsys, "--assume-ras", pasted)
    assert (
        out.splitlines()[0] == "found '740': taken as a Remote Access code because of --assume-ras"
    )


def test_pasted_text_without_a_code_in_an_error_shape_exits_1_and_says_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A line of tests/realworld/negative/526 (github:sinkaroid/jigoku#4): 790 is a line number.
    pasted = (
        '  File "C:\\Users\\alex\\AppData\\Local\\Programs\\Python\\Python311\\Lib\\'
        'site-packages\\urllib3\\connectionpool.py", line 790, in urlopen'
    )
    status, out, err = run(capsys, pasted)
    assert (status, out) == (1, "")
    assert "an error shape" in err
    assert "raserror search" in err
    assert "--assume-ras" not in err  # text given to raserror is assumed already


@pytest.mark.parametrize(
    ("snippet", "number", "named"),
    [
        ("500-sqlserver-824-errorlog.txt", "824", "severity"),  # "Error: 824, Severity: 24"
        ("501-sqlserver-msg-924.txt", "924", "sql"),  # "(Microsoft SQL Server, Error 924)"
    ],
)
def test_pasted_text_with_an_error_shape_beside_another_system_says_so(
    capsys: pytest.CaptureFixture[str], snippet: str, number: str, named: str
) -> None:
    # Real negatives: the number stands in an error shape, so "only in an error shape" would
    # mislead; the answer names the other system and how to ask about the code all the same.
    pasted = snippet_text(REALWORLD / "negative" / snippet)
    status, out, err = run(capsys, pasted * 3)  # said once for each number, however often
    assert (status, out) == (1, "")
    assert err.count(f"{number} in this text is read as another system's error") == 1
    assert named in err.lower()
    assert f"raserror {number}`" in err
    assert "an error shape" not in err


def test_an_error_shape_beside_another_system_is_explained_in_json_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Quoted from tests/realworld/negative/568 (github:arsduo/koala#328): a web API's status.
    pasted = (
        '"type: OAuthException, code: 613, message: (#613) Calls to graph_post_search_get '
        'have exceeded the rate of 10000 calls per 1 seconds. [HTTP 400]"'
    )
    status, document = run_json(capsys, "--json", pasted)
    results = document["results"]
    assert isinstance(results, list)
    (result,) = results
    assert (status, result["found"]) == (1, [])
    assert "613 in this text is read as another system's error" in result["error"]
    assert "'HTTP 400'" in result["error"]


def test_pasted_text_in_json_lists_what_was_found(capsys: pytest.CaptureFixture[str]) -> None:
    # Composed, in the shape of tests/realworld/positive/069 ("(Fehler 798)").
    status, document = run_json(capsys, "--json", "Fehler 798 beim VPN")
    assert status == 0
    assert document["results"] == [
        {
            "input": "Fehler 798 beim VPN",
            "code": None,
            "error": None,
            "found": [{"code": code_json(ErrorCode(798)), "evidence": "context", "text": "798"}],
        }
    ]


def test_a_dialog_pasted_without_quotes_is_read_as_one_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # What a shell passes for the dialog's words typed without quotes.
    words = ["Error", "809:", "The", "network", "connection", "between", "your", "computer"]
    status, out, err = run(capsys, *words, "and", "the", "VPN", "server")
    assert (status, err) == (0, "")
    assert out.startswith("found '809': ")
    assert out.count("809 ERROR_VPN_TIMEOUT (raserror.h)") == 1
    assert run(capsys, "13801:")[1].startswith("13801 ERROR_IPSEC_IKE_AUTH_FAIL")


def test_codes_among_the_words_of_an_unquoted_text_are_still_answered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Composed: words, then two code forms the text's error shapes do not hold.
    status, out, err = run(capsys, "the", "vpn", "says", "691", "and", "9999")
    assert status == 1
    assert "691 ERROR_AUTHENTICATION_FAILURE (raserror.h)" in out
    assert "raserror: 9999 is not a Remote Access error code" in err
    status, document = run_json(capsys, "--json", "the", "vpn", "says", "691", "and", "9999")
    results = document["results"]
    assert isinstance(results, list)
    assert [result["input"] for result in results] == ["the vpn says 691 and 9999", "691", "9999"]


def test_each_code_form_is_answered_or_refused_on_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "9999", "9998", "9997", "691")
    assert status == 1
    assert out.startswith("691 ERROR_AUTHENTICATION_FAILURE (raserror.h)\n")
    for number in ("9999", "9998", "9997"):
        assert f"raserror: {number} is not a Remote Access error code" in err
    # The codes' ranges are told once, with the first refusal; JSON keeps each error whole.
    assert err.count("RAS 600-878") == 1
    assert "raserror: 9998 is not a Remote Access error code\n" in err
    _, document = run_json(capsys, "--json", "9999", "9998")
    results = document["results"]
    assert isinstance(results, list)
    assert all("RAS 600-878" in str(result["error"]) for result in results)


def test_typos_of_codes_are_refused_with_the_code_they_clearly_meant(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(capsys, "691", "809", "ERROR_VPN_TIMEOUTT", "8O9", "69l")
    assert status == 1
    titles = [line for line in out.splitlines() if line[:1].isdigit()]
    assert titles == [
        "691 ERROR_AUTHENTICATION_FAILURE (raserror.h)",
        "809 ERROR_VPN_TIMEOUT (raserror.h)",
    ]
    refusals = err.splitlines()
    assert len(refusals) == 3
    assert refusals[0].startswith(
        "raserror: 'ERROR_VPN_TIMEOUTT' is not a Remote Access error code"
    )
    assert refusals[0].endswith("did you mean ERROR_VPN_TIMEOUT?")
    assert refusals[1].endswith("did you mean 809?")
    assert refusals[2].endswith("did you mean 691?")


@pytest.mark.parametrize(("typed", "meant"), [("Error691", "691"), ("err_809", "809")])
def test_an_error_word_glued_to_a_code_is_refused_with_the_code(
    capsys: pytest.CaptureFixture[str], typed: str, meant: str
) -> None:
    status, _, err = run(capsys, typed)
    assert status == 1
    assert err.rstrip().endswith(f"did you mean {meant}?")
    _, _, err = run(capsys, "Error9999")
    assert "did you mean" not in err  # 9999 is no code


def test_an_empty_argument_is_said_to_be_empty(capsys: pytest.CaptureFixture[str]) -> None:
    # `raserror "$CODE"` with CODE unset.
    status, out, err = run(capsys, "")
    assert (status, out) == (1, "")
    assert err == "raserror: '': an empty argument names no code; give one, such as 691\n"
    # A review's probe: marks alone are no empty argument.
    status, out, err = run(capsys, ",")
    assert (status, out) == (1, "")
    assert err == "raserror: ',': marks alone name no code; give one, such as 691\n"


def test_help_with_a_command_that_does_not_exist_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["help", "foo"])
    assert exited.value.code == 2
    assert "no command 'foo' to help with; the commands: lookup, search" in capsys.readouterr().err


def test_help_with_two_commands_is_a_usage_error_not_a_lookup_of_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A fuzzing review's probe: `raserror help lookup scan` looked up the code "help".
    with pytest.raises(SystemExit) as exited:
        main(["help", "lookup", "scan"])
    assert exited.value.code == 2
    assert "help tells of one command at a time" in capsys.readouterr().err
    # An option beside the command is no second command: the help is shown.
    with pytest.raises(SystemExit) as exited:
        main(["help", "scan", "--json"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("usage: raserror scan")


def test_no_guess_where_none_is_clear(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "ERROR_IPSEC_IKE_FOO", "9O99", "timeout")
    lines = err.splitlines()
    assert "did you mean" not in lines[0]  # close to many IKE symbols, to none in particular
    assert "did you mean" not in lines[1]  # 9099 is no code
    assert lines[2].endswith("to find a code by its words: raserror search timeout")


def test_json_gives_one_result_per_argument(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = run_json(capsys, "--json", "691", "9999", "Error 809")
    assert status == 1
    results = document["results"]
    assert isinstance(results, list)
    assert [result["input"] for result in results] == ["691", "9999", "Error 809"]
    assert results[0]["code"]["code"] == 691
    assert results[1]["code"] is None
    assert "9999 is not a Remote Access error code" in results[1]["error"]
    assert results[2]["found"][0]["code"]["code"] == 809
    assert results[2]["found"][0]["evidence"] == "asked"


@pytest.mark.parametrize(
    ("argument", "kind"),
    [
        ("691", "code"),
        ("691:", "code"),
        ("0x800702B3", "code"),
        ("-2147024205", "code"),
        ("8007026f", "code"),
        ("ERROR_VPN_TIMEOUTT", "code"),
        ("vpn_timeout", "code"),
        ("8O9", "code"),
        ("pending", "code"),  # a member's name
        ("timeout", "word"),
        ("The", "word"),
        ("Error 809", "text"),
        ("宽带连接错误651", "text"),
        ("(809)", "text"),
        ("-", "text"),
        ("x" * 61, "text"),
    ],
)
def test_the_kind_of_an_argument_follows_the_documented_rule(argument: str, kind: str) -> None:
    assert raserror._lookup_cli.kind_of(argument) == kind


@given(
    st.lists(
        st.sampled_from(["691", "9999", "8O9", "ERROR_VPN_TIMEOUT", "Error 809"]),
        min_size=1,
        max_size=6,
    )
)
def test_no_code_form_is_ever_swallowed(args: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["--json", *args])
    results = json.loads(out.getvalue())["results"]
    assert [result["input"] for result in results] == args


CODE_OR_TEXT = st.one_of(
    st.sampled_from(["691", "9999", "8O9", "vpn_timeout", "Error 809", "the", "VPN", "809:"]),
    st.text(max_size=15).filter(lambda arg: not arg.startswith("-")),
)


def test_after_a_double_dash_a_subcommands_name_is_a_query(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, document = run_json(capsys, "--json", "--", "scan")
    assert status == 1
    results = document["results"]
    assert isinstance(results, list)
    assert [result["input"] for result in results] == ["scan"]


@given(st.lists(CODE_OR_TEXT, min_size=1, max_size=7))
@example(["scan"])
def test_every_code_form_gets_an_answer_or_a_refusal(args: list[str]) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["--json", "--", *args])
    results = json.loads(out.getvalue())["results"]
    inputs = [result["input"] for result in results]
    found = {item["code"]["code"] for result in results for item in result.get("found", [])}
    for arg in args:
        if raserror._lookup_cli.kind_of(arg) == "code" and arg not in inputs:
            code = raserror.get(arg.strip().rstrip(":;,."))
            assert code is not None, (arg, inputs)  # only a known code may go unrepeated
            assert int(code) in found, (arg, results)


# Pasted text on standard input ----------------------------------------------------------


def test_a_dash_reads_pasted_text_from_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The dialog of tests/realworld/positive/024 (github:hwdsl2/docker-ipsec-vpn-server#75),
    # on two lines, as copied from a dialog.
    pasted = (
        "Error 789: The L2TP connection attempt failed because the security layer encountered\n"
        "a processing error during initial negotiations with the remote computer.\n"
    )
    feed_stdin(monkeypatch, pasted.encode("utf-16"))
    status, out, err = run(capsys, "-")
    assert (status, err) == (0, "")
    assert "789 ERROR_OAKLEY_GENERAL_PROCESSING (raserror.h)" in out.splitlines()[1]
    feed_stdin(monkeypatch, pasted.encode())
    status, document = run_json(capsys, "--json", "691", "-")
    results = document["results"]
    assert isinstance(results, list)
    assert [result["input"] for result in results] == ["691", "<stdin>"]
    # Standard input is read once, as `cat - -` and `raserror scan - -` read it.
    feed_stdin(monkeypatch, pasted.encode())
    status, document = run_json(capsys, "--json", "-", "691", "-")
    results = document["results"]
    assert isinstance(results, list)
    assert [result["input"] for result in results] == ["<stdin>", "691"]


def test_piped_text_is_read_when_no_code_is_given() -> None:
    assert SCRIPT is not None
    for args in ([], ["--json"]):
        result = subprocess.run(
            [SCRIPT, *args],
            input="RasDial failed with error 691\n",
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert "691" in result.stdout


def test_nothing_piped_in_shows_the_commands_as_before() -> None:
    assert SCRIPT is not None
    result = subprocess.run(
        [SCRIPT], stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("usage: raserror")


def test_standard_input_beyond_the_bound_is_refused_unread(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = raserror._lookup_cli.MAX_PASTED
    feed_stdin(monkeypatch, b"Error 691 " + b"x" * limit)
    status, out, err = run(capsys, "-")
    assert (status, out) == (2, "")
    assert f"more than {limit} characters" in err
    assert "raserror scan" in err
    feed_stdin(monkeypatch, b"  \n")
    status, out, err = run(capsys, "-")
    assert (status, out) == (2, "")
    assert "standard input holds no text" in err
    feed_stdin(monkeypatch, b"")
    status, document = run_json(capsys, "--json", "-")
    assert status == 2
    results = document["results"]
    assert isinstance(results, list)
    assert [(result["input"], result["found"]) for result in results] == [("<stdin>", [])]
    assert "standard input holds no text" in str(results[0]["error"])
    # In JSON, a text too long says why in its result too (a fuzzing review found it empty).
    feed_stdin(monkeypatch, b"Error 691 " + b"x" * limit)
    status, document = run_json(capsys, "--json", "-")
    assert status == 2
    results = document["results"]
    assert isinstance(results, list)
    assert [(result["input"], result["found"]) for result in results] == [("<stdin>", [])]
    assert f"more than {limit} characters" in str(results[0]["error"])
    # Separators alone are no list of codes: the text names none, and its result says so.
    feed_stdin(monkeypatch, b", \n")
    status, document = run_json(capsys, "--json", "-")
    results = document["results"]
    assert isinstance(results, list)
    assert [(result["input"], result["found"]) for result in results] == [("<stdin>", [])]
    assert "no Remote Access error code found" in str(results[0]["error"])


def test_scan_refuses_a_binary_event_log_and_says_how_to_export_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "Application.evtx"
    log.write_bytes(b"ElfFile\x00" + bytes(200))
    status, _, err = run(capsys, "scan", str(log))
    assert status == 2
    assert ".evtx" in err
    assert "wevtutil" in err


def test_events_reports_a_full_output_as_an_output_error() -> None:
    sample = REPO / "tests" / "samples" / "events" / "wevtutil_text_rasclient.txt"
    with open("/dev/full", "w", encoding="utf-8") as full:  # noqa: PTH123 - a device, not a path
        result = subprocess.run(
            [sys.executable, "-m", "raserror", "events", str(sample)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    assert "cannot write the output" in result.stderr
    assert "cannot read" not in result.stderr


@pytest.mark.parametrize(
    ("query", "meaning"),
    [
        (
            "87",
            "in Windows, 87 is ERROR_INVALID_PARAMETER (0x80070057): The parameter is incorrect.",
        ),
        ("0x80070057", "in Windows, 87 is ERROR_INVALID_PARAMETER (0x80070057)"),
        ("-2147024809", "in Windows, 87 is ERROR_INVALID_PARAMETER (0x80070057)"),
        ("ERROR_ELEVATION_REQUIRED", "in Windows, 740 is ERROR_ELEVATION_REQUIRED (0x800702E4)"),
        (
            "error_access_denied",
            "in Windows, 5 is ERROR_ACCESS_DENIED (0x80070005): Access is denied.",
        ),
    ],
)
def test_a_windows_system_error_is_named_but_not_taken_for_ras(
    capsys: pytest.CaptureFixture[str], query: str, meaning: str
) -> None:
    status, out, err = run(capsys, query)
    assert status == 1
    assert out == ""
    assert "is not a Remote Access code" in err
    assert meaning in err


def test_the_json_of_a_windows_system_error_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    status, document = run_json(capsys, "--json", "87", "9999", "timeout")
    assert status == 1
    results = document["results"]
    assert isinstance(results, list)
    assert results[0]["code"] is None
    assert results[0]["windows"] == {
        "code": 87,
        "symbol": "ERROR_INVALID_PARAMETER",
        "message": "The parameter is incorrect.",
        "hresult": 0x80070057,
    }
    # 9999 is no Windows system error, and a word is not looked up as a symbol.
    assert "windows" not in results[1]
    assert "windows" not in results[2]


@pytest.mark.parametrize("piped", [b"691\n", b"691 ERROR_VPN_TIMEOUT\r\n", b"  0x800702B3  "])
def test_codes_piped_alone_are_answered_as_codes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, piped: bytes
) -> None:
    feed_stdin(monkeypatch, piped)
    status, out, err = run(capsys, "-")
    assert (status, err) == (0, "")
    assert out.startswith("691 ERROR_AUTHENTICATION_FAILURE (raserror.h)")
    assert "taken as a Remote Access code" not in out  # a code, not a text scanned for one


# A separator at the list's ends separates nothing (a fuzzing review's probe: "691,809,").
@pytest.mark.parametrize(
    "codes", ["691 809", "691,809", "691, 809", "691\n809", "691,809,", ";691;809;", "691, 809,\n"]
)
def test_codes_in_one_argument_are_answered_as_codes(
    capsys: pytest.CaptureFixture[str], codes: str
) -> None:
    # `raserror "$CODES"` in a script: as if piped, not a text scanned for error shapes.
    status, document = run_json(capsys, "--json", codes)
    assert status == 0
    results = document["results"]
    assert isinstance(results, list)
    assert [result["code"]["code"] for result in results] == [691, 809]
    # A code form that is no code among them is refused as an argument would be.
    status, out, err = run(capsys, "691 6911")
    assert status == 1
    assert out.startswith("691 ERROR_AUTHENTICATION_FAILURE (raserror.h)")
    assert "6911" in err


def test_a_number_piped_that_is_no_ras_code_is_refused_with_its_windows_meaning(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, b"87\n")
    status, out, err = run(capsys, "-")
    assert (status, out) == (1, "")
    assert "in Windows, 87 is ERROR_INVALID_PARAMETER" in err


@pytest.mark.parametrize("word", ["Error", "error", "Fehler", "code"])
def test_an_error_word_typed_before_a_code_is_not_refused(
    capsys: pytest.CaptureFixture[str], word: str
) -> None:
    status, out, err = run(capsys, word, "809")
    assert (status, err) == (0, "")
    assert out.startswith("809 ERROR_VPN_TIMEOUT")
    # Alone, the word is still refused, with the way to search by words.
    status, out, err = run(capsys, word)
    assert (status, out) == (1, "")
    assert "raserror search" in err


@pytest.mark.parametrize(
    "name",
    [
        "504-baas-winerror-740-zh.txt",
        "505-headshotbox-createprocess-740-java.txt",
        "506-ricochet-createprocess-code-740.txt",
        "507-metasploit-operation-failed-740.txt",
    ],
)
def test_pasted_text_that_spells_out_a_windows_error_is_not_answered_as_ras(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # Real posts about ERROR_ELEVATION_REQUIRED: the symbol, the message or [WinError 740].
    path = REALWORLD / "negative" / name
    status, out, err = run(capsys, snippet_text(path))
    assert (status, out) == (1, "")
    assert "740 in this text is a Windows error, not a Remote Access code" in err
    assert "in Windows, 740 is ERROR_ELEVATION_REQUIRED" in err
    status, document = run_json(capsys, "--json", snippet_text(path))
    results = document["results"]
    assert isinstance(results, list)
    (result,) = results
    assert result["found"] == []
    assert result["windows"] == [
        {
            "code": 740,
            "symbol": "ERROR_ELEVATION_REQUIRED",
            "message": "The requested operation requires elevation.",
            "hresult": 0x800702E4,
        }
    ]


NEGATIVES = sorted((REALWORLD / "negative").glob("*.txt"))
# Negatives whose text names no other system the command knows: asked about them, it takes their
# number as a Remote Access code and says it does so because it was asked (the number as written).
NAMING_NO_SYSTEM = {
    "580-roblox-account-manager-162-error-code-is-773.txt": "773",  # "the error code is 773"
    # A PC's power-on test, 601 its floppy drive: dial-up help speaks of the BIOS and CMOS too.
    "651-usenet-1993-post-bios-error-601-floppy.txt": "601",
    "653-experts-exchange-compaq-601-diskette-control-error.txt": "601",
    # 0x800702E4 is ERROR_ELEVATION_REQUIRED's HRESULT and RAS 740's alike.
    "655-ms-terminal-14227-error-2147943140-0x800702e4.txt": "2147943140",
    # A router's presence lookup in a home automation plugin's FAQ: "Error 713/714 (presence)".
    "669-homebridge-fritz-platform-faq-error-713-714-presence.txt": "713",
    # A game's Android port: "Android 7, error 600".
    "670-the-powder-toy-36-android-7-error-600.txt": "600",
    # A router's PPPoE disconnect codes: a line's words alone, which vouch for no VPN's 851.
    "730-furry2011-ja-yamaha-rt-setsudan-code-851-padi.txt": "851",
    # An LTE modem's "error code 601", its "HTTP status: 601" seventeen lines further down.
    "894-botletics-sim7000-26-http-status-601-dweet-temp-600-roaming.txt": "601",
    # Web APIs', a copier's and a GIS's codes, each named by a product not on the list of other
    # systems (each name would cost every log a search): asked, each is taken as asked.
    "919-vk-io-507-ru-apierror-code-901-messages-send.txt": "901",
    "920-laravel-ebay-26-auth-token-error-931.txt": "931",
    "921-copytechnet-ricoh-aficio-sc-820-self-diagnostic-cpu.txt": "820",
    "922-aadhaarapi-net-8-error-937-uidai.txt": "937",
    "923-lsat-3-arcpy-traceback-error-000824-not-licensed.txt": "000824",
    # Five digits of other programs: Couchbase's query error, Twilio's error.
    "929-couchbase-scala-relnotes-query-error-code-13014-authenticationexception.txt": "13014",
    "931-twilio-docs-error-13803-sms-verb-not-supported-realm.txt": "13803",
    # Chinese apps' own codes in error shapes: "提示603错误", "报错601".
    "960-qingchi-web-applogincontroller-tishi-603-cuowu.txt": "603",
    "963-qingchi-uni-36-zhuanfa-error-bao-601.txt": "601",
    # XX-Net's own tunnel statuses: "经常出现602和601错误", "错误码602".
    "966-xx-net-10944-zh-x-tunnel-chuxian-602-he-601-cuowu.txt": "601",
    "967-xx-net-10967-zh-tishi-lianjie-shibai-cuowuma-602.txt": "602",
    # UPnP's "error: 606 - Action not authorized" from a port-mapping library (Open.NAT).
    "993-open-nat-30-sagemcom-server-failed-error-606-action-not-authorized-cli.txt": "606",
    # A SIMCom module's HTTP error ("I get the 714 error"), its +HTTPACTION answer far below.
    "995-lilygo-modem-433-a7608-httpaction-0-714-0-cli.txt": "714",
    # VK's API errors: "новые ошибки 913 и 914", "error_code: 917".
    "996-vknet-502-ru-messages-send-oshibki-913-914-cli.txt": "913",
    "998-node-vk-bot-api-111-execute-errors-error-code-917-cli.txt": "917",
    # Diameter's attribute codes and a dispatcher's probe codes, each after "code" alone: no list
    # of errors in find_codes, a number asked about when pasted.
    "1510-wireshark-diameter-dictionary-xml-avp-codes-648-653-oc-load-ue-info.txt": "648",
    "1511-wireshark-packet-diameter-3gpp-c-avp-code-comments-606-713.txt": "601",
    "1512-wireshark-diameter-tgpp2-xml-avp-codes-805-811-flow-info-809.txt": "805",
    "1513-kamailio-dispatcher-dispatch-c-rctx-code-800-810-820-probe-states.txt": "820",
    "1514-freediameter-contrib-cxdx-dict-xml-avp-codes-601-630.txt": "600",
    # Turkish error words before other systems' numbers: a TON node's "Hata 651", a driver's
    # "(hata 654)"; Azure pages whose English anchors read "error-802", "heartbeat-error-806".
    "1550-web3ogren-tr-ton-node-hata-651-no-nodes.txt": "651",
    "1552-azure-docs-tr-klmnden-migrate-802-hata-tarih-saat.txt": "802",
    "1559-azure-docs-tr-asr-hata-806-process-server-heartbeat.txt": "806",
    "1562-zapret-tr-windivert-hata-654-win32-driver.txt": "654",
    # An issue number after "Connection Error #" in a changelog.
    "1572-pypi-tensorboardx-history-gcs-connection-error-606-issue-numbers.txt": "606",
    # A compiler's own error ids passed to its error call ("Report.Error (720, m.Location, ..."),
    # and a Unicode character's code ("code - 0x0391", Greek Alpha).
    "1605-mono-mcs-class-cs-report-error-720-710-708-csharp-compiler-errors.txt": "711",
    "1606-mono-mcs-class-cs-report-error-689-709-713-base-class-checks.txt": "689",
    "1607-mono-mcs-statement-cs-report-error-821-822-818-819-implicitly-typed-locals.txt": "821",
    "1608-mono-mcs-assembly-cs-report-error-739-729-type-forwarders.txt": "735",
    "1609-mono-uni2tab-c-greek-kuten-code-0x0391-unicode-alpha.txt": "0x0391",
    # A pull request's number after "an open error" in a serial port library's changelog.
    "1646-node-serialport-6-changelog-open-error-pr-910-near-modem-status-flags.txt": "910",
    # A cloud dial-test service's task errors, a table's first column headed 错误码 (error code).
    "1693-tencent-cloud-dial-test-file-transfer-error-codes-600-624.txt": "600",
    # A GSM module library's return codes ("Errors 703, 701"), a cloud storage SDK's upload
    # error ("返回 701 错误"): neither system named in the text.
    "1695-sim800l-driver-issue41-en-701-703-library-codes.txt": "703",
    "1708-qiniu-js-sdk-issue336-zh-701-upload.txt": "701",
    # A SIMCom module's HTTP errors again ("i was facing error 715, now i got the 713 error"), its
    # Spanish title's "código HTTP: 713" no error shape that names HTTP for the number.
    "1718-lilygo-modem-issue196-en-es-title-simcom-http-713.txt": "715",
}


# Negatives the library still reads wrongly (their header's known_wrong): tests/test_realworld.py.
KNOWN_WRONG = {path.name for path in NEGATIVES if "\nknown_wrong:" in path.read_text("utf-8")}


@pytest.mark.parametrize(
    "path",
    [path for path in NEGATIVES if path.name not in {*NAMING_NO_SYSTEM, *KNOWN_WRONG}],
    ids=lambda path: path.name,
)
def test_real_text_of_other_systems_pasted_to_raserror_gives_no_ras_code(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    # Asked is no proof: SQL Server, CUDA, installers, games, QuickBooks and Win32 errors named in
    # the text say no.
    status, out, _ = run(capsys, snippet_text(path))
    assert status == 1
    assert "found " not in out


def test_a_message_describing_a_number_of_another_system_is_no_code_when_pasted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Quoted from tests/realworld/negative/895 (an LDAP bind's errors, in hex): the words begin
    # 923's message, but they describe Active Directory's 530 before them.
    line = "     530\tnot permitted to logon at this time\n"
    status, out, _ = run(capsys, line)
    assert (status, out.count("923")) == (1, 0)
    # Composed: the same words after 923's own number are its message.
    status, out, _ = run(capsys, "Error 923: The remote account is not permitted to logon")
    assert status == 0
    assert "ERROR_REMOTE_RESTRICTED_LOGON_HOURS" in out


@pytest.mark.parametrize("name", sorted(NAMING_NO_SYSTEM))
def test_a_number_in_text_naming_no_system_is_taken_as_asked_and_said_so(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    text = snippet_text(REALWORLD / "negative" / name)
    assert raserror.find_codes(text) == []  # the library, not asked, reports nothing
    status, out, _ = run(capsys, text)
    assert status == 0
    written = NAMING_NO_SYSTEM[name]
    assert out.startswith(
        f"found '{written}': taken as a Remote Access code: you asked about this text\n"
    )


@pytest.mark.parametrize(
    "name",
    [
        "733-myrient-3ds-sdk-ja-error-code-001-0803-port-443.txt",
        "734-akakagemaru-ja-3ds-error-code-006-0612.txt",
    ],
)
def test_a_number_joined_to_more_digits_is_no_windows_error_of_its_own(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # Real: a game console's error codes (エラーコード 001-0803): "1 is ERROR_INVALID_FUNCTION"
    # told a helpdesk nothing true.
    status, out, err = run(capsys, snippet_text(REALWORLD / "negative" / name))
    assert (status, out) == (1, "")
    assert "if it is a Windows error" not in err
    assert "no Remote Access error code found" in err


def test_a_code_found_twice_is_shown_where_the_text_speaks_for_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Real: a GitHub issue (positive 330) titled "Error 809 fix?", with IPsec words only near
    # the body's "reg fix for Error 809": the title's 809 alone rests on the asking.
    text = snippet_text(
        REALWORLD / "positive" / "330-setup-ipsec-vpn-770-reg-fix-for-error-809.txt"
    )
    status, out, _ = run(capsys, text)
    assert status == 0
    assert out.startswith("found '809': the text says it came from Remote Access\n")
    status, document = run_json(capsys, "--json", text)
    results = document["results"]
    assert isinstance(results, list)
    assert [item["evidence"] for item in results[0]["found"]] == ["context"]


def test_words_that_several_messages_share_show_each_code(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 808, 809 and 811's current messages all begin with these words.
    pasted = (
        "The network connection between your computer and the VPN server could not be established"
    )
    status, out, err = run(capsys, pasted)
    assert (status, err) == (0, "")
    headings = [line for line in out.splitlines() if line.startswith("found ")]
    assert len(headings) == 3
    assert all(line.endswith("several codes' messages hold these words") for line in headings)
    for code in ("808 ERROR_VPN_REFUSED", "809 ERROR_VPN_TIMEOUT", "811 ERROR_VPN_BAD_PSK"):
        assert f"\n{code} (raserror.h)\n" in out
    status, document = run_json(capsys, "--json", pasted)
    results = document["results"]
    assert isinstance(results, list)
    found = results[0]["found"]
    assert [item["code"]["code"] for item in found] == [808, 809, 811]
    assert {item["evidence"] for item in found} == {"shared"}


def test_a_windows_error_beside_a_vpn_word_is_named_as_the_windows_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Composed: a VPN word before a real line (negative 502, Tribler's traceback).
    status, out, err = run(
        capsys, "VPN client: OSError: [WinError 740] The requested operation requires elevation"
    )
    assert (status, out) == (1, "")
    assert (
        "740 in this text is a Windows error, not a Remote Access code: in Windows, 740 is " in err
    )
    assert "ERROR_ELEVATION_REQUIRED" in err


def test_a_pasted_number_in_an_error_shape_that_is_a_windows_error_is_named_as_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Verbatim: hwdsl2/setup-ipsec-vpn#1268, a RasClient failure whose code is Win32's 87.
    sample = (
        REPO / "tests" / "samples" / "events" / "lone_rasclient_20227_87_quoted_hwdsl2_1268.txt"
    )
    pasted = sample.read_text(encoding="utf-8")
    for text in (pasted, "Error 87"):
        status, out, err = run(capsys, text)
        assert (status, out) == (1, "")
        assert err == (
            "raserror: 87 in this text is not a Remote Access code; if it is a Windows error, "
            "87 is ERROR_INVALID_PARAMETER (0x80070057): The parameter is incorrect.\n"
        )
        status, document = run_json(capsys, "--json", text)
        results = document["results"]
        assert isinstance(results, list)
        assert [item["symbol"] for item in results[0]["windows"]] == ["ERROR_INVALID_PARAMETER"]


# What the command says of a number in an error shape that names no Remote Access code.
SAID_OF_NUMBERS = [
    # Composed: a number that names nothing at all.
    (
        "error 99999",
        "99999 in this text is neither a Remote Access code nor a Windows system error",
        "",
    ),
    # Composed: said as written, an HRESULT stays one.
    ("Error 0x80070005", "0x80070005 in this text is not a Remote Access code; ", ""),
    # Quoted from tests/realworld/negative/618: a negated Win32 code, no TAPI failure.
    (
        "CreateProcessAsUser failed.  Error Code -740",
        "-740 in this text is neither a Remote Access code nor a Windows system error",
        "ERROR_TAPI",
    ),
    # Real: an Azure article's (positive 321) SSPI HRESULT, as an unsigned decimal; composed,
    # the same written in hex and signed: an HRESULT, in hex, that no table here names.
    (
        "Error 2148074257: No authority could be contacted for authentication",
        "2148074257 in this text is not a Remote Access code: an HRESULT (0x80090311) that",
        "neither",
    ),
    (
        "Error 0x80090311",
        "0x80090311 in this text is not a Remote Access code: an HRESULT that",
        "",
    ),
    (
        "error -2146893039",
        "-2146893039 in this text is not a Remote Access code: an HRESULT (0x8",
        "",
    ),
    # Composed: an NTSTATUS (an access violation) is no HRESULT.
    (
        "exited with error code -1073741819",
        "-1073741819 in this text is not a Remote Access code: a 32-bit code (0xC0000005)",
        "HRESULT",
    ),
    # A signed HRESULT written in decimal is read whole: Windows' ERROR_LOGON_FAILURE.
    ("Athentication error -2147023570", "1326 is ERROR_LOGON_FAILURE", ""),
    # IIS's page title, as people paste it: the web's 503, not Windows' 503.
    (
        "HTTP Error 503. The service is unavailable.",
        "503 in this text is read as another system's error",
        "ERROR_NOT_SUPPORTED_WITH_MONITORING",
    ),
    # Composed: SQL Server named, its 824 and the 87 beside it are said to be its.
    ("SQL Server error 824 and error 87", "824 in this text is read as another system's", ""),
    (
        "SQL Server error 824 and error 87",
        "87 in this text is read as another system's error: 'SQL' stands beside it",
        "ERROR_INVALID_PARAMETER",
    ),
    # Composed in the shape of tests/realworld/negative/500 (SQL Server's log line), with 87.
    (
        "Error: 87, Severity: 24, State: 2.",
        "87 in this text is read as another system's error: 'Severity' stands beside it",
        "ERROR_INVALID_PARAMETER",
    ),
    # PowerShell's VpnClient error id says WIN32: a Windows error, said outright.
    (
        snippet_text(
            REPO
            / "tests/realworld/negative/677-powershell-docs-196-fullyqualifiederrorid-win32-87.txt"
        ),
        "a Windows error, not a Remote Access code: in Windows, 87 is ERROR_INVALID_PARAMETER",
        "if it is a Windows error",
    ),
    # Python's OSError repr, a C errno (22) first and the Windows error fourth.
    (
        snippet_text(
            REPO / "tests/realworld/negative/641-bili2-257-zh-overlappedfuture-oserror-995.txt"
        ),
        "995 is ERROR_OPERATION_ABORTED",
        "ERROR_BAD_COMMAND",
    ),
    # A page that writes "0x80070643 - ERROR_INSTALL_FAILURE" above an installation's words: the
    # name near one place of a number does not speak for the other (only a field like NPS's does).
    (
        snippet_text(
            REPO
            / "tests/realworld/negative/775-security-insider-de-fehlercode-0x80070643-kb5034441.txt"
        ),
        "1603 is ERROR_INSTALL_FAILURE",
        "'Installation' stands beside it",
    ),
    # NPS's event 6273 under a title's "error code 16": its reason code, not Windows' error 16.
    (
        snippet_text(
            REPO / "tests/realworld/negative/708-vcloudnine-nps-6273-reason-code-16-peap.txt"
        ),
        "16 in this text is read as another system's error: 'Reason Code' stands beside it",
        "ERROR_CURRENT_DIRECTORY",
    ),
    # Xunlei's 快鸟 named beside its own errno 812: the name as written, not with the "1" after it.
    (
        snippet_text(
            REPO
            / "tests/realworld/negative/722-lede-1398-zh-kuainiao-jingchang-chuxian-812-cuowu-cli.txt"
        ),
        "812 in this text is read as another system's error, not Remote Access's: '快鸟' stands",
        "'快鸟1'",
    ),
    # Composed: RasClient's 20226 says "reason code" too, of a code it gives (here Windows' 87).
    (
        "The reason code returned on termination is 87.",
        "if it is a Windows error, 87 is ERROR_INVALID_PARAMETER",
        "another system",
    ),
]


@pytest.mark.parametrize(("pasted", "said", "unsaid"), SAID_OF_NUMBERS)
def test_a_pasted_number_that_names_no_code_is_said_to_be_what_it_is(
    capsys: pytest.CaptureFixture[str], pasted: str, said: str, unsaid: str
) -> None:
    status, out, err = run(capsys, pasted)
    assert (status, out) == (1, "")
    assert said in err
    assert not unsaid or unsaid not in err


def test_a_number_only_ras_has_in_windows_is_said_to_rest_on_that_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The title of microsoft/mssql-docker#916: SQL Server's 824, though nothing names it here.
    title = (
        "Error 824 while restoring a BACPAC file, where the .MDF gets larger than 4GB, "
        "using a bind mount on Windows"
    )
    status, out, _ = run(capsys, title)
    assert status == 0
    # Three digits written plainly prove nothing alone: it is taken only because it was asked.
    assert out.startswith(
        "found '824': taken as a Remote Access code: you asked about this text\n"
    )
    # Composed: written as an HRESULT, no other Windows error has it; five digits written
    # plainly prove no more than three (iTunes' error 13010, Twilio's 13803).
    status, out, _ = run(capsys, title.replace("824", "0x80070338"))
    assert status == 0
    assert out.startswith("found '0x80070338': no other Windows error has this number")
    status, out, _ = run(capsys, title.replace("824", "13801"))
    assert status == 0
    assert out.startswith(
        "found '13801': taken as a Remote Access code: you asked about this text"
    )


@pytest.mark.parametrize(
    ("paste", "reason", "block", "evidence"),
    [
        # The title of tests/realworld/positive/149 ("Windows 11 - Policy match error"), its end:
        # few words, which other programs may write, and the found line says so.
        (
            "Policy match error",
            "its whole message, words other programs use too",
            "13868 ERROR_IPSEC_IKE_POLICY_MATCH (winerror.h)",
            "short",
        ),
        # As tests/realworld/positive/334 quotes 13801, "authentication" left out.
        (
            "IKE credentials are unacceptable",
            "its message with one word left out",
            "13801 ERROR_IPSEC_IKE_AUTH_FAIL (winerror.h)",
            "shortened",
        ),
    ],
)
def test_a_short_or_shortened_message_pasted_alone_gives_its_code(
    capsys: pytest.CaptureFixture[str], paste: str, reason: str, block: str, evidence: str
) -> None:
    status, out, err = run(capsys, paste)
    assert (status, err) == (0, "")
    assert out.startswith(f"found {paste!r}: {reason}\n")
    assert f"\n{block}\n" in out
    status, document = run_json(capsys, "--json", paste)
    results = document["results"]
    assert isinstance(results, list)
    assert [item["evidence"] for item in results[0]["found"]] == [evidence]


def test_a_number_whose_meaning_the_text_spells_out_is_not_glossed_as_a_windows_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Real: FreeRDP's Linux log (negative 849): "system error 104: Connection reset by peer" is a
    # C errno, and "the exit code is 133" a program's exit status; neither is Windows' 104 or 133.
    status, out, err = run(capsys, snippet_text(REALWORLD / "negative" / NEGATIVE_849))
    assert (status, out) == (1, "")
    assert "ERROR_INVALID_AT_INTERRUPT_TIME" not in err
    assert "104 in this text is not a Remote Access code: the text says it means " in err
    # An exit status may be a Windows error (msiexec's 1603), so it is glossed, said to be one.
    assert "133 in this text is a program's exit status, not a Remote Access code; if it" in err
    # Real: Wintun's "error 2: Can't find the file" (negative 814) says Windows' 2 in its own
    # words: that Windows error, named outright.
    status, _, err = run(capsys, snippet_text(REALWORLD / "negative" / NEGATIVE_814))
    assert status == 1
    assert "2 in this text is a Windows error, not a Remote Access code" in err


@pytest.mark.parametrize(
    ("paste", "said"),
    [
        # Composed in the shape of MySQL's "Error 30: Read-only file system" (Linux's EROFS): two
        # words of ERROR_READ_FAULT's message, "read" and "system", are no proof either way.
        ("Error 30: Read-only file system", "if it is a Windows error, 30 is ERROR_READ_FAULT"),
        # Composed in the shape of sc.exe's German "FEHLER 5: Zugriff verweigert": not English,
        # so not another meaning; Windows' own, said with its "if".
        ("FEHLER 5: Zugriff verweigert", "if it is a Windows error, 5 is ERROR_ACCESS_DENIED"),
        # Composed: a word or two say nothing sure.
        ("error 53: n/a", "if it is a Windows error, 53 is ERROR_BAD_NETPATH"),
    ],
)
def test_words_after_a_number_that_say_nothing_sure_keep_its_windows_gloss_with_its_if(
    capsys: pytest.CaptureFixture[str], paste: str, said: str
) -> None:
    status, _, err = run(capsys, paste)
    assert status == 1
    assert said in err


def test_an_exit_status_compared_away_from_rasdial_is_said_to_be_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Real: a script tests secedit's `$LASTEXITCODE -eq 740` (negative 843), Windows' elevation
    # error: the answer says why 740 is no code here, not that no number stands in an error shape.
    status, out, err = run(capsys, snippet_text(REALWORLD / "negative" / NEGATIVE_843))
    assert (status, out) == (1, "")
    assert "740 in this text is compared with an exit status: it is read as a Remote Access" in err


NEGATIVE_843 = "843-oxideminer-enable-largepages-secedit-lastexitcode-eq-740-elevation.txt"
NEGATIVE_849 = "849-freerdp-4853-exit-code-security-nego-failure-131-133-0x0002000c.txt"
NEGATIVE_814 = "814-eduvpn-250-wintun-status-0x10df-error-2.txt"


def test_a_shortened_message_within_a_sentence_is_the_post_s_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Composed: pasted whole, "IKE credentials are unacceptable" is 13801's; in a sentence, no.
    status, _, _ = run(capsys, "I get IKE credentials are unacceptable on Windows 11")
    assert status == 1


@pytest.mark.parametrize(("columns", "expected"), [(12, 40), (40, 40), (133, 133)])
def test_a_terminal_narrower_than_40_columns_is_written_for_as_40_wide(
    monkeypatch: pytest.MonkeyPatch, columns: int, expected: int
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "fileno", lambda: 1)
    monkeypatch.setattr(os, "get_terminal_size", lambda _fd: os.terminal_size((columns, 24)))
    assert raserror._cli_output.terminal_width() == expected


def test_text_with_codes_in_no_error_shape_is_told_how_to_ask_for_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Real: a page (positive 431) whose title lists codes with no error word beside them
    # ("fix Windows 809, 619, 720"): the answer says a number counts in an error shape, and
    # how to ask about one number; pasted in that shape, the number is taken as asked.
    page = snippet_text(
        REALWORLD
        / "positive"
        / "431-smartadvisoronline-title-fix-windows-809-619-720-decoder-403.txt"
    )
    status, out, err = run(capsys, page)
    assert (status, out) == (1, "")
    assert "a number counts only in an error shape" in err
    assert "`raserror 809`" in err
    status, out, _ = run(capsys, "How to fix Windows error 809 quickly")
    assert status == 0
    assert out.startswith(
        "found '809': taken as a Remote Access code: you asked about this text\n"
    )


def test_a_number_that_ends_a_name_is_no_windows_error_of_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Real: Windows NT's icwerr.cpp (positive 456) compares its error with the macros
    # RAS_BOGUS_AUTHFAILCODE_1 and _2; "1 is ERROR_INVALID_FUNCTION" told a reader nothing true.
    source = snippet_text(
        REALWORLD / "positive" / "456-winnt5-icwerr-rasErrorToIDS-dwerr-ranges-653-675.txt"
    )
    assert "RAS_BOGUS_AUTHFAILCODE_1" in source
    status, out, err = run(capsys, source)
    assert (status, out) == (1, "")
    assert "ERROR_INVALID_FUNCTION" not in err
    # "(dwErr==667)" compares the function's argument: nothing shows RasDial returned it.
    assert "667 in this text is compared with an exit status" in err


def test_a_list_of_another_systems_codes_after_an_error_word_names_none(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Real: github:petercjl/wiki:_meta/extraction-notes/kuaidi100-realtime-query-api-2026-06-26/
    # knowledge-unit-inventory.md@9020ab00f663188198fe227111b6f014f30fce88, a courier API's error
    # codes (601: its key expired); joined by 、 they had given 601 "taken as asked".
    text = (
        "错误码 400、408、500、501、502、503、601 分别对应数据/公司问题、手机号校验、无结果、"
        "服务异常、繁忙、签名失败、key 过期/无单量。"
    )
    assert raserror.find_codes(text, assume_ras=True) == []
    status, out, err = run(capsys, text)
    assert (status, out) == (1, "")
    assert "601" not in err
