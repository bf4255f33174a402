"""The scanner's output on every real text in the tests is the recorded one.

tests/golden/scanner.json is written by tests/_golden_scan.py; a change to
it is made on purpose, in its own commit, saying which findings changed and why.
"""

from __future__ import annotations

import json

import _golden_scan as scanner
import pytest

RECORDED: dict[str, dict[str, list[str]]] = json.loads(scanner.GOLDEN.read_text(encoding="utf-8"))
TEXTS = scanner.texts()


def test_every_recorded_text_is_still_there_and_every_text_is_recorded() -> None:
    assert sorted(RECORDED) == sorted(TEXTS)
    assert len(TEXTS) >= 150


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_scanner_gives_what_was_recorded(name: str) -> None:
    assert scanner.record(TEXTS[name]) == RECORDED[name]


def test_the_check_names_each_text_and_part_that_moved() -> None:
    recorded: dict[str, dict[str, list[str]]] = {
        "a": {"find_codes": ["691 line 1"], "pasted": []},
        "gone": {"find_codes": []},
    }
    now: dict[str, dict[str, list[str]]] = {
        "a": {"find_codes": [], "pasted": []},
        "new": {"find_codes": []},
    }
    assert scanner.changed(recorded, now) == ["a: find_codes", "gone: gone", "new: new"]
    assert scanner.changed(recorded, recorded) == []
