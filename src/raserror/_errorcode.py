"""The behaviour of ``ErrorCode``; its members are generated into ``_codes``."""

from __future__ import annotations

from enum import IntEnum

from raserror._category import Category

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing_extensions import Self

# HRESULT_FROM_WIN32: severity bit and FACILITY_WIN32 (7) above the 16-bit code.
HRESULT_WIN32 = 0x8007_0000


class ErrorCodeBase(IntEnum):
    """Members are ints carrying their text; a subclass lists them."""

    # Declared here so that type checkers see them: __new__ sets them at run time.
    _value_: int
    symbol: str
    category: Category
    transient: bool
    obsolete: bool
    message: str
    windows_message: str
    win32_symbol: str | None
    hresult: int

    # Defaults only let type checkers accept ErrorCode(691), a lookup by value.
    def __new__(  # noqa: PLR0913, PLR0917 - one parameter per column, passed by Enum
        cls,
        value: int,
        symbol: str = "",
        category: Category = Category.API,
        transient: bool = False,  # noqa: FBT001, FBT002 - filled positionally by Enum
        obsolete: bool = False,  # noqa: FBT001, FBT002 - filled positionally by Enum
        message: str = "",
        windows_message: str = "",
        win32_symbol: str | None = None,
    ) -> Self:
        member = int.__new__(cls, value)
        member._value_ = value
        member.symbol = symbol
        member.category = category
        member.transient = transient
        member.obsolete = obsolete
        member.message = message
        member.windows_message = windows_message
        member.win32_symbol = win32_symbol
        member.hresult = HRESULT_WIN32 | value
        return member

    # IntEnum's str() changed in 3.11: these keep it the same on every version.
    def __str__(self) -> str:
        return int.__repr__(self)

    def __format__(self, format_spec: str) -> str:
        return format(self._value_, format_spec)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self._name_}: {self._value_}>"
