"""The course: katas and their manifests, the reference solutions' regions, the learner's package ladder,
and everything generated from them (stubs, the ladder table, the learners' release, the Gradescope zip).

It knows what a kata is and what the reference looks like from each kata's point of view; it never runs
learner code. It may import ``grader.limits`` and ``grader.i18n`` only: every other role builds on it.
"""
