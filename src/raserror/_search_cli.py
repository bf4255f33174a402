"""``raserror search WORDS``: the codes whose symbol or messages hold all the words."""

from __future__ import annotations

from raserror._cli_output import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_USAGE,
    code_json,
    fail,
    print_code_lines,
    print_json,
)
from raserror._lookup import search


def search_command(query: str, *, as_json: bool) -> int:
    """List the matches; 0 when there is one, 1 when none, 2 for a query with no words."""
    try:
        codes = search(query)
    except ValueError as problem:
        return fail(f"search: {problem}", EXIT_USAGE)
    status = EXIT_OK
    if not codes:  # reported before the output, which may fail
        status = fail(f"search: no code has all of these words: {query}", EXIT_NOT_FOUND)
    if as_json:
        print_json({"query": query, "codes": [code_json(code) for code in codes]})
    else:
        print_code_lines(codes)
    return status
