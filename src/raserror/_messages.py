"""Recognise a code by its own words: a quoted message, in either wording, or part of it.

Each message becomes a list of lower-case words; four-word shingles index
them, so a quote is compared only with the few messages it shares a shingle
with. A quote matches a message when a run of its words is a run of the
message's words, long enough to be that message and no other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import repeat
from threading import Lock
from typing import Literal, Optional, Union, overload

from raserror._codes import ErrorCode
from raserror._vocabulary import ascii_same_length

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

# Words as the index sees them: letters and digits; "e.g.," and "(ICS)" lose their marks.
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_WORD_SPLIT = re.compile(f"({WORD.pattern})")
# The same in lower-cased ASCII text, where a letter or digit is one of these: read faster.
_ASCII_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)?")
_ASCII_WORD_SPLIT = re.compile(f"({_ASCII_WORD.pattern})")
SHINGLE = 4
_ALL_KNOWN = b"\x01" * SHINGLE


def _places(words: list[str]) -> Iterable[int]:
    """Where a shingle may start: four message words in a row, found in C.

    In text made mostly of message words (a quoted message) every place is tried:
    looking for the few that are not would cost more than it saves.
    """
    known = bytes(map(index().vocabulary.__contains__, words))
    if known.count(0) * 8 < len(known):
        return range(len(words) - SHINGLE + 1)
    return _found(known)


def _found(known: bytes) -> Iterator[int]:
    at = known.find(_ALL_KNOWN)
    while at >= 0:
        yield at
        at = known.find(_ALL_KNOWN, at + 1)


# A message quoted with no number must be nearly whole and run this many words...
QUOTE_WHOLE_SHARE = 0.8
QUOTE_WHOLE_WORDS = 4
# ...or run this many words and hold this share of it...
QUOTE_MIN_WORDS = 6
QUOTE_MIN_SHARE = 0.5
# ...or this many words, whatever the message's length ("a missing first or last part").
QUOTE_ENOUGH_WORDS = 10
# A run shorter than that needs two words a post about anything else would hardly hold:
# "connect to the VPN" names no code, "IKE authentication credentials are unacceptable" does.
QUOTE_DISTINCT_WORDS = 2
# A whole message shorter than a quote needs ("Policy match error") names its code only
# when it is all of a text pasted to be explained: any program may write such words.
SHORT_WHOLE_WORDS = 3
# Longer than any short message with room for marks around it: longer text is not one.
SHORT_WHOLE_CHARS = 200
# The short messages that posts quote as the error they saw: 13868's and 13843's whole, and
# 13801's with "authentication" left out, as four public posts write it. The other short whole
# messages are words other programs print as well: the C library's "Cannot allocate memory"
# (664's), "Negotiation timed out" (13805's), wpa_supplicant's "EAP authentication failed"; and
# a message shortened by one word is often another program's whole one (Apple's "The request
# timed out.", not 638's "The request has timed out."), so only those seen in posts count.
QUOTED_SHORT_MESSAGES = frozenset(
    ("policy match error", "invalid payload received", "ike credentials are unacceptable")
)
# The word left out is none that turns the meaning ("The port is connected").
_MEANING_WORDS = frozenset(("not", "no", "cannot", "never", "nor", "none", "unable", "without"))
COMMON_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "by",
        "can",
        "cannot",
        "can't",
        "connect",
        "connected",
        "connection",
        "could",
        "couldn't",
        "error",
        "failed",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "may",
        "no",
        "not",
        "of",
        "on",
        "or",
        "please",
        "remote",
        "server",
        "computer",
        "network",
        "the",
        "this",
        "that",
        "to",
        "try",
        "unable",
        "vpn",
        "was",
        "were",
        "which",
        "will",
        "with",
        "you",
        "your",
    ]
)
# Another code's message quoted beside a number says no from this many words on.
OTHER_QUOTE_WORDS = QUOTE_MIN_WORDS + 1
# Beside a number, fewer words of the code's own message are enough.
BESIDE_MIN_WORDS = 4


@dataclass(frozen=True)
class Quote:
    """A run of text words that is a run of one code's message."""

    code: ErrorCode
    start: int  # character offsets of the run in the text searched
    end: int
    words: int  # how many words the run holds
    share: float  # the run's share of the message it matched


class _Index:
    """The messages of every code as word lists, and where each shingle occurs."""

    def __init__(self) -> None:
        self.messages: list[tuple[ErrorCode, tuple[str, ...]]] = []
        self.shingles: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self.by_code: dict[ErrorCode, list[tuple[str, ...]]] = {}
        # Where each word stands in each of a code's messages: runs start from these.
        self.positions: dict[tuple[str, ...], dict[str, list[int]]] = {}
        # The words of a code's messages that say something: the quick test of a window.
        self.content_words: dict[ErrorCode, frozenset[str]] = {}
        # The distinctive words of the messages: a text without any of them quotes none.
        self.anchors: frozenset[str] = frozenset()
        texts = {}
        for code in ErrorCode:
            for text in dict.fromkeys((code.message, code.windows_message)):
                texts[(code, text)] = tuple(word.lower() for word in WORD.findall(text))
        counts: dict[str, int] = {}
        for words in texts.values():
            for word in set(words):
                counts[word] = counts.get(word, 0) + 1
        anchors = set()
        for (code, _), words in texts.items():
            number = len(self.messages)
            self.messages.append((code, words))
            self.by_code.setdefault(code, []).append(words)
            if words not in self.positions:  # two codes may share a text: index it once
                positions: dict[str, list[int]] = {}
                for position, word in enumerate(words):
                    positions.setdefault(word, []).append(position)
                self.positions[words] = positions
            for position in range(len(words) - SHINGLE + 1):
                key = words[position : position + SHINGLE]
                self.shingles.setdefault(key, []).append((number, position))
            # Its two rarest words stand for a message in the quick test of a line.
            anchors.update(sorted(words, key=lambda word: (counts[word], word))[:2])
        self.anchors = frozenset(anchors)
        # The shortenings posts quote ("ike credentials are unacceptable"), each with its code.
        self.shortened = _shortened(self.messages)
        # Each whole message, word for word, with the codes whose message it is.
        wholes = _codes_of_wholes(self.messages)
        # The words messages begin with ("the", "there", "cannot"): a quote set inside a line starts
        # so, not with a title's noun ("Output Buffer is too small").
        self.first_words = frozenset(words[0] for _, words in self.messages if words)
        # The whole messages too short to quote that say something.
        self.short_wholes = {
            words: codes for words, codes in wholes.items() if _short_and_saying(words)
        }
        # Every word of every message: a shingle's four words are all among them.
        self.vocabulary = frozenset(word for words in texts.values() for word in words)
        self.longest_word = max(map(len, self.vocabulary))
        # For each message, how many of its first n words say something: a run's count in O(1).
        self.distinct_before = [_distinct_before(words) for _, words in self.messages]
        for code, messages in self.by_code.items():
            said = {word for message in messages for word in message}
            self.content_words[code] = frozenset(said - COMMON_WORDS)
        # The runs of words as long as the shortest quote that speaks against a number, and
        # those each code's messages hold: the quick test of ``may_quote_other``.
        codes_of_runs = _codes_of_runs(self.messages, OTHER_QUOTE_WORDS)
        self.other_runs = frozenset(codes_of_runs)
        self.own_runs = _held_by(codes_of_runs)
        # Beside its number, a run of this many of a code's own words names it: each such run.
        self.beside_runs = _beside_runs(self.messages, self.by_code)
        # A whole message names its code beside its number even where a longer message of
        # another code holds it ("The port was disconnected." in 629's), unless it is another's.
        # Each spelled as its words between spaces: words hold none, so a run of them is a part.
        self.own_wholes = {
            code: tuple(
                f" {' '.join(words)} "
                for words in dict.fromkeys(messages)
                if len(wholes[words]) == 1 and words
            )
            for code, messages in self.by_code.items()
        }
        # For the quick test of ASCII text: 1 for a part of a message word, 2 for a line break.
        # As bytes: the text's tokens are ASCII, split as bytes in C.
        parts = {part.encode(): 1 for word in self.vocabulary for part in word.split("'") if part}
        self.token_kinds = {**parts, _LINE_BREAK.encode(): 2}


Run = tuple[str, ...]


def _codes_of_runs(
    messages: list[tuple[ErrorCode, Run]], length: int
) -> dict[Run, set[ErrorCode]]:
    """Every run of ``length`` words of the messages, and the codes whose messages hold it."""
    codes_of: dict[Run, set[ErrorCode]] = {}
    for code, words in messages:
        for at in range(len(words) - length + 1):
            codes_of.setdefault(words[at : at + length], set()).add(code)
    return codes_of


def _held_by(
    codes_of: dict[Run, set[ErrorCode]], *, alone: bool = False
) -> dict[ErrorCode, frozenset[Run]]:
    """For each code, the runs of ``codes_of`` its messages hold (``alone``: no other's do)."""
    held: dict[ErrorCode, set[Run]] = {}
    for run, codes in codes_of.items():
        if not alone or len(codes) == 1:
            for code in codes:
                held.setdefault(code, set()).add(run)
    return {code: frozenset(runs) for code, runs in held.items()}


def _shortened(messages: list[tuple[ErrorCode, Run]]) -> dict[Run, ErrorCode]:
    """Each listed short message that is one code's message with one word left out, and that code.

    Not one that two codes' messages shorten to, nor a whole message (``short_wholes``).
    """
    found: dict[Run, ErrorCode] = {}
    for phrase in QUOTED_SHORT_MESSAGES:
        words = tuple(phrase.split())
        codes = {
            code
            for code, message in messages
            if len(message) == len(words) + 1 and _one_word_left_out(message, words)
        }
        if len(codes) == 1:
            found[words] = codes.pop()
    return found


def _codes_of_wholes(messages: list[tuple[ErrorCode, Run]]) -> dict[Run, list[ErrorCode]]:
    """Each whole message, word for word, with the codes whose message it is, each once."""
    codes_of: dict[Run, list[ErrorCode]] = {}
    for code, words in messages:
        codes = codes_of.setdefault(words, [])
        codes += [code] if code not in codes else []
    return codes_of


def _short_and_saying(words: Run) -> bool:
    """Whether a whole message is too short to quote, yet says something.

    "The connection dropped" says little: "dropped" alone is no word any post holds.
    """
    distinct = sum(word not in COMMON_WORDS for word in words)
    short = SHORT_WHOLE_WORDS <= len(words) < QUOTE_WHOLE_WORDS
    return short and distinct >= QUOTE_DISTINCT_WORDS


def _beside_runs(
    messages: list[tuple[ErrorCode, Run]], by_code: dict[ErrorCode, list[Run]]
) -> dict[ErrorCode, tuple[int, frozenset[Run]]]:
    """For each code, how many of its words in a row name it beside its number, and each run.

    Only runs no other code's message holds: "The remote connection was" begins the
    messages of 691, 868 and more, and beside 691 it says nothing for 691.
    """
    lengths = {
        code: min(BESIDE_MIN_WORDS, *map(len, messages)) for code, messages in by_code.items()
    }
    found: dict[ErrorCode, tuple[int, frozenset[Run]]] = {}
    for length in set(lengths.values()):
        only_own = _held_by(_codes_of_runs(messages, length), alone=True)
        for code, own_length in lengths.items():
            if own_length == length:
                found[code] = (length, only_own.get(code, frozenset()))
    return found


def _distinct_before(words: tuple[str, ...]) -> list[int]:
    """How many of the first 0, 1, ..., n ``words`` are not common words."""
    running = [0]
    for word in words:
        running.append(running[-1] + (word not in COMMON_WORDS))
    return running


_index: _Index | None = None
_content_patterns: dict[ErrorCode, re.Pattern[str]] = {}
# A letter or digit: a word of the index does not start right after one.
_WORD_CHAR = re.compile(r"[^\W_]")


def says_own_words(
    code: ErrorCode,
    lowered: str,
    start: int,
    end: int,
    read_without: dict[ErrorCode, tuple[int, int]] | None = None,
) -> bool:
    """Whether a word of ``code``'s messages that says something stands in ``lowered[start:end]``.

    ``lowered`` is a lower-cased text. The quick test of a window, in C: the
    pattern has no look-behind, so the engine skips to its first letters.
    ``read_without``: for each code, the last stretch of ``lowered`` read
    without its words, kept by the caller for windows that move on through one
    text: only what lies past that stretch, or where a window's end cuts a word,
    is read again.
    """
    pattern = _content_patterns.get(code)
    if pattern is None:
        words = sorted(index().content_words[code], key=lambda word: (-len(word), word))
        body = "|".join(map(re.escape, words)) or "(?!)"
        pattern = _content_patterns[code] = re.compile(rf"(?:{body})(?![^\W_])")
    known = None if read_without is None else read_without.get(code)
    first = start
    if known is not None and known[0] <= start <= known[1]:
        cut = end < len(lowered) and _WORD_CHAR.match(lowered, end) is not None
        if end <= known[1] and not cut:
            return False
        # A word that starts this close to where a read ended may run past it, or be cut short
        # where this one ends (the start of "usernamex" is "user"): it is read again.
        first = max(start, min(end, known[1]) - index().longest_word)
    for match in pattern.finditer(lowered, first, end):
        at = match.start()
        if not at or _WORD_CHAR.match(lowered, at - 1) is None:
            return True
    if read_without is not None and (known is None or end > known[1]):
        read_without[code] = (known[0] if known is not None and first > start else start, end)
    return False


def index() -> _Index:
    """The index, built on first use: plain lookups never pay for it."""
    global _index  # noqa: PLW0603 - a cache, rebound once as a whole
    if _index is None:
        _index = _Index()
    return _index


def _words(text: str, start: int, end: int) -> tuple[list[str], list[tuple[int, int]]]:
    words, spans = [], []
    for match in WORD.finditer(text, start, end):
        words.append(match.group().lower())
        spans.append(match.span())
    return words, spans


def lower_same_length(text: str) -> str | None:
    """``text`` lower-cased with each character in its place, or None if that cannot be."""
    if "\u0130" in text:
        # U+0130 (İ) is the one character whose lower case is two: take it as a plain I.
        text = text.replace("\u0130", "I")
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None


def _lower_words(text: str, start: int, end: int) -> list[str] | None:
    """The words of ``text[start:end]``, lower-cased in one go; None where that would shift them."""
    lowered = lower_same_length(text[start:end])
    if lowered is None:
        return None
    return (_ASCII_WORD if lowered.isascii() else WORD).findall(lowered)


def _runs(words: list[str]) -> Iterator[tuple[int, int, int, int]]:
    """(message number, text word, message word, length) of each maximal shared run."""
    shingles = index().shingles
    messages = index().messages
    reached: dict[int, int] = {}  # message -> the text word its last run reached
    count = len(words)
    text = tuple(words)  # its slices are the shingles' keys
    for at in _places(words):
        hits = shingles.get(text[at : at + SHINGLE])
        if hits is None:
            continue
        for number, position in hits:
            if reached.get(number, -1) > at:
                continue  # inside a run already found
            message = messages[number][1]
            limit = min(count - at, len(message) - position)
            length = SHINGLE
            while length < limit and text[at + length] == message[position + length]:
                length += 1
            reached[number] = at + length
            yield number, at, position, length


def quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """The messages quoted in ``text[start:end]`` strongly enough to name their code.

    A run shared by the messages of several codes (13809-13812 share one
    text) names none of them and is left out.
    """
    end = len(text) if end is None else end
    lowered = lower_same_length(text[start:end])
    if lowered is None:
        words, spans = _words(text, start, end)
        return [
            Quote(code, spans[first][0], spans[last - 1][1], last - first, share)
            for code, first, last, share in _quoted(words, _remembered_runs(words))
        ]
    # Words and what stands between them, split in C: their lengths add up to each offset.
    parts = (_ASCII_WORD_SPLIT if lowered.isascii() else _WORD_SPLIT).split(lowered)
    words = parts[1::2]
    quoted = _quoted(words, _remembered_runs(words))
    if not quoted:
        return []
    # A quote starts where its first word's part does and ends where the part after its last does.
    offsets = _part_offsets(
        parts, start, [at for _, first, last, _ in quoted for at in (2 * first + 1, 2 * last)]
    )
    return [
        Quote(code, offsets[2 * first + 1], offsets[2 * last], last - first, share)
        for code, first, last, share in quoted
    ]


def _part_offsets(parts: list[str], start: int, wanted: list[int]) -> dict[int, int]:
    """Where each of the ``wanted`` parts starts, ``parts`` read from ``start`` on.

    Their lengths added up in C only as far as the last part wanted, no offset kept but these.
    """
    offsets: dict[int, int] = {}
    done, offset = 0, start  # the parts before ``done`` end at ``offset``
    for part in sorted(set(wanted)):
        offset += sum(map(len, parts[done:part]))
        offsets[part], done = offset, part
    return offsets


# (codes, first word, past the last word, share) of a run of a text's words quoted.
QuotedRun = tuple[frozenset[ErrorCode], int, int, float]


def _quoted(
    words: list[str], runs: list[QuotedRun] | None = None
) -> list[tuple[ErrorCode, int, int, float]]:
    """(code, first word, past the last word, share) of each quote in ``words``, in order.

    A run that the messages of several codes share names none of them.
    ``runs``: the quoted runs of ``words``, where already found.
    """
    return [
        (next(iter(codes)), first, last, share)
        for codes, first, last, share in (_quoted_runs(words) if runs is None else runs)
        if len(codes) == 1
    ]


# A run of message words, with no other word in it, is quoted the same wherever it stands:
# a log repeats its lines, so each run's quotes are remembered, this many words at most.
_REMEMBERED_WORDS = 10_000
_LONGEST_REMEMBERED = 500
_remembered: dict[tuple[str, ...], list[QuotedRun]] = {}
_remembered_words = 0
_remembering = Lock()
# Four message words in a row or more: where a quote can stand (bytes of ``known``).
_MESSAGE_RUN = re.compile(b"\x01{%d,}" % SHINGLE)


def _remembered_runs(words: list[str]) -> list[QuotedRun]:
    """``_quoted_runs(words)``, each run of message words looked up where it was seen before.

    A quote is a run of message words, and a word that no message holds ends
    every run: the runs of message words between such words are read apart.
    """
    global _remembered_words  # noqa: PLW0603 - a bounded cache, counted as it grows
    known = bytes(map(index().vocabulary.__contains__, words))
    found: list[QuotedRun] = []
    for run in _MESSAGE_RUN.finditer(known):
        first, last = run.span()
        key = tuple(words[first:last])
        runs = _remembered.get(key)
        if runs is None:
            runs = _quoted_runs(list(key))
            if len(key) <= _LONGEST_REMEMBERED:
                with _remembering:  # threads that scan at once keep the count true
                    if _remembered_words + len(key) > _REMEMBERED_WORDS:
                        _remembered.clear()
                        _remembered_words = 0
                    _remembered[key] = runs
                    _remembered_words += len(key)
        found += [(codes, first + start, first + end, share) for codes, start, end, share in runs]
    return found


def _quoted_runs(words: list[str]) -> list[QuotedRun]:
    """(codes, first word, past the last word, share) of each quoted run, in order."""
    messages = index().messages
    best: dict[tuple[int, int], tuple[int, float, set[ErrorCode]]] = {}
    distinct_before = index().distinct_before
    for number, first, position, length in _runs(words):
        code, message = messages[number]
        share = length / len(message)
        if length < QUOTE_ENOUGH_WORDS and (
            not _strong(length, share)
            or distinct_before[number][position + length] - distinct_before[number][position]
            < QUOTE_DISTINCT_WORDS
        ):
            continue  # a run of ten words or more is strong whatever its share
        key = (first, first + length)
        kept = best.get(key)
        if kept is not None and kept[0] == length:
            kept[2].add(code)
            best[key] = (length, max(share, kept[1]), kept[2])
        else:
            best[key] = (length, share, {code})
    # Overlapping runs: the longest stands, so a phrase inside a longer quote names nothing;
    # a run that several codes share stands too, and names none of them.
    runs = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
    # The kept runs do not overlap: sorted by start, their ends are sorted too.
    starts: list[int] = []
    ends: list[int] = []
    found: list[QuotedRun] = []
    for (first, last), (_, share, codes) in runs:
        before = bisect_left(starts, last)  # the kept runs that start before this one ends
        if before and ends[before - 1] > first:
            continue
        starts.insert(before, first)
        ends.insert(before, last)
        found.append((frozenset(codes), first, last, share))
    return sorted(found, key=lambda quote: quote[1])


def _strong(length: int, share: float) -> bool:
    """Whether a run of ``length`` words, ``share`` of its message, can only be that message."""
    return (
        length >= QUOTE_ENOUGH_WORDS
        or (length >= QUOTE_MIN_WORDS and share >= QUOTE_MIN_SHARE)
        or (length >= QUOTE_WHOLE_WORDS and share >= QUOTE_WHOLE_SHARE)
    )


# Where a sentence ends between two words: a full stop, a mark that ends a clause, a line break,
# and the ideographic full stop and full-width exclamation and question marks.
_SENTENCE_END = re.compile("[.!?;:\u3002\uff01\uff1f\n]")


def _sentence_goes_on(text: str, spans: list[tuple[int, int]], at: int) -> bool:
    """Whether word ``at`` of ``text`` (at ``spans``) is in the sentence of the word before it."""
    return _SENTENCE_END.search(text, spans[at - 1][1], spans[at][0]) is None


def _grams(words: list[str], length: int) -> Iterator[tuple[str, ...]]:
    """Every run of ``length`` words in a row, made in C."""
    return zip(*[words[at:] for at in range(length)])


# ASCII text as tokens split in C: every mark a space (one character for one, the quick way
# of translate), then each line break a token of its own.
_LINE_BREAK = "\x00"
_MARKS_TO_SPACES = str.maketrans(
    {chr(char): " " for char in range(128) if not chr(char).isalnum()} | {"\n": _LINE_BREAK}
)
_BREAK_BYTE = _LINE_BREAK.encode()
_BREAK_TOKEN = b" " + _BREAK_BYTE + b" "


def lines_with_runs(lowered: str) -> list[int]:
    """The lines of a lower-cased text (from 0) that hold part of a run of four message words.

    The quick test of where quotes stand. Tokens are split at every mark,
    apostrophes too, so a word of the index is one token or more, each a part
    of a message word; a line break between two words does not end a run, as
    a quote may wrap. The messages' words are ASCII: any other character is
    read as a mark, which keeps every such word whole.
    """
    if not lowered.isascii():
        lowered = ascii_same_length(lowered)
    kinds = index().token_kinds
    # As bytes, which split in C faster than a str does: the text is ASCII by now.
    marked = lowered.translate(_MARKS_TO_SPACES).encode("ascii")
    tokens = marked.replace(_BREAK_BYTE, _BREAK_TOKEN).split()
    known = bytes(map(kinds.get, tokens, repeat(0)))
    runs = known.replace(b"\x02", b"\x01")
    lines: list[int] = []
    line = counted = 0  # the line breaks before token ``counted``, counted in C as runs go on
    at = runs.find(_ALL_KNOWN)
    while at >= 0:
        stop = runs.find(0, at)  # the run of known tokens goes on to here
        stop = len(runs) if stop < 0 else stop
        line += known.count(2, counted, at)
        counted = at
        first, last = line, line + known.count(2, at, stop - 1)
        lines.extend(range(max(lines[-1] + 1, first) if lines else first, last + 1))
        at = runs.find(_ALL_KNOWN, stop)
    return lines


def text_words(text: str, start: int, end: int) -> list[str]:
    """The lower-case words of ``text[start:end]``."""
    words = _lower_words(text, start, end)
    return words if words is not None else _words(text, start, end)[0]


# Up to so many words, each after what is no word: where finditer of WORD finds them, in one match.
_words_ahead: dict[int, re.Pattern[str]] = {}


def after_words(text: str, at: int, count: int) -> int:
    """Where the ``count``-th word from ``at`` on ends (a word cut at ``at`` counts as one)."""
    ahead = _words_ahead.get(count)
    if ahead is None:
        ahead = _words_ahead[count] = re.compile(rf"(?:[\W_]*{WORD.pattern}){{0,{count}}}")
    return ahead.match(text, at).end()  # type: ignore[union-attr] # {0,n} always matches


def has_own_run(code: ErrorCode, words: list[str]) -> bool:
    """Whether ``words`` hold a run of ``code``'s own message long enough to name it beside it."""
    length, runs = index().beside_runs[code]
    if length == 0 or not runs.isdisjoint(_grams(words, length)):
        return True
    wholes = index().own_wholes[code]
    if not wholes:
        return False
    spelled = f" {' '.join(words)} "  # one search in C for each whole message, not a scan of runs
    return any(whole in spelled for whole in wholes)


def may_quote_other(code: ErrorCode, words: list[str]) -> bool:
    """Whether ``words`` may quote a message of a code other than ``code`` at some length.

    The quick test, in C: a quote that long is a run of another code's message,
    so a text with no such run that ``code``'s messages do not hold quotes no
    other code (809's first sentence is 811's too: beside 809 it is 809's).
    """
    found = index().other_runs.intersection(_grams(words, OTHER_QUOTE_WORDS))
    return bool(found) and not found <= index().own_runs.get(code, frozenset())


@overload
def from_message(text: str) -> Optional[ErrorCode]: ...
@overload
def from_message(text: str, *, every: Literal[False]) -> Optional[ErrorCode]: ...
@overload
def from_message(text: str, *, every: Literal[True]) -> list[ErrorCode]: ...
def from_message(text: str, *, every: bool = False) -> Union[Optional[ErrorCode], list[ErrorCode]]:
    """The code whose message ``text`` quotes, in either wording, or None.

    Case, punctuation, spaces and line breaks do not matter, nor does a
    missing first or last part, nor, where the text is all of it, a word left
    out as posts shorten it ("IKE credentials are unacceptable" is 13801's).
    A weak match is refused:
    ``from_message("connection failed")`` is None, and so is a text that
    quotes two codes' messages equally.

    ``every=True`` gives instead every code the quote may name, best first:
    both 809 and 811 for a quote of the words their messages begin with,
    one code where the quote names one, and an empty list where it names none.
    """
    if not isinstance(text, str):
        raise TypeError(f"from_message() needs a str, not {type(text).__name__}")
    if every:
        words, spans = _words(text, 0, len(text))
        candidates = _candidates(words, lambda at: _sentence_goes_on(text, spans, at))
        shortened = None if candidates else shortened_message(text)
        return candidates if shortened is None else [shortened.code]
    lowered = _lower_words(text, 0, len(text))
    words = lowered if lowered is not None else _words(text, 0, len(text))[0]
    found = _quoted(words)
    if not found:
        shortened = shortened_message(text)
        return None if shortened is None else shortened.code
    found.sort(key=lambda quote: (quote[1] - quote[2], -quote[3]))  # longest, then fullest
    code, first, last, _ = found[0]
    if len(found) > 1 and found[1][2] - found[1][1] == last - first and found[1][0] is not code:
        return None
    return code


def shortened_message(text: str) -> Quote | None:
    """The quote, where all the words of ``text`` are a message shortened as posts quote it.

    One word of one code's message left out, as ``QUOTED_SHORT_MESSAGES`` lists
    them: "IKE credentials are unacceptable" is 13801's "IKE authentication
    credentials are unacceptable."
    """
    if len(text) > SHORT_WHOLE_CHARS:
        return None
    found = list(WORD.finditer(text))
    words = tuple(match.group().lower() for match in found)
    code = index().shortened.get(words)
    if code is None:
        return None
    return Quote(
        code, found[0].start(), found[-1].end(), len(words), len(words) / (len(words) + 1)
    )


def _one_word_left_out(message: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether ``words`` are ``message`` with one word, not one that turns its meaning, left out."""
    left_out = next(
        (at for at, (said, written) in enumerate(zip(message, words)) if said != written),
        len(words),
    )
    dropped = message[left_out]
    return (
        message[left_out + 1 :] == words[left_out:]
        and dropped not in _MEANING_WORDS
        and not dropped.endswith("n't")
    )


def short_whole_message(text: str) -> Quote | None:
    """The quote, where all the words of ``text`` are one code's short whole message.

    It runs from the text's first word to its last.
    """
    if len(text) > SHORT_WHOLE_CHARS:
        return None
    found = list(WORD.finditer(text))
    codes = index().short_wholes.get(tuple(match.group().lower() for match in found), [])
    if len(codes) != 1:
        return None
    return Quote(codes[0], found[0].start(), found[-1].end(), len(found), 1.0)


def _candidates(words: list[str], goes_on: Callable[[int], bool]) -> list[ErrorCode]:
    """The codes of the longest quoted runs, the fullest run first, each code once."""
    return _codes_of(_longest_runs(words, goes_on))


def _codes_of(runs: list[QuotedRun]) -> list[ErrorCode]:
    """The codes of ``runs``, the fullest run first, each code once."""
    codes: list[ErrorCode] = []
    for held, _, _, _ in sorted(runs, key=lambda run: -run[3]):
        codes += [code for code in sorted(held) if code not in codes]
    return codes


def _longest_runs(words: list[str], goes_on: Callable[[int], bool]) -> list[QuotedRun]:
    """The longest quoted runs of ``words``.

    A run several messages share counts only where its sentence ends with it,
    ``goes_on(last)`` telling whether the words after it still belong to its
    sentence: "The system could not find the" begins 623's and 754's messages,
    and "file specified." after it makes another message of it.
    """
    runs = [
        run
        for run in _quoted_runs(words)
        if len(run[0]) == 1 or run[2] == len(words) or not goes_on(run[2])
    ]
    if not runs:
        return []
    longest = max(last - first for _, first, last, _ in runs)
    return [run for run in runs if run[2] - run[1] == longest]


def shared_message_codes(text: str) -> list[ErrorCode]:
    """The codes whose messages all hold the words ``text`` quotes, where one run names them.

    809 and 811 for the words their messages begin with, quoted once or more;
    none for two codes quoted apart ("Port is not open" in one line, "buffer
    is too small" in another), which are two quotes, not one that two messages share.
    """
    words, spans = _words(text, 0, len(text))
    runs = _longest_runs(words, lambda at: _sentence_goes_on(text, spans, at))
    if len({held for held, _, _, _ in runs}) != 1:
        return []
    codes = _codes_of(runs)
    return codes if len(codes) > 1 else []
