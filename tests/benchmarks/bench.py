"""Benchmarks for raserror: every figure is a ratio measured side by side in one run.

Run it with the interpreter that has raserror installed (not editable, so that
the import is measured as users get it):

    python tests/benchmarks/bench.py            # exit 1 if a target is missed
    python tests/benchmarks/bench.py --report   # print only; always exit 0

Targets apply on Python 3.11 and newer; older versions are reported only.
Machines here are shared and noisy: each figure compares two things measured
in the same run, interleaved, and takes a median or a minimum.
"""

from __future__ import annotations

import argparse
import compileall
import gc
import os
import py_compile
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from pathlib import Path

import raserror
from raserror import ErrorCode

ENFORCED = sys.version_info >= (3, 11)
HEAVY_MODULES = ("re", "argparse", "json", "importlib.resources", "csv", "typing")
BARE_MODULE = "_raserror_bench_bare_enum"


@dataclass
class Figure:
    """One measured figure and its target."""

    name: str
    value: float
    target: str
    met: bool
    detail: str = ""

    def line(self) -> str:
        verdict = "ok" if self.met else ("MISSED" if ENFORCED else "missed (not enforced)")
        detail = f"  [{self.detail}]" if self.detail else ""
        return f"{self.name:<44} {self.value:>8.2f}  target {self.target:<10} {verdict}{detail}"


def at_most(name: str, value: float, limit: float, detail: str = "") -> Figure:
    return Figure(name, value, f"<= {limit:g}", value <= limit, detail)


def at_least(name: str, value: float, limit: float, detail: str = "") -> Figure:
    return Figure(name, value, f">= {limit:g}", value >= limit, detail)


# Import ---------------------------------------------------------------------------------


def site_packages() -> Path:
    """Where raserror is installed: the bare enum goes beside it, for a fair comparison."""
    return Path(raserror.__file__).resolve().parent.parent


def write_bare_enum(directory: Path) -> Path:
    """A module with the same members as ErrorCode and nothing else."""
    lines = ["from enum import IntEnum", "", "", "class ErrorCode(IntEnum):"]
    lines += [f"    {code.name} = {int(code)}" for code in ErrorCode]
    path = directory / f"{BARE_MODULE}.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    py_compile.compile(str(path), doraise=True)
    return path


def import_micros(module: str) -> int:
    """The cumulative -X importtime of ``module`` in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    pattern = re.compile(rf"\|\s*(\d+)\s*\|\s*{re.escape(module)}$", re.MULTILINE)
    return int(pattern.findall(result.stderr)[-1])


def bench_import(runs: int) -> list[Figure]:
    # Users' installs carry bytecode; make sure both sides are measured with it.
    compileall.compile_dir(str(Path(raserror.__file__).parent), quiet=1)
    bare = write_bare_enum(site_packages())
    try:
        ours, theirs = [], []
        for _ in range(runs):
            ours.append(import_micros("raserror"))
            theirs.append(import_micros(BARE_MODULE))
    finally:
        bare.unlink()
        for cached in (bare.parent / "__pycache__").glob(f"{BARE_MODULE}.*"):
            cached.unlink()
    ratio = statistics.median(ours) / statistics.median(theirs)
    detail = f"median {statistics.median(ours)} vs {statistics.median(theirs)} us"
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            (
                "import sys; before = set(sys.modules); import raserror; "
                "print(' '.join(sorted(set(sys.modules) - before)))"
            ),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    heavy = sorted(set(HEAVY_MODULES) & set(loaded))
    return [
        at_most(f"import raserror / bare {len(ErrorCode)}-member IntEnum", ratio, 1.4, detail),
        Figure(
            "heavy modules imported by `import raserror`",
            len(heavy),
            "== 0",
            not heavy,
            ", ".join(heavy) or "none of " + ", ".join(HEAVY_MODULES),
        ),
    ]


# Lookup, attributes, describe -----------------------------------------------------------


def per_call(statement: str, namespace: dict[str, object], number: int = 200_000) -> float:
    """Seconds per call, the best of several repeats."""
    timer = timeit.Timer(statement, globals=namespace)
    return min(timer.repeat(repeat=7, number=number)) / number


def bench_lookup() -> list[Figure]:
    plain = {int(code): code for code in ErrorCode}
    namespace: dict[str, object] = {
        "lookup": raserror.lookup,
        "get": raserror.get,
        "plain": plain,
        "ErrorCode": ErrorCode,
        "HTTPStatus": HTTPStatus,
    }
    dict_hit = per_call("plain.get(691)", namespace)
    dict_miss = per_call("plain.get(9999)", namespace)
    lookup_hit = per_call("lookup(691)", namespace)
    lookup_hresult = per_call("lookup(0x800B0101)", namespace)
    get_hit = per_call("get(691)", namespace)
    get_miss = per_call("get(9999)", namespace)
    enum_call = per_call("ErrorCode(691)", namespace)
    http_call = per_call("HTTPStatus(404)", namespace)
    fast = min(lookup_hit, get_hit)
    return [
        at_most("lookup(691) / dict.get(691)", lookup_hit / dict_hit, 2.5),
        at_most("get(691) / dict.get(691)", get_hit / dict_hit, 2.5),
        at_most("get(9999) / dict.get(9999)", get_miss / dict_miss, 2.5),
        at_most("lookup(0x800B0101) / lookup(691)", lookup_hresult / lookup_hit, 1.2),
        at_least("ErrorCode(691) / lookup(691)", enum_call / fast, 3.0),
        at_least("HTTPStatus(404) / lookup(691)", http_call / fast, 3.0),
    ]


class _Plain(int):
    """An int subclass with an ordinary instance attribute: the floor for attributes."""

    message: str


def bench_attributes() -> list[Figure]:
    plain = _Plain(691)
    plain.message = ErrorCode(691).message
    namespace: dict[str, object] = {"code": ErrorCode(691), "plain": plain}
    floor = per_call("plain.message", namespace, number=1_000_000)
    return [
        at_most(
            f"code.{name} / int-subclass attribute",
            per_call(f"code.{name}", namespace, number=1_000_000) / floor,
            1.3,
        )
        for name in ("message", "category", "transient", "hints", "stage")
    ]


def bench_describe() -> list[Figure]:
    micros = per_call("describe(691)", {"describe": raserror.describe}) * 1e6
    return [at_most("describe(691), microseconds", micros, 1.0)]


# Scanning -------------------------------------------------------------------------------

RAS_BLOCKS = [
    (
        "Connecting to Office VPN...\nVerifying username and password...\n"
        "Remote Access error 691 - The remote connection was denied.\n\n"
        "For more help on this error:\n        Type 'hh netcfg.chm'\n"
        "        In help, click Troubleshooting, then Error Messages, then 691\n"
    ),
    (
        "CoId={{6A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9}}: The user CONTOSO\\u{n} dialed a "
        "connection named VPN {n} which has failed. The error code returned on failure is 809.\n"
    ),
    "{date} WARN retry {n}: Error 868: The remote connection was not made.\n",
    "{date} RasDial failed with error 740 after {n} ms\n",
    # Dialog copies and messages quoted without their number, as helpdesk pastes hold them.
    (
        "Error 809: The network connection between your computer and the VPN server could "
        "not be established because the remote server is not responding.\n"
    ),
    "The remote connection was not made because the attempted VPN tunnels failed. (Error 800)\n",
    "{date} user {n} reports: IKE authentication credentials are unacceptable\n",
    "Fehler 798: Es konnte kein Zertifikat gefunden werden.\n",
]
ORDINARY = [
    "{date} INFO worker[{n}] processed {n} items in {n} ms from 10.{b}.{b}.{b}:{n}\n",
    "{date} DEBUG cache size={n} bytes, hits={n}, misses={n}, ratio=0.{n}\n",
    "{date} GET /api/v{b}/items/{n}?page={b} 200 {n}ms\n",
    "{date} INFO job {n} took {n} ms, exit 0, rss {n} KB, errors={b}\n",
]


def mixed_log(size: int, seed: int = 20240603) -> str:
    """Ordinary lines full of numbers, with rasdial output and event lines among them."""
    rnd = random.Random(seed)  # noqa: S311 - a reproducible log, not a secret

    def fill(template: str) -> str:
        date = f"2024-06-{rnd.randint(1, 28):02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}"
        return template.format(date=date, n=rnd.randint(0, 10**6), b=rnd.randint(0, 255))

    pool = [fill(template) for template in ORDINARY for _ in range(500)]
    pool += [fill(template) for template in RAS_BLOCKS for _ in range(5)]
    weights = [100] * (len(ORDINARY) * 500) + [1] * (len(RAS_BLOCKS) * 5)
    average = sum(map(len, pool)) / len(pool)
    return "".join(rnd.choices(pool, weights, k=int(size / average)))


def seconds(function: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def bench_scan(megabytes: int) -> list[Figure]:
    text = mixed_log(megabytes * 1_000_000)
    digits = re.compile(r"\d+")
    baseline = seconds(lambda: sum(1 for _ in digits.finditer(text)))
    scan = seconds(lambda: raserror.find_codes(text))
    lines = text.splitlines(keepends=True)
    streamed = seconds(lambda: sum(1 for _ in raserror.scan_lines(lines)))
    scan_larger = seconds(partial(raserror.find_codes, text * 10), repeat=1)
    per_megabyte = scan / megabytes
    hostile = {
        "10 MB of digits": "7" * 10_000_000,
        '"Remote Access error " repeated, 10 MB': "Remote Access error " * 500_000,
        # A candidate every ten characters on one line: each is judged, its window read once.
        '"Error 809 " repeated on one line, 1 MB': "VPN " + "Error 809 " * 100_000,
    }
    figures = [
        at_most(f"find_codes / re.finditer(\\d+), {megabytes} MB", scan / baseline, 2.0),
        at_most(f"scan_lines / re.finditer(\\d+), {megabytes} MB", streamed / baseline, 3.0),
        at_most(
            "find_codes: 10x the log / 10x the time",
            scan_larger / (10 * scan),
            1.5,
            f"{scan:.2f} s and {scan_larger:.2f} s",
        ),
    ]
    paste = (
        "Hi, since this morning I get this when I connect: The network connection between "
        "your computer and the VPN server could not be established because the remote "
        "server is not responding. This could be because one of the network devices "
        "(e.g., firewalls, NAT, routers, etc) between your computer and the remote"
    )
    figures.append(
        at_most(
            f"from_message on a {len(paste)}-character paste, microseconds",
            per_call(
                "from_message(paste)",
                {"from_message": raserror.from_message, "paste": paste},
                2000,
            )
            * 1e6,
            50.0,
        )
    )
    for name, hostile_text in hostile.items():
        taken = seconds(partial(raserror.find_codes, hostile_text), repeat=1)
        figures.append(
            at_most(
                f"hostile: {name}, s per MB / mixed log's",
                taken / (len(hostile_text) / 1_000_000) / per_megabyte,
                5.0,
                f"{taken:.2f} s",
            )
        )
    return figures


# Scanning at every density of Remote Access lines --------------------------------------

# Lines of other programs written in other languages: lower() keeps their length or not.
NON_ASCII = [
    "{date} ИНФО обработано {n} записей за {n} мс, память {n} КБ, ошибок нет\n",
    "{date} 信息 工作线程 {n} 处理了 {n} 个项目, 耗时 {n} 毫秒\n",
    "{date} Größe={n} Bytes, Treffer={n}, Fehlschläge={b}, Dauer {n} ms\n",
    "{date} 情報 ジョブ {n} は {n} ミリ秒で完了しました (終了コード 0)\n",
    "{date} İşlem {n} tamamlandı, süre {n} ms, İstanbul sunucusu {b}\n",  # noqa: RUF001 - Turkish
]
# SQL Server's error log: "Error: 824, Severity: 24" and the error line after it.
SQL_LINES = [
    "{date} spid{b}      Error: 824, Severity: 24, State: 2.\n",
    (
        "{date} spid{b}      SQL Server detected a logical consistency-based I/O error: "
        "incorrect pageid (expected 1:{n}; actual 0:0). It occurred during a read of page "
        "(1:{n}) in database ID {b} at offset 0x0000001554c000.\n"
    ),
    (
        "{date} spid{b}      Error 824: SQL Server detected a logical consistency-based I/O "
        "error: torn page (expected signature: 0x{b}; actual signature: 0x{b}).\n"
    ),
    "Msg 924, Level 14, State 1, Line {b}\n",
]
DENSITIES = (0.0, 0.002, 0.02, 0.2, 1.0)


def density_log(size: int, share: float, ordinary: list[str], seed: int = 20261204) -> str:
    """Lines of ``ordinary`` with ``share`` of them Remote Access lines, about ``size`` chars."""
    rnd = random.Random(seed)  # noqa: S311 - a reproducible log, not a secret

    def fill(template: str) -> str:
        date = (
            f"2024-06-{rnd.randint(1, 28):02d} {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}"
        )
        return template.format(date=date, n=rnd.randint(0, 10**6), b=rnd.randint(0, 255))

    ras = [line for block in RAS_BLOCKS for line in block.splitlines(keepends=True)]
    lines: list[str] = []
    total = 0
    while total < size:
        line = fill(rnd.choice(ras) if rnd.random() < share else rnd.choice(ordinary))
        lines.append(line)
        total += len(line)
    return "".join(lines)


def scan_ratios(text: str) -> tuple[float, float]:
    """(find_codes, scan_lines) over ``text``, each / one pass of the digits pattern."""
    digits = re.compile(r"\d+")
    lines = text.splitlines(keepends=True)
    base, whole, streamed = [], [], []
    for _ in range(3):  # interleaved: the machine's noise falls on all three alike
        base.append(seconds(lambda: sum(1 for _ in digits.finditer(text)), repeat=1))
        whole.append(seconds(lambda: raserror.find_codes(text), repeat=1))
        streamed.append(seconds(lambda: sum(1 for _ in raserror.scan_lines(lines)), repeat=1))
    return min(whole) / min(base), min(streamed) / min(base)


def bench_scan_density(megabytes: float = 2.0) -> list[Figure]:
    """find_codes and scan_lines at every share of Remote Access lines, and on other logs."""
    size = int(megabytes * 1_000_000)
    logs = {f"{share:.1%} RAS lines": density_log(size, share, ORDINARY) for share in DENSITIES}
    logs["non-ASCII log, 2% RAS lines"] = density_log(size, 0.02, NON_ASCII)
    logs["SQL Server error log"] = density_log(size, 0.0, SQL_LINES)
    figures = []
    for name, text in logs.items():
        whole, streamed = scan_ratios(text)
        figures.append(at_most(f"find_codes / \\d+ pass, {name}", whole, 3.0))
        figures.append(at_most(f"scan_lines / \\d+ pass, {name}", streamed, 3.0))
    return figures


def hostile_growth_cases() -> dict[str, Callable[[int], Callable[[], object]]]:
    """Inputs once made to take more than linear time: each gives a run on n copies."""
    message = ErrorCode(809).message + " "
    messages = [code.message for code in ErrorCode if 600 <= code < 900]
    return {
        "'600', n*200 spaces, '1 VPN', 10 lines": lambda n: partial(
            raserror.find_codes, ("600" + " " * (n * 200) + "1 VPN\n") * 10
        ),
        # A heading's spaces once went back one by one to the words before a short message.
        "'#', n*200 spaces, 'VPN policy match error:', 10 lines": lambda n: partial(
            raserror.find_codes, ("#" + " " * (n * 200) + "VPN policy match error:\n") * 10
        ),
        "'<Binary>' repeated after 'RasClient'": lambda n: partial(
            raserror.find_codes, "RasClient " + "<Binary>" * (n * 1000)
        ),
        # Each window of the quick test for a code's words read only where the last one was not.
        "'Error 809 ' repeated on one line": lambda n: partial(
            raserror.find_codes, "VPN " + "Error 809 " * (n * 500)
        ),
        # Each comparison walks up to the command before it, reading each line's head only.
        "'if %errorlevel% == 691 ' repeated on two lines after rasdial": lambda n: partial(
            raserror.find_codes,
            "rasdial VPN\n" + ("if %errorlevel% == 691 " * (n * 250) + "\n") * 2,
        ),
        # Each switch's labels read to the next switch, not to the line's end: once quadratic.
        "'switch (ret) { case 691: ' repeated on one line after RasDial": lambda n: partial(
            raserror.find_codes,
            "ret = RasDial(NULL, NULL, &params, 0, NULL, &conn);\n"
            + "switch (ret) { case 691: " * (n * 1000),
        ),
        # Each comparison's number asked whether it ends its line: once answered by copying
        # the rest of the line (a fuzzing review's probe: 1.6 MB took 20 s).
        "'dwErr == 691 ' repeated on one line after RasDial": lambda n: partial(
            raserror.find_codes, "RasDial VPN IKEv2 rasdial\n" + "dwErr == 691 " * (n * 1000)
        ),
        # Lines of one character never add up to the characters held back: each new line once
        # scanned every held line again.
        "scan_lines over blank lines": lambda n: partial(_streamed, "\n" * (n * 5000)),
        "from_message on a message repeated": lambda n: partial(
            raserror.from_message, message * (n * 100)
        ),
        # Each header of a table read from its line's start, once per header: once quadratic.
        "'Error Code |' repeated on one line": lambda n: partial(
            raserror.find_codes, "Error Code |" * (n * 8000) + " 691"
        ),
        # Many codes' messages quoted one after another on one line, near context: each quote's
        # line is read back to its start once, not copied whole for every quote.
        "quoted messages on one long line": lambda n: partial(
            raserror.find_codes, "\n" + ("VPN " + " | VPN ".join(messages) + " | ") * (n * 10)
        ),
        # An error word whose number may stand on the next line: the width of its own line is
        # read back a few dozen characters, not to the line's start.
        "'error code is 1a ' repeated on one line": lambda n: partial(
            raserror.find_codes, "VPN " + "error code is 1a " * (n * 3000) + "\n809"
        ),
        # Names of tables of RAS errors whose braces never close: one table a line is read, not
        # each name to its bound (8,000 characters each).
        "'ras_err{ ' repeated on one line after VPN": lambda n: partial(
            raserror.find_codes, "VPN\n" + "ras_err{ " * (n * 5000)
        ),
        # A short message quoted again and again on one line: whether each stands apart is read
        # a few dozen characters back, not from the line's start (a review's probe, once quadratic).
        "'The line is busy on VPN ' repeated on one line, pasted": lambda n: partial(
            raserror.find_codes,
            "The line is busy on VPN " * (n * 500),
            pasted=True,
            assume_ras=True,
        ),
    }


def _streamed(text: str) -> int:
    """The findings of scan_lines over ``text`` read as ``raserror scan`` reads a file."""
    import io

    return sum(1 for _ in raserror.scan_lines(io.StringIO(text, newline="")))


def bench_scan_hostile_growth() -> list[Figure]:
    """Twice the hostile input must take about twice the time, not four times."""
    figures = []
    for name, make in hostile_growth_cases().items():
        small = seconds(make(8), repeat=2)
        large = seconds(make(16), repeat=2)
        figures.append(
            at_most(
                f"hostile: {name}, 2x input / 2x time",
                large / (2 * small),
                1.6,
                f"{small:.3f} s and {large:.3f} s",
            )
        )
    return figures


def peak_scanning(text: str) -> tuple[int, float]:
    """(findings, peak traced MB) of scan_lines over ``text`` read as raserror scan reads it."""
    import io
    import tracemalloc

    from raserror._scan import PIECE

    source = io.StringIO(text, newline="")
    gc.collect()
    tracemalloc.start()
    try:
        found = sum(1 for _ in raserror.scan_lines(iter(partial(source.readline, PIECE), "")))
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    return found, peak


def bench_hostile_memory() -> list[Figure]:
    """Lines with no end: the peak must not grow with them (the text itself is not counted)."""
    cases = {
        "'hh netcfg.chm', then one 10 MB line of '123 '": "Type 'hh netcfg.chm'\n"
        + "123 " * 2_500_000,
        "one 50 MB line of 'RasDial Error 740 ' among dots": ("RasDial Error 740 " + "." * 300)
        * (50_000_000 // 318),
    }
    figures = []
    for name, text in cases.items():
        found, peak = peak_scanning(text)
        figures.append(
            at_most(f"hostile memory: {name}, peak MB", peak, 32.0, f"{found} findings")
        )
    return figures


# Exported events ------------------------------------------------------------------------

EVENT_SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "events"


def event_export(size: int, *, csv: bool = False) -> str:
    """The sample exports repeated to ``size`` characters: every text and XML shape, or CSV."""
    texts = []
    for path in sorted(EVENT_SAMPLES.iterdir()):
        if path.suffix not in (".txt", ".xml", ".csv") or (path.suffix == ".csv") != csv:
            continue
        if csv and not path.name.startswith("getWinEvent"):
            continue  # one Export-Csv, its header then its rows again and again
        data = path.read_bytes()
        texts.append(data.decode("utf-16" if data.startswith(b"\xff\xfe") else "utf-8"))
    if csv:  # one #TYPE line and header, then the rows again and again
        type_line, header, rows = texts[0].split("\n", 2)
        return f"{type_line}\n{header}\n" + rows * (size // len(rows) + 1)
    block = "\n".join(texts) + "\n"
    return block * (size // len(block) + 1)


def count_matches(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def read_all(source: object) -> int:
    from raserror._events import group_attempts, read_events

    attempts = group_attempts(read_events(source))  # type: ignore[arg-type]
    return sum(1 for _ in attempts)


def bench_events(megabytes: int) -> list[Figure]:
    import tempfile
    import tracemalloc

    digits = re.compile(r"\d+")
    figures = []
    for name, csv in (("text and XML exports", False), ("Export-Csv", True)):
        text = event_export(megabytes * 1_000_000, csv=csv)
        lines = text.splitlines(keepends=True)
        baseline = seconds(partial(count_matches, digits, text))
        ours = seconds(partial(read_all, lines))
        found = read_all(lines)
        figures.append(
            at_most(
                f"events / re.finditer(\\d+), {megabytes} MB {name}",
                ours / baseline,
                3.0,
                f"{ours:.2f} s vs {baseline:.2f} s, {found} attempts",
            )
        )
    # Memory: stream the text export from a file; the peak must not grow with its size.
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "export.txt"
        path.write_text(event_export(megabytes * 1_000_000), encoding="utf-16")
        tracemalloc.start()
        try:
            with path.open("rb") as export:
                read_all(export)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
        finally:
            tracemalloc.stop()
    figures.append(
        at_most(f"events: peak traced memory streaming {megabytes} MB of UTF-16, MB", peak, 16)
    )
    return figures


def repeated_sample(name: str, size: int, *, one_line: bool = False) -> str:
    """One sample's text repeated to ``size`` characters, its line ends kept or all dropped."""
    data = (EVENT_SAMPLES / name).read_bytes()
    text = data.decode("utf-16" if data.startswith(b"\xff\xfe") else "utf-8")
    if one_line:
        text = "".join(text.splitlines())
    return text * (size // len(text) + 1)


def bench_event_shapes(megabytes: int) -> list[Figure]:
    """The shapes whose records once ran together, each alone: CRLF copies, wevtutil text, XML."""
    import tempfile
    import tracemalloc

    from raserror._events import read_events

    digits = re.compile(r"\d+")
    size = megabytes * 1_000_000
    shapes = {
        "Event Viewer copies, CRLF": (
            repeated_sample("eventviewer_rasclient_20227_algo760_crlf.txt", size),
            True,
        ),
        "wevtutil text, two dials a file": (
            repeated_sample("wevtutil_text_rasclient_two_attempts.txt", size),
            True,
        ),
        "wevtutil /f:xml, every event on one line": (
            repeated_sample("wevtutil_xml_mixed.xml", size, one_line=True),
            False,
        ),
    }
    figures = []
    for name, (text, as_lines) in shapes.items():
        source: str | list[str] = text.splitlines(keepends=True) if as_lines else text
        baseline = seconds(partial(count_matches, digits, text))
        ours = seconds(partial(read_all, source))
        figures.append(
            at_most(
                f"events / re.finditer(\\d+), {megabytes} MB {name}",
                ours / baseline,
                3.0,
                f"{ours:.2f} s vs {baseline:.2f} s, {len(list(read_events(source)))} events",
            )
        )
    # Memory: a file that is one endless line, as /dev/zero is; and one-line XML from a str.
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "one-line.txt"
        path.write_bytes(b"\0" * size)
        tracemalloc.start()
        try:
            with path.open("rb") as export:
                sum(1 for _ in read_events(export))
            line_peak = tracemalloc.get_traced_memory()[1] / 2**20
        finally:
            tracemalloc.stop()
    xml = shapes["wevtutil /f:xml, every event on one line"][0]
    tracemalloc.start()
    try:
        sum(1 for _ in read_events(xml))  # a str: read in pieces, never copied whole
        xml_peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    return [
        *figures,
        at_most(f"events: peak traced memory, one {megabytes} MB line of NULs, MB", line_peak, 4),
        at_most(f"events: peak traced memory, {megabytes} MB of one-line XML, MB", xml_peak, 4),
    ]


# Command line and memory ----------------------------------------------------------------


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - start


def bench_cli(runs: int) -> list[Figure]:
    script = shutil.which("raserror", path=str(Path(sys.executable).parent))
    if script is None:
        return [Figure("raserror 691 / python -c 'import raserror'", 0, "<= 1.5", met=False)]
    ours, theirs = [], []
    for _ in range(runs):
        ours.append(wall([script, "691"]))
        theirs.append(wall([sys.executable, "-c", "import raserror"]))
    ratio = statistics.median(ours) / statistics.median(theirs)
    detail = (
        f"median {statistics.median(ours) * 1e3:.1f} vs {statistics.median(theirs) * 1e3:.1f} ms"
    )
    return [at_most("raserror 691 / python -c 'import raserror'", ratio, 1.5, detail)]


def peak_rss_kib(code: str) -> int:
    """The peak resident set of a fresh interpreter running ``code``, in KiB.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss across fork and exec, so a
    child would report this (large) process's peak.
    """
    probe = (
        f"{code}\nimport re\n"
        "print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return int(result.stdout)


def bench_memory(runs: int) -> list[Figure]:
    if not Path("/proc/self/status").exists():
        return [Figure("peak RSS, MB", 0, "< 3", met=True, detail="no /proc: not measured")]
    ours = statistics.median(peak_rss_kib("import raserror") for _ in range(runs))
    theirs = statistics.median(peak_rss_kib("pass") for _ in range(runs))
    extra = (ours - theirs) / 1024
    detail = f"{ours:.0f} vs {theirs:.0f} KiB"
    return [Figure("peak RSS of import raserror - of pass, MB", extra, "< 3", extra < 3, detail)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print the figures; always exit 0")
    parser.add_argument("--megabytes", type=int, default=20, help="size of the mixed log")
    parser.add_argument("--runs", type=int, default=25, help="fresh processes per import figure")
    parser.add_argument(
        "--event-megabytes", type=int, default=100, help="size of the event exports"
    )
    args = parser.parse_args()
    print(f"raserror {raserror.__version__} on Python {sys.version.split()[0]}", end="")
    print("" if ENFORCED else " (targets apply on 3.11+: reported only)")
    figures: list[Figure] = []
    sections: list[Callable[[], list[Figure]]] = [
        partial(bench_memory, 5),  # first: before this process grows large
        partial(bench_import, args.runs),
        bench_lookup,
        bench_attributes,
        bench_describe,
        partial(bench_scan, args.megabytes),
        bench_scan_density,
        bench_scan_hostile_growth,
        bench_hostile_memory,
        partial(bench_events, args.event_megabytes),
        partial(bench_event_shapes, max(1, args.event_megabytes // 5)),
        partial(bench_cli, args.runs),
    ]
    for section in sections:
        for figure in section():
            print(figure.line(), flush=True)
            figures.append(figure)
    missed = [figure.name for figure in figures if not figure.met]
    if missed and ENFORCED and not args.report:
        print(f"missed: {len(missed)} target(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
