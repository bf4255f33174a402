"""Whose message a quote is, by the names a program or a table writes near it.

Windows' own tables and other programs' sources give another error the same
words as a Remote Access code: a message file's ``SymbolicName=`` line over
them, a doc comment over the definition it documents. Such words are that
error's, unless the code's own name or value stands there too.
"""

from __future__ import annotations

import re

from raserror._lookup import CODE_BASES, based_number, by_symbol, from_int, parse_number
from raserror._page import LINE_LEAD
from raserror._vocabulary import SYMBOL_PREFIXES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._codes import ErrorCode
    from raserror._page import Page

# An error's name as Windows' headers write one: ERROR_X, WARNING_X, CERT_E_X, EAP_E_X...
ERROR_NAME_PATTERN = rf"(?<![A-Za-z0-9_])(?:{'|'.join(SYMBOL_PREFIXES)})[A-Z0-9_]*[A-Z0-9]"
ERROR_NAME = re.compile(ERROR_NAME_PATTERN)
# How raserror.h and mprerror.h define each symbol: its header's base and an offset
# ("#define ERROR_AUTHENTICATION_FAILURE (RASBASE+91)"), as translations of them copy it, in
# any case ("(RASBase+91)"); nothing more added ("(RASBASE+76+1)" is no definition of 676).
BASE_PLUS = re.compile(
    rf"(?<![\w.])(?i:({'|'.join(CODE_BASES)}))[ \t]*\+[ \t]*([0-9]{{1,3}})"
    # Nothing more added, shifted or masked, after its closing parenthesis too; a comment may follow.
    r"(?![\w.]|[ \t)]*(?:[-+*%&^<>]|/(?![/*])|\|(?=[\w(])))"
)


def based_value(based: re.Match[str]) -> int | None:
    """The code a match of ``BASE_PLUS`` adds up to (``RASBASE+91`` is 691), None past the last."""
    return based_number(based.group())


# How far over a message the name of its error may stand: a message file's "SymbolicName=X"
# two lines up, winerror.h's "// MessageId: X" four; and its own symbol, under it too.
_NAMED_OVER_LINES = 4
_NAMED_OVER_CHARS = 400
_OWN_NAME_UNDER_LINES = 1
# A line of a comment, as doc comments are written over what they document: "///", "//", "#",
# "%", "--", "'", "*" and "/**" (a reply's marks and spaces before); not C's "#define".
_COMMENT = re.compile(
    LINE_LEAD + r"(?:///?|/\*\*?|\*|#(?!define|include|if|else|endif|undef|pragma)|%|--|')"
)
# How many lines under a doc comment's message the definition it documents may start.
_DOCUMENTED_LINES = 4
# The definition a doc comment documents: "PASSWORD_EXPIRED = 1330,", "#define NAME (X - 1)",
# "public const int NAME = 5;", "ErrKeyNotFound = errors.New(...)", an enum's member alone and
# its comma ("NAME,"). Not a sentence: a name is one word, with "_" or a capital inside. Its
# value is read where it is a number, also in a call or a cast ("syscall.Errno(633)", "(633)").
_DEFINITION = re.compile(
    r"[ \t]*(?:#define[ \t]+(?P<macro>\w+)"
    r"|(?:[A-Za-z_][\w<>\[\].,]*[ \t]+){0,4}(?P<name>[A-Za-z_]\w*)[ \t]*(?::[^=\n]{1,40})?"
    r"=(?![=>])[ \t]*(?:[A-Za-z_][\w.]{0,40}[ \t]*)?(?:\([ \t]*)?(?P<value>0[xX][0-9a-fA-F]+|[0-9]+)?"
    r"|(?P<member>[A-Za-z_]\w*)[ \t]*,[ \t]*(?://[^\n]*)?\r?$)",
    re.MULTILINE,
)
_IDENTIFIER = re.compile(r"\w*(?:_|[a-z][A-Z])\w*|[A-Z][A-Z0-9]+")
# A line that heads a message with an error's name: a message file's "SymbolicName=X",
# winerror.h's "// MessageId: X", "#define X 1330L", "case X:", a reference page's "X - 1330
# (0x532)". The name first on its line, with no quote after it ('ERROR_MESSAGE="..."') nor a
# sentence ("ERROR_X happens when the password is wrong"; nor "if (ret != ERROR_SUCCESS) {").
_HEADING = re.compile(
    LINE_LEAD + r"(?:(?:///?|#(?!define)|%|--|;|\*)[ \t]*)?"
    r"(?:MessageId[ \t]*[:=][ \t]*|SymbolicName[ \t]*=[ \t]*|#define[ \t]+|case[ \t]+)?"
    rf"({ERROR_NAME_PATTERN})(?![^\n]*[a-z]{{2,}}[ \t]+[a-z]{{2,}})[^\"'\n]{{0,60}}\r?"
)


def names_another_owner(page: Page, at: int, code: ErrorCode) -> bool:
    """Whether the message at ``at`` is another error's by the names near it, not ``code``'s.

    Headed by another error's name (Wine's message file gives WinINet's 12002
    ``SymbolicName=ERROR_INTERNET_TIMEOUT`` over ``The request has timed out.``,
    638's words), or a doc comment over another thing's definition (Zig's ``///
    The password for this account has expired.`` over ``PASSWORD_EXPIRED = 1330,``,
    Windows' 1330 with 648's words). Its own symbol heading it, on its line or the
    next, or its own definition under its doc comment, keeps it: Remote Access's own
    tables and programs (``[Description("...")]`` over ``ERROR_PORT_ALREADY_OPEN``).
    """
    text = page.text
    line_start, line_end = page.line_bounds(at)
    low = page.around(at, _NAMED_OVER_LINES, _NAMED_OVER_CHARS)[0]
    documented = _COMMENT.match(text, line_start) is not None
    named_over = ERROR_NAME.search(text, low, line_start) is not None
    if not named_over and not documented:
        return False  # the quick answer, as for nearly every message
    heads = _heading_names(page, low, line_start) if named_over else []
    under = page.around(line_end, _OWN_NAME_UNDER_LINES, _NAMED_OVER_CHARS)[1]
    if any(is_named(name, code) for name in heads) or any(
        is_named(name.group(), code) for name in ERROR_NAME.finditer(text, line_start, under)
    ):
        return False
    if documented:
        definition = _documented(page, line_end)
        if definition is not None:
            return not _defines(definition, code)
    return bool(heads)


def _heading_names(page: Page, start: int, end: int) -> list[str]:
    """The error names that head lines in ``text[start:end]``, as ``_HEADING`` reads them."""
    text, names = page.text, []
    while start < end:
        line_end = page.line_bounds(start)[1]
        heading = _HEADING.fullmatch(text, start, line_end)
        if heading is not None:
            names.append(heading.group(1))
        start = line_end + 1
    return names


def _documented(page: Page, line_end: int) -> re.Match[str] | None:
    """The definition the doc comment whose line ends at ``line_end`` documents, if one follows."""
    text = page.text
    position = line_end + 1
    for _ in range(_DOCUMENTED_LINES):
        if position >= len(text):
            return None
        start, end = page.line_bounds(position)
        position = end + 1
        if start == end or text[start:end].isspace() or _COMMENT.match(text, start):
            continue  # the comment goes on, or a blank line
        definition = _DEFINITION.match(text, start, end)
        if definition is None:
            return None
        # An enum's member alone on its line must be a name, not a word ("Thanks,").
        member = definition.group("member")
        return definition if member is None or _IDENTIFIER.fullmatch(member) else None
    return None


def _defined_name(definition: re.Match[str]) -> str:
    return str(definition.group("macro") or definition.group("name") or definition.group("member"))


def _defines(definition: re.Match[str], code: ErrorCode) -> bool:
    """Whether a definition is ``code``'s: by its symbol or member's name, or by its value."""
    if is_named(_defined_name(definition), code):
        return True
    written = definition.group("value")
    value = None if written is None else parse_number(written)
    if value is None:  # a header's base and an offset ("PortNotAvailable = RASBASE + 33")
        based = BASE_PLUS.search(definition.string, definition.start(), definition.endpos)
        if based is not None:
            value = based_value(based)
    return value is not None and from_int(value) is code


def is_named(name: str, code: ErrorCode) -> bool:
    """Whether ``name`` is a name of ``code``: its symbol or its member's name."""
    return by_symbol().get(name) is code


# A sentence that gives a quote as the message of the error the text speaks of: "The error
# message typically reads something like, "...".", "the message says: "..."".
_INTRODUCED = re.compile(
    r"(?i:\bthe[ \t]+(?:error[ \t]+)?message[ \t]+(?:\w+[ \t]+){0,2}?"
    r"(?:reads|says|states|shows|is)(?:[ \t]+something[ \t]+like)?)[ \t]*[:,]?[ \t]*[\"“]\Z"
)
_INTRODUCED_REACH = 120
# How far before a quote the mark that opens its words may stand (a sentence or two of them).
_MARK_REACH = 300
# The error a text speaks of before such a sentence: its word and number, the nearest one.
_ERROR_SPOKEN_OF = re.compile(
    r"(?i:\berror)(?:[ \t]+code)?[ \t]*[:#]?[ \t]*([0-9]{3,5})(?![\w]|[.,][0-9])"
)
_SPOKEN_OF_REACH = 1500
# A blank line, a quoted reply's marks on it too.
_PARAGRAPH_BREAK = re.compile("\n" + LINE_LEAD + r"\r?\n")


def introduced_for(page: Page, at: int) -> ErrorCode | None:
    """The code whose message the quote that holds ``at`` is given as, if any.

    The last code after an error word in the quote's paragraph, before the sentence.

    "Error 629 ... The error message typically reads something like, "...
    The connection was terminated because the remote computer did not respond.""
    gives 718's words as 629's message, misremembered: they describe 629.
    """
    text = page.text
    line_start = page.line_bounds(at)[0]
    # The mark opens the words the quote stands in, close before it: read back no further.
    low = max(line_start, at - _MARK_REACH)
    curly = text.rfind("\u201c", low, at)
    if text.rfind("\u201d", low, at) > curly:
        curly = -1  # closed before the quote: the quote is not in it
    mark = max(curly, text.rfind('"', low, at))
    if mark < 0:
        return None
    if _INTRODUCED.search(text, max(line_start, mark - _INTRODUCED_REACH), mark + 1) is None:
        return None
    start = max(0, mark - _SPOKEN_OF_REACH)
    for paragraph_break in _PARAGRAPH_BREAK.finditer(text, start, mark):
        start = paragraph_break.end()
    spoken_of = None
    for error in _ERROR_SPOKEN_OF.finditer(text, start, mark):
        code = from_int(int(error.group(1)))
        if code is not None:  # not an installer's 1603 nor a portal's 500
            spoken_of = code
    return spoken_of
