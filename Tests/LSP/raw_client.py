"""A client that speaks the base protocol byte by byte, for what a well-behaved client library
never sends: malformed JSON, bad headers, a request and its cancellation in one write."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time

from conftest import BINARY, SERVER_ENV


def frame(message: dict | bytes) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class RawServer:
    """`glossary lsp` on pipes. Everything it writes to standard output must be framed JSON:
    a byte that is not fails the test."""

    def __init__(self, *arguments: str):
        self.process = subprocess.Popen(
            [BINARY, "lsp", *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=SERVER_ENV)
        self.messages: queue.Queue[dict | Exception] = queue.Queue()
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        try:
            while True:
                header = b""
                while not header.endswith(b"\r\n\r\n"):
                    byte = stream.read(1)
                    if not byte:
                        return
                    header += byte
                fields = dict(line.split(b": ", 1) for line in header.strip().split(b"\r\n"))
                body = stream.read(int(fields[b"Content-Length"]))
                self.messages.put(json.loads(body))
        except Exception as error:  # noqa: BLE001 - reported to the test that waits
            self.messages.put(error)

    def _drain_stderr(self):
        for line in self.process.stderr:
            self.stderr += line

    def write(self, data: bytes):
        """Writes `data` in one system call, so the server reads it in one piece."""
        os.write(self.process.stdin.fileno(), data)

    def send(self, *messages: dict | bytes):
        self.write(b"".join(frame(message) for message in messages))

    def receive(self, timeout: float = 30) -> dict:
        message = self.messages.get(timeout=timeout)
        if isinstance(message, Exception):
            raise AssertionError(f"the server wrote something that is not a framed JSON message: {message!r}")
        return message

    def response(self, id, timeout: float = 30) -> dict:
        """The response to request `id`, skipping the notifications before it."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.receive(max(0.01, deadline - time.monotonic()))
            if "method" not in message and message.get("id") == id:
                return message

    def initialize(self, process_id: int | None = None, root: str | None = None) -> dict:
        params = {"processId": process_id, "capabilities": {}, "rootUri": root}
        self.send({"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": params})
        result = self.response("init")
        self.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        return result

    def exit_status(self, timeout: float = 10) -> int:
        return self.process.wait(timeout=timeout)

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
