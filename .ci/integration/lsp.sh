#!/usr/bin/env bash
# End-to-end tests of `glossary lsp`: pytest-lsp (Tests/LSP) drives the built server as an editor's
# client does — initialize with real editors' capabilities, open and edit documents, read the
# diagnostics — and a raw client sends what client libraries never send (malformed JSON, bad
# headers, a request and its cancellation in one write) and kills its end to see the server go;
# Neovim's own client, headless, checks where a real editor puts the diagnostics.
#
# The Python packages, pinned in Tests/LSP/requirements.txt, go into a virtual environment in
# .build-lsp-venv (ignored by git), made on first use and brought up to the pins on every run.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.build-lsp-venv
if ! [ -x "$venv/bin/python" ]; then
  echo "creating $venv"
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/LSP/requirements.txt

# Neovim's built-in client is one of the clients the tests drive (Debian's neovim is enough).
if ! command -v nvim >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "installing neovim"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq neovim >/dev/null
fi

swift build --product glossary
binary="$(swift build --product glossary --show-bin-path)/glossary"

# No cache or bytecode files are left in the checkout.
PYTHONDONTWRITEBYTECODE=1 GLOSSARY_BINARY="$binary" \
  "$venv/bin/python" -m pytest -p no:cacheprovider -q Tests/LSP
