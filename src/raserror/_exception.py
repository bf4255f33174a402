"""Find the RAS error code that an exception carries, if it carries one."""

from __future__ import annotations

import os
import re
from typing import Optional  # loaded already by _scan

from raserror._codes import ErrorCode  # noqa: TC001 - at run time for get_type_hints()
from raserror._evidence import accept
from raserror._scanner import scan_text
from raserror._vocabulary import RAS_CONTEXT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

# rasdial as the program or an argument of a command: any path, any case, .exe or not.
_RASDIAL_COMMAND = re.compile(r"(?i)(?:^|[\\/\s\"'=])rasdial(?:\.exe)?(?=$|[\s\"'])")
# pywin32 names the failing API: win32ras and MprAdmin calls are Remote Access ones.
_RAS_FUNCTION_PREFIXES = ("Ras", "Mpr")
# Enough for any real chain; a bound keeps a pathological one from taking long.
_MAX_EXCEPTIONS = 256


def from_exception(exc: object, *, assume_ras: bool = False) -> Optional[ErrorCode]:  # noqa: UP045 - get_type_hints() must evaluate it on 3.9
    """The RAS error code that ``exc`` carries, or None.

    Looks at pywin32's ``pywintypes.error`` (RAS context when its ``funcname``
    starts with ``Ras`` or ``Mpr``) and ``com_error``, ``OSError`` and
    ``ctypes.WinError`` (``winerror``, or ``args[3]`` off Windows),
    ``subprocess.CalledProcessError`` from rasdial (its output, then its
    return code), FACILITY_WIN32 HRESULTs, and the text of any exception,
    then down the ``__cause__`` and ``__context__`` chain. A number counts
    only with evidence, as in ``find_codes``. Never raises: anything it
    cannot read, including a non-exception, gives None.
    """
    try:
        for link in _chain(exc):
            code = _examine(link, assume_ras=assume_ras)
            if code is not None:
                return code
    except Exception:  # noqa: BLE001 - documented to return None for anything unreadable
        return None
    return None


def _chain(exc: object) -> Iterator[object]:
    """``exc``, then what caused it and what it happened during, each once."""
    pending = [exc]
    seen: set[int] = set()
    while pending and len(seen) < _MAX_EXCEPTIONS:
        link = pending.pop()
        if id(link) in seen:
            continue
        seen.add(id(link))
        yield link
        grouped = _attribute(link, "exceptions")  # an ExceptionGroup's members
        followers = [*(grouped if isinstance(grouped, tuple) else ())]
        # The explicit cause (raise ... from) before the exception being handled.
        followers += [_attribute(link, "__cause__"), _attribute(link, "__context__")]
        pending += [item for item in reversed(followers) if isinstance(item, BaseException)]


def _attribute(obj: object, name: str) -> object:
    try:
        return getattr(obj, name, None)
    except Exception:  # noqa: BLE001 - a property that raises is just absent here
        return None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        # Digits and the structure we anchor on are ASCII in every code page.
        return bytes(value).decode("utf-8", "replace")
    return None


def _str(exc: BaseException) -> str | None:
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - an unprintable exception still has its attributes
        return None


def _fspath(part: object) -> object:
    try:
        return os.fspath(part) if isinstance(part, os.PathLike) else part
    except Exception:  # noqa: BLE001 - an unreadable argument names no program
        return None


def _slots(exc: BaseException, args: tuple[object, ...], funcname: object) -> list[int]:
    """The numbers that sit where Windows error codes go."""
    slots = [_attribute(exc, "winerror"), _attribute(exc, "hresult")]
    excepinfo = _attribute(exc, "excepinfo")
    if isinstance(excepinfo, tuple) and len(excepinfo) >= 6:
        slots.append(excepinfo[5])  # com_error's scode
    if isinstance(exc, OSError) and len(args) >= 4:
        slots.append(args[3])  # OSError(errno, strerror, filename, winerror, ...)
    if isinstance(funcname, str) and args:
        slots.append(args[0])  # pywintypes.error(code, funcname, message)
    return [number for number in map(_int, slots) if number]


def _examine(exc: object, *, assume_ras: bool) -> ErrorCode | None:
    if not isinstance(exc, BaseException):
        return None
    args = _attribute(exc, "args")
    args = args if isinstance(args, tuple) else ()
    # str(exc) repeats a lone argument: each text once.
    texts = [text for text in dict.fromkeys([*map(_text, args), _str(exc)]) if text]
    funcname = _attribute(exc, "funcname")
    context = (isinstance(funcname, str) and funcname.startswith(_RAS_FUNCTION_PREFIXES)) or any(
        RAS_CONTEXT.search(text) for text in texts
    )
    # In a slot made for Windows error codes, an unambiguous RAS number is trusted.
    for number in _slots(exc, args, funcname):
        accepted = accept(number, context=context, assume_ras=assume_ras)
        if accepted is not None:
            return accepted
    command = _attribute(exc, "cmd")
    if command is not None:
        # A process error's text and args are its command and status: read as such.
        return _from_process(exc, command, assume_ras=assume_ras)
    for text in texts:
        found = scan_text(text, assume_ras=assume_ras)
        if found:
            return found[0].code
    # Any other int argument is only a number: it needs context or the caller's word.
    if context or assume_ras:
        for number in filter(None, map(_int, args)):
            accepted = accept(number, context=context, assume_ras=assume_ras)
            if accepted is not None:
                return accepted
    return None


def _from_process(exc: BaseException, command: object, *, assume_ras: bool) -> ErrorCode | None:
    """A CalledProcessError: rasdial's output, then its exit status."""
    parts = command if isinstance(command, (list, tuple)) else [command]
    words = [_text(_fspath(part)) or "" for part in parts]
    rasdial = _RASDIAL_COMMAND.search(" ".join(words)) is not None
    outputs = [_text(_attribute(exc, name)) for name in ("output", "stderr")]
    output = "\n".join(text for text in outputs if text)
    found = scan_text(output, assume_ras=assume_ras, rasdial_output=rasdial)
    if found:
        return found[0].code
    returncode = _int(_attribute(exc, "returncode"))
    if returncode is None or not (rasdial or assume_ras):
        return None
    return accept(returncode, context=rasdial, assume_ras=assume_ras)
