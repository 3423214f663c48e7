"""Plain data across the trust boundary between the judge and a learner's worker.

Messages are length-prefixed JSON. Only plain values cross: None, bool, int,
float, str, lists, tuples, str-keyed dicts, numpy arrays and numpy scalars of
numeric dtypes. Anything else stays in the worker and crosses as a handle
(``{"__ref__": n}``). So no object made by learner code (an "always equal"
object, a patched ndarray subclass) ever reaches the trusted side, and the
trusted side never unpickles anything.

The worker imports this module before any learner code runs, so the names bound
here are the genuine builtins and numpy functions.
"""

# Bound here, before learner code runs, so that patching builtins cannot reach us.
from builtins import all, bool, dict, float, int, isinstance, len, list, str, tuple, type

import base64
import json
import os
import select
import struct
import time

import numpy as np

MAX_MESSAGE = 64 << 20
MAX_ITEMS = 10_000
MAX_DEPTH = 16

# dtype.str of the numeric dtypes allowed to cross, all little-endian.
DTYPES = frozenset(
    ["|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8",
     "<f2", "<f4", "<f8", "<c8", "<c16"]
)
_NDARRAY = np.ndarray
_GENERIC = np.generic
_b64encode = base64.b64encode
_b64decode = base64.b64decode
_dumps = json.dumps
_loads = json.loads


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message."""


class Closed(ProtocolError):
    """The other side closed its end."""


class TimedOut(Exception):
    """No answer came before the deadline."""


# ---------------------------------------------------------------- framing

def send(fd, message):
    data = _dumps(message, allow_nan=True).encode()
    if len(data) > MAX_MESSAGE:
        raise ProtocolError(f"message of {len(data)} bytes is over the limit")
    view = memoryview(struct.pack(">I", len(data)) + data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_exactly(fd, n, deadline):
    chunks, remaining = [], n
    while remaining:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimedOut()
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise Closed("end of stream")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def receive(fd, deadline=None):
    """Read one message; ``deadline`` is a time.monotonic() value or None."""
    (size,) = struct.unpack(">I", _read_exactly(fd, 4, deadline))
    if size > MAX_MESSAGE:
        raise ProtocolError(f"message of {size} bytes is over the limit")
    try:
        return _loads(_read_exactly(fd, size, deadline))
    except (ValueError, UnicodeDecodeError) as error:
        raise ProtocolError(f"garbled message: {error}") from None


# ---------------------------------------------------------------- values

def _dtype_name(dtype):
    name = dtype.str
    if name[0] == ">":
        name = "<" + name[1:]
    return name


def encode(value, to_ref, depth=0):
    """Encode ``value``; ``to_ref(obj)`` turns a non-plain object into a handle dict."""
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float or kind is str:
        return value
    if depth > MAX_DEPTH:
        return to_ref(value)
    if kind is _NDARRAY:
        name = _dtype_name(value.dtype)
        if name in DTYPES:
            data = np.ascontiguousarray(value, dtype=np.dtype(name)).tobytes()
            return {"__nd__": name, "shape": list(value.shape), "b64": _b64encode(data).decode()}
        return to_ref(value)
    if isinstance(value, _GENERIC) and kind.__module__ == "numpy":
        name = _dtype_name(value.dtype)
        if name in DTYPES:
            data = np.asarray(value, dtype=np.dtype(name)).tobytes()
            return {"__np__": name, "b64": _b64encode(data).decode()}
        return to_ref(value)
    if (kind is list or kind is tuple) and len(value) <= MAX_ITEMS:
        items = [encode(item, to_ref, depth + 1) for item in value]
        return items if kind is list else {"__tuple__": items}
    if kind is dict and len(value) <= MAX_ITEMS and all(type(k) is str for k in value):
        return {"__dict__": {k: encode(v, to_ref, depth + 1) for k, v in value.items()}}
    return to_ref(value)


def decode(value, from_ref, depth=0):
    """Strictly decode a message value; ``from_ref(number, type_name)`` makes a handle."""
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if depth > MAX_DEPTH + 1:
        raise ProtocolError("value nested too deeply")
    if kind is list:
        return [decode(item, from_ref, depth + 1) for item in value]
    if kind is not dict:
        raise ProtocolError(f"unexpected {kind.__name__} in message")
    if "__tuple__" in value:
        return tuple(decode(item, from_ref, depth + 1) for item in _field(value, "__tuple__", list))
    if "__dict__" in value:
        return {str(k): decode(v, from_ref, depth + 1) for k, v in _field(value, "__dict__", dict).items()}
    if "__ref__" in value:
        return from_ref(_field(value, "__ref__", int), str(value.get("type", "object"))[:200])
    if "__nd__" in value or "__np__" in value:
        return _decode_numpy(value)
    raise ProtocolError(f"unknown value tag in {sorted(value)[:3]}")


def _field(message, key, kind):
    item = message.get(key)
    if type(item) is not kind:
        raise ProtocolError(f"field {key!r} should be {kind.__name__}")
    return item


def _decode_numpy(value):
    name = value.get("__nd__", value.get("__np__"))
    if name not in DTYPES:
        raise ProtocolError(f"dtype {name!r} may not cross")
    dtype = np.dtype(name)
    try:
        data = _b64decode(_field(value, "b64", str), validate=True)
    except ValueError:
        raise ProtocolError("bad array data") from None
    if "__np__" in value:
        if len(data) != dtype.itemsize:
            raise ProtocolError("scalar of the wrong size")
        return np.frombuffer(data, dtype=dtype)[0]
    shape = _field(value, "shape", list)
    if not all(type(n) is int and n >= 0 for n in shape) or len(shape) > 32:
        raise ProtocolError("bad array shape")
    if int(np.prod(shape, dtype=np.int64)) * dtype.itemsize != len(data):
        raise ProtocolError("array data does not match its shape")
    return np.frombuffer(data, dtype=dtype).reshape(shape).copy()
