"""The judge: the trusted pytest session that runs the canonical specs against a learner's workers.

``session`` (the judge process and the warm in-process session), ``plugin`` (fixtures ``dz`` and ``mem``, one
worker per kata, verdicts), ``remote`` (talking to workers: deadlines, output, the memory witness, stand-ins
for learner objects), ``spec`` (helpers the specs import) and ``hiding`` (reference lines kept from learners).
It may import ``grader.sealed``, ``grader.course``, ``grader.limits`` and ``grader.i18n``; never grading or
learner code, which drive it.
"""
