"""Bilingual files (XLIFF, PO, i18n JSON): diagnostics where `glossary check` puts them, in the
file's own lines and columns, from the editor's text."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import initialize, open_document, published

XLIFF = """\
<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="id" datatype="plaintext" original="app">
    <body>
      <trans-unit id="greeting">
        <source>Help for 😀 migrant workers abroad.</source>
        <target>Bantuan untuk 😀 TKI di luar negeri.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

PO = 'msgid ""\nmsgstr ""\n"Language: id\\n"\n\nmsgid "Help for migrant workers."\nmsgstr "Bantuan untuk TKI."\n'


async def test_an_xliff_target_is_checked_at_its_place_in_the_file(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "app.id.xlf").as_uri()
    open_document(client, uri, XLIFF, language="xml")
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    assert diagnostic.code == "deprecated-term"
    # `glossary check` says 7:33 (scalars): UTF-16 counts the emoji twice.
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (6, 33)
    assert (diagnostic.range.end.line, diagnostic.range.end.character) == (6, 36)
    # No code actions in a bilingual file: text edits written as into prose could break it.
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[])))
    assert not actions

    # The editor's text, not the file's: a broken file is an error at its place.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=XLIFF.replace("</target>", ""))]))
    [error] = (await published(client, uri, version=2)).diagnostics
    assert error.severity == types.DiagnosticSeverity.Error


async def test_a_po_translation_is_checked_in_utf8_positions(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / "app.po").as_uri()
    open_document(client, uri, PO, language="po")
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (5, 22)


async def test_json_is_checked_only_when_the_configuration_names_it(client: LanguageClient, workspace):
    locales = workspace / "locales"
    locales.mkdir()
    (locales / "en.json").write_text('{"help": "Help for migrant workers."}\n', encoding="utf-8")
    text = '{"help": "Bantuan untuk TKI."}\n'
    await initialize(client, workspace, "visual-studio-code")
    package = (workspace / "package.json").as_uri()
    open_document(client, package, '{"name": "TKI"}\n', language="json")
    uri = (locales / "id.json").as_uri()
    open_document(client, uri, text, language="json")
    await asyncio.sleep(0.5)
    assert not [p for p in client.published if p.uri in (uri, package)]


async def test_configured_json_messages_are_checked_with_their_companions(client: LanguageClient, workspace):
    locales = workspace / "locales"
    locales.mkdir()
    (locales / "en.json").write_text('{"help": "Help for migrant workers."}\n', encoding="utf-8")
    (workspace / ".glossary.yml").write_text('include: ["locales/*.json"]\n', encoding="utf-8")
    await initialize(client, workspace, "visual-studio-code")
    uri = (locales / "id.json").as_uri()
    open_document(client, uri, '{"help": "Bantuan untuk TKI."}\n', language="json")
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    assert diagnostic.code == "deprecated-term"
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (0, 24)
