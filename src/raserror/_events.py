"""Remote Access events as administrators export them, and the dial attempts they tell.

``read_events`` (in ``_event_reader``) reads the RasClient and RemoteAccess
events out of any export or paste; ``group_attempts`` (in ``_dial_attempts``)
turns the client events into one record per dial attempt. This module is
their public face.
"""

from __future__ import annotations

from raserror._codes import Stage
from raserror._dial_attempts import (
    FAILED_EVENT,
    TERMINATED_EVENT,
    Attempt,
    Outcome,
    group_attempts,
    read_attempts,
)
from raserror._event_reader import (
    RASCLIENT,
    REMOTEACCESS,
    STAGE_OF_EVENT,
    BinaryCode,
    Event,
    Source,
    find_binary_codes,
    read_events,
)

__all__ = [
    "FAILED_EVENT",
    "RASCLIENT",
    "REMOTEACCESS",
    "STAGE_OF_EVENT",
    "TERMINATED_EVENT",
    "Attempt",
    "BinaryCode",
    "Event",
    "Outcome",
    "Source",
    "Stage",
    "find_binary_codes",
    "group_attempts",
    "read_attempts",
    "read_events",
]
