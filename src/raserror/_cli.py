"""The ``raserror`` command: tell what Remote Access error codes mean."""

from __future__ import annotations

import argparse
import sys

from raserror import __version__
from raserror._lookup import _resolve, describe

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Print one line per code; exit 1 if any code is unknown, 2 on a usage error."""
    parser = argparse.ArgumentParser(
        prog="raserror",
        description="Tell what a Windows Remote Access (dial-up or VPN) error code means.",
        epilog="examples: raserror 691 | raserror 809 868 | raserror ERROR_VPN_TIMEOUT "
        "| raserror 0x800702B3 | raserror -- -2147024205",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "codes",
        nargs="+",
        metavar="CODE",
        help="a number, a symbol or name, or an HRESULT",
    )
    args = parser.parse_args(argv)
    status = 0
    for code in args.codes:
        line = describe(code)
        if _resolve(code) is None:
            print(f"raserror: {line}", file=sys.stderr)
            status = 1
        else:
            print(line)
    return status
