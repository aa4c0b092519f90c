"""Signed packages: who made a package is proven by their key; anything
altered after signing, or signed by a key this store does not trust, is
refused in one line and changes nothing."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from negotiator.positions import signing
from negotiator.positions.exchange import payload_checksum
from tests.positions.conftest import (
    TITLE,
    assert_refused,
    dump,
    load,
    save,
    unsigned_package,
    write_signed,
)

# --- keys -------------------------------------------------------------------------


def test_without_a_keyring_the_key_lives_in_a_private_file(isolated_home):
    key = signing.load_signing_key()
    path = signing.key_dir() / signing.KEY_FILE
    assert path.is_file() and str(path).startswith(str(isolated_home))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    again = signing.load_signing_key(create=False)
    assert again is not None and signing.public_key_text(again) == signing.public_key_text(key)


def test_negotiator_home_moves_the_key_file(tmp_path, monkeypatch):
    monkeypatch.setenv("NEGOTIATOR_HOME", str(tmp_path / "portable"))
    signing.load_signing_key()
    assert (tmp_path / "portable" / "data" / "keys" / signing.KEY_FILE).is_file()


def test_a_fingerprint_is_short_enough_to_read_out():
    key = Ed25519PrivateKey.generate()
    fp = signing.fingerprint(signing.public_key_text(key))
    groups = fp.split("-")
    assert len(groups) == 8 and all(len(g) == 4 and g == g.upper() for g in groups)


def test_keys_shows_my_fingerprint_and_trusted_colleagues(anna, ben, anna_key, run, tmp_path):
    assert "none yet" in run(ben, "keys").out
    write_signed(unsigned_package(anna), tmp_path / "p.json", anna_key)
    assert run(ben, "import-positions", str(tmp_path / "p.json"), "--trust", "--author", "ben").code == 0
    run(ben, "export-positions", TITLE, "-o", str(tmp_path / "mine.json"))
    out = run(ben, "keys").out
    own = signing.own_fingerprint()
    assert f"your key: {own}" in out
    anna_fp = signing.fingerprint(signing.public_key_text(anna_key))
    assert anna_fp in out and "anna" in out and "by ben" in out


# --- trust ------------------------------------------------------------------------


def test_an_untrusted_colleague_is_refused_until_trusted(anna, ben, anna_key, run, tmp_path):
    package = write_signed(unsigned_package(anna), tmp_path / "anna.json", anna_key)
    before = dump(ben)
    refused = run(ben, "import-positions", str(package))
    fp = signing.fingerprint(signing.public_key_text(anna_key))
    assert_refused(refused, "signed by 'anna'", fp, "--trust")
    assert dump(ben) == before
    # Ben compared the fingerprint with Anna by phone.
    trusted = run(ben, "import-positions", str(package), "--trust", "--author", "ben")
    assert trusted.code == 0, trusted.err
    assert f"signed by anna, key {fp}" in trusted.out
    # From now on her packages need no --trust.
    again = run(ben, "import-positions", str(package))
    assert again.code == 0 and "nothing new" in again.out


def test_my_own_packages_need_no_trust(anna, ben, run, tmp_path):
    package = write_signed(unsigned_package(anna), tmp_path / "mine.json")  # the test user's own key
    result = run(ben, "import-positions", str(package))
    assert result.code == 0, result.err
    assert "not confirmed" not in run(ben, "drafts", TITLE).out


def test_a_package_re_signed_by_someone_else_is_an_untrusted_signer(anna, ben, anna_key, run, tmp_path):
    write_signed(unsigned_package(anna), tmp_path / "anna.json", anna_key)
    assert run(ben, "import-positions", str(tmp_path / "anna.json"), "--trust").code == 0
    forged = load(tmp_path / "anna.json")
    forged["payload"]["positions"][0]["history"][-1]["new"]["stance"] = "support"
    forged["payload_sha256"] = payload_checksum(forged["payload"])
    mallory = Ed25519PrivateKey.generate()
    write_signed({k: v for k, v in forged.items() if k not in ("signer", "signature")},
                 tmp_path / "forged.json", mallory)
    before = dump(ben)
    assert_refused(run(ben, "import-positions", str(tmp_path / "forged.json")),
                   signing.fingerprint(signing.public_key_text(mallory)), "does not trust")
    assert dump(ben) == before


# --- tampering --------------------------------------------------------------------


def _tampered(anna, ben, anna_key, run, tmp_path, change) -> tuple[Path, str]:
    """Anna's signed package, trusted by Ben, then changed without her key."""
    path = write_signed(unsigned_package(anna), tmp_path / "anna.json", anna_key)
    # Ben trusts Anna (a first, genuine exchange with only Rev.1's content)
    first = write_signed(unsigned_package(ben, "anna"), tmp_path / "first.json", anna_key)
    assert run(ben, "import-positions", str(first), "--trust").code == 0
    package = load(path)
    change(package)
    return save(package, tmp_path / "tampered.json"), dump(ben)


def test_a_tampered_payload_is_refused(anna, ben, anna_key, run, tmp_path):
    def change(p):
        p["payload"]["positions"][0]["history"][-1]["new"]["stance"] = "support"
    path, before = _tampered(anna, ben, anna_key, run, tmp_path, change)
    assert_refused(run(ben, "import-positions", str(path)), "altered")
    assert dump(ben) == before


def test_a_payload_with_a_recomputed_hash_is_refused(anna, ben, anna_key, run, tmp_path):
    def change(p):
        p["payload"]["positions"][0]["history"][-1]["new"]["stance"] = "support"
        p["payload_sha256"] = payload_checksum(p["payload"])
    path, before = _tampered(anna, ben, anna_key, run, tmp_path, change)
    assert_refused(run(ben, "import-positions", str(path)), "altered after it was signed")
    assert dump(ben) == before


def test_a_tampered_header_is_refused(anna, ben, anna_key, run, tmp_path):
    def change(p):
        p["exported_by"] = "the chair"
        p["exported_at"] = "2020-01-01T00:00:00"
    path, before = _tampered(anna, ben, anna_key, run, tmp_path, change)
    assert_refused(run(ben, "import-positions", str(path)), "altered")
    assert dump(ben) == before


def test_a_fabricated_draft_is_refused(anna, ben, anna_key, run, tmp_path):
    """A 'Rev.3' with a rewritten paragraph slipped into a genuine package."""
    def change(p):
        fake = json.loads(json.dumps(p["payload"]["drafts"][-1]))
        fake["label"] = "Rev.3"
        fake["paragraphs"][1]["text"] = "Decides that participating States shall do nothing."
        from negotiator.positions.exchange import parsed_paragraph
        from negotiator.text.parse import content_checksum
        fake["checksum"] = content_checksum([parsed_paragraph(x) for x in fake["paragraphs"]])
        p["payload"]["drafts"].append(fake)
        p["payload_sha256"] = payload_checksum(p["payload"])
    path, before = _tampered(anna, ben, anna_key, run, tmp_path, change)
    assert_refused(run(ben, "import-positions", str(path)), "altered")
    assert dump(ben) == before
    assert "Rev.3" not in run(ben, "drafts", TITLE).out


def test_a_signature_of_another_package_is_refused(anna, ben, anna_key, run, tmp_path):
    def change(p):
        other = Ed25519PrivateKey.generate().sign(b"something else")
        p["signature"] = base64.b64encode(other).decode()
    path, before = _tampered(anna, ben, anna_key, run, tmp_path, change)
    assert_refused(run(ben, "import-positions", str(path)), "altered")
    assert dump(ben) == before


def test_an_unsigned_format_1_package_is_refused(anna, ben, run, tmp_path):
    package = unsigned_package(anna)
    package["format_version"] = 1
    package["payload_sha256"] = hashlib.sha256(b"").hexdigest()
    before = dump(ben)
    assert_refused(run(ben, "import-positions", str(save(package, tmp_path / "old.json"))),
                   "unsigned package (format 1)")
    assert dump(ben) == before


# --- drafts brought by a colleague --------------------------------------------------


def test_drafts_from_a_colleague_stay_marked_until_confirmed(anna, ben, anna_key, run, tmp_path):
    package = write_signed(unsigned_package(anna), tmp_path / "anna.json", anna_key)
    merged = run(ben, "import-positions", str(package), "--trust")
    assert "1 draft(s) from anna's package, not confirmed" in merged.out
    listed = run(ben, "drafts", TITLE)
    rev2 = next(line for line in listed.out.splitlines() if "Rev.2" in line)
    assert "(from anna's package, not confirmed)" in rev2
    assert "not confirmed" not in next(line for line in listed.out.splitlines() if "Rev.1" in line)
    as_json = json.loads(run(ben, "drafts", TITLE, "--json").out)
    assert [d["brought_by"] for d in as_json] == [None, "anna"]

    confirmed = run(ben, "confirm-draft", TITLE, "Rev.2", "--author", "ben")
    assert confirmed.code == 0 and "confirmed" in confirmed.out
    assert "not confirmed" not in run(ben, "drafts", TITLE).out
    assert_refused(run(ben, "confirm-draft", TITLE, "Rev.2"), "confirmed already")
    assert_refused(run(ben, "confirm-draft", TITLE, "Rev.1"), "nothing to confirm")


def test_the_signature_covers_every_byte_that_matters(anna_key):
    package = {"format": "negotiator-positions", "payload": {"a": 1}, "exported_by": "anna"}
    signed = signing.sign_package(package, anna_key)
    assert signing.verify_package(signed, "p") == signing.public_key_text(anna_key)
    for key in ("format", "exported_by", "payload", "signer"):
        changed = json.loads(json.dumps(signed))
        changed[key] = {"x": 2} if key != "signer" else {"public_key": signing.public_key_text(
            Ed25519PrivateKey.generate())}
        try:
            signing.verify_package(changed, "p")
        except Exception as exc:  # InputError
            assert "altered" in str(exc)
        else:
            raise AssertionError(f"changing {key} went unnoticed")


def test_package_files_are_private(anna, run, tmp_path):
    out = tmp_path / "p.json"
    assert run(anna, "export-positions", TITLE, "-o", str(out)).code == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert "signed, key" in run(anna, "export-positions", TITLE, "-o", str(out)).out
