"""Find RAS error codes in text: logs, rasdial output, event exports, pasted dialogs and posts.

A number counts only where it stands in an error shape, and only with
evidence that it is a Remote Access code: Win32 reuses most RAS numbers (740
is also ERROR_ELEVATION_REQUIRED) and SQL Server has its own 824 and 924, so
``Error 740:`` alone proves nothing. Each shape below is a named rule with a
real example; the evidence is judged once, the same way for every shape.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# At run time, for typing.get_type_hints(scan_lines): re and typing are loaded here anyway.
from collections.abc import Iterable, Iterator  # noqa: TC003 - get_type_hints needs them
from dataclasses import dataclass
from typing import Literal

from raserror._codes import ErrorCode  # noqa: TC001 - at run time for get_type_hints(Finding)
from raserror._lookup import _from_int, parse_number

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._messages import Quote

# Defined at run time, with ErrorCode, so that typing.get_type_hints(Finding) works.
Evidence = Literal["context", "message", "unambiguous", "assumed"]

# -- The words of an error, in the languages RAS speaks -----------------------------------

# Latin-script words for "error" or "code"; matched case-insensitively, whole words.
_LATIN_ERROR = (
    r"error|errors|err|code|codes|fehler|fehlercode|erreur|errore|errores|fel|felkod|fout"
    r"|foutcode|c[oó]digo|ошибк[аиуео]й?|ошибок|код[аеуы]?|кодом|кодами|памылк[аіу]й?"
)
# Scripts without spaces: the word may touch the number ("629错误", "エラー809").
_CJK_ERROR = (
    r"错误代码|錯誤代碼|错误码|错误|錯誤|报错|報錯|代码|代碼|エラー\s?コード|エラー|오류|에러"
)
# Between the word and the number: "code", "is", "=", ":", "(", "#", a Russian "reason".
_GLUE = (
    r"[ \t_-]{0,3}(?:(?i:code|number|no\.?|de error|d'erreur|причины)[ \t]{0,3})?"
    r"(?:(?i:is|of|was|ist|est|是|为|為|如|は)[ \t]{0,3})?(?:[:=#：][ \t]{0,3})?[(\[“\"'«]?[ \t]?"
)
# A number as written after an error word: decimal, 0x-hex, or an HRESULT's 8 hex digits.
_NUMBER = r"(-?[0-9]{1,10}|0[xX][0-9a-fA-F]{1,8}|8[0-9a-fA-F]{7})(?![0-9A-Za-z])(?![.,][0-9])"
# Lists after the first number: "Errors 633, 676, 678", "error 741/742", "кодами 800, 809".
_MORE = re.compile(r"[ \t]*(?:,|/|;|(?i:and|und|et|и|или|or))[ \t]*([0-9]{3,5})(?![0-9A-Za-z])")
_AFTER_WORD = re.compile(_GLUE + _NUMBER)
_DIGIT = re.compile(r"[0-9]")
_PLURALS = frozenset(("errors", "codes", "errores", "ошибок", "кодами"))
# "629错误", "809 오류", "720 error": the number just before the word.
_BEFORE_WORD = re.compile(r"(?<![0-9A-Za-z.])([0-9]{3,5})[ \t]?\Z")

# -- Whole shapes -------------------------------------------------------------------------

# RasClient's sentence, in English and in translations seen in exports and posts: the
# code "returned on failure is 809", "returned after failure is 13868", the reason for
# "returning after termination is 631", or in Chinese 失败后返回的错误代码为 809.
_EVENT = re.compile(
    r"(?i:return(?:ed|ing))\b[^.\n]{0,40}?(?i:failure|termination) is[ \t]{1,4}(-?[0-9]{1,10})(?![0-9])"
    r"|(?:返回的错误代码为|返されたエラー[ \t]?コードは)[ \t]{0,3}(-?[0-9]{1,10})(?![0-9])"
)
# A CoId= line in any language ends with its code after "is", "ist", "为", "は", ":".
_COID_CODE = re.compile(
    r"(?:\bis|\bist|\best|为|為|は|[:：=])[ \t]{0,2}(-?[0-9]{1,10})[^0-9\n]{0,12}\Z"
)
# rasdial's footer: "In help, click Troubleshooting, then Error Messages, then 691" (any language).
_FOOTER_NUMBER = re.compile(r"(?<![0-9])([0-9]{3,5})[ \t.。\"'”」』»)]*\r?\Z")
_FOOTER_EN = re.compile(r"(?i:error messages,)[ \t]{0,4}then[ \t]{1,4}([0-9]{1,10})(?!\w)")
# rasdial's error line in any language: words, the code, " - ", the message.
_LOCAL_ERROR_LINE = re.compile(
    r"[ \t]{0,8}[^0-9\r\n]{1,80}?[ \t\u3000]([0-9]{3})[ \t\u3000]{1,3}-[ \t\u3000]"
)
# A symbol's own number near it: "806 ERROR_VPN_GRE_BLOCKED", "ERROR_VPN_BAD_CERT ... 810u32".
_LITERAL = re.compile(r"(?<![\w.])([0-9]{3,5})(?:u32|i32|UL|L|u)?(?![\w.])")
# How far a symbol's number may stand from it.
_SYMBOL_GAP = 60
# "600" alone on its line, its message on the next (Microsoft's code lists).
_BARE_LINE = re.compile(r"[ \t]*([0-9]{3,5})[ \t]*\r?\Z")
# "813 You have attempted to establish a second broadband connection...": the dialog's
# number, then its message on the same line.
_LEADING_NUMBER = re.compile(r"[ \t]*([0-9]{3,5})[ \t]*[:.\-]?[ \t]+(?=[^\W\d_])")
# A 0x value after "ptr=" or "flags:" is a field of something else, not an error code.
_FIELD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z_]{2,20})[ \t]*[=:][ \t]*\Z")
_ERROR_FIELD = re.compile(r"(?i)(?:.*error|.*code|hr|hresult|result|status|scode|failed|failure)")

# Each rule's own start, matched where one of its needles stands.
_RULES = {
    "symbol": re.compile(
        r"(?:ERROR|WARNING|CERT_E|CRYPT_E|TRUST_E|SEC_E|EAP_[EI])_[A-Z0-9_]{3,60}"
    ),
    "latin": re.compile(rf"(?i:{_LATIN_ERROR})(?![^\W\d_])"),
    "cjk": re.compile(_CJK_ERROR),
    "event": re.compile(r"(?i:return(?:ed|ing)\b)|返回的错误代码为|返されたエラー"),
    "coid": re.compile(r"CoI[dD]="),
    "footer": re.compile(r"netcfg\.chm"),
    "hex": re.compile(r"0[xX][0-9a-fA-F]{8}(?![0-9A-Za-z])"),
    "signed": re.compile(r"-21[0-9]{8}(?![0-9])"),
    "bracketed": re.compile(r"(?<=\()8[0-9a-fA-F]{7}(?=\))"),
    "binary": re.compile(r"<Binary>|(?<![\w])Data[ \t]{0,40}:[ \t]{0,4}\{"),
}
# Literal needles in the lower-cased text, found by str.find at C speed: a rule is tried
# only where one stands, so a log without them costs little more than one read.
_NEEDLES = {
    "symbol": ("error_", "warning_", "cert_e_", "crypt_e_", "trust_e_", "sec_e_", "eap_"),
    "latin": ("err", "code", "fehler", "fel", "fout", "código", "codigo", "ошиб", "код", "памылк"),
    "cjk": ("错误", "錯誤", "报错", "報錯", "代码", "代碼", "エラー", "오류", "에러"),
    "event": ("return", "返回的错误代码为", "返されたエラー"),
    "coid": ("coid=",),
    "footer": ("netcfg.chm",),
    "hex": ("0x",),
    "signed": ("-21",),
    "bracketed": ("(8",),
    "binary": ("<binary>", "data"),
}
# All rules in one pattern: the way in when lower() changes the text's length.
_ANCHORS = re.compile("|".join(f"(?P<{name}>{rule.pattern})" for name, rule in _RULES.items()))
_NEWLINE = re.compile("\n")
# Where a context or foreign name may start: lower-case needles, and API names by case.
_CONTEXT_NEEDLES = (
    "remote",
    "rasdial",
    "rasphone",
    "win32ras",
    "dial",
    "pppoe",
    "l2tp",
    "pptp",
    "sstp",
    "ikev2",
    "broadband",
    "vpn",
    "coid=",
    "netcfg.chm",
    "拨号",
    "撥號",
    "拔号",
    "宽带连接",
    "寬頻連線",
    "ダイヤル",
    "전화 접속",
)
_CONTEXT_NEEDLES_CASED = ("Ras", "Mpr", "DotRas", "RAS")
_FOREIGN_NEEDLES = (
    "sql",
    "severity",
    "oracle",
    "ora-",
    "mariadb",
    "database",
    "ntfrs",
    "spid",
    "msiexec",
    "windows update",
    "installer",
    "level ",
    "レベル",
    "重大度",
    "serious",
)


def _find_all(haystack: str, needles: Iterable[str]) -> Iterator[int]:
    """Every position of every needle, unsorted."""
    for needle in needles:
        at = haystack.find(needle)
        while at >= 0:
            yield at
            at = haystack.find(needle, at + 1)


# -- Evidence -------------------------------------------------------------------------------

# Names that put a text in Remote Access context: RAS APIs and tools, RasClient and
# RemoteAccess events, and the VPN and dial-up words around them.
RAS_CONTEXT = re.compile(
    r"(?<![A-Za-z])(?:(?:Ras|Mpr)[A-Z][A-Za-z]*|DotRas|RAS(?![:\]\w]))"
    r"|(?i:remote[ \t]*access|rasdial|rasphone|win32ras|dial[-‐‑ ]?up|pppoe|l2tp|pptp|sstp"
    r"|ikev2|vpn|broadband)"
    r"|CoI[dD]=|netcfg\.chm|拨号|撥號|拔号|宽带连接|寬頻連線|ダイヤル|전화 접속"
)
# Names that give the number to another system: databases, installers, hardware.
FOREIGN = re.compile(
    r"(?i:sql|severity|sqlstate|oracle|ora-[0-9]|mysql|mariadb|database|ntfrs|spid[0-9]|msiexec"
    r"|windows update|installer|level [0-9]+, state|レベル|重大度|serious)"
)
# Longer lines are read only in the parts near what is asked about.
_LONG_LINE = 4096
# An event's data stands this far at most from its source's name in the same record.
_RECORD_LINES = 30
_RECORD_CHARS = 4000
_EVENT_SOURCE = re.compile(r"(?i:ras[ ]?client|remote[ ]?access)")
# Context reaches this many lines around a number, and never further than this.
_CONTEXT_LINES = 12
_CONTEXT_CHARS = 1500
# A message beside its number: on its line, or on the next lines of a dialog copy.
_BESIDE_CHARS = 320
_BESIDE_LINES = 3


@dataclass(frozen=True)
class Finding:
    """A RAS error code found in text.

    ``text[start:end]`` is the number as written, or for ``"message"``
    evidence without a number, the quoted message; ``line`` counts from 1.
    ``evidence`` says which rule made it count: ``"context"`` (the text says
    it came from Remote Access), ``"message"`` (the code's own message or
    symbol stands beside it, or it is a quote of that message),
    ``"unambiguous"`` (no other Windows error has that number) or
    ``"assumed"`` (the caller passed ``assume_ras=True``).
    """

    code: ErrorCode
    start: int
    end: int
    line: int
    evidence: Evidence


def accept(number: int, *, context: bool, assume_ras: bool) -> tuple[ErrorCode, Evidence] | None:
    """The code ``number`` names and the evidence that it is one, if there is any."""
    code = _from_int(number)
    if code is None:
        return None
    if context:
        return code, "context"
    if code.win32_symbol is None:
        return code, "unambiguous"
    if assume_ras:
        return code, "assumed"
    return None


class _Markers:
    """Where the context and foreign names stand in a text, found once each."""

    def __init__(self, text: str, lowered: str | None, *, everywhere: bool) -> None:
        self.everywhere = everywhere
        if lowered is None:  # lower() changed the length: the regexes read the text itself
            self.context = [match.start() for match in RAS_CONTEXT.finditer(text)]
            self.foreign = [match.start() for match in FOREIGN.finditer(text)]
            return
        candidates = {
            *_find_all(lowered, _CONTEXT_NEEDLES),
            *_find_all(text, _CONTEXT_NEEDLES_CASED),
        }
        self.context = sorted(at for at in candidates if RAS_CONTEXT.match(text, at))
        candidates = set(_find_all(lowered, _FOREIGN_NEEDLES))
        self.foreign = sorted(at for at in candidates if FOREIGN.match(text, at))

    @staticmethod
    def _any(positions: list[int], start: int, end: int) -> bool:
        index = bisect_left(positions, start)
        return index < len(positions) and positions[index] < end

    def has_context(self, start: int, end: int) -> bool:
        return self.everywhere or self._any(self.context, start, end)

    def has_foreign(self, start: int, end: int) -> bool:
        return self._any(self.foreign, start, end)


@dataclass
class _Raw:
    """A finding before its line is counted."""

    start: int
    end: int
    code: ErrorCode
    evidence: Evidence
    footer: bool = False


class _Scanner:
    """One pass over a text: each anchor hands its position to the rule for its shape."""

    def __init__(self, text: str, *, assume_ras: bool, rasdial_output: bool) -> None:
        self.text = text
        self.assume_ras = assume_ras
        self.rasdial_output = rasdial_output
        lowered = text.lower()
        self.lowered = lowered if len(lowered) == len(text) else None
        self.markers = _Markers(text, self.lowered, everywhere=rasdial_output)
        self.found: dict[int, _Raw] = {}
        self.done: set[tuple[str, int]] = set()  # (rule, line start) of whole-line rules
        self.newlines = [match.start() for match in _NEWLINE.finditer(text)]
        self.words_of_line: dict[int, frozenset[str]] = {}
        self.quotes_of_line: dict[int, list[Quote]] = {}

    # Lines ---------------------------------------------------------------------------

    def line_bounds(self, at: int) -> tuple[int, int]:
        """The start and end of the line holding ``at``: a bisection, whatever its length."""
        newlines = self.newlines
        index = bisect_left(newlines, at)
        start = newlines[index - 1] + 1 if index else 0
        return start, newlines[index] if index < len(newlines) else len(self.text)

    def around(self, at: int, lines: int, chars: int) -> tuple[int, int]:
        """The span of ``lines`` lines each side of ``at``, at most ``chars`` each side."""
        text, start, end = self.text, at, at
        floor, ceiling = max(0, at - chars), min(len(text), at + chars)
        for _ in range(lines + 1):
            if start <= floor:
                break
            start = text.rfind("\n", floor, start - 1 if start else 0) + 1 or floor
        for _ in range(lines + 1):
            found = text.find("\n", end + 1, ceiling)
            if found < 0:
                end = ceiling
                break
            end = found
        return max(start, floor), min(end, ceiling)

    def first_time(self, rule: str, at: int) -> bool:
        key = (rule, self.line_bounds(at)[0])
        if key in self.done:
            return False
        self.done.add(key)
        return True

    # Judging ---------------------------------------------------------------------------

    def line_words(self, start: int, end: int) -> set[str]:
        """The lower-case words of the lines that ``start:end`` touches, each line read once."""
        from raserror._messages import WORD

        words: set[str] = set()
        position = self.line_bounds(start)[0]
        while position <= end and position <= len(self.text):
            line_end = self.line_bounds(position)[1]
            if line_end - position > _LONG_LINE:  # only the part asked about, never all of it
                piece = self.text[max(position, start) : min(line_end, end + 1)].lower()
                words.update(WORD.findall(piece))
                position = line_end + 1
                continue
            cached = self.words_of_line.get(position)
            if cached is None:
                line = self.text[position:line_end].lower()
                cached = self.words_of_line[position] = frozenset(WORD.findall(line))
            words |= cached
            position = line_end + 1
        return words

    def beside(self, code: ErrorCode, start: int, end: int) -> tuple[bool, bool]:
        """(its own message is beside the number, another code's message is)."""
        from raserror import _messages

        line_start, line_end = self.line_bounds(start)
        after_end = line_end
        if len(self.text[end : min(line_end, end + 16)].strip(" \t\r)]:.-")) < 3:
            # "Error 629" then the message on the next line, as dialog copies show it.
            after_end = self.around(end, _BESIDE_LINES, _BESIDE_CHARS)[1]
        window = (max(line_start, start - _BESIDE_CHARS), min(after_end, end + _BESIDE_CHARS))
        # The quick test: without any word of a message near it, no message is near it.
        words = self.line_words(*window)
        index = _messages.index()
        if words.isdisjoint(index.content_words[code]):
            return False, not words.isdisjoint(index.anchors) and self.other_quoted(code, window)
        own = max(
            _messages.shared_run(code, self.text, window[0], start),
            _messages.shared_run(code, self.text, end, window[1]),
        )
        if own >= min(_messages.BESIDE_MIN_WORDS, *map(len, index.by_code[code])):
            return True, False
        return False, self.other_quoted(code, window)

    def other_quoted(self, code: ErrorCode, window: tuple[int, int]) -> bool:
        """Whether another code's message is quoted in ``window``, at some length."""
        from raserror import _messages

        position = self.line_bounds(window[0])[0]
        while position <= window[1] and position < len(self.text):
            line_end = self.line_bounds(position)[1]
            quoted: Iterable[Quote] = (
                self.quotes_in(max(position, window[0]), min(line_end, window[1]))
                if line_end - position > _LONG_LINE
                else self.line_quotes(position)
            )
            for quote in quoted:
                if (
                    quote.code is not code
                    and quote.words > _messages.QUOTE_MIN_WORDS
                    and quote.start < window[1]
                    and window[0] < quote.end
                ):
                    return True
            position = self.line_bounds(position)[1] + 1
        return False

    def line_quotes(self, line_start: int) -> list[Quote]:
        """The quotes that start on the line at ``line_start`` (wrapping on), found once."""
        from raserror import _messages

        cached = self.quotes_of_line.get(line_start)
        if cached is None:
            line_end = self.line_bounds(line_start)[1]
            cached = []
            if not self.line_words(line_start, line_start).isdisjoint(_messages.index().anchors):
                window_end = (
                    self.around(line_end, 2, 600)[1] if line_end < len(self.text) else line_end
                )
                cached = [
                    quote
                    for quote in _messages.quotes(self.text, line_start, window_end)
                    if quote.start < line_end
                ]
            self.quotes_of_line[line_start] = cached
        return cached

    def judge(self, code: ErrorCode, start: int, end: int) -> Evidence | None:
        """The evidence that the number at ``start:end`` is ``code``, or None."""
        own, other = self.beside(code, start, end)
        if other and not own:
            return None  # the text beside it is a different code's message
        line_start, line_end = self.line_bounds(start)
        foreign_here = self.markers.has_foreign(line_start, line_end)
        near = self.around(start, _CONTEXT_LINES, _CONTEXT_CHARS)
        if self.markers.has_context(*near) and not foreign_here:
            return "context"
        if own:
            return "message"
        if code.win32_symbol is None and not self.markers.has_foreign(*near):
            return "unambiguous"
        if self.assume_ras and not foreign_here:
            return "assumed"
        return None

    def add(self, start: int, end: int, *, strong: bool = False, footer: bool = False) -> None:
        """Report the number at ``start:end`` if it is a code and the evidence holds."""
        if start in self.found:
            return
        number = parse_number(self.text[start:end])
        code = None if number is None else _from_int(number)
        if code is None:
            return
        evidence: Evidence | None = "context" if strong else self.judge(code, start, end)
        if evidence is not None:
            self.found[start] = _Raw(start, end, code, evidence, footer)

    # Rules -----------------------------------------------------------------------------

    def run(self) -> list[_Raw]:
        if self.rasdial_output:
            self.rasdial_error_lines()
        rules = {
            "symbol": self.symbol,
            "latin": self.latin,
            "cjk": self.cjk,
            "event": self.event,
            "coid": self.coid,
            "footer": self.footer,
            "hex": self.hresult,
            "signed": self.hresult,
            "bracketed": self.hresult,
            "binary": self.binary,
        }
        for rule, anchor in self.anchors():
            rules[rule](anchor)
        self.near_context()
        return _drop_repeated_footers(sorted(self.found.values(), key=lambda raw: raw.start))

    def anchors(self) -> Iterator[tuple[str, re.Match[str]]]:
        """Where each rule starts, in order: needles found by str.find, then the rule's match."""
        if self.lowered is None:
            for anchor in _ANCHORS.finditer(self.text):
                yield anchor.lastgroup or "", anchor
            return
        names = list(_NEEDLES)
        # Position and rule in one int: sorting ints is the cheap way to put them in order.
        starts = sorted(
            (at + (rule == "bracketed")) * 16 + number
            for number, rule in enumerate(names)
            for at in _find_all(self.lowered, _NEEDLES[rule])
        )
        for start in starts:
            rule = names[start & 15]
            match = _RULES[rule].match(self.text, start >> 4)
            if match is not None:
                yield rule, match

    def after_word(self, end: int, *, plural: bool = False) -> None:
        """The number after an error word, and any list that follows it.

        After a plural ("Errors 633, 676", "кодами 800, 809") only a list counts:
        "errors: 720" is a count of errors.
        """
        match = _AFTER_WORD.match(self.text, end)
        if match is None:
            return
        spans = [match.span(1)]
        position = match.end()
        while (more := _MORE.match(self.text, position)) is not None:
            spans.append(more.span(1))
            position = more.end()
        if not plural or len(spans) > 1:
            for span in spans:
                self.add(*span)

    def before_word(self, start: int) -> None:
        match = _BEFORE_WORD.search(self.text, max(0, start - 8), start)
        if match is not None:
            self.add(*match.span(1))

    def latin(self, anchor: re.Match[str]) -> None:
        """``Error 691:``, ``(Error 800)``, ``ErrorCode = 691``, ``Fehler 798``, ``Код 800:``.

        Also the footer of English rasdial: ``..., then Error Messages, then 691``.
        """
        text, at = self.text, anchor.start()
        if _DIGIT.search(text, max(0, at - 8), anchor.end() + 48) is None:
            return  # no number anywhere near: the cheap way out for text full of words
        previous = text[at - 1 : at]
        if previous == "_" or (previous.isalpha() and not text[at].isupper()):
            return  # inside a word: "terror", "RAS_ERROR"; CamelCase "NativeErrorCode" stays
        footer = _FOOTER_EN.match(text, at)
        if footer is not None:
            self.add(*footer.span(1), strong=True, footer=True)
            return
        plural = anchor.group().lower() in _PLURALS
        self.after_word(anchor.end(), plural=plural)
        if not plural:  # "852 errors" is a count of errors
            self.before_word(at)

    def cjk(self, anchor: re.Match[str]) -> None:
        """``Windows 错误 809``, ``629错误``, ``エラー: 0x800b0109``, ``809 오류``."""
        self.after_word(anchor.end())
        self.before_word(anchor.start())

    def event(self, anchor: re.Match[str]) -> None:
        """RasClient's failure and termination sentence, in English or Chinese or Japanese."""
        match = _EVENT.match(self.text, anchor.start())
        if match is not None:
            group = 1 if match.group(1) is not None else 2
            self.add(*match.span(group), strong=True)

    def coid(self, anchor: re.Match[str]) -> None:
        """RasClient in any language: a ``CoId=`` line ends with its code after "is"."""
        if not self.first_time("coid", anchor.start()):
            return
        match = _COID_CODE.search(self.text, anchor.end(), self.line_bounds(anchor.start())[1])
        if match is not None:
            self.add(*match.span(1), strong=True)

    def footer(self, anchor: re.Match[str]) -> None:
        """Rasdial's help footer, any language; reported at its error line if there is one."""
        if not self.first_time("footer", anchor.start()):
            return
        line_start, line_end = self.line_bounds(anchor.start())
        position = line_end
        for _ in range(2):  # the footer's last line follows "hh netcfg.chm" within two lines
            if position >= len(self.text):
                return
            start, end = self.line_bounds(position + 1)
            number = _FOOTER_NUMBER.search(self.text, start, end)
            if number is not None:
                self.footer_points_back(number, line_start)
                return
            position = end

    def footer_points_back(self, number: re.Match[str], footer_start: int) -> None:
        start = footer_start
        for _ in range(8):  # rasdial's error line stands at most a few lines above
            if start == 0:
                break
            start = self.text.rfind("\n", 0, start - 1) + 1
            error_line = _LOCAL_ERROR_LINE.match(self.text, start)
            if error_line is not None and error_line.group(1) == number.group(1):
                self.add(*error_line.span(1), strong=True)
                return
        self.add(*number.span(1), strong=True, footer=True)

    def hresult(self, anchor: re.Match[str]) -> None:
        """An HRESULT: ``0x800B0109``, ``-2146762495``, ``(8007026f)``; not ``ptr=0x8007...``."""
        at = anchor.start()
        if at and (self.text[at - 1].isalnum() or self.text[at - 1] == "_"):
            return
        field = _FIELD_BEFORE.search(self.text, max(0, at - 24), at)
        if field is not None and not _ERROR_FIELD.fullmatch(field.group(1)):
            return
        number = parse_number(anchor.group())
        if number is not None and (number > 0xFFFF or number < 0):
            self.add(at, anchor.end())

    def symbol(self, anchor: re.Match[str]) -> None:
        """A code's exact symbol beside its number: ``806 ERROR_VPN_GRE_BLOCKED``."""
        from raserror._lookup import _names

        code = _names().get(anchor.group())
        if code is None or code._value_ > 0xFFFF:
            return
        start, end = self.around(anchor.start(), 2, _SYMBOL_GAP)
        wanted = str(code._value_)
        for literal in _LITERAL.finditer(self.text, start, end):
            if literal.group(1) != wanted or literal.start() in self.found:
                continue
            gap = (
                self.text[literal.end() : anchor.start()]
                or self.text[anchor.end() : literal.start()]
            )
            # Only the symbol's own number: nothing but words and marks may stand between.
            if len(gap) <= _SYMBOL_GAP and not _LITERAL.search(gap):
                self.found[literal.start()] = _Raw(*literal.span(1), code, "message")

    def binary(self, anchor: re.Match[str]) -> None:
        """An event's data, ``<Binary>B3020000</Binary>`` or ``Data : {41, 3, 0, 0}``.

        RemoteAccess writes its code there as a little-endian DWORD, and often
        nowhere else; it counts only inside a RasClient or RemoteAccess record.
        """
        from raserror._events import find_binary_codes

        line_end = self.line_bounds(anchor.start())[1]
        start, end = self.around(anchor.start(), _RECORD_LINES, _RECORD_CHARS)
        if _EVENT_SOURCE.search(self.text, start, end) is None:
            return
        for data in find_binary_codes(self.text[anchor.start() : line_end]):
            code = _from_int(data.number)
            at = anchor.start() + data.start
            if code is not None and at not in self.found:
                self.found[at] = _Raw(at, anchor.start() + data.end, code, "context")

    def rasdial_error_lines(self) -> None:
        """In output known to be rasdial's, its error line counts in any language."""
        start = 0
        for line in self.text.split("\n"):
            error_line = _LOCAL_ERROR_LINE.match(self.text, start, start + len(line))
            if error_line is not None:
                self.add(*error_line.span(1), strong=True)
            start += len(line) + 1

    def near_context(self) -> None:
        """The rules that read whole lines, on the lines near Remote Access context.

        A message quoted without its number (a dialog copy, an RRAS event's
        reason) and a number alone on its line above its message (Microsoft's
        lists) count only where the text speaks of Remote Access or a VPN.
        """
        text = self.text
        if self.markers.everywhere:
            spans = [(0, len(text))]
        else:
            reach = (_CONTEXT_LINES, _CONTEXT_CHARS)
            spans = [
                (self.around(first, *reach)[0], self.around(last, *reach)[1])
                for first, last in _clusters(self.markers.context)
            ]
        found = sorted((raw.start, raw.end, raw.code) for raw in self.found.values())
        done = -1  # the lines up to here are read
        for start, span_end in spans:
            end = span_end
            position = max(self.line_bounds(start)[0], done + 1)
            while position < end and position < len(text):
                line_end = self.line_bounds(position)[1]
                if line_end - position > _LONG_LINE:
                    # A line with no end in sight: its part near context, a piece at a time.
                    for quote in self.quotes_in(max(position, start), min(line_end, end)):
                        self.add_quote(quote, found)
                    done = max(done, min(line_end, end))
                    position = line_end + 1
                    continue
                bare = self.bare_line(position, line_end)
                if bare is not None:
                    found.insert(
                        bisect_left(found, (bare.start,)), (bare.start, bare.end, bare.code)
                    )
                    # A list of codes and messages is context for the rest of the list.
                    end = max(end, self.around(line_end, _CONTEXT_LINES, _CONTEXT_CHARS)[1])
                next_line = line_end + 1
                for quote in self.line_quotes(position):
                    next_line = max(next_line, quote.end)  # a wrapped quote is read once
                    self.add_quote(quote, found)
                done = max(done, line_end)
                position = (
                    self.line_bounds(next_line - 1)[1] + 1
                    if next_line > line_end + 1
                    else next_line
                )

    def quotes_in(self, start: int, end: int) -> Iterator[Quote]:
        """The quotes in ``text[start:end]``, read in bounded pieces that overlap."""
        from raserror import _messages

        seen = -1
        for piece in range(start, end, PIECE):
            for quote in _messages.quotes(self.text, piece, min(end, piece + PIECE + 600)):
                if quote.start > seen:
                    seen = quote.start
                    yield quote

    def add_quote(self, quote: Quote, found: list[tuple[int, int, ErrorCode]]) -> None:
        # The same code found close by, by its number or its message: once is enough.
        low = bisect_left(found, (quote.start - _CONTEXT_CHARS,))
        high = bisect_right(found, (quote.end + _CONTEXT_CHARS,))
        if any(code is quote.code for _, _, code in found[low:high]):
            return
        self.found.setdefault(quote.start, _Raw(quote.start, quote.end, quote.code, "message"))
        found.insert(bisect_left(found, (quote.start,)), (quote.start, quote.end, quote.code))

    def bare_line(self, start: int, end: int) -> _Raw | None:
        """A number alone on its line, its own message on the next: Microsoft's lists."""
        match = _BARE_LINE.match(self.text, start, end) or _LEADING_NUMBER.match(
            self.text, start, end
        )
        if match is None:
            return None
        number = parse_number(match.group(1))
        code = None if number is None else _from_int(number)
        if code is None or not self.beside(code, *match.span(1))[0]:
            return None
        return self.found.setdefault(match.start(1), _Raw(*match.span(1), code, "message"))


def _clusters(positions: list[int], gap: int = 200) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of sorted positions less than ``gap`` apart."""
    if not positions:
        return
    first = last = positions[0]
    for at in positions[1:]:
        if at - last >= gap:
            yield first, last
            first = at
        last = at
    yield first, last


def scan_block(text: str, *, assume_ras: bool, rasdial_output: bool = False) -> list[_Raw]:
    """Every finding in ``text``, in order; ``rasdial_output`` trusts rasdial's error lines."""
    return _Scanner(text, assume_ras=assume_ras, rasdial_output=rasdial_output).run()


def _drop_repeated_footers(raws: list[_Raw]) -> list[_Raw]:
    """A footer repeats the code of the error line just before it: keep one."""
    kept: list[_Raw] = []
    last: dict[ErrorCode, int] = {}
    for raw in raws:
        if raw.footer and raw.start - last.get(raw.code, -(10**9)) <= 2000:
            continue
        last[raw.code] = raw.start
        kept.append(raw)
    return kept


def _with_lines(text: str, raws: list[_Raw]) -> Iterator[tuple[_Raw, int]]:
    """Each finding with the index of its line, counted in one pass."""
    line, counted = 0, 0
    for raw in raws:
        line += text.count("\n", counted, raw.start)
        counted = raw.start
        yield raw, line


def find_codes(text: str, *, assume_ras: bool = False) -> list[Finding]:
    """Every RAS error code in ``text``, in order of position.

    A number is reported only where it stands in an error shape (rasdial's
    ``Remote Access error 691 - ...`` and its help footer, RasClient event
    text, ``Error 691: ...``, ``(Error 800)``, ``error code: 800``,
    ``Fehler 798``, ``629错误``, ``[WinError 691]``, an HRESULT such as
    ``0x800702B3``) and only with evidence: Remote Access context near it
    (rasdial, a RAS API name such as ``RasDial``, ``CoId=``, VPN and dial-up
    words), its own message or symbol beside it, a number that no other
    Windows error shares, or ``assume_ras=True``. A message quoted without
    its number is reported too, with ``"message"`` evidence.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_codes() needs a str, not {type(text).__name__}")
    return [
        Finding(raw.code, raw.start, raw.end, line + 1, raw.evidence)
        for raw, line in _with_lines(text, scan_block(text, assume_ras=assume_ras))
    ]


# scan_lines scans this much at a time...
_CHUNK_CHARS = 1 << 20
_CHUNK_LINES = 8192
# ...and scans the last lines of a chunk again with the next, so that a block cut by a
# chunk boundary is still seen whole: these lines at most, this many characters at most,
# of which the last _HELD lines wait for the next chunk to report.
_CARRIED_LINES = 2 * (_CONTEXT_LINES + 2)
_CARRIED_CHARS = 1 << 16
_HELD = _CONTEXT_LINES + 2
# A line longer than this is scanned in pieces; the carried pieces join them up again.
PIECE = 1 << 16


def scan_lines(lines: Iterable[str], *, assume_ras: bool = False) -> Iterator[Finding]:
    """Like ``find_codes``, lazily, over an iterable of lines such as an open file.

    Reads a bounded amount at a time, so a log of any size streams through,
    and a line of any length is scanned in bounded pieces. ``start`` and
    ``end`` are positions in their line; ``line`` counts the items of
    ``lines`` from 1, except that an item of at least 65,536 characters
    without a line break at its end is taken as cut from a longer line,
    which the next item continues. Raises ``TypeError`` for an item that is
    not a str.
    """
    if isinstance(lines, (str, bytes)):
        raise TypeError(
            f"scan_lines() needs an iterable of lines, not one {type(lines).__name__}: "
            "use find_codes() for a text, or text.splitlines(keepends=True)"
        )
    chunk: list[tuple[str, int, int]] = []  # (piece, line number, column of its start)
    size, line, column = 0, 1, 0
    reported = 0  # leading pieces of the chunk whose findings were already yielded
    for item in lines:
        if not isinstance(item, str):
            raise TypeError(f"scan_lines() needs lines of str, not {type(item).__name__}")
        continued = len(item) >= PIECE and not item.endswith(("\n", "\r"))
        for offset in range(0, max(len(item), 1), PIECE):
            piece = item[offset : offset + PIECE]
            tail = offset + PIECE < len(item) or continued
            chunk.append((piece if tail or piece.endswith("\n") else piece + "\n", line, column))
            column = column + len(piece) if tail else 0
            size += len(piece)
        if not continued:
            line += 1
        if size < _CHUNK_CHARS and len(chunk) < _CHUNK_LINES:
            continue
        carried = _carried(chunk)
        # What is held waits for the next chunk, with at least one piece before it to read.
        held = min(_HELD, carried - 1)
        yield from _report(chunk, reported, len(chunk) - held, assume_ras=assume_ras)
        reported = carried - held
        chunk = chunk[len(chunk) - carried :]
        size = sum(len(piece) for piece, _, _ in chunk)
    yield from _report(chunk, reported, len(chunk), assume_ras=assume_ras)


def _carried(chunk: list[tuple[str, int, int]]) -> int:
    """How many of the chunk's last pieces to scan again with the next chunk."""
    count = size = 0
    for piece, _, _ in reversed(chunk):
        size += len(piece)
        if count == _CARRIED_LINES or (size > _CARRIED_CHARS and count >= 2):
            break
        count += 1
    return count


def _report(
    chunk: list[tuple[str, int, int]], start: int, stop: int, *, assume_ras: bool
) -> Iterator[Finding]:
    """The findings on chunk[start:stop], positioned in their own line."""
    offsets = []
    position = 0
    for piece, _, _ in chunk:
        offsets.append(position)
        position += len(piece)
    text = "".join(piece for piece, _, _ in chunk)
    for raw in scan_block(text, assume_ras=assume_ras):
        index = bisect_right(offsets, raw.start) - 1
        if start <= index < stop:
            _, line, column = chunk[index]
            begin = raw.start - offsets[index] + column
            yield Finding(raw.code, begin, begin + raw.end - raw.start, line, raw.evidence)
