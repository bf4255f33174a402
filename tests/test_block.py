"""The explanation of one code: what Windows says, what to check and why, in 80 columns."""

from __future__ import annotations

import re

import pytest

import raserror
from raserror import ErrorCode, Stage
from raserror._block import block_lines

URL = re.compile(r"https://[^\s]+")


def is_source_line(line: str) -> bool:
    """``    [2] https://...``: a URL is never broken, however long."""
    return re.fullmatch(r"    \[\d+\] https://\S+", line) is not None


@pytest.mark.parametrize("code", list(ErrorCode), ids=lambda code: code.name)
@pytest.mark.parametrize("width", [40, 80, 120])
def test_every_block_fits_its_width_but_for_whole_urls(code: ErrorCode, width: int) -> None:
    lines = block_lines(code, width)
    if width >= 80:
        assert lines[0] == f"{raserror.describe(code).split(' (')[0]} ({code.header})"
    for line in lines:
        # Only a word that cannot be broken (a URL, a symbol) may run past the width.
        assert len(line) <= width or is_source_line(line) or " " not in line.strip(), line
    if width >= 80:
        assert all(len(line) <= width or is_source_line(line) for line in lines)


def test_the_block_reads_in_the_order_a_helpdesk_needs() -> None:
    lines = block_lines(ErrorCode.VPN_TIMEOUT)
    labels = [line.split("  ")[1].strip() for line in lines[1:] if line[2:3].isalpha()]
    assert labels == [
        "Windows says",
        "Category",
        "Retry",
        "Stage",
        "What to check",
        "Sources",
        "HRESULT",
        "Elsewhere",
    ]


def test_older_wording_follows_only_where_it_differs() -> None:
    assert any("Older wording" in line for line in block_lines(ErrorCode.TAPI_CONFIGURATION))
    assert not any("Older wording" in line for line in block_lines(ErrorCode.VPN_TIMEOUT))


def test_checks_are_numbered_and_point_at_their_sources() -> None:
    code = ErrorCode.IPSEC_IKE_NO_CERT
    text = "\n".join(block_lines(code))
    checks, sources = text.split("  What to check\n")[1].split("\n  Sources\n")
    numbers = re.findall(r"^    (\d+)\. ", checks, flags=re.MULTILINE)
    assert numbers == [str(n) for n in range(1, len(code.hints) + 1)]
    listed = re.findall(r"^    \[(\d+)\] (https://\S+)$", sources, flags=re.MULTILINE)
    assert [url for _, url in listed] == list(dict.fromkeys(hint.source for hint in code.hints))
    # Each check ends with the number of its own source.
    for hint, reference in zip(code.hints, re.findall(r"\[(\d+)\](?:\n|$)", checks)):
        assert listed[int(reference) - 1][1] == hint.source


def test_a_code_without_hints_has_no_empty_sections() -> None:
    text = "\n".join(block_lines(ErrorCode.PENDING))
    assert "What to check" not in text
    assert "Sources" not in text
    assert not URL.search(text)


def test_both_stages_are_named_for_a_code_that_ends_either() -> None:
    code = ErrorCode.NO_LOCAL_ENCRYPTION
    assert code.stages == (Stage.DEVICE, Stage.LINK)
    assert code.stage is Stage.DEVICE
    text = " ".join(" ".join(block_lines(code)).split())
    assert f"Stage {Stage.DEVICE.description}; or {Stage.LINK.description}" in text
