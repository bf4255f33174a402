"""from_exception: codes from the exceptions RAS failures raise, and never a wrong one.

pywin32 cannot be installed off Windows, so its exceptions are look-alikes
with the documented shapes (see tests/reference/README.md).
"""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raserror import ErrorCode, from_exception

VPN_TIMEOUT_TEXT = (
    "The network connection between your computer and the VPN server could not be "
    "established because the remote server is not responding."
)


class error(Exception):  # noqa: N801 - pywintypes.error is spelled so
    """pywintypes.error: args == (winerror, funcname, strerror); not an OSError."""

    def __init__(self, winerror: int, funcname: str, strerror: str) -> None:
        super().__init__(winerror, funcname, strerror)
        self.winerror = winerror
        self.funcname = funcname
        self.strerror = strerror


error.__module__ = "pywintypes"


class com_error(Exception):  # noqa: N801 - pywintypes.com_error is spelled so
    """pywintypes.com_error: args == (hresult, strerror, excepinfo, argerror)."""

    def __init__(
        self, hresult: int, strerror: str, excepinfo: tuple[object, ...] | None, argerror: object
    ) -> None:
        super().__init__(hresult, strerror, excepinfo, argerror)
        self.hresult = hresult
        self.strerror = strerror
        self.excepinfo = excepinfo
        self.argerror = argerror


com_error.__module__ = "pywintypes"


def windows_oserror(winerror: int, message: str) -> OSError:
    """OSError as Windows builds it: .winerror set, the number also in args[3]."""
    exc = OSError(22, message, None, winerror)
    exc.winerror = winerror  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("funcname", "expected"),
    [
        ("RasDial", ErrorCode.TAPI_CONFIGURATION),
        ("RasGetConnectStatus", ErrorCode.TAPI_CONFIGURATION),
        ("MprAdminInterfaceConnect", ErrorCode.TAPI_CONFIGURATION),
        ("CreateProcess", None),  # 740 there is ERROR_ELEVATION_REQUIRED
        ("ShellExecuteEx", None),
    ],
)
def test_pywin32_error_740_is_ras_only_from_a_ras_function(
    funcname: str, expected: ErrorCode | None
) -> None:
    exc = error(740, funcname, "message")
    assert from_exception(exc) is expected
    assert from_exception(exc, assume_ras=True) is ErrorCode.TAPI_CONFIGURATION


def test_pywin32_error_with_an_unambiguous_code_needs_no_context() -> None:
    assert from_exception(error(868, "SomeCall", "x")) is ErrorCode.DNSNAME_NOT_RESOLVABLE


def test_com_error_with_a_facility_win32_hresult() -> None:
    exc = com_error(-2147024028, "The remote connection was not made", None, None)
    assert from_exception(exc) is ErrorCode.DNSNAME_NOT_RESOLVABLE
    assert from_exception(com_error(-2147024205, "x", None, None)) is None  # 691: ambiguous
    wrapped = com_error(
        -2147352567, "Exception occurred.", (0, "RasDial", "x", None, 0, -2147024205), None
    )
    assert from_exception(wrapped) is ErrorCode.AUTHENTICATION_FAILURE


def test_oserror_on_windows_and_off_windows() -> None:
    assert from_exception(windows_oserror(868, "x")) is ErrorCode.DNSNAME_NOT_RESOLVABLE
    # Off Windows the number is only in args[3].
    assert from_exception(OSError(None, "x", None, 868)) is ErrorCode.DNSNAME_NOT_RESOLVABLE
    assert from_exception(OSError(None, "x", None, 691)) is None
    assert from_exception(OSError(None, "x", None, 691), assume_ras=True) is ErrorCode(691)


def test_winerror_740_from_create_process_is_not_ras() -> None:
    exc = windows_oserror(740, "The requested operation requires elevation")
    assert from_exception(exc) is None


def test_ctypes_winerror_shape_counts_with_the_callers_word() -> None:
    assert from_exception(windows_oserror(691, "x"), assume_ras=True) is ErrorCode(691)


@pytest.mark.parametrize(
    "command",
    [
        ["rasdial", "Office VPN", "user", "secret"],
        ["RASDIAL.EXE", "Office VPN"],
        [PureWindowsPath(r"C:\Windows\System32\rasdial.exe"), "Office VPN"],
        r'"C:\Windows\System32\rasdial.exe" "Office VPN" user secret',
        ["cmd", "/c", "rasdial Office"],
        ["powershell", "-Command", "rasdial 'Office VPN'"],
        [b"/usr/bin/rasdial"],
    ],
    ids=repr,
)
def test_called_process_error_from_rasdial_uses_its_return_code(command: object) -> None:
    exc = subprocess.CalledProcessError(740, command)  # type: ignore[arg-type]
    assert from_exception(exc) is ErrorCode.TAPI_CONFIGURATION


def test_called_process_error_from_another_program_needs_the_callers_word() -> None:
    exc = subprocess.CalledProcessError(868, ["robocopy", "a", "b"])
    assert from_exception(exc) is None
    assert from_exception(exc, assume_ras=True) is ErrorCode.DNSNAME_NOT_RESOLVABLE
    assert from_exception(subprocess.CalledProcessError(868, ["rasdialer"])) is None


def test_called_process_error_prefers_the_code_in_rasdial_output() -> None:
    output = f"Connecting...\r\nRemote Access error 809 - {VPN_TIMEOUT_TEXT}\r\n"
    exc = subprocess.CalledProcessError(1, ["rasdial", "VPN"], output=output)
    assert from_exception(exc) is ErrorCode.VPN_TIMEOUT
    as_bytes = subprocess.CalledProcessError(1, ["rasdial", "VPN"], output=output.encode())
    assert from_exception(as_bytes) is ErrorCode.VPN_TIMEOUT


def test_localised_rasdial_output_counts_when_the_command_is_rasdial() -> None:
    output = "Remotezugriffsfehler 740 - Eine ungültige Wählregel wurde erkannt.\n".encode(
        "cp1252"
    )
    exc = subprocess.CalledProcessError(1, "rasdial VPN", output=output)
    assert from_exception(exc) is ErrorCode.TAPI_CONFIGURATION
    elsewhere = subprocess.CalledProcessError(1, "tool VPN", output=output)
    assert from_exception(elsewhere) is None


@pytest.mark.parametrize("returncode", [0, 1, -9, 2**32 - 1, 3221225477, 2**64])
def test_rasdial_return_codes_that_are_not_ras_codes_give_none(returncode: int) -> None:
    assert from_exception(subprocess.CalledProcessError(returncode, ["rasdial"])) is None


def test_rasdial_return_code_as_hresult() -> None:
    exc = subprocess.CalledProcessError(0x800702E4, ["rasdial"])
    assert from_exception(exc) is ErrorCode.TAPI_CONFIGURATION


def test_text_with_ras_context_in_any_exception() -> None:
    assert from_exception(RuntimeError("RasDial failed with error 691")) is ErrorCode(691)
    assert from_exception(
        RuntimeError(f"Remote Access error 809 - {VPN_TIMEOUT_TEXT}")
    ) is ErrorCode(809)
    assert from_exception(RuntimeError("vpn up", "Error 868: x")) is ErrorCode(868)
    assert from_exception(RuntimeError("Error 691: x")) is None
    assert from_exception(RuntimeError("Error 691: x"), assume_ras=True) is ErrorCode(691)


def test_plain_int_arguments_need_context_or_the_callers_word() -> None:
    assert from_exception(ValueError(868)) is None
    assert from_exception(ValueError(868), assume_ras=True) is ErrorCode(868)
    assert from_exception(RuntimeError("RasHangUp", 691)) is ErrorCode(691)


def test_the_cause_and_context_chain_is_followed() -> None:
    outer = RuntimeError("could not connect")
    outer.__cause__ = error(691, "RasDial", "denied")  # raise ... from inner
    assert from_exception(outer) is ErrorCode(691)
    during = KeyError("during handling")
    during.__context__ = windows_oserror(868, "x")  # raised while handling it
    assert from_exception(during) is ErrorCode(868)


def test_the_explicit_cause_comes_before_the_context() -> None:
    outer = RuntimeError("could not connect")
    outer.__cause__ = error(868, "RasDial", "name not resolved")
    outer.__context__ = error(809, "RasDial", "timeout")
    assert from_exception(outer) is ErrorCode(868)


def test_a_cyclic_chain_does_not_hang() -> None:
    first, second = RuntimeError("a"), RuntimeError("b")
    first.__cause__, second.__context__ = second, first
    assert from_exception(first) is None
    second.args = ("RasDial error 691",)
    assert from_exception(first) is ErrorCode(691)


def test_exception_groups_are_searched() -> None:
    if sys.version_info >= (3, 11):
        group = builtins.ExceptionGroup("several", [ValueError("x"), error(868, "RasDial", "y")])
    else:  # pytest itself depends on the backport there
        from exceptiongroup import ExceptionGroup as BackportGroup

        group = BackportGroup("several", [ValueError("x"), error(868, "RasDial", "y")])
    assert from_exception(group) is ErrorCode(868)


def test_hostile_exceptions_give_none() -> None:
    class Unprintable(Exception):
        def __str__(self) -> str:
            raise RuntimeError

        @property
        def winerror(self) -> int:
            raise RuntimeError

    class WeirdArgs(Exception):
        args = None  # type: ignore[assignment]

    assert from_exception(Unprintable()) is None
    assert from_exception(WeirdArgs()) is None
    assert from_exception(Exception(object(), b"\xff\xfe", 1.5, None)) is None
    assert from_exception(KeyboardInterrupt()) is None


@pytest.mark.parametrize("value", [None, 691, "Error 868", object(), ValueError])
def test_non_exceptions_give_none(value: object) -> None:
    assert from_exception(value) is None


def test_a_long_chain_is_bounded() -> None:
    exc: BaseException = error(868, "RasDial", "x")
    for number in range(5000):
        wrapper = RuntimeError(number)
        wrapper.__cause__ = exc
        exc = wrapper
    assert from_exception(exc) is None  # beyond the bound: not found, and quick


ARGS = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.binary(),
    lambda inner: st.lists(inner, max_size=3).map(tuple),
    max_leaves=8,
)


@given(
    st.sampled_from([Exception, OSError, RuntimeError, ValueError, KeyError, error, com_error]),
    st.lists(ARGS, max_size=5),
    st.dictionaries(
        st.sampled_from(
            ["winerror", "hresult", "funcname", "cmd", "returncode", "output", "excepinfo"]
        ),
        ARGS,
    ),
    st.booleans(),
)
def test_anything_shaped_like_an_exception_gives_a_code_or_none(
    kind: type[Exception],
    args: list[object],
    attributes: dict[str, object],
    assume_ras: bool,  # noqa: FBT001 - hypothesis fills it
) -> None:
    exc = kind.__new__(kind)
    exc.args = tuple(args)
    for name, value in attributes.items():
        object.__setattr__(exc, name, value)
    result = from_exception(exc, assume_ras=assume_ras)
    assert result is None or isinstance(result, ErrorCode)
    if result is not None and not assume_ras and result.win32_symbol is not None:
        funcname = attributes.get("funcname")
        text = repr(args) + repr(attributes)
        assert (isinstance(funcname, str) and funcname[:3] in ("Ras", "Mpr")) or any(
            marker in text.lower()
            for marker in ("ras", "mpr", "remote access", "coi", "returned on")
        )


def test_ike_and_certificate_codes_from_rasdial_are_their_members() -> None:
    ike = error(13801, "RasDial", "IKE authentication credentials are unacceptable")
    assert from_exception(ike) is ErrorCode.IPSEC_IKE_AUTH_FAIL
    assert from_exception(error(-2146762495, "RasDial", "")) is ErrorCode.CERT_E_EXPIRED
    assert from_exception(com_error(-2143157998, "", None, None)) is (
        ErrorCode.EAP_E_USER_NAME_PASSWORD_REJECTED
    )
