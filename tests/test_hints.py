"""The hints table against two rules a reader relies on.

A hint's source must still say what the hint says when the reader follows it
years later: a permalink, never a listing page that rolls over. A hint that
touches the registry must name the whole key and the machine to change.
"""

from __future__ import annotations

import csv
import re
from typing import Callable, NamedTuple
from urllib.parse import SplitResult, urlsplit

import pytest
from _repo import HINTS


class HintLine(NamedTuple):
    """One row of data/hints.csv, with its line number."""

    line: int
    symbol: str
    text: str
    source: str


def read_hints() -> list[HintLine]:
    with HINTS.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return [
            HintLine(reader.line_num, row["symbol"], row["text"], row["source"]) for row in reader
        ]


# Path segments of pages that list posts (WordPress, Blogger, most CMSs): their content rolls over.
LISTING_SEGMENT = re.compile(
    r"/(?:tag|tags|category|categories|author|search|label|page|feed)/", re.IGNORECASE
)
# A blog's year, month or day archive (/2018/02/): a listing, not the post under it.
DATE_ARCHIVE = re.compile(r"^/\d{4}(?:/\d{2}){0,2}/?$")
# On GitHub, a file pinned to a 40-hex commit, or an issue or pull request (numbered for good).
GITHUB_PERMALINK = re.compile(r"^/[\w.-]+/[\w.-]+/(?:blob/[0-9a-f]{40}/\S+|issues/\d+|pull/\d+)$")


class UrlRule(NamedTuple):
    """One way a URL fails to be a permalink, and the test that catches it."""

    problem: str
    breaks: Callable[[SplitResult], bool]


# The rule, in order: https and a host; a path that is not the site's front page; no query
# string (a query makes a view of a page, such as a search or a reply form); no listing
# segment (tag, category, author, search, label, page, feed); not a blog's date archive (a
# dated post keeps its slug after the date: /2019/02/14/slug/); on github.com, a blob
# pinned to a full commit hash, or an issue or pull request.
PERMALINK_RULES = (
    UrlRule("not an https URL", lambda url: url.scheme != "https" or not url.hostname),
    UrlRule("a site's front page", lambda url: url.path in ("", "/")),
    UrlRule("a query string (a view, not a document)", lambda url: bool(url.query)),
    UrlRule(
        "a tag, category, search or archive listing",
        lambda url: LISTING_SEGMENT.search(url.path) is not None,
    ),
    UrlRule("a date archive listing", lambda url: DATE_ARCHIVE.match(url.path) is not None),
    UrlRule(
        "a GitHub page not pinned to a commit, issue or pull request",
        lambda url: url.hostname == "github.com" and not GITHUB_PERMALINK.match(url.path),
    ),
)


def permalink_problem(url: str) -> str | None:
    """Why ``url`` is not a permalink to one document, or None when it is."""
    parts = urlsplit(url)
    return next((rule.problem for rule in PERMALINK_RULES if rule.breaks(parts)), None)


# Anything that speaks of the registry: the word, a root key, a value type, a key path, or
# a value name alone (CamelCase of three or more words, not a cmdlet's -Parameter or Verb-Noun).
REGISTRY_MENTION = re.compile(
    r"(?i:registry|\bHKEY_|\bHK(?:LM|CU|U)\b|\bREG_\w+|\bDWORD\b)|\w\\\w"
    r"|(?<![-\w])[A-Z][a-z]+(?:[A-Z][a-z0-9]+){2,}\b"
)
# A full key: a root key, then at least one subkey, written out.
FULL_KEY = re.compile(
    r"\b(?:HKEY_LOCAL_MACHINE|HKLM|HKEY_USERS|HKEY_CURRENT_USER|HKCU)\\[^\s\\]+\\"
)
# Which machine to change: "on the client", "on the RRAS server", "on that server"...
MACHINE = re.compile(
    r"\bon (?:the |that |this |each |every |both |a )?(?:[\w/.()-]+ ){0,3}?"
    r"(?:client|server|computer|machine|PC)s?\b",
    re.IGNORECASE,
)


def registry_problem(text: str) -> str | None:
    """Why a hint about the registry leaves its reader guessing, or None."""
    if not REGISTRY_MENTION.search(text):
        return None
    if not FULL_KEY.search(text):
        return "no full key from HKEY_LOCAL_MACHINE\\ (or HKLM\\, HKEY_USERS\\) down"
    if not MACHINE.search(text):
        return "does not say on which machine (client or server)"
    return None


@pytest.mark.parametrize(
    "url",
    [
        # Each of these once stood in the table; a listing shows other posts as new ones come.
        "https://directaccess.richardhicks.com/2018/02/",
        "https://directaccess.richardhicks.com/tag/809/",
        "https://directaccess.richardhicks.com/tag/853/",
        "https://directaccess.richardhicks.com/tag/expired-certificate/",
        "https://directaccess.richardhicks.com/tag/extensible-authentication-protocol/",
        "https://directaccess.richardhicks.com/category/systems-management/",
        "https://directaccess.richardhicks.com/category/public-key-infrastructure/",
        "https://directaccess.richardhicks.com/category/windows-server-2012/page/6/",
        "https://directaccess.richardhicks.com/2018/09/17/load-balancing/?replytocom=32352",
        "https://github.com/hwdsl2/setup-ipsec-vpn/blob/master/docs/clients.md",
        "https://github.com/hwdsl2/setup-ipsec-vpn",
        "http://technet.microsoft.com/library/3060ebb9-d91a-4f85-903f-dc865bd0692c",
        "https://example.org/",
    ],
)
def test_listing_pages_and_moving_targets_are_not_permalinks(url: str) -> None:
    assert permalink_problem(url) is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://directaccess.richardhicks.com/2019/02/14/troubleshooting-always-on-vpn-error-code-809/",
        "https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/l2tp-vpn-fails-with-error-787",
        "https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2008-R2-and-2008/dd469791(v=ws.10)",
        "https://github.com/hwdsl2/setup-ipsec-vpn/blob/df756d1380461f7d02333f05aacc7131ec5f4ff5/docs/clients.md",
        "https://github.com/hwdsl2/setup-ipsec-vpn/issues/153",
        "https://jeffpar.github.io/kbarchive/kb/174/Q174474/",
        "https://support.microsoft.com/en-us/help/2980672",
    ],
)
def test_documents_pinned_in_place_are_permalinks(url: str) -> None:
    assert permalink_problem(url) is None


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        # The 809 hint as it once read: a partial key, no machine.
        (
            "L2TP/IPsec only: set PolicyAgent\\AssumeUDPEncapsulationContextOnSendRule=2 and reboot.",
            "no full key",
        ),
        # 734's as it once read: a value name alone.
        ("Fix was SP1/hotfix plus a higher IpOutLowWatermark.", "no full key"),
        (
            "Set HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters\\ProhibitIpSec to 1.",
            "on which machine",
        ),
    ],
)
def test_a_registry_hint_without_key_or_machine_is_flagged(text: str, problem: str) -> None:
    assert problem in (registry_problem(text) or "")


def test_a_registry_hint_with_key_and_machine_passes_and_other_hints_are_left_alone() -> None:
    text = (
        "On the client, set HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters\\X to 1."
    )
    assert registry_problem(text) is None
    assert registry_problem("Check that UDP 500 and 4500 are open end to end.") is None


@pytest.mark.parametrize("hint", read_hints(), ids=lambda hint: f"line{hint.line}")
def test_every_hint_cites_a_permalink(hint: HintLine) -> None:
    assert permalink_problem(hint.source) is None, (hint.source, permalink_problem(hint.source))


@pytest.mark.parametrize("hint", read_hints(), ids=lambda hint: f"line{hint.line}")
def test_every_registry_hint_names_the_full_key_and_the_machine(hint: HintLine) -> None:
    assert registry_problem(hint.text) is None, (hint.text, registry_problem(hint.text))
