#!/usr/bin/env bash
# Run by .ci/run: validates the project's glossary exported as TBX.
exec bash "$(dirname "$0")/../validate-tbx.sh"
