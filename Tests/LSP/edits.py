"""Applying the edits the server proposes, as an editor does, in the negotiated position encoding."""

from __future__ import annotations

from lsprotocol import types

UNIT_BYTES = {"utf-8": 1, "utf-16": 2, "utf-32": 4}


def offset(text: str, position: types.Position, encoding: str) -> int:
    """The index in `text` of `position`, its character counted in `encoding`'s code units."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: position.line])
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, character in enumerate(line):
        if units >= position.character:
            return start + index
        units += len(character.encode(encoding.replace("-", "_") + ("-le" if encoding != "utf-8" else ""))) // (
            UNIT_BYTES[encoding] if encoding != "utf-8" else 1)
    return start + len(line)


def apply(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """`text` with `edits` made, as LSP defines them: all ranges refer to the text before any edit."""
    spans = sorted(
        ((offset(text, e.range.start, encoding), offset(text, e.range.end, encoding), e.new_text) for e in edits),
        reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    """The edits of `action` to the document `uri`, from `documentChanges` or `changes`."""
    edit = action.edit
    assert edit is not None
    if edit.document_changes:
        [change] = edit.document_changes
        assert change.text_document.uri == uri
        return list(change.edits)
    return list(edit.changes[uri])
