"""What a type checker sees: mypy --strict runs over this file in CI.

The checks sit under TYPE_CHECKING, so at test time they only have to import.
"""

from __future__ import annotations

import inspect
import typing

import pytest

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
    assert_type(raserror.get(691, None), "ErrorCode | None")
    assert_type(raserror.get(691, ErrorCode.PENDING), ErrorCode)
    assert_type(raserror.get("vpn_timeout", "unknown"), "ErrorCode | str")
    assert_type(raserror.get(691, default=0.0), "ErrorCode | float")
    assert_type(raserror.from_exception(ValueError()), "ErrorCode | None")
    assert_type(raserror.describe(691), str)
    assert_type(raserror.search("vpn"), "list[ErrorCode]")
    assert_type(Category.VPN.codes, "tuple[ErrorCode, ...]")
    assert_type(Category.VPN.description, str)
    # Refused: if a type alias did not resolve (mypy for Python 3.9 and `int | str`), these
    # would type-check and each unused ignore would fail the strict run.
    raserror.lookup(1.5)  # type: ignore[arg-type]
    raserror.get(b"691")  # type: ignore[call-overload]
    raserror.describe(None)  # type: ignore[arg-type]
    raserror.UnknownErrorCode(1.5)  # type: ignore[arg-type]


def test_the_public_surface_is_listed_in_all() -> None:
    public = {name for name in dir(raserror) if not name.startswith("_")}
    assert set(raserror.__all__) - {"__version__"} == public
    for name in raserror.__all__:
        assert hasattr(raserror, name)


# Names whose hints other modules cannot yet give: what those modules need is in the reason.
UNRESOLVED: dict[str, pytest.MarkDecorator] = {}


def annotated(name: str) -> list[object]:
    """The public object, and for a class every function and property defined on it."""
    obj = getattr(raserror, name)
    if typing.get_origin(obj) is typing.Literal:
        return []  # a type alias (Evidence): nothing in it to resolve
    found = [obj]
    if isinstance(obj, type):
        for value in vars(obj).values():
            function = value.fget if isinstance(value, property) else value
            if inspect.isfunction(function):
                found.append(function)
    return found


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=UNRESOLVED.get(name, ()))
        for name in sorted(set(raserror.__all__) - {"__version__"})
    ],
)
def test_type_hints_of_every_public_name_resolve_at_run_time(name: str) -> None:
    # typing.get_type_hints() is how serialisers and validators read them, on every Python.
    for obj in annotated(name):
        typing.get_type_hints(obj)  # raises NameError or TypeError when a hint cannot resolve
