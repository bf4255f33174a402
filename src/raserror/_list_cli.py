"""``raserror list``: every code, or those of one category, or only the transient ones."""

from __future__ import annotations

from raserror._cli_output import (
    EXIT_NOT_FOUND,
    EXIT_OK,
    code_json,
    fail,
    print_code_lines,
    print_json,
)
from raserror._codes import ErrorCode


def list_command(category: str | None, *, transient_only: bool, as_json: bool) -> int:
    """List the codes; 0 when there is one, 1 when the filters leave none."""
    codes = [
        code
        for code in ErrorCode
        if (category is None or code.category.value == category)
        and (code.transient or not transient_only)
    ]
    status = EXIT_OK
    if not codes:  # only a category and --transient together can leave nothing
        status = fail(f"list: no code in category {category} is transient", EXIT_NOT_FOUND)
    if as_json:
        print_json({"codes": [code_json(code) for code in codes]})
    else:
        print_code_lines(codes)
    return status
