"""Plain data across the trust boundary between the judge and a learner's worker.

Messages are length-prefixed JSON. Only plain values cross: None, bool, int,
float, str, lists, tuples, str-keyed dicts, numpy arrays and numpy scalars of
numeric dtypes. Anything else stays in the worker and crosses as a handle
(``{"__ref__": n}``). So no object made by learner code (an "always equal"
object, a patched ndarray subclass) ever reaches the trusted side, and the
trusted side never unpickles anything.

This module also runs in the worker, beside learner code that may patch any
module it likes (``json``, ``base64``, ``numpy``...). So every function used here
is bound at import, before learner code runs, and is implemented in C: the JSON
text is written by hand from C string escapes and reprs, and read by the C
scanner of ``_json``. Types are compared by identity (``type(x) is list``, ids of
numpy's scalar types), never by ``isinstance`` or ``==``, which a learner's
metaclass could answer. The judge decodes with limits on bytes, items and depth
(``grader.limits``), so a hostile reply cannot make it spend memory or time.
"""

import json.decoder
import json.encoder
import json.scanner
import os
import select
import struct
import time
from binascii import a2b_base64, b2a_base64

import builtins

import numpy as np

from grader.limits import LIMITS

# Every builtin, bound into this module's globals now, so that patching ``builtins`` later changes nothing here.
globals().update({name: value for name, value in vars(builtins).items() if not name.startswith("_")})

_scan = json.scanner.c_make_scanner(json.decoder.JSONDecoder())
_escape = json.encoder.c_encode_basestring_ascii
_int_repr, _float_repr = int.__repr__, float.__repr__
_pack, _unpack = struct.Struct(">I").pack, struct.Struct(">I").unpack
_read, _write = os.read, os.write
_select, _monotonic = select.select, time.monotonic
_join = "".join
_NDARRAY = np.ndarray
_frombuffer, _dtype, _prod, _int64 = np.frombuffer, np.dtype, np.prod, np.int64
_INF = float("inf")

# dtype.str of the numeric dtypes allowed to cross, all little-endian.
DTYPES = frozenset(["|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f2", "<f4", "<f8", "<c8", "<c16"])
_SCALARS = frozenset(id(t) for t in (np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16,
                                      np.uint32, np.uint64, np.float16, np.float32, np.float64, np.complex64,
                                      np.complex128))

# Attributes a spec reads right after a call (``y.data``, ``x.grad``, ``y.creator``): the worker sends them
# with its reply (``seen``) when reading them runs no learner code, saving a round trip each.
PEEK = ("data", "grad", "creator")


class ProtocolError(Exception):
    """The other side sent something that is not a well-formed message."""


class Closed(ProtocolError):
    """The other side closed its end."""


class TimedOut(Exception):
    """No answer came before the deadline."""


# ---------------------------------------------------------------- JSON text

def _text(value, out):
    kind = type(value)
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(_int_repr(value))
    elif kind is float:
        if value != value:
            out.append("NaN")
        elif value == _INF or value == -_INF:
            out.append("Infinity" if value > 0 else "-Infinity")
        else:
            out.append(_float_repr(value))
    elif kind is str:
        out.append(_escape(value))
    elif kind is list:
        out.append("[")
        for index in range(len(value)):
            if index:
                out.append(",")
            _text(value[index], out)
        out.append("]")
    elif kind is dict:
        out.append("{")
        first = True
        for key in value:
            if type(key) is not str:
                raise ProtocolError("dict keys must be strings")
            if not first:
                out.append(",")
            first = False
            out.append(_escape(key))
            out.append(":")
            _text(value[key], out)
        out.append("}")
    else:
        raise ProtocolError(f"{kind.__name__} is not plain data")


def dumps(value):
    out = []
    _text(value, out)
    return _join(out).encode()


def loads(data, limits=LIMITS):
    """Parse one message, refusing more containers or items than ``limits`` allow."""
    if data.count(b"[") + data.count(b"{") > limits.message_items or data.count(b",") > limits.message_items:
        raise ProtocolError("message has too many items")
    try:
        text = data.decode("utf-8")
        value, end = _scan(text, 0)
    except (ValueError, StopIteration, RecursionError):
        raise ProtocolError("garbled message") from None
    if text[end:].strip():
        raise ProtocolError("garbled message: trailing data")
    return value


# ---------------------------------------------------------------- framing

def frame(message, limits=LIMITS):
    """One message as bytes on the wire: its length, then its JSON text."""
    data = dumps(message)
    if len(data) > limits.message_bytes:
        raise ProtocolError(f"message of {len(data)} bytes is over the limit")
    return _pack(len(data)) + data


def take_message(buffer, limits=LIMITS):
    """Remove the first whole message from ``buffer`` (a bytearray) and return it; None if it is not all there."""
    if len(buffer) < 4:
        return None
    (size,) = _unpack(bytes(buffer[:4]))
    if size > limits.message_bytes:
        raise ProtocolError(f"message of {size} bytes is over the limit")
    if len(buffer) < 4 + size:
        return None
    data = bytes(buffer[4:4 + size])
    del buffer[:4 + size]
    return loads(data, limits)


def send(fd, message, limits=LIMITS):
    view = memoryview(frame(message, limits))
    while len(view):
        written = _write(fd, view)
        view = view[written:]


def _read_exactly(fd, n, deadline):
    chunks, remaining = [], n
    while remaining:
        if deadline is not None:
            left = deadline - _monotonic()
            if left <= 0 or not _select([fd], [], [], left)[0]:
                raise TimedOut()
        chunk = _read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise Closed("end of stream")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def receive(fd, deadline=None, limits=LIMITS):
    """Read one message; ``deadline`` (a time.monotonic() value) covers reading and parsing."""
    (size,) = _unpack(_read_exactly(fd, 4, deadline))
    if size > limits.message_bytes:
        raise ProtocolError(f"message of {size} bytes is over the limit")
    value = loads(_read_exactly(fd, size, deadline), limits)
    if deadline is not None and _monotonic() > deadline:
        raise TimedOut()
    return value


# ---------------------------------------------------------------- values

def _dtype_name(dtype):
    name = dtype.str
    return "<" + name[1:] if name[0] == ">" else name


def encode(value, to_ref, depth=0, limits=LIMITS):
    """Encode ``value``; ``to_ref(obj)`` turns a non-plain object into a handle dict.

    Never runs code of the value's own type: exact type identity decides what is plain.
    """
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float or kind is str:
        return value
    if depth >= limits.message_depth:
        return to_ref(value)
    if kind is _NDARRAY:
        name = _dtype_name(value.dtype)
        if name in DTYPES:
            data = value.astype(_dtype(name), copy=False).tobytes()
            return {"__nd__": name, "shape": list(value.shape), "b64": b2a_base64(data, newline=False).decode()}
        return to_ref(value)
    if id(kind) in _SCALARS:
        name = _dtype_name(value.dtype)
        return {"__np__": name, "b64": b2a_base64(value.astype(_dtype(name)).tobytes(), newline=False).decode()}
    if (kind is list or kind is tuple) and len(value) <= limits.message_items:
        items = [encode(item, to_ref, depth + 1, limits) for item in value]
        return items if kind is list else {"__tuple__": items}
    if kind is dict and len(value) <= limits.message_items:
        keys = list(value)
        if all_str(keys):
            return {"__dict__": {key: encode(value[key], to_ref, depth + 1, limits) for key in keys}}
    return to_ref(value)


def all_str(keys):
    for key in keys:
        if type(key) is not str:
            return False
    return True


def _text_of(value):
    """A str that can always be written out: a lone surrogate (JSON allows ``\\ud800``) becomes U+FFFD.

    Without this, one learner's string in an exception message would make writing the reports of the
    whole batch fail (UTF-8 cannot encode it).
    """
    if value.isascii():
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if _has_surrogate(value) else value


def _has_surrogate(value):
    try:
        value.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def decode(value, from_ref, depth=0, limits=LIMITS):
    """Strictly decode a message value; ``from_ref(number, type_name)`` makes a handle."""
    kind = type(value)
    if kind is str:
        return _text_of(value)
    if value is None or kind is bool or kind is int or kind is float:
        return value
    if depth > limits.message_depth + 1:
        raise ProtocolError("value nested too deeply")
    if kind is list:
        return [decode(item, from_ref, depth + 1, limits) for item in value]
    if kind is not dict:
        raise ProtocolError(f"unexpected {kind.__name__} in message")
    if "__tuple__" in value:
        return tuple(decode(item, from_ref, depth + 1, limits) for item in _field(value, "__tuple__", list))
    if "__dict__" in value:
        return {_text_of(str(k)): decode(v, from_ref, depth + 1, limits)
                for k, v in _field(value, "__dict__", dict).items()}
    if "__ref__" in value:
        type_name = value.get("type", "object")
        return from_ref(_field(value, "__ref__", int), type_name[:200] if type(type_name) is str else "object")
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
    dtype = _dtype(name)
    text = _field(value, "b64", str).encode()
    try:
        data = a2b_base64(text)
    except ValueError:
        raise ProtocolError("bad array data") from None
    if b2a_base64(data, newline=False) != text:  # strict: only what encode writes (3.10 has no strict_mode)
        raise ProtocolError("bad array data")
    if "__np__" in value:
        if len(data) != dtype.itemsize:
            raise ProtocolError("scalar of the wrong size")
        return _frombuffer(data, dtype=dtype)[0]
    shape = _field(value, "shape", list)
    if len(shape) > 32 or not all(type(n) is int and n >= 0 for n in shape):
        raise ProtocolError("bad array shape")
    if int(_prod(shape, dtype=_int64)) * dtype.itemsize != len(data):
        raise ProtocolError("array data does not match its shape")
    return _frombuffer(data, dtype=dtype).reshape(shape).copy()
