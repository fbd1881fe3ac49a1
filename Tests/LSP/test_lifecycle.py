"""Initialize, capability negotiation, shutdown and exit, as an editor's client does them."""

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidRequest, JsonRpcMethodNotFound
from pytest_lsp import LanguageClient

from conftest import initialize


@pytest.mark.parametrize(
    ("editor", "encoding"),
    [
        # Offers nothing: LSP's default.
        ("visual-studio-code", types.PositionEncodingKind.Utf16),
        ("neovim@v0.10.0", types.PositionEncodingKind.Utf16),
        # Offers utf-8 first.
        ("neovim@v0.11.0", types.PositionEncodingKind.Utf8),
        # Offers utf-32 first; the server prefers utf-8, which it offers too.
        ("emacs", types.PositionEncodingKind.Utf8),
    ],
)
async def test_negotiates_the_position_encoding(client: LanguageClient, workspace, editor, encoding):
    result = await initialize(client, workspace, editor)
    assert result.capabilities.position_encoding == encoding
    sync = result.capabilities.text_document_sync
    assert sync.change == types.TextDocumentSyncKind.Incremental
    assert sync.open_close
    assert result.server_info.name == "glossary"


async def test_shutdown_then_exit_ends_with_status_0(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    await client.shutdown_session()
    assert client._server.returncode == 0


async def test_exit_without_shutdown_ends_with_status_1(client: LanguageClient, workspace):
    await initialize(client, workspace, "visual-studio-code")
    client.exit(None)
    assert await client._server.wait() == 1


async def test_an_unknown_method_is_not_found(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim")
    with pytest.raises(JsonRpcMethodNotFound) as raised:
        await client.protocol.send_request_async("glossary/noSuchMethod", {})
    assert raised.value.code == -32601
    # The server carries on.
    await client.shutdown_session()
    assert client._server.returncode == 0


async def test_initialize_is_answered_once(client: LanguageClient, workspace):
    await initialize(client, workspace, "neovim")
    with pytest.raises(JsonRpcInvalidRequest):
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
