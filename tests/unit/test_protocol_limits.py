"""The judge's side of the protocol, unit by unit: every limit on what a worker's reply may make it do.

A reply is refused (``ProtocolError``) when it is too large (before its body is read), has too many items,
nests too deeply, or carries array data the encoder would not have written. Small limits (``Limits``
replaced) keep the messages small; no worker runs. (Round trips and handles: tests/test_protocol.py.)
"""

import base64
import dataclasses
import os
import time

import numpy as np
import pytest

from grader.limits import LIMITS
from grader.sealed import protocol
from grader.sealed.protocol import ProtocolError

SMALL = dataclasses.replace(LIMITS, message_bytes=64, message_items=10, message_depth=4)


def refuse(value):
    return protocol.decode(value, lambda number, type_name: ("ref", number), limits=SMALL)


def b64(data):
    return base64.b64encode(data).decode()


# ---------------------------------------------------------------- size

def test_a_message_at_the_size_limit_is_framed_and_one_byte_more_is_not():
    fits = "x" * (SMALL.message_bytes - 2)  # the JSON text adds two quotes
    assert protocol.take_message(bytearray(protocol.frame(fits, SMALL)), SMALL) == fits
    with pytest.raises(ProtocolError, match="over the limit"):
        protocol.frame(fits + "x", SMALL)


def test_an_oversized_header_is_refused_before_its_body_arrives():
    header = (SMALL.message_bytes + 1).to_bytes(4, "big")
    with pytest.raises(ProtocolError, match="over the limit"):
        protocol.take_message(bytearray(header), SMALL)
    read, write = os.pipe()
    try:
        os.write(write, header)  # and no body: reading one would wait (here: until the deadline)
        with pytest.raises(ProtocolError, match="over the limit"):
            protocol.receive(read, time.monotonic() + 30, SMALL)
    finally:
        os.close(read)
        os.close(write)


def test_a_message_not_all_there_waits_and_a_whole_one_is_taken():
    buffer = bytearray(protocol.frame([1, 2], SMALL) + protocol.frame("next", SMALL))
    partial = bytearray(buffer[:5])
    assert protocol.take_message(partial, SMALL) is None and len(partial) == 5
    assert protocol.take_message(buffer, SMALL) == [1, 2]
    assert protocol.take_message(buffer, SMALL) == "next" and not buffer


# ---------------------------------------------------------------- items and depth

@pytest.mark.parametrize("text", ["[" * 6 + "]" * 6 + "{}" * 5, "[" + ",".join("1" * 12) + "]"])
def test_too_many_items_are_refused_before_parsing(text):
    assert len(text) <= SMALL.message_bytes
    with pytest.raises(ProtocolError, match="too many items"):
        protocol.loads(text.encode(), SMALL)


def test_items_up_to_the_limit_are_read():
    assert protocol.loads(b"[" + b",".join([b"1"] * 11) + b"]", SMALL) == [1] * 11  # ten commas


def nested(levels):
    value = 1
    for _ in range(levels):
        value = [value]
    return value


def test_a_value_nested_too_deeply_is_refused():
    """The encoder nests message_depth levels (then sends a handle); the decoder allows two more, no further."""
    assert refuse(nested(SMALL.message_depth + 2)) == nested(SMALL.message_depth + 2)
    with pytest.raises(ProtocolError, match="nested too deeply"):
        refuse(nested(SMALL.message_depth + 3))


def test_the_encoder_sends_what_is_too_deep_or_too_long_as_a_handle():
    handles = []

    def to_ref(obj):
        handles.append(obj)
        return {"__ref__": len(handles)}

    deep = [[[[[["bottom"]]]]]]
    assert protocol.encode(deep, to_ref, limits=SMALL) == [[[[{"__ref__": 1}]]]]
    long = list(range(SMALL.message_items + 1))
    assert protocol.encode(long, to_ref, limits=SMALL) == {"__ref__": 2}
    assert handles == [[["bottom"]], long]


@pytest.mark.parametrize("text", [b"[1, 2", b'{"a": 1} trailing', b"\xff\xfe", b"", b"nonsense"])
def test_garbled_json_is_refused(text):
    with pytest.raises(ProtocolError, match="garbled"):
        protocol.loads(text, SMALL)


# ---------------------------------------------------------------- array data

@pytest.mark.parametrize("data", [
    "AAAAAAAAAAB=",              # decodes, but its padding bits are set: not what the encoder writes
    "AAAAAAAAAAA",               # padding missing
    "AAAA\nAAAAAAA=",            # a line break inside
    " AAAAAAAAAAA=",             # a space in front
    "AAAAAAAA=AA=",              # padding in the middle
], ids=["padding bits", "no padding", "line break", "space", "padding inside"])
def test_array_data_the_encoder_would_not_write_is_refused(data):
    with pytest.raises(ProtocolError, match="bad array data"):
        refuse({"__nd__": "<f8", "shape": [1], "b64": data})


@pytest.mark.parametrize("header", [
    {"__nd__": ">f8", "shape": [1]},              # big-endian: the encoder writes little-endian only
    {"__nd__": "<U1", "shape": [2]},              # strings are not numbers
    {"__nd__": "<M8", "shape": [1]},              # nor dates
    {"__nd__": "<f8", "shape": [1] * 33},         # more axes than numpy allows
    {"__nd__": "<f8", "shape": [1.0]},            # a length that is not an int
    {"__nd__": "<f8", "shape": [True]},           # nor a bool
    {"__nd__": "<f8", "shape": "8"},              # a shape that is not a list
    {"__nd__": "<f8", "shape": [2, 1]},           # 16 bytes announced, 8 sent
    {"__nd__": "<f8"},                            # no shape at all
    {"__np__": "<f4"},                            # a scalar of 4 bytes, 8 sent
], ids=["big-endian", "str", "datetime", "33 axes", "float length", "bool length", "shape str",
        "too little data", "no shape", "scalar size"])
def test_an_array_header_that_does_not_fit_its_data_is_refused(header):
    with pytest.raises(ProtocolError):
        refuse({**header, "b64": b64(b"\0" * 8)})


def test_array_data_that_fits_its_header_is_read():
    array = np.arange(6, dtype="<i4").reshape(2, 3)
    decoded = refuse({"__nd__": "<i4", "shape": [2, 3], "b64": b64(array.tobytes())})
    np.testing.assert_array_equal(decoded, array)
    assert decoded.flags.writeable  # a copy of its own, not a view of the message's bytes
    assert refuse({"__np__": "<f8", "b64": b64(np.float64(1.5).tobytes())}) == 1.5
