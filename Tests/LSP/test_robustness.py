"""What a careless, malicious or dying client does: the server answers with JSON-RPC errors,
never crashes, and never outlives its client."""

import os
import signal
import subprocess
import sys
import time

import pytest

from raw_client import RawServer, frame


@pytest.fixture
def server():
    server = RawServer()
    yield server
    server.close()


def error_code(message: dict) -> int:
    return message["error"]["code"]


def test_malformed_json_is_a_parse_error_and_the_session_goes_on(server):
    server.send(b'{"jsonrpc": "2.0", "id": 1, ')
    reply = server.receive()
    assert error_code(reply) == -32700
    assert reply["id"] is None
    assert server.initialize()["result"]["serverInfo"]["name"] == "glossary"
    assert server.process.poll() is None


def test_a_bad_header_is_a_parse_error_and_the_next_message_is_read(server):
    server.write(b"Content-Length: many\r\n\r\n{}" + frame({"jsonrpc": "2.0", "id": 1, "method": "shutdown"}))
    assert error_code(server.receive()) == -32700
    # The next message was read: a request before initialize.
    assert error_code(server.response(1)) == -32002


def test_an_invalid_request_is_answered_under_its_id(server):
    server.send({"id": 3, "method": "initialize", "params": {}})  # no "jsonrpc": "2.0"
    assert error_code(server.response(3)) == -32600
    server.send({"jsonrpc": "2.0", "id": 4, "method": "initialize", "params": "not an object"})
    assert error_code(server.response(4)) == -32600


def test_requests_before_initialize_are_refused_and_exit_is_obeyed(server):
    server.send({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {}})
    assert error_code(server.response(1)) == -32002
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.exit_status() == 1


def test_a_request_cancelled_before_it_runs_is_answered_as_cancelled(server):
    server.initialize()
    # The request and its cancellation arrive in one read, before the server starts the request.
    server.send(
        {"jsonrpc": "2.0", "id": 7, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 7}},
    )
    reply = server.response(7)
    assert error_code(reply) == -32800
    # Cancelling a request that is not waiting does nothing, and the cancelled shutdown did not
    # shut the server down: this one does.
    server.send({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 7}})
    server.send({"jsonrpc": "2.0", "id": 8, "method": "shutdown"})
    assert server.response(8)["result"] is None
    server.send({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
    assert error_code(server.response(9)) == -32600
    server.send({"jsonrpc": "2.0", "method": "exit"})
    assert server.exit_status() == 0


@pytest.mark.parametrize("method, params", [
    ("textDocument/codeAction", {"textDocument": {"uri": "file:///a.md"}, "range": {"start": {"line": 0}}}),
    ("textDocument/codeAction", {
        "textDocument": {"uri": "file:///a.md"},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": "quickfix"}}),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a.md"}, "position": {"line": -1, "character": 0}}),
    ("textDocument/definition", {"textDocument": {}, "position": {"line": 0, "character": 0}}),
    ("textDocument/documentSymbol", ["file:///a.md"]),
    ("textDocument/hover", {"textDocument": {"uri": "file:///never-opened.md"}, "position": {"line": 0, "character": 0}}),
])
def test_malformed_params_of_document_requests_are_invalid_params(server, method, params):
    server.initialize()
    server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": "file:///a.md", "languageId": "markdown", "version": 1, "text": "TKI"}}})
    server.send({"jsonrpc": "2.0", "id": 9, "method": method, "params": params})
    assert error_code(server.response(9)) == -32602
    # The session goes on.
    server.send({"jsonrpc": "2.0", "id": 10, "method": "textDocument/documentSymbol",
                 "params": {"textDocument": {"uri": "file:///a.md"}}})
    assert "result" in server.response(10)
    assert server.process.poll() is None


def test_the_end_of_input_ends_the_server(server):
    server.initialize()
    server.process.stdin.close()
    assert server.exit_status() == 1


def test_the_end_of_input_after_shutdown_is_a_clean_exit(server):
    server.initialize()
    server.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    server.response(2)
    server.process.stdin.close()
    assert server.exit_status() == 0


def test_the_server_stops_when_the_process_that_started_it_dies(server):
    # The editor is a separate process here; the pipes stay open on this side, so only the
    # process id from initialize tells the server that its client is gone.
    editor = subprocess.Popen(["sleep", "60"])
    try:
        server.initialize(process_id=editor.pid)
        time.sleep(0.5)
        assert server.process.poll() is None
        editor.kill()
        editor.wait()
        assert server.exit_status(timeout=10) == 1
    finally:
        editor.kill()


def is_running(pid: int) -> bool:
    """Whether `pid` runs (a zombie that no one reaps has stopped running)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def test_the_server_stops_when_its_client_is_killed(tmp_path):
    # A client process that starts the server, initializes it and then waits: killed with
    # SIGKILL, it closes nothing itself, and the server must notice on its own.
    script = tmp_path / "client.py"
    script.write_text(
        "import sys, time\n"
        f"sys.path.insert(0, {os.path.dirname(__file__)!r})\n"
        "from raw_client import RawServer\n"
        "server = RawServer()\n"
        "server.initialize(process_id=None)\n"
        "print(server.process.pid, flush=True)\n"
        "time.sleep(120)\n")
    client = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        pid = int(client.stdout.readline())
        assert is_running(pid)
        client.send_signal(signal.SIGKILL)
        client.wait()
        deadline = time.monotonic() + 10
        while is_running(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not is_running(pid), "the server outlived its client"
    finally:
        client.kill()
