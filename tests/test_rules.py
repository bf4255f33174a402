"""The scanner's rule table: every row reads its real example and not its counter-example.

Each row of ``_rules.RULES`` and ``_rules.LINE_RULES`` carries an example quoted
from the tests' real texts and a counter-example; these tests run each rule
alone on them, before any evidence is weighed. The patterns are checked for
the shapes that backtrack without bound.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from _repo import REPO
from hypothesis import example, given
from hypothesis import strategies as st

from raserror import (
    _code_tables,
    _messages,
    _nearby,
    _page,
    _quote_apart,
    _rules,
    _scanner,
    _scripts,
    _switches,
    _vocabulary,
    _vouching,
    find_codes,
)
from raserror._page import Page
from raserror._rules import LINE_RULES, RULES, LineRule, Rule
from raserror._vocabulary import NeedleScan, Vocabulary, literal_start

TYPE_CHECKING = False
if TYPE_CHECKING:
    from raserror._evidence import Candidate

ROWS: list[Rule | LineRule] = [*RULES, *LINE_RULES]


def proposed(rule: Rule | LineRule, text: str) -> list[Candidate]:
    """What ``rule`` alone proposes in ``text``: at each of its starts, or on each line."""
    page = Page(text)
    found: list[Candidate] = []
    if isinstance(rule, Rule):
        for anchor in rule.start.compile().finditer(text):
            found += rule.read(page, anchor)
        return found
    start = 0
    for line in text.split("\n"):
        found += rule.read(page, start, start + len(line))
        start += len(line) + 1
    return found


def _quoted_from(source: str, text: str) -> None:
    if source.startswith("composed:"):
        return
    path = REPO / source
    assert path.is_file(), source
    assert text in path.read_bytes().decode("utf-8"), f"not quoted verbatim from {source}"


@pytest.mark.parametrize("rule", ROWS, ids=lambda rule: rule.name)
def test_every_rule_is_named_once_and_its_examples_are_quoted_verbatim(
    rule: Rule | LineRule,
) -> None:
    assert [row.name for row in ROWS].count(rule.name) == 1
    _quoted_from(rule.source, rule.example)
    assert not rule.source.startswith("composed:"), "an example is real text"
    _quoted_from(rule.counter_source, rule.counter_example)


@pytest.mark.parametrize("rule", ROWS, ids=lambda rule: rule.name)
def test_every_rule_reads_a_code_in_its_example(rule: Rule | LineRule) -> None:
    candidates = proposed(rule, rule.example)
    assert candidates, rule.example
    for candidate in candidates:
        assert rule.example[candidate.start : candidate.end].strip()


@pytest.mark.parametrize("rule", ROWS, ids=lambda rule: rule.name)
def test_no_rule_reads_a_code_in_its_counter_example(rule: Rule | LineRule) -> None:
    assert proposed(rule, rule.counter_example) == []


def test_the_examples_read_the_codes_a_reader_sees() -> None:
    read = {rule.name: [int(c.code) for c in proposed(rule, rule.example)] for rule in ROWS}
    assert read["symbol"] == [806]
    assert read["base and offset"] == [676]
    assert read["error word"] == [789]
    assert read["error word without spaces"] == [619]
    assert read["error code column"] == [812]
    assert read["exit status compared"] == [691]
    assert read["MS-CHAP failure"] == [691]
    assert read["code table"] == [628, 629, 630, 631, 633, 638]
    assert read["switch on a status"] == [651]
    assert read["decimal and hex"] == [13868]
    assert read["event sentence"] == [809]
    assert read["CoId line"] == [809]
    assert read["rasdial footer"] == [691]
    assert read["hexadecimal HRESULT"] == [int(_lookup_code(0x80092013))]
    assert read["signed HRESULT"] == [int(_lookup_code(-2143157998))]
    assert read["bracketed HRESULT"] == [623]
    assert read["event data"] == [691]
    assert read["rasdial error line"] == [740]
    assert read["listed number"] == [600]
    assert read["quoted message"] == [13801]


def _lookup_code(number: int) -> int:
    from raserror._lookup import from_int

    code = from_int(number)
    assert code is not None
    return int(code)


# -- Vocabularies ---------------------------------------------------------------------------


def test_a_vocabularys_needles_are_the_literal_starts_of_its_entries() -> None:
    words = Vocabulary(("error", "errors", "c[oó]digo", r"netcfg\.chm", "ошибк[аи]"))
    assert words.needles == ("c", "error", "netcfg.chm", "ошибк")
    assert literal_start(r"\(8[0-9]") == "(8"
    # A character that may be missing ("codes?", "netcfg\.?chm") is no part of every match.
    assert literal_start("codes?[ \t]") == "code"
    assert literal_start(r"netcfg\.?chm") == "netcfg"
    assert literal_start("ab{0,2}c") == "a"
    assert literal_start(r"エラー\s?コード") == "エラー"
    with pytest.raises(ValueError, match="literal text"):
        Vocabulary(("[a-z]+",))
    # An entry that is an alternation at its top has a needle for its first branch alone: the
    # second ("sim[5-9]..." after "simcom|") would never be looked for.
    with pytest.raises(ValueError, match="two entries"):
        Vocabulary(("simcom|sim[5-9][0-9]{2}",))
    assert Vocabulary(("sip (?:error|response)", r"a[|]b", r"a\|b")).needles == ("a", "sip ")


@pytest.mark.parametrize(
    "vocabulary",
    [
        *_vocabulary.CONTEXT_VOCABULARIES,
        _vocabulary.EVENT_SOURCES,
        _vocabulary.FOREIGN_WORDS,
        _vocabulary.WEAK_MARK_WORDS,
    ],
    ids=repr,
)
def test_the_lists_every_text_is_searched_for_have_needles_of_three_characters_or_more(
    vocabulary: Vocabulary,
) -> None:
    # A needle of two Latin letters stands in every log line ("ms" of "12 ms" for "ms-?chap"): each
    # place is tried with the list's pattern, and a common log took a quarter longer.
    assert all(len(needle) >= 3 for needle in vocabulary.ascii_needles), vocabulary.needles


@pytest.mark.parametrize(
    "vocabulary",
    [value for value in vars(_vocabulary).values() if isinstance(value, Vocabulary)]
    + [rule.start for rule in RULES],
    ids=repr,
)
def test_every_entry_of_a_vocabulary_starts_with_one_of_its_needles(
    vocabulary: Vocabulary,
) -> None:
    # The words alone: a guard or a comparison after them narrows where they count, not what.
    pattern = Vocabulary(vocabulary.entries, cased=vocabulary.cased).compile()
    for entry in vocabulary.entries:
        start = literal_start(entry)
        sample = start if vocabulary.cased else start.lower()
        assert any(sample.startswith(needle) for needle in vocabulary.needles), entry
        # What the needle finds, the pattern matches when the entry's text is there.
        if re.fullmatch(r"[\w .=<>\-]+", entry):
            assert pattern.match(entry + " ") or pattern.match(entry), entry


# -- Backtracking ---------------------------------------------------------------------------

try:
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # Python 3.9 and 3.10
    import sre_parse as _sre  # type: ignore[no-redef,unused-ignore]

_UNBOUNDED = _sre.MAXREPEAT
_SAMPLE = [chr(c) for c in range(128)] + ["é", "д", "错", "\u3000", "\u00a0"]


def _first_chars(item: tuple[object, object]) -> set[str]:
    """The characters that can start ``item`` (a parsed regex node), over a sample alphabet."""
    op, value = item
    name = str(op)
    if name == "LITERAL":
        return {chr(value)}  # type: ignore[arg-type]
    if name in ("IN", "ANY", "NOT_LITERAL", "CATEGORY"):
        pattern = re.compile(_sre_source(item))
        return {char for char in _SAMPLE if pattern.fullmatch(char)}
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        body = value[2]  # type: ignore[index]
        return _first_chars(body[0]) if len(body) else set()
    if name == "SUBPATTERN":
        body = value[-1]  # type: ignore[index]
        return _first_chars(body[0]) if len(body) else set()
    if name == "BRANCH":
        return set().union(*(_first_chars(branch[0]) for branch in value[1] if len(branch)))  # type: ignore[index]
    return set()


def _sre_source(item: tuple[object, object]) -> str:
    op, value = item
    name = str(op)
    if name == "ANY":
        return "(?s:.)"
    if name == "NOT_LITERAL":
        return f"[^{re.escape(chr(value))}]"  # type: ignore[arg-type]
    if name == "CATEGORY":
        return {"CATEGORY_DIGIT": r"\d", "CATEGORY_WORD": r"\w", "CATEGORY_SPACE": r"\s"}.get(
            str(value), r"\d"
        )
    parts = []
    negate = False
    for sub_op, sub_value in value:  # type: ignore[attr-defined]
        sub = str(sub_op)
        if sub == "NEGATE":
            negate = True
        elif sub == "LITERAL":
            parts.append(re.escape(chr(sub_value)))
        elif sub == "RANGE":
            parts.append(f"{re.escape(chr(sub_value[0]))}-{re.escape(chr(sub_value[1]))}")
        elif sub == "CATEGORY":
            parts.append(_sre_source((sub_op, sub_value))[0:2])
    return f"[{'^' if negate else ''}{''.join(parts)}]"


def _children(item: tuple[object, object]) -> list[object]:
    """The sequences a parsed node holds: a group's body, a branch's arms, a repeat's body."""
    op, value = item
    name = str(op)
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        return [value[2]]  # type: ignore[index]
    if name == "SUBPATTERN":
        return [value[-1]]  # type: ignore[index]
    if name == "BRANCH":
        return list(value[1])  # type: ignore[index]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [value[1]]  # type: ignore[index]
    return []


def _unbounded(item: tuple[object, object]) -> bool:
    return str(item[0]) in ("MAX_REPEAT", "MIN_REPEAT") and item[1][1] == _UNBOUNDED  # type: ignore[index]


def _has_unbounded(sequence: object) -> bool:
    return any(
        _unbounded(item) or any(_has_unbounded(child) for child in _children(item))
        for item in sequence  # type: ignore[attr-defined]
    )


def _unbounded_runs(sequence: object, where: str) -> list[str]:
    """Two unbounded repeats that can take the same characters with only optional items
    between, or an unbounded repeat inside another: both backtrack more than linearly."""
    problems: list[str] = []
    open_run: set[str] | None = None
    for item in sequence:  # type: ignore[attr-defined]
        for child in _children(item):
            problems += _unbounded_runs(child, where)
        name = str(item[0])
        if _unbounded(item):
            if _has_unbounded(item[1][2]):
                problems.append(f"{where}: an unbounded repeat inside another")
            chars = _first_chars(item)
            if open_run is not None and open_run & chars:
                problems.append(f"{where}: two unbounded runs of {sorted(open_run & chars)[:3]}")
            open_run = chars
        elif name in ("MAX_REPEAT", "MIN_REPEAT") and item[1][0] == 0:
            continue  # optional: the runs on either side still compete
        elif name not in ("ASSERT", "ASSERT_NOT", "AT"):
            open_run = None
    return problems


PATTERNS = {
    f"{module.__name__}.{name}": value
    for module in (
        _rules,
        _vocabulary,
        _page,
        _messages,
        _scanner,
        _scripts,
        _switches,
        _code_tables,
        _quote_apart,
        _nearby,
        _vouching,
    )
    for name, value in vars(module).items()
    if isinstance(value, re.Pattern)
}


def test_an_error_word_reads_no_number_beyond_the_reach_its_quick_test_looks() -> None:
    # The glue and a sign after the word; the footer's words counted from the word's start.
    glue = _sre.parse(_rules.AFTER_WORD.pattern.split("(-?[0-9]")[0]).getwidth()[1]
    assert glue + 1 < _rules.NUMBER_REACH
    # Wrapped: the line break within the plain reach, the number within the wider one.
    before_break, after_break = _rules.WRAPPED_AFTER_WORD.pattern.split("\\r?\\n", 1)
    assert _sre.parse(before_break).getwidth()[1] + 1 < _rules.NUMBER_REACH
    wrapped = _sre.parse(before_break + "\r?\n" + after_break.split("(-?[0-9]")[0]).getwidth()[1]
    assert wrapped + 1 < _rules.WRAPPED_NUMBER_REACH
    footer = _sre.parse(_rules.FOOTER_EN.pattern.split("([0-9]")[0]).getwidth()
    assert footer[1] - len("error") < _rules.NUMBER_REACH
    # Between the number's last digit and the word after it: a suffix and a space at most.
    after_number = _sre.parse(_rules.BEFORE_WORD.pattern.split("{3,5})")[1]).getwidth()[1]
    assert after_number < _rules.NUMBER_BEFORE_REACH


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Real: English rasdial's help footer alone (positive 317, its last line).
        ("        In help, click Troubleshooting, then Error Messages, then 800", 800),
        # Real: a Hungarian page's "(798-es hiba)" (positive 290), its VPN words composed.
        ("VPN-ügyfél hiba: (798-es hiba)", 798),
        # Composed: a number before its error word.
        ("VPN connection: 720 error", 720),
    ],
)
def test_a_number_only_the_footer_or_the_word_before_reads_counts(text: str, code: int) -> None:
    assert [int(finding.code) for finding in find_codes(text)] == [code]


def test_a_coid_lines_code_is_searched_for_no_further_back_than_a_match_can_start() -> None:
    assert _sre.parse(_rules.COID_CODE.pattern).getwidth()[1] <= _rules.COID_CODE_CHARS


@given(
    st.text(alphabet="is t:=-0123456789x\n为", max_size=60),
    st.integers(min_value=0, max_value=60),
    st.integers(min_value=0, max_value=60),
)
@example("The error code returned on failure is 809.", 0, 42)
@example("this is  -1234567890 and some more", 3, 34)
def test_a_coid_lines_code_is_found_as_a_search_of_the_whole_line_finds_it(
    text: str, start: int, end: int
) -> None:
    start, end = sorted((min(start, len(text)), min(end, len(text))))
    whole = _rules.COID_CODE.search(text, start, end)
    found = _rules.coid_code(text, start, end)
    assert (whole is None) == (found is None)
    if whole is not None and found is not None:
        assert (found.span(), found.groups()) == (whole.span(), whole.groups())


def test_the_backtracking_check_finds_the_shape_that_once_made_a_line_quadratic() -> None:
    once = re.compile(r"[ \t]*([0-9]{3,5})[ \t]*[:.\-]?[ \t]+(?=[^\W\d_])")
    assert _unbounded_runs(_sre.parse(once.pattern), "once")
    assert _unbounded_runs(_sre.parse(r"(?:a+)+"), "nested")
    assert not _unbounded_runs(_sre.parse(_rules.LEADING_NUMBER), "now")


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_pattern_backtracks_without_bound(name: str) -> None:
    assert len(PATTERNS) >= 15
    assert _unbounded_runs(_sre.parse(PATTERNS[name].pattern), name) == []


def test_every_rule_file_source_exists() -> None:
    for rule in ROWS:
        for source in (rule.source, rule.counter_source):
            assert source.startswith("composed:") or Path(REPO / source).is_file(), source


def test_a_needle_is_found_at_every_place_even_where_two_overlap() -> None:
    # "modem" twice in "modemodem" (composed): by the one-needle search, and where needles
    # that are not ASCII are found in one pass, a needle hidden inside another's match too.
    needles = _vocabulary.Needles((Vocabulary(("modem", "dem")),))
    assert needles.find_one(NeedleScan("modemodem", "modemodem", {}), 0) == [0, 2, 4, 6]
    wide = _vocabulary.Needles((Vocabulary(("модем", "дем")),))
    assert wide.find_one(NeedleScan("модемодем", "модемодем", {}), 0) == [0, 2, 4, 6]


# Lists that mix ASCII needles and others, cased and not (composed).
MIXED = (
    Vocabulary(("err", "error_", "ошибк", "модем", "дем", "エラー")),
    Vocabulary(("RAS", "Ошибка", "K"), cased=True),
)


@given(
    st.lists(
        st.sampled_from(
            [
                *("err", "ERROR_", "Ошибка", "ошибк", "модем", "модемодем", "エラー", "ラー"),
                *("RAS", "ras", "K", "\u212a", "é", "?", " ", "\n"),
            ]
        ),
        max_size=40,
    ),
    st.sampled_from([1, _vocabulary.SHARED_SEARCH_CHARS]),
)
def test_needles_are_found_at_every_place_in_a_text_that_is_not_ascii(
    pieces: list[str], padding: int
) -> None:
    # ASCII needles are looked for in the text's ASCII projection, the others in one pass over
    # the lowered text: together, every place, and none where a character not ASCII stands
    # (the Kelvin sign U+212A lowers to "k", "?" stands for any other in the projection).
    text = "".join(pieces) + "é" * padding  # long enough or not to search shared parts once
    lowered = text.lower()
    needles = _vocabulary.Needles(MIXED)
    scan = NeedleScan(text, lowered, _vocabulary.shared_cores(MIXED))
    for number, vocabulary in enumerate(MIXED):
        haystack = text if vocabulary.cased else lowered
        expected = sorted({at for n in vocabulary.needles for at in _every_place(n, haystack)})
        assert needles.find_one(scan, number) == expected


# Lists whose needles share parts ("ras" in "RasDial" and "dotras"), as the page's lists do.
SHARING = (
    Vocabulary(("RAS", "Ras", "DotRas", "netcfg.chm"), cased=True),
    Vocabulary(("rasdial", "dotras", "remote", "sql", "mysql", "ikev2", "ike")),
    Vocabulary(("IKE", "ERROR_"), cased=True),
    Vocabulary(("err", "error_", "eap_e_", "sec_e_")),
)


def _every_place(needle: str, haystack: str) -> list[int]:
    return [at for at in range(len(haystack)) if haystack.startswith(needle, at)]


@given(
    st.lists(
        st.sampled_from(
            [
                *("RAS", "ras", "Ras", "DotRas", "rasdial", "MySQL", "sql", "IKEv2", "ike"),
                *("ERROR_", "error_", "Err", "eap_E_", "sec_e_", "remote", "x", " ", "\n"),
                "rasras",
                *("netcfg.chm", "NETCFG.CHM"),
            ]
        ),
        max_size=40,
    ),
    st.integers(min_value=0, max_value=3),
    st.sampled_from([1, _vocabulary.CHARS_PER_CORE_PLACE, 10**9]),
)
def test_a_needle_read_off_a_shared_part_is_found_at_every_place(
    pieces: list[str], asked_first: int, chars_per_place: int
) -> None:
    # Composed texts of needles, their cases and their shared parts, overlapping as they fall,
    # long enough to be searched by shared parts; their places read off them or searched anew.
    text = "".join(pieces) + " " * _vocabulary.SHARED_SEARCH_CHARS
    cores = _vocabulary.shared_cores(SHARING)
    scan = NeedleScan(text, text.lower(), cores, chars_per_place)
    # The order of asking decides which places are read off which: any order gives the same.
    for vocabulary in SHARING[asked_first:] + SHARING[:asked_first]:
        for needle in vocabulary.ascii_needles:
            haystack = text if vocabulary.cased else text.lower()
            assert scan.places(needle, cased=vocabulary.cased) == _every_place(needle, haystack)


def test_needles_that_share_a_part_are_searched_for_it_once() -> None:
    cores = _vocabulary.shared_cores(SHARING)
    assert cores["rasdial"] == ("ras", 0)
    assert cores["dotras"] == ("ras", 3)
    assert cores["mysql"] == ("sql", 2)
    assert "remote" not in cores  # shared with no other needle: searched for itself


WHOLE = [rule.start for rule in RULES if rule.start.whole]


@given(st.text(alphabet="0xX8-21(3)aBf9 \n", max_size=60), st.sampled_from(WHOLE))
def test_a_list_searched_whole_starts_where_its_needles_would_match(
    text: str, vocabulary: Vocabulary
) -> None:
    needles = _vocabulary.Needles((vocabulary, dataclasses.replace(vocabulary, whole=False)))
    pattern = vocabulary.compile()
    scan = NeedleScan(text, text.lower(), {})
    by_needles = needles.find_one(scan, 1)
    assert needles.find_one(scan, 0) == [at for at in by_needles if pattern.match(text, at)]


@given(st.text(alphabet="0x8(3)aBcse: \n\u00e9", max_size=60), st.sampled_from(WHOLE))
def test_a_list_searched_whole_gives_the_same_places_in_any_text(
    text: str, vocabulary: Vocabulary
) -> None:
    # A list searched whole is searched by its pattern in any text (its needle, a line break
    # or "0x", is everywhere).
    matched = [match.start() for match in vocabulary.compile().finditer(text)]
    places = _page.Page(text, starts=(vocabulary,)).starts_of(0)
    assert places is not None
    if vocabulary.cased:
        assert places == matched
    else:  # its needles' places, where anchors() then matches it
        assert set(matched) <= set(places)


# -- Tables ---------------------------------------------------------------------------------

TABLE_104 = (REPO / "tests/realworld/positive/104-vpnwired-error-table-pipes.txt").read_text(
    encoding="utf-8"
)
COLUMN = next(rule for rule in RULES if rule.name == "error code column")


def test_a_code_column_gives_every_number_of_its_rows_first_cells() -> None:
    text = TABLE_104.partition("\n---\n")[2]
    # The table's first column, as its reader sees it: "734, 732" and "720, 619" are two each.
    assert [int(c.code) for c in proposed(COLUMN, text)] == [
        812,
        806,
        800,
        734,
        732,
        721,
        720,
        619,
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Composed: the code is not the table's first column.
        "Description | Error Code |\n---|---|\nConnection prevented | 812 |\n",
        # Composed: a header cell that only begins with the word.
        "Error Code Lookup Table | Description\n812 | Connection prevented\n",
        # Composed: no separator on the next line, so no table under the header.
        "Error Code | Description\n\n812 | Connection prevented\n",
        # Composed: the first cell holds words around the number.
        "Error Code | Description\nabout 812 calls | rate limit\n",
        # Composed, in the shape of an ISO 3166 table seen in a public README: a "Code" column
        # that is not one of errors.
        "| Code | Country |\n|------|---------|\n| 344 | Hong Kong |\n| 840 | United States |\n",
        # Composed: a row of words ends the table; no number below it is the column's.
        "Error Code | Description\nNotes | see below\n812 | Connection prevented\n",
    ],
)
def test_a_code_column_is_read_only_under_its_header_in_the_first_cell(text: str) -> None:
    assert proposed(COLUMN, text) == []


def test_a_code_column_separated_by_tabs_is_read_too() -> None:
    # Composed, in the shape of a web page's table copied as text: cells apart by tabs.
    text = "Error code\tDescription\n691\tAccess denied\n800\tUnable to establish the VPN\n"
    assert [int(c.code) for c in proposed(COLUMN, text)] == [691, 800]


def test_a_code_column_is_read_no_further_than_scan_lines_reads_back() -> None:
    from raserror import _stream

    rows = "".join(f"{600 + row} | a row\n" for row in range(60))
    read = [int(c.code) for c in proposed(COLUMN, "Error Code | Meaning\n" + rows)]
    assert read == list(range(600, 600 + _rules.TABLE_ROWS))
    assert _rules.TABLE_ROWS + _nearby.CONTEXT_LINES < _stream._BEFORE_HELD
    # Rows of many characters: as far as the characters reach.
    long_rows = "".join(f"{600 + row} | {'a row ' * 200}\n" for row in range(40))
    read = [int(c.code) for c in proposed(COLUMN, "Error Code | Meaning\n" + long_rows)]
    assert len(read) == _rules.TABLE_CHARS // len(long_rows.splitlines(keepends=True)[0])


@given(
    st.lists(
        st.sampled_from(
            [
                "Error Code | Description |",
                "| Error Code | Meaning |",
                "Error code\tDescription",
                "---|---|",
                "|:--|---|",
                "812 | Connection prevented |",
                "| 734, 732 | PPP |",
                "720/619\tNo PPP",
                "words | 691 |",
                "691",
                "",
                "  | 800 |",
            ]
        ),
        max_size=30,
    )
)
def test_a_code_column_proposes_numbers_only_in_a_rows_first_cell(lines: list[str]) -> None:
    # Composed tables, cut and mixed: whatever the rows, a number read is its row's first cell.
    text = "\n".join(lines)
    for candidate in proposed(COLUMN, text):
        line_start = text.rfind("\n", 0, candidate.start) + 1
        line_end = text.find("\n", candidate.end)
        before = text[line_start : candidate.start]
        assert re.fullmatch(r"[ \t|]*(?:[0-9]{3,5}[ \t]*(?:,|/)[ \t]*)*", before), before
        assert re.search(r"[|\t]", text[candidate.end : len(text) if line_end < 0 else line_end])


NEEDY = [rule for rule in RULES if rule.needs]


@given(
    st.text(alphabet="ErorCdeFhlcóig |\t#.:0123456789\n", max_size=40),
    st.sampled_from(NEEDY),
)
def test_a_rule_that_needs_a_string_cannot_start_without_it(text: str, rule: Rule) -> None:
    # The scanner skips such a rule in a text without those strings: only a shortcut, never a loss.
    for anchor in rule.start.compile().finditer(text):
        assert any(needed in anchor.group() for needed in rule.needs)


@given(
    st.lists(
        st.sampled_from(
            [
                "Policy match error",
                "policy  match error",
                "IKEv2 ",
                ":",
                "out of buffers",
                '"',
                "`",
                "# ",
                "> ",
                "\n",
                "\r\n",
                " ",
                ".",
                "İ",
                "x",
                "VPN",
            ]
        ),
        max_size=30,
    ),
    st.integers(0, 200),
    st.integers(0, 200),
)
@example(["# ", "Policy match error"], 1, 40)  # a stretch that starts inside the line's lead
def test_short_messages_found_in_c_are_those_the_pattern_finds(
    parts: list[str], first: int, last: int
) -> None:
    # The quick way (each message found by str.find, then its line read) finds what reading the
    # whole stretch with the pattern finds, in a text lower() keeps in place and in one it does not.
    text = "".join(parts)
    start, end = sorted((min(first, len(text)), min(last, len(text))))
    short = _rules._short_messages()
    found = [match.span() for match in short.apart(Page(text), start, end)]
    assert found == [match.span() for match in short.pattern.finditer(text, start, end)]


# -- A code after a Chinese verb ------------------------------------------------------------

VERB = next(rule for rule in RULES if rule.name == "Chinese verb before a code")


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        # Real: tests/realworld/positive/100, 112, 111, 273 (verbatim: a line, or part of one).
        ("你好关于PPTP L2TP无限691 问题", [691]),
        # Missed on purpose: words of its own after the number ("the solution to 809 occurring").
        ("但是我没有文档中找到，当我在IKEv2下发生809的解决方案，只有L2TP修改注册表的方法", []),  # noqa: RUF001 - the post's own commas
        ("带密钥的L2TP我一直809，改成使用IKEv2以后还是这样", [809]),  # noqa: RUF001 - the post's own comma
        ("所有的VPS装好后iphone连接使用都是没问题的，有些VPS装好后win7提示809.", [809]),  # noqa: RUF001 - the post's own comma
        ("认证无法通过时,提示“691”错误。", [691]),
        # Real: tests/realworld/positive/383; 报 alone starts nothing ("PC端报651", 213).
        ("电脑端连接的时候一直报809错误。", [809]),
        ("PC端报651的错误代码", []),
        # Real: 383, "still is" before the code; composed: 还是 is as often "or".
        ("但还是不行，依然是809", [809]),  # noqa: RUF001 - the post's own comma
        ("套餐是600还是700？", []),  # noqa: RUF001 - a Chinese question mark
        # Composed: a time, a count, a bandwidth, a price, a port after the verb.
        ("会提示800毫秒没有更多了", []),
        ("延迟一直700多", []),
        ("宽带一直800M", []),
        ("提示800元", []),
        ("启动时提示8000端口已被占用", []),
    ],
)
def test_a_code_after_a_chinese_verb_ends_its_phrase(line: str, codes: list[int]) -> None:
    assert [int(candidate.code) for candidate in proposed(VERB, line)] == codes


@given(st.text(alphabet="提示一直报出现691800 ，毫秒多M的错误问题“”\n", max_size=40))  # noqa: RUF001 - a Chinese comma
def test_a_code_after_a_chinese_verb_is_three_digits_that_end_a_phrase(text: str) -> None:
    for candidate in proposed(VERB, text):
        written = text[candidate.start : candidate.end]
        assert len(written) == 3
        assert 600 <= int(written) <= 999
        after = text[candidate.end : candidate.end + 1]
        assert after in ("", " ", "\n", "\uff0c", "”", "的", "错", "问")  # a Chinese comma
