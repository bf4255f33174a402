"""raserror events: one line per dial attempt, a tally, JSON Lines, exit statuses."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from _repo import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

import raserror
from raserror import ErrorCode
from raserror._cli import main
from raserror._cli_output import code_json

EVENTS = REPO / "tests" / "samples" / "events"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def symbol(number: int) -> str:
    """What the command shows for a code: the registry's symbol, else its Windows meaning."""
    code = raserror.get(number)
    if code is not None:
        return code.symbol
    windows = raserror.win32_error(number)
    return "(not in the registry)" if windows is None else f"{windows.symbol} (Windows, not RAS)"


def sample(name: str) -> str:
    return str(EVENTS / name)


def test_one_line_per_attempt_in_time_order_under_a_header_then_a_tally(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # built from the template in event_formats.md (UTF-16, newest first): listed oldest first.
    status, out, err = run(capsys, "events", sample("getWinEvent_formatlist_rasclient_utf16.txt"))
    assert (status, err) == (0, "")
    assert out == (
        "time (local)          source     user          connection  stage      outcome     code"
        "  symbol\n"
        "11/7/2022 8:20:10 PM  RasClient  xxxxx\\yyyyyy  Home-IKEv2  connected  terminated   631"
        "  ERROR_USER_DISCONNECTION\n"
        "11/7/2022 9:14:04 PM  RasClient  xxxxx\\yyyyyy  Home-IKEv2  device     failed        87"
        "  ERROR_INVALID_PARAMETER (Windows, not RAS)\n"
        "\n"
        "count         code  symbol\n"
        "    1           87  ERROR_INVALID_PARAMETER (Windows, not RAS)\n"
        "    1          631  ERROR_USER_DISCONNECTION\n"
    )


def test_several_files_name_the_file_and_mixed_time_zones_are_marked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Verbatim: IPBan #76 (XML: UTC); built UTF-16 Format-List (local times).
    utf16 = "getWinEvent_formatlist_rasclient_utf16.txt"
    xml = "eventviewer_xml_remoteaccess_20271_ipban76.xml"
    monkeypatch.chdir(EVENTS)
    _, out, _ = run(capsys, "events", utf16, xml)
    header, *rows = out.split("\n\n")[0].splitlines()
    assert header.split() == [
        "time",
        "source",
        "user",
        "connection",
        "stage",
        "outcome",
        "code",
        "symbol",
        "file",
    ]
    assert rows[0].startswith("2020-03-23T19:40:08.225301000Z UTC  ")
    assert rows[1].startswith("11/7/2022 8:20:10 PM local          ")
    assert rows[0].split()[-2:] == ["ERROR_AUTHENTICATION_FAILURE", xml]
    assert rows[1].split()[-2:] == ["ERROR_USER_DISCONNECTION", utf16]
    # Aligned: each column starts where its header does.
    for name in ("source", "user", "outcome", "file"):
        column = header.index(name)
        assert all(row[column - 2 : column] == "  " and row[column] != " " for row in rows)


def test_the_server_events_of_the_issue_give_691_and_809(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Verbatim: IPBan #76 (<Binary>B3020000</Binary>) and AZ-ARCH (Data : {41, 3, 0, 0}).
    status, out, _ = run(
        capsys,
        "events",
        sample("eventviewer_xml_remoteaccess_20271_ipban76.xml"),
        sample("getEventLog_formatlist_remoteaccess_20111_809_azarch.txt"),
    )
    assert status == 0
    rows = [line.split("  ") for line in out.split("\n\n")[0].splitlines()[1:]]
    assert [[cell.strip() for cell in row if cell.strip()] for row in rows] == [
        [
            "2020-03-23T19:40:08.225301000Z",
            "RemoteAccess 20271",
            "corinne",
            "-",
            "-",
            "failed",
            "691",
            "ERROR_AUTHENTICATION_FAILURE",
            sample("eventviewer_xml_remoteaccess_20271_ipban76.xml"),
        ],
        [
            "-",
            "RemoteAccess 20111",
            "-",
            "AzureGateway",
            "-",
            "failed",
            "809",
            "ERROR_VPN_TIMEOUT",
            sample("getEventLog_formatlist_remoteaccess_20111_809_azarch.txt"),
        ],
    ]


def test_an_hresult_is_shown_in_hex_too(capsys: pytest.CaptureFixture[str]) -> None:
    # built from the template in event_formats.md
    _, out, _ = run(capsys, "events", sample("getWinEvent_exportcsv.csv"))
    assert "failed   -2146762495 (0x800B0101)  CERT_E_EXPIRED" in out


def test_json_is_one_object_per_attempt(capsys: pytest.CaptureFixture[str]) -> None:
    # built from the template in event_formats.md
    status, out, _ = run(capsys, "events", "--json", sample("wevtutil_text_rasclient.txt"))
    assert status == 0
    (line,) = out.splitlines()
    assert json.loads(line) == {
        "provider": "RasClient",
        "coid": "{2B7E9A40-5C1D-4E8F-9A0B-1C2D3E4F5A6B}",
        "user": "CONTOSO\\jdoe",
        "connection": "Office SSTP",
        "stages": ["dial", "device", "link"],
        "last_stage": "link",
        "outcome": "failed",
        "number": 691,
        "code": code_json(ErrorCode.AUTHENTICATION_FAILURE),
        "windows": None,
        "start": "2024-05-02T08:41:07.118",
        "end": "2024-05-02T08:41:11.420",
        "event_ids": [20221, 20222, 20223, 20227],
    }


def test_events_prints_the_raw_records(capsys: pytest.CaptureFixture[str]) -> None:
    # built from the template in event_formats.md
    status, out, _ = run(capsys, "events", "--events", sample("wevtutil_xml_mixed.xml"))
    assert status == 0
    header, *lines = out.splitlines()
    assert header.split() == [
        "time",
        "(UTC)",
        "source",
        "event",
        "coid",
        "user",
        "connection",
        "code",
        "symbol",
    ]
    assert len(lines) == 5  # the Security-SPP event is skipped
    assert lines[0].startswith("2025-01-14T07:02:55.1230000Z  RasClient     20221  {9D2C4B6A-")
    assert lines[4].split() == [
        "2025-01-14T07:11:45.5000000Z",
        "RemoteAccess",
        "20271",
        "-",  # the server's {NA}: no CoId
        "CONTOSO\\bjones",
        "-",
        "13801",
        symbol(13801),
    ]
    status, out, _ = run(capsys, "events", "--events", "--json", sample("wevtutil_xml_mixed.xml"))
    objects = [json.loads(line) for line in out.splitlines()]
    assert [(o["event_id"], o["stage"], o["number"], o["evidence"]) for o in objects] == [
        (20221, "dial", None, None),
        (20222, "device", None, None),
        (20227, None, 13801, "insert"),
        (20227, None, -2146762495, "insert"),
        (20271, None, 13801, "binary"),
    ]
    assert {o["id_inferred"] for o in objects} == {False}


def test_an_inferred_event_id_is_marked(capsys: pytest.CaptureFixture[str]) -> None:
    # Verbatim: hwdsl2/setup-ipsec-vpn#1268, a message standing alone.
    name = sample("lone_rasclient_20227_87_quoted_hwdsl2_1268.txt")
    _, out, _ = run(capsys, "events", "--events", name)
    assert out.splitlines()[1].split()[:3] == ["-", "RasClient", "20227*"]
    _, out, _ = run(capsys, "events", "--events", "--json", name)
    assert json.loads(out)["id_inferred"] is True


def test_control_characters_from_an_export_are_escaped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Issue item 12: a terminal escape in an insert, &#13; and &#10; in XML data."""
    # composed: a Format-List record and an XML event, their inserts made hostile
    listed = tmp_path / "events.txt"
    listed.write_text(
        "EventID            : 20227\nSource             : RasClient\n"
        "ReplacementStrings : {{A}, evil\x1b]0;owned\x07, VPN\u202egnp.exe, 691}\n",
        encoding="utf-8",
    )
    export = tmp_path / "events.xml"
    export.write_text(
        "<Event><System><Provider Name='RasClient'/><EventID>20227</EventID></System>"
        "<EventData><Data>{A}</Data><Data>u</Data>"
        "<Data>two&#13;&#10;lines</Data><Data>691</Data></EventData></Event>\n",
        encoding="utf-8",
    )
    for options in ([], ["--events"]):
        _, out, _ = run(capsys, "events", *options, str(listed), str(export))
        assert "\x1b" not in out
        assert "\x07" not in out
        assert "\r" not in out
        assert "evil\\x1b]0;owned\\x07" in out
        assert "VPN\\u202egnp.exe" in out
        assert "two\\x0d\\x0alines" in out
        assert len(out.split("\n\n")[0].splitlines()) == 3  # the header and two rows


def test_a_reader_gone_away_keeps_the_failure_status(tmp_path: Path) -> None:
    """raserror events /nonexistent big.xml | head -1 exited 0."""
    export = tmp_path / "big.xml"
    lines = (EVENTS / "wevtutil_xml_mixed.xml").read_text(encoding="utf-8")
    export.write_text(lines * 3000, encoding="utf-8")
    command = [sys.executable, "-m", "raserror", "events", "--events", str(tmp_path / "no")]
    with subprocess.Popen(
        [*command, str(export)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        error = process.stderr.read()
        status = process.wait()
    assert status == 2
    assert b"cannot read" in error
    assert b"Traceback" not in error
    assert b"BrokenPipe" not in error


def test_rows_are_sorted_in_blocks_so_memory_stays_bounded(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import raserror._events_cli

    monkeypatch.setattr(raserror._events_cli, "SORT_BLOCK", 2)
    # built from the template in event_formats.md: 5 events
    _, out, _ = run(capsys, "events", "--events", sample("wevtutil_xml_mixed.xml"))
    blocks = [line for line in out.splitlines() if line.startswith("time")]
    assert len(blocks) == 3  # 2 + 2 + 1 rows, each block under its header


def test_nothing_found_is_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    # Verbatim: BlockIP #3, a Security event.
    status, out, err = run(capsys, "events", sample("wevtutil_text_security_4625_blockip3.txt"))
    assert (status, out) == (1, "")
    assert err == "raserror: events: no RasClient or RemoteAccess dial attempt found\n"


def test_an_unreadable_file_is_status_2_after_the_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = run(
        capsys, "events", "no-such-export.txt", sample("eventviewer_rasclient_20227_algo760.txt")
    )
    assert status == 2
    assert "failed    809  ERROR_VPN_TIMEOUT" in out
    assert err.startswith("raserror: events: cannot read no-such-export.txt: ")


def test_an_evtx_file_is_refused_with_the_commands_that_export_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    evtx = tmp_path / "Application.evtx"
    evtx.write_bytes(b"ElfFile\x00" + bytes(4096))
    status, out, err = run(capsys, "events", str(evtx))
    assert (status, out) == (2, "")
    assert "is a binary .evtx event log; export it as XML or text first" in err
    assert f"wevtutil qe {evtx} /lf:true /f:xml > events.xml" in err
    assert f"Get-WinEvent -Path {evtx} | Format-List > events.txt" in err


def test_standard_input_is_the_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = (EVENTS / "eventviewer_rasclient_20227_algo760.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, _ = run(capsys, "events")
    assert status == 0
    assert "failed    809  ERROR_VPN_TIMEOUT" in out


def test_options_may_come_first_and_help_shows_the_export_commands(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(
        capsys, "--json", "events", sample("eventviewer_rasclient_20227_algo760.txt")
    )
    assert status == 0
    assert json.loads(out)["number"] == 809
    with pytest.raises(SystemExit) as exit_info:
        main(["events", "--help"])
    assert exit_info.value.code == 0
    assert "Get-WinEvent -LogName Application" in capsys.readouterr().out


def test_the_installed_command_reads_utf16_from_a_pipe() -> None:
    data = (EVENTS / "getWinEvent_formatlist_zh_rasclient_20227.txt").read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "raserror", "events"], input=data, capture_output=True, check=False
    )
    assert result.returncode == 0
    assert b"failed    809  ERROR_VPN_TIMEOUT" in result.stdout


OPTIONS = st.sampled_from([[], ["--json"], ["--events"], ["--events", "--json"]])


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), OPTIONS)
def test_any_input_ends_with_a_documented_status(data: bytes, options: list[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(data))
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = stdin, io.StringIO(), io.StringIO()
    try:
        status = main(["events", *options])
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    assert status in (0, 1, 2)


def test_the_tally_counts_a_code_once_whatever_form_it_came_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # built from the template in event_formats.md: 691, then its HRESULT.
    record = (
        "EventID            : 20227\nMessage            : CoId={{{n}}}: x\n"
        "Source             : RasClient\nReplacementStrings : {{{{{n}}}, SYSTEM, VPN, {code}}}\n\n"
    )
    export = tmp_path / "export.txt"
    export.write_text(record.format(n=1, code=691) + record.format(n=2, code=-2147024205))
    status, out, _ = run(capsys, "events", str(export))
    assert status == 0
    assert out.splitlines()[-2:] == [
        "count         code  symbol",
        "    2          691  ERROR_AUTHENTICATION_FAILURE",
    ]


def test_one_endless_line_reads_in_bounded_memory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Issue item 9: raserror events /dev/zero grew to 2.8 GB; a 50 MB line used 113 MB."""
    import tracemalloc

    export = tmp_path / "zeros.txt"
    export.write_bytes(b"\0" * 20_000_000)
    tracemalloc.start()
    try:
        status = main(["events", str(export)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    capsys.readouterr()
    assert status == 1
    assert peak < 4 * 2**20


def test_times_as_windows_writes_them_sort_in_time_order() -> None:
    from raserror._events_cli import _time_order

    # As the exports write them: US English text (12 AM is midnight), ISO from XML and
    # wevtutil, Chinese and German Event Viewer; unreadable or missing times go last.
    written = [
        "12/24/2017 12:05:00 AM",
        "12/24/2017 2:38:13 PM",
        "2017-12-24T19:38:13.4267269Z",
        "2017-12-24T19:38:13.5Z",
        "2022/10/2 16:30:33",
        "24.12.2022 14:38:13",
        "yesterday",
        None,
    ]
    keys = [_time_order(time, index) for index, time in enumerate(written)]
    assert sorted(keys) == keys
    assert _time_order("1/2/2020 1:00:00 PM", 0) < _time_order("1/10/2020 9:00:00 AM", 0)


def test_a_number_outside_the_registry_is_named_as_a_windows_error_in_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The 87 failure's message is verbatim from hwdsl2/setup-ipsec-vpn#1268 (samples README).
    status, out, _ = run(
        capsys, "events", "--json", sample("getWinEvent_formatlist_rasclient_utf16.txt")
    )
    assert status == 0
    failed = [json.loads(line) for line in out.splitlines() if '"number": 87' in line]
    assert len(failed) == 1
    assert failed[0]["code"] is None
    assert failed[0]["windows"] == {
        "code": 87,
        "symbol": "ERROR_INVALID_PARAMETER",
        "message": "The parameter is incorrect.",
        "hresult": 0x80070057,
    }
