"""``raserror CODE...``: a block per code asked for; pasted text gives the codes found in it.

Each argument is one of three kinds, decided by its shape alone:

- a *word*: ASCII letters only, naming no code (``timeout``, ``The``);
- *text*: anything holding a space or a character outside ASCII letters,
  digits, ``_``, ``+`` and ``-`` (``"Error 809"``, ``宽带连接错误651``), or ``-``,
  which stands for the text on standard input;
- a *code form*: everything else, a number, a hex or HRESULT, a symbol or a
  name, or a typo of one (``691``, ``0x800702B3``, ``ERROR_VPN_TIMEOUTT``, ``8O9``).

Code forms and words are answered or refused one by one, a word beside a
code form left unsaid (``raserror VPN error 691``); a text is scanned. Four
or more arguments of which more than half are words are a dialog's words
pasted without quotes: they are read as one text, and each code form among
them whose code the text does not give is still answered or refused (the
text giving none is then no failure).
"""

from __future__ import annotations

import functools
import re
import sys
from enum import Enum

from raserror._cli_output import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    code_json,
    error,
    fail,
    print_json,
    shortened,
    terminal_width,
    win32_json,
    windows_said,
)
from raserror._codes import ErrorCode
from raserror._input import open_text
from raserror._lookup import UnknownErrorCode, get

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Literal

    from raserror._scan import Finding
    from raserror._win32 import Win32Error

    Kind = Literal["code", "word", "text"]

# Pasted text read from standard input stops here: a dialog or a post is far shorter,
# and a log belongs to `raserror scan`, which streams.
MAX_PASTED = 100_000
# A quote cut shorter than this would no longer show which text was meant.
_SHORTEST_QUOTE = 16
# A code form longer than this is text: the longest symbol has 45 characters.
_LONGEST_FORM = 60
_FORM_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_+-")
# Standard input holding at most this many code forms and nothing else is read as codes.
_MOST_PIPED_CODES = 100
# What stands between codes a script lists: spaces, line breaks, commas, semicolons.
_BETWEEN_CODES = re.compile(r"[\s,;]+")
# An error word typed against its number: "Error691", "err_809".
_WORD_THEN_NUMBER = re.compile(r"(?i:error|err|code|fehler|erreur)[_-]?([0-9]{3,5})")
# Letters that typing or OCR puts in place of digits: 8O9, 69l.
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "i": "1"})

# Two kinds of evidence the command tells apart beyond the library's own explanations.
_COMMAND_SAID = {
    "quote": "the text quotes words of its message, without a number",
    "short": "its whole message, words other programs use too",
    "shortened": "its message with one word left out",
    "asked": "taken as a Remote Access code: you asked about this text",
    "shared": "several codes' messages hold these words",
}
_NO_INPUT = "standard input holds no text: paste a dialog or a message, or give a code"
NOTHING_IN_TEXT = (
    "no Remote Access error code found in the text: a number counts only in an error "
    "shape (Error 809, (Error 800), error code: 691, 629错误), and a message without a "
    "number only when it is quoted closely, in Windows' English wording; ask about one "
    "number with `raserror 809`, find a code by its words with `raserror search WORDS`"
)


def lookup_command(
    queries: Sequence[str], *, as_json: bool, assume_ras: bool = False, pasted: str | None = None
) -> int:
    """Answer every argument; 0 when all were answered, 1 when one was not, 2 bad input.

    ``-`` stands for the text on standard input, or ``pasted`` when it was read already.
    """
    answer = _Answer(as_json=as_json, assume_ras=assume_ras)
    kinds = [kind_of(query) for query in queries]
    if len(queries) >= 4 and kinds.count("word") * 2 > len(queries):
        # The words of a dialog pasted without quotes: read them as the one text they were.
        given = answer.text(" ".join(queries), " ".join(queries), quiet="code" in kinds)
        for query, kind in zip(queries, kinds):
            if kind == "code" and get(_bare(query)) not in given:
                answer.code(query)
    else:
        # A word beside a code form that names a code is left unsaid; beside none, it is refused.
        named = any(
            kind == "code" and get(_bare(query)) is not None for query, kind in zip(queries, kinds)
        )
        stdin_answered = False
        for query, kind in zip(queries, kinds):
            if query == "-":
                if stdin_answered:
                    continue  # standard input is read once, as `cat - -` reads it
                problem = None
                if pasted is None:
                    pasted, problem = _stdin_text()
                answer.stdin(pasted, problem)
                stdin_answered = True
            elif kind == "word" and named:
                continue  # `raserror VPN error 809`, typed without quotes: the words say nothing
            else:
                answer.query(query, kind)
    if as_json:
        print_json({"results": answer.results})
    return answer.status


def _code_forms(text: str) -> list[str] | None:
    """The code forms of a text that holds nothing else (``691 809``, ``691,809``), or None.

    As a script passes them: piped, or in one argument (``raserror "$CODES"``).
    """
    # A list's separators at its ends separate nothing: "691,809," is two codes; "," none.
    listed = text.strip().strip(",;").strip()
    if not listed:
        return None
    tokens = _BETWEEN_CODES.split(listed, maxsplit=_MOST_PIPED_CODES)
    if 0 < len(tokens) <= _MOST_PIPED_CODES and all(kind_of(token) == "code" for token in tokens):
        return tokens
    return None


def kind_of(query: str) -> Kind:
    """``"code"``, ``"word"`` or ``"text"``: see the module's docstring."""
    bare = _bare(query)
    if query == "-" or len(bare) > _LONGEST_FORM or not _FORM_CHARACTERS.issuperset(bare):
        return "text"
    if bare.isalpha() and get(bare) is None:
        return "word"
    return "code"


# The ranges of the codes in a refusal: the first refusal tells them, the others need not.
_RANGES = re.compile(r" \(RAS [^)]*\)")


def _bare(query: str) -> str:
    # "809:" and "691," as copied from a sentence.
    return query.strip().rstrip(":;,.")


class _Answer:
    """What one run of lookup printed and found, argument by argument."""

    def __init__(self, *, as_json: bool, assume_ras: bool) -> None:
        self.as_json = as_json
        self.assume_ras = assume_ras
        self.width = None if as_json else terminal_width()
        self.results: list[dict[str, object]] = []
        self.status = EXIT_OK
        self.printed = False
        self.ranges_said = False  # the codes' ranges are told once, with the first refusal

    def query(self, query: str, kind: Kind) -> None:
        """One argument: a code form, or a text (codes alone in it are codes, as piped)."""
        forms = _code_forms(query) if kind == "text" else None
        if forms is not None:
            for token in forms:  # `raserror "$CODES"`: codes in one argument
                self.code(token)
        elif kind == "text":
            self.text(query, query)
        else:
            self.code(query)

    def code(self, query: str) -> None:
        """The block of the code ``query`` names, or why it names none."""
        code = get(_bare(query))
        if code is None:
            windows = _windows_meaning(query)
            problem = refusal(query, windows)
            said = _RANGES.sub("", problem, count=1) if self.ranges_said else problem
            self.ranges_said = self.ranges_said or said != _RANGES.sub("", said, count=1)
            self.status = max(self.status, fail(said, EXIT_NOT_FOUND))
            result: dict[str, object] = {"input": query, "code": None, "error": problem}
            if windows is not None:
                result["windows"] = win32_json(windows)
            self.results.append(result)
            return
        self.results.append({"input": query, "code": code_json(code), "error": None})
        if not self.as_json:
            self.block(code)

    def stdin(self, pasted: str | None, problem: str | None = None) -> None:
        """The text on standard input, or ``problem``: why it could not be read."""
        if pasted is None or not pasted.strip():
            # In JSON too, a result that says why: a script reads it, not an empty list.
            problem = _NO_INPUT if problem is None else problem
            self.results.append({"input": "<stdin>", "code": None, "error": problem, "found": []})
            self.status = max(self.status, fail(problem, EXIT_USAGE))
        elif (forms := _code_forms(pasted)) is not None:
            for token in forms:  # `echo 691 | raserror`: codes, not text
                self.code(token)
        else:
            self.text("<stdin>", pasted)

    def text(self, shown: str, text: str, *, quiet: bool = False) -> set[ErrorCode]:
        """The blocks of the codes found in ``text``; returns those codes.

        ``quiet``: where it gives none, that is no failure (code forms beside it answer).
        """
        found, elsewhere = _windows_apart(text, codes_in(text, assume_ras=True))
        evidences = [_evidence(finding, text, assume_ras=self.assume_ras) for finding in found]
        if not found and not elsewhere:
            # Words that several codes' messages share (809 and 811 begin alike): each is shown.
            found = _sharing_codes(text)
            evidences = ["shared"] * len(found)
        problems = [_windows_problem(written, windows) for written, windows in elsewhere]
        if not found and not problems:
            elsewhere, problems = _why_no_code(text)
        result: dict[str, object] = {
            "input": shown,
            "code": None,
            "error": None if found else "; ".join(problems) or NOTHING_IN_TEXT,
            "found": [
                {
                    "code": code_json(finding.code),
                    "evidence": evidence,
                    "text": text[finding.start : finding.end],
                }
                for finding, evidence in zip(found, evidences)
            ],
        }
        if elsewhere:
            result["windows"] = [win32_json(windows) for _, windows in elsewhere]
        self.results.append(result)
        for problem in [] if quiet and not found else problems:
            self.status = max(self.status, fail(problem, EXIT_NOT_FOUND))
        if not found and not problems and not quiet:
            self.status = max(self.status, fail(NOTHING_IN_TEXT, EXIT_NOT_FOUND))
        for finding, evidence in zip([] if self.as_json else found, evidences):
            quoted = text[finding.start : finding.end]
            # A message quoted without its number is not "beside" anything.
            said = "quote" if evidence == "message" and not _has_digit(quoted) else evidence
            reason = _said(said)
            width = 80 if self.width is None else self.width
            # The quote gives way to the reason: a long message is cut to fit the line,
            # and on a narrow terminal the reason goes on under it.
            room = max(width - len("found : ") - len(reason), _SHORTEST_QUOTE)
            heading = f"found {shortened(quoted, room - 2)!r}: {reason}"
            self.block(finding.code, heading=_fill(heading, width))
        return {finding.code for finding in found}

    def block(self, code: ErrorCode, heading: str | None = None) -> None:
        from raserror._block import block_lines

        if self.printed:
            print()  # a blank line between blocks
        if heading is not None:
            print(heading)
        print("\n".join(block_lines(code, 80 if self.width is None else self.width)))
        self.printed = True


def _fill(line: str, width: int) -> str:
    if len(line) <= width:
        return line
    import textwrap

    return textwrap.fill(
        line, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )


def _evidence(finding: Finding, text: str, *, assume_ras: bool) -> str:
    """The scanner's evidence; ``"asked"`` where it assumed RAS because raserror was asked.

    ``"short"`` where the text is a message too short to name its code anywhere else,
    ``"shortened"`` where the text is a message with one word left out.
    """
    if finding.evidence == "assumed" and not assume_ras:
        return "asked"
    if finding.evidence == "message":
        quoted = text[finding.start : finding.end]
        if _is_short_message(quoted):
            return "short"
        if _is_shortened_message(quoted):
            return "shortened"
    return finding.evidence


def _windows_apart(
    text: str, found: list[Finding]
) -> tuple[list[Finding], list[tuple[str, Win32Error]]]:
    """The findings to show, and the numbers the text itself shows to be Windows errors.

    A number taken as RAS only because it was asked, whose Windows meaning the
    text spells out (its symbol, its message, or Python's ``[WinError 740]``), is
    that Windows error: ``CreateProcess error=740, The requested operation
    requires elevation`` is no TAPI failure.
    """
    if not any(finding.evidence == "assumed" and finding.code.win32_symbol for finding in found):
        return found, []
    from raserror._win32 import spelled_out, win32_error

    folded = " ".join(text.split()).casefold()  # a message wrapped over lines still reads
    kept: list[Finding] = []
    elsewhere: list[tuple[str, Win32Error]] = []
    for finding in found:
        windows = win32_error(int(finding.code)) if finding.evidence == "assumed" else None
        # Taken as RAS only because it was asked: Python's "[WinError 740]" says it is not.
        before = text[max(0, finding.start - len("[WinError ")) : finding.start].casefold()
        if windows is not None and (spelled_out(windows, folded) or "winerror" in before):
            elsewhere.append((text[finding.start : finding.end], windows))
        else:
            kept.append(finding)
    return kept, elsewhere


# Digits or letters joined to a number by a hyphen: the number is part of an identifier.
_JOINED = re.compile(r"-[0-9A-Za-z]")
# What the text says a number is, after a colon on its line: "system error 104: Connection
# reset by peer" (a C errno's message), up to the sentence's end or a quote mark.
_DESCRIBED = re.compile(r"[ \t]{0,2}:[ \t]{1,4}([^\W\d_][^\n.;\"()\[\]]{2,80})")
# A program's exit status written before the number: "After the commit, the exit code is 133."
_EXIT_STATUS_BEFORE = re.compile(
    r"(?i:exit[ _]?(?:code|status)|return[ _]?code|errorlevel)[ \t]{0,3}"
    r"(?:(?i:is|was|of)[ \t]{1,3}|[:=][ \t]{0,3})?\Z"
)


def _windows_problem(written: str, windows: Win32Error) -> str:
    """What a number the text itself shows to be a Windows error is, said outright."""
    return (
        f"{written} in this text is a Windows error, not a Remote Access code: in Windows, "
        f"{windows_said(windows)}"
    )


def _why_no_code(text: str) -> tuple[list[tuple[str, Win32Error]], list[str]]:
    """Why a pasted text gave no code: each number in an error shape, said once for what it is.

    The Windows errors among them, as written with their meaning, and every reason:
    a Windows error spelled out beside the number, another system named near it, a
    Windows error by its number alone ("Error 87"), or no error at all.
    """
    from raserror._scanner import refused_numbers
    from raserror._win32 import win32_error

    refused = refused_numbers(text)
    windows = [
        (text[other.start : other.end], other.windows)
        for other in refused.elsewhere
        if other.windows
    ]
    named = [  # each code once: refused_numbers tells the first place only
        f"{text[other.start : other.end]} in this text is read as another system's "
        f"error, not Remote Access's: {other.named!r} stands beside it; if it did "
        f"come from Remote Access, ask `raserror {int(other.code)}`"
        for other in refused.elsewhere
        if other.named is not None
    ]
    problems = [_windows_problem(written, meaning) for written, meaning in windows]
    told: set[int] = set()
    # A number written more than once is another system's where its field says so: "error code
    # 16" in a title, "Reason Code: 16" in the NPS record under it (a name near it elsewhere does
    # not speak for every place: "0x80070643 - ERROR_INSTALL_FAILURE" above an installation).
    named_once = {s.number.value: s for s in reversed(refused.numbers) if s.by_field}
    for written_at in refused.numbers:  # those that name no code: the refused ones are codes
        shaped = named_once.get(written_at.number.value, written_at)
        number = shaped.number
        if number.compared and get(number.value) is not None and number.value not in told:
            told.add(number.value)
            problems.append(
                f"{text[number.start : number.end]} in this text is compared with an exit "
                "status: it is read as a Remote Access code only where the text shows that "
                "rasdial or RasDial returned that status (run just before the test, or setting "
                "the variable tested)"
            )
            continue
        if get(number.value) is not None or number.value in told:
            continue
        if _JOINED.match(text, number.end) or text[number.start - 1 : number.start] == "_":
            continue  # a console's "001-0803" or "002-XXXX", a date, a name's RAS_..._CODE_1
        told.add(number.value)
        written = text[number.start : number.end]
        if shaped.named is not None:  # "Error: 87, Severity: 24": that server's, not Windows'
            problems.append(
                f"{written} in this text is read as another system's error: "
                f"{shaped.named!r} stands beside it"
            )
            continue
        # "The exit code is 133": a program's status, Windows' error or not.
        status = _EXIT_STATUS_BEFORE.search(text, max(0, number.start - 40), number.start)
        what = "a program's exit status, not a Remote Access code" if status else ""
        meaning = win32_error(number.value)
        if meaning is None:
            problems.append(
                f"{written} in this text is {what}"
                if what
                else _named_nowhere(written, number.value)
            )
            continue
        described = _DESCRIBED.match(text, number.end)
        said_words = described.group(1).strip() if described else ""
        said = _said_beside(said_words, meaning.message)
        if said is _Said.OTHERWISE:
            # Another meaning spelled out beside it in English: a Linux errno's, a program's own.
            problems.append(
                f"{written} in this text is not a Remote Access code: the text says it means "
                f"{said_words!r}"
            )
            continue
        windows.append((written, meaning))
        if number.windows or said is _Said.ALIKE:  # "WIN32 87", "Error 87: The parameter is..."
            problems.append(_windows_problem(written, meaning))
            continue
        # Its number alone says no more: FortiClient's "Error -14", Kerberos' "Failure Code: 0x19";
        # an MSI's "Exit code 1603" is a program's status and, as most are, a Windows error.
        problems.append(
            f"{written} in this text is {what or 'not a Remote Access code'}; if it is a Windows "
            f"error, {windows_said(meaning)}"
        )
    return windows, problems + named


class _Said(Enum):
    """What a text's words after a number say of Windows' message for it."""

    ALIKE = "the same meaning"  # "error 2: Can't find the file"
    OTHERWISE = "another meaning"  # "system error 104: Connection reset by peer"
    UNSURE = "nothing sure"  # no words, few, or not English ("Zugriff verweigert")


# Words of three letters or more, in any case: what two wordings of one meaning share.
_LONG_WORD = re.compile(r"[^\W\d_]{3,}")
# Two wordings of one meaning share this many words that say something ("find", "file"),
_ALIKE_WORDS = 2
# not these, which most errors' words hold ("Read-only file system" is no ERROR_READ_FAULT).
_SAID_OF_ALL = frozenset(("system", "error", "failed", "failure"))


def _said_beside(said: str, message: str) -> _Said:
    """Whether ``said``, a text's words after a number, says what Windows' ``message`` says.

    Otherwise only where it is English, Windows' messages' words, and shares none of the
    message's: "Zugriff verweigert" may be "Access is denied." in German.
    """
    from raserror._messages import COMMON_WORDS

    words = {word.casefold() for word in _LONG_WORD.findall(said)} - COMMON_WORDS - _SAID_OF_ALL
    shared = words & {word.casefold() for word in _LONG_WORD.findall(message)}
    if len(shared) >= _ALIKE_WORDS:
        return _Said.ALIKE
    english = words & _windows_words()
    if len(words) >= _ALIKE_WORDS and not shared and len(english) * 2 >= len(words):
        return _Said.OTHERWISE
    return _Said.UNSURE


@functools.cache
def _windows_words() -> frozenset[str]:
    """Every word of Windows' system error messages, lower-case: English as Windows writes it."""
    from raserror._win32_codes import MESSAGES

    return frozenset(
        word.casefold() for message in MESSAGES for word in _LONG_WORD.findall(message)
    )


def _named_nowhere(written: str, value: int) -> str:
    """What a number in an error shape is that no table here names.

    A failing HRESULT (SSPI's 0x80090311, written 2148074257 or -2146893039) is
    said to be one, in hex; another 32-bit code with its top bit set (NTSTATUS's
    0xC0000005, an exception's 0xE0434352) is shown in hex, named nothing.
    """
    if 0x80000000 <= value <= 0xFFFFFFFF or -0x80000000 <= value < -0xFFFF:
        unsigned = f"0x{value & 0xFFFFFFFF:08X}"
        shown = "" if written.lower() == unsigned.lower() else f" ({unsigned})"
        kind = "an HRESULT" if value & 0xF0000000 == 0x80000000 else "a 32-bit code"
        return (
            f"{written} in this text is not a Remote Access code: {kind}{shown} "
            "that raserror does not name"
        )
    return f"{written} in this text is neither a Remote Access code nor a Windows system error"


def _sharing_codes(text: str) -> list[Finding]:
    """Each code whose message the text quotes, when it quotes words several messages share."""
    from raserror._messages import shared_message_codes
    from raserror._scan import Finding

    return [Finding(code, 0, len(text), 1, "message") for code in shared_message_codes(text)]


def _said(evidence: str) -> str:
    """What a kind of evidence means, in a line, for a person who pasted text."""
    from raserror._evidence import EXPLANATIONS  # loaded with the scanner, only for text

    return _COMMAND_SAID.get(evidence) or {str(k): v for k, v in EXPLANATIONS.items()}[evidence]


def _is_short_message(quoted: str) -> bool:
    """Whether a quote found is a whole message too short to name its code in other text."""
    from raserror._messages import short_whole_message

    return short_whole_message(quoted) is not None


def _is_shortened_message(quoted: str) -> bool:
    """Whether a quote found is a message with one word left out, as posts shorten it."""
    from raserror._messages import shortened_message

    return shortened_message(quoted) is not None


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def codes_in(text: str, *, assume_ras: bool) -> list[Finding]:
    """The codes found in pasted text, each once, in order: the library's reading of it."""
    from raserror._scan import find_codes

    return find_codes(text, assume_ras=assume_ras, pasted=True)


def refusal(query: str, windows: Win32Error | None) -> str:
    """Why ``query`` names no code, with its meaning in Windows or the code it may have meant.

    ``windows`` is what ``query`` means as a Windows system error, or None. Every code
    form and word that names no Remote Access code is refused here, and only here.
    """
    bare = _bare(query)
    if not bare:
        said = "an empty argument names" if not query.strip() else "marks alone name"
        return f"{query!r}: {said} no code; give one, such as 691"
    if windows is not None:
        # The other meaning is the answer: the list of RAS ranges would only hide it.
        return f"{bare} is not a Remote Access code; in Windows, {windows_said(windows)}"
    problem = str(UnknownErrorCode(query))
    if kind_of(query) == "word":
        return f"{problem}; to find a code by its words: raserror search {bare}"
    meant = suggestion(bare)
    return problem if meant is None else f"{problem}; did you mean {meant}?"


def _windows_meaning(query: str) -> Win32Error | None:
    """What a code form means as a Windows system error, if winerror.h defines it."""
    if kind_of(query) != "code":
        return None  # a word is no symbol of winerror.h worth a second table's load
    from raserror._win32 import win32_error

    return win32_error(_bare(query))


def suggestion(bare: str) -> str | None:
    """The one code a typo most likely meant (``8O9``: 809), or None if none is clear."""
    if _has_digit(bare):
        digits = bare.translate(_LOOKALIKE_DIGITS)
        if digits != bare and digits.lstrip("+-").isdigit() and get(digits) is not None:
            return digits
        glued = _WORD_THEN_NUMBER.fullmatch(bare)  # "Error691", "err809": a word glued on
        if glued is not None and get(glued.group(1)) is not None:
            return glued.group(1)
    if not bare.isascii() or "_" not in bare:
        return None
    import difflib

    names = [code.symbol for code in ErrorCode]
    if not bare.upper().startswith("ERROR_"):
        names = [code.name for code in ErrorCode]
    close = difflib.get_close_matches(bare.upper(), names, n=2, cutoff=0.9)
    if len(close) != 1:
        return None  # nothing close, or two equally likely: no guess
    return close[0] if bare.upper().startswith("ERROR_") else close[0].lower()


def read_pasted() -> str | None:
    """The text on standard input, at most ``MAX_PASTED`` characters; None if unreadable (said)."""
    pasted, problem = _stdin_text()
    if problem is not None:
        fail(problem, EXIT_USAGE)
    return pasted


def _stdin_text() -> tuple[str | None, str | None]:
    """(the text on standard input, at most ``MAX_PASTED`` characters, or why it was not read)."""
    try:
        with open_text("-", "raserror", hint=error) as text:
            pasted = text.read(MAX_PASTED + 1)
    except OSError as problem:
        return None, f"cannot read <stdin>: {problem.strerror or problem}"
    if len(pasted) > MAX_PASTED:
        return None, (
            f"standard input holds more than {MAX_PASTED} characters, too long for pasted "
            "text: for a log, use `raserror scan`"
        )
    return pasted, None


def stdin_is_piped() -> bool:
    """True when standard input is a pipe or a file, not a person at a terminal."""
    try:
        return sys.stdin is not None and not sys.stdin.isatty()
    except (AttributeError, OSError, ValueError):
        return False
