"""The table against its sources: KB 824864, the SDK headers, winerror.h, EapHostError.h.

Every difference between the table and a source must be one of the repairs
listed here, so an accidental edit of the table fails a test.
"""

from __future__ import annotations

import re

import pytest
from _repo import REFERENCE, read_table, read_tsv

import raserror
from raserror import Category, ErrorCode, Stage

SDK = {int(row["code"]): row for row in read_tsv("windows_sdk_ras_codes.tsv")}
WIN32 = {
    int(row["code"]): row["winerror_symbol"]
    for row in read_tsv("winerror_h_600_999.tsv")
    if row["ras_or_mpr_symbol_same_number"]
}
TABLE = {int(row["code"], 0): row for row in read_table()}
IPSEC = {int(row["code"]): row for row in read_tsv("ipsec_codes.tsv")}
HRESULTS = {int(row["hresult"], 16): row for row in read_tsv("winerror_h_hresults.tsv")}
EAP = {int(row["hresult"], 16): row for row in read_tsv("eaphost_error_h.tsv")}
RAS_HEADERS = ("raserror.h", "mprerror.h")


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
    921: [("The remote account has expired.", "The password of the remote account has expired.")],
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
    921: [("The remote account has expired.", "The password of the remote account has expired.")],
    939: [("case sensitive secret pasword", "case-sensitive secret password")],
    946: [("  To migrate these manually, run XXXX.", "")],
}
# Where the KB prints a SHOUTED symbol, the table takes the header's text...
KB_SHOUTED = {*range(682, 698), *range(703, 707), *range(745, 751)} - {691, 692}
# ...and where no source has any text, writes a sentence (and says so in `note`).
NO_TEXT_ANYWHERE = {690, 693, 694, 706, 745, 746, 747, 748, 750}


def repaired(text: str, repairs: list[tuple[str, str]], note: str = "") -> str:
    for old, new in repairs:
        assert old in text, f"repair {old!r} does not apply to {text!r}"
        text = text.replace(old, new)
    # Collapsing a source's double spaces is a repair too: only where the note says so.
    return re.sub(" {2,}", " ", text) if "double spaces collapsed" in note else text


def ras_members() -> list[ErrorCode]:
    return [code for code in ErrorCode if code.header in RAS_HEADERS]


def test_every_code_of_the_headers_is_a_member_with_its_exact_symbol() -> None:
    assert len(SDK) == 335
    assert {int(code): code.symbol for code in ras_members()} == {
        code: row["symbol"] for code, row in SDK.items()
    }


def test_member_names_are_the_symbols_without_error_prefix() -> None:
    assert ErrorCode.AUTHENTICATION_FAILURE.symbol == "ERROR_AUTHENTICATION_FAILURE"
    assert ErrorCode.PENDING.symbol == "PENDING"
    assert ErrorCode.WARNING_NO_MD5_MIGRATION.symbol == "WARNING_NO_MD5_MIGRATION"
    assert ErrorCode.IPSEC_IKE_AUTH_FAIL.symbol == "ERROR_IPSEC_IKE_AUTH_FAIL"
    assert ErrorCode.CERT_E_EXPIRED.symbol == "CERT_E_EXPIRED"
    for code in ErrorCode:
        assert code.symbol in (code.name, f"ERROR_{code.name}")


def test_the_table_lists_every_code_once_in_numeric_order() -> None:
    assert list(TABLE) == sorted({*SDK, *IPSEC, *HRESULTS, *EAP})
    assert len(TABLE) == 335 + 153 + 25 + 34


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
        assert any(note.startswith("message") for note in notes) == (code in KB_REPAIRS)


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
        note = TABLE[code]["note"]
        assert member.windows_message == repaired(header_text, SDK_REPAIRS.get(code, []), note)
        if member.windows_message != header_text:
            assert "windows_message: " in note


def test_every_double_space_the_table_collapsed_is_noted() -> None:
    collapsed = {
        code
        for code, row in SDK.items()
        if "  " in repaired(row["sdk_message"], SDK_REPAIRS.get(code, []))
    }
    assert len(collapsed) == 25
    for code in collapsed:
        assert "windows_message: double spaces collapsed" in TABLE[code]["note"], code


@pytest.mark.parametrize("code", sorted(code for code, row in TABLE.items() if row["note"]))
def test_notes_name_both_wordings_where_a_header_gave_both(code: int) -> None:
    # A row the KB lacks takes the header's text for both columns, so a repair touches both.
    row = TABLE[code]
    if row["source"].startswith("KB 824864"):
        return
    for note in row["note"].split("; "):
        assert not note.startswith("windows_message:"), note


@pytest.mark.parametrize("code", sorted(set(SDK) - set(KB)))
def test_codes_missing_from_the_kb_take_the_header_wording(code: int) -> None:
    member = raserror.lookup(code)
    assert member.message == member.windows_message
    assert TABLE[code]["source"] == SDK[code]["header"] == member.header


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
    unshared = {int(c) for c in ras_members() if c.win32_symbol is None}
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
    for code in ras_members():
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
        (600, True),  # PENDING: the operation is still running, as 616
        (937, True),  # another connection of this type: frees up, as 935
        (631, False),  # the user hung up on purpose
        (830, False),  # the user logged off
        (831, False),  # fast user switching ended the session
        (651, False),  # the device reported an error
        (13805, True),  # IKE negotiation timed out
        (13813, True),  # no response from the IKE peer
        (13801, False),  # IKE credentials unacceptable
        (13806, False),  # no machine certificate
        (13868, False),  # IKE policy mismatch
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


def test_related_codes_share_a_category() -> None:
    # The RADIUS attribute trio, the calls a callee refused, and the router's own codes.
    assert {raserror.lookup(code).category for code in (794, 795, 796)} == {Category.RADIUS}
    assert {raserror.lookup(code).category for code in (770, 775, 776)} == {Category.CONNECTION}
    routers = (870, 871, 872, 900, 928, 956)
    assert {raserror.lookup(code).category for code in routers} == {Category.ROUTER}


def test_a_password_expiry_does_not_read_as_an_account_expiry() -> None:
    password, account = ErrorCode.REMOTE_PASSWD_EXPIRED, ErrorCode.REMOTE_ACCT_DISABLED
    assert "password" in password.message
    assert "password" in password.windows_message
    assert password.message != account.message


# IPsec: the header's texts, repaired only as listed; many lack a final period.
IPSEC_REPAIRS: dict[int, list[tuple[str, str]]] = {
    13851: [("to enabled TCB", "to enable TCB")],
    13855: [("ISAKMP/ERROR_IPSEC_IKE service", "ISAKMP/IKE service")],
    13856: [("ISAKMP/ERROR_IPSEC_IKE service", "ISAKMP/IKE service")],
    13901: [("security principle", "security principal")],
}
# Range markers whose header text is the symbol itself: the table writes a sentence.
IPSEC_MARKERS = {13800, 13897, 13909}


def test_every_ipsec_code_of_winerror_h_is_a_member_with_its_exact_symbol() -> None:
    assert len(IPSEC) == 153
    members = {int(code): code for code in ErrorCode if 13000 <= code <= 13999}
    assert {code: member.symbol for code, member in members.items()} == {
        code: row["symbol"] for code, row in IPSEC.items()
    }
    for member in members.values():
        assert member.header == "winerror.h"
        assert member.category is Category.IPSEC
        assert member.win32_symbol is None
        assert not member.obsolete
        assert member.hresult == 0x8007_0000 | member


@pytest.mark.parametrize("code", sorted(IPSEC))
def test_ipsec_messages_are_the_header_text_after_the_documented_repairs(code: int) -> None:
    member = raserror.lookup(code)
    header_text, note = IPSEC[code]["message"], TABLE[code]["note"]
    assert member.message == member.windows_message
    if code in IPSEC_MARKERS:
        assert header_text == member.symbol
        assert "written from the symbol" in note
        return
    expected = repaired(header_text, IPSEC_REPAIRS.get(code, []), note)
    if not expected.endswith("."):
        assert "final period added" in note
        expected += "."
    assert member.message == expected
    assert ("corrected" in note) == (code in IPSEC_REPAIRS)


@pytest.mark.parametrize("hresult", sorted(HRESULTS))
def test_certificate_hresults_carry_the_winerror_h_text_verbatim(hresult: int) -> None:
    member = raserror.lookup(hresult)
    row = HRESULTS[hresult]
    assert member.symbol == member.name == row["symbol"]
    assert member.message == member.windows_message == row["message"]
    assert member.header == "winerror.h"
    assert member.category is Category.CERTIFICATE
    assert member.hresult == int(member) == hresult
    assert raserror.lookup(int(row["signed_decimal"])) is member
    assert member.win32_symbol is None
    assert not member.transient


def test_the_certificate_families_are_whole() -> None:
    symbols = {row["symbol"] for row in HRESULTS.values()}
    assert {symbol for symbol in symbols if symbol.startswith("CERT_E_")} == {
        code.symbol for code in ErrorCode if code.symbol.startswith("CERT_E_")
    }
    assert len([symbol for symbol in symbols if symbol.startswith("CERT_E_")]) == 18
    assert symbols >= {
        "CRYPT_E_REVOKED",
        "CRYPT_E_NO_REVOCATION_CHECK",
        "CRYPT_E_REVOCATION_OFFLINE",
        "TRUST_E_CERT_SIGNATURE",
        "SEC_E_WRONG_PRINCIPAL",
        "SEC_E_UNTRUSTED_ROOT",
        "SEC_E_CERT_EXPIRED",
    }


def _ras_twin(eap_symbol: str) -> str:
    """The raserror.h symbol an EapHostError.h symbol parallels, by their names."""
    tail = eap_symbol.split("_", 2)[2].removeprefix("EAPHOST_")
    return "ERROR_EAP_" + tail.replace("METHOD_CONFIG_DOES_NOT", "METHOD_DOES_NOT")


@pytest.mark.parametrize("hresult", sorted(EAP))
def test_eap_codes_have_their_symbol_a_written_sentence_and_their_twin(hresult: int) -> None:
    member = raserror.lookup(hresult)
    row, note = EAP[hresult], TABLE[hresult]["note"]
    assert member.symbol == member.name == row["symbol"]
    assert member.header == "EapHostError.h"
    assert member.category is Category.CERTIFICATE
    assert member.hresult == int(member) == hresult
    # The header has developer comments, not message text: the table writes its own.
    assert note.startswith("written from the symbol")
    assert member.message == member.windows_message != row["comment"]
    twins = [code for code in ras_members() if code.symbol == _ras_twin(member.symbol)]
    if twins:
        assert f"twin of {int(twins[0])} {twins[0].symbol}" in note
    else:
        assert "twin" not in note


def test_eap_twins_are_the_ones_the_reference_infers() -> None:
    assert "twin of 854 ERROR_EAP_USER_CERT_EXPIRED" in TABLE[0x8042_0102]["note"]
    twinned = {code for code, row in TABLE.items() if "twin of" in row["note"]}
    assert len(twinned) == 17
    assert all(member.header == "EapHostError.h" for member in map(raserror.lookup, twinned))


def test_only_raserror_and_mprerror_codes_have_a_win32_clash() -> None:
    for code in ErrorCode:
        if code.header not in RAS_HEADERS:
            assert code.win32_symbol is None, code


# The codes people meet most, which the hints must cover (issue: what to do next)...
HINTED = [619, 628, 633, 651, 691, 720, 721, 733, 734, 741, 742, 768, 787, 789, 800, 806]
HINTED += [807, 809, 812, 829, 853, 864, 868, 13801, 13806, 13868]
HINTED += [0x800B0101, 0x800B0109, 0x80092013]
# ...but for these no authoritative source was found: no hint rather than one from thin air.
NO_SOURCE_FOUND = {619, 651, 768, 807, 829}
# ...and for these the only sources found are tag or category pages, which roll over.
NO_PERMALINK_FOUND = {0x800B0101}
# 628's second hint contradicted its own author's current guide, which the first cites.
ONE_SOURCE = {628}


@pytest.mark.parametrize("code", HINTED, ids=lambda code: raserror.lookup(code).symbol)
def test_the_codes_people_meet_have_sourced_hints(code: int) -> None:
    member = raserror.lookup(code)
    if code in NO_SOURCE_FOUND | NO_PERMALINK_FOUND:
        assert member.hints == ()
    elif code in ONE_SOURCE:
        assert len(member.hints) == 1
    else:
        assert 2 <= len(member.hints) <= 5


@pytest.mark.parametrize("code", [c for c in ErrorCode if c.hints], ids=lambda c: c.name)
def test_every_hint_is_one_sentence_with_an_https_source(code: ErrorCode) -> None:
    for hint in code.hints:
        assert hint.text == " ".join(hint.text.split())
        assert hint.text[0].isupper() or hint.text[0].isdigit()
        assert hint.text.endswith(".")
        assert len(hint.text) <= 200
        assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]+/\S*", hint.source), hint.source
        # Our own words: never the code's own message again.
        assert hint.text not in (code.message, code.windows_message)


def test_the_readme_names_the_codes_left_without_hints() -> None:
    readme = (REFERENCE.parents[1] / "README.md").read_text(encoding="utf-8")
    assert "619, 651, 768, 807 and 829" in readme
    assert "for `CERT_E_EXPIRED`, and for" in readme


# Microsoft's "RAS Connection Establishment Issues": the codes that end each stage of a dial.
STAGE_SOURCE = {
    "dial": {665},
    "device": {633, 676, 678, 680, 692, 740, 807, 809, 814, 815, 741, 742, 808, 825, 766}
    | {786, 787, 788, 789, 790, 791, 793, 810, 811, 827, 835},
    "link": {647, 648, 649, 691, 708, 764, 778, 798, 801, 805, 812, 826, 718, 732, 808}
    | {733, 734, 735, 736, 737, 738, 741, 742, 806},
}


def test_stages_are_the_ones_microsoft_lists() -> None:
    for stage, codes in STAGE_SOURCE.items():
        assert {int(code) for code in ErrorCode if Stage(stage) in code.stages} == codes
    assert {int(c) for c in ErrorCode if len(c.stages) == 2} == {741, 742, 808}
    for code in ErrorCode:
        assert code.stage is (code.stages[0] if code.stages else None)
