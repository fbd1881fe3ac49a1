"""Fixtures for the end-to-end tests of `glossary lsp`.

The server is the built binary ($GLOSSARY_BINARY, else .build/debug/glossary of this checkout),
started as an editor starts it. Every test gets a workspace of its own: a repository root (so the
search for `.glossary.yml` and `glossary/` stops there) with a small glossary of our own.
"""

from __future__ import annotations

import os
import pathlib
import tempfile

import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = pathlib.Path(__file__).resolve().parents[2]
# Made absolute: Neovim starts the server from the workspace folder, not from here.
BINARY = os.path.abspath(os.environ.get("GLOSSARY_BINARY") or str(ROOT / ".build" / "debug" / "glossary"))
# The compiled-glossary cache of every server: never the user's own.
CACHE = tempfile.mkdtemp(prefix="glossary-lsp-cache-")
SERVER_ENV = {**os.environ, "GLOSSARY_CACHE_DIR": CACHE}

GLOSSARY = """\
concepts:
  - id: migrant-worker
    terms:
      en: [migrant worker]
      id:
        - pekerja migran
        - term: TKI
          type: acronym
          status: deprecated
  - id: ilo
    terms:
      en:
        - International Labour Organization
        - term: International Labor Organization
          status: deprecated
"""


@pytest.fixture
def workspace(tmp_path: pathlib.Path) -> pathlib.Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "glossary").mkdir()
    (tmp_path / "glossary" / "terms.yml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def make_client() -> LanguageClient:
    """pytest-lsp's test client, which also keeps every `publishDiagnostics` it receives in
    `published`, in order, with its version (its own `diagnostics` keeps only the last list)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []
    client.registrations = []
    default = DEFAULT_CLIENT_FEATURES[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams):
        client.published.append(params)
        default(client, params)

    def register_capability(client: LanguageClient, params: types.RegistrationParams):
        """Keeps what the server registers (its file watchers), and accepts it, as editors do."""
        client.registrations.extend(params.registrations)
        return None

    register_lsp_features(client, {
        **DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.CLIENT_REGISTER_CAPABILITY: register_capability})
    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=[BINARY, "lsp"], server_env=SERVER_ENV, client_factory=make_client))
async def client(lsp_client: LanguageClient):
    """A client connected to a fresh server, not yet initialized: each test says which editor's
    capabilities it initializes with."""
    yield
    # A test that did not end the session itself leaves it to be ended here.
    server = lsp_client._server
    if lsp_client.capabilities is not None and server is not None and server.returncode is None:
        await lsp_client.shutdown_session()


async def initialize(client: LanguageClient, workspace: pathlib.Path, editor: str) -> types.InitializeResult:
    """`initialize` and `initialized` with the capabilities a real editor sends (pytest-lsp ships
    them: `visual-studio-code`, `neovim@v0.11.0`, `emacs`), `workspace` as the one folder."""
    params = types.InitializeParams(
        capabilities=client_capabilities(editor),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="test")],
        root_uri=workspace.as_uri(),
    )
    return await client.initialize_session(params)


async def published(
    client: LanguageClient, uri: str, version: int | None = None, after: int = 0, timeout: float = 30
) -> types.PublishDiagnosticsParams:
    """The first `publishDiagnostics` for `uri` (with `version`, when given) among those received
    after the first `after`, so far or within `timeout` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        for params in client.published[after:]:
            if params.uri == uri and (version is None or params.version == version):
                return params
        if asyncio.get_running_loop().time() > deadline:
            seen = [(p.uri, p.version) for p in client.published]
            raise AssertionError(f"no diagnostics for {uri} version {version} within {timeout} s; got {seen}")
        await asyncio.sleep(0.02)


def open_document(client: LanguageClient, uri: str, text: str, language: str = "markdown", version: int = 1):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=version, text=text)))


def change_document(client: LanguageClient, uri: str, version: int, *changes: tuple[tuple[int, int, int, int], str]):
    """A `didChange` with ranged changes, each ((start line, start character, end line, end character), text)."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[
            types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=a, character=b), end=types.Position(line=c, character=d)),
                text=text)
            for (a, b, c, d), text in changes
        ]))
