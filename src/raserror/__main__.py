"""``python -m raserror``: the same as the ``raserror`` command."""

try:  # Ctrl-C while the command's modules import ends it quietly too
    from raserror._cli import main

    status = main()
except KeyboardInterrupt:
    status = 130  # 128 + SIGINT, as shells report an interrupted command
raise SystemExit(status)
