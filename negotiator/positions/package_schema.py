"""The positions package format (version 2) as one strict schema (pydantic v2).

Every part of a package is checked here before anything touches the store:
types (no numbers as strings, no lists where text belongs), the vocabularies
of stance, status, priority and kinds, ISO dates and times, a length limit per
field and a limit per list, unique uids, and position histories that form a
graph without self-parents or cycles. Free text (names, labels, notes,
rationales, amendments) is normalised to Unicode NFC; text that would change
what a reader sees without showing itself (bidirectional overrides and
isolates, control characters other than tab and line break) is refused, in
every field. Paragraph texts are kept exactly as written (their draft's
checksum covers them) but refused on the same characters.

``validate_package`` returns the package as plain dicts and lists with the
normalised text; a failure names the field (``payload.positions[3].history[0]
.new.stance``) in one line.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from negotiator.domain.errors import InputError
from negotiator.storage.models import (
    ACTOR_KINDS,
    KINDS,
    POSITION_STATUSES,
    PRIORITIES,
    STANCES,
)
from negotiator.text.importer import MAX_PARAGRAPH_CHARS

FORMAT = "negotiator-positions"
FORMAT_VERSION = 2

# Limits: far above any real negotiation, far below what hurts the store.
NAME_CHARS = 200          # actors, authors, holders (the store's String(200))
TITLE_CHARS = 500
LABEL_CHARS = 100
SYMBOL_CHARS = 200
NUMBER_CHARS = 50
LONG_TEXT_CHARS = 100_000  # a rationale, amendment, red line, fallback or note: ~30 pages
MAX_DRAFTS = 1_000
MAX_PARAGRAPHS = 300_000   # per draft
MAX_FOOTNOTES = 1_000      # per paragraph
MAX_ITEMS = 1_000_000      # positions, notes, statuses, actors
MAX_HISTORY = 10_000       # rows per position
MAX_PARENTS = 16
MAX_WARNINGS = 10_000
PARAGRAPH_SETTABLE = ("agreed_ad_ref", "agreed", "open")
ACTIONS = ("create", "update", "delete", "resolve")

# Bidi embeddings/overrides (U+202A-202E), isolates (U+2066-2069), C0 controls
# but tab and line feed, DEL and C1 controls.
_HIDDEN = re.compile(r"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _visible(text: str) -> str:
    m = _HIDDEN.search(text)
    if m:
        raise ValueError(f"contains the invisible control character U+{ord(m.group()):04X} "
                         "(bidirectional override or control code)")
    return text


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", _visible(text))


def _iso_time(text: str) -> str:
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError("is not an ISO date and time (YYYY-MM-DDTHH:MM:SS)") from None
    if when.tzinfo is not None:
        raise ValueError("must be a UTC time without an offset")
    return text


def _iso_date(text: str) -> str:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("is not an ISO date (YYYY-MM-DD)") from None
    if len(text) != 10:
        raise ValueError("is not an ISO date (YYYY-MM-DD)")
    return text


def Text(limit: int) -> Any:  # noqa: N802  (a type factory)
    """Free text: at most ``limit`` characters, NFC, nothing hidden."""
    return Annotated[str, StringConstraints(max_length=limit), AfterValidator(_nfc)]


Verbatim = Annotated[str, StringConstraints(max_length=MAX_PARAGRAPH_CHARS), AfterValidator(_visible)]
Uid = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._:-]{1,36}$")]
Checksum = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Time = Annotated[str, StringConstraints(max_length=40), AfterValidator(_iso_time)]
Date = Annotated[str, StringConstraints(max_length=10), AfterValidator(_iso_date)]
Name = Annotated[str, StringConstraints(max_length=NAME_CHARS), AfterValidator(_nfc)]
LongText = Annotated[str, StringConstraints(max_length=LONG_TEXT_CHARS), AfterValidator(_nfc)]


class Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class NegotiationHeader(Strict):
    title: Text(TITLE_CHARS) = Field(min_length=1)  # type: ignore[valid-type]
    forum: Name | None = None
    delegation: Name | None = None


class Signer(Strict):
    public_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]


class ParagraphItem(Strict):
    number: Text(NUMBER_CHARS) | None = None  # type: ignore[valid-type]
    level: int = Field(ge=0, le=9)
    kind: Literal[KINDS]  # type: ignore[valid-type]
    section: Text(10_000) | None = None  # type: ignore[valid-type]
    text: Verbatim
    brackets: int = Field(ge=0)
    brackets_balanced: bool
    footnotes: list[Verbatim] = Field(max_length=MAX_FOOTNOTES)


class DraftItem(Strict):
    checksum: Checksum
    label: Text(LABEL_CHARS) = Field(min_length=1)  # type: ignore[valid-type]
    symbol: Text(SYMBOL_CHARS) | None = None  # type: ignore[valid-type]
    date: Date | None = None
    order: int = Field(ge=0)
    source_name: Text(TITLE_CHARS) | None = None  # type: ignore[valid-type]
    source_checksum: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{0,64}$")] | None = None
    warnings: list[Text(2_000)] = Field(max_length=MAX_WARNINGS)  # type: ignore[valid-type]
    paragraphs: list[ParagraphItem] = Field(min_length=1, max_length=MAX_PARAGRAPHS)


class ActorItem(Strict):
    name: Name = Field(min_length=1)
    kind: Literal[ACTOR_KINDS] | None = None  # type: ignore[valid-type]


class Anchor(Strict):
    draft: Checksum
    ordinal: int = Field(ge=0, le=MAX_PARAGRAPHS)
    text: Verbatim


class Snapshot(Strict):
    stance: Literal[STANCES]  # type: ignore[valid-type]
    amendment: LongText | None = None
    rationale: LongText | None = None
    red_line: LongText | None = None
    red_line_flag: bool
    fallback: LongText | None = None
    priority: Literal[PRIORITIES] | None = None  # type: ignore[valid-type]
    status: Literal[POSITION_STATUSES]  # type: ignore[valid-type]
    deleted: bool
    actor: ActorItem
    anchor: Anchor


class HistoryRow(Strict):
    uid: Uid
    parents: list[Uid] = Field(max_length=MAX_PARENTS)
    action: Literal[ACTIONS]  # type: ignore[valid-type]
    author: Name | None = None
    at: Time
    old: Snapshot | None = None
    new: Snapshot


class PositionItem(Strict):
    uid: Uid
    created_at: Time | None = None
    current: Snapshot | None = None  # informative; the importer derives it
    history: list[HistoryRow] = Field(min_length=1, max_length=MAX_HISTORY)

    @model_validator(mode="after")
    def _history_is_a_dag(self) -> PositionItem:
        """Parents name rows of this history, never the row itself, and no cycle."""
        uids = [r.uid for r in self.history]
        if len(set(uids)) != len(uids):
            raise ValueError("history names one row twice")
        known = set(uids)
        for r in self.history:
            if r.uid in r.parents:
                raise ValueError(f"history row {r.uid} is its own parent")
            missing = [p for p in r.parents if p not in known]
            if missing:
                raise ValueError(f"history row {r.uid} is made on a row the history lacks ({missing[0]})")
        # Kahn: peel rows whose parents are all peeled; what remains is a cycle.
        waiting = {r.uid: len(set(r.parents)) for r in self.history}
        made_on: dict[str, list[str]] = {u: [] for u in uids}
        for r in self.history:
            for p in set(r.parents):
                made_on[p].append(r.uid)
        ready = [u for u, n in waiting.items() if n == 0]
        seen = 0
        while ready:
            u = ready.pop()
            seen += 1
            for child in made_on[u]:
                waiting[child] -= 1
                if waiting[child] == 0:
                    ready.append(child)
        if seen != len(uids):
            raise ValueError("history has a cycle (a row made on its own descendant)")
        return self


class NoteItem(Strict):
    uid: Uid
    anchor: Anchor
    text: LongText
    author: Name | None = None
    created_at: Time
    deleted: bool
    deleted_at: Time | None = None
    deleted_by: Name | None = None


class StatusItem(Strict):
    uid: Uid
    anchor: Anchor
    status: Literal[PARAGRAPH_SETTABLE]  # type: ignore[valid-type]
    holder: Name | None = None
    due: Date | None = None
    set_by: Name | None = None
    set_at: Time


class Payload(Strict):
    drafts: list[DraftItem] = Field(max_length=MAX_DRAFTS)
    actors: list[ActorItem] = Field(max_length=MAX_ITEMS)
    positions: list[PositionItem] = Field(max_length=MAX_ITEMS)
    notes: list[NoteItem] = Field(max_length=MAX_ITEMS)
    statuses: list[StatusItem] = Field(max_length=MAX_ITEMS)

    @model_validator(mode="after")
    def _uids_unique(self) -> Payload:
        for what, uids in (("drafts", [d.checksum for d in self.drafts]),
                           ("positions", [p.uid for p in self.positions]),
                           ("history rows", [r.uid for p in self.positions for r in p.history]),
                           ("notes", [n.uid for n in self.notes]),
                           ("statuses", [s.uid for s in self.statuses])):
            if len(set(uids)) != len(uids):
                raise ValueError(f"two {what} have the same identity")
        return self


class Package(Strict):
    format: Literal[FORMAT]  # type: ignore[valid-type]
    format_version: Literal[FORMAT_VERSION]  # type: ignore[valid-type]
    negotiation: NegotiationHeader
    exported_at: Time
    exported_by: Name | None = None
    signer: Signer
    payload_sha256: Checksum
    payload: Payload
    signature: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{86}==$")]


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "package"


def validate_package(raw: Any, name: str) -> dict[str, Any]:
    """Check a decoded package against the schema.

    Returns:
        The package as plain data, free text normalised to NFC.

    Raises:
        InputError: naming the first field that fails, in one line.
    """
    try:
        model = Package.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        raise InputError(name, f"is refused: {_where(first['loc'])}: {message}; "
                               "nothing was imported") from None
    return model.model_dump()
