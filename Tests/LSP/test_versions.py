"""Language versions: documents grouped as `glossary check` groups files (report.id.md and
report.en.md) get the cross-language findings, each pointing at the other version's place."""

from __future__ import annotations

import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import initialize, open_document, published

ENGLISH = "# Report\n\nMany 😀 migrant workers left Kupang last year for jobs abroad.\n\nThe International Labour Organization counted them.\n"
INDONESIAN = "# Laporan\n\nBanyak orang berangkat dari Kupang tahun lalu untuk bekerja di luar negeri.\n\nInternational Labour Organization menghitung mereka.\n"
INDONESIAN_FIXED = INDONESIAN.replace("Banyak orang", "Banyak pekerja migran")


def whole(client: LanguageClient, uri: str, version: int, text: str):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def test_an_open_version_gets_the_finding_pointing_at_the_version_on_disk(client: LanguageClient, workspace):
    (workspace / "laporan.en.md").write_text(ENGLISH, encoding="utf-8")
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, INDONESIAN)
    [diagnostic] = (await published(client, uri, version=1)).diagnostics
    assert diagnostic.code == "missing-translation"
    assert (diagnostic.range.start.line, diagnostic.range.start.character) == (2, 0)
    [related] = diagnostic.related_information
    assert related.location.uri == (workspace / "laporan.en.md").as_uri()
    # UTF-16: the emoji before "migrant workers" counts two.
    assert (related.location.range.start.line, related.location.range.start.character) == (2, 8)
    assert (related.location.range.end.line, related.location.range.end.character) == (2, 23)
    assert related.message == "the en version: 'migrant workers'"


async def test_both_open_versions_follow_each_others_edits(client: LanguageClient, workspace):
    (workspace / "laporan.en.md").write_text(ENGLISH, encoding="utf-8")
    (workspace / "laporan.id.md").write_text(INDONESIAN, encoding="utf-8")
    await initialize(client, workspace, "neovim@v0.11.0")
    english = (workspace / "laporan.en.md").as_uri()
    indonesian = (workspace / "laporan.id.md").as_uri()
    open_document(client, english, ENGLISH)
    open_document(client, indonesian, INDONESIAN)
    assert not (await published(client, english, version=1)).diagnostics
    [diagnostic] = (await published(client, indonesian, version=1)).diagnostics
    assert diagnostic.code == "missing-translation"
    # UTF-8: the emoji counts four.
    assert diagnostic.related_information[0].location.range.start.character == 10

    # The English version drops the term (unsaved): the Indonesian one, unchanged, is checked
    # again against the editor's English text, and its finding goes.
    seen = len(client.published)
    whole(client, english, 2, ENGLISH.replace("migrant workers", "people"))
    assert not (await published(client, english, version=2)).diagnostics
    assert not (await published(client, indonesian, after=seen)).diagnostics

    # The Indonesian draft names the concept now: the English version lacks it, and its finding
    # points at the Indonesian editor's text (on disk the sentence still says "orang").
    whole(client, indonesian, 2, INDONESIAN_FIXED)
    assert not (await published(client, indonesian, version=2)).diagnostics
    for _ in range(200):
        latest = [p for p in client.published if p.uri == english]
        if latest[-1].diagnostics:
            break
        await asyncio.sleep(0.02)
    [diagnostic] = latest[-1].diagnostics
    assert diagnostic.code == "missing-translation"
    [related] = diagnostic.related_information
    assert related.location.uri == indonesian
    assert (related.location.range.start.line, related.location.range.start.character) == (2, 7)
    assert related.message == "the id version: 'pekerja migran'"


async def test_a_file_without_a_version_gets_no_cross_language_findings(client: LanguageClient, workspace):
    (workspace / "catatan.en.md").write_text(ENGLISH, encoding="utf-8")
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, INDONESIAN)
    assert not (await published(client, uri, version=1)).diagnostics


async def test_the_directives_silence_cross_language_findings(client: LanguageClient, workspace):
    (workspace / "laporan.en.md").write_text(ENGLISH, encoding="utf-8")
    await initialize(client, workspace, "visual-studio-code")
    uri = (workspace / "laporan.id.md").as_uri()
    open_document(client, uri, "<!-- glossary-disable missing-translation -->\n" + INDONESIAN)
    assert not (await published(client, uri, version=1)).diagnostics
