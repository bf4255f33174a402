"""Settings for the whole suite."""

from __future__ import annotations

from hypothesis import settings

# Property tests check what the code does, never how fast: a shared machine's load made a
# generated input overrun hypothesis's default deadline. Speed is the bench's to measure.
settings.register_profile("raserror", deadline=None)
settings.load_profile("raserror")
