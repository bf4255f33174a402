"""The words the scanner looks for, each list written once.

A list's entries are regex fragments that each begin with literal text; the
needles that ``str.find`` looks for are that literal start, and the pattern is
the entries joined. So a word added to a list is found and matched alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

# Characters that mean something in a regex: a fragment's literal start ends at one.
_SPECIAL = frozenset("[](){}?*+|.^$")


def literal_start(fragment: str) -> str:
    """The text every match of ``fragment`` begins with: up to its first regex syntax."""
    start = []
    position = 0
    while position < len(fragment):
        char = fragment[position]
        width = 1
        if char == "\\":
            char = fragment[position + 1 : position + 2]
            if not char or char.isalnum():  # \s, \d, \b: a class or an assertion
                break
            width = 2
        elif char in _SPECIAL:
            break
        if fragment[position + width : position + width + 1] in ("?", "*", "{"):
            break  # "codes?": a character that may be missing is no part of every match
        start.append(char)
        position += width
    return "".join(start)


def has_top_level_bar(fragment: str) -> bool:
    """Whether ``fragment`` is an alternation at its top: then its start names no needle of all."""
    depth, position, in_class = 0, 0, False
    while position < len(fragment):
        char = fragment[position]
        if char == "\\":
            position += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        position += 1
    return False


@dataclass(frozen=True)
class Vocabulary:
    """A list of words: its needles and its one pattern derived from the same entries.

    ``cased`` lists are matched as written and their needles looked for in the
    text itself; the others ignore case, their needles looked for in the
    lower-cased text. ``before`` and ``after`` guard every entry alike.
    """

    entries: tuple[str, ...]
    cased: bool = False
    before: str = ""
    after: str = ""
    # Searched as one pattern, not by its needles: where its start is common in logs and
    # its whole rare ("0x" in every line, "0x800B0109" seldom). Its matches never overlap.
    whole: bool = False
    needles: tuple[str, ...] = field(init=False)
    # The needles an ASCII text can hold: the others are not looked for in one.
    ascii_needles: tuple[str, ...] = field(init=False)
    pattern: str = field(init=False)

    def __post_init__(self) -> None:
        starts = []
        for entry in self.entries:
            start = literal_start(entry)
            if not start:
                raise ValueError(f"the entry {entry!r} does not begin with literal text")
            if has_top_level_bar(entry):
                raise ValueError(f"the entry {entry!r} is two entries: its needle starts one")
            starts.append(start if self.cased else start.lower())
        # A needle that begins with another needle is found by that one already.
        needles = sorted(set(starts), key=len)
        kept: list[str] = []
        for needle in needles:
            if not any(needle.startswith(shorter) for shorter in kept):
                kept.append(needle)
        object.__setattr__(self, "needles", tuple(sorted(kept)))
        object.__setattr__(self, "ascii_needles", tuple(n for n in self.needles if n.isascii()))
        words = "|".join(self.entries)
        flags = "" if self.cased else "?i"
        body = f"({flags}:{words})" if flags else f"(?:{words})"
        object.__setattr__(self, "pattern", f"{self.before}{body}{self.after}")

    def compile(self) -> re.Pattern[str]:
        return re.compile(self.pattern)


def _trie(words: list[str]) -> str:
    """One pattern for ``words``, shaped as the tree of their letters.

    The engine never backs up over a shared start, and the longest word found
    at a place is the one matched.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg] # a tree of any depth
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:  # type: ignore[type-arg] # as above
        ways = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not ways:
            return ""
        body = ways[0] if len(ways) == 1 else "(?:" + "|".join(ways) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(root)


_literals: dict[str, re.Pattern[str] | None] = {}


def places_of(needle: str, haystack: str, start: int = 0, end: int | None = None) -> list[int]:
    """Every place of ``needle`` in ``haystack[start:end]``.

    Found by the regex engine's literal search, which costs less a place than
    calling ``str.find`` again; by ``str.find`` where places may overlap.
    """
    end = len(haystack) if end is None else end
    if needle not in _literals:
        overlaps = any(
            needle[cut:] == needle[: len(needle) - cut] for cut in range(1, len(needle))
        )
        _literals[needle] = None if overlaps else re.compile(re.escape(needle))
    pattern = _literals[needle]
    if pattern is not None:
        return [match.start() for match in pattern.finditer(haystack, start, end)]
    places, find = [], haystack.find
    at = find(needle, start, end)
    while at >= 0:
        places.append(at)
        at = find(needle, at + 1, end)
    return places


# A shared part of needles is looked for once, if it is at least this long.
_SHORTEST_CORE = 3
# Below this many characters each needle is searched for itself: it costs less than sharing.
SHARED_SEARCH_CHARS = 1 << 14
# A needle is read off its core's places while they are at most one per this many characters;
# past that, checking each place costs more than a pass of its own over the text.
CHARS_PER_CORE_PLACE = 400


def shared_cores(vocabularies: tuple[Vocabulary, ...]) -> dict[str, tuple[str, int]]:
    """For each lower-cased ASCII needle of ``vocabularies``: a part it shares, and where.

    Chosen greedily, the part most needles hold first ("ras" in "rasdial" and
    "dotras"): a text is searched once for it, not once for each of them.
    """
    uncovered = {
        needle.lower()
        for vocabulary in vocabularies
        if not vocabulary.whole
        for needle in vocabulary.ascii_needles
    }
    cores: dict[str, tuple[str, int]] = {}
    while uncovered:
        holders: dict[str, set[str]] = {}
        for needle in uncovered:
            for first in range(len(needle)):
                for last in range(first + _SHORTEST_CORE, len(needle) + 1):
                    holders.setdefault(needle[first:last], set()).add(needle)
        core = max(sorted(holders), key=lambda part: (len(holders[part]), len(part)))
        if len(holders[core]) < 2:
            break
        for needle in holders[core]:
            cores[needle] = (core, needle.index(core))
        uncovered -= holders[core]
    return cores


def ascii_same_length(text: str) -> str:
    """``text`` with each character that is not ASCII made one "?": every other in its place."""
    return text.encode("ascii", "replace").decode("ascii")


class NeedleScan:
    """Where needles stand in one text, each part that needles share searched once.

    ``lowered`` is the text lower-cased, each character in its place. A needle
    of a ``cased`` list is read off the places of its lower case where they
    are few. ASCII needles are looked for one at a time; in a text that is not
    ASCII, in its ASCII projection (each other character one "?"), where a
    search costs less than in the text, and the other needles of every list in
    one pass over the lowered text, when first asked.
    """

    def __init__(
        self,
        text: str,
        lowered: str,
        cores: dict[str, tuple[str, int]],
        chars_per_place: int = CHARS_PER_CORE_PLACE,
    ) -> None:
        # As written: what a list searched whole is matched in, and the wide needles' text.
        self.source, self.source_lowered = text, lowered
        if not text.isascii():
            text, lowered = ascii_same_length(text), ascii_same_length(lowered)
        self.wide = self.source is not text
        self.text, self.lowered = text, lowered
        self.cores = cores if len(text) >= SHARED_SEARCH_CHARS else {}
        self._found: dict[tuple[str, bool], list[int]] = {}
        self._few = len(text) // chars_per_place
        self._wide_places: dict[Needles, list[list[int]]] = {}

    def wide_places(self, needles: Needles, number: int) -> list[int]:
        """The places of the ``number``-th list's needles that are not ASCII, all lists in one pass."""
        if not self.wide:
            return []
        found = self._wide_places.get(needles)
        if found is None:
            found = self._wide_places[needles] = needles.find_wide(self.source_lowered)
        return found[number]

    def places(self, needle: str, *, cased: bool) -> list[int]:
        """The sorted places of ``needle``, as written if ``cased``, else in the lowered text."""
        if not self.cores:  # a short text: a search costs less than remembering it
            return places_of(needle, self.text if cased else self.lowered)
        key = (needle, cased)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._search(needle, cased=cased)
        return found

    def _search(self, needle: str, *, cased: bool) -> list[int]:
        lower = needle.lower()
        if cased:
            if lower == needle.upper():
                return self.places(needle, cased=False)  # no letter in it has a case
            if lower not in self.cores and (lower, False) not in self._found:
                return places_of(needle, self.text)
            places, starts = self.places(lower, cased=False), self.text.startswith
            return (
                [at for at in places if starts(needle, at)]
                if len(places) <= self._few
                else places_of(needle, self.text)
            )
        core, offset = self.cores.get(needle, (needle, 0))
        if core == needle:
            return places_of(needle, self.lowered)
        places, starts = self.places(core, cased=False), self.lowered.startswith
        if len(places) > self._few:
            return places_of(needle, self.lowered)
        return [at - offset for at in places if at >= offset and starts(needle, at - offset)]


class _Trie:
    """Needles in one pattern shaped as the tree of their letters, and the lists that own each."""

    def __init__(self, owners: dict[str, set[int]]) -> None:
        needles = sorted(owners)
        # The match at a place is its longest needle: the needles it begins with stand there too.
        self.owners = {
            needle: tuple(sorted({o for s in needles if needle.startswith(s) for o in owners[s]}))
            for needle in needles
        }
        # Where another needle may start inside a needle matched: a match hides those places.
        self.inner = {
            needle: tuple(
                offset
                for offset in range(1, len(needle))
                if any(
                    o.startswith(needle[offset:]) or needle[offset:].startswith(o) for o in needles
                )
            )
            for needle in needles
        }
        self.pattern = re.compile(_trie(needles))

    def places_in(self, lowered: str, start: int, end: int) -> Iterator[tuple[int, str]]:
        """Each place of a needle in ``lowered[start:end]`` and the longest needle there."""
        inner, match = self.inner, self.pattern.match
        for needle in self.pattern.finditer(lowered, start, end):
            at, word = needle.start(), needle.group()
            yield at, word
            for offset in inner[word]:
                hidden = match(lowered, at + offset, end)
                if hidden is not None:
                    yield at + offset, hidden.group()


class Needles:
    """Where the needles of several vocabularies stand in a text.

    Each place is where a vocabulary's match may start; its pattern decides.
    Each list's ASCII needles are looked for when it is first asked, one needle
    at a time; the needles that are not ASCII, of every list in one pass.
    """

    def __init__(self, vocabularies: tuple[Vocabulary, ...]) -> None:
        self.vocabularies = vocabularies
        # A list searched whole is found by its own pattern, in C: its needle may be common (a
        # line break before a table's arm, "0x" in every line), its match rare.
        self._whole = {n: v.compile() for n, v in enumerate(vocabularies) if v.whole}
        owners: dict[str, set[int]] = {}
        for number, vocabulary in enumerate(vocabularies):
            if not (vocabulary.whole and vocabulary.cased):
                for needle in vocabulary.needles:
                    owners.setdefault(needle.lower(), set()).add(number)
        self._all = _Trie(owners)
        self._wide = _Trie(
            {needle: lists for needle, lists in owners.items() if not needle.isascii()}
        )
        self.longest = max(map(len, owners), default=0)

    def find_one(self, scan: NeedleScan, number: int) -> list[int]:
        """The sorted places of the ``number``-th vocabulary's needles."""
        vocabulary = self.vocabularies[number]
        whole = self._whole.get(number)
        if whole is not None:
            return [match.start() for match in whole.finditer(scan.source)]
        places: list[int] = scan.wide_places(self, number)[:]
        for needle in vocabulary.ascii_needles:
            places += scan.places(needle, cased=vocabulary.cased)
        # No two needles of a list start at one place: neither begins with the other.
        places.sort()
        return places

    def places_in(self, lowered: str, start: int, end: int) -> Iterator[int]:
        """Each place of a needle of any list in ``lowered[start:end]``, in the pass's order.

        Found one by one, so that a caller that stops at the first it wants reads no further.
        """
        for at, _ in self._all.places_in(lowered, start, end):
            yield at

    def find_wide(self, lowered: str) -> list[list[int]]:
        """For each vocabulary, the sorted places of its needles that are not ASCII."""
        found: list[list[int]] = [[] for _ in self.vocabularies]
        owners = self._wide.owners
        if not owners:
            return found  # no needle that is not ASCII: an empty pattern would match everywhere
        for at, word in self._wide.places_in(lowered, 0, len(lowered)):
            for number in owners[word]:
                found[number].append(at)
        for places in found:
            places.sort()
        return found


def join(*vocabularies: Vocabulary) -> re.Pattern[str]:
    """One pattern that matches where any of ``vocabularies`` does."""
    return re.compile("|".join(vocabulary.pattern for vocabulary in vocabularies))


# -- Words for "error" or "code" ----------------------------------------------------------

# Scripts that space their words (Latin, Cyrillic, Arabic): whole words, any case.
ERROR_WORDS = Vocabulary(
    (
        # Spanish rasdial's "Error de Acceso remoto 691": before "error", which would match first.
        "error de acceso remoto",
        "error",
        "errors",
        "err",
        "errcode",
        "code",
        "codes",
        "fehler",
        "fehlercode",
        "erreur",
        "errore",
        "errores",
        "fel",
        "felkod",
        "fout",
        "foutcode",
        "código",
        "codigo",
        "ошибк[аиуео]й?",
        "ошибок",
        "код[аеуы]?",
        "кодом",
        "кодами",
        "памылк[аіу]й?",
        "помилк[аиуіо]ю?",
        "fehlers",
        "błąd",
        "błędu",
        "błędem",
        "kod",
        "kodu",
        "kodem",
        "erro",
        "chyb[auy]",
        "chybou",
        "kód",
        "hib[aá]t?",
        "hibakód(?:ot)?",
        # Persian (ارور, the English word in its letters; خطا, خطای) and Arabic (خطأ).
        "ارور",
        "خطای?",
        "خطأ",
        # Vietnamese: lỗi, and mã lỗi (an error code).
        "lỗi",
        # Turkish (Hata 628, 651 hatası), Hebrew (שגיאה 809, בשגיאה 740 "with error"), Bosnian,
        # Croatian and Serbian (Greška 809, pogreška, greske as typed without accents), Danish
        # (fejl 619, fejlkode).
        "hata",
        "hatas[ıi]",
        "שגיאה",
        "בשגיאה",
        "grešk[aeiu]",
        "gresk[aeiu]",
        "pogrešk[aeiu]",
        "pogresk[aeiu]",
        "fejl",
        "fejlkode",
    ),
    after=r"(?![^\W\d_])",
)
# After these plurals only a list of numbers counts: "errors: 720" is a count of errors.
PLURAL_ERROR_WORDS = frozenset(("errors", "codes", "errores", "ошибок", "кодами"))
# The symbols of codes, as the SDK headers spell them: ERROR_VPN_TIMEOUT, CERT_E_UNTRUSTEDROOT,
# a prefix and at most this many characters after it.
SYMBOL_NAME_CHARS = 60
SYMBOL_PREFIXES = (
    "ERROR_",
    "WARNING_",
    "CERT_E_",
    "CRYPT_E_",
    "TRUST_E_",
    "SEC_E_",
    "EAP_E_",
    "EAP_I_",
)
SYMBOLS = Vocabulary(
    tuple(f"{prefix}[A-Z0-9_]{{3,{SYMBOL_NAME_CHARS}}}" for prefix in SYMBOL_PREFIXES),
    cased=True,
)
# A code as raserror.h and mprerror.h write it, their base and an offset ("RASBASE+76"): a port
# of them writes its switch's arms so. Searched whole, as the headers and Delphi's ports spell
# the base ("RASBase+91"): a camel-cased "rasBase + 4" is a program's pointer.
BASE_OFFSETS = Vocabulary(
    tuple(f"{base}(?=[ \t]{{0,4}}\\+)" for base in ("RASBASE", "RASBase", "ROUTEBASE")),
    cased=True,
    before=r"(?<![\w.])",
    whole=True,
)
# raserror.h's one symbol without a prefix, taken only where its header's base defines it:
# "#define PENDING (RASBASE+0)"; the word alone is any job log's. Searched whole: its needle
# would share "ing" with WARNING_'s, a part of every other English word.
PENDING_DEFINED = Vocabulary(
    (r"PENDING(?=[ \t]{0,60}[=(]?[ \t]{0,8}\(?[ \t]{0,8}(?i:RASBASE)\b)",),
    cased=True,
    whole=True,
)
# Where a script or a program tests a value for equality with a number: `==`, PowerShell's
# `-eq`, batch's `EQU` (not batch's `if errorlevel 691`, which means at least 691). The operator
# starts the rule, not the name before it: names such as "error" and "exit" are common in
# logs, comparisons rare; EQU's needle is "equ " (no needle starts with a space: in text that
# is not ASCII, every space would start a try).
COMPARISONS = Vocabulary(("==", "-eq(?![a-z])", "equ "))
# The names of an exit status or an error a comparison may test: %errorlevel%, $LASTEXITCODE,
# dwErr, e.winerror, error_code, exit_code, returncode, retval.
EXIT_STATUS_NAMES = (
    "errorlevel",
    "lastexitcode",
    "winerror",
    r"exit[ _]?(?:code|status)",
    r"return[ _]?(?:code|value)",
    "retcode",
    "retval",
    r"err(?:or)?(?:[_ ]?code)?",
)
# Scripts without spaces: the word may touch the number ("629错误", "エラー809").
CJK_ERROR_WORDS = Vocabulary(
    (
        "错误代码",
        "錯誤代碼",
        "错误码",
        "错误",
        "錯誤",
        "报错",
        "報錯",
        "异常",
        "異常",
        # A fault: campus network wikis title each dial-up error "故障 691".
        "故障",
        "代码",
        "代碼",
        r"エラー\s?コード",
        "エラー",
        "오류",
        "에러",
    )
)

# Chinese verbs a code follows without an error word: "我一直809", "拨号提示691", "一直报809错误";
# simplified and traditional. Not 报 alone ("PC端报651"): one character, and Japanese 情報
# (information) in every other line of a Japanese log, each place a try.
CJK_VERBS = Vocabulary(
    (
        *("提示", "出现", "出現", "一直", "发生", "發生", "无限", "無限"),
        # "still is" ("依然是809"); not 还是, which is as often "or" ("是600还是700？").
        *("依然是", "仍然是", "仍是", "依旧是", "依舊是"),
    )
)

# -- Remote Access context ----------------------------------------------------------------

# RAS APIs and types by their case: RasDial, MprAdminPortEnum, DotRas, RAS.
CONTEXT_NAMES = Vocabulary(
    (
        # Not a Raspberry Pi's short name: "RasPi", "RasPiOS".
        "Ras(?!Pi(?:OS)?(?![a-z]))[A-Z][A-Za-z]*",
        "Mpr[A-Z][A-Za-z]*",
        "DotRas",
        r"RAS(?![:\]\w])",
        r"RRAS(?!\w)",  # Routing and Remote Access, the server side
        # RasClient's connection id, with a capital as it writes it: not a program's "coId=".
        r"CoI[dD][ \t]?=",
    ),
    cased=True,
    before="(?<![A-Za-z])",
)
# The tools that dial, in any case: with the RAS APIs, what an exit status compared is read
# beside (a VPN word near a script's robocopy or secedit call says nothing of its status).
# Windows' commands that dial: rasdial, and rasphone's.
DIAL_COMMANDS = ("rasdial", "rasphone")
DIAL_TOOLS = Vocabulary((*DIAL_COMMANDS, "win32ras"))
# Events, tunnel protocols and the VPN and dial-up words around them, in any case.
CONTEXT_WORDS = Vocabulary(
    (
        r"remote[ \t]*access",
        # The same in Spanish and German, as their rasdial writes it: "Error de acceso remoto
        # 691", "Remotezugriffsfehler 740".
        "acceso remoto",
        "remotezugriff",
        # Windows names every connection it dials so, VPNs too: 拨号连接, 接続をダイヤルしました.
        "dial[-‐‑ ]?up",
        "拨号",
        "撥號",
        "拔号",
        "전화 접속",
        "l2tp",
        "pptp",
        "sstp",
        "ikev2",
        "vpn",
        "впн",  # Russian posts write VPN so too: "Ошибка 868 при подключении к ВПН"
        r"netcfg\.chm",
    )
)
# A broadband or telephone line and its device: context for the codes such a line ends with,
# not for a VPN's own (a router's PPPoE page says nothing of certificates, IKE or VPN tunnels).
LINE_WORDS = Vocabulary(
    (
        "pppoe",
        "broadband",
        # Broadband, as the English word is: 宽带连接 (a broadband connection) and alone.
        "宽带",
        "寬頻",
        "ブロードバンド",
        # The dial-up line and its device: "modem" in five scripts, 電話回線 (a telephone line),
        # Russian dial-up ("коммутируемое соединение", "коммутированного доступа"). Not a serial
        # port's modem status lines (CTS, DSR, DCD), which serial libraries read for any device:
        # "GetCommModemStatus", "_poll_modem_state", "modem status flags", "modem control lines";
        # a help desk's "modem status lights" and "Modem state: ..." are a dial-up modem's.
        (
            r"modem(?!_?(?:status|state|control)(?![a-z])|[ \t-](?:status|control)[ \t-]"
            r"(?:flag|line|signal|bit|register)s?(?![a-z]))"
        ),
        "モデム",
        "модем",
        "调制解调器",
        # A fiber modem, as Chinese posts name the one a PPPoE line dials through ("light cat");
        # not a nail finish's 极光猫眼, cat litter's 荧光猫砂, nor 阳光猫咪 (a cat).
        "光猫(?![眼砂咪])",
        "數據機",
        "모뎀",
        "電話回線",
        "коммутир",
    )
)
# Azure's name for the VPN a Windows client dials into its gateway, as words of their own: not
# "mp2s", nor "point to site" in a sentence.
AZURE_VPN_WORDS = Vocabulary(
    ("p2s", "point[-‐‑]to[-‐‑]site"), before="(?<![A-Za-z0-9_])", after="(?![A-Za-z0-9_])"
)
# A virtual private server, where the posts about self-hosted VPNs run theirs: as a word of its
# own, not the end of Diameter's "AVPs".
VPS_WORD = Vocabulary(("vps",), before="(?<![A-Za-z])", after="(?![a-z])")
# IPsec tunnels, as words of their own: not a piece of a symbol such as ERROR_IPSEC_IKE_...
TUNNEL_WORDS = Vocabulary(("ipsec", "strongswan"), before="(?<!_)", after="(?!_)")
# Japanese "dial" (接続をダイヤルしました), not a toll-free number's (フリーダイヤル), which a water
# heater's error page gives beside its "エラー920", nor a support line's shared-cost number's
# (ナビダイヤル, 0570-...).
JAPANESE_DIAL = Vocabulary(("ダイヤル",), before="(?<!フリー)(?<!ナビ)")
# MS-CHAP, the authentication whose failure packets carry the dial-up codes of its failures
# ("E=691 R=1", FreeRADIUS's "error = 648"), as a word's start: not "ms-chapter",
# "ItemsChapter". Context for authentication's codes alone.
MS_CHAP_WORDS = Vocabulary(
    ("mschap", "ms-chap"), before="(?<![A-Za-z0-9])", after="(?![Tt][Ee][Rr])"
)
# IKE, the key exchange of IPsec tunnels, in capitals as its messages write it.
IKE_NAME = Vocabulary(("IKE",), cased=True, before="(?<![A-Za-z_])", after="(?![A-Za-z_])")
CONTEXT_VOCABULARIES = (
    CONTEXT_NAMES,
    DIAL_TOOLS,
    CONTEXT_WORDS,
    VPS_WORD,
    AZURE_VPN_WORDS,
    TUNNEL_WORDS,
    IKE_NAME,
    LINE_WORDS,
    JAPANESE_DIAL,
    MS_CHAP_WORDS,
)
RAS_CONTEXT = join(*CONTEXT_VOCABULARIES)
# The APIs that dial or tell a dial's result, by their case: RasDial, RasDialW, RasHangUp,
# DotRas's RasDialer; not every Ras... name ("RasPi backup" is a Raspberry Pi's).
# The APIs whose result is a dial's status (pywin32 names each without its "Ras").
DIALING_APIS = ("RasDial", "RasHangUp", "RasGetConnectStatus", "RasEnumConnections")
DIAL_APIS = Vocabulary((*DIALING_APIS, "RasGetErrorString"), cased=True, before="(?<![A-Za-z])")
DIALER = join(DIAL_APIS, DIAL_TOOLS)

# -- Other systems' numbers ---------------------------------------------------------------

# Names that give a number to another system: databases, installers, hardware.
FOREIGN_WORDS = Vocabulary(
    (
        "sql",
        "severity",
        "sqlstate",
        "oracle",
        "ora-[0-9]",
        "mysql",
        "mariadb",
        "database",
        # The same in other languages: a SQL Server page's "daños en la base de datos".
        "base de datos",
        "banco de dados",
        "base de données",
        "datenbank",
        "база данных",
        "数据库",
        "資料庫",
        "データベース",
        "ntfrs",
        "spid[0-9]",
        "msiexec",
        "cuda",
        "roblox",  # its error codes 279, 773...: "Roblox Error Code 773"
        "роблокс",  # the same in Russian, where it is played over a VPN: "Роблокс ошибка 769"
        "warzone",  # a game's: "Warzone 2.0 Error Code 657"
        "quickbooks",  # its pairs: "Error -6189, -816" when QuickBooks opens a company file
        "sybase",  # Sybase's Adaptive Server: its "Error 691" is an invalid logical page
        "adaptive server",
        # Google Play's download and install errors run 905-944: "Google Play error 924".
        "google play",
        "play (?:store|market)",
        "плеймаркет",  # Russian: "проблемы с загрузкой приложений с плеймаркета. Ошибка 963, 907"
        "плей маркет",
        # SIP's final responses 600-606: "SIP error 603 Decline", "SIP response code 600" (not a
        # SIP call over a VPN: "VPN error 800 every time my SIP call starts" is RAS's).
        # (An entry's alternatives share its start: one needle, one pass over the text.)
        "sip (?:error|response)",
        # A cellular module's AT error (3GPP TS 27.007): Quectel's "+CME ERROR: 703" (HTTP busy).
        r"\+cm[es] error",
        # An HTTP stack's own errors: a SIMCom module's "HTTPS error 715", "HTTP GET error 703",
        # "HTTP error code 714" (its 7xx codes).
        "https?(?: get| post)? error(?: code)?[: \t]{0,2}[0-9]",
        # iTunes' errors 13010-13019 when it syncs or updates a device.
        "itunes",
        # VPN clients and port mappers with codes of their own in the same ranges: AmneziaVPN's
        # (its enum: "Tun2SockExecutableCrashed = 804", "ImportInvalidConfigError = 900"), UPnP's
        # "UPnPError 714: NoSuchEntryInArray" and miniupnpc's "upnpc ... failed with code 718".
        "amnezia",
        "upnp ?error",
        "upnpc",
        "miniupnp",
        # Xunlei's broadband speed-up service (快鸟), whose API answers "errno": 805, 711, 812.
        "xunlei",
        "快鸟",
        "快鳥",
        # A tunneling service with errors of its own in the range: "ERR_NGROK_717", "ERR_NGROK_802".
        "ngrok",
        # A SIMCom module's HTTP result: "+HTTPACTION: 0,714,0" (its 7xx errors).
        r"\+httpaction",
        "給湯器",  # a water heater: "エコジョーズ給湯器のエラーコード「920」" (its neutralizer's end)
        "level [0-9]+, state",
        "レベル",
        "重大度",
        "serious",
    )
)
FOREIGN = FOREIGN_WORDS.compile()
# Marks on a code's own line of another system that Remote Access may work beside: a web API's
# HTTP status ("code: 613 ... [HTTP 400]"), UPnP's port mappings on a router (its errors 606 and
# 701-732: "Error code 718: The port mapping entry..."), SIMCom's cellular modules (their own
# HTTP and TCP errors 6xx-7xx; yet a SIM7600 also dials as a Windows modem, error 651 and all).
# Weaker than a name: they speak only where nothing but being told speaks for the code.
WEAK_MARK_WORDS = Vocabulary(
    (
        "http [1-5][0-9]{2}(?![0-9])",
        "http/[12](?:\\.[01])? [1-5][0-9]{2}(?![0-9])",
        "http error [1-5][0-9]{2}(?![0-9])",  # IIS: "HTTP Error 503. The service is unavailable."
        "upnp",
        "simcom",
        r"sim[5-9][0-9]{2,3}[a-z]{0,2}(?![a-z0-9])",
    ),
    before="(?<![a-z])",
)
WEAK_MARK = WEAK_MARK_WORDS.compile()
# What a post names as a failure's occasion as often as its owner: an update or an installation
# ("It was working before a Windows Update", "after the installation of KB5009543, L2TP VPN
# fails with error 789"). They own a code on its line only where it is written in hex, as their
# failures are (0x8024..., 0x80070643), and speak against a code only being told speaks for.
OCCASION_NAMES = Vocabulary(("windows update", "installer", "installation"))
OCCASION_NAME = OCCASION_NAMES.compile()

# -- Event logs ---------------------------------------------------------------------------

# The providers whose events carry Remote Access codes, as exports and posts write them.
EVENT_SOURCES = Vocabulary(("ras[ ]?client", "remote[ ]?access"))
EVENT_SOURCE = EVENT_SOURCES.compile()
