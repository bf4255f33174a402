"""Dial attempts: the RasClient events of one CoId, or one failing RemoteAccess event."""

from __future__ import annotations

# At run time, so that typing.get_type_hints() resolves the public functions.
from collections.abc import Iterable, Iterator  # noqa: TC003
from enum import Enum
from typing import NamedTuple, Optional, cast

from raserror._codes import ErrorCode, Stage
from raserror._event_reader import (
    RASCLIENT,
    REMOTEACCESS,
    STAGE_OF_EVENT,
    Event,
    Source,
    read_events,
)

_STAGE_ORDER = {stage: rank for rank, stage in enumerate(Stage)}
FAILED_EVENT, TERMINATED_EVENT = 20227, 20226


class Outcome(Enum):
    """How a dial attempt ended, as far as the export shows."""

    CONNECTED = "connected"
    FAILED = "failed"  # a RasClient 20227, or a RemoteAccess event that carries a code
    TERMINATED = "terminated"  # a RasClient 20226: the connection ended, with a reason code
    UNFINISHED = "unfinished"  # the export holds no end for it


class Attempt(NamedTuple):
    """One dial attempt: the client events of one CoId, or one failing server event.

    ``stages`` are the stages reached, in dial order; ``last_stage`` is the
    furthest one (for a failure: how far the dial got before it failed).
    ``number`` and ``code`` are the failure's error code or the termination's
    reason code. ``start`` and ``end`` are the times of the first stage and
    of the end, as written in the export. ``events`` holds the events read
    for it (at most 64).
    """

    provider: str
    coid: Optional[str]
    user: Optional[str]
    connection: Optional[str]
    stages: tuple[Stage, ...]
    last_stage: Optional[Stage]
    outcome: Outcome
    number: Optional[int]
    code: Optional[ErrorCode]
    start: Optional[str]
    end: Optional[str]
    events: tuple[Event, ...]


# A CoId is held open until its attempt completes; past these many attempts or events held,
# the oldest is let go (an attempt's events stand close together in any export).
_OPEN_ATTEMPTS = 256
_EVENTS_PER_ATTEMPT = 16
_HELD_EVENTS = 512
_CLIENT_EVENTS = frozenset({*STAGE_OF_EVENT, FAILED_EVENT, TERMINATED_EVENT})


def group_attempts(events: Iterable[Event]) -> Iterator[Attempt]:
    """One ``Attempt`` per dial: client events grouped by CoId, server failures alone.

    Works on exports in either order (Event Viewer and ``Get-WinEvent`` write
    the newest first). An attempt is yielded as soon as both its first stage
    (20221) and its end (20226 or 20227) have been read, the others when the
    events end; so memory stays bounded, attempts come in the order they
    complete. A RemoteAccess event that carries a code is an attempt of its
    own, failed. A client failure without a CoId is an attempt of its own.
    """
    held = _Held()
    for event in events:
        if not isinstance(event, Event):
            raise TypeError(f"group_attempts() needs Event records, not {type(event).__name__}")
        if event.provider == REMOTEACCESS:
            if event.number is not None:
                yield _attempt([event])
        elif event.event_id not in _CLIENT_EVENTS:
            continue
        elif event.coid is None:
            if event.event_id in (FAILED_EVENT, TERMINATED_EVENT):
                yield _attempt([event])
        else:
            yield from held.add(event)
    for group in held.attempts.values():
        yield _attempt(group)


class _Held:
    """The client events of the attempts not complete yet, by CoId, oldest first; bounded."""

    def __init__(self) -> None:
        self.attempts: dict[str, list[Event]] = {}
        self.events = 0

    def add(self, event: Event) -> Iterator[Attempt]:
        """File a client event under its CoId; yield the attempts it completes or pushes out."""
        coid = cast("str", event.coid)
        group = self.attempts.setdefault(coid, [])
        if len(group) < _EVENTS_PER_ATTEMPT:
            group.append(event)
            self.events += 1
        if event.event_id in _COMPLETING and _complete(group):  # no other event completes one
            self.events -= len(self.attempts.pop(coid))
            yield _attempt(group)
        while len(self.attempts) > _OPEN_ATTEMPTS or self.events > _HELD_EVENTS:
            oldest = self.attempts.pop(next(iter(self.attempts)))
            self.events -= len(oldest)
            yield _attempt(oldest)


def read_attempts(source: Source) -> Iterator[Attempt]:
    """``group_attempts(read_events(source))``: the dial attempts of an export."""
    return group_attempts(read_events(source))


# The events an attempt needs to be complete: its first stage and one of its ends.
_FIRST_STAGE = 20221
_ENDS = frozenset({FAILED_EVENT, TERMINATED_EVENT})
_COMPLETING = _ENDS | {_FIRST_STAGE}


def _complete(group: list[Event]) -> bool:
    ids = {event.event_id for event in group}
    return _FIRST_STAGE in ids and bool(ids & _ENDS)


# The event that decides an attempt's outcome, most telling first.
_OUTCOME_OF_EVENT = ((FAILED_EVENT, Outcome.FAILED), (TERMINATED_EVENT, Outcome.TERMINATED))


def _attempt(group: list[Event]) -> Attempt:
    if group[0].provider == REMOTEACCESS:
        (event,) = group
        return Attempt(
            REMOTEACCESS,
            event.coid,
            event.user,
            event.connection,
            (),
            None,
            Outcome.FAILED,
            event.number,
            event.code,
            event.time,
            event.time,
            (event,),
        )
    staged = sorted(
        (event for event in group if event.stage is not None),
        key=lambda event: _STAGE_ORDER[event.stage],  # type: ignore[index]
    )
    stages = tuple(dict.fromkeys(event.stage for event in staged if event.stage is not None))
    end_event = next(
        (
            (event, outcome)
            for event_id, outcome in _OUTCOME_OF_EVENT
            for event in group
            if event.event_id == event_id
        ),
        None,
    )
    if end_event is not None:
        last, outcome = end_event
    elif Stage.CONNECTED in stages:
        last, outcome = staged[-1], Outcome.CONNECTED
    else:
        last, outcome = (staged[-1] if staged else group[-1]), Outcome.UNFINISHED
    first = staged[0] if staged else last
    return Attempt(
        RASCLIENT,
        group[0].coid,
        next((event.user for event in group if event.user), None),
        next((event.connection for event in group if event.connection), None),
        stages,
        stages[-1] if stages else None,
        outcome,
        last.number if end_event is not None else None,
        last.code if end_event is not None else None,
        first.time,
        last.time,
        tuple(group),
    )
