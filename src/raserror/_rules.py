"""The scanner's rules as a table: one row per shape a code is written in.

Each row names the rule, the words that start it (their needles and pattern
derived from one list), the function that reads the shape and proposes
candidates, and a real example and counter-example quoted from the tests'
real texts. Whole-line rules, tried on lines near Remote Access context, are
rows of their own table. Rules only propose; ``_evidence.judge`` decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple
from unicodedata import east_asian_width

from raserror._code_tables import ARM_START, has_arms, read_code_table
from raserror._codes import RANGES
from raserror._evidence import Candidate, Shape
from raserror._lookup import CODE_BASES, by_symbol, from_int, parse_number
from raserror._message_owner import (
    BASE_PLUS,
    ERROR_NAME,
    ERROR_NAME_PATTERN,
    based_value,
    introduced_for,
    is_named,
    names_another_owner,
)
from raserror._page import LINE_LEAD, LONG_LINE, lines_starting
from raserror._quote_apart import is_a_quote
from raserror._scripts import returned_by_dialer, status_before
from raserror._switches import names_a_status_call, read_named_table, read_switch
from raserror._vocabulary import (
    BASE_OFFSETS,
    CJK_ERROR_WORDS,
    CJK_VERBS,
    COMPARISONS,
    ERROR_WORDS,
    PENDING_DEFINED,
    PLURAL_ERROR_WORDS,
    SYMBOL_NAME_CHARS,
    SYMBOL_PREFIXES,
    SYMBOLS,
    Vocabulary,
    ascii_same_length,
    places_of,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from raserror._codes import ErrorCode
    from raserror._page import Page

# -- Patterns the rules read with ---------------------------------------------------------

# A space as pages write it: a no-break space ("Error&nbsp;691", French "Erreur\u00a0:") too.
SPACES = (" ", "\t", "\u00a0", "\u202f")
_SPACE = "[" + "".join(SPACES) + "]"
_SPACE_OR_JOIN = "[" + "".join(SPACES) + "_-]"
_SPACE_OR_HYPHEN = "[" + "".join(SPACES) + "-]"
# Between the word and the number: "code", "is", "=", ":", "(", "#", a Russian "reason", "such
# as" (in Chinese 诸如, 例如, 比如), a comma before it. An underscore joins the word only to
# another ("error_code: 691"): "CODE_605" is a constant's name, not code 605.
_GLUE_WORD = (
    rf"(?i:code|number|no\.?|de error|d'erreur|причины|like"
    rf"|(?:[,，]{_SPACE}{{0,2}})?(?:such as|诸如|諸如|例如|比如))"
)
_GLUE_WORDS = (
    rf"(?:{_SPACE_OR_JOIN}{{0,3}}{_GLUE_WORD}{_SPACE}{{0,3}}|{_SPACE_OR_HYPHEN}{{0,3}})"
    rf"(?:(?i:is|of|was|ist|est|是|为|為|如|は|成了|变成了?|變成了?){_SPACE}{{0,3}})?"
    rf"(?:[:=#：]{_SPACE}{{0,3}})?"
)
# An opening mark before the number; Chinese and Japanese write full-width ones: （691）, 「691」.
_OPENING = rf"[(\[“\"'«（「『]?{_SPACE}?"
_GLUE = _GLUE_WORDS + _OPENING
# A number as written after an error word: decimal, 0x-hex, or an HRESULT's 8 hex digits.
# Not the start of a telephone number written with hyphens: "error code 800-273-8255"; nor the
# process id after the level in Spring Boot's log lines: "ERROR 809 --- [main] o.s.b...".
_NUMBER = (
    r"(-?[0-9]{1,10}|0[xX][0-9a-fA-F]{1,8}|8[0-9a-fA-F]{7})(?![0-9A-Za-z])(?![.,][0-9])"
    r"(?!-[0-9]{3}-[0-9]{4}(?![0-9]))(?![ \t]{1,4}---[ \t]{1,4}\[)"
)
# A Chinese or Japanese measure word or unit after a number makes it a count or a quantity:
# "789和 651 次重试" (retries) in a list, "エラー（720件）" (errors), "错误（800毫秒）" (ms).
# Incidents, households and cases are counted too ("故障 769 起", "769 户", "651 例").
_COUNTERS = (
    "行目|回目|件目|毫秒|小时|小時|分钟|分鐘|時間|次|元|个|個|秒|天|年|月|日|人|台|条|條|回|件|円|行"
    "|起|户|戶|例|宗|万|萬"
)
_NOT_COUNTED = rf"(?!{_SPACE}?(?:{_COUNTERS}))"
# After one number the counter must end its word: "エラー651回線" (the line), "错误691日志" (the
# log), "720条件" (conditions), "691例如" (for example) are codes; "エラー（720件）", "错误 691 次"
# are counts. A unit of money or time is one whatever follows: "651 元更换", "720 分钟后恢复".
_CJK_LETTER = "\u3040-\u30ff\u3400-\u9fff"
_UNITS = "毫秒|小时|小時|分钟|分鐘|元|円|万|萬"
_NOT_COUNTED_ALONE = rf"(?!{_SPACE}?(?:(?:{_UNITS})|(?:{_COUNTERS})(?![{_CJK_LETTER}])))"
# A number in parentheses before a module's name and a colon is a log's request or thread id:
# FreeRADIUS writes "ERROR: (852) eap_peap: ...".
_NOT_A_REQUEST = r"(?!\)[ \t]{1,4}[a-z][a-z0-9_]{1,30}:)"
# A unit after a number and a space makes it a quantity: "latency error 691 ms", "VPN error
# (800 ms)", "error (691 KB)", "(720 items)". Written as units are (MS-CHAP's "MS" is none) and
# ending there: an abbreviation before a mark that closes, the line's end or a word in lower case
# ("691 ms from ..."), a word only before a mark or the line's end ("error 868 hours after a
# reboot" is 868); not "KB 5009543" (an article), German "Fehler 809 s. Anhang" or "min. 5 mal".
_UNIT_ABBREVIATIONS = r"ms|msecs?|[KMGT]i?B|kB|kb|[KMG]bps|[kmg]bps|[KMG]bit/s|[kMG]?Hz|px|%"
_UNIT_WORDS = r"secs?|seconds?|mins?|minutes?|hours?|days?|bytes?|retries|items"
_UNIT_END = r"[ \t]{0,3}(?:[),;\]]|\r?\n|\Z)"
_NOT_MEASURED = (
    rf"(?![ \t]{{1,3}}(?:(?:{_UNIT_ABBREVIATIONS})(?:{_UNIT_END}|[ \t]{{1,3}}[a-z])"
    rf"|(?:{_UNIT_WORDS}){_UNIT_END}))"
)
AFTER_WORD = re.compile(_GLUE + _NUMBER + _NOT_COUNTED_ALONE + _NOT_MEASURED + _NOT_A_REQUEST)
# Three digits after a Chinese verb, then what ends a phrase or an error word, spaces before it
# or not: not "提示800毫秒" or "一直 800 毫秒" (a time), "一直700多" (a count), "800M" or "800 KB/s"
# (a speed), "800,000", "700.5ms"; nor "发生809的解决方案" (words of its own).
_PHRASE_END = "\r\n，。；：！？、)）"
VERB_NUMBER = re.compile(
    rf"[报報]?了?{_SPACE}?[:：]?{_SPACE}?[\"“「『]?([6-9][0-9]{{2}})(?![0-9])"
    rf"(?=[\"”」』]?{_SPACE}{{0,2}}(?:[{_PHRASE_END}]|[,.;:!?](?![0-9])|的?错|的?錯|问题|問題|\Z))"
)
# The six errors RFC 2759 lists for MS-CHAP's failure packet.
MS_CHAP_ERRORS = frozenset((646, 647, 648, 649, 691, 709))
_MS_CHAP_ERRORS = "|".join(map(str, sorted(MS_CHAP_ERRORS)))
# MS-CHAP's failure packet: the error, then whether the peer may retry ("E=700 R=1.5" is a
# formula's, "E=720 R=10" another field's).
MS_CHAP_FAILURE = re.compile(rf"E=({_MS_CHAP_ERRORS}) R=[01](?![0-9.])")
# pppd's log of that failure when the packet holds no message of its own: "MS-CHAP
# authentication failed: E=691 Authentication failure" (its packet's "R=" is not written).
PPPD_MS_CHAP_ERROR = re.compile(rf"({_MS_CHAP_ERRORS})(?![0-9])")
# The number an exit status is compared with, after the comparison: "691" quoted in batch too.
COMPARED_NUMBER = re.compile(r"=?[ \t]{0,3}[\"']?" + _NUMBER)
# The same, wrapped: the line ends between them, as text wrapped at a column writes it (a line
# that ends with "Error" or "codes such as", the next starting with "809"); not a table's next
# row, whose number stands a column's width before its words ("607     Disk is").
WRAPPED_AFTER_WORD = re.compile(
    _GLUE_WORDS + r"\r?\n[ \t]{0,8}(?:>[ \t]?){0,3}" + _OPENING + _NUMBER + r"(?![ \t]{2}|\t)"
)
# A line wrapped at a column is this wide at least: a heading ("### Error") is not wrapped.
WRAPPED_LINE_COLUMNS = 40
# Python's repr of an OSError, OSError(errno, strerror, None, winerror, ...): its first number
# is a C errno (None from ctypes.WinError), its fourth the Windows error (asyncio logs
# "exception=OSError(22, ...").
_QUOTED = r"(?:'(?:[^'\\\n]|\\.){0,500}'|\"(?:[^\"\\\n]|\\.){0,500}\")"
OS_ERROR_REPR = re.compile(
    rf"\((?:-?[0-9]{{1,10}}|None), {_QUOTED}, None, (-?[0-9]{{1,10}})(?=[,)])"
)
# The classes whose repr that is: OSError and its subclasses ("ConnectionResetError(10054, ...").
OS_ERROR_NAME = re.compile(
    r"(?<![A-Za-z])(?:OS|IO|Windows|Environment|Connection(?:Reset|Aborted|Refused)?|BrokenPipe"
    r"|FileNotFound|FileExists|Permission|Timeout|BlockingIO|Interrupted|IsADirectory"
    r"|NotADirectory|ChildProcess|ProcessLookup)Error\Z"
)
# Lists after the first number: "Errors 633, 676, 678", "error 741/742", "кодами 800, 809",
# "错误代码629、619", "651和691" (and), "691と800".
# "809, 691 and 812, 853, 858, and even 13801": a comma, a word, or both, and "even" or "also";
# an HRESULT among them ("Errors 13801 and 0x80092013").
# The words for "and" and "or" of the other languages people write their errors in ("Erreur 789
# ou 809", "Fehler 691 oder 718", "błąd 691 lub 619", "hata 691 ya da 720", "erro 691 e 678"), the
# one-letter ones in lower case: the number after one must end its phrase, since these words
# also join counts ("651 y 700 intentos", "809 e 800 volte").
_OTHER_AND_OR = (
    "(?i:oder|ou|ed|lub|albo|oraz|veya|ya da|ve|hoặc|và|atau|dan|eller|och|og|nebo|vagy|és|або|чи"
    "|та)|[oeyiі]"
)
# Where a phrase ends after a number: a mark, or its line's end.
_PHRASE_END = r"[ \t]*(?:[.,;:!?)\]」』）]|\r?\n|\Z)"
_ENDS_PHRASE = rf"(?={_SPACE}{{1,3}}[0-9]{{3,5}}{_PHRASE_END})"
MORE = re.compile(
    rf"(?:{_SPACE}*(?:,|/|;|、|和|或者|或|以及|及|と|または|や|또는|및)"
    rf"|{_SPACE}+(?i:and|und|et|или|и|or)(?![^\W\d_])"  # not a word that only begins so: "order"
    rf"|{_SPACE}+(?:{_OTHER_AND_OR})(?![^\W\d_]){_ENDS_PHRASE})"
    rf"(?:{_SPACE}{{1,3}}(?i:and|or))?"
    rf"(?:{_SPACE}{{1,3}}(?i:even|also))?{_SPACE}*(?:\r?\n[ \t]{{0,8}})?"
    r"([0-9]{3,5}|0[xX][0-9a-fA-F]{8})(?![0-9A-Za-z])" + _NOT_COUNTED
)
# Codes joined by commas alone after an error word ("错误代码，诸如629,619,691,651"): a list
# where each is a code, else one number written in thousands ("1,234", "700,000").
COMMA_LIST = re.compile(_GLUE + r"([0-9]{3,5}(?:,[0-9]{3,5}){1,15})(?![0-9A-Za-z])(?![.,][0-9])")
_DIGITS = re.compile(r"[0-9]+")
# A range after an error word ("Error 619 - 631:", "ERROR CODES 802 &#8211; 827"): both ends.
RANGE_END = re.compile(
    rf"{_SPACE}{{0,2}}(?:-|–|—|&#8211;|&ndash;){_SPACE}{{0,2}}([0-9]{{3,5}})(?![0-9A-Za-z])"
)
# A range runs up at most this far: "Error 691 - 2021" is no range.
RANGE_WIDTH = 100
# What follows a range's end: a mark, the line's end, or a heading's capitals ("827 ARE NEW").
RANGE_AFTER = re.compile(r"[ \t]*(?:[:.,;)\]\r\n]|\Z|[A-Z]{2})")
# A digit: every rule reads a number, so where none stands near, no rule reads one.
DIGIT = re.compile(r"[0-9]")
# The number an error word reads stands this close: at most this far after the word (past the
# longest glue, a sign, or the footer's "messages, then"), this far where a line break stands in
# the glue (a wrapped line's lead too), and, its last digit, this far before it (past a space
# and a Hungarian suffix: "798-as hiba").
NUMBER_REACH = 30
WRAPPED_NUMBER_REACH = 46
NUMBER_BEFORE_REACH = 5
# "629错误", "809 오류", "720 error": the number just before the word; in Hungarian with the
# suffix that makes it an adjective ("798-as hiba", "(798-es hiba)"), in Chinese with the
# particle that makes it the error's ("PC端报651的错误代码").
BEFORE_WORD = re.compile(rf"(?<![0-9A-Za-z.])([0-9]{{3,5}})(?:-[aeoö]s|的)?{_SPACE}?\Z")
# PowerShell's error record of the VpnClient cmdlets: "FullyQualifiedErrorId : VPN 623,Get-...".
ERROR_ID = re.compile(r"FullyQualifiedErrorId[ \t]{0,20}:[ \t]{0,4}(VPN|WIN32) ([0-9]{1,10}),")
# RasClient's sentence: the code "returned on failure is 809", "returned after failure is
# 13868", the reason for "returning after termination is 631", 失败后返回的错误代码为 809.
EVENT = re.compile(
    r"(?i:return(?:ed|ing))\b[^.]{0,40}?(?i:failure|termination)\sis\s{1,4}(-?[0-9]{1,10})(?![0-9])"
    r"|(?:返回的错误代码为|返されたエラー[ \t]?コードは)[ \t]{0,3}(-?[0-9]{1,10})(?![0-9])"
)
# A CoId= line in any language ends with its code after "is", "ist", "为", "は", ":".
COID_CODE = re.compile(
    r"(?:\bis|\bist|\best|为|為|は|[:：=])[ \t]{0,2}(-?[0-9]{1,10})[^0-9\n]{0,12}\Z"
)
# A match of COID_CODE ends where the search does, so it starts this close to that end: its word
# (3 characters at most), 2 spaces, a sign and 10 digits, 12 other characters.
COID_CODE_CHARS = 3 + 2 + 11 + 12
# The attempt's id at the start of a RasClient message, and how far before its code it stands.
COID_GUID = re.compile(r"CoI[dD]=\{([0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12})\}")
COID_REACH = 600
# rasdial's footer: "In help, click Troubleshooting, then Error Messages, then 691" (any language).
FOOTER_NUMBER = re.compile(r"(?<![0-9])([0-9]{3,5})[ \t.。\"'”」』»)]*\r?\Z")
FOOTER_EN = re.compile(r"(?i:error messages,)[ \t]{0,4}then[ \t]{1,4}([0-9]{1,10})(?!\w)")
# The error line of rasdial in any language: words, the code, " - ", the message.
LOCAL_ERROR_LINE = re.compile(
    r"[ \t]{0,8}[^0-9\r\n]{1,80}?[ \t\u3000]([0-9]{3})[ \t\u3000]{1,3}-[ \t\u3000]"
)
# The same, at the start of every line of a text.
RASDIAL_LINES = re.compile("(?m)^" + LOCAL_ERROR_LINE.pattern)
# A symbol's own number near it: "806 ERROR_VPN_GRE_BLOCKED", "ERROR_VPN_BAD_CERT ... 810u32".
LITERAL = re.compile(r"(?<![\w.])([0-9]{3,5})(?:u32|i32|UL|L|[uU])?(?![\w.])")
# An HRESULT's symbol's value: eight hex digits ("_HRESULT_TYPEDEF_(0x800B0101L)"), or ten
# decimal digits, signed or not, as bindings print it ("EAP_E_USER_CERT_EXPIRED: u32 =
# 2151809282u32").
HRESULT_LITERAL = re.compile(
    r"(?<![\w.])(0[xX][0-9a-fA-F]{8}|-?[0-9]{10})(?:_?(?:u32|i32)|UL|L|u)?(?![\w.])"
)
# A smaller code's value in hex beside its symbol, as Microsoft's table of Win32 errors
# (MS-ERREF) and the bindings made from it write it: "0x000035EB ERROR_IPSEC_IKE_NEGOTIATION_PENDING".
HEX_LITERAL = re.compile(r"(?<![\w.])(0[xX][0-9a-fA-F]{3,8})(?:UL|L|u)?(?![\w.])")
# Another error's name, as symbols are written, that a value may be: between a symbol and the
# value, or set to it ("EAP_E_USER_FIRST = 0x80420100L  // = EAP_E_USER_CERT_NOT_FOUND"); or
# a header's base ("#define RASBASE 600", "const int RASBASE = 600;" is no PENDING). Not a type's
# name ("ERROR_X: WIN32_ERROR = 691u32"), nor a base's beside an offset ("RAS_ERROR_BASE + 91").
_NAMED = rf"{ERROR_NAME_PATTERN}|(?<![\w])(?i:{'|'.join(CODE_BASES)})(?![\w])"
_SET_TO = re.compile(
    rf"(?:({_NAMED})[ \t]*(?::[ \t]*\w{{1,12}}[ \t]*)?=|#define[ \t]+({_NAMED}))[ \t]*\Z"
)
_SET_TO_REACH = 80
# How far a symbol's number may stand from it: in characters, and in lines (Microsoft's list
# of system error codes, flattened to text, puts two lines of "-" between them).
SYMBOL_GAP = 60
SYMBOL_LINES = 3
# "600" alone on its line, its message on the next (Microsoft's code lists).
BARE_LINE = LINE_LEAD + r"([0-9]{3,5})[ \t]*\r?$"


# "813 You have attempted to establish a second broadband connection...": the number, then
# its message. The mark's spaces are inside the optional group: no two runs of spaces compete.
# A table row ("| 628 | The port was disconnected. |") and an en or em dash lead it too.
def _led_by(number: str) -> str:
    """A line's start, ``number`` (group 1), a mark or spaces, then a word."""
    return LINE_LEAD + rf"(?:\|[ \t]*)?({number})(?:[ \t]*[:.\-–—|])?[ \t]+(?=[^\W\d_])"


LEADING_NUMBER = _led_by("[0-9]{3,5}")
# Either, at the start of any line: one search finds every listed line of a text.
LISTED_LINES = re.compile(f"(?m)^(?:{BARE_LINE}|{LEADING_NUMBER})")
# The same after a line break: the engine skips to each break in C, not trying every character.
_LISTED_AFTER_BREAK = re.compile(f"(?m)\n(?:{BARE_LINE}|{LEADING_NUMBER})")
# A line led by a number that may be a code, then words: one pass fails at most lines' first
# character, where the listed lines' pattern would try each of its ways (read apart from context).
_CODE_LEAD = _led_by("[6-9][0-9]{2}|13[0-9]{3}")
_CODE_LED_LINE = re.compile(_CODE_LEAD)
_CODE_LED_AFTER_BREAK = re.compile("\n" + _CODE_LEAD)
# Longer than any message: how far a line's words are read as its number's message.
_LEADING_MESSAGE_REACH = 600
# A table's first cell, headed "Error Code": a number, or a few ("734, 732", "720/619").
TABLE_NUMBERS = re.compile(r"[0-9]{3,5}(?:[ \t]{0,3}(?:,|/|&|and|or)[ \t]{0,3}[0-9]{3,5})*")
TABLE_NUMBER = re.compile(r"[0-9]{3,5}")
# A letter of any script: a cell that holds one is words.
_LETTER = re.compile(r"[^\W\d_]")
# A table is read this many rows, and this many characters, under its header (scan_lines
# reads back this far across the end of a chunk, so that it finds what find_codes finds).
TABLE_ROWS = 40
TABLE_CHARS = 16_000
# The number a quoted message describes: just before it on its line ("619: The port was
# disconnected.", "633 (`the specified port is already open`)", an HRESULT's "0x80090349:", a
# constant's "= 0x80090349  # The certificate ...", a Win32 error's "0x00000532:"; not a handle's
# or an address's hex),
# or alone on the line above it, as lists and tables show one and its words.
# Not a time's milliseconds ("10:22:33.691"), nor any number after digits and a mark.
NUMBER_BEFORE = re.compile(
    r"(?<![0-9][.:,])((?<![0-9])[0-9]{3,5}"
    r"|(?<![0-9A-Za-z])0[xX](?:[89A-Fa-f][0-9A-Fa-f]{7}|(0000)[0-9A-Fa-f]{4}))"
    r"[ \t]{0,8}[:.)\]|\-–—#]?[ \t]{0,8}[(\[]?[`\"'“«]?\Z"
)
_LEAD = re.compile(LINE_LEAD)
# Before a number, a word that makes it a place in a file, not an error: "Line 1024:", "row 12".
_PLACE_WORDS = r"row|col(?:umn)?|offset|pos(?:ition)?"
_POSITION_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?i:line|ln|{_PLACE_WORDS}|page)[ \t]{{0,3}}#?[ \t]{{0,3}}\Z"
)
# The same before a number that comes before its error word, but not "line": a phone's or a
# command's line names no place ("phone line 678 error", "command line 691 error").
_PLACE_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?i:{_PLACE_WORDS}|sat[ıi]r)[ \t]{{0,3}}#?[ \t]{{0,3}}\Z"
)
# The Chinese verbs that report an error, before a number made the error's by 的: "PC端报651的错误".
_REPORTED_BEFORE = re.compile("(?:报|報|提示|出现|出現|显示|顯示|弹出|彈出|遇到)\\Z")
# Before a number, the name of an event's identifier: "Event ID 644 error", "EventID 861 error".
_EVENT_ID_BEFORE = re.compile(r"(?<![A-Za-z])(?i:event(?:[ _]?id)?)[ \t]{0,2}[:#]?[ \t]{0,2}\Z")
_EVENT_ID_REACH = 14  # "Event ID", a mark and the spaces around it, and the letter before
_POSITION_REACH = 16  # "position", a mark and the spaces around it, and the letter before
# A number alone on its line, or with its hex after it as Microsoft's list writes both: "1330
# (0x532)".
NUMBER_ALONE = re.compile(
    r"[ \t]{0,8}(?:>[ \t]*){0,8}[ \t|]{0,8}([0-9]{3,5})([ \t]{1,4}\(0x[0-9A-Fa-f]{1,8}\))?"
    r"[ \t|]{0,8}\r?"
)
# Lines a message's number may stand over with nothing said: blank, or markup alone, as
# Microsoft's list renders ("1330 (0x532)", "</dt> <dt>", blank lines, then the message).
_NOTHING_SAID = re.compile(r"[ \t]{0,40}(?:</?[A-Za-z][^<>\n]{0,80}>[ \t]{0,8}){0,8}\r?")
_LINES_OVER = 6
# The net command's line over the message of the Windows error it failed with: "System error
# 1330 has occurred." (then a blank line, then 1330's message, 648's words), as Windows writes it
# in English, German, French, Spanish and Russian.
NET_ERROR_LINE = re.compile(
    r"[ \t]{0,8}(?:>[ \t]*){0,8}"
    r"(?:System error|Systemfehler|Erreur système|Error de sistema|Системная ошибка)"
    r" ([0-9]{1,5})(?: has occurred| aufgetreten)?\.?[ \t]*\r?"
)
# Before "code", a word that makes it no error's: a telephone's "area code 630" (dial-up pages list
# their numbers so), "country code", "zip code", "promo code", "source code". Not a word a dial
# is told in ("dialing code 691" may be a translation of 拨号代码).
_OTHER_CODE_BEFORE = re.compile(
    r"(?<![A-Za-z])(?i:area|country|zip|postal|city|promo|coupon"
    r"|pin|sms|verification|activation|confirmation|product|source|referral)[ \t]{1,2}\Z"
)
# Looked back over: its longest word ("verification"), two spaces, and the letter before.
_OTHER_CODE_REACH = 15
# A 0x value after "ptr=" or "flags:" is a field of something else, not an error code.
FIELD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z_]{2,20})[ \t]*[=:][ \t]*\Z")
ERROR_FIELD = re.compile(r"(?i)(?:.*error|.*code|hr|hresult|result|status|scode|failed|failure)")
# An event's data stands this far at most from its source's name in the same record.
RECORD_LINES = 30
RECORD_CHARS = 4000
# The longest event data element: <Binary>, 8 to 4104 hex digits, </Binary>.
_DATA_CHARS = 4200


# parse_number reads up to this many decimal digits as a number: no code has more.
_PLAIN_DIGITS = 20


def number_at(
    page: Page, start: int, end: int, shape: Shape, *, footer: bool = False
) -> Candidate | None:
    """The candidate the number written at ``start:end`` makes, if it names a code."""
    written = page.text[start:end]
    # Plain decimal digits, as most codes are written, are what parse_number reads them as.
    if written.isdigit() and written.isascii() and len(written) <= _PLAIN_DIGITS:
        code = from_int(int(written))
    else:
        number = parse_number(written)
        code = None if number is None else from_int(number)
    return None if code is None else Candidate(start, end, code, shape, footer)


def describes_another(page: Page, at: int, code: ErrorCode) -> bool:
    """Whether words at ``at`` describe a number that is not ``code``'s: they name no code there.

    A quoted message describes the number just before it on its line, or the
    number alone on the line above it, whether or not that number is a code:
    ``Error 800:`` before 809's message, ``530 not permitted to logon at this
    time`` (an LDAP error's, not 923's), ``error 1331: The account is
    disabled.`` (Windows' own, not 647's); not a number that says where in a
    file (``Line 1024:``). With no number there, they describe the error whose
    name stands over them, or that a doc comment they are in documents: see
    ``names_another_owner``.
    """
    text = page.text
    line_start = page.line_bounds(at)[0]
    number = NUMBER_BEFORE.search(text, max(line_start, at - 24), at)
    # Only spaces or a reply's marks before it on its line, read without copying the line.
    alone = number is None and line_start and _LEAD.fullmatch(text, line_start, at)
    if alone:
        number = _number_over(page, line_start)
    if number is None:
        if names_another_owner(page, at, code):
            return True
        spoken_of = introduced_for(page, at)
        return spoken_of is not None and spoken_of is not code
    value = parse_number(number.group(1))
    named = None if value is None else from_int(value)
    if named is not None:
        return named is not code
    if number.re is NUMBER_BEFORE and number.group(2) is not None:
        # A Win32 error in eight hex digits ("0x00000532:"), not a handle's or a thread's.
        return value is not None and _windows_says(text, at, value)
    before = max(line_start, number.start(1) - 24)
    return bool(alone) or _POSITION_BEFORE.search(text, before, number.start(1)) is None


def _number_over(page: Page, line_start: int) -> re.Match[str] | None:
    """The number alone on the line over the line at ``line_start``, or net's error line's.

    Or further up, only blank or markup lines between, where it is a code, its hex stands
    beside it as in Microsoft's list ("1330 (0x532)"), or the words under it are its Windows
    message: a year or a count over a blank line ("2019", a post's votes) heads nothing.
    """
    at = line_start
    for lines in range(_LINES_OVER):
        start, end = page.line_bounds(line_start - 1)
        net = NET_ERROR_LINE.fullmatch(page.text, start, end)
        if net is not None:
            return net
        number = NUMBER_ALONE.fullmatch(page.text, start, end)
        if number is not None:
            value = int(number.group(1))
            if (
                lines
                and number.group(2) is None
                and from_int(value) is None
                and not _windows_says(page.text, at, value)
            ):
                return None
            return number
        if not start or not _NOTHING_SAID.fullmatch(page.text, start, end):
            return None
        line_start = start
    return None


# How many of a Windows message's first words must stand at a quote for it to be that message,
# and how far they are read.
_WINDOWS_WORDS = 4
_WINDOWS_WORDS_CHARS = 200


def _windows_says(text: str, at: int, value: int) -> bool:
    """Whether the words at ``at`` begin the Windows message of the error numbered ``value``."""
    from raserror._messages import text_words
    from raserror._win32 import win32_error  # the Windows table, read only where asked

    windows = win32_error(value)
    if windows is None:
        return False
    said = text_words(windows.message, 0, len(windows.message))[:_WINDOWS_WORDS]
    written = text_words(text, at, min(len(text), at + _WINDOWS_WORDS_CHARS))[:_WINDOWS_WORDS]
    return said == written


def _some(*candidates: Candidate | None) -> Iterator[Candidate]:
    return (candidate for candidate in candidates if candidate is not None)


# -- Rules started by a word --------------------------------------------------------------


def after_word(page: Page, end: int, *, plural: bool = False) -> list[Candidate]:
    """The number after an error word, and any list that follows it.

    After a plural ("Errors 633, 676", "кодами 800, 809") only a list counts:
    "errors: 720" is a count of errors.
    """
    text = page.text
    match = _number_after(text, end)
    if match is None:
        return [] if plural else _comma_list(page, end)  # "errors 651,853": a count, in thousands
    if _signed(text, match.start(1)):
        return []
    spans = [match.span(1)]
    last = RANGE_END.match(text, match.end())
    if last is not None and _is_range(match.group(1), last.group(1), text, last.end()):
        spans.append(last.span(1))  # "Error 619 - 631:": both ends, and a list may go on
    more = MORE.match(text, spans[-1][1])
    if more is None and len(spans) == 1:  # one number, the common case: no list to gather
        if plural:
            return []
        candidate = number_at(page, *match.span(1), Shape.ERROR_WORD)
        if candidate is not None and match.re is WRAPPED_AFTER_WORD:
            candidate.wrapped_from = end
        return [] if candidate is None else [candidate]
    while more is not None:
        spans.append(more.span(1))
        more = MORE.match(text, more.end())
    if _below_codes(text[slice(*spans[0])]):
        return []  # a list that starts below every code is another system's: "错误码 400、...、601"
    return _listed(list(_some(*(number_at(page, *span, Shape.ERROR_WORD) for span in spans))))


def _listed(candidates: list[Candidate]) -> list[Candidate]:
    """``candidates``, each told the codes of the list they were written in."""
    codes = frozenset(candidate.code for candidate in candidates)
    for candidate in candidates:
        candidate.listed_with = codes
    return candidates


# The lowest Remote Access code: a list led by a smaller number (HTTP's 400, Win32's 5) is not
# theirs; one led by a Windows error RasDial returns ("errors 1460, 809") may be.
_LOWEST_CODE = min(low for low, _ in RANGES)


def _below_codes(written: str) -> bool:
    """Whether the number ``written`` is below every Remote Access code."""
    number = parse_number(written)
    return number is not None and 0 <= number < _LOWEST_CODE


def _comma_list(page: Page, end: int) -> list[Candidate]:
    """The codes joined by commas alone after the error word ending at ``end``, all or none."""
    match = COMMA_LIST.match(page.text, end)
    if match is None:
        return []
    first = match.start(1)
    listed = [
        number_at(page, first + number.start(), first + number.end(), Shape.COMMA_JOINED)
        for number in _DIGITS.finditer(match.group(1))
    ]
    kept = [candidate for candidate in listed if candidate is not None]
    if len(kept) < len(listed):
        return []  # one of them names no code: a number in thousands, or a list of something else
    return _listed(kept)


def _number_after(text: str, end: int) -> re.Match[str] | None:
    """The number after an error word that ends at ``end``, as group 1 of the match."""
    if text[end : end + 1] == "(" and OS_ERROR_NAME.search(text, max(0, end - 24), end):
        windows = OS_ERROR_REPR.match(text, end)
        if windows is not None:
            return windows
    found = AFTER_WORD.match(text, end)
    if found is None:
        wrapped = WRAPPED_AFTER_WORD.match(text, end)
        if wrapped is not None and _wrapped_line(text, end):
            return wrapped
    return found


def _wrapped_line(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is as wide as a line wrapped at a column.

    A character of the wide East Asian scripts takes two columns, as a mail
    client counts it; only the last ``WRAPPED_LINE_COLUMNS`` characters are read.
    """
    low = max(0, end - WRAPPED_LINE_COLUMNS)
    newline = text.rfind("\n", low, end)
    if newline < 0 and low > 0:
        return True
    columns = sum(2 if east_asian_width(char) in "WF" else 1 for char in text[newline + 1 : end])
    return columns >= WRAPPED_LINE_COLUMNS


def _signed(text: str, at: int) -> bool:
    """Whether a minus sign stands against the number at ``at``, after a space: "Error Code -740".

    Not a hyphen that joins the word to it ("Error-691", "vpn-error-691").
    """
    return text[at - 1 : at] == "-" and text[at - 2 : at - 1] in (*SPACES, ":", "=")


def _is_range(first: str, last: str, text: str, after: int) -> bool:
    """Whether ``first - last`` reads as a range of codes, ``text[after:]`` following it.

    Both decimal, rising, not far apart, and the range ends its phrase: a mark, the
    line's end or a heading's capitals follow (``691 - 700 users`` counts users).
    """
    return (
        first.isdigit()
        and int(first) < int(last) <= int(first) + RANGE_WIDTH
        and RANGE_AFTER.match(text, after) is not None
    )


class WrittenNumber(NamedTuple):
    """A number as a text writes it, whatever it names: ``text[start:end]`` is ``value``."""

    value: int
    start: int
    end: int
    # The text says it is a Windows error: the VpnClient cmdlets' "WIN32 87".
    windows: bool = False
    # An exit status is compared with it: "%errorlevel% == 691".
    compared: bool = False


def number_after_error_word(page: Page, anchor: re.Match[str]) -> WrittenNumber | None:
    """The number after the error word at ``anchor``, whatever it names.

    None after a plural: "errors: 720", "system-error-codes--500-999" are a count, a page's name.
    """
    if anchor.group().lower() in PLURAL_ERROR_WORDS:
        return None
    return number_after_word(page, anchor.end())


def number_after_word(page: Page, end: int) -> WrittenNumber | None:
    """The number after an error word that ends at ``end``, whatever it names."""
    match = _number_after(page.text, end)
    if match is None:
        return None
    number = parse_number(match.group(1))
    if number is None:
        return None
    start, end = match.span(1)
    if _signed(page.text, start):
        return WrittenNumber(-number, start - 1, end)  # the sign is part of it as written
    return WrittenNumber(number, start, end)


def event_number(page: Page, anchor: re.Match[str]) -> WrittenNumber | None:
    """The code of a RasClient sentence starting at ``anchor``, whatever it names."""
    match = EVENT.match(page.text, anchor.start())
    if match is None:
        return None
    group = 1 if match.group(1) is not None else 2
    number = parse_number(match.group(group))
    return None if number is None else WrittenNumber(number, *match.span(group))


def before_word(page: Page, start: int) -> list[Candidate]:
    match = BEFORE_WORD.search(page.text, max(0, start - 8), start)
    if match is None:
        return []
    if _EVENT_ID_BEFORE.search(page.text, max(0, match.start() - _EVENT_ID_REACH), match.start()):
        return []  # "Event ID 644 error": the event's number, the error its own
    if _PLACE_BEFORE.search(page.text, max(0, match.start() - _POSITION_REACH), match.start()):
        return []  # "Satır 644 hatası", "row 12 error": where the error stands, not its code
    if "的" in match.group() and not _REPORTED_BEFORE.search(
        page.text, max(0, match.start() - 2), match.start()
    ):
        return []  # "大于600的错误码", "端口800的错误": errors above 600, of a port; not "报651的错误"
    candidate = number_at(page, *match.span(1), Shape.ERROR_WORD)
    return [] if candidate is None else [candidate]


def _digit_past_break(text: str, end: int) -> bool:
    """Whether a line break follows the word ending at ``end``, a digit within reach past it."""
    newline = text.find("\n", end, end + NUMBER_REACH)
    return newline >= 0 and DIGIT.search(text, newline, end + WRAPPED_NUMBER_REACH) is not None


def _names_another_thing(text: str, at: int, end: int) -> bool:
    """Whether the error word at ``at:end`` is part of a name that is no error's word."""
    if text[at:end] in ("Error", "Err") and text[at - 1 : at].isalpha():
        # An enum's "OpenVpnAdaptersInUseError = 700": a program names its own error.
        return bool(_ERROR_NAME_DEFINED.match(text, end)) and _defines_error_name(text, at)
    # "area code 630", "'area code' 800": a telephone's, not an error's.
    return (
        text[at : at + 1] in "cC"
        and _OTHER_CODE_BEFORE.search(text, max(0, at - _OTHER_CODE_REACH), at) is not None
    )


# A name in capitals joined by underscores that runs into an error word: "RX_READ_EQCODE".
_IN_CAPITALS_NAME = re.compile(r"_[A-Z0-9]{0,40}\Z")
_IN_CAPITALS_REACH = 42
# The words of ERROR_WORDS that a count before them takes unchanged: Turkish, Danish and
# Bosnian, Croatian and Serbian say "809 errors" so ("651 hatası", "the error 651", is read).
_COUNTED_WORD = re.compile(r"(?i:hata|fejl|(?:po)?gre[šs]k[aeiu])\Z")
_COUNTED_INITIALS = frozenset("hHfFgGpP")
# The words of ERROR_WORDS that name a code and no error: "AVP Code: 701" is a protocol's; but
# "Hata kodu 651", "Ошибка с кодом 651", "Error (code 651)" are an error's code.
_ERROR_BEFORE_CODE = re.compile(
    rf"(?:{ERROR_WORDS.pattern})[\W_]{{0,3}}(?:\w{{1,2}}[ \t]{{1,2}})?\Z"
)
_ERROR_BEFORE_CODE_REACH = 32
_CODE_WORD = re.compile(r"(?i:codes?|c[óo]digo|код(?:[аеуы]|ом|ами)?|kod(?:u|em)?|kód)\Z")
_CODE_INITIALS = frozenset("cCkKкК")


def read_latin(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """``Error 691:``, ``(Error 800)``, ``ErrorCode = 691``, ``Fehler 798``, ``Код 800:``.

    Also the footer of English rasdial: ``..., then Error Messages, then 691``.
    """
    text, at, end = page.text, anchor.start(), anchor.end()
    if (
        DIGIT.search(text, max(0, at - NUMBER_BEFORE_REACH), end + NUMBER_REACH) is None
        and text[end : end + 1] != "("  # an OSError's repr reads on further
        and not _digit_past_break(text, end)
    ):
        return []  # no number where one could be read: the cheap way out for text full of words
    previous, word = text[at - 1 : at], anchor.group()
    if previous == "_":
        return []  # inside a name: "RAS_ERROR"
    if previous.isalnum() and (
        (previous.isalpha() and not word[0].isupper())  # inside a word: "terror"
        or (
            not previous.islower()
            and word.isupper()
            and _IN_CAPITALS_NAME.search(text, max(0, at - _IN_CAPITALS_REACH), at) is not None
        )  # inside a register's name: "RX_READ_EQCODE", "VCR_TS0ERR"; not "VPNERROR 691"
    ):
        return []  # CamelCase "NativeErrorCode" stays
    if _names_another_thing(text, at, end):
        return []
    footer = FOOTER_EN.match(text, at)
    if footer is not None:
        return list(_some(number_at(page, *footer.span(1), Shape.RAS_SHAPE, footer=True)))
    if word.lower() in PLURAL_ERROR_WORDS:
        found = after_word(page, end, plural=True)  # "852 errors" is a count of errors
    else:
        found = after_word(page, end)
        # "720 error"; a table cut into text glues "900Error"; not where a count takes the word
        # as it is ("809 hata", "720 fejl", "652 greške": so many errors).
        if previous in SPACES and not (word[0] in _COUNTED_INITIALS and _COUNTED_WORD.match(word)):
            found += before_word(page, at)
    code_alone = (
        found
        and word[0] in _CODE_INITIALS
        and _CODE_WORD.match(word)
        and not _ERROR_BEFORE_CODE.search(text, max(0, at - _ERROR_BEFORE_CODE_REACH), at)
    )
    return _mark_program_numbers(text, found, every=bool(code_alone))


# A call's opening parenthesis before a number, and another argument after it.
_CALL_BEFORE = re.compile(r"\([ \t]*\Z")
_MORE_ARGUMENTS = re.compile(r"[ \t]*,[ \t]*[A-Za-z_\"'$@]")


def _mark_program_numbers(text: str, found: list[Candidate], *, every: bool) -> list[Candidate]:
    """``found``, each marked a program's own number where it is one (``every``: all are).

    A number passed first to an error call with more arguments is that program's own error:
    "Report.Error (720, m.Location, ...)".
    """
    for candidate in found:
        if every or (
            _CALL_BEFORE.search(text, max(0, candidate.start - 4), candidate.start)
            and _MORE_ARGUMENTS.match(text, candidate.end)
        ):
            candidate.program_number = True
    return found


# What a measure is named by just before the verb: "测速一直700，" (a speed), "延迟一直800，" (a
# latency), "内存占用一直 650，" (memory): the number is its value.
_MEASURE_BEFORE = re.compile(
    "(?:测速|速度|网速|網速|延迟|延時|延遲|ping|内存|記憶體|占用|佔用|流量|带宽|頻寬|下载|下載|上传|上傳|温度|溫度|分数|价格|價格)"
)
_MEASURE_REACH = 6


# The number a PPP control protocol reported, as Windows' dial-up dialogs name it.
_CP_REPORTED_NUMBER = re.compile(r"[ \t]{1,3}([0-9]{1,5})(?!\w|[.,][0-9])")


def read_cp_report(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """``TCP/IP CP reported error 733:``, whatever message follows it.

    Windows 2000 wrote 732's words after it ("... could not agree on PPP
    control protocols"): the number is the code, not the words beside it.
    """
    number = _CP_REPORTED_NUMBER.match(page.text, anchor.end())
    if number is None:
        return []
    return list(_some(number_at(page, *number.span(1), Shape.RAS_SHAPE)))


def read_verb(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """``我一直809``, ``无限691 问题``, ``一直报809错误``: a code after a Chinese verb."""
    match = VERB_NUMBER.match(page.text, anchor.end())
    if match is None:
        return []
    at = anchor.start()
    if _MEASURE_BEFORE.search(page.text, max(0, at - _MEASURE_REACH), at) is not None:
        return []
    return list(_some(number_at(page, *match.span(1), Shape.AFTER_VERB)))


def read_cjk(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """``Windows 错误 809``, ``629错误``, ``エラー: 0x800b0109``, ``809 오류``."""
    found = after_word(page, anchor.end()) + before_word(page, anchor.start())
    return _mark_program_numbers(page.text, found, every=False)


def read_event(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """RasClient's failure and termination sentence, in English, Chinese or Japanese."""
    number = event_number(page, anchor)
    candidate = (
        None if number is None else number_at(page, number.start, number.end, Shape.RAS_SHAPE)
    )
    if candidate is not None:
        candidate.attempt = attempt_before(page, anchor.start())
        yield candidate


def attempt_before(page: Page, at: int) -> str | None:
    """The CoId a RasClient sentence at ``at`` begins with, on its line or the lines before."""
    start = page.around(at, 2, COID_REACH)[0]
    last = None
    for last in COID_GUID.finditer(page.text, start, at):  # noqa: B007 - the last one is wanted
        pass
    return None if last is None else last.group(1).upper()


def read_error_id(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """PowerShell's error record of the VpnClient cmdlets: ``FullyQualifiedErrorId : VPN 623,``.

    The module writes a Remote Access failure as ``VPN`` and its code, a
    Windows error as ``WIN32`` and its number (``WIN32 87``), which is none.
    """
    match = ERROR_ID.match(page.text, anchor.start())
    if match is None or match.group(1) != "VPN":
        return []
    return list(_some(number_at(page, *match.span(2), Shape.RAS_SHAPE)))


def error_id_number(page: Page, anchor: re.Match[str]) -> WrittenNumber | None:
    """The number of a VpnClient cmdlet's error id at ``anchor``, whatever it names."""
    match = ERROR_ID.match(page.text, anchor.start())
    if match is None:
        return None
    number = parse_number(match.group(2))
    if number is None:
        return None
    return WrittenNumber(number, *match.span(2), windows=match.group(1) == "WIN32")


def read_exit_status(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """``%errorlevel% == 691``, ``if !LAST_ERROR! equ 691``, ``$LASTEXITCODE -eq 691``, ``dwErr==667``.

    Only a status a dialer returned: rasdial ran last, or the variable was set from RasDial.
    """
    status = status_before(page, anchor.start())
    number = None if status is None else _compared_with(page, anchor)
    # A number that names no code ("== 0") is not worth the walk up to the command before it.
    candidate = (
        None if number is None else number_at(page, number.start, number.end, Shape.EXIT_STATUS)
    )
    if status is None or candidate is None or not returned_by_dialer(page, status):
        return []
    return [candidate]


def compared_number(page: Page, anchor: re.Match[str]) -> WrittenNumber | None:
    """The number an exit status is compared with at ``anchor``, whatever it names."""
    if status_before(page, anchor.start()) is None:
        return None  # "if (action == 691)": no exit status is compared
    return _compared_with(page, anchor)


def _compared_with(page: Page, anchor: re.Match[str]) -> WrittenNumber | None:
    """The number after the comparison operator at ``anchor``."""
    match = COMPARED_NUMBER.match(page.text, anchor.end())
    if match is None:
        return None
    number = parse_number(match.group(1))
    return None if number is None else WrittenNumber(number, *match.span(1), compared=True)


def names_a_dialer(page: Page) -> bool:
    """Whether rasdial, rasphone, win32ras or a RAS API is named anywhere on ``page``."""
    return page.has_dialer(0, len(page.text))


def has_context_beyond_names(page: Page) -> bool:
    """Whether ``page`` speaks of Remote Access anywhere, not only by a name such as RasManager.

    A table's own name ("RasErrors") is such a name, and so are other programs'
    (rasdaman's RasManager and RasServer, which number their errors 700-805).
    """
    text = page.text
    return page.context_everywhere or any(
        not text.startswith(_NAME_CONTEXT, at) for at in page.context
    )


# Names that are context as words are: "RasDial", "MprAdminPortEnum".
_NAME_CONTEXT = ("Ras", "Mpr")


def read_ms_chap_failure(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """MS-CHAP's failure packet, ``E=691 R=0 V=3``: its error is a Remote Access code.

    RFC 2433 and RFC 2759 write the failure as ``E=`` the Windows error (646-649,
    691 or 709), then ``R=`` whether a retry is allowed; a PPP peer of any system
    sends the same.
    """
    number = MS_CHAP_FAILURE.match(page.text, anchor.start())
    if number is None:
        return []
    return list(_some(number_at(page, *number.span(1), Shape.RAS_SHAPE)))


def read_pppd_ms_chap_failure(page: Page, anchor: re.Match[str]) -> list[Candidate]:
    """The MS-CHAP failure as pppd logs it: ``MS-CHAP authentication failed: E=691 ...``."""
    number = PPPD_MS_CHAP_ERROR.match(page.text, anchor.end())
    if number is None:
        return []
    return list(_some(number_at(page, *number.span(1), Shape.RAS_SHAPE)))


def read_coid(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """RasClient in any language: a ``CoId=`` line ends with its code after "is"."""
    if not page.first_time("coid", anchor.start()):
        return
    match = coid_code(page.text, anchor.end(), page.line_bounds(anchor.start())[1])
    if match is not None:
        candidate = number_at(page, *match.span(1), Shape.RAS_SHAPE)
        if candidate is not None:
            candidate.attempt = attempt_before(page, match.start(1))
            yield candidate


def coid_code(text: str, start: int, end: int) -> re.Match[str] | None:
    """COID_CODE's match in ``text[start:end]``, looked for only where one can start."""
    return COID_CODE.search(text, max(start, end - COID_CODE_CHARS), end)


def read_footer(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """Rasdial's help footer, any language; reported at its error line if there is one."""
    if not page.first_time("footer", anchor.start()):
        return
    text = page.text
    line_start, position = page.line_bounds(anchor.start())
    for _ in range(2):  # the footer's last line follows "hh netcfg.chm" within two lines
        if position >= len(text):
            return
        start, end = page.line_bounds(position + 1)
        number = FOOTER_NUMBER.search(text, start, end)
        if number is not None:
            yield from _some(_footer_points_back(page, number, line_start))
            return
        position = end


def _footer_points_back(page: Page, number: re.Match[str], footer_start: int) -> Candidate | None:
    text, start = page.text, footer_start
    for _ in range(8):  # rasdial's error line stands at most a few lines above
        if start == 0:
            break
        start = text.rfind("\n", 0, start - 1) + 1
        error_line = LOCAL_ERROR_LINE.match(text, start)
        if error_line is not None and error_line.group(1) == number.group(1):
            return number_at(page, *error_line.span(1), Shape.RAS_SHAPE)
    return number_at(page, *number.span(1), Shape.RAS_SHAPE, footer=True)


def read_hresult(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """An HRESULT: ``0x800B0109``, ``-2146762495``; not ``ptr=0x8007...``."""
    yield from _some(_hresult(page, anchor.start(), anchor.end()))


def read_bracketed(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """An HRESULT's 8 hex digits in brackets, as dialogs show it: ``(8007026f)``."""
    yield from _some(_hresult(page, anchor.start() + 1, anchor.end() - 1))


# How far above its number a list's entry may name its symbol: a page's markup ("<span
# id=...></span><span id=...>**...**") makes the symbol's line long.
_LIST_ENTRY_CHARS = 600
# Before the hex on its line: the number alone, after a reply's marks ("13868 (0x362C)").
_DECIMAL_BEFORE_HEX = re.compile(r"[ \t]{0,8}(?:>[ \t]*){0,8}[ \t]{0,8}([0-9]{3,5})[ \t]?\Z")
_NOTHING_MORE = re.compile(r"[ \t\r]*\Z")
# The head of a list's entry: the error's symbol, as written or in a page's anchor id.
_ENTRY_SYMBOL = re.compile(r"ERROR_[A-Z0-9_]{3,}")


def read_decimal_and_hex(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """A line of Microsoft's lists of system errors: the number, then its hex, ``13868 (0x362C)``.

    The list gives each error so on a line of its own under its symbol: the
    number needs evidence from around it as after an error word. Under a
    Windows error's symbol, the entry is that error's.
    """
    text = page.text
    line_start, line_end = page.line_bounds(anchor.start())
    # Both bounded: the number must start the line, and nothing may follow the hex.
    decimal = _DECIMAL_BEFORE_HEX.match(text, line_start, anchor.start())
    if decimal is None or _NOTHING_MORE.match(text, anchor.end(), line_end) is None:
        return
    if int(decimal.group(1)) != int(anchor.group()[1:-1], 16):  # int() reads the "0x"
        return
    candidate = number_at(page, *decimal.span(1), Shape.ERROR_WORD)
    if candidate is None:
        return
    above = page.around(line_start, SYMBOL_LINES, _LIST_ENTRY_CHARS)[0]
    symbols = set(_ENTRY_SYMBOL.findall(text, above, line_start))
    if symbols and candidate.code.win32_symbol not in symbols:
        yield candidate


def _hresult(page: Page, at: int, end: int) -> Candidate | None:
    text = page.text
    if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
        return None
    field = FIELD_BEFORE.search(text, max(0, at - 24), at)
    if field is not None and not ERROR_FIELD.fullmatch(field.group(1)):
        return None
    number = parse_number(text[at:end])
    if number is None or 0 <= number <= 0xFFFF:
        return None
    line_start, line_end = page.line_bounds(at)
    if line_end - line_start <= _HEX_ROW_CHARS and _HEX_ROW.fullmatch(text, line_start, line_end):
        return None  # a row of a table of values: "0x81C, 0x80420103," (a register, its value)
    return number_at(page, at, end, Shape.ERROR_WORD)


# A line of hex values alone, two or more, and the marks of an array between them (a reply's too),
# a short one among them: a register and its value, not a list of HRESULTs.
_HEX_ROW = re.compile(
    r"(?=.*?(?<![0-9a-fA-F])0[xX][0-9a-fA-F]{1,4}(?![0-9a-fA-F]))"
    r"[ \t{(>]{0,24}0[xX][0-9a-fA-F]{1,8}(?:[ \t]{0,4}[,;][ \t]{0,4}0[xX][0-9a-fA-F]{1,8}){1,16}"
    r"[ \t,;})]{0,16}\r?"
)
_HEX_ROW_CHARS = 200


def read_symbol(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """A code's exact symbol beside its number: ``806 ERROR_VPN_GRE_BLOCKED``.

    An HRESULT's as "0x" and eight hex digits or as ten decimal digits, signed or not:
    ``CERT_E_EXPIRED = 0x800B0101``, ``EAP_E_USER_CERT_EXPIRED: u32 = 2151809282u32``. A
    Remote Access code's as its header defines it, a base and an offset:
    ``ERROR_LINE_BUSY = (RASBASE+76);``.
    """
    code = by_symbol().get(anchor.group())
    if code is None:
        return
    text = page.text
    # The gap counts from either end of the symbol, however long the symbol is.
    start = page.around(anchor.start(), SYMBOL_LINES, SYMBOL_GAP)[0]
    end = page.around(anchor.end(), SYMBOL_LINES, SYMBOL_GAP)[1]
    # On its own line, past a column's padding too ("ERROR_X<49 spaces>syscall.Errno = 13801").
    if _SPACES.match(text, anchor.end()):
        end = max(
            end, min(page.line_bounds(anchor.end())[1], anchor.end() + SYMBOL_GAP + _PADDING)
        )
    small = int(code) <= 0xFFFF
    others = (LITERAL, HEX_LITERAL) if small else (LITERAL, HRESULT_LITERAL)
    for value in _values_of(code, text, start, end):
        if _own_value(page, anchor, code, value, others):
            # A base and an offset is no number lookup reads: the symbol stands for it.
            span = anchor.span() if value.re is BASE_PLUS else value.span(1)
            yield Candidate(*span, code, Shape.OWN_WORDS)


def _values_of(code: ErrorCode, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The values in ``text[start:end]`` that are ``code``'s, as its symbol's value is written."""
    value = int(code)
    if value > 0xFFFF:
        wanted = {f"0x{value:08x}", str(value), str(value - (1 << 32))}
        yield from (
            m for m in HRESULT_LITERAL.finditer(text, start, end) if m[1].lower() in wanted
        )
        return
    yield from (m for m in LITERAL.finditer(text, start, end) if m[1] == str(value))
    # In hex, its HRESULT_FROM_WIN32 form too: "0x800702B3 ERROR_AUTHENTICATION_FAILURE".
    yield from (
        m for m in HEX_LITERAL.finditer(text, start, end) if from_int(int(m[1], 16)) is code
    )
    yield from (m for m in BASE_PLUS.finditer(text, start, end) if based_value(m) == value)


# A name defined as what follows ("#define ERROR_LINE_BUSY (", "ERROR_LINE_BUSY = (", Pascal's
# ":="), or an operator or comparison before it: "RASBASEEND - RASBASE + 1" counts codes, and
# "i <= RASBASE+180" bounds a loop.
_DEFINED_BEFORE = re.compile(
    r"(?:#[ \t]*define[ \t]+\w+|\w+[ \t]*(?::[ \t]*\w{1,12}[ \t]*)?:?=|[-+*/%&|^~<>=!])[ \t(]*\Z"
)
_DEFINED_REACH = 80


def read_base_offset(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """``RASBASE+76: Result := '...'``: a code as its header writes it, a base and an offset.

    Not where it defines a name (``ERROR_LINE_BUSY = (RASBASE+76);``), nor in arithmetic or a
    comparison, nor beside a code's symbol: the symbol rule reads a code's own symbol there,
    another code's says otherwise, and another name is a program's own.
    """
    text = page.text
    based = BASE_PLUS.match(text, anchor.start())
    if based is None:
        return
    # After the line's lead: a reply's marks ("> ") are no comparison.
    lead = _LEAD.match(text, page.line_bounds(anchor.start())[0])
    low = max(lead.end() if lead else anchor.start(), anchor.start() - _DEFINED_REACH)
    if _DEFINED_BEFORE.search(text, low, anchor.start()):
        return
    value = based_value(based)
    code = None if value is None else from_int(value)
    if code is None or symbols_beside(page, based.start(), based.end()):
        return
    start, end = page.around(anchor.start(), SYMBOL_LINES, SYMBOL_GAP)
    if code.symbol.startswith(SYMBOL_PREFIXES) and code.symbol in text[start:end]:
        return  # a table's row, its symbol on the line above: the symbol rule reads it there
    yield Candidate(based.start(), based.end(), code, Shape.RAS_SHAPE)


def _own_value(
    page: Page,
    symbol: re.Match[str],
    code: ErrorCode,
    value: re.Match[str],
    others: tuple[re.Pattern[str], ...],
) -> bool:
    """Whether ``value`` is the value of ``code``'s symbol: only words and marks between them.

    No other number (``others``), no other error's name; and the value is set to
    no other name.
    """
    text = page.text
    gap = text[value.end() : symbol.start()] or text[symbol.end() : value.start()]
    return (
        len(gap) - _padding(gap) <= SYMBOL_GAP
        and not any(other.search(gap) for other in others)
        and all(is_named(name.group(), code) for name in ERROR_NAME.finditer(gap))
        and ((set_to := _set_to(page, value.start())) is None or is_named(set_to, code))
    )


# Spaces that align a column count as one: a table of symbols pads each to the longest.
_PADDING = 80
_SPACES = re.compile(r"[ \t]{2,}")


def _padding(gap: str) -> int:
    """How many characters of ``gap`` are a column's padding: each run of spaces but one.

    Only on one line: a gap over lines is measured whole.
    """
    if "\n" in gap:
        return 0
    return sum(len(run) - 1 for run in _SPACES.findall(gap))


def _set_to(page: Page, at: int) -> str | None:
    """The name in capitals that the value at ``at`` is set to on its line, if one is."""
    line_start = page.line_bounds(at)[0]
    setting = _SET_TO.search(page.text, max(line_start, at - _SET_TO_REACH), at)
    return None if setting is None else setting.group(1) or setting.group(2)


_SYMBOL = SYMBOLS.compile()
_LONGEST_SYMBOL = max(map(len, SYMBOL_PREFIXES)) + SYMBOL_NAME_CHARS


# Another program's own name for its error right after the number, after a space, a dash or "(":
# AmneziaVPN's "ошибку 900 ImportInvalidConfigError". Four words or more: an exception class of
# fewer (ConnectionTimeoutError), .NET's Win32Exception and DotRas's exceptions may wrap Remote
# Access's own code; and not a call (a switch's arm "case 691: ShowError(...)").
# The names that wrap Windows' and Remote Access's own codes: Win32Exception, RasDialException,
# COMException, ExternalException.
_NOT_A_WRAPPER = r"(?!Win32|Ras|Com[A-Z]|External)"
_ERROR_NAME_AFTER = re.compile(
    rf"(?:[ \t]{{1,3}}[(\-–]?|\()[ \t]{{0,2}}{_NOT_A_WRAPPER}"
    r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*){2,8}(?:Error|Exception|Failure)(?![A-Za-z0-9_(])"
    # Or a name of four words or more where Windows puts its message: UPnP's "Error 729:
    # ConflictWithOtherMechanisms", "(NoSuchEntryInArray)".
    rf"|[ \t]{{0,2}}[:(][ \t]{{0,2}}{_NOT_A_WRAPPER}"
    r"[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+){3,8}(?![A-Za-z0-9_(])"
)


# A program's own error name where it is given its number, ending in the error word: an enum's
# "OpenVpnAdaptersInUseError = 700", "AddressPoolError = 703" (AmneziaVPN's), or a counter's in
# a column after a tab, as Linux's /proc/net/xfrm_stat prints "XfrmOutStateProtoError  \t713"
# (its format "%-24s\t%lu"). Three words or more, as after a number: "LastError = 691" stays,
# and so do Win32's and Remote Access's names.
_ERROR_NAME_DEFINED = re.compile(r"[ \t]*[=:\t]")
_NAME_BEFORE_ERROR = re.compile(
    rf"(?<![A-Za-z0-9_]){_NOT_A_WRAPPER}[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*){{1,8}}\Z"
)


def _defines_error_name(text: str, at: int) -> bool:
    """Whether a CamelCase name of two words or more runs into the error word at ``at``."""
    return _NAME_BEFORE_ERROR.search(text, max(0, at - 80), at) is not None


def names_another_error(text: str, end: int) -> bool:
    """Whether a program's CamelCase name of an error follows the number that ends at ``end``."""
    return _ERROR_NAME_AFTER.match(text, end) is not None


def symbols_beside(page: Page, start: int, end: int) -> set[ErrorCode]:
    """The codes whose symbols stand beside the number at ``start:end`` on its line.

    Beside as ``read_symbol`` reads a symbol's number: nothing numeric between
    them, ``SYMBOL_GAP`` characters at most. A page that pairs a number with
    another code's symbol ("0x00003616 - ERROR_IPSEC_IKE_QUEUE_DROP_NO_MM",
    where 0x3616 is 13846) names that symbol's code there.
    """
    text = page.text
    line_start, line_end = page.line_bounds(start)
    low, high = max(line_start, start - SYMBOL_GAP), min(line_end, end + SYMBOL_GAP)
    codes = set()
    # A symbol that reaches into the window is read whole, not cut at its edge.
    first, last = max(line_start, low - _LONGEST_SYMBOL), min(line_end, high + _LONGEST_SYMBOL)
    for symbol in _SYMBOL.finditer(text, first, last):
        code = by_symbol().get(symbol.group())
        if code is None or symbol.end() <= low or symbol.start() >= high:
            continue
        gap = text[end : symbol.start()] if symbol.start() >= end else text[symbol.end() : start]
        if len(gap) <= SYMBOL_GAP and not LITERAL.search(gap):
            codes.add(code)
    return codes


def names_a_code(page: Page, start: int, end: int) -> bool:
    """Whether a code's exact symbol stands in ``text[start:end]`` (``ERROR_PORT_ALREADY_OPEN``)."""
    return any(symbol.group() in by_symbol() for symbol in _SYMBOL.finditer(page.text, start, end))


def read_binary(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """An event's data, ``<Binary>B3020000</Binary>`` or ``Data : {41, 3, 0, 0}``.

    RemoteAccess writes its code there as a little-endian DWORD, and often
    nowhere else; it counts only inside a RasClient or RemoteAccess record.
    """
    from raserror._events import find_binary_codes

    at = anchor.start()
    if not page.has_event_source(*page.around(at, RECORD_LINES, RECORD_CHARS)):
        return
    text = page.text
    # Only the data element that starts here, to its end: a line of many reads each once.
    closing = "</Binary>" if text.startswith("<Binary>", at) else "}"
    close = text.find(closing, at, min(page.line_bounds(at)[1], at + _DATA_CHARS))
    if close < 0:
        return
    for data in find_binary_codes(text[at : close + len(closing)]):
        code = from_int(data.number)
        if code is not None:
            yield Candidate(at + data.start, at + data.end, code, Shape.RAS_SHAPE)


def read_code_column(page: Page, anchor: re.Match[str]) -> Iterator[Candidate]:
    """A table's first column headed "Error Code": the numbers that start its rows.

    ``Error Code | Description |`` then ``812 | Connection prevented ...``:
    each number of the column is an error code, as its header says. The
    table ends at its first row whose first cell holds words.
    """
    text = page.text
    line_start, line_end = page.line_bounds(anchor.start())
    # The first match on a line is the only one that may be its first cell: asked once a line.
    if not page.first_time("table", line_start) or text[line_start : anchor.start()].strip(
        " \t|>"
    ):
        return
    separator = anchor.group()[-1]
    position = line_end + 1
    for _ in range(TABLE_ROWS):
        if position >= len(text):
            return
        start, end = page.line_bounds(position)
        position = end + 1
        if end - line_end > TABLE_CHARS or end - start > LONG_LINE:
            return
        row = text[start:end]
        # Before the first cell: spaces, a reply's marks, and a leading "|" in a table of pipes.
        first = start + len(row) - len(row.lstrip(" >" if separator == "\t" else " \t|>"))
        cut = text.find(separator, first, end)
        if cut < 0:
            return  # the table ended
        cell = text[first:cut].rstrip(" \t")
        if TABLE_NUMBERS.fullmatch(cell) is None:
            if _LETTER.search(cell):
                return  # a row of words: this is no column of codes, or it ended
            continue  # the rule under the header ("---"), an empty cell, a number too short
        for number in TABLE_NUMBER.finditer(text, first, first + len(cell)):
            yield from _some(number_at(page, *number.span(), Shape.COLUMN))


# -- The table ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """A shape a code is written in, started where one of its words stands."""

    name: str
    start: Vocabulary  # the words that start it: their needles, and the pattern at them
    read: Callable[[Page, re.Match[str]], Iterable[Candidate]]
    example: str  # a real text it reads a code from, quoted from ``source``
    source: str
    counter_example: str  # a real text it must read nothing from, quoted from ``counter_source``
    counter_source: str
    # Its match always holds one of these: a text with none starts no such rule, and its words
    # (common in logs) are not tried one by one.
    needs: tuple[str, ...] = ()
    # The number its shape holds, whatever that number names: why a pasted text gave no code.
    written: Callable[[Page, re.Match[str]], WrittenNumber | None] | None = None
    # Whether a page can give its shape a finding at all, asked before its needles are looked
    # for: a text that names no dialer pays nothing for the comparisons of its scripts.
    gate: Callable[[Page], bool] | None = None


RULES: tuple[Rule, ...] = (
    Rule(
        "symbol",
        SYMBOLS,
        read_symbol,
        "У меня на восьмерке кидает 806 ERROR_VPN_GRE_BLOCKED",
        "tests/realworld/positive/052-frkn-ru-806-gre-blocked.txt",
        "ERROR_ELEVATION_REQUIRED",
        "tests/realworld/negative/507-metasploit-operation-failed-740.txt",
    ),
    Rule(
        "base and offset",
        BASE_OFFSETS,
        read_base_offset,
        "      RASBASE+76: Result := 'Телефонная линия занята';",
        "tests/realworld/positive/1282-github-delphi-ras-client-rasbase-offsets-ru-676-692.txt",
        "  ERROR_LINE_BUSY                      = (RASBASE+76);",
        "tests/realworld/positive/1106-kol-pascal-ras-unit-raserror-rasbase-plus-676-680.txt",
        needs=("RASB", "ROUTEBASE"),  # a text without its base starts none ("RASBase" in Delphi)
    ),
    Rule(
        "PENDING defined",
        PENDING_DEFINED,
        read_symbol,
        "#define RASBASE 600 #define SUCCESS 0 #define PENDING (RASBASE+0) /* * An operation is "
        "pending.%0 */",
        "tests/realworld/positive/1229-gitverse-ru-raserror-h-rasbase-600-608.txt",
        "Winsock error 997 is called WSA_IO_PENDING, which indicates requested system calls will "
        "be done lately.",
        "tests/realworld/negative/668-alvr-1814-os-error-997-wsa-io-pending.txt",
        needs=("RASB",),  # its base follows it: a text without one starts none
    ),
    Rule(
        "error word",
        ERROR_WORDS,
        read_latin,
        "Error 789: The L2TP connection attempt failed",
        "tests/realworld/positive/024-docker-ipsec-75-error-789-dialog.txt",
        "errors: 720",
        "tests/samples/ordinary.log",
        written=number_after_error_word,
    ),
    Rule(
        "control protocol's report",
        # One needle for every protocol: each needle costs a pass over a text without it.
        Vocabulary(
            ("CP reported error",),
            before="(?:"
            + "|".join(
                f"(?<=(?<![\\w/])(?i:{protocol}) )"
                for protocol in ("TCP/IP", "IPX", "NetBEUI", "AppleTalk", "IPv6")
            )
            + ")",
        ),
        read_cp_report,
        "TCP/IP CP reported error 733: Your computer and the remove computer could not agree "
        "on PPP control protocols",
        "tests/realworld/positive/1139-cryer-trbl-en-733.txt",
        "TCP/IP CP reported error 31: A device attached to the system is not functioning.",
        "tests/realworld/positive/232-mskb-951013-error-734-dash-and-tcpip-cp-error-31.txt",
    ),
    Rule(
        "Chinese verb before a code",
        CJK_VERBS,
        read_verb,
        "带密钥的L2TP我一直809，改成使用IKEv2以后还是这样",
        "tests/realworld/positive/112-setup-ipsec-vpn-1015-zh-l2tp-ikev2-809.txt",
        "会提示800毫秒没有更多了",
        "composed: a time after the verb",
    ),
    Rule(
        "error word without spaces",
        CJK_ERROR_WORDS,
        read_cjk,
        "后端PC机PPTP拔号提示619错误",
        "tests/realworld/positive/047-lede-302-zh-pptp-619.txt",
        "次のエラー メッセージは、オペレーティング システムの",
        "tests/realworld/negative/511-sqlserver-823-ja.txt",
        written=number_after_error_word,
    ),
    Rule(
        "error code column",
        Vocabulary(
            (
                r"error[ \t]?code(?:s)?[ \t]{0,40}[|\t]",
                r"error[ \t]?(?:no\.?|number)[ \t]{0,40}[|\t]",
                r"fehlercode[ \t]{0,40}[|\t]",
                r"código de error[ \t]{0,40}[|\t]",
                r"codigo de error[ \t]{0,40}[|\t]",
                # The same header in the other languages dial-up and VPN help is written in.
                r"fehlernummer[ \t]{0,40}[|\t]",
                r"错误(?:代码|码|编号)[ \t]{0,40}[|\t]",
                r"錯誤(?:代碼|碼|編號)[ \t]{0,40}[|\t]",
                r"エラー[ \t]?(?:コード|番号)[ \t]{0,40}[|\t]",
                r"오류[ \t]?(?:코드|번호)[ \t]{0,40}[|\t]",
                r"에러[ \t]?(?:코드|번호)[ \t]{0,40}[|\t]",
                r"код ошибки[ \t]{0,40}[|\t]",
                r"code d['’]erreur[ \t]{0,40}[|\t]",
                r"c[óo]digo d[eo] erro[ \t]{0,40}[|\t]",
                r"codice (?:di )?errore[ \t]{0,40}[|\t]",
                r"kod błędu[ \t]{0,40}[|\t]",
                r"hata kodu[ \t]{0,40}[|\t]",
                r"mã lỗi[ \t]{0,40}[|\t]",
            ),
            before=r"(?<![\w])",
        ),
        read_code_column,
        "Error Code | Description | Possible Causes | Potential Solutions |\n"
        "---|---|---|---|\n"
        "812 | Connection prevented due to policy configuration error on RAS/VPN server.",
        "tests/realworld/positive/104-vpnwired-error-table-pipes.txt",
        "SubSystem | ErrorCode | Http Code | Name | Details and Troubleshooting | Console Message |\n"
        "---|---|---|---|---|---|\n"
        "770 | 10 | 400 | UpstreamInvalidResponse |",
        "tests/realworld/negative/574-kobil-frontend-error-codes-subsystem-770.txt",
        needs=("|", "\t"),  # a table's cells stand apart
    ),
    Rule(
        "exit status compared",
        COMPARISONS,
        read_exit_status,
        'rasdial "%CONN_NAME%" %ACCOUNT% %PASSWORD%\nset "LAST_ERROR=!errorlevel!"\n\n'
        "if !LAST_ERROR! equ 0 (\n"
        '    set "RESULT_DETAIL=第 !RETRY_COUNT! 次拨号成功"\n'
        '    set "RESULT_STATUS=成功"\n'
        "    goto :write_log\n)\n\nif !LAST_ERROR! equ 691 (",
        "tests/realworld/positive/458-xdu-autolink-link-xdu-bat-errorlevel-equ-691-623.txt",
        "if !errorlevel! equ 0 (",
        "tests/realworld/positive/458-xdu-autolink-link-xdu-bat-errorlevel-equ-691-623.txt",
        written=compared_number,
        gate=names_a_dialer,
    ),
    Rule(
        "code table",
        Vocabulary((ARM_START,), cased=True, whole=True),
        read_code_table,
        "   628: result := 'port was disconnected';\n"
        "   629: result := 'disconnected by remote';\n"
        "   630: result := 'hardware failure';\n"
        "   631: result := 'user disconnect';\n"
        "   633: result := 'port is in use';\n"
        "   638: result := 'PPP no address assigned';",
        "tests/realworld/positive/464-kol-kolras-pas-geterrstring-case-table-600-797.txt",
        '    110: "POP3", 111: "RPCBind", 135: "Microsoft RPC", 139: "NetBIOS",\n'
        '    143: "IMAP", 161: "SNMP", 443: "HTTPS", 445: "Microsoft-DS/SMB",\n'
        '    465: "SMTP over SSL", 514: "Syslog", 587: "SMTP Submission", 631: "IPP Printing",',
        "tests/realworld/negative/842-networkscanner-vv-py-port-dict-631-993-995-pptp-vpn.txt",
        gate=has_arms,
    ),
    Rule(
        "table named for RAS errors",
        # A name's start, after a private name's "_" too ("_RAS_ERRORS"), or its CamelCase part
        # ("DescribeRasError"): not a prefix's ("amdgpu_ras_").
        Vocabulary((r"ras_?err",), before=r"(?:(?<![\w])|(?<=(?<![\w])_)|(?<=[a-z])(?=R))"),
        read_named_table,
        "$RasErrors = @{\n    623 = '电话簿里找不到这个连接名，检查 config.ini 的 ENTRY'\n    633 = '拨出端口",
        "tests/realworld/positive/374-hit-pppoe-dial-ps1-zh-raserrors-hashtable-623-to-734.txt",
        "WORD RasErrorToIDS(DWORD dwErr)\n{\n\tif(dwErr==RAS_BOGUS_AUTHFAILCODE_1 || dwErr==RAS_BOG",
        "tests/realworld/positive/456-winnt5-icwerr-rasErrorToIDS-dwerr-ranges-653-675.txt",
        gate=has_context_beyond_names,
    ),
    Rule(
        "switch on a status",
        Vocabulary((r"switch[ \t]*[($A-Za-z_]", r"select[ \t]+case[ \t]"), before=r"(?<![\w$])"),
        read_switch,
        "\t\tif(RasGetErrorStringW(ret,szError,sizeof(szError))==ERROR_SUCCESS)\n"
        "\t\t{\n"
        "\t\t\terrorMessage.setUtf16((const unsigned short*)szError,lstrlenW(szError));\n"
        "\t\t}else\n"
        "\t\t{\n"
        '\t\t\terrorMessage = tr("未知错误");\n'
        "\t\t}\n"
        '\t\terrorMessage = QString::number(ret,10) + " " + errorMessage;\n'
        "\t\tswitch(ret)\n"
        "\t\t{\n"
        "\t\tcase 651:",
        "tests/realworld/positive/094-ndr-client-basedsl-win-switch-ret-rasdialw-651-691-756-668.txt",
        "\t\t\t\tswitch (Convert.ToInt32(temp.Split('|')[1]))\n"
        "\t\t\t\t{\n"
        "\t\t\t\t\tcase 401:\n"
        '\t\t\t\t\t\tresult = "Changed pass";\n'
        "\t\t\t\t\t\tbreak;\n"
        "\t\t\t\t\tcase 405:\n"
        '\t\t\t\t\t\tresult = Language.GetValue("Checkpoint");\n'
        "\t\t\t\t\t\tbreak;\n"
        "\t\t\t\t\tcase 400:\n"
        '\t\t\t\t\t\tresult = "Tài khoản không tồn tại";\n'
        "\t\t\t\t\t\tbreak;\n"
        "\t\t\t\t\tcase 613:",
        "tests/realworld/negative/902-maxcare-comon-switch-status-613-token-limit-rasdial-below.txt",
        gate=names_a_status_call,
    ),
    Rule(
        "MS-CHAP failure",
        # FreeRADIUS writes the packet's ident byte before it: MS-CHAP-Error = "VE=691 R=1 ...".
        Vocabulary(
            (r"E=[0-9]{3} R=[01]",), cased=True, before="(?:(?<![A-Za-z0-9_])|(?<=[\"'].))"
        ),
        read_ms_chap_failure,
        '"E=691 R=0 V=3"',
        "tests/realworld/positive/467-openbsd-radiusd-eap2mschap-default-ms-chap-error-e-691.txt",
        '"E=709 Error changing password";',
        "tests/realworld/positive/468-pppd-chap-ms-c-handle-failure-e-646-649-691-709.txt",
        needs=(" R=",),  # the retry flag after the error: rare in other text
    ),
    Rule(
        "pppd's MS-CHAP failure",
        Vocabulary((r"MS-CHAP authentication fail(?:ed|ure): E=",), cased=True),
        read_pppd_ms_chap_failure,
        "MS-CHAP authentication failed: E=691 Authentication failure",
        "tests/realworld/positive/1021-nm-l2tp-104-kde-neon-pppd-ms-chap-e-691.txt",
        'error("Unknown MS-CHAP authentication failure: %.*v",',
        "tests/realworld/positive/468-pppd-chap-ms-c-handle-failure-e-646-649-691-709.txt",
    ),
    Rule(
        "event sentence",
        Vocabulary((r"return(?:ed|ing)\b", "返回的错误代码为", "返されたエラー")),
        read_event,
        "The error code returned on failure is 809.",
        "tests/realworld/positive/079-azure-guidance-pt-powershell-rasclient-809.txt",
        "Error returned by CreateProcess: (740, 'CreateProcess'",
        "tests/realworld/negative/503-pywinauto-740-zh.txt",
        written=event_number,
    ),
    Rule(
        "CoId line",
        Vocabulary(("CoI[dD]=",), cased=True),
        read_coid,
        "CoId={3F2A1B0C-9D8E-4F7A-B6C5-D4E3F2A1B0C9}: 用户 DESKTOP-ALIYUN\\user 拨打了名为 IKEv2 "
        "VPN 的拨号连接，该连接已失败。失败后返回的错误代码为 809。",
        "tests/samples/events/eventviewer_zh_rasclient_20227.txt",
        "Message            : CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM "
        "dialed a connection named",
        "tests/realworld/positive/079-azure-guidance-pt-powershell-rasclient-809.txt",
    ),
    Rule(
        "PowerShell error id",
        Vocabulary(("FullyQualifiedErrorId",), cased=True),
        read_error_id,
        "    + FullyQualifiedErrorId : VPN 623,Get-VpnConnection",
        "tests/realworld/positive/261-windowsserverdocs-2586-get-vpnconnection-vpn-623.txt",
        "    + FullyQualifiedErrorId : WIN32 87,Add-VpnConnectionRoute",
        "tests/realworld/negative/677-powershell-docs-196-fullyqualifiederrorid-win32-87.txt",
        written=error_id_number,
    ),
    Rule(
        "rasdial footer",
        Vocabulary((r"netcfg\.chm",), cased=True),
        read_footer,
        "        Type 'hh netcfg.chm'\r\n"
        "        In help, click Troubleshooting, then Error Messages, then 691",
        "tests/samples/rasdial_en.txt",
        "        Type 'hh netcfg.chm'",
        "tests/samples/rasdial_en.txt",
    ),
    Rule(
        "hexadecimal HRESULT",
        Vocabulary(("0x[0-9a-f]{8}(?![0-9a-z])",), whole=True),
        read_hresult,
        "エラー: 0x80092013",
        "tests/realworld/positive/043-kb2980672-ja-iphttps-0x80092013.txt",
        "| delref e@0xb78c8a44 (delete_state_event() +184 programs/pluto/timer.c)",
        "tests/realworld/negative/534-libreswan-debug-608.txt",
    ),
    Rule(
        "signed HRESULT",
        Vocabulary(("-21[0-9]{8}(?![0-9])",), whole=True),
        read_hresult,
        "the error code -2143157998 appears to be defined in EapErrorHost.h",
        "tests/realworld/positive/003-dotras-eap-negative-decimal-hresult.txt",
        "-2100000000",
        "composed: not a code",
    ),
    Rule(
        "decimal and hex",
        Vocabulary((r"\(0x[0-9A-Fa-f]{3,4}\)",), cased=True, whole=True),
        read_decimal_and_hex,
        (
            '<span id="ERROR_IPSEC_IKE_POLICY_MATCH"></span>'
            '<span id="error_ipsec_ike_policy_match"></span>'
            "**ERREUR de correspondance de la \\_ \\_ stratégie IKE IPSec \\_ \\_**\n"
            "</dt> <dd> <dl> <dt>\n"
            "\n"
            "13868 (0x362C)"
        ),
        "tests/realworld/positive/473-win32-pr-fr-fr-system-errors-13868-13870-mangled-symbols-span-ids.txt",
        "Dec 29 20:34:15 mini31 xl2tpd[755]: firmware_rev_avp: peer reports firmware version "
        "2560 (0x0a00)",
        "tests/realworld/negative/790-xl2tpd-219-server-log-pid-755-windows-peer.txt",
    ),
    Rule(
        "bracketed HRESULT",
        Vocabulary((r"\(8[0-9a-fA-F]{7}\)",), cased=True, whole=True),
        read_bracketed,
        "error de script personalizado de VPN de Azure (8007026f)",
        "tests/realworld/positive/064-azure-docs-es-8007026f-no-prefix.txt",
        "(80070000)",
        "composed: a value that names no code",
    ),
    Rule(
        "event data",
        Vocabulary(("<Binary>", r"Data[ \t]{0,40}:[ \t]{0,4}\{"), cased=True, before=r"(?<!\w)"),
        read_binary,
        (
            '  <Provider Name="RemoteAccess" /> \n'
            '  <EventID Qualifiers="0">20271</EventID> \n'
            "  <Level>3</Level> \n"
            "  <Task>0</Task> \n"
            "  <Keywords>0x80000000000000</Keywords> \n"
            '  <TimeCreated SystemTime="2020-03-23T19:40:08.225301000Z" /> \n'
            "  <EventRecordID>32407</EventRecordID> \n"
            "  <Channel>System</Channel> \n"
            "  <Computer>CITY-VPN16.cbj.local</Computer> \n"
            "  <Security /> \n"
            "  </System>\n"
            "- <EventData>\n"
            "  <Data>{NA}</Data> \n"
            "  <Data>corinne</Data> \n"
            "  <Data>123.207.87.250</Data> \n"
            "  <Data>The remote connection was denied because the user name and password combination you provided is not recognized, or the selected authentication protocol is not permitted on the remote access server.</Data> \n"
            "  <Data>0x10</Data> \n"
            "  <Binary>B3020000</Binary> "
        ),
        "tests/realworld/positive/010-ipban-remoteaccess-20271-event-xml.txt",
        "Data               : {}",
        "tests/samples/events/getEventLog_formatlist_rasclient_20227_azarch.txt",
    ),
)


# -- Whole-line rules ---------------------------------------------------------------------


def read_rasdial_line(page: Page, start: int, end: int) -> Iterator[Candidate]:
    """The error line of rasdial in any language: ``Remotezugriffsfehler 740 - ...``."""
    for error_line in RASDIAL_LINES.finditer(page.text, start, end):
        yield from _some(number_at(page, *error_line.span(1), Shape.RAS_SHAPE))


def read_listed(page: Page, start: int, end: int) -> Iterator[Candidate]:
    """A number alone on its line or leading it, that counts with its own message beside it."""
    for line_start, line in lines_starting(
        LISTED_LINES, _LISTED_AFTER_BREAK, page.text, start, end
    ):
        line_end = page.line_bounds(line_start)[1]
        if line_end - line_start <= LONG_LINE:  # a line with no end in sight is no list
            group = 1 if line.group(1) is not None else 2
            yield from _some(number_at(page, *line.span(group), Shape.LISTED))


def codes_leading_their_message(page: Page, asked: Callable[[int], bool]) -> Iterator[Candidate]:
    """A number leading its line, the words after it a strong quote of its code's message.

    Only on the lines whose start ``asked`` says yes to, asked first.

    ``600 An operation is pending.``: read wherever it stands. The quote must
    start with the line's first word after the number: a gutter's or a
    count's number beside a few words of a message elsewhere on its line
    (``664 |  fprintf(stderr, "out of memory");``) is none.
    """
    from raserror._messages import quotes

    text = page.text
    for line_start, led in lines_starting(
        _CODE_LED_LINE, _CODE_LED_AFTER_BREAK, text, 0, len(text)
    ):
        candidate = number_at(page, *led.span(1), Shape.LISTED)
        if candidate is None or not asked(line_start):
            continue
        words_end = min(page.line_bounds(led.end())[1], led.end() + _LEADING_MESSAGE_REACH)
        quoted = quotes(text, led.end(), words_end)
        if quoted and quoted[0].start == led.end() and quoted[0].code is candidate.code:
            yield candidate


def read_quotes(page: Page, start: int, end: int) -> Iterator[Candidate]:
    """A code's message quoted without its number, as dialog copies and RRAS reasons hold it."""
    for quote in page.quotes.starting(start, end):
        if is_a_quote(page, quote):
            yield Candidate(quote.start, quote.end, quote.code, Shape.OWN_WORDS)


def read_short_messages(page: Page, start: int, end: int) -> Iterator[Candidate]:
    """A code's whole message too short to quote, where it stands apart: quoted, a line, a heading."""
    short = _short_messages()
    for found in short.apart(page, start, end):
        group = next(
            name for name in ("quoted", "line", "heading") if found.group(name) is not None
        )
        words = tuple(found.group(group).lower().split())
        yield Candidate(*found.span(group), short.codes[words], Shape.OWN_WORDS)


# Those a heading names among other words ("# Policy match error on Windows 10"); not 13843's,
# which a code comment says of its own parser ("# ... due to an invalid payload received").
HEADING_SHORT_MESSAGES = frozenset(("policy match error",))


class _ShortMessages:
    """Short messages that stand apart: in quote marks, as a whole line, in a heading.

    "Policy match error" names 13868 there, a heading's or a dialog's line; in a
    sentence its three words say too little ("IKE SA negotiation timed out").
    Only the messages of one code each, whole or with one word left out.
    """

    def __init__(self) -> None:
        from raserror._messages import QUOTED_SHORT_MESSAGES, index

        self.codes: dict[tuple[str, ...], ErrorCode] = dict(index().shortened)
        for phrase in QUOTED_SHORT_MESSAGES:
            wholes = index().short_wholes.get(tuple(phrase.split()), [])
            if len(wholes) == 1:
                self.codes[tuple(phrase.split())] = wholes[0]
        self.phrases = sorted((" ".join(words) for words in self.codes), key=len, reverse=True)
        message = "(?i:" + "|".join(map(re.escape, self.phrases)) + ")"
        heading = "(?i:" + "|".join(map(re.escape, sorted(HEADING_SHORT_MESSAGES))) + ")"
        # Quote marks around it, or its line's start (a heading's "#", a bullet) and end; a full
        # stop or "!" may end it. A heading names what it is about: the words among others there.
        self.pattern = re.compile(
            f"[\"“'`«「][ \t]?(?P<quoted>{message})[.!]?[ \t]?[\"”'`»」]"
            f"|^{LINE_LEAD}(?:#{{1,6}}[ \t]+|[*•-][ \t]+)?(?P<line>{message})[ \t]*[.!]?[ \t]*\r?$"
            rf"|^{LINE_LEAD}#{{1,6}}[ \t](?:[^\n]*?[^\w\n])??(?P<heading>{heading})(?![\w:=])",
            re.MULTILINE,
        )

    def apart(self, page: Page, start: int, end: int) -> Iterator[re.Match[str]]:
        """Where one stands apart in ``text[start:end]``: looked for in C, its marks read after."""
        lowered, offset = page.lowered, 0
        if lowered is None:  # lower() moves this text's characters, not once each made ASCII
            lowered, offset = ascii_same_length(page.text[start:end]).lower(), start
        lines = sorted(
            {
                page.line_bounds(offset + at)
                for phrase in self.phrases
                for at in places_of(phrase, lowered, start - offset, end - offset)
            }
        )
        for line_start, line_end in lines:  # the part of each line in text[start:end]
            yield from self.pattern.finditer(page.text, max(line_start, start), min(line_end, end))


_short: _ShortMessages | None = None


def _short_messages() -> _ShortMessages:
    """The short whole messages and where they stand apart, built on first use."""
    global _short  # noqa: PLW0603 - built once, on first use
    if _short is None:
        _short = _ShortMessages()
    return _short


@dataclass(frozen=True)
class LineRule:
    """A shape that fills a line, tried on the lines near Remote Access context.

    ``read(page, start, end)`` proposes what the lines from ``start`` to ``end``
    hold, found by one search over them, not a line at a time.
    """

    name: str
    read: Callable[[Page, int, int], Iterator[Candidate]]
    example: str
    source: str
    counter_example: str
    counter_source: str


# In text known to be rasdial's output, its error line counts on every line.
RASDIAL_LINE = LineRule(
    "rasdial error line",
    read_rasdial_line,
    "Remotezugriffsfehler 740 - Eine ungültige Wählregel wurde erkannt.",
    "tests/samples/rasdial_de.txt",
    "Type 'hh netcfg.chm'",
    "tests/samples/rasdial_en.txt",
)
LISTED = LineRule(
    "listed number",
    read_listed,
    "600",
    "tests/realworld/positive/034-kb923944-vista-error-code-list.txt",
    "2022-11-02 15:46:42.90 spid51      Error: 824, Severity: 24, State: 2.",
    "tests/realworld/negative/500-sqlserver-824-errorlog.txt",
)
QUOTE = LineRule(
    "quoted message",
    read_quotes,
    "IKE authentication credentials are unacceptable",
    "tests/realworld/positive/018-strongswan-1350-13801.txt",
    "2025-06-25T15:06:31Z INFO [openvpn]   ifconfig_pool_defined = DISABLED",
    "tests/realworld/negative/514-gluetun-openvpn-refresh-600.txt",
)
SHORT_MESSAGE = LineRule(
    "short whole message",
    read_short_messages,
    'I am trying to connect in Windows 10 via IKEv2 and it displays the error "Policy Match Error"',
    "tests/realworld/positive/331-setup-ipsec-vpn-593-policy-match-error-quoted-1903.txt",
    "Deployed the most recent version of Algo to digital ocean (using local deploy) and i receive "
    "Policy Match error on windows 10",
    "tests/realworld/positive/017-algo-748-policy-match-13868.txt",
)
LINE_RULES = (RASDIAL_LINE, LISTED, QUOTE, SHORT_MESSAGE)
