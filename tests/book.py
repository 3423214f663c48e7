"""The book's own code as a submission (``nox -s book -- PATH``): any faithful learner must get full marks.

PATH is a checkout of the book's public repository (oreilly-japan/deep-learning-from-scratch-3).
Each kata whose files the book has (``steps/step17.py`` for kata 17's ``step17.py``) gets the
book's file; the package katas get the book's ``dezero/`` (the grader sets ``is_simple_core``
from each kata's step, as the book's readers switch it by hand). Katas whose files the book
does not have keep the reference. Nothing of the book is copied into this repository: the
submission is written to a temporary folder and graded there.

Usage: python -m tests.book PATH [KATA ...]     exit status 1 if a kata the book covers loses points
"""

import argparse
import sys
import tempfile
from pathlib import Path

from tests.helpers import KATAS, LADDER, grade, write_submission


def book_submission(book, root, only=None):
    """Write the submission; returns the ids of the katas the book's code stands in for."""
    book = Path(book)
    overrides, covered = {}, []
    for kata in KATAS.values():
        if only and kata.id not in only:
            continue
        files = {path: book / "steps" / path for path in kata.files}
        if kata.files and all(source.is_file() for source in files.values()):
            overrides[kata.id] = {path: source.read_text() for path, source in files.items()}
            covered.append(kata.id)
        elif not kata.files and LADDER.owned_by(kata.id):
            covered.append(kata.id)
    package = {path: (book / path).read_text() for path in LADDER.files if (book / path).is_file()}
    write_submission(root, overrides, only=only, changes=package)
    return covered


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("book", help="a checkout of the book's repository (it has steps/ and dezero/)")
    parser.add_argument("katas", nargs="*", help="kata ids (default: all)")
    args = parser.parse_args(argv)
    if not (Path(args.book) / "steps").is_dir():
        parser.error(f"{args.book} has no steps/ folder: give a checkout of the book's repository")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "book"
        covered = book_submission(args.book, root, args.katas or None)
        results, _ = grade(root, covered)
    lost = 0
    for kata_id in covered:
        result = results[kata_id]
        failing = [t["test"] for t in result.tests if t.get("outcome") != "passed"]
        print(f"{kata_id:28} {result.score:>5g} / {result.max_score:g}  {', '.join(failing) or result.reason}")
        lost += result.max_score - result.score
    total = sum(results[k].max_score for k in covered)
    print(f"the book's own code: {total - lost:g} / {total:g} points on {len(covered)} katas")
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
