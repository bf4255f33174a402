"""The repository's table and the reference files, for the tests to compare."""

from __future__ import annotations

import csv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "data" / "ras_errors.csv"
HINTS = REPO / "data" / "hints.csv"
GENERATED = REPO / "src" / "raserror" / "_codes.py"
WIN32_TABLE = REPO / "data" / "winerror.csv"
WIN32_GENERATED = REPO / "src" / "raserror" / "_win32_codes.py"
REFERENCE = REPO / "tests" / "reference"
REALWORLD = REPO / "tests" / "realworld"


def read_table() -> list[dict[str, str]]:
    """The data table as dicts of its cells, in file order."""
    with TABLE.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def read_tsv(name: str) -> list[dict[str, str]]:
    """A tab-separated reference file from tests/reference."""
    with (REFERENCE / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


def snippet_text(path: Path) -> str:
    """The text a tests/realworld file quotes, below its header's ``---`` line, as written."""
    return path.read_bytes().decode("utf-8").partition("\n---\n")[2]
