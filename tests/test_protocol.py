"""The trust boundary: only plain data crosses, and garbage is refused."""

import base64
import os

import numpy as np
import pytest

from grader.sealed import protocol


def roundtrip(value):
    refs = []
    encoded = protocol.encode(value, lambda obj: refs.append(obj) or {"__ref__": len(refs), "type": "X"})
    return protocol.decode(encoded, lambda n, t: ("ref", n, t)), refs


def test_plain_values_roundtrip():
    value = [None, True, 3, 2.5, "s", (1, 2), {"k": np.arange(6.0).reshape(2, 3)}, np.float32(1.5)]
    decoded, refs = roundtrip(value)
    assert not refs
    assert decoded[:6] == value[:6]
    assert isinstance(decoded[5], tuple)
    np.testing.assert_array_equal(decoded[6]["k"], value[6]["k"])
    assert type(decoded[7]) is np.float32 and decoded[7] == 1.5


def test_objects_cross_as_handles():
    class Sneaky(np.ndarray):
        def __eq__(self, other):
            return True

    decoded, refs = roundtrip([object(), np.array([object()]), np.zeros(2).view(Sneaky)])
    assert [d[0] for d in decoded] == ["ref"] * 3 and len(refs) == 3


@pytest.mark.parametrize("bad", [
    {"__nd__": "|O", "shape": [1], "b64": ""},
    {"__nd__": "<f8", "shape": [3], "b64": base64.b64encode(b"\0" * 8).decode()},
    {"__nd__": "<f8", "shape": [-1], "b64": ""},
    {"__pickle__": "..."},
    {"__np__": "<f8", "b64": "!!!"},
])
def test_garbage_is_refused(bad):
    with pytest.raises(protocol.ProtocolError):
        protocol.decode(bad, lambda n, t: None)


def test_framing_and_deadline():
    read, write = os.pipe()
    protocol.send(write, {"a": [1, 2]})
    assert protocol.receive(read) == {"a": [1, 2]}
    import time

    with pytest.raises(protocol.TimedOut):
        protocol.receive(read, deadline=time.monotonic() + 0.05)
    os.write(write, b"\x00\x00\x00\x03abc")
    with pytest.raises(protocol.ProtocolError):
        protocol.receive(read)
    os.close(write)
    with pytest.raises(protocol.Closed):
        protocol.receive(read)
