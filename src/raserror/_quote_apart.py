"""Whether words of a code's message, with no number beside them, stand as a quote of it.

A phrase of a few words is any program's prose ("unless the serial port is
already open") unless it stands apart as people and programs set a message
off; a message beside another error's name in capitals is that error's.
"""

from __future__ import annotations

import re

from raserror._page import LINE_LEAD

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._codes import ErrorCode
    from raserror._messages import Quote
    from raserror._page import Page

# A quote this short without its number is a phrase any program's prose holds ("unless the serial
# port is already open", "if the modem says that the line is busy"), unless it stands apart: in
# quote marks, a line or a list's item of its own, the rest of its line (or its sentence) after a
# label, or capitalized inside a sentence as a quoted message is ("I get The password has expired
# when I connect"). A part of a message shorter than a quote strong whatever its share ("check if
# an interface with this name already exists. IF it does") must stand apart or end its line, as a
# program prints a message after its own words.
APART_QUOTE_WORDS = 5
# How far before a quote its opening mark, a list's marks or a label are looked for.
_APART_REACH = 64
_OPENS_QUOTE = re.compile(r"(?:[\"“”„'‘’«「『`(]|\*\*|<td>|<b>)[ \t]*\Z")
_CLOSES_QUOTE = re.compile(r"[ \t.!?,;]*(?:[\"“”'‘’»」』`)]|\*\*|</)")
_LINE_BEFORE = re.compile(LINE_LEAD + r"(?:[-*•#]+[ \t]*|[0-9]{1,3}[.)][ \t]+)?\Z")
_LABEL_BEFORE = re.compile(r"[:=][ \t]*\Z")  # "Status: The port was disconnected."
_LINE_AFTER = re.compile(r"[ \t.!。]*\r?(?:\n|\Z)")
_SENTENCE_AFTER = re.compile(r"[.!][ \t]+[A-Z]")  # "Error: The account is disabled. Contact ..."
_WORD_BEFORE = re.compile(r"[A-Za-z0-9)][ \t]+\Z")  # inside a line's sentence, not at its start
# A capitalized word just before: then the quote must begin as messages do, not as a title's next
# noun does ("OSS ASN.1 Error: Output Buffer is too small."; not "VPN Error The port is not open").
_CAPITALIZED_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{0,40}[ \t]+\Z")
# A program's class of an error just before: "Throws IllegalStateException The port is not open".
_CLASS_BEFORE = re.compile(r"(?<![\w.])[A-Z]\w{0,60}[a-z](?:Exception|Error)[ \t]+\Z")
# A message's first word capitalized as a sentence's first ("The", "Cannot") or an acronym
# ("IKE"), then a word in lower case: not a term always capitalized ("Traffic Selectors", "X.25").
_CAPITAL_START = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,})[ \t]+[a-z]")
# A program's own error raised with these words: "throw new Error('Port is not open')", 'raise
# SerialException("Port is already open.")', "callback(Error('Port is not open'))", "x =
# SerialException('...')"; not an error of Remote Access's own a wrapper raises ('raise
# RasDialError("...")'; a Raspberry Pi's "RasPiError" is no such), nor one a text reports
# ("RasDial returned Error('There is no dial tone.')"). So are a program's words it translates
# for its own screens: Jami's 'qsTr("The account is disabled")', gettext's '_("...")'.
_NOT_RAS_NAME = r"(?![\w.]*Ras(?!Pi)[A-Z])"
_RAISED_BEFORE = re.compile(
    rf"(?:(?<![\w.])(?:raise|throw|new)[ \t]+(?:new[ \t]+)?{_NOT_RAS_NAME}[\w.]{{1,64}}"
    rf"|(?:[=(,]|(?<![\w.])(?:return|yield))[ \t]*(?:new[ \t]+)?{_NOT_RAS_NAME}"
    r"[\w.]{0,64}(?:Error|Exception)"
    r"|(?<![\w.])(?:qsTr|tr|i18n|N?_|[nd]?gettext))"
    r"[ \t]*\([ \t]*[fFrRbBuU@$]?[\"'`][^\"'`\n]{0,64}\Z"
)
# Five words in a row, no mark between, right before a message's tail in lower case: the tail of
# the writer's own sentence ("This may allow a successful path to be built to a trusted root."),
# not a message a program prints after its words ("RasException (623): The system cannot find").
# Words with digits or marks inside count as words ("Returns 1 if a path could be built", "in 2.0,").
# A full stop or a comma ends a word ("today.", "connect,"): only one inside it ("2.0") does not.
_OWN_SENTENCE_BEFORE = re.compile(
    r"(?<![^ \t\n])(?:[\w(\[](?:[\w'()/\[\]-]|[.,](?=\w)){0,30}[ \t]+){5}\Z"
)
# The end of a line whose sentence the next line goes on with: a word no sentence ends with.
_SENTENCE_GOES_ON = re.compile(
    r"(?<![A-Za-z'])(?i:a|an|the|no|not|of|to|from|with|and|or|but|for|in|on|at|by|is|are|was"
    r"|were|be|will|would|can|could|get|got|has|have|had|that|this|your|its|their|if|when"
    r"|whether|because|unless|until|while|than|as|so|which|where)"
    r"[ \t]*\r?\n\Z"
)
_GOES_ON_REACH = 48  # the word, and trailing spaces after it
# A title's separator after its first part: "IKE authentication ... unacceptable - Windows 10".
_TITLE_AFTER = re.compile(r"[ \t]+[-–—|][ \t]")
_SENTENCE_ENDS = re.compile(r"[.!?](?:[ \t]|\r?$)", re.MULTILINE)
# A name of an error in capitals beside a message, as tables of another system's errors give
# them: ("STATUS_NDIS_INVALID_PORT_STATE", "The current state ... does not support ...").
_CAPITALS_NAME = re.compile(r"(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{4,80}(?![A-Za-z0-9_])")
# Such a name of three parts or more is an error's where one of its parts says so.
_ERROR_NAME_PARTS = frozenset(
    ("ERROR", "ERR", "STATUS", "REASON", "E", "FAIL", "FAILED", "FAILURE")
)
# How far from a quote such a name speaks for another error: a table's row, not a whole line.
_NAME_REACH = 120
# Such a name just before a quote in the cell before it: a row of a table of another system's
# errors, '"STATUS_IPSEC_BAD_SPI","The SPI ...' or 'NAME | message'; not a log's "[NAME] message".
_ROW_NAME = re.compile(
    r"(?<![A-Za-z0-9_])([A-Z][A-Z0-9_]{4,80})[\"']?[ \t]{0,2}[,|\t][ \t]{0,2}[\"']?\Z"
)


def is_a_quote(page: Page, quote: Quote) -> bool:
    """Whether words of a message with no number beside them quote it.

    Not a phrase of a few words inside other words, nor a short or partial
    message beside another error's name in capitals.
    """
    from raserror._messages import QUOTE_ENOUGH_WORDS, QUOTE_WHOLE_SHARE

    text = page.text
    line_start = page.line_bounds(quote.start)[0]
    line_end = page.line_bounds(quote.end)[1]
    short = quote.words <= APART_QUOTE_WORDS
    partial = quote.words < QUOTE_ENOUGH_WORDS and quote.share < QUOTE_WHOLE_SHARE
    if not (short or partial):
        # A whole message is another error's only where its name heads it as a table's row does:
        # ("STATUS_IPSEC_BAD_SPI","The SPI in the packet does not match a valid IPsec SA.").
        row = _ROW_NAME.search(text, max(line_start, quote.start - _NAME_REACH), quote.start)
        return row is None or not _is_another_error(row.group(1), quote.code)
    before = max(line_start, quote.start - _APART_REACH)
    # The quick test, in C: every way a program raises or translates words opens a call before.
    if (
        text.rfind("(", before, quote.start) >= 0
        and _RAISED_BEFORE.search(text, before, quote.start) is not None
    ):
        return False  # the program's own error, in its words
    # In quote marks, or after an opening one to its sentence's end where the closing one is
    # missing ('I got error "IKE authentication credentials are unacceptable.  on Windows').
    quoted = bool(
        _OPENS_QUOTE.search(text, before, quote.start)
        and (
            _CLOSES_QUOTE.match(text, quote.end, line_end + 1)
            or _SENTENCE_ENDS.match(text, quote.end, line_end + 1)
        )
    )
    ends_line = _LINE_AFTER.match(text, quote.end, line_end + 1) is not None
    if short:
        labelled = _LABEL_BEFORE.search(text, before, quote.start) is not None
        apart = (
            quoted
            or (
                (
                    ends_line
                    or (line_start == 0 and _TITLE_AFTER.match(text, quote.end))
                    or (labelled and _SENTENCE_AFTER.match(text, quote.end))
                )
                and (
                    labelled
                    or (
                        _LINE_BEFORE.fullmatch(text, line_start, quote.start) is not None
                        and not _goes_on_from_above(text, line_start, quote.start)
                    )
                )
            )
            or (
                _CAPITAL_START.match(text, quote.start) is not None
                and _WORD_BEFORE.search(text, before, quote.start) is not None
                and (
                    _CAPITALIZED_BEFORE.search(text, before, quote.start) is None
                    or _begins_as_messages_do(text, quote.start)
                )
                and _CLASS_BEFORE.search(text, before, quote.start) is None
            )
        )
    else:
        # "RasException (623): The system cannot find the ...", not the tail of the writer's own
        # sentence ("a successful path to be built to a trusted root", not "could not be built").
        apart = quoted or (
            ends_line
            and not (
                text[quote.start : quote.start + 1].islower()
                and _OWN_SENTENCE_BEFORE.search(text, before, quote.start) is not None
            )
        )
    if not apart:
        return False
    # A name beside it is another error's: the message is that error's.
    return not _names_another_error(
        page,
        quote.code,
        max(line_start, quote.start - _NAME_REACH),
        min(line_end, quote.end + _NAME_REACH),
    )


# A string a program passes to a call or lists after another value: in quote marks, right after a
# call's name and "(" (no space: "assertEquals(", not a writer's "says ("), or after another
# literal and a comma and a space or a line break (a tuple's '"account_expired", '; a hex
# '0x0000, '; not a CSV row's '","'), after "return" or a fallback's "||" or "??"; and before
# ",", ")", "]", "}" or ";".
# Not a printed exception ("RuntimeError('...')"), a JSON log's list or a key="..." field.
_STRING_OPENS = re.compile(
    r"(?:(?<![\w.])(?![\w.]*(?:Error|Exception|Failure|Warning)\()[A-Za-z_][\w.]{0,64}\("
    r"|(?:[\"'`]|(?<![\w.])(?:0[xX][0-9a-fA-F]+|[0-9]+))[ \t]*,(?:[ \t]+|[ \t]*\r?\n[ \t]{0,32})"
    r"|(?<![\w.])return[ \t]+|(?:\|\||\?\?)[ \t]*)"
    r"[fFrRbBuUL@$]?[\"'`]\Z"
)
_STRING_CLOSES = re.compile(r"[ \t.!?]*[\"'`][ \t]*[,)\]};]")
_STRING_REACH = 100


def a_programs_string(page: Page, quote: Quote) -> bool:
    """Whether a short quote is a string in a program's code: an argument, an item, a value.

    Asked of a pasted text where no Remote Access context stands near the quote: a test's
    ``assertEquals("The line is busy.", ...)``, a table's ``("account_expired", "The account has
    expired.", None)`` are another program's words.
    """
    text = page.text
    return (
        quote.words <= APART_QUOTE_WORDS
        and _STRING_OPENS.search(text, max(0, quote.start - _STRING_REACH), quote.start)
        is not None
        and _STRING_CLOSES.match(text, quote.end) is not None
    )


def _begins_as_messages_do(text: str, at: int) -> bool:
    """Whether the word at ``at`` is one that some message begins with ("The", "There", "Cannot")."""
    from raserror._messages import WORD, index

    word = WORD.match(text, at)  # as the messages' own words were read
    return word is not None and word.group().lower() in index().first_words


def _goes_on_from_above(text: str, line_start: int, at: int) -> bool:
    """Whether words in lower case at ``at``, first on their line, go on with the sentence above.

    Prose wrapped at a column ("you will get no" / "response from the device."), not a line
    of its own: the line above ends with a word no sentence ends with ("no", "the", "to").
    """
    return (
        text[at : at + 1].islower()
        and line_start > 0
        and _SENTENCE_GOES_ON.search(text, max(0, line_start - _GOES_ON_REACH), line_start)
        is not None
    )


def _names_another_error(page: Page, code: ErrorCode, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names an error by a symbol that is not ``code``'s."""
    return any(
        _is_another_error(found.group(), code)
        for found in _CAPITALS_NAME.finditer(page.text, start, end)
    )


def _is_another_error(name: str, code: ErrorCode) -> bool:
    """Whether a name in capitals is an error's, and not ``code``'s symbol."""
    parts = name.split("_")
    own = code.symbol
    return (
        len(parts) >= 3
        and name != own
        and "ERROR_" + name != own  # its own symbol without the prefix: IPSEC_IKE_AUTH_FAIL
        and not _ERROR_NAME_PARTS.isdisjoint(parts)
    )
