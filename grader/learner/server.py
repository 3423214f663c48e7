"""A warm checker for the learner's commands: pytest imported and a zygote ready, so a check takes a tenth of a second.

The first ``check`` runs as usual and leaves this server running in the
background (for the learner's own user only: a socket in a folder only they can
open); the next ``check``, ``hint`` or ``progress`` hands its arguments to it
and prints what it says. The server ends after ``IDLE_SECONDS`` without a
request, or at once when the grader's code changed (each request says which
code the client has). ``DEZERO_KATAS_SERVER=0`` turns it off.

Only a learner's own code goes through here; an instructor's grading never does.
"""

import hashlib
import io
import json
import os
import socket
import sys

SERVED = ("check", "hint", "progress")
IDLE_SECONDS = 900
# Kept light: the client side runs on every check, so it imports little and starts no process.
_GRADER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def code_version():
    """The grader's own code, every role's modules: a server made from other code must not answer."""
    digest = hashlib.sha256()
    for folder, subfolders, names in os.walk(_GRADER):  # in a fixed order: subfolders sorted in place
        subfolders[:] = sorted(s for s in subfolders if s not in ("__pycache__", "templates"))
        for name in sorted(names):
            if name.endswith(".py"):
                with open(os.path.join(folder, name), "rb") as handle:
                    relative = os.path.relpath(os.path.join(folder, name), _GRADER)
                    digest.update(relative.encode() + b"\0" + handle.read())
    return digest.hexdigest()[:16]


def socket_path(root):
    folder = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"dezero-katas-{os.getuid()}")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    info = os.stat(folder)
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{folder} is not private to you")
    name = hashlib.sha256(os.path.realpath(root).encode()).hexdigest()[:16] + ".sock"
    return os.path.join(folder, name)


def _identity(root):
    """Which folders these are on disk: a clone removed and made again at the same path is another one.

    A server left by the old clone would still answer at the same socket, from files that are gone
    (a workshop's ``rm -rf`` and ``git clone`` again), so it must see that it is stale.
    """
    try:
        return [[info.st_dev, info.st_ino] for info in (os.stat(root), os.stat(_GRADER))]
    except OSError:
        return None


def enabled():
    return os.environ.get("DEZERO_KATAS_SERVER", "1") != "0" and hasattr(socket, "AF_UNIX")


def ask(root, argv, invoked_from):
    """Hand a command to a warm server; (exit code, output), or None when no usable server answers."""
    if not enabled():
        return None
    try:
        path = socket_path(root)
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(0.2)
        client.connect(path)
    except OSError:
        return None
    request = {"argv": argv, "from": invoked_from, "version": code_version(),
               "env": {k: v for k, v in os.environ.items() if k in ("DEZERO_KATAS_LANG", "LANG", "LC_ALL",
                                                                   "LC_MESSAGES")}}
    try:
        client.settimeout(None)
        client.sendall(json.dumps(request).encode() + b"\n")
        data = b"".join(iter(lambda: client.recv(65536), b""))
        answer = json.loads(data)
    except (OSError, ValueError):
        return None
    finally:
        client.close()
    if answer.get("stale"):
        return None
    return answer["code"], answer["output"]


def start_in_background(root):
    """Leave a server behind for the next command (quietly; nothing happens if it cannot start)."""
    if not enabled():
        return
    import subprocess

    try:
        subprocess.Popen([sys.executable, "-m", "grader", "serve", "--root", str(root)],
                         cwd=os.path.dirname(_GRADER), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        pass


def serve(root, cli_main):
    """Answer learner commands until idle for IDLE_SECONDS or the code changes.

    ``cli_main(argv) -> exit status`` runs one command: the command line's own entry point, handed in by
    ``grader.cli`` (this module sits below it and does not import it).
    """
    from grader.grading.judging import WarmJudge
    from grader.learner import commands as learner_module

    path = socket_path(root)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.connect(path)  # a server answers already: leave it be
        listener.close()
        return 0
    except OSError:
        pass
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    try:
        listener.bind(path)
    except OSError:
        return 0  # another server got there first
    os.chmod(path, 0o600)
    listener.listen(4)
    listener.settimeout(IDLE_SECONDS)
    version, home = code_version(), _identity(root)
    judge = WarmJudge()
    learner_module.Learner.default_judge = judge
    try:
        while True:
            try:
                connection, _ = listener.accept()
            except socket.timeout:
                return 0
            with connection:
                stop = _answer(connection, version, cli_main, lambda: _identity(root) != home)
            if stop:
                return 0
    finally:
        judge.close()
        listener.close()
        try:
            os.unlink(path)
        except OSError:
            pass


def _answer(connection, version, cli_main, moved):
    """Run one request; True when this server should end (its code is out of date, or its clone is gone)."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            return False
        data += chunk
    request = json.loads(data)
    if request.get("version") != version or moved():
        connection.sendall(json.dumps({"stale": True}).encode())
        return True
    saved = {name: os.environ.get(name) for name in ("DEZERO_KATAS_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    os.environ.update(request.get("env", {}))
    out = io.StringIO()
    real_stdout, real_stderr = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = out
    try:
        argv = list(request["argv"]) + (["--from", request["from"]] if request.get("from") else [])
        code = cli_main(argv)
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 2
    except Exception as error:  # noqa: BLE001 - the client then says it was the tool's fault
        from grader.i18n import t  # here, not at the top: the client side imports little

        out.write(t("server_failed", type=type(error).__name__, error=error) + "\n")
        code = 2
    finally:
        sys.stdout, sys.stderr = real_stdout, real_stderr
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    connection.sendall(json.dumps({"code": code, "output": out.getvalue()}).encode())
    return False
