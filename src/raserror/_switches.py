"""A switch on a Remote Access status: ``switch (ret)`` where ``ret`` went to RasGetErrorString.

A switch's arms label the values of its subject. Where the program shows the
subject to be a Remote Access status (it passes it to RasGetErrorString, sets
it from RasDial, or switches on the exit status of rasdial that it ran just
above), each arm's number that names a code is that code, whatever words or
language the arm describes it in. A switch on anything else (a window
message, a connection state, an HTTP status) is not read, however near a
dialer it stands.
"""

from __future__ import annotations

import re

from raserror._evidence import Candidate, Shape
from raserror._lookup import from_int
from raserror._scripts import code_end, dialed_last

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

    from raserror._page import Page

# The statement's head and its subject: C's and its kin's "switch (ret)" (a cast allowed),
# Go's "switch ret {", VB's "Select Case dwErr"; a subject is a name, with dots and "$".
_NAME = r"[$A-Za-z_][\w$]{0,63}(?:\.[A-Za-z_]\w{0,63}){0,3}"
HEADING = re.compile(
    rf"(?i:switch)[ \t]*\([ \t]*(?:\([A-Za-z_][\w \t]{{0,30}}\)[ \t]*)?(?P<paren>{_NAME})[ \t]*\)"
    rf"|(?i:switch)[ \t]+(?P<bare>{_NAME})[ \t]*\{{"
    rf"|(?i:select)[ \t]+(?i:case)[ \t]+(?P<vb>{_NAME})[ \t]*(?:\r?\n|\Z|')"
)
# An arm's labels, one or a list, "case 691:" or "Case 691, 692" or C# 9's "or"; a list of
# labels stacked on one line; PowerShell's block "691 {"; never a range ("Case 600 To 699").
_NUMBER_LIST = r"[0-9]{3,5}(?:[ \t]*(?:,|\bor\b)[ \t]*[0-9]{3,5})*"
LABELS = re.compile(
    rf"(?<![\w.])(?i:case)[ \t]+(?P<case>{_NUMBER_LIST})[ \t]*(?=:|=>|->|\r?$)"
    rf"|^[ \t]*[\"']?(?P<block>[0-9]{{3,5}})[\"']?[ \t]*\{{",
    re.MULTILINE,
)
_NUMBER = re.compile(r"[0-9]{3,5}")
# Where the switch ends: its closing brace or VB's "End Select", no deeper than its head.
_CLOSING = re.compile(r"[ \t]*(\}|(?i:end[ \t]+select))")
# How far the arms go below the head, in lines and in characters;
SWITCH_LINES = 40
SWITCH_CHARS = 8000
# and how far about the switch the program may show what its subject is.
SUBJECT_LINES = 12
SUBJECT_CHARS = 1500
# The calls that take a Remote Access status: the Win32 API and pywin32's.
_ERROR_STRING = r"(?:RasGetErrorString[AW]?|win32ras\.GetErrorString)[ \t]*\([ \t]*(?:\([\w \t]{1,30}\)[ \t]*)?"
# The exit status of a process object: "process.ExitCode", Python's "result.returncode".
_EXIT_CODE = re.compile(r"(?P<object>.+)\.(?i:exitcode|exitstatus|returncode)\Z")
_QUOTE_MARK = re.compile("[\"']")
# PowerShell's status of the last command it ran.
_LAST_COMMAND = frozenset(("$lastexitcode", "lastexitcode"))


def read_switch(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """The codes of the switch at ``anchor``, if its subject is a Remote Access status."""
    heading = HEADING.match(page.text, anchor.start())
    if heading is None:
        return
    subject = next(name for name in heading.groups() if name is not None)
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
    """The labels of the switch ``heading`` starts, and where its last line read ends.

    Read line by line from its head's line on, as far as its closing line, the
    head of another switch (a switch inside an arm switches on something else)
    or ``SWITCH_LINES``.
    """
    text = page.text
    head_start, at = page.line_bounds(heading.start())
    head = text[head_start : heading.start()]
    indent = len(head) - len(head.lstrip(" \t"))
    limit = page.around(heading.start(), SWITCH_LINES, SWITCH_CHARS)[1]
    arms = list(LABELS.finditer(text, heading.end(), at))
    while at < limit:
        line_start, at = page.line_bounds(at + 1)
        closing = _CLOSING.match(text, line_start, at)
        if closing is not None and closing.start(1) - line_start <= indent:
            break
        if HEADING.search(text, line_start, at) is not None:
            break
        arms += LABELS.finditer(text, line_start, at)
    return arms, at


def _is_status(page: Page, subject: str, heading: re.Match[str], body_end: int) -> bool:
    """Whether the program shows ``subject`` to be a Remote Access status about its switch."""
    text = page.text
    low = page.around(heading.start(), SUBJECT_LINES, SUBJECT_CHARS)[0]
    high = page.around(body_end, SUBJECT_LINES, SUBJECT_CHARS)[1]
    told = re.compile(_ERROR_STRING + re.escape(subject) + r"[ \t]*[,)]")
    if told.search(text, low, high) is not None:  # "RasGetErrorString(ret, szError, ...)"
        return True
    if subject.lower() in _LAST_COMMAND:  # PowerShell's "switch ($LASTEXITCODE)" after rasdial
        variable = subject.strip("$%")
        return dialed_last(page, heading.start(), variable, SUBJECT_LINES)
    exit_code = _EXIT_CODE.match(subject)
    if exit_code is not None:
        return _process_dialed(page, exit_code.group("object"), low, heading.start())
    # "ret = RasDial(...)": the last setting above the head, within reach.
    setting = re.compile(rf"(?<![\w.$]){re.escape(subject)}[ \t]*=(?!=)")
    start = None
    for found in setting.finditer(text, low, heading.start()):
        start = found.start()
    return start is not None and page.has_dialer(
        start, code_end(text, start, page.line_bounds(start)[1])
    )


def _process_dialed(page: Page, process: str, low: int, high: int) -> bool:
    """Whether the last line in ``text[low:high]`` that gives ``process`` a quoted argument dials.

    ``process.StartInfo.FileName = "cmd.exe"`` then ``....Add(@"/c rasdial ...")``: the
    command the process runs is the last one it was given.
    """
    text = page.text
    named = re.compile(rf"(?<![\w.$]){re.escape(process)}\.")
    last = None
    for found in named.finditer(text, low, high):
        line_start, line_end = page.line_bounds(found.start())
        if _QUOTE_MARK.search(text, found.end(), line_end) is not None:
            last = (line_start, line_end)
    return last is not None and page.has_dialer(*last)


def names_a_status_call(page: Page) -> bool:
    """Whether ``page`` names a dialer or RasGetErrorString: a switch elsewhere is not read."""
    return page.has_dialer(0, len(page.text))
