"""The command's explanation of one code, laid out for a person at a given width.

What Windows says comes first, then what kind of failure it is, then what to
check with the sources those checks rest on, then the numeric details.
"""

from __future__ import annotations

import textwrap

from raserror._lookup import number_text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._codes import ErrorCode

# Narrower than this, a label stands on its own line above its text.
_SIDE_BY_SIDE = 60
_LABEL_WIDTH = 13  # "Older wording"
_INDENT = "  "


def block_lines(code: ErrorCode, width: int = 80) -> list[str]:
    """The lines that explain ``code``, each at most ``width`` columns.

    A source URL, a symbol or a registry value is never broken, so a line that
    holds one such word longer than the width may be wider; every other line fits.
    """
    out = _wrap(f"{number_text(code)} {code.symbol} ({code.header})", width, "", _INDENT)
    fields = [("Windows says", code.windows_message)]
    if code.message != code.windows_message:
        fields.append(("Older wording", code.message))
    fields.append(("Category", f"{code.category.value}: {code.category.description}"))
    fields.append(("Retry", _retry(code)))
    if code.stages:
        fields.append(("Stage", "; or ".join(stage.description for stage in code.stages)))
    if code.obsolete:
        fields.append(("Obsolete", "Windows Vista and later never return it"))
    out += _fields(fields, width)
    if code.hints:
        sources = list(dict.fromkeys(hint.source for hint in code.hints))
        out += ["", f"{_INDENT}What to check"]
        for number, hint in enumerate(code.hints, 1):
            mark = f"{_INDENT * 2}{number}. "
            reference = f" [{sources.index(hint.source) + 1}]"
            out += _wrap(hint.text + reference, width, mark, " " * len(mark))
        out += ["", f"{_INDENT}Sources"]
        out += [f"{_INDENT * 2}[{number}] {url}" for number, url in enumerate(sources, 1)]
    signed = code.hresult - 2**32 if code.hresult >= 2**31 else code.hresult
    details = [("HRESULT", f"0x{code.hresult:08X} ({signed})")]
    if code.win32_symbol is not None:
        details.append(("Elsewhere", f"outside Remote Access, {code} is {code.win32_symbol}"))
    return [*out, "", *_fields(details, width)]


def _retry(code: ErrorCode) -> str:
    if code.transient:
        return "may help: the same attempt a little later has a fair chance"
    return "will not help until something is changed"


def _fields(fields: list[tuple[str, str]], width: int) -> list[str]:
    lines: list[str] = []
    for label, text in fields:
        if width < _SIDE_BY_SIDE:
            lines.append(f"{_INDENT}{label}")
            lines += _wrap(text, width, _INDENT * 2, _INDENT * 2)
        else:
            first = f"{_INDENT}{label:<{_LABEL_WIDTH}}  "
            lines += _wrap(text, width, first, " " * len(first))
    return lines


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    # A word wider than the column (a registry value at 40 columns) stays whole: people copy it.
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
