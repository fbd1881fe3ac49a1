"""Neovim's built-in LSP client, headless, against the server: it must place the diagnostic on
the right bytes (Neovim converts the server's positions to byte columns) and follow an edit."""

import os
import pathlib
import shutil
import subprocess

import pytest

from conftest import BINARY, SERVER_ENV

SCRIPT = pathlib.Path(__file__).with_name("neovim_headless.lua")


@pytest.mark.skipif(shutil.which("nvim") is None, reason="needs Neovim (apt-get install neovim)")
def test_neovim_shows_and_updates_the_diagnostics(workspace):
    draft = workspace / "laporan.id.md"
    draft.write_text("# Judul\nBanyak 😀 TKI berangkat.\n", encoding="utf-8")
    result = subprocess.run(
        ["nvim", "--headless", "--clean", "-u", "NONE", "-c", f"luafile {SCRIPT}", str(draft)],
        cwd=workspace, env={**SERVER_ENV, "GLOSSARY_BINARY": BINARY}, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "deprecated-term at 1:12-15" in result.stdout
    assert "code action applied: Banyak 😀 pekerja migran berangkat." in result.stdout
    # The edit was Neovim's, in its buffer: the file is as it was.
    assert draft.read_text(encoding="utf-8") == "# Judul\nBanyak 😀 TKI berangkat.\n"
