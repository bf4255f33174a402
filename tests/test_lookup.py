"""lookup, get, describe and search: every accepted form, every rejection."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import raserror
from raserror import ErrorCode, UnknownErrorCode

AUTH = ErrorCode.AUTHENTICATION_FAILURE
RAS_CODES = [int(code) for code in ErrorCode]


@pytest.mark.parametrize(
    "given_code",
    [
        691,
        AUTH,
        "691",
        " 691 ",
        "691\n",
        "+691",
        "ERROR_AUTHENTICATION_FAILURE",
        "error_authentication_failure",
        "AUTHENTICATION_FAILURE",
        "authentication_failure",
        "Authentication_Failure",
        0x800702B3,
        -2147024205,
        "0x800702B3",
        "0X800702b3",
        " 0x800702B3 ",
        "-2147024205",
        "2147943091",
        "0x2B3",
    ],
)
def test_lookup_accepts_every_documented_form(given_code: int | str) -> None:
    assert raserror.lookup(given_code) is AUTH
    assert raserror.get(given_code) is AUTH


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("RASBASE+91", 691),  # raserror.h's own definition of 691
        ("RASBase + 76", 676),  # a Delphi port's case, any spacing
        ("ROUTEBASE+0", 900),  # mprerror.h's
        ("RASBASE+1000", None),  # past any offset a header writes
        ("RASBASE+300", None),  # past raserror.h's last code, 878: no code of that header
        ("ROUTEBASE+56", 956),  # mprerror.h's last
        ("RASBASE\u00a0+ 91", 691),  # a no-break space from a copied page
        ("RASBASE+", None),
        ("RASBASE+-1", None),
        ("MYBASE+91", None),
    ],
)
def test_lookup_reads_a_headers_base_and_an_offset(written: str, expected: int | None) -> None:
    code = raserror.get(written)
    assert (None if code is None else int(code)) == expected


@pytest.mark.parametrize(
    ("given_code", "expected"),
    [
        ("PENDING", ErrorCode.PENDING),
        ("pending", ErrorCode.PENDING),
        ("WARNING_NO_MD5_MIGRATION", ErrorCode.WARNING_NO_MD5_MIGRATION),
        ("warning_msg_alias_not_added", ErrorCode.WARNING_MSG_ALIAS_NOT_ADDED),
        ("vpn_timeout", ErrorCode.VPN_TIMEOUT),
        ("ERROR_VPN_TIMEOUT", ErrorCode.VPN_TIMEOUT),
        (956, ErrorCode.REMOTEACCESS_NOT_CONFIGURED),
        (600, ErrorCode.PENDING),
    ],
)
def test_lookup_finds_symbols_without_the_error_prefix_and_the_range_ends(
    given_code: int | str, expected: ErrorCode
) -> None:
    assert raserror.lookup(given_code) is expected


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda code: code.name)
def test_every_code_round_trips_through_every_form(code: ErrorCode) -> None:
    forms: list[int | str] = [
        int(code),
        str(code),
        code.symbol,
        code.name.lower(),
        code.hresult,
        # The signed form of a failure HRESULT, as .NET and event logs print it.
        code.hresult - 2**32 if code.hresult >= 2**31 else code.hresult,
        hex(code.hresult),
        f"{code.hresult:#010X}",
    ]
    for form in forms:
        assert raserror.lookup(form) is code, form


@pytest.mark.parametrize(
    "unknown",
    [
        0,
        -1,
        5,
        599,
        879,
        899,
        947,
        957,
        2**64,
        -(2**64),
        0x80070005,  # E_ACCESSDENIED: FACILITY_WIN32, but code 5
        0x800802B3,  # not FACILITY_WIN32
        0x1_800702B3,  # wider than 32 bits
        -(2**40) + 0x800702B3,  # the same, negative
        0x80070000 + 947,
        "",
        "   ",
        "abc",
        "691.0",
        "6_91",
        "691 809",
        "\u0666\u0669\u0661",  # Arabic-Indic digits: not an ASCII number
        "\uff16\uff19\uff11",  # full-width digits
        "ERROR_FOO",
        "ERROR_ELEVATION_REQUIRED",  # a Win32 symbol, not a RAS one
        "ERROR_",
        "0x",
        "0xZZ",
        "0x-2B3",
        "--691",
        "ERROR_AUTHENTICATION_FAILURE_",
        "\ufb01le_could_not_be_opened",  # a ligature that upper() turns into ASCII
    ],
)
def test_values_that_name_no_ras_code_raise_unknown_error_code(unknown: int | str) -> None:
    with pytest.raises(UnknownErrorCode) as raised:
        raserror.lookup(unknown)
    assert raised.value.code == unknown
    assert isinstance(raised.value, LookupError)
    assert "is not a Remote Access error code" in str(raised.value)
    assert "RAS 600-878, 900-946, 948-956; IPsec 13000-13025" in str(raised.value)
    assert raserror.get(unknown) is None
    assert raserror.get(unknown, "fallback") == "fallback"


@pytest.mark.parametrize(
    "huge",
    ["9" * 5000, "-" + "9" * 5000, "0x" + "f" * 5000, 10**5000, -(10**5000)],
    ids=["digits", "negative-digits", "hex", "int", "negative-int"],
)
def test_numbers_too_large_to_print_are_unknown_codes_with_a_short_message(
    huge: int | str,
) -> None:
    # Python refuses str() of ints past 4300 digits: the message must not need it.
    with pytest.raises(UnknownErrorCode) as raised:
        raserror.lookup(huge)
    assert len(str(raised.value)) < 300
    assert raserror.get(huge) is None
    assert "is not a Remote Access error code" in raserror.describe(huge)


def test_unknown_error_code_says_what_was_given() -> None:
    with pytest.raises(UnknownErrorCode, match=r"^'ERROR_FOO' is not"):
        raserror.lookup("ERROR_FOO")
    with pytest.raises(UnknownErrorCode, match=r"^9999 is not"):
        raserror.lookup(9999)
    with pytest.raises(UnknownErrorCode, match=r"^2147942405 \(0x80070005\) is not"):
        raserror.lookup(0x80070005)
    with pytest.raises(UnknownErrorCode, match=r"^-2147024891 \(0x80070005\) is not"):
        raserror.lookup(-2147024891)


@pytest.mark.parametrize(
    "wrong_type",
    [None, 691.0, b"691", bytearray(b"691"), True, False, [691], (691,), Decimal(691), object()],
    ids=repr,
)
def test_unsupported_types_raise_type_error(wrong_type: object) -> None:
    for function in (raserror.lookup, raserror.get, raserror.describe):
        with pytest.raises(TypeError, match="must be an int or a str"):
            function(wrong_type)  # type: ignore[arg-type, call-overload]


def test_type_error_survives_an_object_whose_repr_raises() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError

    with pytest.raises(TypeError, match="Hostile"):
        raserror.lookup(Hostile())  # type: ignore[arg-type]


def test_describe_gives_one_line_with_number_symbol_category_and_message() -> None:
    # Today's Windows wording, as the command's block leads with; not the XP-era one.
    assert raserror.describe(691) == (
        "691 ERROR_AUTHENTICATION_FAILURE (authentication): The remote connection was denied "
        "because the user name and password combination you provided is not recognized, or "
        "the selected authentication protocol is not permitted on the remote access server."
    )
    assert raserror.describe(740) == (
        "740 ERROR_TAPI_CONFIGURATION (device): An invalid dialing rule was detected."
    )
    assert raserror.describe("vpn_timeout").startswith("809 ERROR_VPN_TIMEOUT (vpn): ")
    assert raserror.describe(0x800702B3) == raserror.describe(691)


@pytest.mark.parametrize(
    "code",
    [10**5000, -(10**5000), 2**64, 9999, "x" * 500, "ERROR_FOO"],
    ids=["10**5000", "-10**5000", "2**64", "9999", "long str", "symbol"],
)
def test_repr_of_unknown_error_code_never_raises(code: int | str) -> None:
    shown = repr(raserror.UnknownErrorCode(code))
    assert shown.startswith("UnknownErrorCode(")
    assert len(shown) <= 100


def test_repr_of_unknown_error_code_shows_a_small_value_as_python_would() -> None:
    assert repr(raserror.UnknownErrorCode(9999)) == "UnknownErrorCode(9999)"
    assert repr(raserror.UnknownErrorCode("bogus")) == "UnknownErrorCode('bogus')"


@pytest.mark.parametrize("unknown", [9999, 947, "ERROR_FOO", "", 0x80070005])
def test_describe_says_so_instead_of_raising_for_unknown_codes(unknown: int | str) -> None:
    line = raserror.describe(unknown)
    assert "is not a Remote Access error code" in line
    assert "\n" not in line


def test_get_returns_the_default_only_for_unknown_codes() -> None:
    sentinel = object()
    assert raserror.get(691, sentinel) is AUTH
    assert raserror.get(9999, sentinel) is sentinel


def test_search_finds_the_expired_certificate_codes_first() -> None:
    found = raserror.search("certificate expired")
    assert found[:2] == [ErrorCode.EAP_USER_CERT_EXPIRED, ErrorCode.EAP_SERVER_CERT_EXPIRED]


def test_search_is_case_insensitive_and_needs_every_word() -> None:
    assert raserror.search("VPN Timeout")[0] is ErrorCode.VPN_TIMEOUT
    assert raserror.search("VPN Timeout") == raserror.search("vpn timeout")
    found = raserror.search("server not responding")
    assert ErrorCode.VPN_TIMEOUT in found
    for code in found:
        text = f"{code.symbol} {code.message} {code.windows_message}".lower()
        assert all(word in text for word in ("server", "not", "responding"))
    # One more word that no code has: every word is needed, so nothing is left.
    assert raserror.search("server not responding frobnicate") == []
    assert set(found) < set(raserror.search("server"))


def test_search_matches_symbols_with_or_without_underscores() -> None:
    assert raserror.search("DNSNAME_NOT_RESOLVABLE")[0] is ErrorCode.DNSNAME_NOT_RESOLVABLE
    assert raserror.search("vpn_timeout")[0] is ErrorCode.VPN_TIMEOUT


def test_search_searches_both_wordings() -> None:
    # 740 is a TAPI failure in the KB and a dialing rule in current Windows.
    assert ErrorCode.TAPI_CONFIGURATION in raserror.search("dialing rule")
    assert ErrorCode.TAPI_CONFIGURATION in raserror.search("TAPI devices")


def test_search_returns_an_empty_list_when_nothing_matches() -> None:
    assert raserror.search("frobnicate") == []


# Marks alone are no words: "." or "-" would otherwise match nearly every message.
@pytest.mark.parametrize("empty", ["", "   ", "\n\t", "_", " __ ", ".", "- ()", "…"])
def test_search_refuses_an_empty_query(empty: str) -> None:
    with pytest.raises(ValueError, match="at least one word"):
        raserror.search(empty)


def test_search_refuses_a_non_string() -> None:
    with pytest.raises(TypeError, match="must be a str"):
        raserror.search(691)  # type: ignore[arg-type]


def _expected_code(number: int) -> int | None:
    """The code an int names, by the documented rules, computed independently."""
    unsigned = number + 2**32 if -(2**31) <= number < 0 else number
    if unsigned in RAS_CODES:
        return unsigned  # a code, or an HRESULT member's own value
    return unsigned & 0xFFFF if unsigned >> 16 == 0x8007 else None


@given(st.one_of(st.integers(), st.integers(-(2**31), 2**32), st.sampled_from(RAS_CODES)))
def test_any_int_gives_its_member_or_unknown_error_code(number: int) -> None:
    expected = _expected_code(number)
    if expected in RAS_CODES:
        assert int(raserror.lookup(number)) == expected
        assert raserror.get(number) == expected
        written = str(expected) if expected <= 0xFFFF else f"0x{expected:08X}"
        assert raserror.describe(number).startswith(f"{written} ")
    else:
        with pytest.raises(UnknownErrorCode):
            raserror.lookup(number)
        assert raserror.get(number) is None
        assert "is not a Remote Access error code" in raserror.describe(number)


@given(st.text())
def test_any_text_gives_a_member_or_unknown_error_code(text: str) -> None:
    member = raserror.get(text)
    if member is None:
        with pytest.raises(UnknownErrorCode) as raised:
            raserror.lookup(text)
        assert raised.value.code == text
        assert "is not a Remote Access error code" in raserror.describe(text)
    else:
        assert raserror.lookup(text) is member
        written = str(int(member)) if member <= 0xFFFF else f"0x{int(member):08X}"
        assert raserror.describe(text).startswith(f"{written} {member.symbol} ")
        assert text.strip().isascii()


@given(
    code=st.sampled_from(list(ErrorCode)),
    padding=st.sampled_from(["", " ", "\t", "\n"]),
    lower=st.booleans(),
)
def test_any_symbol_in_any_case_with_any_padding_is_found(
    code: ErrorCode, padding: str, *, lower: bool
) -> None:
    name = code.symbol.lower() if lower else code.symbol
    assert raserror.lookup(f"{padding}{name}{padding}") is code


@given(
    st.one_of(
        st.none(),
        st.floats(),
        st.binary(),
        st.booleans(),
        st.lists(st.integers()),
        st.dictionaries(st.text(), st.integers()),
        st.complex_numbers(),
        st.decimals(allow_nan=False),
    )
)
def test_any_other_type_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError):
        raserror.lookup(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        raserror.describe(value)  # type: ignore[arg-type]


def _query_words(query: str) -> list[str]:
    words = query.lower().replace("_", " ").split()
    return [word for word in words if any(char.isalnum() for char in word)]


@given(st.text(min_size=1))
def test_search_of_any_query_returns_only_codes_containing_every_word(query: str) -> None:
    if not _query_words(query):
        with pytest.raises(ValueError, match="at least one word"):
            raserror.search(query)
        return
    found = raserror.search(query)
    assert len(found) == len(set(found))
    for code in found:
        text = f"{code.symbol.replace('_', ' ')} {code.message} {code.windows_message}".lower()
        assert all(word in text for word in _query_words(query))


def test_eight_hex_digits_with_a_letter_are_an_hresult_as_dialogs_write_it() -> None:
    # "(Fehler 8007026f)" in tests/realworld/positive/071: HRESULT_FROM_WIN32(623).
    assert raserror.lookup("8007026f") is raserror.lookup(623)
    assert raserror.lookup("800B0101") is ErrorCode.CERT_E_EXPIRED
    assert raserror.get("80070364") is None  # all digits: a decimal number, not a code
    assert raserror.get("deadbeef") is None
