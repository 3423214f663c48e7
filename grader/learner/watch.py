"""Watch mode, as in rustlings: check the current kata on every save, with keys for hint, next, list and quit.

The judge stays warm between saves (pytest imported once, a zygote ready to
fork the next worker), so a re-check costs a tenth of a second, not a new
interpreter. Saves are noticed through the kernel's file events (inotify) where
they work, and by looking at the files every 0.2 s where they don't (WSL on
Windows drives, network folders, macOS).
"""

import os
import select
import sys
import time

from grader.grading.judging import WarmJudge
from grader.i18n import t

POLL_SECONDS = 0.2
CLEAR = "\033[2J\033[H"


def watch(learner, args=(), keys=None, clock=time.monotonic):
    """Run until the learner quits (q, Ctrl-C or end of input); 0."""
    katas = learner.resolve(args) or [learner.first_unsolved()]
    kata = katas[0]
    if kata is None:
        learner.say(t("every_kata_passes", learner.lang))
        return 0
    judge = WarmJudge()
    learner.judge = judge
    terminal = Terminal(keys)
    try:
        with terminal:
            while kata is not None:
                terminal.clear(learner.out)
                files = watched_files(learner, kata)
                changes = Changes(files)  # before the check: a save while it runs is checked next
                learner.check_one(kata)
                learner.progress.save()
                shown = ", ".join(sorted({f"{learner.work.name}/{p.relative_to(learner.work).as_posix()}"
                                          for p in files})[:3])
                legend = "\n" + t("watching", learner.lang, files=shown or kata.id)
                learner.say(legend)
                learner.out.flush()
                while True:
                    key = terminal.key(POLL_SECONDS)
                    if key in ("q", "\x03", "\x04") or (key is None and terminal.closed):
                        return 0
                    if key == "h":
                        learner.give_hint(kata, None, asked=True)
                        learner.progress.save()
                        learner.say(legend)  # the keys stay in sight below what a key printed
                    elif key == "l":
                        learner.show_progress()
                        learner.say(legend)
                    elif key == "n":
                        kata = learner.first_unsolved(after=kata.id) or learner.first_unsolved()
                        learner.reach(kata)  # its definitions arrive in work/dezero
                        break
                    elif key in ("c", "\r", "\n") or changes.happened():
                        break  # check the same kata again
                    learner.out.flush()
            learner.say(t("every_kata_passes", learner.lang))
    except KeyboardInterrupt:
        learner.say("")
    finally:
        judge.close()
        learner.judge = None
    return 0


def watched_files(learner, kata):
    """The files a kata's result depends on: its own files and the package files it writes in (the workspace's)."""
    files = [learner.file(kata, relative) for relative in kata.files]
    files += [learner.work / path for path in learner.owned(kata)]
    return files


class Changes:
    """Notices a save: kernel file events where they work, else the files' sizes and times every 0.2 s."""

    def __init__(self, files):
        self.files = list(files)
        self.before = self.snapshot()
        self.events = Inotify([f.parent for f in self.files])

    def snapshot(self):
        state = []
        for path in self.files:
            try:
                info = path.stat()
                state.append((info.st_size, info.st_mtime_ns))
            except OSError:
                state.append(None)
        return state

    def happened(self):
        self.events.drain()
        if self.snapshot() != self.before:
            time.sleep(0.05)  # let an editor finish writing
            self.before = self.snapshot()
            return True
        return False


class Inotify:
    """Linux file events through libc (the learner's own process; nothing here runs learner code)."""

    def __init__(self, folders):
        self.fd = None
        if not sys.platform.startswith("linux"):
            return
        try:
            import ctypes
            import ctypes.util

            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
            if fd < 0:
                return
            mask = 0x2 | 0x8 | 0x80 | 0x100  # IN_MODIFY, IN_CLOSE_WRITE, IN_MOVED_TO, IN_CREATE
            for folder in {str(f) for f in folders}:
                libc.inotify_add_watch(fd, folder.encode(), mask)
            self.fd = fd
        except (OSError, AttributeError):
            self.fd = None

    def drain(self):
        """Read pending events; the caller then compares the files themselves (events only wake it)."""
        if self.fd is None:
            return
        try:
            while select.select([self.fd], [], [], 0)[0]:
                if not os.read(self.fd, 65536):
                    break
        except OSError:
            pass

    def __del__(self):
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass


class Terminal:
    """Single keys from a terminal in cbreak mode (restored on exit); lines from anything else."""

    def __init__(self, keys=None):
        self.stream = keys or sys.stdin
        self.saved = None
        self.closed = False

    def __enter__(self):
        if self.stream.isatty():
            import termios
            import tty

            self.saved = termios.tcgetattr(self.stream.fileno())
            tty.setcbreak(self.stream.fileno())
        return self

    def __exit__(self, *exc):
        if self.saved is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSADRAIN, self.saved)

    def clear(self, out):
        if self.saved is not None:
            out.write(CLEAR)

    def key(self, timeout):
        """One key (or None after ``timeout``)."""
        try:
            ready = select.select([self.stream], [], [], timeout)[0]
        except (ValueError, OSError):
            time.sleep(timeout)
            return None
        if not ready:
            return None
        char = os.read(self.stream.fileno(), 1).decode(errors="ignore") if self.saved is not None \
            else self.stream.read(1)
        if char == "":
            self.closed = True
            time.sleep(timeout)
            return None
        return char.lower()
