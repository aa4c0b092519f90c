"""Importing drafts from plain text, and refusing bad input without touching the store."""

import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import run_negotiator

DRAFT = """Draft decision on ICT confidence-building measures

The Permanent Council,

Recalling its Decision No. 1202 on confidence-building measures
to reduce the risks of conflict stemming from the use of ICTs,

Concerned by [the growing number of] incidents,

1. Decides to [strengthen] the implementation of the measures;

2. Calls upon participating States to:

(a) nominate a policy-level point of contact;

(b) share [[national] assessments of] threats;

2 bis. [Requests the Secretariat to report annually;]
"""


@pytest.fixture
def negotiation(cli):
    assert cli("new", "ICT CBMs", "--forum", "OSCE Permanent Council", "--delegation", "Belgium").code == 0
    return "ICT CBMs"


def show(cli, label):
    result = cli("show", "ICT CBMs", label, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def drafts(cli):
    return json.loads(cli("drafts", "ICT CBMs", "--json").out)


def test_plain_text_import(cli, negotiation, tmp_path):
    src = tmp_path / "zero.txt"
    src.write_text(DRAFT, encoding="utf-8")
    result = cli("import", negotiation, str(src), "--label", "Zero draft",
                 "--symbol", "PC.DEL/12/26", "--date", "2026-02-03")
    assert result.code == 0, result.err
    assert "9 paragraphs" in result.out
    paras = show(cli, "Zero draft")
    assert [p["index"] for p in paras] == list(range(9))
    assert [(p["number"], p["kind"]) for p in paras] == [
        (None, "heading"), (None, "other"), (None, "preambular"), (None, "preambular"),
        ("1", "operative"), ("2", "operative"), ("(a)", "sub-paragraph"),
        ("(b)", "sub-paragraph"), ("2 bis", "operative"),
    ]
    # A single line break inside a block is kept; the number is not part of the text.
    assert paras[2]["text"] == ("Recalling its Decision No. 1202 on confidence-building measures\n"
                                "to reduce the risks of conflict stemming from the use of ICTs,")
    assert paras[4]["text"] == "Decides to [strengthen] the implementation of the measures;"
    assert [p["brackets"] for p in paras] == [0, 0, 0, 1, 1, 0, 0, 2, 1]
    assert all(p["section"] == "Draft decision on ICT confidence-building measures" for p in paras)
    (row,) = drafts(cli)
    assert (row["label"], row["symbol"], row["date"], row["paragraphs"], row["brackets"]) == (
        "Zero draft", "PC.DEL/12/26", "2026-02-03", 9, 5)


def test_stdin(cli, negotiation, db_path):
    # Markdown is covered by test_markdown_headings_and_emphasis below. Only the
    # import reads a real standard input, in a child process.
    assert cli("new", "X", "--forum", "UN").code == 0
    done = run_negotiator("--db", str(db_path), "import", "X", "-", "--label", "Rev.1",
                          stdin=DRAFT.encode())
    assert done.returncode == 0, done.stderr
    shown = json.loads(cli("show", "X", "Rev.1", "--json").out)
    assert len(shown) == 9


def test_markdown_headings_and_emphasis(cli, negotiation, tmp_path):
    src = tmp_path / "d.md"
    src.write_text("# Draft decision\n\n*Recalling* its earlier decisions,\n\n1. **Decides** to act;\n")
    assert cli("import", negotiation, str(src), "--label", "md").code == 0
    paras = show(cli, "md")
    assert [(p["kind"], p["text"]) for p in paras] == [
        ("heading", "Draft decision"),
        ("preambular", "Recalling its earlier decisions,"),
        ("operative", "Decides to act;"),
    ]


def test_unbalanced_brackets_are_kept_and_flagged(cli, negotiation, tmp_path):
    src = tmp_path / "d.txt"
    src.write_text("1. Requests the Chair to report [annually.\n\n2. Urges] States to act.\n")
    result = cli("import", negotiation, str(src), "--label", "Rev.1")
    assert result.code == 0
    assert "unbalanced square brackets in paragraph 1" in result.err
    paras = show(cli, "Rev.1")
    assert paras[0]["text"] == "Requests the Chair to report [annually."  # never repaired
    assert [p["brackets_balanced"] for p in paras] == [False, False]


def test_duplicate_label_is_refused_and_changes_nothing(cli, negotiation, tmp_path):
    src = tmp_path / "d.txt"
    src.write_text(DRAFT)
    assert cli("import", negotiation, str(src), "--label", "Rev.1").code == 0
    again = cli("import", negotiation, str(src), "--label", "Rev.1")
    assert again.code == 1
    assert "already has a draft labelled 'Rev.1'" in again.err
    assert len(drafts(cli)) == 1


def test_unknown_negotiation_and_draft(cli, negotiation, tmp_path):
    src = tmp_path / "d.txt"
    src.write_text(DRAFT)
    result = cli("import", "Nonexistent talks", str(src), "--label", "Rev.1")
    assert (result.code, result.out) == (1, "")
    assert "no negotiation titled 'Nonexistent talks'" in result.err
    assert "no draft 'Rev.7'" in cli("show", negotiation, "Rev.7").err


def test_usage_errors_exit_2(cli, negotiation):
    assert cli("import", negotiation).code == 2
    assert cli("import", negotiation, "x.txt", "--label", "R", "--date", "3 May").code == 2


def _encrypted_doc() -> bytes:
    # The OLE header and the UTF-16 stream name Word writes for an encrypted file.
    return (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
            + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 100)


def _truncated_docx(tmp_path: Path) -> bytes:
    path = tmp_path / "ok.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document/>" * 1000)
    return path.read_bytes()[:200]


BAD_INPUTS = {
    "empty.txt": (lambda tmp: b"", "is empty"),
    "blank.txt": (lambda tmp: b"  \n\n \t\n", "is empty"),
    "latin1.txt": (lambda tmp: "Décide de renforcer".encode("latin-1"), "is not valid UTF-8"),
    "nul.txt": (lambda tmp: b"1. Decides\x00 to act", "contains NUL bytes"),
    "huge.txt": (lambda tmp: b"1. Decides to act on every matter.\n\n" * 1_500_000,
                 "too large for a draft"),
    "notword.docx": (lambda tmp: b"1. Decides to act.\n", "is not a Word .docx file"),
    "encrypted.docx": (lambda tmp: _encrypted_doc(), "is a password-protected Word document"),
    "old.doc": (lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "old Word .doc"),
    "truncated.docx": (_truncated_docx, "docx"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_refused_and_store_unchanged(cli, negotiation, tmp_path, db_path, name):
    make, problem = BAD_INPUTS[name]
    good = tmp_path / "good.txt"
    good.write_text(DRAFT)
    assert cli("import", negotiation, str(good), "--label", "Zero draft").code == 0
    before = (drafts(cli), show(cli, "Zero draft"))
    src = tmp_path / name
    src.write_bytes(make(tmp_path))
    result = cli("import", negotiation, str(src), "--label", "Rev.1")
    assert result.code == 1
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err  # one line, no traceback
    assert name in lines[0] and problem in lines[0]
    assert (drafts(cli), show(cli, "Zero draft")) == before


def test_missing_file_and_folder(cli, negotiation, tmp_path):
    assert "no such file" in cli("import", negotiation, str(tmp_path / "nope.txt"), "--label", "R").err
    assert "is a folder" in cli("import", negotiation, str(tmp_path), "--label", "R").err


def test_utf16_with_bom_and_crlf(cli, negotiation, tmp_path):
    src = tmp_path / "w.txt"
    src.write_bytes("\ufeff1. Décide de renforcer la coopération;\r\n\r\n2. Prie le Secrétariat.\r\n".encode("utf-16-le"))
    assert cli("import", negotiation, str(src), "--label", "fr").code == 0
    assert [p["text"] for p in show(cli, "fr")] == ["Décide de renforcer la coopération;",
                                                     "Prie le Secrétariat."]
