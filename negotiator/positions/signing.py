"""Signed position packages: this user's signing key, signatures, and the
colleagues whose keys a store trusts.

Each user has one Ed25519 key, created on the first export. Its private half
lives in the system keyring (``keyring``); where there is none (a headless
box, a locked or missing Secret Service) it lives in a file readable only by
the user (0600, in a 0700 folder). The signature covers the whole package
(header and payload) as canonical JSON. A store keeps the public keys it
trusts (``TrustedKey``), each with a fingerprint short enough to read out by
phone; a package signed by a key the store does not trust is merged only when
a user says so (``--trust``, "Trust this colleague").
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import select
from sqlalchemy.orm import Session

from negotiator.domain.errors import InputError
from negotiator.domain.stamps import utcnow
from negotiator.storage.models import TrustedKey
from negotiator.storage.private_files import private_dir, write_private

HOME_ENV = "NEGOTIATOR_HOME"
KEYRING_SERVICE = "negotiator"
KEYRING_USER = "package-signing-key"
KEY_FILE = "package-signing-key"
SIGNATURE = "signature"
# A fingerprint is 128 bits of the key's SHA-256, as 8 groups of 4 hex digits:
# long enough that nobody can make a key to match, short enough to read aloud.
FINGERPRINT_BYTES = 16


class UntrustedSigner(InputError):
    """A package signed by a key this store does not trust (yet)."""

    def __init__(self, source: str, name: str, fingerprint: str) -> None:
        super().__init__(
            source, f"is signed by '{name}' with key {fingerprint}, a colleague this store does "
                    "not trust yet; compare the fingerprint with them by phone, then merge again "
                    "with --trust")
        self.name = name
        self.fingerprint = fingerprint


@dataclass(frozen=True)
class Signer:
    """Who signed a package, as the store knows them.

    Attributes:
        name: the trusted name (or, for a new key, the package's exported_by).
        fingerprint: the key's fingerprint (``fingerprint``).
        is_self: the package was signed with this user's own key.
    """

    name: str
    fingerprint: str
    is_self: bool = False


# --- keys ----------------------------------------------------------------------


def key_dir() -> Path:
    """Where the key file lives when there is no keyring: beside the user's data."""
    home = os.environ.get(HOME_ENV)
    if home:
        return Path(home) / "data" / "keys"
    return platformdirs.user_data_path("negotiator", appauthor=False) / "keys"


def _usable_keyring() -> Any | None:
    """The system keyring, or None where it has no working backend (headless boxes)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def _from_raw(text: str) -> Ed25519PrivateKey | None:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PrivateKey.from_private_bytes(raw)
    except (binascii.Error, ValueError):
        return None


def _raw(key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives.serialization import NoEncryption, PrivateFormat

    return base64.b64encode(key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())).decode()


def load_signing_key(*, create: bool = True, folder: Path | None = None) -> Ed25519PrivateKey | None:
    """This user's signing key: from the keyring, else from the key file;
    created (keyring first, file as fallback) when there is none and ``create``.

    Raises:
        InputError: the key file exists but is damaged, or cannot be written.
    """
    folder = folder or key_dir()
    ring = _usable_keyring()
    if ring is not None:
        try:
            stored = ring.get_password(KEYRING_SERVICE, KEYRING_USER)
        except Exception:  # any backend failure (locked, D-Bus gone): use the file
            ring, stored = None, None
        if stored:
            key = _from_raw(stored)
            if key is not None:
                return key
    path = folder / KEY_FILE
    if path.is_file():
        key = _from_raw(path.read_text(encoding="ascii", errors="replace"))
        if key is None:
            raise InputError(str(path), "is damaged: it holds no signing key")
        return key
    if not create:
        return None
    key = Ed25519PrivateKey.generate()
    if ring is not None:
        try:
            ring.set_password(KEYRING_SERVICE, KEYRING_USER, _raw(key))
            return key
        except Exception:  # the keyring refused: fall back to the file
            pass
    private_dir(folder)
    write_private(path, (_raw(key) + "\n").encode("ascii"))
    return key


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()


def fingerprint(public_key: str) -> str:
    """A public key (base64) as 8 groups of 4 hex digits, e.g. ``3F2A-9C11-…``."""
    digest = hashlib.sha256(base64.b64decode(public_key)).hexdigest()[:FINGERPRINT_BYTES * 2].upper()
    return "-".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def own_fingerprint() -> str | None:
    """The fingerprint of this user's key, or None before their first export."""
    key = load_signing_key(create=False)
    return fingerprint(public_key_text(key)) if key is not None else None


# --- signatures ------------------------------------------------------------------


def signed_bytes(package: Mapping[str, Any]) -> bytes:
    """What the signature covers: every part of the package but the signature,
    as canonical JSON (sorted keys, no spaces, UTF-8)."""
    body = {k: v for k, v in package.items() if k != SIGNATURE}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign_package(package: Mapping[str, Any], key: Ed25519PrivateKey) -> dict[str, Any]:
    """The package with its signer's public key and the signature over both."""
    signed = {k: v for k, v in package.items() if k != SIGNATURE}
    signed["signer"] = {"public_key": public_key_text(key)}
    signed[SIGNATURE] = base64.b64encode(key.sign(signed_bytes(signed))).decode()
    return signed


def verify_package(package: Mapping[str, Any], name: str) -> str:
    """Check a package's signature against the key it names.

    Returns:
        The signer's public key (base64).

    Raises:
        InputError: no signature, or one that does not match (altered after export).
    """
    try:
        public = base64.b64decode(package["signer"]["public_key"], validate=True)
        signature = base64.b64decode(package[SIGNATURE], validate=True)
        Ed25519PublicKey.from_public_bytes(public).verify(signature, signed_bytes(package))
    except (KeyError, TypeError, binascii.Error, ValueError):
        raise InputError(name, "is not signed (no valid signer or signature)") from None
    except InvalidSignature:
        raise InputError(name, "was altered after it was signed (the signature does not match); "
                               "nothing was imported") from None
    return str(package["signer"]["public_key"])


# --- trust -----------------------------------------------------------------------


def trusted_keys(session: Session) -> list[dict[str, Any]]:
    """The colleagues this store trusts, by name."""
    return [{"name": k.name, "fingerprint": k.fingerprint, "added_by": k.added_by,
             "added_at": k.added_at.isoformat()}
            for k in session.scalars(select(TrustedKey).order_by(TrustedKey.name, TrustedKey.fingerprint))]


def check_signer(session: Session, public_key: str, claimed_name: str | None, source: str, *,
                 trust: bool = False, own: str | None = None, author: str | None = None) -> Signer:
    """Who signed a package, if this store trusts them.

    Args:
        public_key: the verified signer's key (``verify_package``).
        claimed_name: the package's ``exported_by``; the name kept for a newly trusted key.
        trust: the user confirmed this colleague: a new key is added to the store.
        own: this user's own fingerprint (their packages are always trusted).
        author: who confirmed the trust (recorded).

    Raises:
        UntrustedSigner: an unknown key and no ``trust``.
    """
    fp = fingerprint(public_key)
    if own is not None and fp == own:
        return Signer(claimed_name or "you", fp, is_self=True)
    known = session.scalar(select(TrustedKey).where(TrustedKey.fingerprint == fp))
    if known is not None:
        return Signer(known.name, fp)
    name = (claimed_name or "").strip() or "an unnamed colleague"
    if not trust:
        raise UntrustedSigner(source, name, fp)
    session.add(TrustedKey(fingerprint=fp, public_key=public_key, name=name[:200],
                           added_by=author, added_at=utcnow()))
    session.flush()
    return Signer(name, fp)
