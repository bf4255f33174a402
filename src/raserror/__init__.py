"""What a Windows Remote Access (dial-up and VPN) error code means.

>>> import raserror
>>> code = raserror.lookup(691)
>>> code.symbol
'ERROR_AUTHENTICATION_FAILURE'
>>> code.category
<Category.AUTHENTICATION: 'authentication'>
>>> code.transient
False
"""

from raserror._codes import Category, ErrorCode, Hint, Stage
from raserror._lookup import UnknownErrorCode, describe, get, lookup, search

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._events import (
        Attempt,
        Event,
        Outcome,
        group_attempts,
        read_attempts,
        read_events,
    )
    from raserror._exception import from_exception
    from raserror._messages import from_message
    from raserror._scan import Evidence, Finding, find_codes, scan_lines
    from raserror._win32 import Win32Error, win32_error
del TYPE_CHECKING

__all__ = [
    "Attempt",
    "Category",
    "ErrorCode",
    "Event",
    "Evidence",
    "Finding",
    "Hint",
    "Outcome",
    "Stage",
    "UnknownErrorCode",
    "Win32Error",
    "__version__",
    "describe",
    "find_codes",
    "from_exception",
    "from_message",
    "get",
    "group_attempts",
    "lookup",
    "read_attempts",
    "read_events",
    "scan_lines",
    "search",
    "win32_error",
]

__version__ = "0.1.0"

# Loaded on first use: the scanners need re and dataclasses, which plain lookups do not.
_LAZY = {
    "Evidence": "raserror._scan",
    "Finding": "raserror._scan",
    "find_codes": "raserror._scan",
    "scan_lines": "raserror._scan",
    "from_exception": "raserror._exception",
    "from_message": "raserror._messages",
    # Exported event logs: csv and xml.etree load only when they are read.
    "Attempt": "raserror._events",
    "Event": "raserror._events",
    "Outcome": "raserror._events",
    "group_attempts": "raserror._events",
    "read_attempts": "raserror._events",
    "read_events": "raserror._events",
    # Windows system error codes: a table of 3195, loaded only when a number is asked about.
    "Win32Error": "raserror._win32",
    "win32_error": "raserror._win32",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'raserror' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
