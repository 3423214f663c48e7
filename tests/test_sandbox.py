"""The boundary itself: sealed workers started directly (``Zygote``/``Worker``), the seccomp program,
and a grading run as an unprivileged user.

Everything here runs sealed in the mode this machine offers (``sandbox.probe()``); tests that need
the namespaces mode skip, saying why, where it is not available.
"""

import errno
import json
import os
import platform
import pwd
import shutil
import struct
import subprocess
import sys
import textwrap

import pytest

from grader import ROOT, SOLUTIONS
from grader.sealed import sandbox
from grader.judge.remote import Worker, WorkerGone, Zygote
from tests.helpers import KATAS, stub, write_submission

SEAL = sandbox.probe()
NAMESPACES = pytest.mark.skipif(SEAL.mode != "namespaces", reason=f"needs the namespaces mode: {SEAL.describe()}")
SEALED = pytest.mark.skipif(not SEAL.sealed, reason=f"this machine cannot seal: {SEAL.describe()}")


@pytest.fixture
def open_tmp():
    """A folder other users can traverse (pytest's own lives in a 0700 folder): uid-mode workers and
    the unprivileged grader must reach what is staged for them."""
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="kata-test-"))
    os.chmod(folder, 0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def sealed(open_tmp):
    """start(source) -> (worker, module stand-in): ``source`` becomes probe.py, imported in a sealed worker."""
    tmp_path = open_tmp
    started = []

    def start(source, **options):
        staged = tmp_path / f"staged{len(started)}"
        staged.mkdir()
        (staged / "probe.py").write_text(textwrap.dedent(source))
        os.chmod(staged, 0o755)
        os.chmod(staged / "probe.py", 0o644)
        zygote = Zygote(str(tmp_path))
        worker = Worker(staged, "probe", scratch_root=tmp_path, zygote=zygote, mode=SEAL.mode,
                        masked=[str(ROOT)], **options)
        started.append((worker, zygote))
        worker.start_test()
        return worker, worker.load()

    yield start
    for worker, zygote in started:
        worker.close()
        zygote.close()


# ---------------------------------------------------------------- who and where the worker is

@SEALED
def test_worker_runs_as_another_user_without_capabilities(sealed):
    worker, probe = sealed("""
        import os
        def identity():
            return [os.getuid(), os.geteuid()]
    """)
    uid, euid = probe.identity()
    if os.getuid() == 0:
        assert uid != 0 and euid != 0, "root grader: the worker must not be root"
    status = dict(line.split(":", 1) for line in open(f"/proc/{worker.inner}/status"))  # read from outside
    assert int(status["CapEff"], 16) == 0
    assert status["NoNewPrivs"].strip() == "1" and status["Seccomp"].strip() == "2"


@NAMESPACES
def test_worker_sees_only_itself(sealed):
    _, probe = sealed("""
        import os
        def look():
            return [os.getpid(), sorted(p for p in os.listdir("/proc") if p.isdigit()), sorted(os.listdir("/"))]
    """)
    pid, pids, root = probe.look()
    assert pid == 1 and pids == ["1"]
    pythons = {path.split(os.sep)[1] for path in sandbox.python_roots()}  # /root/.pyenv, /work/main/.nox...
    assert set(root) <= {"bin", "dev", "etc", "kata", "lib", "lib32", "lib64", "libx32", "proc", "sbin",
                         "scratch", "tmp", "usr"} | pythons and "kata" in root


@NAMESPACES
def test_kata_read_only_scratch_writable_and_secrets_absent(sealed):
    hidden = str(KATAS["17_weakref_outputs"].directory / "hidden" / "spec_hidden.py")
    _, probe = sealed(f"""
        import os
        def try_all():
            found = {{}}
            for name, action in (("write kata", lambda: open("/kata/new.py", "w")),
                                 ("write scratch", lambda: open("/scratch/ok", "w").write("x")),
                                 ("hidden spec", lambda: open({hidden!r}).read()),
                                 ("solutions", lambda: os.listdir({str(SOLUTIONS)!r})),
                                 ("repository", lambda: sorted(os.listdir({str(ROOT)!r})))):
                try:
                    result = action()
                    found[name] = result if isinstance(result, list) else "ok"
                except OSError as error:
                    found[name] = error.errno
            return found
    """)
    found = probe.try_all()
    assert found["write kata"] == errno.EROFS and found["write scratch"] == "ok"
    assert found["hidden spec"] == found["solutions"] == errno.ENOENT
    # The repository is absent, or (a virtual environment inside it, as nox makes) holds only the
    # way to that environment.
    inside = {os.path.relpath(path, ROOT).split(os.sep)[0] for path in sandbox.python_roots()
              if path.startswith(str(ROOT) + os.sep)}
    assert found["repository"] == (sorted(inside) if inside else errno.ENOENT)


@SEALED
def test_no_network(sealed):
    _, probe = sealed("""
        import socket, urllib.request
        def connect():
            try:
                socket.create_connection(("127.0.0.1", 9), timeout=1)
            except OSError as error:
                return str(error)
        def fetch():
            try:
                urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
            except OSError as error:
                return str(error)
    """)
    assert "no network" in probe.connect()
    assert "no network" in probe.fetch()


@NAMESPACES
def test_abstract_sockets_do_not_cross_workers(sealed):
    _, server = sealed("""
        import socket
        listener = socket.socket(socket.AF_UNIX)
        listener.bind("\\0dezero-katas-neighbour")
        listener.listen()
    """)
    _, client = sealed("""
        import socket
        def call():
            try:
                socket.socket(socket.AF_UNIX).connect("\\0dezero-katas-neighbour")
                return "connected"
            except OSError as error:
                return error.errno
    """)
    assert client.call() == errno.ECONNREFUSED


@SEALED
def test_processes_and_threads_refused_with_a_clear_error(sealed):
    """Importing these modules at module level works; using them does not, and says why."""
    _, probe = sealed("""
        import os, subprocess, threading, urllib.request, socket, multiprocessing
        def attempt(name):
            actions = {
                "fork": os.fork,
                "subprocess": lambda: subprocess.run(["/bin/true"]),
                "posix_spawn": lambda: os.posix_spawn("/bin/true", ["true"], {}),
                "exec": lambda: os.execv("/bin/true", ["true"]),
                "thread": lambda: threading.Thread(target=print).start(),
                "memfd": lambda: os.memfd_create("x"),
                "pidfd": lambda: os.pidfd_open(1),
            }
            try:
                actions[name]()
                return "allowed"
            except BaseException as error:
                return f"{type(error).__name__}: {error}"
    """)
    for name in ("fork", "subprocess", "posix_spawn", "exec"):
        assert "no other process or program" in probe.attempt(name), name
    assert probe.attempt("thread") == "RuntimeError: can't start new thread"
    for name in ("memfd", "pidfd"):
        assert probe.attempt(name).startswith("PermissionError"), name


@SEALED
def test_no_descriptor_for_the_judge(sealed):
    """The protocol socket is only in the I/O threads' own file tables, and a socket cannot be reopened
    through /proc: learner code has no way to write a reply of its own."""
    _, probe = sealed("""
        import os, stat
        def descriptors():
            mine = {}
            for fd in range(0, 256):
                try:
                    mine[fd] = stat.S_IFMT(os.fstat(fd).st_mode)
                except OSError:
                    pass
            reopened = []
            try:
                tasks = os.listdir("/proc/self/task")
            except PermissionError:  # uid mode: Landlock keeps /proc closed
                tasks = []
            for tid in tasks:
                for name in os.listdir(f"/proc/self/task/{tid}/fd"):
                    try:
                        fd = os.open(f"/proc/self/task/{tid}/fd/{name}", os.O_RDWR)
                        if stat.S_ISSOCK(os.fstat(fd).st_mode):
                            reopened.append(name)
                    except OSError:
                        pass
            return [sorted(fd for fd, kind in mine.items() if kind == stat.S_IFSOCK), reopened]
    """)
    sockets, reopened = probe.descriptors()
    assert sockets == [] and reopened == []


@SEALED
def test_learner_frames_lead_nowhere(sealed):
    """Beneath learner code there is only run_job, whose globals are inside.py's own namespace."""
    _, probe = sealed("""
        import sys
        def beneath():
            frame, found = sys._getframe(), []
            while frame is not None:
                found.append([frame.f_code.co_name, sorted(k for k in frame.f_globals if not k.startswith("__"))])
                frame = frame.f_back
            return found
    """)
    frames = probe.beneath()
    assert [name for name, _ in frames] == ["beneath", "run_job"]
    assert not {"serve", "protocol", "sandbox", "_weak_ref"} & set(frames[1][1])


# ---------------------------------------------------------------- the introspection hook

@SEALED
@pytest.mark.parametrize("action", ["gc.get_referrers(probe_object)", "sys._current_frames()", "gc.disable()",
                                    "tracemalloc.start()", "gc.freeze()", "gc.callbacks.append(print)",
                                    "ctypes.string_at(id(probe_object), 8)"])
def test_hook_ends_the_process_on_introspection(action, sealed):
    worker, probe = sealed(f"""
        import gc, sys, tracemalloc, ctypes
        probe_object = object()
        def act():
            {action}
    """)
    with pytest.raises(WorkerGone) as gone:
        probe.act()
    assert gone.value.kind == "introspection"
    for _ in range(40):  # what the worker wrote last may still be on its way
        if "[grader] your code" in worker.printed():
            break
        __import__("time").sleep(0.05)
    assert "[grader] your code" in worker.printed()


def test_judge_reports_introspection(tmp_path):
    from tests.helpers import grade

    kata = "22b_div_pow"
    files = stub(kata)
    path = next(iter(files))
    files[path] += "\nimport sys\nsys._current_frames()\n"
    root = write_submission(tmp_path / "nosy", {kata: files}, only=[kata])
    results, _ = grade(root, [kata])
    assert results[kata].score == 0 and results[kata].flagged
    assert {t["kind"] for t in results[kata].tests} == {"introspection"}


# ---------------------------------------------------------------- the outside witness

@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads /proc")
def test_rss_follows_a_leaked_array(sealed):
    worker, probe = sealed("""
        import numpy as np
        kept = []
        def leak(n):
            kept.append(np.ones(n))
        def free():
            kept.clear()
    """)
    size = 80 << 20
    before = worker.rss()
    probe.leak(size // 8)
    grown = worker.rss()
    probe.free()
    after = worker.rss()
    assert 0.9 * size < grown - before < 1.2 * size, (before, grown)
    assert grown - after > 0.9 * size, (grown, after)


# Big arrays freed below a small one that stays: glibc's own threshold, raised by the first big array
# freed, puts the next ones in the heap, where the small one keeps the freed space from the kernel.
FRAGMENTS = """
    import numpy as np
    kept = []
    def fragment(count):
        np.ones(1 << 17)  # 1 MiB, mapped and unmapped at once: the threshold rises above it
        big = [np.ones(1 << 17) for _ in range(count)]
        kept.append(np.ones(10_000))  # 80 KB, above the big ones
        del big[:]
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads /proc")
@pytest.mark.parametrize("witness", [True, False], ids=["memory_witness", "allocator_as_usual"])
def test_memory_witness_hands_freed_arrays_back(sealed, witness):
    """A worker started with ``memory_witness=True`` (what the judge does for a kata whose specs read
    ``mem.rss()``) gives freed big arrays back to the kernel at once; one without keeps them, so the
    tuning is what makes the witness exact (worker.return_big_blocks_to_the_kernel)."""
    worker, probe = sealed(FRAGMENTS, memory_witness=witness)
    count = 40
    before = worker.rss()
    probe.fragment(count)
    kept = worker.rss() - before
    if witness:
        assert kept < 0.2 * count * (1 << 20), kept
    else:
        assert kept > 0.8 * count * (1 << 20), kept


# ---------------------------------------------------------------- the seccomp program

def run_bpf(program, nr, arch, args=(0, 0, 0, 0, 0, 0)):
    """A classic BPF interpreter for the instructions the filter uses; returns the action."""
    data = struct.pack("<iIQ6Q", nr, arch, 0, *args)
    pc, accumulator = 0, 0
    for _ in range(len(program) + 1):
        code, jt, jf, k = program[pc]
        if code == 0x20:
            accumulator = struct.unpack_from("<I", data, k)[0]
        elif code == 0x15:
            pc += jt if accumulator == k else jf
        elif code == 0x35:
            pc += jt if accumulator >= k else jf
        elif code == 0x06:
            return k
        else:
            raise AssertionError(f"unexpected instruction {code:#x}")
        pc += 1
    raise AssertionError("the program does not end")


@pytest.mark.parametrize("arch", sorted(sandbox._DENIED))
def test_seccomp_program_is_well_formed(arch):
    program = sandbox.seccomp_program(arch)
    assert 0 < len(program) < 4096 and program[-1] == (0x06, 0, 0, sandbox._RET_ALLOW)
    for index, (code, jt, jf, k) in enumerate(program):
        assert code in (0x20, 0x15, 0x35, 0x06)
        if code in (0x15, 0x35):
            assert index + 1 + max(jt, jf) < len(program), f"jump out of the program at {index}"
        if code == 0x20:
            assert k in (0, 4, 16) and k % 4 == 0
    audit = sandbox._AUDIT_ARCH[arch]
    eperm, allow = 0x00050000 | errno.EPERM, sandbox._RET_ALLOW
    for name, number in sandbox._DENIED[arch].items():
        assert run_bpf(program, number, audit) == eperm, name
    ordinary = {"x86_64": dict(read=0, write=1, mmap=9, futex=202, openat=257, exit_group=231, getrandom=318),
                "aarch64": dict(read=63, write=64, mmap=222, futex=98, openat=56, exit_group=94, getrandom=278)}
    for name, number in ordinary[arch].items():
        assert run_bpf(program, number, audit) == allow, name
    socket_nr = sandbox._SOCKET[arch]
    assert run_bpf(program, socket_nr, audit, (1, 1, 0, 0, 0, 0)) == allow  # AF_UNIX
    assert run_bpf(program, socket_nr, audit, (2, 1, 0, 0, 0, 0)) == 0x00050000 | errno.EAFNOSUPPORT
    assert run_bpf(program, sandbox._CLONE3, audit) == 0x00050000 | errno.ENOSYS
    assert run_bpf(program, 0, 0x40000003) == sandbox._RET_KILL  # another architecture (i386)
    if arch == "x86_64":
        assert run_bpf(program, 0x40000000 | 1, audit) == eperm  # the x32 ABI


@pytest.mark.skipif(platform.machine() not in sandbox._DENIED, reason="no filter for this architecture")
def test_seccomp_covers_what_the_worker_relies_on():
    denied = set(sandbox._DENIED[platform.machine()])
    assert {"clone", "execve", "execveat", "ptrace", "unshare", "setns", "mount", "pidfd_getfd", "kcmp",
            "memfd_create", "process_vm_writev", "rt_sigaction", "io_uring_setup", "userfaultfd", "bpf"} <= denied


# ---------------------------------------------------------------- an unprivileged grader

PROBE = ("import numpy, pytest, pytest_timeout, grader, os, subprocess, sys; "
         "os.listdir(grader.KATAS / '17_weakref_outputs'); "
         # some kernels (gVisor) start a program through a folder the user cannot search, yet refuse
         # the same program to its children: start one, as the grader does
         "os.stat(os.path.realpath(sys.executable)); "
         "subprocess.run([sys.executable, '-c', 'pass'], check=True)")


def _cannot_run(entry, python):
    """Why ``entry`` cannot grade with ``python`` (None when it can)."""
    probe = subprocess.run(["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--clear-groups",
                            python, "-c", PROBE],
                           cwd=ROOT, capture_output=True, text=True, env=dict(PATH=os.environ.get("PATH", "")))
    return None if probe.returncode == 0 else (probe.stderr.strip().splitlines() or ["?"])[-1]


def _borrowed_python(folder):
    """A virtual environment of the system's own interpreter of this version (readable by everyone)
    that uses this environment's packages: the way to test the unprivileged path where this Python
    lives in a private folder (pyenv under /root), without downloading anything."""
    import sysconfig

    system = shutil.which(f"python{sys.version_info.major}.{sys.version_info.minor}", path="/usr/bin:/usr/local/bin")
    if system is None or os.path.realpath(system) == os.path.realpath(sys.executable):
        return None
    venv = folder / "borrowed-python"
    made = subprocess.run([system, "-m", "venv", "--without-pip", str(venv)], capture_output=True)
    if made.returncode != 0:
        return None
    site = subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True).stdout.strip()
    packages = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    os.makedirs(site, exist_ok=True)
    with open(os.path.join(site, "borrowed.pth"), "w") as pth:
        pth.write("\n".join(sorted(packages)) + "\n")
    for dirpath, _, filenames in os.walk(venv):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            if not os.path.islink(os.path.join(dirpath, name)):
                os.chmod(os.path.join(dirpath, name), 0o755)
    return str(venv / "bin" / "python")


def unprivileged_setup(folder):
    """(user, python) to grade as, or the reason why this machine cannot.

    KATA_UNPRIVILEGED_USER / KATA_UNPRIVILEGED_PYTHON choose them (say, a learner account with its own
    virtual environment); by default ``nobody`` with this Python, or with the system's interpreter of
    the same version borrowing this environment's packages when ``nobody`` cannot reach this one.
    """
    user = os.environ.get("KATA_UNPRIVILEGED_USER", "nobody")
    python = os.environ.get("KATA_UNPRIVILEGED_PYTHON", sys.executable)
    if os.geteuid() != 0:
        return None, "the tests run as an unprivileged user already: every sealed test above is that path"
    if not shutil.which("setpriv"):
        return None, "setpriv (util-linux) is not installed"
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        return None, f"no user {user!r}"
    why = _cannot_run(entry, python)
    if why and "KATA_UNPRIVILEGED_PYTHON" not in os.environ:
        borrowed = _borrowed_python(folder)
        if borrowed and not _cannot_run(entry, borrowed):
            python, why = borrowed, None
    if why:
        return None, (f"user {user!r} cannot run {python} with numpy, pytest and this repository ({why}); "
                      "its Python install must be readable by that user (one under /root is not): set "
                      "KATA_UNPRIVILEGED_USER and KATA_UNPRIVILEGED_PYTHON")
    return (entry, python), ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_grading_as_an_unprivileged_user(open_tmp):
    setup, why = unprivileged_setup(open_tmp)
    if setup is None:
        pytest.skip(why)
    entry, python = setup
    tmp_path = open_tmp
    submission = write_submission(tmp_path / "sub", {
        "11_variadic_io": None,
        "13_multi_input_backward": stub("13_multi_input_backward"),
    }, only=["13_multi_input_backward", "17_weakref_outputs"])
    files = stub("13_multi_input_backward")
    path = next(iter(files))
    files[path] += textwrap.dedent("""
        import os
        _status = dict(line.split(":", 1) for line in open("/proc/self/status"))
        print("IDENTITY", os.getuid(), _status["CapEff"].strip(), sorted(p for p in os.listdir("/proc") if p.isdigit()))
    """)
    (submission / "13_multi_input_backward" / path).write_text(files[path])
    home, out = tmp_path / "home", tmp_path / "out"
    home.mkdir()
    for folder in (tmp_path, submission, home):
        for dirpath, dirnames, filenames in os.walk(folder):
            os.chown(dirpath, entry.pw_uid, entry.pw_gid)
            for name in filenames:
                os.chown(os.path.join(dirpath, name), entry.pw_uid, entry.pw_gid)
    env = dict(PATH=os.environ.get("PATH", ""), HOME=str(home), LANG="C.UTF-8", TMPDIR=str(tmp_path))
    run = subprocess.run(["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--clear-groups",
                          python, "-m", "grader", "grade", str(submission), "--out", str(out), "--no-cache"],
                         cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "sealed (kernel namespaces" in run.stderr, run.stderr[-2000:]
    verdicts = {k["kata_id"]: k for k in json.loads((out / "submissions" / "sub" / "verdicts.json").read_text())}
    assert verdicts["17_weakref_outputs"]["score"] == 10
    assert verdicts["13_multi_input_backward"]["score"] == 0
    printed = " ".join(t.get("printed", "") for t in verdicts["13_multi_input_backward"]["tests"])
    assert f"IDENTITY {entry.pw_uid} 0000000000000000 ['1']" in printed, printed[:500]
