"""The learner's loop: check a kata, see exactly what failed and a hint for it, move on.

Everything a learner runs (``nox -s check``, ``watch``, ``hint``, ``progress``,
``reset``, ``solution``, ``start``, ``doctor``) is a method of ``Learner``, which
holds no state but its files: the katas folder (what the project ships: READMEs,
specs, stubs), the learner's workspace ``work/`` beside it (their own files, shaped
like a submission: ``workspace.py``, brought up to date with the shipped katas by
every command) and ``.kata-progress.json`` (ignored by git, so it survives
``git pull``). Whether a kata is done is recomputed from the hash of the learner's
own code for it, so the file cannot drift from the code.

Works in the repository (the reference in ``solutions/`` gives package katas
their assembly, ``start`` and ``solution``) and in a class's learners' copy,
which ships no solutions (then a package kata is judged on the learner's whole
package, and ``start`` and ``solution`` say they are not available).
"""

import difflib
import hashlib
import json
import os
import shutil
import sys
import time
from pathlib import Path

from grader import KATAS, SOLUTIONS
from grader.course.generate import LADDER_FILE, START_FILE
from grader.i18n import language, t
from grader.course.katas import STAGES, KataNotFound, all_katas
from grader.grading.learning import Learning, picture
from grader.course.package import PACKAGE, Ladder, definition, definitions
from grader.course.regions import parsed
from grader.grading.render import first_failure, is_phrase, learner_view, message, reason
from grader.learner.workspace import CONFLICT_SUFFIX, Workspace



class ToolFault(Exception):
    """The tool failed, not the learner's code: say so, spend nothing."""


class Progress:
    """Hints seen and katas passed, in one small JSON file beside the katas."""

    def __init__(self, path):
        self.path = Path(path)
        try:
            self.data = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self.data = {}
        for key in ("passed", "hints"):
            if not isinstance(self.data.get(key), dict):
                self.data[key] = {}

    def save(self):
        try:
            self.path.write_text(json.dumps(self.data, indent=1, sort_keys=True))
        except OSError:
            pass  # a read-only checkout still gets its report

    def hints(self, kata_id):
        state = self.data["hints"].setdefault(kata_id, {})
        state.setdefault("seen", [])
        return state


class Learner:
    """One learner's katas folder, progress file, language and output."""

    default_judge = None  # the warm checker (server.py) sets its WarmJudge here

    def __init__(self, root=KATAS, progress=None, out=None, lang=None, invoked_from=None, judge=None, work=None):
        self.root = Path(root)  # the katas as shipped: manifests, READMEs, specs, stubs
        self.katas = all_katas(self.root)
        self.workspace = Workspace(self.root, self.katas, work)
        self.work = self.workspace.folder  # the learner's own files: work/<kata>/..., work/dezero/
        self.progress = Progress(progress or self.root.parent / ".kata-progress.json")
        self.start_at = read_start(self.root, self.katas)
        self.out = out or sys.stdout
        self.lang = lang or language()
        self.invoked_from = Path(invoked_from) if invoked_from else None
        self.with_reference = (SOLUTIONS / PACKAGE).is_dir() and self.root.resolve() != SOLUTIONS.resolve()
        self.judge = judge or Learner.default_judge  # a WarmJudge: pytest and a zygote kept ready (watch, server)
        self._ladder = None
        self.learning = Learning(self.work)  # opt-in, off by default: grader/grading/learning.py
        self.bring_up_to_date()

    # -- the workspace
    def bring_up_to_date(self):
        """Make the workspace, or bring it up to date with what katas/ ships now (after a git pull), its
        package grown to the kata the learner is at; say what changed."""
        fresh = not self.workspace.exists()
        changes = self.workspace.sync(self.start_at)
        if fresh:
            self.say(t("workspace_new", self.lang, path=self.work.name))
        self.say_changes(changes)
        self.reach(self.first_unsolved())

    def reach(self, kata):
        """The learner got to ``kata`` (a pass, next, start, a check of it): its definitions, and those of the
        katas before it, arrive in work/dezero (merged in; the learner's code stays)."""
        if kata is None:
            return
        changes = self.workspace.sync(kata.id)
        grown = [c for c in changes if c[0] in ("updated", "merged") and c[1].startswith(PACKAGE + "/")]
        if grown:
            self.say(t("workspace_grew", self.lang, id=kata.id, path=f"{self.work.name}/{PACKAGE}/",
                       files=", ".join(Path(path).name for _, path in grown)))
        self.say_changes([c for c in changes if c not in grown])

    def say_changes(self, changes):
        for kind, path in changes:
            self.say(t(f"workspace_{kind}", self.lang, path=f"{self.work.name}/{path}",
                       shipped=f"{self.root.name}/{path}", new=f"{self.work.name}/{path}{CONFLICT_SUFFIX}"))

    def file(self, kata, relative):
        """The learner's copy of one of a kata's files, in the workspace."""
        return self.workspace.kata_file(kata, relative)

    # -- what the learner writes
    @property
    def ladder(self):
        if self._ladder is None and self.with_reference:
            self._ladder = Ladder(all_katas())
        return self._ladder

    def owned(self, kata):
        """{path: [definitions]} that a package kata writes in dezero/."""
        if not kata.uses_package:
            return {}
        if self.ladder is not None:
            return self.ladder.owned_by(kata.id)
        try:
            table = json.loads((self.root / LADDER_FILE).read_text())["writes"]
        except (OSError, ValueError, KeyError):
            return {}
        return table.get(kata.id, {})

    def code_hash(self, kata):
        """A hash of the learner's own code for this kata: its files and its definitions in dezero/."""
        digest = hashlib.sha256()
        for relative in kata.files:
            digest.update(relative.encode() + b"\0" + _read_bytes(self.file(kata, relative)) + b"\0")
        for path, names in sorted(self.owned(kata).items()):
            text = _read_bytes(self.work / path).decode(errors="replace")
            digest.update(path.encode() + b"\0" + _definitions_text(text, names).encode() + b"\0")
        return digest.hexdigest()[:16]

    def solved(self, kata):
        return self.progress.data["passed"].get(kata.id) == self.code_hash(kata)

    def given(self, kata):
        """Before the kata the learner started at (``start``, or a release made ``--start-at``): not theirs to do."""
        return self.start_at is not None and kata.id < self.start_at

    def first_unsolved(self, after=None):
        return next((k for k in self.katas if (after is None or k.id > after) and not self.solved(k)
                     and not self.given(k)), None)

    # -- choosing katas
    def resolve(self, args):
        """Katas from arguments: ids, numbers (``17``, ``18`` for 18a and 18b), ``step 12``, paths; several at once."""
        args = [str(a) for a in args if str(a).strip()]
        if not args:
            here = self._kata_here()
            return [here] if here else []
        found, index = [], 0
        while index < len(args):
            word = args[index]
            if word.lower() in ("step", "단계") and index + 1 < len(args):
                found += self._by_step(args[index + 1])
                index += 2
                continue
            if word.lower().startswith("step") and word[4:].isdigit():
                found += self._by_step(word[4:])
            else:
                found += self._by_word(word)
            index += 1
        unique = []
        for kata in found:
            if kata not in unique:
                unique.append(kata)
        return unique

    def _kata_here(self):
        """Inside a kata folder, in katas/ or in the workspace (nox passes where it was started), that kata."""
        if self.invoked_from is None:
            return None
        return self._kata_of(self.invoked_from.resolve())

    def _kata_of(self, resolved):
        """The kata whose folder (in katas/ or in the workspace) holds the path ``resolved``, or None."""
        for kata in self.katas:
            for folder in (kata.directory.resolve(), self.workspace.kata_folder(kata).resolve()):
                if resolved == folder or folder in resolved.parents:
                    return kata
        return None

    def _by_word(self, word):
        path = Path(word)
        base = self.invoked_from or Path.cwd()
        for candidate in (path, base / path):
            if candidate.exists():
                kata = self._kata_of(candidate.resolve())
                if kata is not None:
                    return [kata]
        name = path.name if ("/" in word or os.sep in word) else word
        exact = [k for k in self.katas if k.id == name]
        if exact:
            return exact
        matches = [k for k in self.katas if k.number == name or k.id.startswith(name + "_")]
        number = name.lstrip("0")  # 1, 01 and 001 are kata 01; 18 is 18a and 18b
        matches = matches or [k for k in self.katas if number and k.number.rstrip("abcdefgh").lstrip("0") == number]
        matches = matches or [k for k in self.katas if name and k.id.startswith(name)]
        if matches:
            return matches
        if name.isdigit():
            return self._by_step(name)
        raise KataNotFound(t("no_kata_matches", self.lang, word=word, ids=", ".join(k.id for k in self.katas)))

    def _by_step(self, step):
        if not str(step).isdigit():
            raise KataNotFound(t("not_a_step", self.lang, word=step))
        number = int(step)
        exact = [k for k in self.katas if k.step == number]
        if exact:
            for kata in exact:
                self.say(t("step_is", self.lang, step=number, id=kata.id))
            return exact
        nearest = [k for k in self.katas if k.step < number]
        if not nearest:
            raise KataNotFound(t("step_no_kata", self.lang, step=number))
        kata = nearest[-1]
        self.say(t("step_is", self.lang, step=number, id=kata.id) + t("step_no_code", self.lang, step=number))
        return [kata]

    # -- checking
    def say(self, text=""):
        self.out.write(text + "\n")

    def grade(self, kata):
        """The kata's result on the learner's files, in whatever sandbox this machine offers."""
        from grader.grading.judging import Grader

        try:
            grader = Grader(katas=[kata], katas_root=self.root, unsealed=True, judge=self.judge,
                            ladder=self.ladder if kata.uses_package else None)
            result = grader.grade(self.work, name="you").katas[0]
        except (OSError, ImportError, RuntimeError) as error:
            why = t("grader_could_not_run", self.lang, type=type(error).__name__, error=error)
            raise ToolFault(t("run_doctor", self.lang, why=why)) from None
        tool = [test for test in result.tests if test.get("kind") == "tool"]
        if is_phrase(result.why, "judge_failed") or (tool and len(tool) == len(result.tests)):
            why = message(tool[0], self.lang) if tool else reason(result, self.lang)
            raise ToolFault(t("run_doctor", self.lang, why=why))
        return result

    def check(self, args=(), hint=True):
        """Check katas (default: the one you are in, else the first not done). 0 when all pass."""
        katas = self.resolve(args) or [self.first_unsolved()]
        if katas == [None]:
            self.say(t("every_kata_passes", self.lang))
            return 0
        code = 0
        for kata in katas:
            self.reach(kata)
            code = max(code, self.check_one(kata, hint))
        self.progress.save()
        return code

    def check_one(self, kata, hint=True):
        started = time.monotonic()
        try:
            result = self.grade(kata)
        except ToolFault as fault:
            self.say(t("tool_fault", self.lang, why=fault))
            return 2
        self.out.write(learner_view(kata, result, self.owned(kata), self.lang, where=self.work.name))
        self.learning.checked(kata.id, self.code_hash(kata), result)
        if result.passed:
            self.progress.data["passed"][kata.id] = self.code_hash(kata)
            following = self.first_unsolved(after=kata.id)
            if following:
                self.reach(following)
                self.say(t("next", self.lang, id=following.id))
            if self.with_reference:
                self.say(t("solution", self.lang, id=kata.id))
            if kata.id.startswith(("17", "18")):
                self.say(t("experiment", self.lang, id=kata.id))
        else:
            self.progress.data["passed"].pop(kata.id, None)
            failed = first_failure(result)
            if failed and failed.get("kind") == "import":
                self.say("\n" + t("fix_import", self.lang))
            elif hint:
                self.give_hint(kata, failed.get("test") if failed else None, asked=False)
        self.say(t("checked_in", self.lang, seconds=time.monotonic() - started))
        return 0 if result.passed else 1

    # -- hints
    def hints_for(self, kata, check):
        """The kata's hints for ``check`` (those that name it first, then the general ones)."""
        specific = [(i, h) for i, h in enumerate(kata.hints) if check and check in h.checks]
        general = [(i, h) for i, h in enumerate(kata.hints) if not h.checks]
        return specific + general

    def give_hint(self, kata, check, asked):
        """The next hint for the failing check; a new one only when asked, or when the code changed since."""
        state = self.progress.hints(kata.id)
        check = check or state.get("check")
        sequence = self.hints_for(kata, check)
        readme = f"katas/{kata.id}/{kata.readme(self.lang).name}"
        if not sequence:
            self.say(t("readme", self.lang, readme=readme))
            return
        unseen = [(i, h) for i, h in sequence if i not in state["seen"]]
        current = self.code_hash(kata)
        changed = state.get("code") != current
        if unseen and (asked or changed or state.get("check") != check):
            index, chosen = unseen[0]
            state["seen"].append(index)
            self.learning.hint_read(kata.id)
            repeat = False
        elif state.get("last") is not None and any(i == state["last"] for i, _ in sequence) and not asked:
            index, chosen = next((i, h) for i, h in sequence if i == state["last"])
            repeat = not changed  # "the same hint, your file has not changed": only when that is true
        else:
            self.say(t("no_hints", self.lang, readme=readme))
            return
        state.update(last=index, code=current, check=check)
        # Numbered in the order the learner read them: a hint first read for another check counts as read.
        ids = [i for i, _ in sequence]
        order = [i for i in state["seen"] if i in ids] + [i for i in ids if i not in state["seen"]]
        number = order.index(index) + 1
        key = "hint_same" if repeat else "hint"
        self.say("\n" + t(key, self.lang, number=number, total=len(sequence), text=chosen.say(self.lang)))
        remaining = [i for i, _ in sequence if i not in state["seen"]]
        self.say(t("hint_last", self.lang, readme=readme) if not remaining else t("hint_more", self.lang, id=kata.id))

    def hint(self, args=()):
        """``nox -s hint -- KATA``: the next hint for the check that failed last."""
        katas = self.resolve(args) or [self.first_unsolved()]
        if katas == [None]:
            self.say(t("every_kata_passes", self.lang))
            return 0
        for kata in katas:
            self.give_hint(kata, None, asked=True)
        self.progress.save()
        return 0

    # -- place and pace
    def show_progress(self):
        done = [k for k in self.katas if self.solved(k)]
        given = [k for k in self.katas if self.given(k) and k not in done]
        self.say(t("progress_title", self.lang, done=len(done), total=len(self.katas)))
        if given:
            self.say(t("progress_given", self.lang, count=len(given), id=self.start_at))
        for number, (first, last, titles) in enumerate(STAGES, 1):
            stage = [k for k in self.katas if first <= k.step <= last]
            if not stage:
                continue
            self.say("\n" + t("stage", self.lang, number=number, title=titles.get(self.lang, titles["en"])))
            for kata in stage:
                if kata in done:
                    mark, state = "[x]", t("done", self.lang)
                elif kata in given:
                    mark, state = "[=]", t("given", self.lang)
                elif kata.id in self.progress.data["passed"]:
                    mark, state = "[~]", t("changed", self.lang)
                else:
                    mark, state = "[ ]", t("todo", self.lang)
                self.say(f"  {mark} {kata.id:28} {kata.title_in(self.lang)}  ({state})")
        following = self.first_unsolved()
        self.say("\n" + (t("next_kata", self.lang, id=following.id) if following else t("every_kata_passes", self.lang)))
        chart = picture(self.learning, self.katas, self.lang, self.root.parent / ".kata-plots")
        if chart:
            self.say(chart)
        if self.with_reference:  # prediction katas need the catalogue of mistakes: the full repository only
            from grader.learner.predict import count

            made, total = count(self)
            if total:
                self.say(t("predict_progress", self.lang, made=made, total=total))
        return 0

    def reset(self, args, yes=False, stdin=None):
        """Restore a kata's stub, keeping the learner's version as a backup laid out like katas/.

        At a terminal it asks first (``--yes`` does not); it says where the backup is and
        the one command that brings it back.
        """
        katas = self.resolve(args)
        stdin = stdin or sys.stdin
        if katas and not yes and stdin.isatty():
            self.out.write(t("reset_ask", self.lang, ids=", ".join(k.id for k in katas)))
            self.out.flush()
            if stdin.readline().strip().lower() not in ("y", "yes", "예", "네"):
                self.say(t("reset_kept", self.lang))
                return 1
        for kata in katas:
            backup = self.root.parent / ".kata-backups" / f"{kata.id}-{time.strftime('%Y%m%d-%H%M%S')}"
            for relative in kata.files:
                current = self.file(kata, relative)
                if current.is_file():
                    (backup / kata.id / relative).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(current, backup / kata.id / relative)
                shipped = self.workspace.shipped(f"{kata.id}/{relative}")
                if shipped is not None:
                    current.write_text(shipped)
            for path, names in self.owned(kata).items():
                current, shipped = self.work / path, self.workspace.shipped(path)
                if not current.is_file() or shipped is None:
                    continue
                (backup / path).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(current, backup / path)
                current.write_text(_replace_definitions(current.read_text(), shipped, names, path))
            self.progress.data["passed"].pop(kata.id, None)
            self.progress.data["hints"].pop(kata.id, None)
            kept = backup.relative_to(self.root.parent).as_posix()
            self.say(t("reset_done", self.lang, id=kata.id, backup=kept,
                       restore=f"cp -R {kept}/. {self.work.name}/"))
        self.progress.save()
        return 0

    def solution(self, args):
        """The reference for a kata, and a diff with the learner's code, once the kata passes."""
        from grader.course.regions import reference_files

        if not self.with_reference:
            self.say(t("no_reference_solutions", self.lang))
            return 2
        for kata in self.resolve(args) or [None]:
            if kata is None or not self.solved(kata):
                self.say(t("solution_locked", self.lang, id=getattr(kata, "id", "KATA")))
                continue
            where = self.work.name
            theirs = {f"{where}/{kata.id}/{p}": text for p, text in reference_files(kata).items()}
            mine = {f"{where}/{kata.id}/{p}": _read_bytes(self.file(kata, p)).decode(errors="replace")
                    for p in kata.files}
            reference = self.ladder.reference(kata.id)
            for path, names in self.owned(kata).items():
                theirs[f"{where}/{path}"] = _definitions_text(reference[path], names)
                mine[f"{where}/{path}"] = _definitions_text(_read_bytes(self.work / path).decode(errors="replace"),
                                                            names)
            for path in theirs:
                self.say("\n" + t("solution_reference", self.lang, path=path))
                self.say(theirs[path].rstrip())
                diff = list(difflib.unified_diff(mine[path].splitlines(), theirs[path].splitlines(),
                                                 f"yours/{path}", f"reference/{path}", lineterm=""))
                self.say("\n" + t("solution_diff" if diff else "solution_same", self.lang))
                self.say("\n".join(diff))
        return 0

    def start(self, args):
        """Fill in the definitions of earlier package katas that are still as shipped."""
        if self.ladder is None:
            self.say(t("no_reference_to_start", self.lang))
            return 2
        katas = self.resolve(args)
        if katas:
            write_start(self.root, katas[-1].id)
        for kata in katas:
            self.reach(kata)  # its skeletons and the earlier katas' arrive in work/dezero first
            shipped = {path: self.workspace.shipped(path) for path in self.ladder.files}
            changes = self.ladder.start(kata.id, self.work, {p: t for p, t in shipped.items() if t is not None},
                                        self.workspace.as_reached)
            if not changes:
                self.say(t("nothing_to_start", self.lang, id=kata.id))
                continue
            count = 0
            for path, text in changes.items():
                before = _read_bytes(self.work / path).decode(errors="replace")
                count += _count_changed_definitions(before, text, path)
                (self.work / path).parent.mkdir(parents=True, exist_ok=True)
                (self.work / path).write_text(text)
            self.say(t("started", self.lang, id=kata.id, count=count,
                       files=", ".join(f"{self.work.name}/{p}" for p in sorted(changes))))
            self.say(t("next", self.lang, id=kata.id))
        return 0


# ---------------------------------------------------------------- the start point



def read_start(root, katas):
    """The kata id the learner started at, or None: the katas before it count as given, not as to do."""
    try:
        wanted = (Path(root).parent / START_FILE).read_text().strip()
    except (OSError, UnicodeDecodeError):
        return None
    return wanted if any(k.id == wanted for k in katas) else None


def write_start(root, kata_id):
    try:
        (Path(root).parent / START_FILE).write_text(kata_id + "\n")
    except OSError:
        pass  # a read-only checkout: the ladder starts at kata 01 as before


# ---------------------------------------------------------------- helpers

def _read_bytes(path):
    try:
        return Path(path).read_bytes()
    except OSError:
        return b""


def _definitions_text(text, names):
    """The source of the named definitions in ``text`` (the whole text for a whole-file kata)."""
    if "*" in names:
        return text
    try:
        found = definitions(parsed(text))
    except (SyntaxError, ValueError):
        return text  # not parseable: the whole file stands for it
    lines = text.splitlines()
    parts = []
    for name in sorted(names):
        node = definition(found, name)
        parts.append("\n".join(lines[node.start - 1:node.end]) if node else f"# {name}: not defined")
    return "\n\n".join(parts) + "\n"


def _replace_definitions(text, shipped, names, path):
    from grader.course.package import _replace_untouched

    if "*" in names:
        return shipped
    return _replace_untouched(text, set(names), shipped, path)


def _count_changed_definitions(before, after, path):
    try:
        old, new = definitions(parsed(before)), definitions(parsed(after))
    except SyntaxError:
        return 0
    a, b = before.splitlines(), after.splitlines()
    changed = 0
    for name, defs in new.items():
        mine = definition(old, name)
        if mine is None or a[mine.start - 1:mine.end] != b[defs[-1].start - 1:defs[-1].end]:
            changed += "." not in name or definition(old, name.rsplit(".", 1)[0]) is not None
    return changed


# ---------------------------------------------------------------- doctor

def seal_text(seal, lang=None):
    """What the sandbox (``sandbox.probe()``) offers, in the learner's language; what the probe found stays as the
    kernel and the probe say it."""
    return t(f"seal_{seal.mode}", lang) + (f": {seal.detail}" if seal.detail else "")


def doctor(out=None, root=KATAS, lang=None):
    """Check what the katas need on this machine and say exactly what to fix. 0 when all is well."""
    import importlib
    import platform
    import shutil as shell

    from grader.sealed import sandbox

    out = out or sys.stdout
    lang = lang or language()
    problems = 0

    def report(ok, what, fix=""):
        nonlocal problems
        problems += not ok
        mark = t("doctor_ok" if ok else "doctor_fix", lang)
        out.write(f"  {mark}  {what}" + (f"\n         -> {fix}" if fix and not ok else "") + "\n")

    out.write(t("doctor_title", lang, system=f"{platform.system()} {platform.machine()}",
                version=platform.python_version(), python=sys.executable) + "\n")
    report((3, 10) <= sys.version_info[:2] <= (3, 13), f"Python {platform.python_version()}",
           t("doctor_python_fix", lang))
    for name, package in (("numpy", "numpy"), ("pytest", "pytest"), ("pytest_timeout", "pytest-timeout"),
                          ("memory_profiler", "memory_profiler")):
        try:
            module = importlib.import_module(name)
            report(True, f"{package} {getattr(module, '__version__', '')}".rstrip())
        except ImportError:
            report(False, t("doctor_missing", lang, package=package),
                   t("doctor_install", lang, command=f"{sys.executable} -m pip install {package}"))
    seal = sandbox.probe()
    report(True, t("doctor_sandbox", lang, mode=seal_text(seal, lang)))
    if seal.mode == "uid":
        import tempfile

        folder = tempfile.gettempdir()
        report(os.stat(folder).st_mode & 0o011 == 0o011, t("doctor_tmp", lang, folder=folder),
               t("doctor_tmp_fix", lang, folder=folder))
    if not seal.sealed:
        out.write("         " + t("doctor_unsealed", lang) + "\n")
    report(root.is_dir() and (root / PACKAGE).is_dir(), t("doctor_katas", lang, path=root), t("doctor_katas_fix", lang))
    progress = root.parent / ".kata-progress.json"
    writable = os.access(progress if progress.exists() else root.parent, os.W_OK)
    report(writable, t("doctor_progress", lang, path=progress), t("doctor_progress_fix", lang))
    dot = shell.which("dot")
    report(True, t("doctor_dot", lang, path=dot) if dot else t("doctor_no_dot", lang))
    try:
        importlib.import_module("cupy")
        report(True, t("doctor_cupy", lang))
    except ImportError:
        report(True, t("doctor_no_cupy", lang))
    out.write("  " + t("doctor_ok", lang) + "  " + t("doctor_language", lang, language=lang) + "\n")
    out.write((t("doctor_all_good", lang) if not problems else t("doctor_problems", lang, count=problems)) + "\n")
    return 0 if not problems else 1
