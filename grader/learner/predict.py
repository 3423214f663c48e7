"""Prediction katas: read a realistic mistake, predict which checks it fails, then see the real result.

The mistakes are the project's mutant catalogue (each kata's ``hidden/mutants.py``: old text, new text,
what it is). One is applied to the reference of a kata and shown as a diff; the learner names the
public checks they expect to fail; then the mutated code is graded live, by the normal grader in a
temporary folder (sealed where this machine allows, as ``check``), and shown as ``check`` shows it,
with what the mistake was and how good the prediction was.

Only in the full repository: the catalogue lives in each kata's ``hidden/`` folder and the reference in
``solutions/``, and a learners' release ships neither. The diff shows reference code, so a kata's mistakes
open once that kata passes or was given by ``start`` (the rule of ``nox -s solution``). Predictions made are
kept in ``.kata-progress.json`` (by the mistake's description) and counted in ``progress``, never in grades.
"""

import difflib
import re
import sys
import tempfile
from pathlib import Path

from grader.i18n import t
from grader.grading.render import by_check, in_language, is_hidden, learner_view
from grader.course.katas import all_katas
from grader.course.regions import reference_files


def catalogue():
    """{kata id: [(old, new, description), ...]} from each kata's hidden/mutants.py, in their order; {} without
    them (a learners' copy)."""
    found = {}
    for kata in all_katas():
        mistakes = kata.mistakes()
        if mistakes is not None and mistakes.MUTANTS:
            found[kata.id] = list(mistakes.MUTANTS)
    return found


def reference_of(kata, ladder):
    """Submission paths -> text that a perfect submission of ``kata`` holds: its files, then the package."""
    files = {f"{kata.id}/{path}": text for path, text in reference_files(kata).items()}
    if kata.uses_package and ladder is not None:
        files.update(ladder.reference())
    return files


def apply_mistake(kata, ladder, old, new):
    """(the reference files, the files the mistake changes), each submission path -> text.

    Each replacement goes to the first file holding its old text: the kata's own files first, then the
    package files the kata writes, then the rest (as the catalogue's tests apply it).
    """
    files = reference_of(kata, ladder)
    owned = set(ladder.owned_by(kata.id)) if kata.uses_package and ladder is not None else set()
    pairs = [(old, new)] if isinstance(old, str) else list(zip(old, new))
    changed = {}
    for before, after in pairs:
        current = {**files, **changed}
        order = sorted(current, key=lambda p: (not p.startswith(kata.id + "/"), p not in owned, p))
        path = next((p for p in order if before in current[p]), None)
        if path is None:
            raise ValueError(f"{kata.id}: a mistake of the catalogue no longer applies to the reference")
        changed[path] = current[path].replace(before, after, 1)
    return files, changed


def diff_text(files, changed):
    """The mistake as a unified diff of the reference, three lines of context, paths as the learner sees them."""
    lines = []
    for path in sorted(changed):
        lines += difflib.unified_diff(files[path].splitlines(), changed[path].splitlines(),
                                      f"reference/katas/{path}", f"mistake/katas/{path}", lineterm="")
    return "\n".join(lines)


def grade_mistake(kata, ladder, files, changed):
    """The kata's result on the reference with the mistake, graded in a temporary folder shaped like katas/."""
    from grader.grading.judging import Grader

    with tempfile.TemporaryDirectory(prefix="kata-predict-") as folder:
        for path, text in {**files, **changed}.items():
            target = Path(folder) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
        grader = Grader(katas=[kata], unsealed=True, ladder=ladder if kata.uses_package else None)
        return grader.grade(Path(folder), name="mistake").katas[0]


def parse_answer(text, count):
    """The check numbers in ``text`` ("1,3", "1 3", "" for none); None when one is not a check's number."""
    words = [w for w in re.split(r"[\s,;]+", text.strip()) if w]
    if not all(w.isdigit() and 1 <= int(w) <= count for w in words):
        return None
    return {int(w) for w in words}


def predicted(learner):
    """{kata id: [descriptions of the mistakes predicted]} from the progress file."""
    found = learner.progress.data.get("predicted")
    if not isinstance(found, dict):
        found = learner.progress.data["predicted"] = {}
    return found


def count(learner, mistakes=None):
    """(mistakes predicted, mistakes in the catalogue) for ``progress``."""
    mistakes = catalogue() if mistakes is None else mistakes
    done = predicted(learner)
    total = sum(len(entries) for entries in mistakes.values())
    made = sum(1 for kata_id, entries in mistakes.items() for _, _, what in entries if what in done.get(kata_id, []))
    return made, total


def predict(learner, args, answer=None, mutant=None, stdin=None):
    """``nox -s predict -- KATA [--answer 1,3] [--mutant N]``: 0 when a prediction was made and scored."""
    lang, say = learner.lang, learner.say
    mistakes = catalogue() if learner.with_reference else {}
    if not mistakes:
        say(t("predict_unavailable", lang))
        return 2
    katas = learner.resolve(args)
    if not katas:
        say(t("predict_which", lang))
        return 2
    code = 0
    for kata in katas:
        code = max(code, predict_one(learner, kata, mistakes.get(kata.id, []), answer, mutant, stdin or sys.stdin))
    learner.progress.save()
    return code


def predict_one(learner, kata, entries, answer, mutant, stdin):
    lang, say = learner.lang, learner.say
    if not entries:
        say(t("predict_none", lang, id=kata.id))
        return 2
    if not (learner.solved(kata) or learner.given(kata)):
        say(t("predict_locked", lang, id=kata.id))
        return 1
    done = predicted(learner).setdefault(kata.id, [])
    if mutant is not None and not 1 <= mutant <= len(entries):
        say(t("predict_no_mutant", lang, number=mutant, id=kata.id, total=len(entries)))
        return 2
    if mutant is None:  # the next one not yet predicted; after the last, from the first again
        mutant = next((n for n, (_, _, what) in enumerate(entries, 1) if what not in done), 1)
    old, new, description = entries[mutant - 1]
    try:
        files, changed = apply_mistake(kata, learner.ladder, old, new)
    except ValueError as error:  # the reference changed since the mistake was written: the catalogue's fault
        say(t("tool_fault", lang, why=f"{error} (mistake {mutant}: try --mutant {mutant % len(entries) + 1})"))
        return 2
    say("\n" + t("predict_header", lang, id=kata.id, title=kata.title_in(lang), number=mutant, total=len(entries)))
    say(diff_text(files, changed))
    try:
        result = grade_mistake(kata, learner.ladder, files, changed)
    except (OSError, ImportError, RuntimeError) as error:
        say(t("tool_fault", lang, why=f"the grader could not run ({type(error).__name__}: {error}); run: nox -s doctor"))
        return 2
    checks = [cases for cases in by_check(result.tests) if not is_hidden(cases[0])]
    say("\n" + t("predict_checks", lang))
    for number, cases in enumerate(checks, 1):
        say(f"  {number:2}. {in_language(cases[0], 'doc', lang)}")
    if answer is None:
        if not stdin.isatty():
            say(t("predict_needs_answer", lang, id=kata.id))
            return 2
        while (chosen := parse_answer(_ask(learner, stdin, t("predict_ask", lang)), len(checks))) is None:
            say(t("predict_bad_answer", lang, count=len(checks)))
        _ask(learner, stdin, t("predict_why", lang))  # for the learner's own thinking: not scored
    else:
        chosen = parse_answer(answer, len(checks))
        if chosen is None:
            say(t("predict_bad_answer", lang, count=len(checks)))
            return 2
    failing = {number for number, cases in enumerate(checks, 1)
               if any(test.get("outcome") != "passed" for test in cases)}
    say("\n" + t("predict_real", lang))
    learner.out.write(learner_view(kata, result, learner.owned(kata), lang))
    say("\n" + t("predict_mistake", lang, what=description))
    say(t("predict_failing", lang, numbers=", ".join(map(str, sorted(failing))) or "-"))
    say(t("predict_score", lang, hit=len(chosen & failing), failing=len(failing), wrong=len(chosen - failing)))
    if description not in done:
        done.append(description)
    return 0


def _ask(learner, stdin, question):
    learner.out.write(question)
    learner.out.flush()
    return stdin.readline()
