"""The kernel boundary around learner code: namespaces, another user, a small file view, seccomp.

A grade is honest only if the learner's code cannot reach anything that decides
it. That is the kernel's job, not the learner's interpreter's: everything here
runs in a freshly forked child of the zygote (trusted code that never ran learner
code), before the learner's module is imported, and ends in a process that

  * is PID 1 of its own PID namespace, so it sees no other process and every
    process it could leave behind dies with it;
  * has its own network namespace (no interface is up: no network at all), IPC and
    UTS namespaces;
  * sees a file tree of its own (a mount namespace and pivot_root): the Python
    installation and system libraries read-only, the staged kata read-only at
    ``/kata``, a private tmpfs at ``/scratch`` (HOME, the working folder), minimal
    ``/dev`` and ``/proc``; the grader, the canonical katas, the solutions and
    other submissions are simply not there;
  * runs as another user: ``nobody`` when the grader is root, or, for an
    unprivileged grader, its own uid inside a user namespace with every
    capability dropped;
  * cannot start programs, processes or threads, trace anything, mount, make
    namespaces or open network sockets: a seccomp filter answers EPERM.

Why our own few syscalls (through ctypes, in trusted code) rather than bubblewrap:
workers are forked from a zygote that already imported numpy, which makes a
check start in milliseconds instead of a fresh interpreter's 0.2 s; bubblewrap
can only wrap a program it starts, never a fork. The steps are the ones
bubblewrap and ``unshare(1)`` take. CONTRIBUTING.md ("Threat model") says what each
mode defends.

Modes, probed once per process (``probe()``):
  namespaces  everything above (root, or an unprivileged user where user
              namespaces are allowed: most Linux distributions)
  uid         root without namespaces (a container that forbids them): another
              uid per worker, seccomp and limits; files are protected only by
              their permissions, so secrets must not be readable by others
  none        unsealed: learner code runs as the grader's user (macOS, or
              Linux without either). Fine for a learner's own checks; grading
              refuses it unless asked for explicitly, and the reports say so.
"""

import ctypes
import ctypes.util
import os
import platform
import struct
import sys
import sysconfig
from dataclasses import dataclass, field

NOBODY = 65534
UID_BASE = 61000  # uid mode: one uid per worker slot, so workers cannot signal or trace each other

CLONE_FILES, CLONE_NEWNS, CLONE_NEWUTS, CLONE_NEWIPC = 0x00000400, 0x00020000, 0x04000000, 0x08000000
CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x10000000, 0x20000000, 0x40000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 32, 4096, 16384, 1 << 18
MNT_DETACH = 2
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP = 1, 4, 38, 22
SECCOMP_MODE_FILTER = 2


class SandboxError(OSError):
    """A step of sealing failed; the worker must not run learner code."""


@dataclass(frozen=True)
class Seal:
    mode: str            # "namespaces", "uid" or "none"
    detail: str = ""     # what the probe found, for doctor and the reports

    @property
    def sealed(self):
        return self.mode != "none"

    def describe(self):
        names = {"namespaces": "sealed (kernel namespaces, another user, seccomp)",
                 "uid": "sealed (another user, seccomp; no namespaces)", "none": "unsealed"}
        return names[self.mode] + (f": {self.detail}" if self.detail else "")


@dataclass
class View:
    """What one worker may see: the staged kata and what Python needs to run."""

    kata: str                                  # staged kata folder, mounted read-only at /kata
    readable: tuple = ()                       # host paths mounted read-only at the same place
    masked: tuple = ()                         # host paths hidden by an empty tmpfs (secrets inside a readable root)
    scratch_mb: int = 64
    slot: int = 0                              # uid mode: which worker uid to use
    scratch: str = ""                          # uid mode: the host folder the worker may write to
    refused: list = field(default_factory=list)  # limits the platform did not apply, reported by the worker


# ---------------------------------------------------------------- syscalls

_libc = None


def libc():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    return _libc


def _check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise SandboxError(errno, f"{what}: {os.strerror(errno)}")


def _mount(source, target, fstype, flags, data=None):
    encode = lambda s: None if s is None else s.encode()  # noqa: E731
    _check(libc().mount(encode(source), encode(target), encode(fstype), ctypes.c_ulong(flags), encode(data)),
           f"mount {target}")


def _prctl(option, value):
    _check(libc().prctl(option, ctypes.c_ulong(value), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)),
           f"prctl {option}")


def _drop_capabilities():
    """Clear every capability set (the user namespace's owner starts with all of them)."""
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    _check(libc().capset(ctypes.byref(Header(0x20080522, 0)), (Data * 2)()), "capset")


# ---------------------------------------------------------------- seccomp

# Syscall numbers of what learner code must never do, per architecture. clone is
# refused outright, threads included: the worker starts its threads before the
# filter is installed. socket is refused except for AF_UNIX. pidfd_getfd and kcmp
# would reach the protocol socket in another thread's file table; memfd, SysV
# shared memory and message queues hold memory that RLIMIT_AS does not count;
# rt_sigaction would install a signal handler (learner code on the main thread).
_DENIED = {
    "x86_64": dict(fork=57, vfork=58, clone=56, execve=59, execveat=322, ptrace=101, process_vm_readv=310,
                   process_vm_writev=311, mount=165, umount2=166, pivot_root=155, chroot=161, unshare=272,
                   setns=308, bpf=321, perf_event_open=298, keyctl=250, add_key=248, request_key=249,
                   userfaultfd=323, io_uring_setup=425, io_uring_enter=426, io_uring_register=427,
                   kexec_load=246, init_module=175, finit_module=313, delete_module=176,
                   open_by_handle_at=304, name_to_handle_at=303, personality=135, fsopen=430, fsmount=432,
                   move_mount=429, open_tree=428, fsconfig=431, fspick=433, mount_setattr=442,
                   pidfd_open=434, pidfd_getfd=438, process_madvise=440, kcmp=312, memfd_create=319,
                   memfd_secret=447, shmget=29, shmat=30, shmctl=31, semget=64, msgget=68, mq_open=240,
                   rt_sigaction=13),
    "aarch64": dict(clone=220, execve=221, execveat=281, ptrace=117, process_vm_readv=270, process_vm_writev=271,
                    mount=40, umount2=39, pivot_root=41, chroot=51, unshare=97, setns=268, bpf=280,
                    perf_event_open=241, keyctl=219, add_key=217, request_key=218, userfaultfd=282,
                    io_uring_setup=425, io_uring_enter=426, io_uring_register=427, kexec_load=104,
                    init_module=105, finit_module=273, delete_module=106, open_by_handle_at=265,
                    name_to_handle_at=264, personality=92, fsopen=430, fsmount=432, move_mount=429,
                    open_tree=428, fsconfig=431, fspick=433, mount_setattr=442, pidfd_open=434,
                    pidfd_getfd=438, process_madvise=440, kcmp=272, memfd_create=279, memfd_secret=447,
                    shmget=194, shmat=196, shmctl=195, semget=190, msgget=186, mq_open=180, rt_sigaction=134),
}
_SOCKET = {"x86_64": 41, "aarch64": 198}
_CLONE3 = 435
_AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
_RET_ALLOW, _RET_KILL = 0x7FFF0000, 0x80000000
_EPERM, _ENOSYS, _EAFNOSUPPORT = 1, 38, 97


def _errno(code):
    return 0x00050000 | code


def seccomp_program(arch):
    """A classic BPF program: (code, jt, jf, k) tuples, checked by tests/test_sandbox.py."""
    LOAD, JEQ, JGE, RET = 0x20, 0x15, 0x35, 0x06
    denied = sorted(set(_DENIED[arch].values()))
    program = [(LOAD, 0, 0, 4), (JEQ, 1, 0, _AUDIT_ARCH[arch]), (RET, 0, 0, _RET_KILL), (LOAD, 0, 0, 0)]
    if arch == "x86_64":  # the x32 ABI numbers its calls from 0x40000000: refuse all of them
        program += [(JGE, 0, 1, 0x40000000), (RET, 0, 0, _errno(_EPERM))]
    program += [(JEQ, 0, 1, _CLONE3), (RET, 0, 0, _errno(_ENOSYS))]  # libc then falls back to clone: refused
    for number in denied:
        program += [(JEQ, 0, 1, number), (RET, 0, 0, _errno(_EPERM))]
    program += [(JEQ, 0, 3, _SOCKET[arch]), (LOAD, 0, 0, 16), (JEQ, 1, 0, 1), (RET, 0, 0, _errno(_EAFNOSUPPORT))]
    program += [(RET, 0, 0, _RET_ALLOW)]
    return program


_SECCOMP_SYSCALL = {"x86_64": 317, "aarch64": 277}
SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC = 1, 1


def unshare_files():
    """Give the calling thread a file table of its own (a copy): what it opens or closes later, and
    what the other threads close, no longer concerns the other side. The worker's protocol threads
    call this, then the main thread closes the protocol socket in the shared table."""
    _check(libc().unshare(CLONE_FILES), "unshare the file table")


def set_no_new_privs():
    """No exec can ever regain privileges; seccomp filters require it. Inherited by new threads."""
    _prctl(PR_SET_NO_NEW_PRIVS, 1)


def install_seccomp():
    """Refuse new processes, threads, programs, tracing, mounts and network sockets, in every thread."""
    arch = platform.machine()
    if arch not in _DENIED:
        raise SandboxError(0, f"no seccomp filter for the {arch} architecture")
    program = seccomp_program(arch)

    class Filter(ctypes.Structure):
        _fields_ = [("code", ctypes.c_ushort), ("jt", ctypes.c_ubyte), ("jf", ctypes.c_ubyte), ("k", ctypes.c_uint32)]

    class Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(Filter))]

    filters = (Filter * len(program))(*[Filter(*line) for line in program])
    set_no_new_privs()
    result = libc().syscall(ctypes.c_long(_SECCOMP_SYSCALL[arch]), ctypes.c_ulong(SECCOMP_SET_MODE_FILTER),
                            ctypes.c_ulong(SECCOMP_FILTER_FLAG_TSYNC), ctypes.byref(Program(len(program), filters)))
    _check(0 if result == 0 else -1, "seccomp")


# ---------------------------------------------------------------- the file view

def python_roots():
    """Host folders the interpreter and its packages live in (mounted read-only)."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        paths.add(sysconfig.get_path(key))
    paths.update(p for p in sys.path if p and ("site-packages" in p or "dist-packages" in p))
    # Where numpy lives, found without importing it: importing starts BLAS threads, and a process
    # with threads cannot enter a new user namespace (unshare fails with EINVAL).
    import importlib.util

    spec = importlib.util.find_spec("numpy")
    if spec is not None and spec.origin:
        paths.add(os.path.dirname(os.path.dirname(spec.origin)))
    existing = sorted({os.path.realpath(p) for p in paths if p and os.path.isdir(p)})
    # Keep only the outermost of nested folders.
    return tuple(p for p in existing if not any(p != q and p.startswith(q + os.sep) for q in existing))


SYSTEM = ("/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime")
DEVICES = ("null", "zero", "full", "random", "urandom")


def _flags_of(path):
    """Mount flags a read-only remount must keep (the kernel locks them in a user namespace)."""
    found = os.statvfs(path).f_flag
    kept = {os.ST_NOSUID: MS_NOSUID, os.ST_NODEV: MS_NODEV, os.ST_NOEXEC: MS_NOEXEC}
    return sum(flag for st, flag in kept.items() if found & st)


def _bind(source, target, readonly=True, noexec=False):
    if os.path.isdir(source):
        os.makedirs(target, exist_ok=True)
    else:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "a"):
            pass
    _mount(source, target, None, MS_BIND | MS_REC)
    if readonly:
        _mount(None, target, None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | _flags_of(source)
               | (MS_NOEXEC if noexec else 0))


def _build_root(view, root):
    """Mount the worker's whole file tree under ``root`` (a tmpfs)."""
    _mount("tmpfs", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
    for path in SYSTEM:
        if os.path.islink(path):
            os.symlink(os.readlink(path), root + path)
        elif os.path.isdir(path):
            _bind(path, root + path)
    for path in SYSTEM_FILES:
        if os.path.isfile(path):
            _bind(path, root + path)
    # /tmp before the readable roots: a Python installed under /tmp (a clone there) stays visible.
    os.makedirs(root + "/tmp")
    _mount("tmpfs", root + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=1m,mode=1777")
    for path in view.readable:
        if not os.path.exists(root + path) or not os.path.ismount(root + path):
            _bind(path, root + path)
    for path in view.masked:
        inside_readable = any(path.startswith(readable + os.sep) for readable in view.readable)
        if inside_readable and os.path.isdir(root + path):
            _mount("tmpfs", root + path, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC | MS_RDONLY, "size=4k,mode=000")
    _bind(view.kata, root + "/kata", noexec=True)
    os.makedirs(root + "/dev")
    for name in DEVICES:
        _bind("/dev/" + name, root + "/dev/" + name, readonly=False)
    os.symlink("/proc/self/fd", root + "/dev/fd")
    os.makedirs(root + "/proc")
    _mount("proc", root + "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    os.makedirs(root + "/scratch")
    # What learner code can write is never executable: no native code of its own (a shared object
    # written there and imported) beside the interpreter's.
    _mount("tmpfs", root + "/scratch", "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
           f"size={view.scratch_mb}m,mode=1777")


def _pivot(root):
    os.chdir(root)
    _check(libc().pivot_root(b".", b"."), "pivot_root")
    _check(libc().umount2(b".", MNT_DETACH), "umount the old root")
    os.chdir("/")
    _mount(None, "/", None, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV)


# ---------------------------------------------------------------- Landlock (uid mode)

# Without namespaces, the worker shares the grader's file tree, /proc, /tmp and network namespace
# (abstract unix sockets) with every other process. Landlock (Linux 5.13+, unprivileged) narrows
# what the worker's own process may reach: read the interpreter, the system libraries and its staged
# kata; write its scratch folder and a few devices; nothing else (not /proc, /tmp, /dev/shm, other
# submissions' folders or the grader's private files). ABI 4 also refuses TCP, ABI 6 abstract unix
# sockets and signals to processes outside the worker.
_LANDLOCK_CREATE, _LANDLOCK_ADD_RULE, _LANDLOCK_RESTRICT = 444, 445, 446  # the same on x86_64 and aarch64
_FS_EXECUTE, _FS_WRITE_FILE, _FS_READ_FILE, _FS_READ_DIR = 1, 2, 4, 8
_FS_TRUNCATE, _FS_IOCTL_DEV = 1 << 14, 1 << 15


def _landlock_rights(abi):
    """Filesystem rights this ABI knows (all handled, so all refused unless a rule grants them)."""
    rights = (1 << 13) - 1  # ABI 1: execute .. make_sym
    if abi >= 2:
        rights |= 1 << 13  # refer (links and renames across folders)
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def landlock(read_only, read_write, devices):
    """Restrict the calling process (and its threads to come) to these paths; returns the ABI used."""
    class Ruleset(ctypes.Structure):
        _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                    ("scoped", ctypes.c_uint64)]

    class PathBeneath(ctypes.Structure):
        _pack_ = 1
        _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]

    syscall = libc().syscall
    abi = syscall(ctypes.c_long(_LANDLOCK_CREATE), None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    if abi < 1:
        raise SandboxError(ctypes.get_errno(), "Landlock is not available (Linux 5.13+ with lsm=landlock)")
    rights = _landlock_rights(abi)
    ruleset = Ruleset(rights, 3 if abi >= 4 else 0, 3 if abi >= 6 else 0)
    size = ctypes.sizeof(Ruleset) if abi >= 6 else (16 if abi >= 4 else 8)
    fd = syscall(ctypes.c_long(_LANDLOCK_CREATE), ctypes.byref(ruleset), ctypes.c_size_t(size), ctypes.c_uint32(0))
    _check(0 if fd >= 0 else -1, "landlock_create_ruleset")
    file_rights = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | (rights & (_FS_TRUNCATE | _FS_IOCTL_DEV))
    try:
        grants = [(p, _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR) for p in read_only]
        grants += [(p, rights & ~_FS_EXECUTE) for p in read_write]
        grants += [(p, _FS_READ_FILE | _FS_WRITE_FILE | (rights & _FS_IOCTL_DEV)) for p in devices]
        for path, allowed in grants:
            try:
                target = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # not on this machine
            try:
                if not os.path.isdir(path):
                    allowed &= file_rights
                rule = PathBeneath(allowed, target)
                _check(0 if syscall(ctypes.c_long(_LANDLOCK_ADD_RULE), ctypes.c_int(fd), ctypes.c_int(1),
                                    ctypes.byref(rule), ctypes.c_uint32(0)) == 0 else -1, f"landlock rule {path}")
            finally:
                os.close(target)
        set_no_new_privs()
        _check(0 if syscall(ctypes.c_long(_LANDLOCK_RESTRICT), ctypes.c_int(fd), ctypes.c_uint32(0)) == 0 else -1,
               "landlock_restrict_self")
    finally:
        os.close(fd)
    return abi


# ---------------------------------------------------------------- entering

def enter(view, mode, report_fd=None):
    """Seal the calling process (a fresh fork of the zygote) according to ``mode``.

    Namespaces mode forks once more: the caller stays outside as the reaper (it
    writes the inner process's pid to ``report_fd``, waits for it and exits with
    its status) and only the inner process, PID 1 of the new namespace, returns.
    The caller installs the seccomp filter itself (``install_seccomp``) once its
    learner thread exists.
    """
    if mode == "namespaces":
        _enter_namespaces(view, report_fd)
    elif mode == "uid":
        parent = os.getppid()
        _report(report_fd, os.getpid())
        if view.scratch:
            os.chown(view.scratch, worker_uid(view.slot), worker_uid(view.slot))
        _become_user(worker_uid(view.slot))
        die_with_parent(parent)  # the change of user cleared the parent-death signal
        try:
            abi = landlock(read_only=(*SYSTEM, *SYSTEM_FILES, *view.readable, view.kata),
                           read_write=(view.scratch,) if view.scratch else (),
                           devices=tuple("/dev/" + name for name in DEVICES))
            if abi < 6:
                view.refused.append(f"landlock ABI {abi}: abstract unix sockets and signals not scoped")
        except OSError as error:
            view.refused.append(f"landlock ({error})")
    else:
        _report(report_fd, os.getpid())


def worker_uid(slot):
    return UID_BASE + slot % 4000


def die_with_parent(parent):
    """SIGKILL this process when ``parent`` ends: a killed judge leaves no zygote or worker behind."""
    _prctl(PR_SET_PDEATHSIG, 9)
    if os.getppid() != parent:  # it ended before the line above took effect
        os._exit(1)


def _report(fd, pid):
    if fd is not None:
        os.write(fd, struct.pack(">i", pid))
        os.close(fd)


def _become_user(uid):
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)  # from root to another uid: every capability goes


def _enter_namespaces(view, report_fd):
    uid, gid = os.getuid(), os.getgid()
    flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS
    if uid != 0:
        flags |= CLONE_NEWUSER
    _check(libc().unshare(flags), "unshare")
    if uid != 0:
        with open("/proc/self/setgroups", "w") as handle:
            handle.write("deny")
        with open("/proc/self/uid_map", "w") as handle:
            handle.write(f"{uid} {uid} 1")
        with open("/proc/self/gid_map", "w") as handle:
            handle.write(f"{gid} {gid} 1")
    root = os.path.join(view.kata, os.pardir, f".root-{os.getpid()}")
    root = os.path.realpath(root)
    alive_read, alive_write = os.pipe()  # at end of file once the reaper is gone
    inner = os.fork()
    if inner:
        os.close(alive_read)
        _reap(inner, report_fd, keep=alive_write)
    os.close(alive_write)
    if report_fd is not None:
        os.close(report_fd)  # the reaper reports; the inner process keeps no way to the zygote
    _prctl(PR_SET_PDEATHSIG, 9)  # the reaper gone (killed with the judge): this namespace goes too
    _mount(None, "/", None, MS_REC | MS_PRIVATE)
    os.umask(0o022)  # mount points made below must be traversable by the worker's user (the judge's is 077)
    os.makedirs(root, exist_ok=True)
    _build_root(view, root)
    _pivot(root)
    libc().sethostname(b"kata", 4)
    if uid == 0:
        _become_user(NOBODY)
    else:
        _drop_capabilities()
    # A change of user clears the parent-death signal: arm it again, then make sure the reaper did
    # not go in between (it holds the other end of alive_read).
    _prctl(PR_SET_PDEATHSIG, 9)
    import select

    if select.select([alive_read], [], [], 0)[0]:
        os._exit(1)
    os.close(alive_read)
    _prctl(PR_SET_DUMPABLE, 0)


def _reap(inner, report_fd, keep):
    """The process outside the new PID namespace: report the inner pid, wait, pass its status on."""
    _report(report_fd, inner)
    for fd in range(3, 1024):
        if fd != keep:
            try:
                os.close(fd)
            except OSError:
                pass
    while True:
        try:
            _, status = os.waitpid(inner, 0)
            break
        except InterruptedError:
            continue
        except ChildProcessError:
            os._exit(1)
    code = os.waitstatus_to_exitcode(status)
    os._exit(code if code >= 0 else 128 - code)


def read_report(fd, timeout=10.0):
    """The pid the sealed child reported, or None."""
    import select

    ready, _, _ = select.select([fd], [], [], timeout)
    data = os.read(fd, 4) if ready else b""
    os.close(fd)
    return struct.unpack(">i", data)[0] if len(data) == 4 else None


# ---------------------------------------------------------------- probing

_probed = None


def probe(force=None):
    """Which mode this machine offers (tried for real in a throwaway child), cached per process.

    ``DEZERO_KATAS_SANDBOX=none`` forces unsealed mode (say, to compare timings).
    """
    global _probed
    wanted = force or os.environ.get("DEZERO_KATAS_SANDBOX")
    if wanted == "none":
        return Seal("none", "asked for with DEZERO_KATAS_SANDBOX=none")
    if _probed is not None and not force:
        return _probed
    if not sys.platform.startswith("linux"):
        _probed = Seal("none", f"{sys.platform} has no Linux namespaces; grade on Linux (or in WSL 2)")
        return _probed
    reasons = []
    for mode in ("namespaces", "uid"):
        if wanted and mode != wanted:
            continue
        if mode == "uid" and os.getuid() != 0:
            reasons.append("uid mode needs root")
            continue
        error = _try(mode)
        if error is None:
            _probed = Seal(mode, "")
            return _probed
        reasons.append(f"{mode}: {error}")
    _probed = Seal("none", "; ".join(reasons))
    return _probed


def _try(mode):
    """Seal a throwaway child in ``mode``; None if it worked, else why not."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kata-probe-") as folder:
        kata = os.path.join(folder, "kata")
        os.makedirs(kata)
        os.chmod(folder, 0o755)
        read, write = os.pipe()
        errors_read, errors_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            os.close(errors_read)
            try:
                enter(View(kata=kata, readable=python_roots()), mode, write)
                install_seccomp()
                probe_inside()
                os._exit(0)
            except BaseException as error:  # noqa: BLE001 - any failure means "not this mode"
                os.write(errors_write, str(error).encode()[:500])
                os._exit(3)
        os.close(write)
        os.close(errors_write)
        read_report(read, 10)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(errors_read, "rb") as handle:
            why = handle.read().decode(errors="replace")
        code = os.waitstatus_to_exitcode(status)
        return None if code == 0 else (why or f"the trial child exited with {code}")


def probe_inside():
    """Inside a sealed child: the boundary is really there (used by probe and the tests)."""
    if os.getuid() == 0:
        raise SandboxError(0, "still root inside the sandbox")
    try:
        pid = os.fork()
    except OSError:
        pid = None
    if pid == 0:
        os._exit(0)
    if pid is not None:
        raise SandboxError(0, "fork was not refused")
