"""Text kept in binary columns (bytea, BLOB, VARBINARY): decoded so it can be classified.

Legacy systems store names and addresses as bytes; a column is judged on its text when
most of its values decode to text (UTF-8, else latin-1, the two encodings such data is
found in), and left alone as real binary (images, hashes, keys) otherwise. A value is text
when nearly every character is printable: valid UTF-8 alone is not enough (any ASCII
control byte is).
"""

from __future__ import annotations

from collections.abc import Sequence

ENCODINGS = ("utf-8", "latin-1")  # latin-1 decodes any bytes: tried last, judged by the text
PRINTABLE_SHARE = 0.95  # of a value's characters, for it to be text
TEXT_SHARE = 0.8  # of a column's values that are text, for the column to be read as text
_WHITESPACE = frozenset("\t\n\r")


def decoded_texts(values: Sequence[bytes | memoryview]) -> tuple[list[str], str | None]:
    """The values as text and the encodings they were in (``utf-8, latin-1``), or no
    values and None when the column holds real binary."""
    decoded = [d for d in map(_decoded, values) if d is not None]
    if not decoded or len(decoded) < TEXT_SHARE * len(values):
        return [], None
    used = {encoding for _, encoding in decoded}
    return [text for text, _ in decoded], ", ".join(e for e in ENCODINGS if e in used)


def _decoded(value: bytes | memoryview) -> tuple[str, str] | None:
    raw = bytes(value)
    for encoding in ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    return None


def _looks_like_text(text: str) -> bool:
    if not text or "\x00" in text:
        return False
    printable = sum(c.isprintable() or c in _WHITESPACE for c in text)
    return printable >= PRINTABLE_SHARE * len(text)
