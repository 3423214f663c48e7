"""The checker's fixed phrases, in English and Korean, from one table.

The language comes from ``DEZERO_KATAS_LANG`` (``en`` or ``ko``), else from the
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG`` starting with ``ko``), else English.
A phrase missing in a language falls back to English, never to nothing. Kata
texts (READMEs, hints, titles) are looked up the same way in their own files.
"""

import os
import re

LANGUAGES = ("en", "ko")

PHRASES = {
    "header": {"en": "== {id}: {title} (book step {step}) ==",
               "ko": "== {id}: {title} (책의 {step}단계) =="},
    "your_files": {"en": "   your files: {files}", "ko": "   여러분의 파일: {files}"},
    "your_definitions": {"en": "   write in {path}: {names}", "ko": "   {path}에 작성: {names}"},
    "hidden": {"en": " (hidden)", "ko": " (숨김)"},
    "cases": {"en": " ({count} cases)", "ko": " (경우 {count}개)"},
    "cases_failed": {"en": " ({failed} of {count} cases failed)", "ko": " (경우 {count}개 중 {failed}개 실패)"},
    "first_failing": {"en": "First failing check: {doc}", "ko": "처음 실패한 검사: {doc}"},
    "about_check": {"en": "  About this check: {hint}", "ko": "  이 검사에 대해: {hint}"},
    "printed": {"en": "  your code printed:", "ko": "  여러분의 코드가 출력한 내용:"},
    "all_pass": {"en": "All {count} checks pass: {points} points.", "ko": "검사 {count}개를 모두 통과했습니다: {points}점."},
    "next": {"en": "Next: nox -s check -- {id}", "ko": "다음: nox -s check -- {id}"},
    "experiment": {"en": "See the book's memory experiment on your code: nox -s experiment -- {id}",
                   "ko": "여러분의 코드로 책의 메모리 실험을 해 보세요: nox -s experiment -- {id}"},
    "solution": {"en": "Compare with the reference: nox -s solution -- {id}",
                 "ko": "참고 답안과 비교하기: nox -s solution -- {id}"},
    "fix_import": {"en": "Fix this first: the checks can only run once your code imports.",
                   "ko": "먼저 이것을 고치세요: 코드가 import되어야 검사를 할 수 있습니다."},
    "hint": {"en": "Hint {number}/{total}: {text}", "ko": "힌트 {number}/{total}: {text}"},
    "hint_more": {"en": "   (change your code and check again, or ask: nox -s hint -- {id})",
                  "ko": "   (코드를 고친 뒤 다시 검사하거나, 힌트를 더 보려면: nox -s hint -- {id})"},
    "hint_same": {"en": "Hint {number}/{total} (again: your files have not changed since): {text}",
                  "ko": "힌트 {number}/{total} (그 뒤로 파일이 바뀌지 않아 같은 힌트입니다): {text}"},
    "hint_last": {"en": "   That was the last hint for this check. The kata's README: {readme}",
                  "ko": "   이 검사의 마지막 힌트였습니다. 카타 설명: {readme}"},
    "no_hints": {"en": "No more hints for this check. The kata's README: {readme}",
                 "ko": "이 검사에 대한 힌트는 더 없습니다. 카타 설명: {readme}"},
    "readme": {"en": "   The kata's README: {readme}", "ko": "   카타 설명: {readme}"},
    "every_kata_passes": {"en": "Every kata passes. Well done!", "ko": "모든 카타를 통과했습니다. 훌륭합니다!"},
    "watching": {"en": "Watching {files}: save to check again.  [h] hint  [n] next  [l] list  [q] quit",
                 "ko": "{files} 감시 중: 저장하면 다시 검사합니다.  [h] 힌트  [n] 다음  [l] 목록  [q] 종료"},
    "checked_in": {"en": "(checked in {seconds:.2f} s)", "ko": "({seconds:.2f}초 만에 검사)"},
    "step_is": {"en": "Book step {step} is kata {id}.", "ko": "책의 {step}단계는 카타 {id}입니다."},
    "tool_fault": {"en": "This is a problem of the tool, not of your code, and it cost you nothing: {why}",
                   "ko": "여러분의 코드가 아니라 도구의 문제이며, 아무것도 잃지 않았습니다: {why}"},
    "progress_title": {"en": "Your progress: {done} of {total} katas done", "ko": "진행 상황: 카타 {total}개 중 {done}개 완료"},
    "stage": {"en": "Stage {number}: {title}", "ko": "제{number}고지: {title}"},  # as the Korean edition names them
    "done": {"en": "done", "ko": "완료"},
    "todo": {"en": "to do", "ko": "남음"},
    "given": {"en": "given", "ko": "주어짐"},
    "run_program": {"en": "Running {program} on your katas/ (plots go to .kata-plots/):",
                    "ko": "{program}을(를) 여러분의 katas/로 실행합니다 (그래프는 .kata-plots/에 저장):"},
    "run_no_program": {"en": "{id} has no book program to run.", "ko": "{id}에는 실행할 책의 프로그램이 없습니다."},
    "run_no_matplotlib": {
        "en": "matplotlib is not installed here: the program runs, but its plots are not drawn "
              "(nox -s run installs it when it can; or: pip install matplotlib).",
        "ko": "matplotlib이 설치되어 있지 않아 프로그램은 실행되지만 그래프는 그리지 않습니다 "
              "(nox -s run이 가능하면 설치합니다. 또는: pip install matplotlib)."},
    "progress_given": {"en": "You started at {id}: the {count} katas before it are given, not counted as yours.",
                       "ko": "{id}부터 시작했습니다: 그 앞의 카타 {count}개는 주어진 것으로, 여러분의 완료에 세지 않습니다."},
    "changed": {"en": "passed, then changed", "ko": "통과 후 변경됨"},
    "next_kata": {"en": "Next kata: {id} (nox -s check -- {id})", "ko": "다음 카타: {id} (nox -s check -- {id})"},
    # learning data (grader/grading/learning.py): opt-in, the learner's own
    "learning_title": {"en": "Your learning data ({state}; nox -s learning -- on|off|show|delete):",
                       "ko": "여러분의 학습 기록 ({state}; nox -s learning -- on|off|show|delete):"},
    "learning_on": {"en": "recording", "ko": "기록 중"},
    "learning_off": {"en": "not recording", "ko": "기록하지 않음"},
    "learning_attempts": {"en": "attempts", "ko": "시도"},
    "learning_minutes": {"en": "minutes to pass", "ko": "통과까지 걸린 분"},
    "learning_hints": {"en": "hints", "ko": "힌트"},
    "learning_not_yet": {"en": "not passed yet", "ko": "아직 통과 전"},
    "learning_png": {"en": "  As a picture: {path}", "ko": "  그림으로: {path}"},
    "learning_now_on": {"en": "Learning data is on: each check is recorded in {path} (only on this machine; "
                              "off: nox -s learning -- off).",
                        "ko": "학습 기록을 켰습니다: 검사할 때마다 {path}에 기록합니다 (이 컴퓨터에만; "
                              "끄기: nox -s learning -- off)."},
    "learning_now_off": {"en": "Learning data is off: nothing is recorded (on: nox -s learning -- on; "
                               "remove {path}: nox -s learning -- delete).",
                         "ko": "학습 기록이 꺼져 있습니다: 아무것도 기록하지 않습니다 (켜기: nox -s learning -- on; "
                               "{path} 지우기: nox -s learning -- delete)."},
    "learning_deleted": {"en": "Deleted {path}: no learning data is left.", "ko": "{path}을(를) 지웠습니다: 남은 학습 기록이 없습니다."},
    "learning_none": {"en": "There is no {path}: nothing to delete.", "ko": "{path}이(가) 없습니다: 지울 것이 없습니다."},
    "reset_done": {"en": "Restored the stub of {id}; your version is kept in {backup}\n"
                         "   To bring your version back: {restore}",
                   "ko": "{id}의 처음 상태를 되돌렸습니다. 여러분의 코드는 {backup}에 보관했습니다\n"
                         "   여러분의 코드로 되돌리려면: {restore}"},
    "reset_ask": {"en": "Reset {ids} to the stub as shipped? Your files are kept in .kata-backups/ first. [y/N] ",
                  "ko": "{ids} 카타를 처음 상태로 되돌릴까요? 여러분의 파일은 먼저 .kata-backups/에 보관합니다. [y/N] "},
    "reset_kept": {"en": "Nothing was changed.", "ko": "아무것도 바꾸지 않았습니다."},
    "solution_locked": {"en": "The reference for {id} opens once your kata passes: nox -s check -- {id}",
                        "ko": "{id}의 참고 답안은 카타를 통과한 뒤에 볼 수 있습니다: nox -s check -- {id}"},
    "started": {"en": "Ready to start at {id}: filled in {count} definition(s) of earlier katas in {files}; "
                      "nothing you wrote was changed.",
                "ko": "{id}부터 시작할 준비가 되었습니다: 앞선 카타의 정의 {count}개를 {files}에 채웠습니다. "
                      "여러분이 작성한 코드는 바꾸지 않았습니다."},
    "no_reference_to_start": {
        "en": "This copy of the katas ships no reference solutions, so earlier katas cannot be filled in here. "
              "Ask your instructor for a copy that starts where you want (nox -s release -- OUT --start-at 33), "
              "or work in the full repository.",
        "ko": "이 카타 사본에는 참조 답안이 없어서 이전 카타를 여기서 채울 수 없습니다. 원하는 곳에서 시작하는 사본을 "
              "강사에게 요청하거나(nox -s release -- OUT --start-at 33), 전체 저장소에서 작업하세요."},
    "nothing_to_start": {"en": "Nothing to fill in: every kata before {id} is already there.",
                         "ko": "채울 것이 없습니다: {id} 이전의 카타가 모두 작성되어 있습니다."},
    "timeout": {"en": "your code did not finish within {seconds:g} s (an endless loop?)",
                "ko": "여러분의 코드가 {seconds:g}초 안에 끝나지 않았습니다 (무한 루프인가요?)"},
    "running_at": {"en": "it was running:", "ko": "실행 중이던 곳:"},
    "repeated_call": {"en": "  [the call above repeats {times} more times]",
                      "ko": "  [위의 호출이 {times}번 더 반복됩니다]"},
    "repeated_calls": {"en": "  [the {calls} calls above repeat {times} more times]",
                       "ko": "  [위의 호출 {calls}개가 {times}번 더 반복됩니다]"},
    "raised": {"en": "your code raised {type}: {message}", "ko": "여러분의 코드에서 {type} 예외가 발생했습니다: {message}"},
    "not_imported": {"en": "your code could not be imported ({files}): {error}",
                     "ko": "여러분의 코드를 import할 수 없습니다 ({files}): {error}"},
    "kata_budget": {"en": "the kata used its whole time budget of {seconds:g} s; its remaining checks did not run",
                    "ko": "이 카타에 주어진 시간 {seconds:g}초를 모두 썼습니다. 남은 검사는 실행하지 않았습니다"},
    "import_note": {"en": "your module raised {error} at import, after its definitions; the checks ran on what "
                          "it had defined",
                    "ko": "여러분의 모듈이 정의를 마친 뒤 import 도중 {error} 예외를 일으켰습니다. 검사는 그때까지 "
                          "정의된 것으로 실행했습니다"},
    "run_failed": {"en": "The program stopped with an error above. It runs on your DeZero: when it needs something a kata "
                         "up to {id} adds, do that kata first (nox -s progress shows which are left), or fill in the "
                         "earlier ones from the reference: nox -s start -- {id}",
                   "ko": "프로그램이 위의 오류로 멈췄습니다. 이 프로그램은 여러분의 DeZero로 실행됩니다. {id}까지의 카타가 "
                         "추가하는 것이 필요하다면 그 카타를 먼저 하거나(남은 카타는 nox -s progress로 확인), 앞선 카타를 "
                         "참고 답안으로 채우세요: nox -s start -- {id}"},
    "expected_got": {"en": "expected {expected}, got {got}", "ko": "기댓값은 {expected}, 실제 값은 {got}"},
    "unsealed_note": {"en": "(checked without the sandbox: {why})", "ko": "(샌드박스 없이 검사했습니다: {why})"},
    # nox -s predict (grader/learner/predict.py)
    "predict_unavailable": {"en": "Predictions need the full repository (its catalogue of mistakes and the reference); "
                                  "this copy ships neither.",
                            "ko": "예측 카타에는 전체 저장소(실수 목록과 참고 답안)가 필요합니다. 이 사본에는 둘 다 없습니다."},
    "predict_which": {"en": "Which kata? nox -s predict -- 40", "ko": "어느 카타인가요? nox -s predict -- 40"},
    "predict_none": {"en": "{id} has no mistakes to predict in the catalogue.",
                     "ko": "{id}에는 예측할 실수가 목록에 없습니다."},
    "predict_locked": {"en": "The mistakes of {id} show its reference code: they open once your kata passes "
                             "(nox -s check -- {id}).",
                       "ko": "{id}의 실수는 참고 답안의 코드를 보여 주므로 카타를 통과한 뒤에 열립니다 "
                             "(nox -s check -- {id})."},
    "predict_no_mutant": {"en": "{id} has no mistake {number}: choose 1 to {total}.",
                          "ko": "{id}에는 {number}번 실수가 없습니다: 1부터 {total}까지 고르세요."},
    "predict_header": {"en": "== Predict: {id}: {title}, mistake {number} of {total} ==\n"
                             "Someone changed the reference like this:",
                       "ko": "== 예측: {id}: {title}, 실수 {total}개 중 {number}번 ==\n"
                             "누군가 참고 답안을 이렇게 바꾸었습니다:"},
    "predict_checks": {"en": "The kata's public checks:", "ko": "이 카타의 공개 검사:"},
    "predict_ask": {"en": "Which checks fail? Their numbers (e.g. 1,3; nothing: none): ",
                    "ko": "어떤 검사가 실패할까요? 번호를 쓰세요 (예: 1,3; 없으면 빈칸): "},
    "predict_why": {"en": "Why, in one line (not scored; Enter to skip): ",
                    "ko": "이유를 한 줄로 쓰세요 (점수에 들어가지 않으며 Enter로 건너뜁니다): "},
    "predict_bad_answer": {"en": "Give check numbers from 1 to {count}, separated by commas.",
                           "ko": "1부터 {count}까지의 검사 번호를 쉼표로 구분해 쓰세요."},
    "predict_needs_answer": {"en": "No terminal to ask at: give your prediction, e.g. nox -s predict -- {id} --answer 1,3",
                             "ko": "물어볼 터미널이 없습니다. 예측을 함께 주세요. 예: nox -s predict -- {id} --answer 1,3"},
    "predict_real": {"en": "What really happens, as nox -s check would show it:",
                     "ko": "실제 결과 (nox -s check가 보여 주는 그대로):"},
    "predict_mistake": {"en": "The mistake: {what}", "ko": "실수: {what}"},
    "predict_failing": {"en": "Checks that really fail: {numbers}", "ko": "실제로 실패한 검사: {numbers}"},
    "predict_score": {"en": "You predicted {hit} of the {failing} failing checks; {wrong} check(s) you named pass.",
                      "ko": "실패한 검사 {failing}개 중 {hit}개를 맞혔습니다. 여러분이 고른 검사 중 {wrong}개는 통과합니다."},
    "predict_progress": {"en": "Predictions: {made} of {total} mistakes predicted (nox -s predict -- KATA, "
                               "once the kata passes; never graded)",
                         "ko": "예측: 실수 {total}개 중 {made}개를 예측했습니다 (카타를 통과한 뒤 "
                               "nox -s predict -- KATA; 점수에는 들어가지 않습니다)"},
}


def language():
    """The learner's language: DEZERO_KATAS_LANG, else the locale, else English."""
    wanted = os.environ.get("DEZERO_KATAS_LANG", "").strip().lower()
    if not wanted:
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "")
            if value:
                wanted = value.lower()
                break
    return "ko" if wanted.startswith("ko") else "en"


# Fixed phrases the judge writes into a failure message, in English (reports keep them so); a learner reading
# in another language gets them translated by localize(). Outer phrases first: one can hold another.
MESSAGE_PHRASES = ("import_note", "not_imported", "kata_budget", "timeout", "running_at", "raised", "repeated_call",
                   "repeated_calls", "expected_got")


def _plain(template):
    return re.sub(r"\{(\w+):[^}]*\}", r"{\1}", template)


def _pattern(key):
    """A regex for the English phrase ``key``: its placeholders match any text, the last one to the line's end."""
    parts = re.split(r"\{(\w+)(?::[^}]*)?\}", PHRASES[key]["en"])
    regex = ""
    for index, part in enumerate(parts):
        if index % 2 == 0:
            regex += re.escape(part)
        else:
            regex += f"(?P<{part}>.*)" if index == len(parts) - 2 and not parts[-1] else f"(?P<{part}>.+?)"
    return re.compile(regex)


def localize(text, lang):
    """``text`` (a failure message) with the judge's fixed phrases in ``lang``; values and learner text unchanged."""
    if not text or (lang or language()) == "en":
        return text
    for key in MESSAGE_PHRASES:
        wanted = _plain(PHRASES[key].get(lang or language()) or PHRASES[key]["en"])
        text = _pattern(key).sub(lambda match: wanted.format(**match.groupdict()), text)
    return text


def t(key, lang=None, **params):
    """The phrase ``key`` in ``lang`` (default: the learner's), with ``params`` filled in."""
    texts = PHRASES[key]
    text = texts.get(lang or language()) or texts["en"]
    return text.format(**params)
