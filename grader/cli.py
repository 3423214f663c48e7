"""``python -m grader COMMAND``: what the nox sessions call. Run with ``-h`` for the commands."""

import argparse
import json
import os
import shlex
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from grader import KATAS, ROOT, WORKSPACE
from grader.grading import render, reports
from grader.course.katas import KataNotFound, all_katas, find
from grader.i18n import LANGUAGES, t
from grader.grading.batch import (BELOW_GATE, CANNOT_SEAL, GRADED, INTERRUPTED, NOT_GRADED, USAGE, NotASubmission,
                                  Progress, attach_learning, class_reports, default_jobs, mark_untouched,
                                  refresh_class_report,
                                  report_language, resolve_submission, shard_of, unique_names)


def _here(args):
    """The folder the user ran the command from (nox runs sessions from the noxfile's folder)."""
    return Path(args.invoked_from or os.getcwd())


def _resume_command(args):
    """The command that resumes this run, as the user can paste it."""
    if args.command_line:
        return args.command_line
    command = shlex.join([sys.executable, "-m", "grader", *args.argv])
    return command if Path.cwd() == ROOT else f"cd {shlex.quote(str(ROOT))} && {command}"


def grade(args):
    """Grade submissions in parallel; write each one's reports as it finishes, then the class's."""
    from grader.grading.judging import Grader, SealUnavailable
    from grader.learner.commands import seal_text

    katas = all_katas()
    lang = report_language(args.lang)
    here = _here(args)
    out = here / (args.out or "graded")
    own = ROOT / WORKSPACE if (ROOT / WORKSPACE).is_dir() else KATAS  # no path: your own work
    given = sorted((here / p for p in args.submissions), key=lambda p: (Path(os.path.abspath(p)).name, str(p))) or [own]
    names = unique_names(given) if args.submissions else [own.name]
    entries, missing = [], []
    for name, path in zip(names, given):
        try:
            entries.append((name, resolve_submission(path, katas, lang), None))
        except NotASubmission as error:
            if os.path.lexists(path):
                entries.append((name, None, str(error)))  # one student's link or empty repository: listed
            else:
                missing.append(str(error))  # a typo in the command
    if missing:
        print(f"nox -s grade: {t('grade_nothing_given', lang, error=missing[0])}", file=sys.stderr)
        return USAGE
    entries.sort(key=lambda entry: entry[0])
    if args.shard:
        index, count = args.shard
        entries = entries[index - 1::count]  # by name, so every machine takes the same share
    chosen = [(name, path) for name, path, error in entries if error is None]
    refused = {name: f"refused: {error}" for name, _, error in entries if error is not None}
    if refused and not chosen:
        for error in refused.values():
            print(f"nox -s grade: {t('grade_nothing', lang, error=error)}", file=sys.stderr)
        return USAGE
    try:
        grader = Grader(katas=katas, cache_dir=None if args.no_cache else out / ".cache", seed=args.seed,
                        unsealed=args.unsealed)
    except SealUnavailable as error:
        print(f"nox -s grade: {error}", file=sys.stderr)
        return CANNOT_SEAL
    out.mkdir(parents=True, exist_ok=True)
    shard = t("grade_shard", lang, index=args.shard[0], shards=args.shard[1]) if args.shard else ""
    print(t("grade_start", lang, count=len(chosen), shard=shard, seal=seal_text(grader.seal, lang)), file=sys.stderr)
    progress = Progress(len(chosen))
    results, not_graded = {}, dict(refused)
    for name, why in refused.items():
        print(f"{name}: {reports.printable(why)}", file=sys.stderr)
        try:
            reports.write_not_graded(name, why, out)
        except Exception:
            pass  # the gradebook and summary still name it
    executor = ThreadPoolExecutor(max_workers=args.jobs or default_jobs())
    try:
        paths = dict(chosen)
        futures = {executor.submit(grader.grade, path, name): name for name, path in chosen}
        for future in as_completed(futures):
            name = futures[future]
            try:
                result = future.result()
                mark_untouched(result, paths[name], katas, grader)
                attach_learning(result, paths[name], katas)
                reports.write_submission(result, out, lang)
                results[name] = result
            except Exception as error:  # one submission never takes the batch down
                not_graded[name] = f"could not be graded: {type(error).__name__}: {error}"
                print(f"\n{name}: {reports.printable(not_graded[name])}", file=sys.stderr)
                try:
                    reports.write_not_graded(name, not_graded[name], out)
                except Exception:
                    pass  # the gradebook and summary still name it
            progress.step(name)
    except KeyboardInterrupt:
        grader.stop()
        executor.shutdown(wait=False, cancel_futures=True)
        print("\n" + t("grade_interrupted", lang, done=len(results), total=len(chosen), out=reports.printable(out))
              + f"\n  {_resume_command(args)}", file=sys.stderr)
        return INTERRUPTED
    executor.shutdown()
    return class_reports(list(results.values()), not_graded, katas, out, args, sealed=grader.seal.sealed)


def merge(args):
    """Combine the outputs of ``grade --shard`` runs into the reports one run would have written."""
    katas = all_katas()
    lang = report_language(args.lang)
    here = _here(args)
    out = here / args.out
    if any(out.resolve() == (here / o).resolve() for o in args.outputs):
        print(f"merge: {t('merge_out_is_shard', lang)}", file=sys.stderr)
        return USAGE
    graded, not_graded, seen = [], {}, {}
    for folder in (here / o / "submissions" for o in args.outputs):
        if not folder.is_dir():
            print(f"merge: {t('merge_no_folder', lang, path=reports.printable(folder))}", file=sys.stderr)
            return USAGE
        for sub in sorted(folder.iterdir()):
            if sub.name in seen:
                print("merge: " + t("merge_twice", lang, name=reports.printable(sub.name),
                                    first=reports.printable(seen[sub.name]), second=reports.printable(folder)),
                      file=sys.stderr)
                return USAGE
            seen[sub.name] = folder
            if (sub / reports.NOT_GRADED).is_file():
                not_graded[sub.name] = (sub / reports.NOT_GRADED).read_text(encoding="utf-8").strip()
                continue
            try:
                graded.append(reports.read_submission(sub))
            except (OSError, ValueError, KeyError, TypeError) as error:  # a shard stopped while writing it
                not_graded[sub.name] = t("merge_incomplete", lang, type=type(error).__name__)
    seeds = {sub.seed for sub in graded}
    if len(seeds) > 1:
        print("merge: " + t("merge_seeds", lang, seeds=", ".join(map(str, sorted(seeds)))), file=sys.stderr)
        return USAGE
    for name, folder in seen.items():
        shutil.copytree(folder / name, out / "submissions" / name, dirs_exist_ok=True)
    return class_reports(graded, not_graded, katas, out, args, sealed=all(s.seal == "sealed" for s in graded))


def race(args):
    """Race each submission's own DeZero against the reference (grader/grading/racing.py): an accepted race
    writes a signed receipt under OUT/submissions/<name>/, a rejected one says why; then the leaderboard."""
    from grader.course.races import RaceNotFound, find_races
    from grader.grading import racing
    from grader.grading.judging import seal_advice
    from grader.i18n import language, say
    from grader.learner.commands import seal_text
    from grader.sealed import sandbox

    lang = language()  # a learner races their own package: their language, like check
    katas = all_katas()
    here = _here(args)
    out = here / (args.out or "graded")
    try:
        races = find_races(args.race)
    except RaceNotFound as error:
        print(f"nox -s race: {error}", file=sys.stderr)
        return USAGE
    given = sorted(here / p for p in args.submissions) or [ROOT]  # no path: your own work
    try:
        paths = [resolve_submission(path, katas, lang) for path in given]
    except NotASubmission as error:
        print(f"nox -s race: {t('race_nothing', lang, error=error)}", file=sys.stderr)
        return USAGE
    names = unique_names(given) if args.submissions else [paths[0].name]
    seal = sandbox.probe()
    if not seal.sealed and not args.unsealed:
        print(f"nox -s race: {seal_advice(seal, lang)}", file=sys.stderr)
        return CANNOT_SEAL
    print(t("race_start", lang, count=len(paths), races=", ".join(r.workload_name for r in races),
            size=t("race_test_sizes", lang) if args.small else "", seal=seal_text(seal, lang)), file=sys.stderr)
    rejected = 0
    try:
        racer = racing.Racer(seal)
        try:
            for chosen in races:
                for name, path in zip(names, paths):
                    outcome = racer.race(chosen, path, name, small=args.small, runs=args.runs)
                    racing.write_receipt(out, outcome)
                    rejected += not outcome.accepted
                    print(racing.outcome_text(outcome, lang))
        finally:
            racer.close()
    except racing.RaceError as error:
        print(f"nox -s race: {say(error.said, lang)}", file=sys.stderr)
        return NOT_GRADED
    print(racing.leaderboard_text(racing.leaderboard(out), lang))
    refresh_class_report(out, katas, lang)
    return BELOW_GATE if rejected else GRADED


def _learner(args):
    from grader.learner.commands import Learner

    return Learner(invoked_from=args.invoked_from)


def check(args):
    return _learner(args).check(args.katas)


def watch(args):
    from grader.learner.watch import watch as watch_loop

    return watch_loop(_learner(args), args.katas)


def hint(args):
    return _learner(args).hint(args.katas)


def progress(args):
    return _learner(args).show_progress()


def reset(args):
    return _learner(args).reset(args.katas, yes=args.yes)


def solution(args):
    return _learner(args).solution(args.katas)


def learning(args):
    """``nox -s learning -- on|off|show|delete``: the learner's own, opt-in learning data (grader/grading/learning.py)."""
    from grader.grading.learning import command

    return command(_learner(args), args.action)


def start(args):
    return _learner(args).start(args.katas)


def predict(args):
    """A realistic mistake in a kata's reference: predict which checks fail, then see (grader/learner/predict.py)."""
    from grader.learner.predict import predict as run

    return run(_learner(args), args.katas, answer=args.answer, mutant=args.mutant)


def debug(args):
    """A kata's public checks in one ordinary process, where breakpoint(), pdb and print work (grader/learner/debug.py)."""
    from grader.learner.debug import run

    learner = _learner(args)
    katas = learner.resolve(args.katas) or [learner.first_unsolved()]
    if katas == [None]:
        katas = learner.katas[-1:]
    for kata in katas:
        learner.reach(kata)  # a kata ahead of the learner: its definitions arrive in work/dezero first
    return run(learner.root, katas, pdb=args.pdb, work=learner.work)


def run_program(args):
    """The kata's book program on the learner's code, plots saved under .kata-plots/ (grader/learner/runner.py)."""
    from grader.learner.runner import run

    learner = _learner(args)
    katas = learner.resolve(args.katas) or [learner.first_unsolved()]
    if katas == [None]:
        katas = learner.katas[-1:]
    code = 0
    for kata in katas:
        code = max(code, run(learner, kata, cwd=args.invoked_from))
    return code


def own(args):
    """Your own DeZero: the book's step programs on your package, against the reference."""
    from grader.course.generate import complete_reference
    from grader.learner.commands import Learner
    from grader.learner.own import compare_all

    learner = Learner(invoked_from=args.invoked_from)
    only = {k.id for k in learner.resolve(args.katas)} if args.katas else None
    print(t("own_title", learner.lang, path=f"{learner.work.name}/dezero") + "\n")
    reference = complete_reference() if learner.with_reference else None
    return compare_all(learner.katas, learner.work, reference, only=only, lang=learner.lang)


def doctor(args):
    from grader.learner.commands import doctor as run_doctor

    return run_doctor()


def experiment(args):
    from grader.learner import experiment as book
    from grader.course.generate import complete_reference
    from grader.learner.commands import Learner

    learner = Learner()
    for kata in learner.resolve([args.kata]):
        module = kata.module
        print(t("experiment_title", learner.lang, path=f"{learner.work.name}/{kata.id}/{kata.files[0] if kata.files else ''}",
                iterations=book.ITERATIONS, size=f"{book.SIZE:.0e}") + "\n")
        reference = complete_reference() if learner.with_reference else None
        plot = ROOT / ".kata-plots" / f"experiment-{kata.id}.svg"
        book.run(learner.workspace.kata_folder(kata), module, reference=reference, plot=plot, kata=kata.id,
                 lang=learner.lang)
    return 0


def stubs(args):
    """Write (or, with --check, compare) every file generated from solutions/."""
    from grader.course.generate import generated

    stale = []
    for path, text in generated().items():
        if args.check:
            if not path.is_file() or path.read_text() != text:
                stale.append(str(path.relative_to(ROOT)))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print("files differ from what solutions/ generates (run: python -m grader stubs):\n  " + "\n  ".join(stale))
        return 1
    return 0


def new_kata(args):
    """Scaffold a kata's folder (grader/course/scaffold.py) and say what to do outside it."""
    from grader.course.scaffold import ScaffoldError, new_kata as scaffold

    try:
        written, steps = scaffold(args.kata_id, args.step, args.title, args.title_ko, args.package or None)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 2
    print("Written:\n  " + "\n  ".join(str(path.relative_to(ROOT)) for path in written))
    print("\n".join(steps))
    return 0


def reference(args):
    """Write the reference solutions shaped as a submission (to check a grading setup end to end)."""
    from grader.course.generate import reference_submission

    out = Path(args.out)
    for path, text in reference_submission().items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text)
    print(out)
    return 0


def list_katas(args):
    if args.markdown:
        from grader.course.generate import kata_table

        print(kata_table())
        return 0
    for kata in all_katas():
        specs = ", ".join(p.name for p, _ in kata.spec_files())
        print(f"{kata.id:26} step {kata.step:2}  {kata.points:3} pts  {kata.title}  [{specs}]")
    return 0


def release(args):
    from grader.course.release import build_release

    try:
        start_at = find(args.start_at).id if args.start_at else None
    except KataNotFound as error:
        print(error, file=sys.stderr)
        return 2
    print(build_release(Path(args.out), start_at=start_at))
    return 0


def gradescope_zip(args):
    from grader.course.release import build_gradescope

    print(build_gradescope(Path(args.out)))
    return 0


def gradescope_environment():
    """Why this container cannot grade (a Python or a package the grader cannot use), or None.

    Checked before grading: without pytest-timeout every kata would fail "not your code's fault",
    and the student would see 0 as their score.
    """
    if not (3, 10) <= sys.version_info[:2] <= (3, 13):
        return f"Python {sys.version.split()[0]} runs the grader, which needs 3.10 to 3.13"
    from importlib.metadata import PackageNotFoundError, version

    from packaging.requirements import Requirement  # pytest's own dependency

    from grader.course.katas import tomllib

    wrong = []
    for line in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]:
        wanted = Requirement(line)
        if wanted.name == "nox" or (wanted.marker and not wanted.marker.evaluate()):
            continue  # nox runs the learners' sessions, never the grader
        try:
            found = version(wanted.name)
        except PackageNotFoundError:
            wrong.append(f"{wanted.name} is not installed")
            continue
        if not wanted.specifier.contains(found, prereleases=True):
            wrong.append(f"{wanted.name} {found} does not satisfy {wanted}")
    return "; ".join(wrong) or None


def gradescope_run(args):
    """Inside a Gradescope container: grade /autograder/submission into results.json.

    Any failure of the grader itself (its environment, the seal, a judge that crashed) writes no
    results.json and returns non-zero: run_autograder then reports an autograder failure, never a score.
    """
    from grader.grading.judging import Grader, SealUnavailable

    target = Path(args.results)
    try:
        problem = gradescope_environment()
    except Exception as error:  # a broken environment may break the check itself
        problem = f"the grader's environment could not be checked ({type(error).__name__}: {error})"
    if problem:
        print(f"gradescope: {problem}")
        return 4
    try:
        grader = Grader(seed=args.seed, unsealed=args.unsealed)
    except SealUnavailable as error:
        print(f"gradescope: {error}")
        return 3
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        submission = resolve_submission(args.submission, grader.katas)
    except ValueError as error:  # not shaped like katas/ (batch.NotASubmission): the student's upload, a score of 0
        target.write_text(json.dumps({"score": 0, "output": f"Your upload cannot be graded: {error}. "
                                                            "Upload your katas/ folder (or the folders inside it)."}))
        print(f"gradescope: not a submission: {error}")
        return 0
    result = grader.grade(submission, name="submission")
    # The grader's own faults: a judge that failed (grading.judge_failure), a worker it could not start or seal.
    ours = [(k.kata_id, k.reason) for k in result.katas if render.grader_at_fault(k)]
    ours += [(k.kata_id, render.message(t, "en")) for k in result.katas for t in k.tests if t.get("kind") == "tool"]
    if ours:
        print(f"gradescope: the grader failed on {len(ours)} kata(s) or check(s), e.g. {ours[0][0]}: {ours[0][1]}")
        return 5
    target.write_text(json.dumps(reports.gradescope(result, report_language()), indent=2))
    print(f"{result.score:g}/{result.max_score:g}")
    return 0


def language_option(parser):
    """grade's and merge's --lang: the language of what they print and write for people (batch.report_language)."""
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="summary.md, class-report.html, students' results.json and junit.xml and these lines in "
                             "this language (default: DEZERO_KATAS_LANG, else en)")


def gate_options(parser):
    """For CI gates: an exit status of 5 when a submission scores too little (exit statuses: README)."""
    parser.add_argument("--fail-under", type=float, metavar="POINTS",
                        help="exit with status 5 when a submission scores under POINTS")
    parser.add_argument("--require-all", action="store_true",
                        help="exit with status 5 unless every submission passes every kata graded")


def build_parser():
    """Every command and its options (tests parse the workflows' commands with it too)."""
    parser = argparse.ArgumentParser(prog="python -m grader", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    learner_commands = [
        ("check", check, "check katas (id, number, 'step 12' or path; none: the one you are in, else the next)"),
        ("watch", watch, "check again on every save, with keys for hint, next, list and quit"),
        ("hint", hint, "the next hint for the check that failed last"),
        ("reset", reset, "restore a kata's stub (your version is kept as a backup)"),
        ("solution", solution, "the reference and a diff with your code, once the kata passes"),
        ("start", start, "start at a kata: fill in earlier katas' definitions that are still as shipped"),
    ]
    for name, run, text in learner_commands:
        p = commands.add_parser(name, help=text)
        p.add_argument("katas", nargs="*")
        p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
        if name == "reset":
            p.add_argument("--yes", "-y", action="store_true", help="reset without asking first")
        p.set_defaults(run=run)
    p = commands.add_parser("predict", help="a realistic mistake in a kata you passed: predict which checks fail")
    p.add_argument("katas", nargs="*")
    p.add_argument("--answer", default=None, help="the check numbers you predict fail, e.g. 1,3 (no prompt)")
    p.add_argument("--mutant", type=int, default=None, help="which of the kata's mistakes (default: the next one)")
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=predict)
    p = commands.add_parser("debug", help="a kata's public checks in one ordinary process: breakpoint() and print work")
    p.add_argument("katas", nargs="*")
    p.add_argument("--pdb", action="store_true", help="stop in the debugger where a check fails")
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=debug)
    p = commands.add_parser("run", help="a kata's book program on your code; plots saved under .kata-plots/")
    p.add_argument("katas", nargs="*")
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=run_program)
    p = commands.add_parser("own", help="your own DeZero: the book's step programs on your package")
    p.add_argument("katas", nargs="*")
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=own)
    p = commands.add_parser("learning", help="your learning data, opt-in and off by default: on, off, show, delete")
    p.add_argument("action", nargs="?", default="show", choices=("on", "off", "show", "delete"))
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=learning)
    p = commands.add_parser("progress", help="the ladder by stage: done, to do, and the next kata")
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=progress)
    p = commands.add_parser("doctor", help="check Python, packages, the sandbox and Graphviz; say what to fix")
    p.set_defaults(run=doctor)
    p = commands.add_parser("serve", help="(internal) the warm checker that check, hint and progress talk to")
    p.add_argument("--root", default=str(KATAS))
    p.set_defaults(run=lambda args: __import__("grader.learner.server", fromlist=["serve"]).serve(Path(args.root), main))
    p = commands.add_parser("grade", help="grade submission folders shaped like katas/ (default: katas/)")
    p.add_argument("submissions", nargs="*")
    p.add_argument("--out", default=None, help="the reports' folder (default: graded/ where you run it)")
    p.add_argument("--jobs", type=int, default=0, help="parallel submissions (default: one more than the cores)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-cache", action="store_true")
    p.add_argument("--unsealed", action="store_true",
                   help="grade even where learner code cannot be isolated (the reports say 'unsealed')")
    language_option(p)
    p.add_argument("--shard", type=shard_of, metavar="I/N",
                   help="grade the I-th of N shares of the submissions (sorted by name); then: merge")
    gate_options(p)
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.add_argument("--command-line", default=None, help=argparse.SUPPRESS)  # what nox was run with
    p.set_defaults(run=grade)
    p = commands.add_parser("merge", help="combine the outputs of grade --shard runs: merge OUT1 OUT2 ... --out DIR")
    p.add_argument("outputs", nargs="+")
    p.add_argument("--out", required=True)
    language_option(p)
    gate_options(p)
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=merge)
    p = commands.add_parser("race", help="race your own DeZero against the reference: receipts and a leaderboard")
    p.add_argument("submissions", nargs="*")
    p.add_argument("--out", default=None, help="where receipts go: OUT/submissions/<name>/ (default: graded/)")
    p.add_argument("--race", action="append", default=[], metavar="NAME",
                   help="spiral, mlp or lstm (repeatable; default: every race)")
    p.add_argument("--runs", type=int, default=None, help="runs of each side (default: the race's, 3)")
    p.add_argument("--small", action="store_true", help="the races' test sizes: quick, for trying it out")
    p.add_argument("--unsealed", action="store_true", help="race even where learner code cannot be isolated")
    p.add_argument("--from", dest="invoked_from", default=None, help=argparse.SUPPRESS)
    p.set_defaults(run=race)
    p = commands.add_parser("experiment", help="the book's memory experiment on your code (steps 17-18)")
    p.add_argument("kata")
    p.set_defaults(run=experiment)
    p = commands.add_parser("stubs", help="regenerate kata stubs from solutions/ (--check: only compare)")
    p.add_argument("--check", action="store_true")
    p.set_defaults(run=stubs)
    p = commands.add_parser("new-kata", help="scaffold a new kata's folder: new-kata ID --step N --title TITLE")
    p.add_argument("kata_id", metavar="ID", help="two digits, an optional letter, _ and a name: 12a_extra")
    p.add_argument("--step", type=int, required=True, help="the book's step")
    p.add_argument("--title", required=True)
    p.add_argument("--title-ko", default=None)
    p.add_argument("--package", action="store_true", help="written in the dezero package (the book's steps 23 on)")
    p.set_defaults(run=new_kata)
    p = commands.add_parser("reference", help="write the reference solutions shaped as a submission")
    p.add_argument("out")
    p.set_defaults(run=reference)
    p = commands.add_parser("list", help="list the katas (--markdown: the README's table)")
    p.add_argument("--markdown", action="store_true")
    p.set_defaults(run=list_katas)
    p = commands.add_parser("release", help="build the learners' copy: no solutions, no hidden specs")
    p.add_argument("out")
    p.add_argument("--start-at", metavar="KATA",
                   help="a workshop starting at KATA: the package holds the reference for every kata before it")
    p.set_defaults(run=release)
    p = commands.add_parser("gradescope", help="build the Gradescope autograder zip")
    p.add_argument("out")
    p.set_defaults(run=gradescope_zip)
    p = commands.add_parser("gradescope-run", help="used by run_autograder inside the container")
    p.add_argument("--submission", default="/autograder/submission")
    p.add_argument("--results", default="/autograder/results/results.json")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--unsealed", action="store_true")
    p.set_defaults(run=gradescope_run)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    args.argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return args.run(args)
    except (KataNotFound, NotASubmission) as error:
        print(error, file=sys.stderr)
        return 2
    except ModuleNotFoundError as error:  # the environment, not the learner's code
        print(t("environment_missing", name=error.name), file=sys.stderr)
        return 2
