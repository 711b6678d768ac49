"""Text kept in binary columns: decoded when it is text, real binary left alone."""

from __future__ import annotations

import pytest

from include.governance.detect.binary import decoded_texts


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            [b"ola@firma.no", memoryview(b"kari@firma.no")],
            (["ola@firma.no", "kari@firma.no"], "utf-8"),
        ),
        (["Bjørn Ødegård".encode("latin-1")] * 3, (["Bjørn Ødegård"] * 3, "latin-1")),
        (["Bjørn".encode(), "Åse".encode("latin-1")], (["Bjørn", "Åse"], "utf-8, latin-1")),
        ([b"\x89PNG\r\n\x1a\n" + bytes(range(256))], ([], None)),
        ([b"\x00\x01\x02\x03", b"\x00\x00\x00\x07"], ([], None)),  # valid UTF-8, not text
        ([b"ola@firma.no"] + [bytes(range(256))] * 9, ([], None)),  # mostly binary
        ([], ([], None)),
    ],
)
def test_decoded_texts(values, expected):
    assert decoded_texts(values) == expected
