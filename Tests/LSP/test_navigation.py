"""Hover, go to definition and the document's outline: the concept card of the term under the
cursor, the glossary entry it comes from, and the concepts a document names."""

from __future__ import annotations

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import initialize, open_document, published

DRAFT = "Banyak 😀 TKI-nya berangkat.\n\nThe International Labor Organization and the pekerja migran.\n"
CARD_GLOSSARY = """\
concepts:
  - id: domestic-worker
    subject: labour migration
    definition: A person employed to work in a private household.
    note: Not a servant.
    terms:
      en:
        - domestic worker
        - term: maid
          status: deprecated
          note: Demeaning.
      id: [pekerja rumah tangga]
"""


def at(line: int, character: int) -> types.Position:
    return types.Position(line=line, character=character)


async def hover(client: LanguageClient, uri: str, position: types.Position):
    return await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position))


async def test_hover_shows_the_concept_card(client: LanguageClient, workspace):
    (workspace / "glossary" / "domestic.yml").write_text(CARD_GLOSSARY, encoding="utf-8")
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "report.md").as_uri()
    open_document(client, uri, "Ask the maids first.\n")
    await published(client, uri, version=1)
    result = await hover(client, uri, at(0, 9))
    assert result.contents.kind == types.MarkupKind.Markdown
    card = result.contents.value
    assert card.splitlines()[0] == "**domestic-worker** · labour migration"
    assert "A person employed to work in a private household." in card
    assert "- `en` **domestic worker** — preferred" in card
    assert "- `en` **maid** — deprecated ← here, as 'maids'" in card
    assert ": Demeaning." in card
    assert "- `id` **pekerja rumah tangga** — preferred" in card
    assert "Note: Not a servant." in card
    assert "Glossary: `domestic.yml` line 2" in card
    assert (result.range.start.character, result.range.end.character) == (8, 13)


async def test_hover_range_in_utf16_and_nothing_off_a_term(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.md").as_uri()
    open_document(client, uri, DRAFT)
    await published(client, uri, version=1)
    result = await hover(client, uri, at(0, 12))
    assert "**migrant-worker**" in result.contents.value
    # The emoji is two UTF-16 units: "TKI-nya" starts at 10.
    assert (result.range.start.character, result.range.end.character) == (10, 17)
    assert await hover(client, uri, at(0, 2)) is None
    assert await hover(client, uri, at(1, 0)) is None


async def test_definition_opens_the_glossary_entry(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / "laporan.md").as_uri()
    open_document(client, uri, DRAFT)
    await published(client, uri, version=1)
    # UTF-8: the emoji is four bytes, so "TKI" starts at byte 12.
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at(0, 13)))
    location = result[0] if isinstance(result, list) else result
    assert location.uri == (workspace / "glossary" / "terms.yml").as_uri()
    lines = (workspace / "glossary" / "terms.yml").read_text(encoding="utf-8").splitlines()
    # The deprecated term's own entry, under its concept.
    assert lines[location.range.start.line].strip() == "- term: TKI"
    assert lines[location.range.start.line][location.range.start.character:].startswith("term: TKI")
    # Off a term: nothing.
    assert not await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at(0, 0)))


async def test_document_symbols_list_the_concepts_named(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.md").as_uri()
    open_document(client, uri, DRAFT)
    await published(client, uri, version=1)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [s.name for s in symbols] == ["migrant-worker", "ilo"]
    migrant, ilo = symbols
    assert migrant.detail == "TKI, pekerja migran"
    assert [c.name for c in migrant.children] == ["TKI-nya", "pekerja migran"]
    assert (migrant.children[0].range.start.line, migrant.children[0].range.start.character) == (0, 10)
    assert ilo.children[0].name == "International Labor Organization"


async def test_flat_symbols_for_a_client_without_hierarchy(client: LanguageClient, workspace):
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="test")])
    await client.initialize_session(params)
    uri = (workspace / "laporan.md").as_uri()
    open_document(client, uri, DRAFT)
    await published(client, uri, version=1)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert [(s.name, s.container_name) for s in symbols] == [
        ("TKI-nya", "migrant-worker"), ("pekerja migran", "migrant-worker"),
        ("International Labor Organization", "ilo")]
    assert symbols[0].location.uri == uri
    # Without Markdown support the card comes as plain text.
    result = await hover(client, uri, at(0, 12))
    assert result.contents.kind == types.MarkupKind.PlainText
