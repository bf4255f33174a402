"""The ``raserror`` command's entry point, outside the package on purpose.

Importing ``raserror`` builds every error code, which takes a while; Ctrl-C
then must end the command quietly too, so the guard starts before that import.
"""

import sys


def main() -> int:
    """Run the ``raserror`` command; Ctrl-C at any time ends it with status 130."""
    try:
        from raserror._cli import main as run

        return run(sys.argv[1:])
    except KeyboardInterrupt:
        return 130  # 128 + SIGINT, as raserror._cli_output says; not imported, it may not be yet
