"""from_message: a code from its own words, quoted in either wording, whole or in part."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import raserror
from raserror import ErrorCode, _messages, find_codes, from_message
from raserror._page import Page

# Codes whose messages another code's message repeats word for word: no quote names one.
SHARED = {
    code
    for code in ErrorCode
    for other in ErrorCode
    if other is not code and other.message in (code.message, code.windows_message)
}


@pytest.mark.parametrize("code", [c for c in ErrorCode if c not in SHARED], ids=lambda c: c.name)
def test_every_whole_message_names_its_code_in_either_wording(code: ErrorCode) -> None:
    for text in (code.message, code.windows_message):
        found = from_message(text)
        # A message too short or too plain to name a code alone gives None, never another code.
        assert found in (code, None), (text, found)


def test_the_messages_people_quote_name_their_codes() -> None:
    # Quoted verbatim in tests/realworld/positive (013, 015, 027, 075), case and marks as there.
    assert from_message("ike authentication credentials are unacceptable") is (
        ErrorCode.IPSEC_IKE_AUTH_FAIL
    )
    assert from_message("IKE authentication credentials are unacceptable ") is (
        ErrorCode.IPSEC_IKE_AUTH_FAIL
    )
    assert (
        from_message(
            "the connection was terminated by the remote computer before it could be completed"
        )
        is ErrorCode.DISCONNECTION
    )


def test_a_quote_may_lose_its_start_and_end_and_wrap_over_lines() -> None:
    text = """could not be established because the remote server is not
        responding. This could be because one of the network devices (e.g., firewalls, NAT,
        routers, etc) between your computer and the remote"""
    assert from_message(text) is ErrorCode.VPN_TIMEOUT


@pytest.mark.parametrize(
    "text",
    [
        "connection failed",
        "Couldn't connect to the VPN",  # the whole of 873's message, but any post says it
        "The remote server is not",
        "Policy match error",  # 13868's whole message: three words name nothing alone
        "The connection dropped.",  # 668's whole message, but it says nothing another would not
        "PPP timeout.",  # 718's whole message: two words
        "",
        "691",
    ],
)
def test_a_weak_match_is_refused(text: str) -> None:
    assert from_message(text) is None


def test_a_short_whole_message_names_nothing_in_a_library_call() -> None:
    # As posted: "fix "Policy match error" on Windows 11" (tests/realworld/positive/149).
    # Three words may be any program's: "Cannot allocate memory" is Unix's ENOMEM, word for
    # word, and 664's whole message. Only a text pasted to be explained takes them.
    for text in ("Policy match error", "Cannot allocate memory"):
        assert from_message(text) is None
        assert from_message(text, every=True) == []


def test_a_sentence_two_codes_share_names_neither() -> None:
    # 809 and 811 open with the same sentence.
    shared = (
        "The network connection between your computer and the VPN server could not be "
        "established because the remote server is not responding."
    )
    assert from_message(shared) is None


def test_wrong_type_raises_type_error() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        from_message(809)  # type: ignore[call-overload]


@given(st.text(max_size=400))
def test_any_text_gives_a_code_or_none(text: str) -> None:
    found = from_message(text)
    assert found is None or isinstance(found, ErrorCode)


@given(st.sampled_from([c for c in ErrorCode if c not in SHARED]), st.text(max_size=40))
def test_a_message_in_other_text_names_its_code_or_nothing(code: ErrorCode, noise: str) -> None:
    found = from_message(f"{noise} {code.windows_message} {noise}")
    assert found in (code, None)


def test_a_message_finding_is_what_from_message_reads() -> None:
    # A dialog quoted without its number (tests/realworld/positive/027).
    text = (
        "All other device works well while my Windows 10 tablet always complains:\n\n"
        "> The network connection between your computer and the VPN server could not be "
        "established because the remote server is not responding. This could be because one "
        "of the network devices (e.g., firewalls, NAT, Router etc.)\n"
    )
    (finding,) = find_codes(text)
    assert finding.evidence == "message"
    assert finding.code is ErrorCode.VPN_TIMEOUT
    assert from_message(text[finding.start : finding.end]) is finding.code
    assert raserror.get(text[finding.start : finding.end]) is None


@given(st.text(max_size=400) | st.sampled_from([code.windows_message for code in ErrorCode]))
def test_every_candidate_is_a_code_once_and_none_only_when_from_message_finds_none(
    text: str,
) -> None:
    candidates = from_message(text, every=True)
    assert all(isinstance(code, ErrorCode) for code in candidates)
    assert len(set(candidates)) == len(candidates)
    if not candidates:
        assert from_message(text) is None


def test_words_several_messages_begin_with_name_them_only_where_their_sentence_ends() -> None:
    # Quoted from tests/realworld/negative/683 (KB Q165846): Windows' ERROR_FILE_NOT_FOUND, whose
    # first six words begin 623's and 754's messages, which go on otherwise.
    assert from_message("The system could not find the file specified.", every=True) == []
    # Composed: the words 809's and 811's messages begin with, the sentence ending with them.
    shared = "The network connection between your computer and the VPN server could not be"
    for text in (shared + " established", shared + " established. Please try again."):
        assert {int(code) for code in from_message(text, every=True)} >= {809, 811}


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda code: str(int(code)))
def test_a_whole_message_has_its_code_among_the_candidates(code: ErrorCode) -> None:
    candidates = from_message(code.windows_message, every=True)
    best = from_message(code.windows_message)
    if best is not None:  # a message of a few words names no code, by design
        assert candidates[0] is best is code
    elif candidates:  # a message other codes share: this one among them
        assert code in candidates


# Lines of messages, pieces of them and other words, in any order: what a log near VPN lines holds.
_LINES = st.lists(
    st.one_of(
        st.sampled_from([code.message for code in ErrorCode][:80]),
        st.sampled_from([code.windows_message for code in ErrorCode][80:160]),
        st.text(alphabet="abcdefghij klm.,'_-\t0123456789—«»，é中İ\u00a0", max_size=40),  # noqa: RUF001 - marks of other scripts, on purpose
        st.sampled_from(["the remote connection was", "can't", "not made because the", ""]),
    ),
    max_size=12,
)


@given(_LINES, st.integers(min_value=0, max_value=3))
def test_the_quick_test_of_where_quotes_stand_keeps_every_quote(
    lines: list[str], cut: int
) -> None:
    # A message cut at a word boundary wraps onto the next line, as dialog copies do.
    text = "\n".join(line.replace(" ", "\n", cut) for line in lines)
    page = Page(text)
    assert list(page.quotes.starting(0, len(text))) == [
        quote
        for quote in page.quotes.within(0, len(text))
        if page.line_bounds(quote.start)[1] - page.line_bounds(quote.start)[0] > 4096
        or page.line_words(quote.start, quote.start).intersection(_messages.index().anchors)
    ]


# Codes whose messages share runs of seven words or more with another's (a review counted 15
# such pairs), and their messages in both wordings: the quick test's own-runs path.
_SHARING = [ErrorCode(n) for n in (628, 719, 787, 835, 809, 811, 13809, 13810, 13811, 13812)]
_SHARING_LINES = st.lists(
    st.sampled_from([m for code in _SHARING for m in (code.message, code.windows_message)]),
    max_size=4,
)


@given(
    _LINES,
    _SHARING_LINES,
    st.sampled_from([*_SHARING, ErrorCode(691), ErrorCode(800), ErrorCode(13906)]),
)
def test_the_quick_test_for_another_codes_quote_keeps_every_such_quote(
    lines: list[str], sharing: list[str], code: ErrorCode
) -> None:
    text = "\n".join(lines + sharing)
    others = [
        quote
        for quote in _messages.quotes(text)
        if quote.code is not code and quote.words >= _messages.OTHER_QUOTE_WORDS
    ]
    if others:
        assert _messages.may_quote_other(code, _messages.text_words(text, 0, len(text)))


def test_words_several_messages_share_name_them_all_and_two_quotes_apart_name_none() -> None:
    shared = (
        "The network connection between your computer and the VPN server could not be established"
    )
    assert {809, 811} <= set(_messages.shared_message_codes(shared))
    # Composed of two lines of negative 1643 (node-serialport's own errors), each a part of a message.
    apart = "throw new Error('Port is not open');\nthrow new Error('buffer is too small');"
    assert set(from_message(apart, every=True)) == {603, 618}
    assert _messages.shared_message_codes(apart) == []
    # The same shared words twice are still one quote that several messages share (a review's).
    assert {809, 811} <= set(_messages.shared_message_codes(f"{shared}\n{shared}"))


def test_a_sentence_a_code_shares_with_another_is_no_other_codes_quote_beside_it() -> None:
    shared = (
        "The network connection between your computer and the VPN server could not be established"
    )
    words = _messages.text_words(shared, 0, len(shared))
    assert not _messages.may_quote_other(ErrorCode(809), words)  # 811's too: no search
    assert _messages.may_quote_other(ErrorCode(800), words)
    assert [hit.code for hit in find_codes(f"VPN\nError 809: {shared}.")] == [809]


@given(_LINES)
def test_the_runs_remembered_from_other_lines_are_the_runs_found_afresh(lines: list[str]) -> None:
    words = _messages.text_words(" 2024 ".join(lines), 0, len(" 2024 ".join(lines)))
    afresh = _messages._quoted_runs(words)
    assert _messages._remembered_runs(words) == afresh  # the first time: found, remembered
    assert _messages._remembered_runs(words) == afresh  # the second: looked up


def test_the_remembered_runs_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_messages, "_REMEMBERED_WORDS", 50)
    monkeypatch.setattr(_messages, "_remembered", {})
    monkeypatch.setattr(_messages, "_remembered_words", 0)
    for code in list(ErrorCode)[:40]:
        _messages.quotes(code.message)
        assert _messages._remembered_words <= 50
        assert sum(map(len, _messages._remembered)) == _messages._remembered_words
    # A run longer than any kept is searched each time and never kept.
    monkeypatch.setattr(_messages, "_LONGEST_REMEMBERED", 3)
    _messages._remembered.clear()
    _messages._remembered_words = 0
    assert _messages.quotes(ErrorCode(691).message)
    assert not _messages._remembered


def test_threads_that_scan_at_once_keep_the_remembered_count_true(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(_messages, "_REMEMBERED_WORDS", 300)  # cleared often: threads race
    monkeypatch.setattr(_messages, "_remembered", {})
    monkeypatch.setattr(_messages, "_remembered_words", 0)
    texts = [f"{code.message} {n} {code.windows_message}" for n in range(3) for code in ErrorCode]
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(_messages.quotes, texts))
    finally:
        sys.setswitchinterval(switch)
    assert sum(map(len, _messages._remembered)) == _messages._remembered_words <= 300


# Composed: pieces of 691's and 868's words, cut and glued, with marks and spaces between.
_PIECES = st.sampled_from(
    ["user", "username", "namex", "password", "resolve", "d", " ", ". ", "-"]
)


# A window that ends inside a word read whole before: its start may be one of them ("user").
@example("x usernamex", [(0, 11), (2, 6)], ErrorCode(691))
@given(
    st.lists(_PIECES, max_size=40).map("".join),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), max_size=12),
    st.sampled_from([ErrorCode(691), ErrorCode(868)]),
)
def test_the_quick_test_for_own_words_remembering_a_clean_stretch_agrees_with_a_fresh_read(
    lowered: str, windows: list[tuple[int, int]], code: ErrorCode
) -> None:
    # Windows move on through one text: what one read found without them is not read again.
    read_without: dict[ErrorCode, tuple[int, int]] = {}
    for first, last in windows:
        start, end = sorted((min(first, len(lowered)), min(last, len(lowered))))
        fresh = _messages.says_own_words(code, lowered, start, end)
        assert _messages.says_own_words(code, lowered, start, end, read_without) is fresh


def test_a_message_with_one_word_left_out_names_its_code_when_it_is_all_of_the_text() -> None:
    # Real: how posts quote 13801 (tests/realworld/positive/334, "IKE credentials are
    # unacceptable"); Windows says "IKE authentication credentials are unacceptable."
    assert from_message("IKE credentials are unacceptable") is ErrorCode.IPSEC_IKE_AUTH_FAIL
    # Real: Windows' own message for ERROR_INVALID_HANDLE, no shortened 601 ("The port handle
    # is invalid.").
    assert from_message("The handle is invalid.") is None
    # Composed: a word that turns the meaning is never the one left out (606: "The port is not
    # connected.").
    assert from_message("The port is connected") is None
    # Other programs' whole messages, one word short of a code's: Apple's NSURLErrorDomain
    # -1001 "The request timed out." (638 is "The request has timed out."), an upload check's.
    assert from_message("The request timed out.") is None
    assert from_message("The file is empty.") is None
    # Only the shortenings seen in posts count, not every message less a word.
    assert _messages.shortened_message("there was an error") is None
    assert _messages.shortened_message("The account is disabled.") is None


@given(
    st.sampled_from([code for code in ErrorCode if code not in SHARED]),
    st.booleans(),
    st.integers(min_value=0),
)
def test_a_message_shortened_by_one_word_names_its_code_or_none_never_another(
    code: ErrorCode,
    windows_wording: bool,  # noqa: FBT001 - drawn by hypothesis
    seed: int,
) -> None:
    words = (code.windows_message if windows_wording else code.message).split()
    if len(words) < 2:
        return
    left_out = seed % len(words)
    quote = _messages.shortened_message(" ".join(words[:left_out] + words[left_out + 1 :]))
    assert quote is None or quote.code is code
