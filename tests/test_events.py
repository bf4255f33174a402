"""read_events, group_attempts and find_binary_codes on exported Windows events.

Every sample's source is in tests/samples/events/README.md; verbatim quotes
below name theirs next to them.
"""

from __future__ import annotations

import io
import tracemalloc

import pytest
from _repo import REPO
from hypothesis import given, settings
from hypothesis import strategies as st

import raserror
import raserror._events
from raserror import Attempt, ErrorCode, Event, Outcome, Stage, group_attempts, read_events
from raserror._events import BinaryCode, find_binary_codes, read_attempts

EVENTS = REPO / "tests" / "samples" / "events"


def attempts_in(name: str) -> list[tuple[str | None, str | None, Stage | None, str, int | None]]:
    """(user, connection, last stage, outcome, number) of each attempt in a sample."""
    with (EVENTS / name).open("rb") as export:
        return [
            (a.user, a.connection, a.last_stage, a.outcome.value, a.number)
            for a in read_attempts(export)
        ]


# Real exports, verbatim ------------------------------------------------------------------


def test_event_viewer_text_with_its_xml_is_one_event_with_the_xml_fields() -> None:
    # Verbatim: https://github.com/trailofbits/algo/issues/760
    with (EVENTS / "eventviewer_rasclient_20227_algo760.txt").open("rb") as export:
        (event,) = read_events(export)
    assert event == Event(
        provider="RasClient",
        event_id=20227,
        time="2017-12-24T19:38:13.426726900Z",  # the XML's UTC time, not the text's local one
        computer="DESKTOP-MBD4E4C",
        coid="{FACCBEE1-58E9-4867-B9E7-0E7D94DC40C9}",
        user="SYSTEM",
        connection="Algo VPN 51.15.142.210 IKEv2",
        number=809,
        code=ErrorCode.VPN_TIMEOUT,
        message=(
            "CoId={FACCBEE1-58E9-4867-B9E7-0E7D94DC40C9}: The user SYSTEM dialed a connection "
            "named Algo VPN 51.15.142.210 IKEv2 which has failed. The error code returned on "
            "failure is 809."
        ),
        evidence="insert",
    )
    assert event.stage is None


def test_a_remoteaccess_xml_event_whose_code_is_only_binary_gives_691() -> None:
    # Verbatim: https://github.com/DigitalRuby/IPBan/issues/76, "- " fold marks included.
    with (EVENTS / "eventviewer_xml_remoteaccess_20271_ipban76.xml").open("rb") as export:
        (event,) = read_events(export)
    assert (event.provider, event.event_id, event.coid, event.user) == (
        "RemoteAccess",
        20271,
        "{NA}",
        "corinne",
    )
    assert (event.number, event.code, event.evidence) == (
        691,
        ErrorCode.AUTHENTICATION_FAILURE,
        "binary",
    )
    assert (event.time, event.computer) == (
        "2020-03-23T19:40:08.225301000Z",
        "CITY-VPN16.cbj.local",
    )


def test_get_eventlog_format_list_reads_the_code_from_replacement_strings() -> None:
    # Verbatim: MicrosoftDocs/architecture-center troubleshoot-vpn-content.md (AZ-ARCH).
    with (EVENTS / "getEventLog_formatlist_rasclient_20227_azarch.txt").open("rb") as export:
        (event,) = read_events(export)
    assert event.coid == "{B4000371-A67F-452F-AA4C-3125AA9CFC78}"
    assert (event.user, event.connection, event.number) == ("SYSTEM", "AzureGateway", 809)
    assert (event.time, event.computer, event.evidence) == (
        "3/18/2024 1:29:21 PM",
        "on-premises-vm",
        "insert",
    )
    # The wrapped message is joined back into one line.
    assert event.message.endswith(
        "AzureGateway that has failed. The error code returned on failure is 809."
    )


@pytest.mark.parametrize(
    ("name", "number", "code"),
    [
        # Verbatim: AZ-ARCH, Data : {41, 3, 0, 0} = 0x329.
        ("getEventLog_formatlist_remoteaccess_20111_809_azarch.txt", 809, ErrorCode.VPN_TIMEOUT),
        # Verbatim: AZ-ARCH, Data : {233, 53, 0, 0} = 0x35E9, an IKE code the registry lacks today.
        ("getEventLog_formatlist_remoteaccess_20111_13801_azarch.txt", 13801, raserror.get(13801)),
    ],
)
def test_get_eventlog_format_list_reads_a_server_code_from_its_data_bytes(
    name: str, number: int, code: ErrorCode | None
) -> None:
    with (EVENTS / name).open("rb") as export:
        (event,) = read_events(export)
    assert (event.provider, event.event_id, event.connection) == (
        "RemoteAccess",
        20111,
        "AzureGateway",
    )
    assert (event.number, event.code, event.evidence) == (number, code, "binary")
    assert event.coid is None  # 20111's first insert is a routing domain, not a CoId


def test_whole_2016_format_list_records_keep_their_times_and_blank_lines() -> None:
    # Verbatim: MicrosoftDocs/azure-docs articles/guidance/guidance-hybrid-network-vpn.md
    # @02f420629afd9eb0d775ebdd71c525b0ee9470df; the second message ends in a blank line.
    name = "getEventLog_formatlist_remoteaccess_20111_azure_docs_2016.txt"
    with (EVENTS / name).open("rb") as export:
        first, second = read_events(export)
    assert (first.time, first.number, second.time, second.number) == (
        "3/18/2016 1:26:02 PM",
        809,
        "3/18/2016 1:34:22 PM",
        13801,
    )
    assert second.message.endswith("IKE authentication credentials are unacceptable")


def test_events_of_other_sources_give_nothing() -> None:
    # Verbatim: https://github.com/JeftaDirksen/BlockIP/issues/3 (a Security 4625 event).
    with (EVENTS / "wevtutil_text_security_4625_blockip3.txt").open("rb") as export:
        assert list(read_events(export)) == []


def test_a_bare_message_line_is_not_an_export() -> None:
    # Verbatim: https://github.com/hwdsl2/setup-ipsec-vpn/issues/1268. No export shape holds
    # it (no source, no event id): `raserror scan` is the tool for loose text.
    line = (
        "CoId={6895FC76-F2F6-0000-C953-9668F6F2D801}: The user xxxxx\\yyyyyy dialed a connection "
        "named Home-IKEv2 which has failed. The error code returned on failure is 87."
    )
    assert list(read_events(line)) == []


# Built exports: each shape the issue lists -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Verbatim samples (sources in the README beside them).
        (
            "eventviewer_rasclient_20227_algo760.txt",
            [("SYSTEM", "Algo VPN 51.15.142.210 IKEv2", None, "failed", 809)],
        ),
        (
            "eventviewer_xml_remoteaccess_20271_ipban76.xml",
            [("corinne", None, None, "failed", 691)],
        ),
        (
            "getEventLog_formatlist_rasclient_20227_azarch.txt",
            [("SYSTEM", "AzureGateway", None, "failed", 809)],
        ),
        (
            "getEventLog_formatlist_remoteaccess_20111_809_azarch.txt",
            [(None, "AzureGateway", None, "failed", 809)],
        ),
        ("wevtutil_text_security_4625_blockip3.txt", []),
        # MicrosoftDocs/azure-docs guidance-hybrid-network-vpn.md (2016): whole records.
        (
            "getEventLog_formatlist_rasclient_20227_azure_docs_2016.txt",
            [("SYSTEM", "AzureGateway", None, "failed", 809)],
        ),
        (
            "getEventLog_formatlist_remoteaccess_20111_azure_docs_2016.txt",
            [
                (None, "AzureGateway", None, "failed", 809),
                (None, "AzureGateway", None, "failed", 13801),
            ],
        ),
        # MicrosoftDocs/SupportArticles-docs, error 720: "Source: Ras Client", no CoId.
        (
            "eventviewer_rasclient_20227_720_supportarticles.txt",
            [(None, "VPN Connection", None, "failed", 720)],
        ),
        # built from the template in event_formats.md (tests/samples/events/README.md)
        (
            "getWinEvent_formatlist_rasclient_utf16.txt",
            [
                ("xxxxx\\yyyyyy", "Home-IKEv2", Stage.DEVICE, "failed", 87),
                ("xxxxx\\yyyyyy", "Home-IKEv2", Stage.CONNECTED, "terminated", 631),
            ],
        ),
        # built from the template in event_formats.md
        (
            "wevtutil_text_rasclient.txt",
            [("CONTOSO\\jdoe", "Office SSTP", Stage.LINK, "failed", 691)],
        ),
        # built from the template in event_formats.md
        (
            "wevtutil_xml_mixed.xml",
            [
                ("CONTOSO\\asmith", "Contoso AOVPN", Stage.DEVICE, "failed", 13801),
                ("CONTOSO\\bjones", None, None, "failed", 13801),
                ("CONTOSO\\asmith", "Contoso AOVPN SSTP", None, "failed", -2146762495),
            ],
        ),
        # built from the template in event_formats.md
        (
            "getWinEvent_exportcsv.csv",
            [("CONTOSO\\asmith", "Contoso AOVPN", Stage.DEVICE, "failed", -2146762495)],
        ),
        # built from the template in event_formats.md; Chinese: the XML names user and entry
        (
            "eventviewer_zh_rasclient_20227.txt",
            [("DESKTOP-ALIYUN\\user", "IKEv2 VPN", None, "failed", 809)],
        ),
        # built from the template in event_formats.md; Chinese text alone: the code, no names
        ("getWinEvent_formatlist_zh_rasclient_20227.txt", [(None, None, None, "failed", 809)]),
    ],
)
def test_each_export_shape_gives_its_attempts(
    name: str, expected: list[tuple[str | None, str | None, Stage | None, str, int | None]]
) -> None:
    assert attempts_in(name) == expected


def test_every_sample_is_listed_in_the_samples_readme_with_a_source() -> None:
    readme = (EVENTS / "README.md").read_text(encoding="utf-8")
    for path in EVENTS.iterdir():
        if path.name != "README.md":
            assert f"`{path.name}`" in readme


def test_a_utf16_format_list_groups_a_newest_first_export_into_attempts() -> None:
    # built from the template in event_formats.md
    with (EVENTS / "getWinEvent_formatlist_rasclient_utf16.txt").open("rb") as export:
        failed, connected = read_attempts(export)
    assert failed.stages == (Stage.DIAL, Stage.DEVICE)
    assert (failed.start, failed.end) == ("11/7/2022 9:14:04 PM", "11/7/2022 9:14:05 PM")
    assert failed.code is None  # 87 is ERROR_INVALID_PARAMETER, not in the registry
    assert [event.event_id for event in failed.events] == [20227, 20222, 20221]
    assert connected.stages == (Stage.DIAL, Stage.DEVICE, Stage.LINK, Stage.CONNECTED)
    assert connected.code is ErrorCode.USER_DISCONNECTION
    assert (connected.start, connected.end) == ("11/7/2022 8:20:10 PM", "11/7/2022 8:55:10 PM")


def test_a_wrapped_multi_line_message_is_one_event_and_its_settings_stay_in_it() -> None:
    # built from the template in event_formats.md
    with (EVENTS / "getWinEvent_formatlist_rasclient_utf16.txt").open("rb") as export:
        events = list(read_events(export))
    assert [event.event_id for event in events] == [
        20227,
        20222,
        20221,
        20226,
        20225,
        20224,
        20223,
        20222,
        20221,
    ]
    assert "Mobility enabled for IKEv2 = Yes." in events[2].message
    assert events[2].connection == "Home-IKEv2"


def test_export_csv_rows_span_lines_and_the_type_line_is_skipped() -> None:
    # built from the template in event_formats.md
    with (EVENTS / "getWinEvent_exportcsv.csv").open("rb") as export:
        events = list(read_events(export))
    assert [(event.event_id, event.number) for event in events] == [
        (20227, -2146762495),
        (20222, None),
        (20221, None),
    ]
    assert events[0].evidence == "message"
    assert events[0].time == "1/14/2025 9:31:07 AM"
    assert "MediaType = VPN." in events[1].message


def test_wevtutil_xml_with_a_root_element_gives_every_event() -> None:
    # built from the template in event_formats.md: wevtutil qe ... /f:xml /e:Events
    events = (EVENTS / "wevtutil_xml_mixed.xml").read_text(encoding="utf-8")
    for text in (f"<Events>{events}</Events>", f"<Events>\n{events}</Events>\n"):
        found = [(event.event_id, event.number) for event in read_events(text)]
        assert found == [
            (20221, None),
            (20222, None),
            (20227, 13801),
            (20227, -2146762495),
            (20271, 13801),
        ]


def test_get_eventlog_export_csv_reads_the_message_and_skips_the_byte_arrays() -> None:
    # built from the template in event_formats.md: Get-EventLog ... | Export-Csv -NoTypeInformation
    # (PowerShell writes the arrays as their type names).
    text = (
        '"EventID","MachineName","Data","Index","Category","CategoryNumber","EntryType",'
        '"Message","Source","ReplacementStrings","InstanceId","TimeGenerated","TimeWritten",'
        '"UserName","Site","Container"\r\n'
        '"20227","on-premises-vm","System.Byte[]","4203","(0)","0","Error","CoId={B4000371-'
        "A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a connection named AzureGateway "
        'which has failed. The error code returned on failure is 809.","RasClient",'
        '"System.String[]","20227","3/18/2024 1:29:21 PM","3/18/2024 1:29:21 PM",,,\r\n'
    )
    (event,) = read_events(text)
    assert (event.event_id, event.number, event.evidence) == (20227, 809, "message")
    assert (event.user, event.connection) == ("SYSTEM", "AzureGateway")
    assert event.coid == "{B4000371-A67F-452F-AA4C-3125AA9CFC78}"


# Sources ------------------------------------------------------------------------------------

# Verbatim: the 20227 text of the AZ-ARCH Get-EventLog sample.
AZ_ARCH = (EVENTS / "getEventLog_formatlist_rasclient_20227_azarch.txt").read_text(
    encoding="utf-8"
)


@pytest.mark.parametrize(
    "make",
    [
        lambda text: text,
        lambda text: text.splitlines(keepends=True),
        lambda text: text.splitlines(),
        io.StringIO,
        lambda text: text.encode("utf-8"),
        lambda text: io.BytesIO(text.encode("utf-8-sig")),
        lambda text: io.BytesIO(text.encode("utf-16")),  # with a BOM, as PowerShell 5.1 writes
        lambda text: io.BytesIO(text.encode("utf-16-le")),  # without one
        lambda text: io.BytesIO(text.replace("\n", "\r\n").encode("utf-16-be")),
    ],
)
def test_any_kind_of_source_gives_the_same_event(make: object) -> None:
    (event,) = read_events(make(AZ_ARCH))  # type: ignore[operator]
    assert (event.number, event.connection) == (809, "AzureGateway")


def test_a_binary_evtx_log_is_refused_with_a_hint() -> None:
    with pytest.raises(ValueError, match=r"evtx.*export it as XML or text"):
        read_events(io.BytesIO(b"ElfFile\x00" + bytes(100)))


def test_lines_that_are_not_str_raise_type_error() -> None:
    with pytest.raises(TypeError, match="lines of str"):
        list(read_events([b"EventID : 20227\n"]))  # type: ignore[list-item]


def test_reading_is_lazy() -> None:
    def lines() -> object:
        yield from AZ_ARCH.splitlines(keepends=True)
        yield "EventID            : 20227\n"
        raise AssertionError("read past the first event")

    events = read_events(lines())  # type: ignore[arg-type]
    assert next(events).number == 809


def test_memory_stays_bounded_on_an_endless_unclosed_event() -> None:
    def lines() -> object:
        yield "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>\n"
        for _ in range(40_000):
            yield "<Data>" + "x" * 200 + "</Data>\n"  # 8 MB in all, never closed
        yield "Message : CoId={x}: y\n"
        for _ in range(100_000):
            yield "           wrapped" * 10 + "\n"  # a value 18 MB long

    tracemalloc.start()
    try:
        assert list(read_events(lines())) == []  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20


def test_hostile_lines_read_in_linear_time() -> None:
    # Each would take hours with a quadratic or worse pattern.
    hostile = [
        "Source : RasClient\nEventID : 20227\nMessage : " + "The user x named " * 1000 + "\n",
        "Level" + " " * 1_000_000 + "x:\n",
        "Message : CoId=" + "{" * 1_000_000 + "\n",
        "<Event>" + "<Data>" * 100_000 + "\n",
        "Data : {" + "1, " * 1_000_000 + "\n",
    ]
    for text in hostile:
        for found in read_events(text):
            assert found.number is None


# Binary data --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  <Binary>B3020000</Binary> ", [BinaryCode(691, 10, 18)]),  # IPBan #76
        ("Data               : {41, 3, 0, 0}", [BinaryCode(809, 22, 33)]),  # AZ-ARCH
        ("Data               : {233, 53, 0, 0}", [BinaryCode(13801, 22, 35)]),  # AZ-ARCH
        ("<Binary>0101 0B80</Binary>", []),  # not one hex string
        ("<Binary>0101-B80</Binary>", []),
        ("<Binary>01010B80</Binary>", [BinaryCode(0x800B0101, 8, 16)]),  # CERT_E_EXPIRED
        ("<Binary>B3020000E9350000</Binary>", [BinaryCode(691, 8, 16)]),  # the first DWORD
        ("Data : {}", []),
        ("Data : {0, 0, 0, 0}", []),  # zero is no code
        ("Data : {300, 3, 0, 0}", []),  # not bytes
        ("Data : {41, 3}", []),  # too short for a DWORD
        ("MetaData : {41, 3, 0, 0}", []),
    ],
)
def test_find_binary_codes_reads_little_endian_dwords(
    text: str, expected: list[BinaryCode]
) -> None:
    assert find_binary_codes(text) == expected


def test_find_binary_codes_gives_every_dword_in_order() -> None:
    text = "<Binary>E9350000</Binary>\nData : {41, 3, 0, 0}\n<Binary>B3020000</Binary>"
    assert [found.number for found in find_binary_codes(text)] == [13801, 809, 691]


# Attempts -----------------------------------------------------------------------------------


def event(
    event_id: int, coid: str | None = "{A}", number: int | None = None, time: str = "t"
) -> Event:
    provider = "RemoteAccess" if event_id < 20220 or event_id > 20230 else "RasClient"
    return Event(
        provider,
        event_id,
        time + str(event_id),
        None,
        coid,
        "u",
        "c",
        number,
        None if number is None else raserror.get(number),
        "",
        None if number is None else "insert",
    )


def test_an_attempt_is_yielded_when_both_its_ends_are_read_in_either_order() -> None:
    forward = [event(20221), event(20222), event(20223), event(20227, number=691)]
    for order in (forward, forward[::-1]):
        (attempt,) = group_attempts(order)
        assert attempt.stages == (Stage.DIAL, Stage.DEVICE, Stage.LINK)
        assert (attempt.last_stage, attempt.outcome) == (Stage.LINK, Outcome.FAILED)
        assert (attempt.number, attempt.code) == (691, ErrorCode.AUTHENTICATION_FAILURE)
        assert (attempt.start, attempt.end) == ("t20221", "t20227")


def test_the_attempt_comes_out_as_soon_as_it_completes() -> None:
    def events() -> object:
        yield event(20221)
        yield event(20227, number=809)
        raise AssertionError("read past the end of the attempt")

    assert next(group_attempts(events())).number == 809  # type: ignore[arg-type]


def test_outcomes_connected_terminated_unfinished() -> None:
    terminated, connected, unfinished = group_attempts(
        [
            event(20221, "{C}"),
            event(20225, "{C}"),
            event(20221, "{T}"),
            event(20225, "{T}"),
            event(20226, "{T}", number=631),
            event(20221, "{U}"),
            event(20222, "{U}"),
        ]
    )
    assert terminated.outcome is Outcome.TERMINATED
    assert terminated.code is ErrorCode.USER_DISCONNECTION
    assert (connected.outcome, connected.number, connected.end) == (
        Outcome.CONNECTED,
        None,
        "t20225",
    )
    assert (unfinished.outcome, unfinished.last_stage) == (Outcome.UNFINISHED, Stage.DEVICE)


def test_a_code_outside_the_registry_keeps_its_number_and_the_attempt() -> None:
    (attempt,) = group_attempts([event(20221), event(20227, number=87)])
    assert (attempt.outcome, attempt.number, attempt.code) == (Outcome.FAILED, 87, None)


def test_failures_without_a_coid_and_server_failures_are_attempts_of_their_own() -> None:
    attempts = list(
        group_attempts(
            [
                event(20227, None, 809),
                event(20222, None),  # a stage without a CoId belongs to no attempt
                event(20271, "{NA}", 691),
                event(20274, "{NA}"),  # a server event without a code is no attempt
                event(20271, "{NA}", 691),
            ]
        )
    )
    assert [(a.provider, a.number) for a in attempts] == [
        ("RasClient", 809),
        ("RemoteAccess", 691),
        ("RemoteAccess", 691),
    ]


def test_open_attempts_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(raserror._events, "_OPEN_ATTEMPTS", 3)

    def events() -> object:
        for number in range(10):
            yield event(20222, f"{{{number}}}")
        raise AssertionError("held every attempt")

    attempts = group_attempts(events())  # type: ignore[arg-type]
    assert next(attempts).coid == "{0}"  # let go once more than 3 were open


def test_an_attempt_is_a_plain_typed_value() -> None:
    (attempt,) = group_attempts([event(20221), event(20227, number=809)])
    assert isinstance(attempt, Attempt)
    assert attempt._asdict()["outcome"] is Outcome.FAILED
    with pytest.raises(AttributeError):
        attempt.number = 1  # type: ignore[misc]


def test_stage_values_and_the_events_that_mark_them() -> None:
    assert [stage.value for stage in Stage] == ["dial", "device", "link", "connected"]
    marks = raserror._events.STAGE_OF_EVENT
    assert sorted(marks) == [20221, 20222, 20223, 20224, 20225]
    assert marks[20223] is marks[20224] is Stage.LINK


# Arbitrary input ----------------------------------------------------------------------------

SHAPED = st.sampled_from(
    [
        "EventID            : 20227\n",
        "Source             : RasClient\n",
        "Source: RemoteAccess\n",
        "ReplacementStrings : {{x}, u, e, 809}\n",
        "Data : {41, 3, 0, 0}\n",
        "Message            : CoId={x}: 809\n",
        "        wrapped 691\n",
        "<Event><System><Provider Name='RemoteAccess'/><EventID>20271</EventID></System>",
        "<EventData><Data>{NA}</Data><Binary>B3020000</Binary></EventData></Event>\n",
        "Event[0]:\n",
        "Event Xml:\n",
        '"Message","Id","ProviderName"\n',
        '"CoId={x}: 809","20227","RasClient"\n',
        "#TYPE x\n",
        "\r\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(SHAPED, st.text(max_size=80)), max_size=40))
def test_any_text_reads_without_raising_and_gives_bounded_events(pieces: list[str]) -> None:
    text = "".join(pieces)
    events = list(read_events(text))
    assert len(events) <= text.count("\n") + text.count("<Event") + 1
    for found in events:
        assert found.provider in ("RasClient", "RemoteAccess")
        assert len(found.message) <= 1 << 14
        if found.number is None:
            assert found.code is None
        else:
            assert found.code is raserror.get(found.number)
    attempts = list(group_attempts(events))
    assert len(attempts) <= len(events)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_read_without_raising(data: bytes) -> None:
    if data.startswith(b"ElfFile\x00"):
        return
    list(read_events(io.BytesIO(data)))


@given(st.text(max_size=200))
def test_find_binary_codes_never_raises_and_stays_inside_the_text(text: str) -> None:
    for found in find_binary_codes(text):
        assert 0 < found.number < 2**32
        assert 0 <= found.start < found.end <= len(text)


def test_the_public_names_load_lazily_from_one_module() -> None:
    for name in (
        "Attempt",
        "Event",
        "Outcome",
        "Stage",
        "group_attempts",
        "read_attempts",
        "read_events",
    ):
        assert getattr(raserror, name) is getattr(raserror._events, name)
        assert name in raserror.__all__
