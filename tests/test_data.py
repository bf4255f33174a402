"""The table against its sources: KB 824864, the SDK headers and winerror.h.

Every difference between the table and a source must be one of the repairs
listed here, so an accidental edit of the table fails a test.
"""

from __future__ import annotations

import re

import pytest
from tables import REFERENCE, read_table, read_tsv

import raserror
from raserror import Category, ErrorCode

SDK = {int(row["code"]): row for row in read_tsv("windows_sdk_ras_codes.tsv")}
WIN32 = {
    int(row["code"]): row["winerror_symbol"]
    for row in read_tsv("winerror_h_600_999.tsv")
    if row["ras_or_mpr_symbol_same_number"]
}
TABLE = {int(row["code"]): row for row in read_table()}


def kb_article() -> dict[int, str]:
    """Code -> message, as the KB 824864 markdown prints them."""
    text = (REFERENCE / "kb824864-dialup-vpn-error-codes.md").read_text(encoding="utf-8")
    body = text.split("## Error codes", 1)[1]
    messages: dict[int, str] = {}
    for block in re.split(r"^- (?=\d{3}$)", body, flags=re.MULTILINE)[1:]:
        number, _, rest = block.partition("\n")
        messages[int(number)] = " ".join(rest.split())
    return messages


KB = kb_article()

# The only changes the table makes to the article's text (issue: the registry).
KB_REPAIRS: dict[int, list[tuple[str, str]]] = {
    623: [("- Cannot", "Cannot")],
    654: [("undefined macro", "undefined macro.")],
    655: [("\\<message>", "<message>")],
    656: [("\\<defaultoff>", "<defaultoff>"), ("undefined macro", "undefined macro.")],
    751: [("(,)", "(, )"), ("and space", "and space.")],
    777: [("connecting device on", "connecting device) on")],
    782: [("(ICS and", "(ICS) and"), ("(ICF cannot", "(ICF) cannot")],
    799: [("(ICS cannot", "(ICS) cannot")],
    912: [("configuration in invalid", "configuration is invalid")],
    946: [(" To migrate these manually, run XXXX.", "")],
}
# The SDK's typos and placeholders, fixed in windows_message.
SDK_REPAIRS: dict[int, list[tuple[str, str]]] = {
    809: [("(e.g, ", "(e.g., ")],
    811: [("conection", "connection")],
    815: [("conection", "connection")],
    839: [("is disable.", "is disabled.")],
    841: [("a Internal", "an Internal")],
    845: [("due unexpected", "due to an unexpected")],
    849: [("is invalid", "is invalid.")],
    865: [("zccess", "access")],
    872: [("not valid", "not valid.")],
    876: [("The app %1!ws! is required", "An app is required")],
    912: [("confugration in invalid", "configuration is invalid"), ("inteface", "interface")],
    939: [("case sensitive secret pasword", "case-sensitive secret password")],
    946: [(" To migrate these manually, run XXXX.", "")],
}
# Where the KB prints a SHOUTED symbol, the table takes the header's text...
KB_SHOUTED = {*range(682, 698), *range(703, 707), *range(745, 751)} - {691, 692}
# ...and where no source has any text, writes a sentence (and says so in `note`).
NO_TEXT_ANYWHERE = {690, 693, 694, 706, 745, 746, 747, 748, 750}


def repaired(text: str, repairs: list[tuple[str, str]]) -> str:
    for old, new in repairs:
        assert old in text, f"repair {old!r} does not apply to {text!r}"
        text = text.replace(old, new)
    return " ".join(text.split())


def test_every_code_of_the_headers_is_a_member_with_its_exact_symbol() -> None:
    assert len(SDK) == 335
    assert {int(code): code.symbol for code in ErrorCode} == {
        code: row["symbol"] for code, row in SDK.items()
    }


def test_member_names_are_the_symbols_without_error_prefix() -> None:
    assert ErrorCode.AUTHENTICATION_FAILURE.symbol == "ERROR_AUTHENTICATION_FAILURE"
    assert ErrorCode.PENDING.symbol == "PENDING"
    assert ErrorCode.WARNING_NO_MD5_MIGRATION.symbol == "WARNING_NO_MD5_MIGRATION"
    for code in ErrorCode:
        assert code.symbol in (code.name, f"ERROR_{code.name}")


def test_the_table_lists_every_code_once_in_numeric_order() -> None:
    assert list(TABLE) == sorted(SDK)


@pytest.mark.parametrize("code", sorted(KB))
def test_message_is_the_kb_text_after_the_documented_repairs(code: int) -> None:
    member = raserror.lookup(code)
    if code in NO_TEXT_ANYWHERE:
        assert member.message == member.windows_message
        assert "written" in TABLE[code]["note"]
    elif code in KB_SHOUTED:
        assert KB[code].replace(" ", "_").upper() == f"ERROR_{member.name}"
        assert member.message == member.windows_message
        assert "header text used" in TABLE[code]["note"]
    else:
        assert member.message == repaired(KB[code], KB_REPAIRS.get(code, []))
        notes = TABLE[code]["note"].split("; ")
        assert any(note.startswith("message: ") for note in notes) == (code in KB_REPAIRS)


def test_the_kb_covers_261_codes_and_the_table_takes_all_of_them() -> None:
    assert len(KB) == 261
    assert 947 not in KB
    assert set(KB) <= set(SDK)
    for code in KB:
        assert TABLE[code]["source"].startswith("KB 824864, ")


@pytest.mark.parametrize("code", sorted(SDK))
def test_windows_message_is_the_header_text_after_the_documented_fixes(code: int) -> None:
    member = raserror.lookup(code)
    header_text = SDK[code]["sdk_message"]
    if code in NO_TEXT_ANYWHERE:
        assert header_text == member.symbol
        assert member.windows_message != header_text
    else:
        assert member.windows_message == repaired(header_text, SDK_REPAIRS.get(code, []))


@pytest.mark.parametrize("code", sorted(set(SDK) - set(KB)))
def test_codes_missing_from_the_kb_take_the_header_wording(code: int) -> None:
    member = raserror.lookup(code)
    assert member.message == member.windows_message
    assert TABLE[code]["source"] == SDK[code]["header"]


def test_the_two_wordings_of_799_keep_their_own_host_address() -> None:
    code = ErrorCode.SHARING_HOST_ADDRESS_CONFLICT
    assert "192.168.0.1" in code.message
    assert "192.168.137.1" not in code.message
    assert "192.168.137.1" in code.windows_message


def test_obsolete_is_exactly_the_53_codes_guarded_by_winver_below_vista() -> None:
    obsolete = {
        code for code, row in SDK.items() if row["winver_guard"].startswith("WINVER < 0x600")
    }
    assert len(obsolete) == 53
    assert {int(code) for code in ErrorCode if code.obsolete} == obsolete


def test_win32_symbol_names_the_winerror_code_of_the_same_number() -> None:
    assert len(WIN32) == 210
    assert {int(c): c.win32_symbol for c in ErrorCode if c.win32_symbol} == WIN32
    assert ErrorCode(740).win32_symbol == "ERROR_ELEVATION_REQUIRED"
    # The numbers no Win32 error shares: the scanner trusts these without context.
    unshared = {int(c) for c in ErrorCode if c.win32_symbol is None}
    assert unshared == {645, *range(658, 665), 666, 667, *range(820, 879), *range(900, 957)} - {
        947
    }


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda code: code.name)
def test_messages_are_clean_sentences(code: ErrorCode) -> None:
    for text in (code.message, code.windows_message):
        assert text.endswith(".")
        assert text[0].isupper()
        assert "  " not in text
        assert text.count("(") == text.count(")")
        assert "%" not in text
        assert "XXXX" not in text
        assert "\\" not in text
        assert not re.fullmatch(r"[A-Z0-9_ ]+\.?", text)


@pytest.mark.parametrize(
    ("prefix", "category"),
    [
        ("ERROR_PPP_", Category.PPP),
        ("ERROR_VPN_", Category.VPN),
        ("ERROR_EAP_", Category.CERTIFICATE),
        ("ERROR_PEAP_", Category.CERTIFICATE),
        ("ERROR_RASQEC_", Category.POLICY),
        ("ERROR_IPXCP_", Category.NETWORK),
        ("ERROR_SHARING_", Category.SHARING),
    ],
)
def test_the_component_a_symbol_names_decides_its_category(
    prefix: str, category: Category
) -> None:
    members = [code for code in ErrorCode if code.symbol.startswith(prefix)]
    assert members
    assert {code.category for code in members} == {category}


def test_certificate_and_radius_symbols_are_in_their_categories() -> None:
    for code in ErrorCode:
        if code.symbol.startswith("ERROR_VPN_"):
            continue  # the VPN_ prefix names the component first
        if re.search(r"CERT|SCARD|SMART_CARD|EAPTLS", code.symbol):
            assert code.category is Category.CERTIFICATE, code
        if "RADIUS" in code.symbol:
            assert code.category is Category.RADIUS, code


@pytest.mark.parametrize(
    ("code", "transient"),
    [
        (676, True),  # line busy
        (678, True),  # no answer
        (718, True),  # PPP timeout
        (809, True),  # VPN server not responding
        (868, True),  # the server's name did not resolve
        (930, True),  # authentication server timed out
        (691, False),  # bad credentials
        (646, False),  # time-of-day restriction: policy
        (940, False),  # dial-in hours: policy
        (812, False),  # server policy
        (853, False),  # client certificate invalid
        (811, False),  # pre-shared key
        (741, False),  # encryption not supported
    ],
)
def test_transient_means_an_unchanged_retry_may_succeed(code: int, *, transient: bool) -> None:
    assert raserror.lookup(code).transient is transient


def test_no_credential_policy_or_certificate_code_is_transient() -> None:
    never = {Category.CERTIFICATE, Category.ENCRYPTION, Category.PHONEBOOK, Category.SHARING}
    for code in ErrorCode:
        if code.category in never:
            assert not code.transient, code
        if code.category is Category.AUTHENTICATION and code is not ErrorCode.AUTH_SERVER_TIMEOUT:
            assert not code.transient, code
