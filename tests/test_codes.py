"""ErrorCode and Category: what a member is and how it prints."""

from __future__ import annotations

import copy
import pickle
from enum import EnumMeta

import pytest

import raserror
from raserror import Category, ErrorCode

AUTH = ErrorCode.AUTHENTICATION_FAILURE


def test_a_member_is_its_number() -> None:
    assert AUTH == 691
    assert int(AUTH) == 691
    assert isinstance(AUTH, int)
    assert ErrorCode(691) is AUTH
    assert ErrorCode["AUTHENTICATION_FAILURE"] is AUTH
    assert {691: "x"}[AUTH] == "x"


def test_a_member_carries_its_meaning() -> None:
    assert AUTH.symbol == "ERROR_AUTHENTICATION_FAILURE"
    assert AUTH.category is Category.AUTHENTICATION
    assert AUTH.transient is False
    assert AUTH.obsolete is False
    assert AUTH.message.startswith("Access denied because username")
    assert AUTH.windows_message.startswith("The remote connection was denied")
    assert AUTH.win32_symbol == "ERROR_DBG_TERMINATE_THREAD"
    assert ErrorCode.DNSNAME_NOT_RESOLVABLE.win32_symbol is None


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda code: code.name)
def test_hresult_is_the_facility_win32_form_or_the_hresult_itself(code: ErrorCode) -> None:
    if code <= 0xFFFF:
        assert code.hresult == 0x8007_0000 + int(code)
        assert code.hresult >> 16 == 0x8007
    else:
        assert code.hresult == int(code)
        assert code.hresult >> 16 in (0x8009, 0x800B, 0x8042, 0x4042)


def test_hresult_of_an_ike_code_is_its_win32_form() -> None:
    assert ErrorCode.IPSEC_IKE_AUTH_FAIL.hresult == 0x800735E9
    assert raserror.lookup(0x800735E9) is ErrorCode.IPSEC_IKE_AUTH_FAIL
    assert raserror.lookup(-2147011095) is ErrorCode.IPSEC_IKE_AUTH_FAIL


def test_hresult_of_691() -> None:
    assert AUTH.hresult == 0x800702B3
    assert AUTH.hresult - 2**32 == -2147024205


def test_str_format_and_fstring_give_the_number_on_every_python() -> None:
    assert str(AUTH) == "691"
    assert f"{AUTH}" == "691"
    assert format(AUTH) == "691"
    assert f"{AUTH:>5}" == "  691"
    assert f"{AUTH:x}" == "2b3"
    assert f"{AUTH:05d}" == "00691"
    assert "%d" % AUTH == "691"  # noqa: UP031 - old-style formatting is still in scripts


def test_repr_names_the_member() -> None:
    assert repr(AUTH) == "<ErrorCode.AUTHENTICATION_FAILURE: 691>"
    assert repr([ErrorCode.PENDING]) == "[<ErrorCode.PENDING: 600>]"


def test_members_survive_pickling_and_copying() -> None:
    for member in (AUTH, Category.VPN):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            assert pickle.loads(pickle.dumps(member, protocol)) is member  # noqa: S301 - our own data
        assert copy.copy(member) is member
        assert copy.deepcopy(member) is member
        assert copy.deepcopy([member])[0] is member


def test_ordering_and_iteration_follow_the_number() -> None:
    codes = list(ErrorCode)
    assert len(codes) == 335 + 153 + 25 + 34
    assert codes == sorted(codes)
    assert codes[0] is ErrorCode.PENDING
    assert codes[334] is ErrorCode.REMOTEACCESS_NOT_CONFIGURED
    assert codes[335] is ErrorCode.IPSEC_QM_POLICY_EXISTS
    assert codes[-1] is ErrorCode.EAP_E_SIM_NOT_VALID


def test_category_values_are_the_lower_case_words() -> None:
    assert [category.value for category in Category] == [
        "api",
        "device",
        "line",
        "phonebook",
        "authentication",
        "certificate",
        "encryption",
        "ppp",
        "network",
        "vpn",
        "ipsec",
        "connection",
        "sharing",
        "radius",
        "policy",
        "router",
        "service",
    ]
    assert Category("vpn") is Category.VPN
    assert str(Category.VPN) == "vpn"
    assert f"{Category.VPN:>5}" == "  vpn"


def test_every_category_has_a_description_and_codes() -> None:
    for category in Category:
        assert category.description
        assert category.codes
        assert all(code.category is category for code in category.codes)
        assert list(category.codes) == sorted(category.codes)


def test_the_categories_partition_the_codes() -> None:
    listed = [code for category in Category for code in category.codes]
    assert sorted(listed) == list(ErrorCode)


def test_category_codes_of_vpn_include_the_common_vpn_errors() -> None:
    assert ErrorCode.VPN_TIMEOUT in Category.VPN.codes
    assert ErrorCode.AUTOMATIC_VPN_FAILED in Category.VPN.codes


def test_the_enum_is_whole_however_it_was_built() -> None:
    # 3.13+ builds it with enum._simple_enum, older versions with EnumMeta: same result.
    assert isinstance(ErrorCode, EnumMeta)  # type(IntEnum): mypy for 3.9 narrows that wrongly
    assert len(ErrorCode.__members__) == len(list(ErrorCode)) == 547
    assert ErrorCode["IPSEC_IKE_AUTH_FAIL"] is ErrorCode(13801) is ErrorCode.IPSEC_IKE_AUTH_FAIL
    assert ErrorCode.__module__ == "raserror._codes"
    assert ErrorCode.__qualname__ == "ErrorCode"
    assert ErrorCode.__doc__ is not None
    assert "meaning" in ErrorCode.__doc__
    expired = ErrorCode.CERT_E_EXPIRED
    assert pickle.loads(pickle.dumps(expired)) is expired  # noqa: S301 - our own data
    assert repr(ErrorCode.CERT_E_EXPIRED) == "<ErrorCode.CERT_E_EXPIRED: 0x800B0101>"
    assert str(ErrorCode.CERT_E_EXPIRED) == "2148204801"
    with pytest.raises(ValueError, match="9999"):
        ErrorCode(9999)
