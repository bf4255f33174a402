"""What a script's comparison tests: an exit status, and whether a dialer returned it.

``if %errorlevel% == 691`` names a Remote Access code only where the status
compared is rasdial's or RasDial's: the last command before it dialed, or the
variable compared was set from a dialer's result. A script that dials, then
runs ``sqlcmd``, then tests ``%errorlevel%`` tests sqlcmd's. Where a program
dials and where it last writes a variable are read here for the switch rule too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from raserror._vocabulary import DIAL_COMMANDS, DIALING_APIS, EXIT_STATUS_NAMES

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
# Lines a walk up from a comparison passes whatever they hold: blank, a comment. One that
# names rasdial only names it ("rem rasdial first").
_COMMENT_LINE = re.compile(r"[ \t]*(?:$|(?i:rem\b|::|#|//))")
# Lines it passes where no other command runs on them: a block's end, a jump, an echo, an
# exception handler's head ("except win32ras.error as e:", "} catch (...) {"), each part after
# a separator quiet too. "echo y | net use Z: ..." runs net use, "try { & .\\sync.exe }" sync.exe.
_QUIET_LINE = re.compile(
    r"[ \t]*(?:'|\)|}|(?i:else|goto|echo|write-host|print|exit|except|catch|try|finally)\b)"
)
# A part of a command line that sets no status: nothing, a block's marks, an echo, a jump, an
# exit, a setting ("set X=...", "$ok = $true"), a PowerShell cmdlet ("Start-Sleep 2").
# A setting's value is a name or a literal ("$ok = $true"), not a program run ("$r = cmd /c x");
# a cmdlet is none that runs one (Invoke-Expression, Start-Process).
_QUIET_PART = re.compile(
    r"[ \t(){}]*(?:$|(?i:echo|goto|exit|write-host|write-output|print|rem|set|return|break|else)\b"
    r"|\$?[A-Za-z_]\w*[ \t]*=(?!=)[ \t]*\$?[\w.]*[ \t(){};]*$"
    r"|(?!(?i:invoke-|start-process))[A-Z][a-z]+-[A-Z][A-Za-z]*\b)"
)
# A test of the status in a chain, by any comparison: "==", "-eq", "equ", "neq", "-ne", and
# batch's "if errorlevel 1" (at least 1).
_ANY_TEST = re.compile(
    r"==|!=|(?i:-(?:eq|ne|lt|le|gt|ge)\b|[ \t](?:equ|neq|lss|leq|gtr|geq)[ \t]"
    r"|(?<=errorlevel)[ \t]+(?=[0-9]))"
)
# Text in quotes, and batch's escaped "^&": no command separator stands in either.
_QUOTED_TEXT = re.compile(r"\"[^\"\n]*\"|'[^'\n]*'|\^[&|]")
# Where a command line's commands part: the dialer must run in the last ("rasdial && sqlcmd").
# Not a redirect's "2>&1", nor a pipe into a PowerShell cmdlet ("rasdial ... | Out-Null"), which
# leaves $LASTEXITCODE the native command's.
_SEPARATORS = (r"&&", r"\|\|", r";", r"\|(?![ \t]*[A-Za-z][a-z]+-[A-Za-z])", r"(?<!>)&")
_COMMAND_SEPARATOR = re.compile("|".join(_SEPARATORS))
# Batch's echo ends at "&" or "|" alone: its ";" is text ("echo Dialed; checking").
_BATCH_ECHO = re.compile(r"[ \t]*(?i:echo)\b")
_BATCH_SEPARATOR = re.compile("|".join(part for part in _SEPARATORS if part != ";"))
# A chained test's value, after its operator: the branch follows it.
_TEST_VALUE = re.compile(r"""[ \t]*["']?[^\s"')]{0,40}["']?[ \t]{0,8}\)?""")
# A label: where a jump may enter, so what stands above it ran in another flow.
_LABEL = re.compile(r"[ \t]*:[A-Za-z_]")
# What may follow a separator that ends its line: spaces, and a comment.
_BLANK_REST = re.compile(r"[ \t\r]*(?:(?:#|//)[^\n]*)?\Z")
# A setting that reads the last command's status: "set "LAST_ERROR=!errorlevel!"".
_READS_LAST_STATUS = re.compile(r"(?i:errorlevel|lastexitcode)|\$\?")
# A dial named as a call or a command, not a name that only begins so (RASDIALEVENT, a window
# message's name; RasDialParams, a structure; rasdial_connect.cmd, another script).
_DIAL = re.compile(
    rf"(?<![A-Za-z])(?:(?:{'|'.join(DIALING_APIS)})[AW]?[ \t]*\("
    rf"|win32ras\.(?:{'|'.join(api.removeprefix('Ras') for api in DIALING_APIS)})[ \t]*\("
    rf"|(?i:{'|'.join(DIAL_COMMANDS)})(?:\.exe)?(?![\w]))"
)
# Words before a name that declare no variable: "return ret;" reads it.
_NO_TYPE = "(?:return|throw|delete|case|goto|else|sizeof|yield|await)"
# Before a write on its line, what makes it a comment: "//", "/*", or a line that starts one.
_COMMENTED = re.compile(r"[ \t]*(?:#|'|\*|(?i:rem\b))|.*?(?://|/\*)")
_COMMENT_MARK = re.compile(r"//|/\*")
# How far back on its line a write is read for a comment's or a string's start.
_COMMENT_REACH = 200
# Batch's quoted setting, 'set "NAME=value"': its name stands after a quote, in no string.
_BATCH_SET = re.compile(r'(?i:set)(?:[ \t]+/[ap])?[ \t]+"\Z')
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
    if statement_dials(page, setting):  # "dwErr = RasDial()"
        return True
    line_start, line_end = page.line_bounds(setting)
    # Set from the last command's status ("set "LAST_ERROR=!errorlevel!""): that command's.
    reads_status = _READS_LAST_STATUS.search(
        page.text, setting, min(line_end, setting + _LINE_HEAD)
    )
    return reads_status is not None and dialed_last(page, line_start, status.variable)


# Where a statement's code ends: its ";", or a comment's start, "//", "/*", "#", batch's "rem"
# (not "::", which begins a batch comment only at a line's start, and C++'s "::RasDial").
_COMMENT = re.compile(r";|//|/\*|#|(?i:\brem\b)")


def _code_end(text: str, start: int, end: int) -> int:
    """Where the statement in ``text[start:end]`` ends: at its ";" or a comment, if one is."""
    comment = _COMMENT.search(text, start, end)
    return end if comment is None else comment.start()


def dialed_last(page: Page, at: int, variable: str, lines: int = STATUS_LINES) -> bool:
    """Whether the test at ``at`` or the last command above it, ``lines`` up at most, runs a dialer.

    On the test's own line only before ``at`` ("rasdial VPN || if %errorlevel% == 691"),
    where any other command before it ran last. Walking up, a blank line and a comment are
    passed over, and so are a block's end, a jump, an echo and another test of the same
    status (a chain of tests) that run no command; a label stops the walk. On the command
    line found, the dialer must run in its last command ("rasdial ... && sqlcmd ..." is
    sqlcmd's status).
    """
    text, (line_start, _) = page.text, page.line_bounds(at)
    if dials(page, line_start, at):
        return True
    name = variable.lower()
    # "setup.exe & if !errorlevel! == 740": another command ran last, before it on its line
    # (read a command's head back, not all of a line with no end in sight).
    before = text[max(line_start, at - _LINE_HEAD) : at]
    if not all(_quiet(part, name) for part in _parts(before)[:-1]):
        return False
    for _ in range(lines):
        if line_start == 0:
            return False
        line_start, line_end = page.line_bounds(line_start - 1)
        head_end = min(line_end, line_start + _LINE_HEAD)
        line = text[line_start:head_end]
        if _LABEL.match(line):
            return False
        if _COMMENT_LINE.match(line) or (
            _QUIET_LINE.match(line) and all(_quiet(part, name) for part in _parts(line)[1:])
        ):
            continue
        if _chained_test(line, name):
            continue
        last = line_start
        for separator in _COMMAND_SEPARATOR.finditer(text, line_start, head_end):
            # A separator that ends the line (a comment after it or not) ends no command:
            # PowerShell's "rasdial $vpn $u $p;".
            if _BLANK_REST.match(text, separator.end(), head_end) is None:
                last = separator.end()
        return dials(page, last, line_end)
    return False


def _set_before(page: Page, status: Status) -> int | None:
    """Where the variable of ``status`` was last set above it, within ``STATUS_LINES`` lines.

    As many characters as lines of a hundred: a long line is not read back further.
    """
    low = page.around(status.start, STATUS_LINES, STATUS_LINES * 100)[0]
    # PowerShell's "$code = ..." sets the "code" its comparison names.
    name = r"\$?" + re.escape(status.variable)
    found = writes(page, name, low, page.line_bounds(status.start)[0], any_case=True)
    return found[-1] if found else None


def statement_dials(page: Page, at: int) -> bool:
    """Whether the statement that starts at ``at`` dials, read to its ";" or its comment."""
    return dials(page, at, _code_end(page.text, at, page.line_bounds(at)[1]))


def dials(page: Page, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` dials: a dialing API called, or rasdial run."""
    return page.has_dialer(start, end) and _DIAL.search(page.text, start, end) is not None


def writes(page: Page, name: str, start: int, end: int, *, any_case: bool = False) -> list[int]:
    """Where the variable ``name`` (escaped) is written in ``text[start:end]``, in order.

    Set ("ret = ...", Go's "ret := ..."), declared afresh ("int ret)", a
    parameter of another function; "DWORD ret;"; VB's "ByVal ret As Long"), or
    handed over to be written ("&ret", an out parameter); not in a comment nor
    in a string. ``any_case``: the script's names are not cased (batch, VB, PowerShell).
    """
    text = page.text
    written = re.compile(
        rf"(?<![\w.$])(?:{name}[ \t]*:?=(?!=)"
        rf"|(?!{_NO_TYPE}\b)(?<![:<>])[A-Za-z_][\w:<>]*[ \t*&]+{name}(?![\w$])[ \t]*(?=[,;)]|=(?!=))"
        rf"|{name}[ \t]+(?i:as)[ \t])"
        rf"|(?<![\w&])&[ \t]*{name}(?![\w$.])",
        re.IGNORECASE if any_case else 0,
    )
    found = []
    for write in written.finditer(text, start, end):
        line_start = page.line_bounds(write.start())[0]
        if not _commented(text, line_start, write.start()) and not _quoted(
            text, line_start, write.start()
        ):
            found.append(write.start())
    return found


def _commented(text: str, line_start: int, at: int) -> bool:
    """Whether ``at`` is in a comment: its line starts one, or "//" or "/*" stands before it.

    On a long line, only the last ``_COMMENT_REACH`` characters before it are read.
    """
    if at - line_start > _COMMENT_REACH:
        return _COMMENT_MARK.search(text, at - _COMMENT_REACH, at) is not None
    return _COMMENTED.match(text, line_start, at) is not None


def _quoted(text: str, line_start: int, at: int) -> bool:
    """Whether ``at`` is inside a double-quoted string on its line: an odd count of quotes before.

    Batch's 'set "NAME=value"' is no string. On a long line, only the last
    ``_COMMENT_REACH`` characters before it are read.
    """
    low = max(line_start, at - _COMMENT_REACH)
    # An escaped quote ("a \" b") and a quote character ('"') open no string.
    quotes = text.count('"', low, at) - text.count('\\"', low, at) - text.count("'\"'", low, at)
    return quotes % 2 == 1 and _BATCH_SET.search(text, low, at) is None


def _parts(line: str) -> list[str]:
    """The parts of a command line between its separators, text in quotes left out."""
    unquoted = _QUOTED_TEXT.sub("", line)
    separator = _BATCH_SEPARATOR if _BATCH_ECHO.match(unquoted) else _COMMAND_SEPARATOR
    return separator.split(unquoted)


def _quiet(part: str, name: str) -> bool:
    """Whether a part of a command line sets no status: quiet, or a test whose branch is."""
    return _QUIET_PART.match(part) is not None or _chained_test(part, name)


def _chained_test(line: str, name: str) -> bool:
    """Whether ``line`` tests the status ``name`` again with a branch that sets none.

    "if %errorlevel% == 691 goto bad", "if ($LASTEXITCODE -eq 0) { $ok = $true }", "if
    errorlevel 1 echo failed", "if %errorlevel% neq 0 (" around the next tests; not
    "if %errorlevel% == 0 start /wait setup.exe", whose program's status the next test reads.
    """
    test = _ANY_TEST.search(line) if name in line.lower() else None
    if test is None:
        return False
    branch = line[_TEST_VALUE.match(line, test.end()).end() :]  # type: ignore[union-attr] # {0,n} always matches
    return all(_QUIET_PART.match(part) for part in _parts(branch))
