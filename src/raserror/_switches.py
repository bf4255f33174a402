"""Tables of Remote Access codes in programs: a switch on a status, a table named for RAS errors.

A switch's arms label the values of its subject. Where the program shows the
subject to be a Remote Access status (it hands it to RasGetErrorString with no
other write of it between, sets it from RasDial on its last write above, or
switches on the exit status of rasdial that it ran just above), each arm's
number that names a code is that code, whatever words or language the arm
describes it in. A switch whose subject the program does not show so (a
window message, a connection state, another call's result) is not read.
A table the program names for Remote Access errors where it defines it
(``$RasErrors = @{ 623 = '...' }``, ``fn ras_error(code) { match code { ... } }``)
is read too: its keys that name codes are codes.
"""

from __future__ import annotations

import re

from raserror._evidence import Candidate, Shape
from raserror._lookup import from_int
from raserror._page import LINE_LEAD
from raserror._scripts import dialed_last, dials, statement_dials, writes

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from raserror._page import Page

# The statement's head and its subject: C's and its kin's "switch (ret)" (a cast allowed),
# PowerShell's "switch -exact ($x)", Go's "switch ret {", VB's "Select Case dwErr"; a subject is
# a name, with dots and "$".
_NAME = r"[$A-Za-z_][\w$]{0,63}(?:\.[A-Za-z_]\w{0,63}){0,3}"
HEADING = re.compile(
    r"(?i:switch)(?:[ \t]+-[A-Za-z]{1,20}){0,3}[ \t]*\([ \t]*(?:\([A-Za-z_][\w \t]{0,30}\)[ \t]*)?"
    rf"(?P<paren>{_NAME})[ \t]*\)"
    rf"|(?i:switch)[ \t]+(?P<bare>{_NAME})[ \t]*(?P<brace>\{{)"
    rf"|(?i:select)[ \t]+(?i:case)[ \t]+(?P<vb>{_NAME})[ \t]*(?:\r?\n|\Z|')"
)
_NUMBER_LIST = r"[0-9]{3,5}(?:[ \t]*(?:,|\bor\b)[ \t]*[0-9]{3,5}){0,20}"
# An arm's labels where a statement starts (a line's start after any reply's marks, or after
# ";", ":", a brace): one or a list, "case 691:" or "Case 691, 692" or C# 9's "or", a list
# stacked on one line, PowerShell's block "691 {"; never a range ("Case 600 To 699"), nor
# "case" in a sentence or a comment.
LABELS = re.compile(
    rf"(?:^{LINE_LEAD}|(?<=[;:{{}}])[ \t]*)(?i:case)[ \t]+(?P<case>{_NUMBER_LIST})"
    r"(?=[ \t]*(?::|=>|->|'|\r?$))"
    rf"|(?:^{LINE_LEAD}|(?<=[{{}};])[ \t]*)[\"']?(?P<block>[0-9]{{3,5}})[\"']?[ \t]*\{{",
    re.MULTILINE,
)
_NUMBER = re.compile(r"[0-9]{3,5}")
# What ends the reading of a switch: its closing brace (the braces counted from its head), the
# word switch (a switch inside or after it switches on something else), VB's End Select.
_BOUNDARY = re.compile(
    r"(?P<brace>[{}])|(?<![\w$])(?i:switch|end[ \t]+select|select[ \t]+case)(?![\w$])"
)
# How far the arms go below the head, in lines and in characters;
SWITCH_LINES = 40
SWITCH_CHARS = 8000
# and how far about the switch the program may show what its subject is.
SUBJECT_LINES = 12
SUBJECT_CHARS = 1500
# The calls that take a Remote Access status: the Win32 API and pywin32's.
_ERROR_STRING = r"(?:RasGetErrorString[AW]?|win32ras\.GetErrorString)[ \t]*\([ \t]*(?:\([\w \t]{1,30}\)[ \t]*)?"
# The exit status of a process object: C#'s "process.ExitCode".
_EXIT_CODE = re.compile(r"(?P<object>.+)\.(?i:exitcode)\Z")
# PowerShell's status of the last command it ran.
_LAST_COMMAND = "$lastexitcode"


def read_switch(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """The codes of the switch at ``anchor``, if its subject is a Remote Access status."""
    heading = HEADING.match(page.text, anchor.start())
    if heading is None:
        return
    subject = next(name for name in heading.group("paren", "bare", "vb") if name is not None)
    arms, body_end = _arms(page, heading)
    if not arms or not _is_status(page, subject, heading, body_end):
        return
    for labels in arms:
        codes = [
            (number.start(), number.end(), code)
            for number in _NUMBER.finditer(page.text, *labels.span(labels.lastgroup or "case"))
            if (code := from_int(int(number.group()))) is not None
        ]
        listed = frozenset(code for _, _, code in codes)
        for start, end, code in codes:
            yield Candidate(start, end, code, Shape.EXIT_STATUS, listed_with=listed)


def _arms(page: Page, heading: re.Match[str]) -> tuple[list[re.Match[str]], int]:
    """The labels of the switch ``heading`` starts, and where its reading ends.

    Read from its head to its closing brace, the word switch, VB's End Select,
    or ``SWITCH_LINES`` lines and ``SWITCH_CHARS`` characters, whichever comes first.
    """
    text = page.text
    end = page.around(heading.start(), SWITCH_LINES, SWITCH_CHARS)[1]
    depth = 1 if heading.group("brace") else 0  # Go's head holds its opening brace
    end = _block_end(text, _BOUNDARY, heading.end(), end, depth)
    return list(LABELS.finditer(text, heading.end(), end)), end


def _block_end(text: str, tokens: re.Pattern[str], start: int, end: int, depth: int) -> int:
    """Where the reading of a block ``depth`` braces deep at ``start`` ends, ``end`` at most.

    At the brace that closes it, or at any other of ``tokens`` except those in a
    group named ``skip`` (a string, a comment), which are passed over.
    """
    for token in tokens.finditer(text, start, end):
        if token.lastgroup == "brace":
            if token.group() == "{":
                depth += 1
                continue
            depth -= 1
            if depth > 0:
                continue
        elif token.lastgroup == "skip":
            continue
        return token.start()
    return end


def _is_status(page: Page, subject: str, heading: re.Match[str], body_end: int) -> bool:
    """Whether the program shows ``subject`` to be a Remote Access status about its switch."""
    text, head = page.text, heading.start()
    low = page.around(head, SUBJECT_LINES, SUBJECT_CHARS)[0]
    if subject.lower() == _LAST_COMMAND:  # PowerShell's "switch ($LASTEXITCODE)" after rasdial
        return dialed_last(page, head, subject[1:], SUBJECT_LINES)
    exit_code = _EXIT_CODE.match(subject)
    if exit_code is not None:
        return _process_dialed(page, exit_code.group("object"), low, head)
    name = re.escape(subject)
    # "RasGetErrorString(ret, szError, ...)", with no other write of the subject between.
    told = re.compile(_ERROR_STRING + name + r"[ \t]*[,)]")
    high = page.around(body_end, SUBJECT_LINES, SUBJECT_CHARS)[1]
    # A subject read from an object ("ex.NativeErrorCode"): nor is the object written between.
    owner = subject.split(".", maxsplit=1)[0]
    names = [name] if owner == subject else [name, re.escape(owner)]
    for at in page.dialers_in(low, high):
        between = sorted((at, head))
        if told.match(text, at) is not None and not any(
            writes(page, written, *between) for written in names
        ):
            return True
    # "ret = RasDial(...)": its last write above the head.
    written = writes(page, name, low, head)
    return bool(written) and statement_dials(page, written[-1])


def _process_dialed(page: Page, process: str, low: int, high: int) -> bool:
    """Whether ``process`` was last given a command that dials, in ``text[low:high]``.

    Its program and its arguments are read together: the last line that sets
    each (``process.StartInfo.FileName = "cmd.exe"``, then
    ``process.StartInfo.Arguments = "/c rasdial ..."``), either naming rasdial;
    or, where the object itself was set after them, that statement
    (``p = Process.Start("rasdial.exe", ...)``).
    """
    text = page.text
    given = re.compile(
        rf"(?<![\w.$]){re.escape(process)}\.(?:StartInfo\.)?(?:(?P<program>FileName)"
        r"|Arguments|ArgumentList)"
    )
    last: dict[bool, tuple[int, int]] = {}
    for found in given.finditer(text, low, high):
        last[found.group("program") is not None] = page.line_bounds(found.start())
    # The object set after them ("proc = Process.Start("sc.exe", ...)"): that statement's command.
    written = writes(page, re.escape(process), low, high)
    if written and written[-1] > max((start for start, _ in last.values()), default=-1):
        return statement_dials(page, written[-1])
    return any(dials(page, *line) for line in last.values())


# A table the program names for Remote Access errors, where it is defined, opened on its line or
# the next: PowerShell's "$RasErrors = @{", Rust's "fn ras_error(code: i32) -> VpnError {", C#'s
# "string RasErrorText(int code)" over its brace. Not a kernel's hardware RAS
# ("amdgpu_ras_error_...": the name starts with it), nor a name used ("renderError(win,
# rasError) {", "if rasErr != nil {", "$RasErrors[$c]").
NAMED_TABLE = re.compile(
    r"(?i:ras_?err)\w{0,40}[ \t]*(?:\([^\n{};]{0,160}\)[^\n{};=]{0,80}|(?::=|=(?!=)|:)[^\n{};=]{0,80})"
    rf"(?:\{{|\r?\n{LINE_LEAD}\{{)"  # on the next line, a reply's marks before it too
)
# Its keys where a statement or an entry starts: "691 =>", "691 | 718 =>", "691 = '...'", "691:
# ...", "case 691:", "'691' {", "691 -> ..."; not a listing's line numbers ("613:    623 = '...'",
# "615:}").
_KEY = re.compile(
    rf"(?:^{LINE_LEAD}|(?<=[{{;,])[ \t]*)(?:(?i:case)[ \t]+)?[\"']?"
    r"(?P<key>[0-9]{3,5}(?:[ \t]*(?:\||\bor\b)[ \t]*[0-9]{3,5}){0,20})[\"']?"
    r"[ \t]*(?:=>|->|=(?!=)|:(?![0-9:}])(?![ \t]*[0-9])|\{)",
    re.MULTILINE,
)
# A table of one key is no table.
_FEWEST_KEYS = 2
# What stands before a name where it is defined: its line's lead or another statement's end,
# then keywords and a type ("fn ", "WORD ", "private static Dictionary<int, string> ", "$"),
# never a call's or a condition's parenthesis ("if (ras_err_check(dev)) {", "function
# f(rasErr: any) {").
_DEFINED = re.compile(
    rf"(?:{LINE_LEAD}|[^\n]{{0,200}}[;{{}}][ \t]*)(?:[\w<>\[\]*&:.$@,]+[ \t]+){{0,8}}[$@]?"
    r"(?:[A-Za-z_][\w:.]{0,60}(?<=[a-z])|_)?"  # a CamelCase name's start ("Describe"), a private "_"
)
_DEFINITION_HEAD = 200
# The braces a table's reading counts; those in strings and comments are passed over.
_BRACE = re.compile(
    r"(?P<skip>\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|//[^\n]*|(?<![\w$])#[^\n]*)"
    r"|(?P<brace>[{}])"
)


def read_named_table(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """The codes a table named for Remote Access errors gives as its keys, to its closing brace.

    Read to the brace that closes the one its head opens, or ``SWITCH_LINES``
    lines and ``SWITCH_CHARS`` characters: its keys that name codes are codes.
    """
    text = page.text
    table = NAMED_TABLE.match(text, anchor.start())
    line_start = page.line_bounds(anchor.start())[0]
    if (
        table is None
        or anchor.start() - line_start > _DEFINITION_HEAD
        or _DEFINED.fullmatch(text, line_start, anchor.start()) is None
        # One table a line is read: names repeated on one line would each read the same braces.
        or not page.first_time("named table", anchor.start())
    ):
        return
    end = page.around(table.end(), SWITCH_LINES, SWITCH_CHARS)[1]
    end = _block_end(text, _BRACE, table.end(), end, 1)
    keys = [  # each of an arm's keys: Rust's "691 | 718 =>", C#'s "691 or 718 =>"
        (number.start(), number.end(), code)
        for key in _KEY.finditer(text, table.end(), end)
        for number in _NUMBER.finditer(text, *key.span("key"))
        if (code := from_int(int(number.group()))) is not None
    ]
    if len(keys) < _FEWEST_KEYS:
        return
    listed = frozenset(code for _, _, code in keys)
    for start, stop, code in keys:
        yield Candidate(start, stop, code, Shape.EXIT_STATUS, listed_with=listed)


def names_a_status_call(page: Page) -> bool:
    """Whether ``page`` names a dialer or RasGetErrorString: a switch elsewhere is not read."""
    return page.has_dialer(0, len(page.text))
