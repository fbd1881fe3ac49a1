"""Diagnostics as an editor receives them: on open, after incremental edits, in the position
encoding negotiated with that editor."""

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import change_document, initialize, open_document, published

DRAFT = "# Judul\r\nBanyak 😀 TKI berangkat.\n"


def span(diagnostic: types.Diagnostic) -> tuple[int, int, int, int]:
    r = diagnostic.range
    return (r.start.line, r.start.character, r.end.line, r.end.character)


async def test_utf16_positions_count_an_emoji_as_two(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, DRAFT)
    params = await published(client, uri, version=1)
    [diagnostic] = params.diagnostics
    assert span(diagnostic) == (1, 10, 1, 13)
    assert diagnostic.code == "deprecated-term"
    assert diagnostic.source == "glossary"
    assert diagnostic.severity == types.DiagnosticSeverity.Warning
    assert diagnostic.message.startswith("'TKI' is deprecated for concept 'migrant-worker'; use 'pekerja migran'")
    # VS Code shows a link to the rule's documentation.
    assert diagnostic.code_description is not None
    assert diagnostic.code_description.href.endswith("README.md#rules")


async def test_utf8_positions_count_an_emoji_as_four(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, DRAFT)
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    assert span(diagnostic) == (1, 12, 1, 15)
    # Neovim does not declare codeDescriptionSupport, so it gets none.
    assert diagnostic.code_description is None


async def test_the_message_names_the_matched_form(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, "Para TKI-nya pulang.")
    [diagnostic] = (await published(client, uri)).diagnostics
    assert "matched 'TKI-nya' as 'TKI' + -nya" in diagnostic.message


async def test_incremental_edits_give_the_diagnostics_of_the_latest_version(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, "Para pekerja migran pulang.\r\nLalu mereka pergi.")
    assert not (await published(client, uri, version=1)).diagnostics

    # Typed quickly: "pekerja migran" becomes "TKI" a piece at a time, then an emoji line goes on top.
    change_document(client, uri, 2, ((0, 5, 0, 19), "T"))
    change_document(client, uri, 3, ((0, 6, 0, 6), "K"))
    change_document(client, uri, 4, ((0, 7, 0, 7), "I"), ((0, 0, 0, 0), "😀\n"))
    latest = await published(client, uri, version=4)
    [diagnostic] = latest.diagnostics
    assert span(diagnostic) == (1, 5, 1, 8)
    # Whatever was published in between, nothing came after the latest version's diagnostics.
    assert client.published[-1].version == 4

    # The edit is undone: the diagnostic goes.
    change_document(client, uri, 5, ((1, 5, 1, 8), "pekerja migran"))
    assert not (await published(client, uri, version=5)).diagnostics


async def test_closing_a_document_clears_its_diagnostics(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, DRAFT)
    assert len((await published(client, uri, version=1)).diagnostics) == 1
    seen = len(client.published)
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    cleared = await published(client, uri, after=seen)
    assert not cleared.diagnostics
    assert cleared.version is None


async def test_only_markdown_and_plain_text_are_checked(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    script = (workspace / "tool.id.py").as_uri()
    notes = (workspace / "notes.id.txt").as_uri()
    open_document(client, script, "# Para TKI pulang.", language="python")
    open_document(client, notes, "Para TKI pulang.", language="plaintext")
    assert len((await published(client, notes)).diagnostics) == 1
    assert all(params.uri != script for params in client.published)


async def test_the_workspace_configuration_applies(client: LanguageClient, workspace):
    (workspace / ".glossary.yml").write_text('languages:\n  "docs/id/**": id\nrules:\n  deprecated-term: error\n')
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "docs" / "id" / "laporan.md").as_uri()
    open_document(client, uri, "Para TKI pulang.")
    [diagnostic] = (await published(client, uri)).diagnostics
    assert diagnostic.severity == types.DiagnosticSeverity.Error
