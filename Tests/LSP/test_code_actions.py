"""Code actions: the replacements `--fix` makes (one per candidate when there are several), the
suppression directives for a line and a file, and fixing the whole document; their edits as an
editor applies them, in the negotiated encoding."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import change_document, initialize, open_document, published
from edits import apply, edits_of

# A concept with two preferred English terms: a deprecated term of it has two candidates.
SECOND_GLOSSARY = """\
concepts:
  - id: domestic-worker
    terms:
      en:
        - domestic worker
        - household worker
        - term: maid
          status: deprecated
"""


async def actions(client: LanguageClient, uri: str, range: types.Range, only: list[str] | None = None):
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=range,
        context=types.CodeActionContext(diagnostics=[], only=only)))
    return result or []


def replace_all(client: LanguageClient, uri: str, version: int, old: str, new: str):
    """Sends the whole new text as one change (as an editor does after applying an edit)."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=new)]))


async def test_the_fix_keeps_the_ending_and_lands_after_an_emoji_in_utf16(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    text = "# Judul\r\nBanyak 😀 TKI-nya berangkat.\r\n"
    open_document(client, uri, text)
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    # At the cursor, inside the word.
    cursor = types.Position(line=1, character=11)
    found = await actions(client, uri, types.Range(start=cursor, end=cursor))
    replace = [a for a in found if a.title.startswith("Replace")]
    [action] = replace
    assert action.title == "Replace 'TKI-nya' with 'pekerja migrannya'"
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.is_preferred
    assert action.diagnostics[0].code == "deprecated-term"
    # VS Code supports documentChanges: the edit names the version it was made for.
    assert action.edit.document_changes[0].text_document.version == 1
    [edit] = edits_of(action, uri)
    assert (edit.range.start.line, edit.range.start.character, edit.range.end.character) == (1, 10, 17)
    fixed = apply(text, [edit], "utf-16")
    assert fixed == "# Judul\r\nBanyak 😀 pekerja migrannya berangkat.\r\n"
    replace_all(client, uri, 2, text, fixed)
    assert not (await published(client, uri, version=2)).diagnostics


async def test_one_action_per_candidate_keeping_case_and_plural(client: LanguageClient, workspace):
    (workspace / "glossary" / "domestic.yml").write_text(SECOND_GLOSSARY, encoding="utf-8")
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / "report.en.md").as_uri()
    text = "Maids from Kupang cook for the family.\n"
    open_document(client, uri, text)
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    assert diagnostic.code == "deprecated-term"
    found = await actions(client, uri, diagnostic.range, only=[types.CodeActionKind.QuickFix])
    titles = [a.title for a in found if a.title.startswith("Replace")]
    assert titles == ["Replace 'Maids' with 'Domestic workers'", "Replace 'Maids' with 'Household workers'"]
    # Neither is the one fix `--fix` would make.
    assert not any(a.is_preferred for a in found)
    # Neovim does not declare documentChanges: the plain `changes` map.
    assert found[0].edit.changes is not None
    assert apply(text, edits_of(found[1], uri), "utf-8").startswith("Household workers from Kupang")
    # No fix for the whole document: `--fix` makes none for a term with two candidates.
    assert not await actions(client, uri, diagnostic.range, only=[types.CodeActionKind.SourceFixAll])


async def test_no_action_away_from_a_finding_but_the_fix_all(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    text = "Para TKI pulang.\n\nLalu mereka pergi lagi.\n"
    open_document(client, uri, text)
    await published(client, uri, version=1)
    elsewhere = types.Position(line=2, character=3)
    found = await actions(client, uri, types.Range(start=elsewhere, end=elsewhere))
    assert [a.kind for a in found] == [types.CodeActionKind.SourceFixAll]


async def test_ignore_on_this_line_in_markdown_keeps_the_paragraph(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    text = "Data lama:\r\nBanyak TKI berangkat.  \r\nItu dulu.\r\n"
    open_document(client, uri, text)
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    found = await actions(client, uri, diagnostic.range)
    [ignore] = [a for a in found if a.title.startswith("Ignore")]
    assert ignore.title == "Ignore deprecated-term on line 2"
    fixed = apply(text, edits_of(ignore, uri), "utf-16")
    # At the end of the line, before the hard line break.
    assert fixed == "Data lama:\r\nBanyak TKI berangkat. <!-- glossary-ignore deprecated-term -->  \r\nItu dulu.\r\n"
    replace_all(client, uri, 2, text, fixed)
    assert not (await published(client, uri, version=2)).diagnostics


async def test_ignore_on_this_line_in_plain_text_goes_on_the_line_above(client: LanguageClient, workspace):
    await initialize(client, workspace, "emacs")
    uri = (workspace / "catatan.id.txt").as_uri()
    text = "Catatan.\n  Banyak TKI berangkat dari Kupang.\n"
    open_document(client, uri, text, language="plaintext")
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    [ignore] = [a for a in await actions(client, uri, diagnostic.range) if a.title.startswith("Ignore")]
    fixed = apply(text, edits_of(ignore, uri), "utf-32")
    assert fixed == "Catatan.\n  # glossary-ignore deprecated-term\n  Banyak TKI berangkat dari Kupang.\n"
    replace_all(client, uri, 2, text, fixed)
    assert not (await published(client, uri, version=2)).diagnostics


async def test_disable_in_this_file_goes_after_the_front_matter(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    text = "---\ntitle: Laporan\n---\nBanyak TKI berangkat.\n\nTKI pulang.\n"
    open_document(client, uri, text)
    diagnostics = (await published(client, uri, version=1)).diagnostics
    assert len(diagnostics) == 2
    [disable] = [a for a in await actions(client, uri, diagnostics[1].range) if a.title.startswith("Disable")]
    assert disable.title == "Disable deprecated-term in this file"
    fixed = apply(text, edits_of(disable, uri), "utf-16")
    assert fixed == "---\ntitle: Laporan\n---\n<!-- glossary-disable deprecated-term -->\nBanyak TKI berangkat.\n\nTKI pulang.\n"
    replace_all(client, uri, 2, text, fixed)
    assert not (await published(client, uri, version=2)).diagnostics


async def test_fix_all_makes_every_fix_of_the_document_at_once(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / "laporan.md").as_uri()
    text = "The International Labor Organization met.\n\nBanyak 😀 TKI-nya pulang. TKI berangkat lagi.\n"
    open_document(client, uri, text)
    assert len((await published(client, uri, version=1)).diagnostics) == 3
    start = types.Position(line=0, character=0)
    [action] = await actions(client, uri, types.Range(start=start, end=start), only=[types.CodeActionKind.SourceFixAll])
    assert action.kind == types.CodeActionKind.SourceFixAll
    assert len(action.diagnostics) == 3
    fixed = apply(text, edits_of(action, uri), "utf-8")
    assert fixed == (
        "The International Labour Organization met.\n\n"
        "Banyak 😀 pekerja migrannya pulang. Pekerja migran berangkat lagi.\n")
    replace_all(client, uri, 2, text, fixed)
    assert not (await published(client, uri, version=2)).diagnostics


async def test_a_request_about_a_closed_document_or_with_bad_params_is_an_error(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    start = types.Position(line=0, character=0)
    try:
        await actions(client, uri, types.Range(start=start, end=start))
    except Exception as error:  # pygls raises the JSON-RPC error it got
        assert "not open" in str(error)
    else:
        raise AssertionError("a code action for a document that is not open was answered")
