"""The scanner's output on every real text in the tests, recorded to catch any change.

Run ``python tests/_golden_scan.py --check`` to see which texts' findings a change moves
(nothing is written), and ``python tests/_golden_scan.py`` to write
``tests/golden/scanner.json`` again after a change made on purpose; commit it apart, saying
which findings changed and why.
The texts: the snippets of tests/realworld/, every file of tests/samples/, and
the README's code blocks.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys

from _repo import REALWORLD, REPO, snippet_text

import raserror

GOLDEN = REPO / "tests" / "golden" / "scanner.json"


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def texts() -> dict[str, str]:
    """Every real text the tests hold, by a name that says where it is."""
    found: dict[str, str] = {}
    for path in sorted((REALWORLD).glob("*/*.txt")):
        found[path.relative_to(REPO).as_posix()] = snippet_text(path)
    for path in sorted((REPO / "tests" / "samples").rglob("*")):
        if path.is_file() and path.name != "README.md":
            found[path.relative_to(REPO).as_posix()] = _decode(path.read_bytes())
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```[a-z]*\n(.*?)```", readme, flags=re.DOTALL):
        # Named by content, not place: a block added above does not rename the others.
        found[f"README.md#{hashlib.blake2s(block.encode(), digest_size=6).hexdigest()}"] = block
    return found


def _findings(text: str, findings: list[raserror.Finding]) -> list[str]:
    return [
        f"{int(f.code)} line {f.line} {f.start}:{f.end} {f.evidence} {text[f.start : f.end]!r}"
        for f in findings
    ]


def record(text: str) -> dict[str, list[str]]:
    """What the scanner makes of ``text``, as lines a person can read in a diff."""
    lines = text.splitlines(keepends=True)
    streamed = [
        f"{int(f.code)} line {f.line} {f.start}:{f.end} {f.evidence} "
        f"{lines[f.line - 1][f.start : f.end]!r}"
        for f in raserror.scan_lines(lines)
    ]
    messages = []
    for number, line in enumerate(lines, 1):
        code = raserror.from_message(line)
        if code is not None:
            messages.append(f"line {number}: {int(code)}")
    return {
        "find_codes": _findings(text, raserror.find_codes(text)),
        "pasted": _findings(text, raserror.find_codes(text, pasted=True)),
        "find_codes assume_ras": _findings(text, raserror.find_codes(text, assume_ras=True)),
        "scan_lines": streamed,
        "from_message per line": messages,
        "from_message whole": [str(int(code))]
        if (code := raserror.from_message(text)) is not None
        else [],
    }


def snapshot() -> dict[str, dict[str, list[str]]]:
    return {name: record(text) for name, text in texts().items()}


def changed(
    recorded: dict[str, dict[str, list[str]]], now: dict[str, dict[str, list[str]]]
) -> list[str]:
    """The texts whose record differs, by name and part: "<name>: find_codes", "<name>: new"."""
    names = sorted(set(recorded) | set(now))
    return [
        f"{name}: {part}"
        for name in names
        for part in (
            ["new"]
            if name not in recorded
            else ["gone"]
            if name not in now
            else sorted(p for p in now[name] if now[name][p] != recorded[name].get(p))
        )
    ]


def main(argv: list[str]) -> int:
    now = snapshot()
    if argv[1:] == ["--check"]:  # say what changed, and write nothing
        recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
        differ = changed(recorded, now)
        print("\n".join(differ) or "unchanged", file=sys.stderr)
        return 1 if differ else 0
    GOLDEN.write_text(
        json.dumps(now, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {GOLDEN.relative_to(REPO)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
