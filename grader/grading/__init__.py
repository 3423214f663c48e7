"""Grading: stage submissions, run one judge per submission, score fail-closed, cache and report.

``staging`` reads a submission safely and lays out each kata; ``judging`` runs the judge (a process per
submission, or a warm one for a learner) and never lets one submission take the batch down; ``scoring``
gives a kata its points only when the judge recorded ``passed`` for every check its canonical specs define
and finished its run; ``caching`` signs verdicts; ``records`` holds the typed results; ``render``,
``reports`` and ``class_report`` turn them into words and files; ``learning`` reads opt-in learning data.
It may import the judge, the course, the sealed side, ``grader.limits`` and ``grader.i18n``; never
``grader.learner`` or ``grader.cli``.
"""
