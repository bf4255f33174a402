"""What a type checker sees: mypy --strict runs over this file in CI.

The checks sit under TYPE_CHECKING, so at test time they only have to import.
"""

from __future__ import annotations

import raserror
from raserror import Category, ErrorCode

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing_extensions import assert_type

    assert_type(raserror.lookup(691), ErrorCode)
    assert_type(raserror.lookup(691).message, str)
    assert_type(raserror.lookup("691").windows_message, str)
    assert_type(ErrorCode(691), ErrorCode)
    assert_type(ErrorCode(691).category, Category)
    assert_type(ErrorCode(691).transient, bool)
    assert_type(ErrorCode(691).obsolete, bool)
    assert_type(ErrorCode(691).hresult, int)
    assert_type(ErrorCode(691).win32_symbol, "str | None")
    assert_type(ErrorCode.AUTHENTICATION_FAILURE.symbol, str)
    assert_type(ErrorCode(691).value, int)
    assert_type(raserror.get(691), "ErrorCode | None")
    assert_type(raserror.describe(691), str)
    assert_type(raserror.search("vpn"), "list[ErrorCode]")
    assert_type(Category.VPN.codes, "tuple[ErrorCode, ...]")
    assert_type(Category.VPN.description, str)


def test_the_public_surface_is_listed_in_all() -> None:
    public = {name for name in dir(raserror) if not name.startswith("_")}
    assert set(raserror.__all__) - {"__version__"} == public
    for name in raserror.__all__:
        assert hasattr(raserror, name)
