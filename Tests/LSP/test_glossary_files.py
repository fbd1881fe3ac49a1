"""The glossary itself in the editor: its files and `.glossary.yml` get the findings of `glossary
lint` and of reading the configuration, from the editor's text; a change on disk that the client
reports (file watchers it registered for the server) reloads the glossary and checks the open
documents again. The server writes nothing."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import GLOSSARY, change_document, initialize, open_document, published


def replace_whole(client: LanguageClient, uri: str, version: int, text: str):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def test_a_glossary_file_gets_the_lint_findings_of_its_unsaved_text(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    path = workspace / "glossary" / "terms.yml"
    uri = path.as_uri()
    open_document(client, uri, GLOSSARY, language="yaml")
    assert not (await published(client, uri, version=1)).diagnostics

    # A concept whose only term is deprecated: `missing-preferred-term`, where `glossary lint`
    # puts it (the term's entry).
    broken = GLOSSARY + "  - id: guest-worker\n    terms:\n      en:\n        - term: guest worker\n          status: deprecated\n"
    replace_whole(client, uri, 2, broken)
    [diagnostic] = (await published(client, uri, version=2)).diagnostics
    assert diagnostic.code == "missing-preferred-term"
    line = broken.splitlines().index("        - term: guest worker")
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (line, 10)
    assert diagnostic.code_description.href.endswith("#lint-rules")

    # A status the reader does not know: the file cannot be read, at the place it stopped.
    unreadable = GLOSSARY.replace("status: deprecated", "status: obsolete", 1)
    replace_whole(client, uri, 3, unreadable)
    [diagnostic] = (await published(client, uri, version=3)).diagnostics
    assert diagnostic.code == "invalid-glossary"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert "obsolete" in diagnostic.message
    assert diagnostic.range.start.line == unreadable.splitlines().index("          status: obsolete")

    # Only the editor's text was read; the file is as it was.
    assert path.read_text(encoding="utf-8") == GLOSSARY


async def test_a_yaml_file_outside_the_glossary_is_not_linted(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "ci.yml").as_uri()
    open_document(client, uri, "jobs: {build: {runs-on: linux}}\n", language="yaml")
    other = (workspace / "notes.md").as_uri()
    open_document(client, other, "Para TKI.\n")
    # The markdown document's diagnostics come; none ever come for the YAML file.
    await published(client, other, version=1)
    await asyncio.sleep(0.3)
    assert all(p.uri != uri for p in client.published)


async def test_the_configuration_file_gets_its_errors(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / ".glossary.yml").as_uri()
    text = "rules:\n  deprecated-term: error\n  no-such-rule: warning\n"
    open_document(client, uri, text, language="yaml")
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert "no-such-rule" in diagnostic.message
    assert diagnostic.range.start.line == 2
    replace_whole(client, uri, 2, "rules:\n  deprecated-term: error\n")
    assert not (await published(client, uri, version=2)).diagnostics
    assert not (workspace / ".glossary.yml").exists()


async def test_a_change_on_disk_reported_by_the_watchers_rechecks_open_documents(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    # VS Code registers watchers dynamically: the server asked for the glossary files.
    for _ in range(100):
        if client.registrations:
            break
        await asyncio.sleep(0.02)
    [registration] = client.registrations
    assert registration.method == "workspace/didChangeWatchedFiles"
    patterns = [w["globPattern"] for w in registration.register_options["watchers"]]
    assert "**/.glossary.yml" in patterns and any("yml" in p and "tbx" in p for p in patterns)

    uri = (workspace / "laporan.md").as_uri()
    open_document(client, uri, "The guest workers came home.\n")
    assert not (await published(client, uri, version=1)).diagnostics
    # Another program (git pull) adds a concept to the glossary.
    added = workspace / "glossary" / "more.yml"
    added.write_text(
        "concepts:\n  - id: migrant\n    terms:\n      en:\n        - migrant worker\n"
        "        - term: guest worker\n          status: deprecated\n", encoding="utf-8")
    seen = len(client.published)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=added.as_uri(), type=types.FileChangeType.Created)]))
    [diagnostic] = (await published(client, uri, after=seen)).diagnostics
    assert diagnostic.code == "deprecated-term"

    # A change to a file the checks do not depend on re-checks nothing.
    seen = len(client.published)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=(workspace / "notes.txt").as_uri(), type=types.FileChangeType.Changed)]))
    await asyncio.sleep(0.3)
    assert len(client.published) == seen


async def test_no_registration_for_a_client_that_cannot_take_one(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / "laporan.md").as_uri()
    open_document(client, uri, "Para TKI.\n")
    await published(client, uri, version=1)
    assert client.registrations == []


async def test_saving_a_glossary_file_reloads_it(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim@v0.11.0")
    uri = (workspace / "laporan.md").as_uri()
    open_document(client, uri, "The guest workers came home.\n")
    assert not (await published(client, uri, version=1)).diagnostics
    path = workspace / "glossary" / "terms.yml"
    path.write_text(GLOSSARY + "  - id: migrant\n    terms:\n      en:\n        - migrant labourer\n"
                    "        - term: guest worker\n          status: deprecated\n", encoding="utf-8")
    seen = len(client.published)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=path.as_uri())))
    [diagnostic] = (await published(client, uri, after=seen)).diagnostics
    assert "guest worker" in diagnostic.message
