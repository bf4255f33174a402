"""``python -m raserror``: the same as the ``raserror`` command."""

from raserror._cli import main

raise SystemExit(main())
