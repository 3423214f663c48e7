"""Learning data: the learner's own record of how each kata went. Opt-in, off by default.

With it on (``nox -s learning -- on``), every check records, per kata: when it was first tried,
when it first passed, how many checks ran on changed code until then, how many hints were read,
and the names of the checks that failed on the way. Nothing else: no user name, no host name, no
path. It lives in the learner's workspace, ``work/.kata-learning.json`` (ignored by git), so that a
submission, a folder shaped like the workspace, may carry it. With it off, or with no such file, nothing is ever written.

Grading reads a submitted file as untrusted data (``for_result``): size-limited, parsed, every
number bounded and every check name one the kata really has. It only ever fills a result's
``learning`` dict, which the class report's learning table reads; a score never looks at it.
"""

import datetime
import json
import time
from pathlib import Path

from grader.i18n import t
from grader.limits import LIMITS

FILE = ".kata-learning.json"  # inside work/: a submission is a folder shaped like the workspace
MAX_BYTES = LIMITS.learning_file_kb * 1024
STAMP = "%Y-%m-%dT%H:%M:%SZ"  # UTC, to the second
MAX_COUNT = 10_000             # attempts, or failures of one check: more is not a learner's record
MAX_MINUTES = 366 * 24 * 60    # a year: longer than any course


class Learning:
    """The learning file of one katas folder; every method but ``switch`` does nothing while it is off."""

    def __init__(self, root, clock=time.time):
        self.path = Path(root) / FILE
        self.clock = clock
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = None
        if not isinstance(self.data, dict) or not isinstance(self.data.get("katas"), dict):
            self.data = None  # no file, or one we cannot read: off, and left alone

    @property
    def on(self):
        return self.data is not None and self.data.get("recording") is True

    def switch(self, on):
        """Turn recording on or off; off keeps what was recorded (``delete`` removes it)."""
        if self.data is None and not on:
            return
        self.data = self.data or {"katas": {}}
        self.data["recording"] = bool(on)
        self._save()

    def delete(self):
        """Remove the file: True when there was one."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        self.data = None
        return True

    def checked(self, kata_id, code, result):
        """One check of a kata: an attempt when its code changed since the last, until it first passes."""
        entry = self._entry(kata_id)
        if entry is None or entry.get("code") == code:
            return
        entry["code"] = code  # a hash of the learner's code: says "changed", not what it was
        entry["attempts"] = entry.get("attempts", 0) + 1
        if result.passed:
            entry["passed_at"] = self._now()
        failed = entry.setdefault("failed_checks", {})
        for name in sorted({check_name(test) for test in result.tests if test.get("outcome") != "passed"}):
            failed[name] = failed.get(name, 0) + 1
        self._save()

    def hint_read(self, kata_id):
        """A hint read for the first time, before the kata passed."""
        entry = self._entry(kata_id)
        if entry is not None:
            entry["hints_shown"] = entry.get("hints_shown", 0) + 1
            self._save()

    def _entry(self, kata_id):
        """The kata's record to update, or None: off, or the kata passed already (its record is complete)."""
        if not self.on:
            return None
        entry = self.data["katas"].setdefault(kata_id, {})
        if entry.get("passed_at"):
            return None
        entry.setdefault("first_try", self._now())
        return entry

    def _now(self):
        return time.strftime(STAMP, time.gmtime(self.clock()))

    def _save(self):
        try:
            self.path.write_text(json.dumps(self.data, indent=1, sort_keys=True), encoding="utf-8")
        except OSError:
            pass  # a read-only checkout: the check's report matters more than its record


def check_name(test):
    """A check's name without its parameters: ``test_twice[2]`` and ``test_twice[3]`` are one check."""
    return str(test.get("test") or "").split("[", 1)[0]


def minutes_between(first, last):
    """Minutes from one time stamp to another, or None unless both are well-formed and in order."""
    try:
        start, end = (datetime.datetime.strptime(str(s), STAMP) for s in (first, last))
    except ValueError:
        return None
    minutes = (end - start).total_seconds() / 60
    return round(minutes, 1) if 0 <= minutes <= MAX_MINUTES else None


def _count(value, top):
    """A whole number from 0 to ``top``, or None: a forged file's strings, floats, bools and absurd values."""
    return value if type(value) is int and 0 <= value <= top else None


# ---------------------------------------------------------------- grading: a submitted file, untrusted

def parse_submitted(data):
    """The ``katas`` table of a submitted learning file's bytes, or {} (too large, not JSON, not shaped right)."""
    if data is None or len(data) > MAX_BYTES:
        return {}
    try:
        parsed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    table = parsed.get("katas") if isinstance(parsed, dict) else None
    return table if isinstance(table, dict) else {}


def for_result(table, kata, result):
    """The ``learning`` dict for one kata's result (the keys class_report.LEARNING reads), or None.

    Only what can be checked is kept: counts bounded (hints by the kata's own number of hints),
    minutes only for a kata that passed, failed checks only by names of checks the kata has.
    """
    entry = table.get(kata.id)
    if not isinstance(entry, dict):
        return None
    found = {"attempts": _count(entry.get("attempts"), MAX_COUNT),
             "hints_used": _count(entry.get("hints_shown"), len(kata.hints)),
             "minutes_to_pass": minutes_between(entry.get("first_try"), entry.get("passed_at"))
             if result.passed else None}
    names = {check_name(test) for test in result.tests}
    failed = entry.get("failed_checks")
    if isinstance(failed, dict):
        kept = {name: count for name, count in failed.items()
                if name in names and _count(count, MAX_COUNT)}
        found["failed_checks"] = dict(sorted(kept.items()))
    found = {key: value for key, value in found.items() if value is not None and value != {}}
    return found or None


# ---------------------------------------------------------------- the picture (nox -s progress)

BAR = 20  # the longest bar, in characters


def rows(learning, katas):
    """(kata id, attempts, minutes to pass or None, hints read) for each kata with a record, in ladder order."""
    table = learning.data["katas"] if learning.data else {}
    found = []
    for kata in katas:
        entry = table.get(kata.id)
        if isinstance(entry, dict):
            found.append((kata.id, _count(entry.get("attempts"), MAX_COUNT) or 0,
                          minutes_between(entry.get("first_try"), entry.get("passed_at")),
                          _count(entry.get("hints_shown"), MAX_COUNT) or 0))
    return found


def _bar(value, top):
    return "#" * max(1, round(BAR * value / top)) if value else ""


def picture(learning, katas, lang, plots=None):
    """The learning data as text bars (attempts, minutes to pass), and as a PNG in ``plots`` when matplotlib is here."""
    found = rows(learning, katas)
    if not found:
        return ""
    most = max(r[1] for r in found) or 1
    longest = max([r[2] for r in found if r[2]] + [1])
    lines = ["", t("learning_title", lang, state=t("learning_on" if learning.on else "learning_off", lang)),
             f"  {'':26} {t('learning_attempts', lang):>{BAR + 5}}  {t('learning_minutes', lang):>{BAR + 7}}  "
             f"{t('learning_hints', lang)}"]
    for kata_id, attempts, minutes, hints in found:
        time_text = f"{_bar(minutes, longest):{BAR}} {minutes:6g}" if minutes is not None else \
            f"{t('learning_not_yet', lang):>{BAR + 7}}"
        lines.append(f"  {kata_id:26} {_bar(attempts, most):{BAR}} {attempts:4}  {time_text}  {hints}")
    png = _png(found, plots) if plots else None
    if png:
        lines.append(t("learning_png", lang, path=png))
    return "\n".join(lines)


def _png(found, folder):
    """The same two bar charts as a PNG, or None where matplotlib is not installed (or cannot draw)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except Exception:
        return None
    try:
        names = [r[0] for r in found][::-1]
        figure, (left, right) = plt.subplots(1, 2, figsize=(10, 1 + 0.35 * len(found)), sharey=True)
        left.barh(names, [r[1] for r in found][::-1], color="#1f5fa8")
        left.set_xlabel("checks on changed code (attempts)")
        right.barh(names, [r[2] or 0 for r in found][::-1], color="#1f5fa8")
        right.set_xlabel("minutes to pass (0: not yet)")
        figure.tight_layout()
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "learning.png"
        figure.savefig(path)
        plt.close(figure)
        return path
    except Exception:
        return None  # the text chart is the picture that counts


def command(learner, action):
    """``nox -s learning -- on|off|show|delete``: 0, or 2 for an unknown action."""
    learning = learner.learning
    shown = f"{learner.work.name}/{FILE}"  # the workspace (work/) holds it
    if action == "on":
        learning.switch(True)
        learner.say(t("learning_now_on", learner.lang, path=shown))
    elif action == "off":
        learning.switch(False)
        learner.say(t("learning_now_off", learner.lang, path=shown))
    elif action == "delete":
        learner.say(t("learning_deleted" if learning.delete() else "learning_none", learner.lang, path=shown))
    elif action == "show":
        learner.say(t("learning_now_on" if learning.on else "learning_now_off", learner.lang, path=shown))
        chart = picture(learning, learner.katas, learner.lang, learner.root.parent / ".kata-plots")
        if chart:
            learner.say(chart)
    else:
        learner.say("nox -s learning -- on | off | show | delete")
        return 2
    return 0
