"""What a script's comparison tests: an exit status, and whether a dialer returned it.

``if %errorlevel% == 691`` names a Remote Access code only where the status
compared is rasdial's or RasDial's: the last command before it dialed, or the
variable compared was set from a dialer's result. A script that dials, then
runs ``sqlcmd``, then tests ``%errorlevel%`` tests sqlcmd's.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from raserror._vocabulary import EXIT_STATUS_NAMES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._page import Page

# The exit status a comparison tests, ending where the comparison starts: "%errorlevel% ",
# '"%ERRORLEVEL%"', "$LASTEXITCODE ", "(dwErr", "!LAST_ERROR! "; a name's start is a word's or
# a capital inside one (dwErr), not letters inside a word ($stderr).
EXIT_STATUS = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?P<name>(?i:"
    + "|".join(EXIT_STATUS_NAMES)
    + r"))[%!\"')\]]{0,2}[ \t]{0,3}\Z"
)
# How far before its comparison an exit status's name may start.
EXIT_STATUS_REACH = 24
# The statuses that the last command sets: batch's and PowerShell's.
_LAST_COMMAND_STATUS = frozenset(("errorlevel", "lastexitcode"))
# The characters of a variable, an attribute's dots included: "dwErr", "LAST_ERROR", "e.winerror".
_VARIABLE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")
# Lines a walk up from a comparison passes: blank, a comment, a block's end, a jump or an echo,
# an exception handler's head ("except win32ras.error as e:", "} catch (...) {"). None of them
# runs a program: one that names rasdial only names it ("rem rasdial first").
_PASSED = re.compile(
    r"[ \t]*(?:$|(?i:rem\b|::|#|//|'|\)|}|else\b|goto\b|echo\b|write-host\b|print\b|exit\b"
    r"|except\b|catch\b|try\b|finally\b))"
)
# A label: where a jump may enter, so what stands above it ran in another flow.
_LABEL = re.compile(r"[ \t]*:[A-Za-z_]")
# A test of a status, as a chain of tests repeats it: "if %errorlevel% == 619 goto retry".
_TEST = re.compile(r"==|(?i:-eq\b|[ \t]equ[ \t])")
# Where a command line's commands part: the dialer must run in the last ("rasdial && sqlcmd").
# Not a redirect's "2>&1", nor a pipe into a PowerShell cmdlet ("rasdial ... | Out-Null"), which
# leaves $LASTEXITCODE the native command's.
_COMMAND_SEPARATOR = re.compile(r"&&|\|\||;|\|(?![ \t]*[A-Za-z][a-z]+-[A-Za-z])|(?<!>)&")
# A setting that reads the last command's status: "set "LAST_ERROR=!errorlevel!"".
_READS_LAST_STATUS = re.compile(r"(?i:errorlevel|lastexitcode)|\$\?")
# A dial named as a call or a command, not a name that only begins so (RASDIALEVENT, a window
# message's name; RasDialParams, a structure; rasdial_connect.cmd, another script).
_DIAL = re.compile(
    r"(?<![A-Za-z])(?:(?:RasDial|RasEnumConnections|RasGetConnectStatus|RasHangUp)[AW]?[ \t]*\("
    r"|win32ras\.(?:Dial|HangUp|GetConnectStatus|EnumConnections)[ \t]*\("
    r"|(?i:rasdial|rasphone)(?:\.exe)?(?![\w]))"
)
# How many lines above a comparison its dialing command or its variable's setting may stand,
STATUS_LINES = 40
# and how much of each line is read: a command's head, not all of a line with no end in sight.
_LINE_HEAD = 200
# The longest variable read back from a status's name.
_LONGEST_VARIABLE = 64


class Status(NamedTuple):
    """The exit status a comparison tests, as the script names it."""

    variable: str  # "errorlevel", "LAST_ERROR", "dwErr", "e.winerror"
    start: int  # where its name starts in the text


def status_before(page: Page, at: int) -> Status | None:
    """The exit status compared by the comparison operator at ``at``, if one is."""
    text = page.text
    found = EXIT_STATUS.search(text, max(0, at - EXIT_STATUS_REACH), at)
    if found is None:
        return None  # "if (action == 691)": no exit status is compared
    start = low = found.start("name")
    while start > max(0, low - _LONGEST_VARIABLE) and text[start - 1] in _VARIABLE_CHARS:
        start -= 1  # the whole variable: "LAST_ERROR", not its "ERROR"
    return Status(text[start : found.end("name")], start)


def returned_by_dialer(page: Page, status: Status) -> bool:
    """Whether a dialer returned ``status``: it ran last, or the variable was set from it."""
    if status.variable.lower() in _LAST_COMMAND_STATUS:
        return dialed_last(page, status.start, status.variable)
    setting = _set_before(page, status)
    if setting is None:  # an exception's attribute, never assigned: "except ...: e.winerror"
        return dialed_last(page, status.start, status.variable)
    line_start, line_end = page.line_bounds(setting)
    if dials(page, setting, code_end(page.text, setting, line_end)):  # "dwErr = RasDial()"
        return True
    # Set from the last command's status ("set "LAST_ERROR=!errorlevel!""): that command's.
    reads_status = _READS_LAST_STATUS.search(
        page.text, setting, min(line_end, setting + _LINE_HEAD)
    )
    return reads_status is not None and dialed_last(page, line_start, status.variable)


# Where a statement's code ends: its ";", or a comment's start, "//", "/*", "#", batch's "rem"
# (not "::", which begins a batch comment only at a line's start, and C++'s "::RasDial").
_COMMENT = re.compile(r";|//|/\*|#|(?i:\brem\b)")


def code_end(text: str, start: int, end: int) -> int:
    """Where the statement in ``text[start:end]`` ends: at its ";" or a comment, if one is."""
    comment = _COMMENT.search(text, start, end)
    return end if comment is None else comment.start()


def dialed_last(page: Page, at: int, variable: str, lines: int = STATUS_LINES) -> bool:
    """Whether the test at ``at`` or the last command above it, ``lines`` up at most, runs a dialer.

    On the test's own line only before ``at`` ("rasdial VPN || if %errorlevel% == 691").
    Walking up, a blank line, a comment, a block's end, a jump, an echo and another test of
    the same status (a chain of tests) are passed over; a label stops the walk. On the command line found, the
    dialer must run in its last command ("rasdial ... && sqlcmd ..." is sqlcmd's status).
    """
    text, (line_start, _) = page.text, page.line_bounds(at)
    if dials(page, line_start, at):
        return True
    name = variable.lower()
    for _ in range(lines):
        if line_start == 0:
            return False
        line_start, line_end = page.line_bounds(line_start - 1)
        head_end = min(line_end, line_start + _LINE_HEAD)
        line = text[line_start:head_end]
        if _LABEL.match(line):
            return False
        if _PASSED.match(line) or (name in line.lower() and _TEST.search(line)):
            continue
        last = line_start
        for separator in _COMMAND_SEPARATOR.finditer(text, line_start, head_end):
            last = separator.end()
        return dials(page, last, line_end)
    return False


def _set_before(page: Page, status: Status) -> int | None:
    """Where the variable of ``status`` was last set above it, within ``STATUS_LINES`` lines.

    As many characters as lines of a hundred: a long line is not read back further.
    """
    text = page.text
    low = page.around(status.start, STATUS_LINES, STATUS_LINES * 100)[0]
    setting = re.compile(rf"(?<![\w.]){re.escape(status.variable)}[ \t]*=(?!=)", re.IGNORECASE)
    last = None
    for found in setting.finditer(text, low, page.line_bounds(status.start)[0]):
        last = found.start()
    return last


def dials(page: Page, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` dials: a dialing API called, or rasdial run."""
    return page.has_dialer(start, end) and _DIAL.search(page.text, start, end) is not None
