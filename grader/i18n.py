"""The checker's fixed phrases, in English and Korean, from one table.

The language comes from ``DEZERO_KATAS_LANG`` (``en`` or ``ko``), else from the
locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG`` starting with ``ko``), else English.
A phrase missing in a language falls back to English, never to nothing. Kata
texts (READMEs, hints, titles) are looked up the same way in their own files.
"""

import os

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
    "check_pass": {"en": "PASS", "ko": "통과"},  # a check's mark: the terminal, debug mode, results.json
    "check_fail": {"en": "FAIL", "ko": "실패"},
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
    "workspace_new": {"en": "Your workspace is {path}/: your own copy of the stubs, where you write your code. katas/ keeps "
                            "the READMEs and checks; git pull updates katas/ and never touches {path}/.",
                      "ko": "여러분의 작업 공간은 {path}/입니다: 코드를 작성할, 처음 상태 파일의 여러분 몫 사본입니다. "
                            "katas/에는 설명과 검사가 있습니다. git pull은 katas/만 바꾸고 {path}/는 건드리지 않습니다."},
    "workspace_moved": {"en": "Moved your code from {shipped} to {path}, and restored {shipped} as shipped (so git pull works).",
                        "ko": "여러분의 코드를 {shipped}에서 {path}(으)로 옮기고 {shipped}는 처음 상태로 되돌렸습니다 "
                              "(그래서 git pull이 됩니다)."},
    "workspace_made": {"en": "New in your workspace: {path}", "ko": "작업 공간에 새로 생긴 파일: {path}"},
    "workspace_updated": {"en": "Updated {path} to the new version of {shipped} (you had not changed it).",
                          "ko": "{path}을(를) {shipped}의 새 버전으로 바꿨습니다 (여러분이 고치지 않은 파일입니다)."},
    "workspace_merged": {"en": "Merged the new version of {shipped} into {path}: the lines you wrote are kept.",
                         "ko": "{shipped}의 새 버전을 {path}에 병합했습니다: 여러분이 작성한 줄은 그대로입니다."},
    "workspace_conflict": {"en": "{shipped} changed where you changed {path}: your file is kept as it is, and the new "
                                 "version is beside it in {new}. Take what you need from it, then delete {new}.",
                           "ko": "{shipped}이(가) 여러분이 고친 {path}의 같은 곳에서 바뀌었습니다: 여러분의 파일은 그대로 두고 "
                                 "새 버전은 옆에 {new}(으)로 두었습니다. 필요한 것을 가져온 뒤 {new}는 지우세요."},
    "workspace_grew": {"en": "Your package grows: {path} now holds the definitions of the katas up to {id} "
                             "({files}; your code is as it was).",
                       "ko": "패키지가 자랍니다: 이제 {path}에 {id}까지의 카타에서 작성할 정의가 들어 있습니다 "
                             "({files}; 여러분의 코드는 그대로입니다)."},
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
    "unsealed_note": {"en": "(checked without the sandbox: {why})", "ko": "(샌드박스 없이 검사했습니다: {why})"},
    # -- what the judge and grading say about a check or a kata: recorded as data (a phrase key and its values,
    # see phrase() below), put into words only when shown (grader/grading/render.py)
    "what_expected_got": {"en": "{what}: expected {expected}, got {got}", "ko": "{what}: 기댓값은 {expected}, 실제 값은 {got}"},
    "what_result": {"en": "{what}: the result", "ko": "{what}: 결과"},
    "what_forward": {"en": "{what}: the forward result", "ko": "{what}: 순전파 결과"},
    "what_input_grad": {"en": "{what}: input {index}'s grad", "ko": "{what}: 입력 {index}의 grad"},
    "what_input_gradient": {"en": "{what}: the gradient of input {index} (shape {shape})",
                            "ko": "{what}: 입력 {index}의 기울기 (모양 {shape})"},
    "expected_ndarray": {"en": "{what}: expected a numpy ndarray equal to {expected}, got {got}",
                         "ko": "{what}: {expected}와(과) 같은 numpy ndarray를 기대했지만 실제 값은 {got}"},
    "expected_shape": {"en": "{what}: expected shape {expected}, got shape {got} ({value})",
                       "ko": "{what}: 기대한 모양은 {expected}, 실제 모양은 {got} ({value})"},
    "expected_array_or_variable": {"en": "{what}: expected an ndarray or a Variable holding one, got {got}",
                                   "ko": "{what}: ndarray 또는 ndarray를 담은 Variable을 기대했지만 실제 값은 {got}"},
    "expected_variable": {"en": "{what}: expected a Variable, got {got}", "ko": "{what}: Variable을 기대했지만 실제 값은 {got}"},
    "expected_none": {"en": "{what}: expected None{why}, got {got}", "ko": "{what}: None{why}을 기대했지만 실제 값은 {got}"},
    "kinds_differ": {"en": " (expected {expected}, got {got})", "ko": " (기대한 종류는 {expected}, 실제 종류는 {got})"},
    "kind_array": {"en": "an array", "ko": "배열"},
    "kind_sequence": {"en": "a list or tuple", "ko": "리스트 또는 튜플"},
    "kind_bool": {"en": "a bool", "ko": "bool"},
    "kind_int": {"en": "an int", "ko": "int"},
    "kind_float": {"en": "a float", "ko": "float"},
    "kind_other": {"en": "a {type}", "ko": "{type}"},
    "an_object": {"en": "a {type} object", "ko": "{type} 객체"},
    "raised_other": {"en": "{what}: expected {kind}, but your code raised {type}: {message}",
                     "ko": "{what}: {kind} 예외를 기대했지만 여러분의 코드에서 {type} 예외가 발생했습니다: {message}"},
    "returned_normally": {"en": "{what}: expected your code to raise {kind}, but it returned normally",
                          "ko": "{what}: 여러분의 코드가 {kind} 예외를 일으켜야 하는데 정상적으로 반환했습니다"},
    "no_memory_count": {"en": "{what}: this platform does not show the kernel's count of a process's memory, so this "
                              "check cannot be made here (Linux, macOS and WSL can)",
                        "ko": "{what}: 이 플랫폼은 프로세스 메모리에 대한 커널의 집계를 보여 주지 않아 여기서는 이 검사를 할 수 "
                              "없습니다 (Linux, macOS, WSL에서는 됩니다)"},
    "own_class": {"en": "an exception of your own class", "ko": "여러분이 만든 클래스의 예외"},
    "frame_reference": {"en": "  (in the reference code of {file}, in {function})",
                        "ko": "  (참고 답안 코드 {file}의 {function} 안)"},
    "top_level_raised": {"en": "(Note: the top level of your file raised, after its definitions; the checks used what "
                               "it had defined. {error})",
                         "ko": "(참고: 파일의 최상위 코드가 정의를 마친 뒤 예외를 일으켰습니다. 검사는 그때까지 정의된 것을 "
                               "사용했습니다. {error})"},
    "not_run": {"en": "not run: {why}", "ko": "실행하지 않음: {why}"},
    "import_failed_earlier": {"en": "importing your code failed earlier ({error})",
                              "ko": "앞선 검사에서 여러분의 코드를 import하지 못했습니다 ({error})"},
    "ran_out_earlier": {"en": "an earlier check ran out of time ({why})",
                        "ko": "앞선 검사가 시간을 다 썼습니다 ({why})"},
    "judge_timeout": {"en": "the judge stopped the check: it ran past the judge's own time limit",
                      "ko": "판정기가 검사를 멈췄습니다: 판정기 자체의 제한 시간을 넘겼습니다"},
    "did_not_run": {"en": "the check did not run", "ko": "검사가 실행되지 않았습니다"},
    "unusable": {"en": "the check could not use what your code returned: {type}: {error}",
                 "ko": "여러분의 코드가 돌려준 것을 검사에서 쓸 수 없었습니다: {type}: {error}"},
    "no_process": {"en": "the grader could not start a process for your code ({error})",
                   "ko": "채점기가 여러분의 코드를 실행할 프로세스를 시작하지 못했습니다 ({error})"},
    "no_sealed_process": {"en": "the grader could not start a sealed process for your code",
                          "ko": "채점기가 여러분의 코드를 실행할 격리된 프로세스를 시작하지 못했습니다"},
    "cannot_seal": {"en": "the grader could not seal the process for your code (run: nox -s doctor)",
                    "ko": "채점기가 여러분의 코드를 실행할 프로세스를 격리하지 못했습니다 (실행: nox -s doctor)"},
    "printed_too_much": {"en": "your code printed more than {mib} MiB (a print inside a long loop?)",
                         "ko": "여러분의 코드가 {mib} MiB보다 많이 출력했습니다 (긴 반복문 안의 print인가요?)"},
    "garbled": {"en": "the worker's answer was garbled ({error})", "ko": "작업 프로세스의 응답이 깨졌습니다 ({error})"},
    "not_a_reply": {"en": "the worker answered with something that is not a reply",
                    "ko": "작업 프로세스가 응답이 아닌 것을 보냈습니다"},
    "broke_protocol": {"en": "the worker broke the protocol ({error})", "ko": "작업 프로세스가 통신 규약을 어겼습니다 ({error})"},
    "ended_early": {"en": "your code ended the process early (sys.exit or os._exit?)",
                    "ko": "여러분의 코드가 프로세스를 일찍 끝냈습니다 (sys.exit 또는 os._exit인가요?)"},
    "introspection": {"en": "your code reached into the interpreter's internals (frames of the grader, the collector's "
                            "object lists or settings, tracing or ctypes); no kata needs that, so the check stops here. "
                            "To use breakpoint() or pdb on your code, run the checks in debug mode: nox -s debug -- KATA",
                      "ko": "여러분의 코드가 인터프리터 내부(채점기의 프레임, 가비지 컬렉터의 객체 목록이나 설정, 추적, "
                            "ctypes)에 손을 댔습니다. 어떤 카타에도 필요 없는 일이라 검사를 여기서 멈춥니다. 코드에서 "
                            "breakpoint()나 pdb를 쓰려면 디버그 모드로 검사하세요: nox -s debug -- KATA"},
    "ended_with_signal": {"en": "the process running your code ended with {signal}: {reason}",
                          "ko": "여러분의 코드를 실행하던 프로세스가 {signal}(으)로 끝났습니다: {reason}"},
    "signal_SIGXCPU": {"en": "it ran out of CPU time", "ko": "CPU 시간을 다 썼습니다"},
    "signal_SIGKILL": {"en": "it was killed (memory limit?)", "ko": "강제로 종료되었습니다 (메모리 제한인가요?)"},
    "signal_SIGSEGV": {"en": "it crashed (segmentation fault; very deep recursion?)",
                       "ko": "비정상 종료되었습니다 (세그멘테이션 오류; 아주 깊은 재귀인가요?)"},
    "signal_SIGXFSZ": {"en": "it wrote a file over the size limit", "ko": "크기 제한을 넘는 파일을 썼습니다"},
    "signal_other": {"en": "it crashed", "ko": "비정상 종료되었습니다"},
    "exited_with": {"en": "the process running your code exited with status {code}",
                    "ko": "여러분의 코드를 실행하던 프로세스가 상태 {code}(으)로 끝났습니다"},
    "unreadable": {"en": "[a record the grader cannot read]", "ko": "[채점기가 읽을 수 없는 기록]"},
    "unreadable_verdict": {"en": "this check's verdict could not be read (an older or damaged record)",
                           "ko": "이 검사의 판정을 읽을 수 없습니다 (오래되었거나 손상된 기록)"},
    # grading: why a kata scored what it did
    "no_checks": {"en": "this kata defines no checks", "ko": "이 카타에는 검사가 없습니다"},
    "no_verdict": {"en": "no verdict was recorded for this check", "ko": "이 검사의 판정이 기록되지 않았습니다"},
    "checks_failed": {"en": "{failed} of {count} checks failed", "ko": "검사 {count}개 중 {failed}개 실패"},
    "all_passed": {"en": "all {count} checks passed", "ko": "검사 {count}개 모두 통과"},
    "with_note": {"en": "{reason}; note: {note}", "ko": "{reason}; 참고: {note}"},
    "stopped_early": {"en": "the check stopped before it finished", "ko": "검사가 끝나기 전에 멈췄습니다"},
    "run_took_too_long": {"en": "the grading run took longer than {seconds:.0f} s and was stopped",
                          "ko": "채점이 {seconds:.0f}초보다 오래 걸려 멈췄습니다"},
    "interrupted": {"en": "grading was interrupted", "ko": "채점이 중단되었습니다"},
    "run_stopped": {"en": "the grading run stopped before it finished", "ko": "채점이 끝나기 전에 멈췄습니다"},
    "judge_failed": {"en": "the grader's judge process failed (status {code}); this is not your code's fault{tail}",
                     "ko": "채점기의 판정 프로세스가 실패했습니다 (상태 {code}). 여러분의 코드 탓이 아닙니다{tail}"},
    "grader_fault": {"en": "the grader failed on this submission: {type}: {error}; this is not your code's fault",
                     "ko": "채점기가 이 제출물에서 실패했습니다: {type}: {error}. 여러분의 코드 탓이 아닙니다"},
    "kata_is_link": {"en": "{id}/ is a symbolic link; submit a real folder",
                     "ko": "{id}/는 심볼릭 링크입니다. 실제 폴더를 제출하세요"},
    "missing_kata": {"en": "missing kata: no folder {id}/ in the submission",
                     "ko": "카타가 없습니다: 제출물에 {id}/ 폴더가 없습니다"},
    "kata_not_folder": {"en": "{id} in the submission is not a folder", "ko": "제출물의 {id}는 폴더가 아닙니다"},
    # staging: why a submitted file or folder was not read
    "missing_folder": {"en": "missing folder {path}", "ko": "{path} 폴더가 없습니다"},
    "missing_file": {"en": "missing file {path}", "ko": "{path} 파일이 없습니다"},
    "cannot_open": {"en": "cannot open {path}: {error}", "ko": "{path}을(를) 열 수 없습니다: {error}"},
    "cannot_read": {"en": "cannot read {path}: {error}", "ko": "{path}을(를) 읽을 수 없습니다: {error}"},
    "folder_is_link": {"en": "{path} is a symbolic link; submit real folders",
                       "ko": "{path}는 심볼릭 링크입니다. 실제 폴더를 제출하세요"},
    "not_a_folder": {"en": "{path} is not a folder", "ko": "{path}는 폴더가 아닙니다"},
    "file_is_link": {"en": "{path} is a symbolic link; links are not followed: put the file itself there",
                     "ko": "{path}는 심볼릭 링크입니다. 링크는 따라가지 않으니 파일 자체를 두세요"},
    "not_a_file": {"en": "{path} is not a regular file", "ko": "{path}는 일반 파일이 아닙니다"},
    "hard_link": {"en": "{path} is a hard link; submit a plain copy of the file",
                  "ko": "{path}는 하드 링크입니다. 파일의 일반 복사본을 제출하세요"},
    "too_large": {"en": "{path} is larger than {kib} KiB", "ko": "{path}가 {kib} KiB보다 큽니다"},
    "not_utf8": {"en": "{path} is not saved as UTF-8: line {line} holds bytes of another encoding (an older editor's "
                        "default, such as CP949 on Korean Windows). Save it as UTF-8 (in VS Code: click the encoding "
                        "in the status bar, then Save with Encoding, UTF-8)",
                 "ko": "{path}가 UTF-8로 저장되어 있지 않습니다. {line}번째 줄에 다른 인코딩의 바이트가 있습니다(한국어 Windows의 "
                       "CP949처럼 예전 편집기의 기본값). UTF-8로 다시 저장하세요(VS Code: 상태 표시줄의 인코딩을 누르고 "
                       "Save with Encoding, UTF-8)"},
    "changed_while_read": {"en": "{path} changed while it was being read", "ko": "{path}가 읽는 도중에 바뀌었습니다"},
    "link_or_large": {"en": "{path} is a hard link or too large; submit a plain copy of the file",
                      "ko": "{path}는 하드 링크이거나 너무 큽니다. 파일의 일반 복사본을 제출하세요"},
    "submission_is_link": {"en": "the submission folder is a symbolic link; submit the folder itself",
                           "ko": "제출 폴더가 심볼릭 링크입니다. 폴더 자체를 제출하세요"},
    "submission_not_folder": {"en": "the submission is not a folder", "ko": "제출물이 폴더가 아닙니다"},
    "submission_missing": {"en": "the submission folder does not exist", "ko": "제출 폴더가 없습니다"},
    "submission_unopenable": {"en": "the submission folder cannot be opened: {error}",
                              "ko": "제출 폴더를 열 수 없습니다: {error}"},
    "staging_budget": {"en": "preparing this submission took the grader more than {seconds:g} s (its files are too "
                             "large or too repetitive); this kata was not graded",
                       "ko": "채점기가 이 제출물을 준비하는 데 {seconds:g}초보다 오래 걸렸습니다 (파일이 너무 크거나 "
                             "반복이 너무 많습니다). 이 카타는 채점하지 않았습니다"},
    "at_line": {"en": "line {line}: ", "ko": "{line}번째 줄: "},
    "does_not_parse": {"en": "{path} does not parse ({where}{error}); fix it first",
                       "ko": "{path}을(를) 파싱할 수 없습니다 ({where}{error}). 먼저 고치세요"},
    "not_python": {"en": "{path} cannot be read as Python", "ko": "{path}을(를) Python으로 읽을 수 없습니다"},
    "do_not_fit": {"en": "{path}: your definitions do not fit the module (line {line}: {error}); keep each one whole, "
                         "at its usual indentation",
                   "ko": "{path}: 여러분의 정의가 모듈에 맞지 않습니다 ({line}번째 줄: {error}). 각 정의를 온전하게, "
                         "원래 들여쓰기로 두세요"},
    "missing_kata_file": {"en": "missing file {path}: this kata is written in it",
                          "ko": "{path} 파일이 없습니다: 이 카타는 그 파일에 작성합니다"},
    "package_is_link": {"en": "{path}/ is a symbolic link; submit real folders",
                        "ko": "{path}/는 심볼릭 링크입니다. 실제 폴더를 제출하세요"},
    "missing_package": {"en": "missing folder {path}/ (your dezero package) in the submission",
                        "ko": "제출물에 {path}/ 폴더(여러분의 dezero 패키지)가 없습니다"},
    # what a student's report shows of a check (grader/grading/render.py)
    "hidden_failed": {"en": "this hidden check failed", "ko": "이 숨김 검사가 실패했습니다"},
    "hidden_failed_because": {"en": "this hidden check failed: {why}", "ko": "이 숨김 검사가 실패했습니다: {why}"},
    "hidden_timeout": {"en": "your code did not finish within the time limit",
                       "ko": "여러분의 코드가 제한 시간 안에 끝나지 않았습니다"},
    "hidden_crashed": {"en": "your code did not finish: the process running it ended or was stopped",
                       "ko": "여러분의 코드가 끝나지 않았습니다: 실행하던 프로세스가 끝났거나 멈췄습니다"},
    "hidden_introspection": {"en": "your code reached into the interpreter's internals",
                             "ko": "여러분의 코드가 인터프리터 내부에 손을 댔습니다"},
    "hidden_raised": {"en": "your code raised {type}", "ko": "여러분의 코드에서 {type} 예외가 발생했습니다"},
    "hidden_import": {"en": "your code could not be imported (see the visible checks)",
                      "ko": "여러분의 코드를 import할 수 없습니다 (공개 검사를 보세요)"},
    "report_hint": {"en": "Hint: {hint}", "ko": "힌트: {hint}"},
    "report_printed": {"en": "--- your code printed ---", "ko": "--- 여러분의 코드가 출력한 내용 ---"},
    "report_hidden": {"en": "Hidden checks: {passed} of {count} passed (details after the due date).",
                      "ko": "숨김 검사: {count}개 중 {passed}개 통과 (자세한 내용은 마감 후에)."},
    "whole_file": {"en": "(the whole file)", "ko": "(파일 전체)"},
    "more_lines": {"en": "    ... ({count} more lines)", "ko": "    ... ({count}줄 더 있음)"},
    "report_points": {"en": "{score:g} / {max_score:g} points. A kata scores only when all its checks pass.",
                      "ko": "{max_score:g}점 중 {score:g}점. 카타는 검사를 모두 통과해야 점수를 얻습니다."},
    "report_unsealed": {"en": " Graded UNSEALED: learner code was not isolated from the grader.",
                        "ko": " 격리 없이 채점했습니다: 학습자의 코드가 채점기와 분리되지 않았습니다."},
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
    # -- the learner's commands (grader/learner/, cli.py): what they say besides a check's verdict
    "no_kata_matches": {"en": "no kata matches {word!r}; try one of: {ids}",
                        "ko": "{word!r}에 맞는 카타가 없습니다. 다음 중 하나를 쓰세요: {ids}"},
    "several_katas": {"en": "{word!r} matches several katas: {ids}", "ko": "{word!r}에 맞는 카타가 여러 개입니다: {ids}"},
    "not_a_step": {"en": "{word!r} is not a book step", "ko": "{word!r}은(는) 책의 단계가 아닙니다"},
    "step_no_kata": {"en": "book step {step} has no kata", "ko": "책의 {step}단계에는 카타가 없습니다"},
    "step_no_code": {"en": " (step {step} has no code of its own)", "ko": " ({step}단계에는 따로 작성할 코드가 없습니다)"},
    "grader_could_not_run": {"en": "the grader could not run ({type}: {error})",
                             "ko": "채점기를 실행할 수 없습니다 ({type}: {error})"},
    "run_doctor": {"en": "{why}; run: nox -s doctor", "ko": "{why}. 다음을 실행하세요: nox -s doctor"},
    "environment_missing": {"en": "The katas' environment is missing {name!r}: this is not your code's fault. "
                                  "Run: nox -s prepare   (then: nox -s doctor)",
                            "ko": "카타 환경에 {name!r}이(가) 없습니다. 여러분의 코드 탓이 아닙니다. "
                                  "다음을 실행하세요: nox -s prepare   (그다음: nox -s doctor)"},
    "no_reference_solutions": {"en": "This copy of the katas ships no reference solutions (ask your instructor).",
                               "ko": "이 카타 사본에는 참고 답안이 없습니다 (강사에게 문의하세요)."},
    "solution_reference": {"en": "# ---- reference: {path} ----", "ko": "# ---- 참고 답안: {path} ----"},
    "solution_same": {"en": "# ---- your code against it (no difference) ----",
                      "ko": "# ---- 여러분의 코드와 비교 (차이 없음) ----"},
    "solution_diff": {"en": "# ---- your code against it (diff) ----", "ko": "# ---- 여러분의 코드와 비교 (diff) ----"},
    "server_failed": {"en": "The warm checker failed ({type}: {error}); run the command again.",
                      "ko": "미리 띄워 둔 검사기가 실패했습니다 ({type}: {error}). 명령을 다시 실행하세요."},
    "plot_saved": {"en": "[plot saved: {path}]", "ko": "[그래프 저장: {path}]"},
    # nox -s doctor (grader/learner/commands.py: doctor)
    "doctor_title": {"en": "DeZero Katas doctor ({system}, Python {version} at {python})",
                     "ko": "DeZero Katas 점검 ({system}, Python {version}: {python})"},
    "doctor_ok": {"en": "ok ", "ko": "정상"},
    "doctor_fix": {"en": "FIX", "ko": "고칠 것"},
    "doctor_python_fix": {"en": "use Python 3.10 to 3.13", "ko": "Python 3.10부터 3.13까지 중 하나를 쓰세요"},
    "doctor_missing": {"en": "{package} is missing", "ko": "{package}이(가) 없습니다"},
    "doctor_install": {"en": "nox -s prepare (or: {command})", "ko": "nox -s prepare (또는: {command})"},
    "doctor_sandbox": {"en": "sandbox: {mode}", "ko": "샌드박스: {mode}"},
    # the sandbox's modes as a learner reads them (grader/sealed/sandbox.py: Seal.describe says them in English for
    # grading's logs; tests/test_korean_mode.py keeps the two the same)
    "seal_namespaces": {"en": "sealed (kernel namespaces, another user, seccomp)",
                        "ko": "격리됨 (커널 네임스페이스, 다른 사용자, seccomp)"},
    "seal_uid": {"en": "sealed (another user, seccomp; no namespaces)", "ko": "격리됨 (다른 사용자, seccomp; 네임스페이스 없음)"},
    "seal_none": {"en": "unsealed", "ko": "격리 안 됨"},
    "doctor_tmp": {"en": "temporary folder {folder} can be crossed by workers",
                   "ko": "작업 프로세스가 임시 폴더 {folder}을(를) 지나갈 수 있음"},
    "doctor_tmp_fix": {"en": "workers run as other users: chmod o+x {folder}, or set TMPDIR to such a folder",
                       "ko": "작업 프로세스는 다른 사용자로 실행됩니다: chmod o+x {folder}를 하거나, TMPDIR을 그런 폴더로 정하세요"},
    "doctor_unsealed": {"en": "(your own checks work anyway; an instructor grading a class needs it: see README)",
                        "ko": "(여러분의 검사는 그래도 됩니다. 수업을 채점하는 강사에게는 필요합니다: README 참고)"},
    "doctor_katas": {"en": "katas folder {path}", "ko": "카타 폴더 {path}"},
    "doctor_katas_fix": {"en": "run from the repository (or the learners' copy) that holds katas/ and katas/dezero/",
                         "ko": "katas/와 katas/dezero/가 있는 저장소(또는 학습자용 사본)에서 실행하세요"},
    "doctor_progress": {"en": "progress file {path}", "ko": "진행 상황 파일 {path}"},
    "doctor_progress_fix": {"en": "make the folder writable, or progress and hints are not kept",
                            "ko": "폴더에 쓸 수 있게 하세요. 그렇지 않으면 진행 상황과 힌트가 저장되지 않습니다"},
    "doctor_dot": {"en": "Graphviz: dot at {path}", "ko": "Graphviz: dot 위치 {path}"},
    "doctor_no_dot": {"en": "Graphviz: not installed (optional: katas 26 and 35 render graphs with it; "
                            "Debian/Ubuntu: sudo apt install graphviz, macOS: brew install graphviz)",
                      "ko": "Graphviz: 설치되지 않음 (선택: 카타 26과 35가 그래프를 그릴 때 씁니다. "
                            "Debian/Ubuntu: sudo apt install graphviz, macOS: brew install graphviz)"},
    "doctor_cupy": {"en": "CuPy: installed (kata 52's GPU part will run)", "ko": "CuPy: 설치됨 (카타 52의 GPU 부분도 실행합니다)"},
    "doctor_no_cupy": {"en": "CuPy: not installed (optional; kata 52 checks the NumPy path)",
                       "ko": "CuPy: 설치되지 않음 (선택; 카타 52는 넘파이 쪽을 검사합니다)"},
    "doctor_language": {"en": "language: {language} (set DEZERO_KATAS_LANG=ko or en to choose)",
                        "ko": "언어: {language} (DEZERO_KATAS_LANG=ko 또는 en으로 고릅니다)"},
    "doctor_all_good": {"en": "All good.", "ko": "모두 정상입니다."},
    "doctor_problems": {"en": "{count} thing(s) to fix.", "ko": "고칠 것이 {count}개 있습니다."},
    # nox -s own (grader/learner/own.py)
    "own_title": {"en": "The book's step programs on your {path}, against the reference:",
                  "ko": "여러분의 {path}로 실행한 책의 단계 프로그램을 참고 답안과 비교합니다:"},
    "own_no_reference": {"en": "no reference output to compare with", "ko": "비교할 참고 답안의 출력이 없습니다"},
    "own_reference_failed": {"en": "the reference itself did not run ({error})",
                             "ko": "참고 답안 자체가 실행되지 않았습니다 ({error})"},
    "own_same": {"en": "behaves as on the reference", "ko": "참고 답안과 똑같이 동작합니다"},
    "own_total": {"en": "{count} of {total} programs behave as on the reference.",
                  "ko": "프로그램 {total}개 중 {count}개가 참고 답안과 똑같이 동작합니다."},
    # nox -s experiment (grader/learner/experiment.py)
    "experiment_title": {"en": "The book's experiment on {path} ({iterations} x square(square(square(x))), x of {size} "
                               "float64, cyclic GC off):",
                         "ko": "{path}로 하는 책의 실험 (square(square(square(x))) {iterations}번, x는 float64 {size}개, "
                               "순환 GC 끔):"},
    "experiment_cannot": {"en": "The experiment cannot run on your code yet: {error}\n"
                                "(finish the kata first: nox -s check -- {id})",
                          "ko": "아직 여러분의 코드로 실험할 수 없습니다: {error}\n(먼저 카타를 마치세요: nox -s check -- {id})"},
    "experiment_no_answer": {"en": "the experiment could not run on this code: {error}",
                             "ko": "이 코드로는 실험을 실행할 수 없습니다: {error}"},
    "experiment_iteration": {"en": "iteration", "ko": "반복"},
    "experiment_yours": {"en": "your MiB", "ko": "여러분 MiB"},
    "experiment_reference": {"en": "reference", "ko": "참고 답안"},
    "experiment_freed": {"en": "freed each iteration (about {kept:.0f} MiB per iteration)",
                         "ko": "반복마다 해제됨 (반복당 약 {kept:.0f} MiB)"},
    "experiment_leaked": {"en": "about {kept:.0f} MiB kept per iteration: leaked ({total:.0f} MiB over {iterations} "
                                "graphs of 4 x 8 MB arrays)",
                          "ko": "반복마다 약 {kept:.0f} MiB가 남음: 누수 (8 MB 배열 4개짜리 그래프 {iterations}개에 걸쳐 "
                                "{total:.0f} MiB)"},
    "experiment_verdict": {"en": "Verdict for your code: {verdict}.", "ko": "여러분의 코드에 대한 판정: {verdict}."},
    "experiment_reference_verdict": {"en": "The reference: {verdict}.", "ko": "참고 답안: {verdict}."},
    "experiment_plot": {"en": "Plot: {path} (open it in a browser)", "ko": "그래프: {path} (브라우저로 여세요)"},
    # nox -s debug (grader/learner/debug.py)
    "debug_no_checks": {"en": "No public checks to run.", "ko": "실행할 공개 검사가 없습니다."},
    "debug_intro": {"en": "Debug mode: your code runs in this process, unsealed and without time limits, so breakpoint(), "
                          "pdb and print work.\nIt does not grade: nox -s check gives the verdict.",
                    "ko": "디버그 모드: 여러분의 코드가 이 프로세스에서 격리 없이, 시간 제한 없이 실행되므로 breakpoint(), "
                          "pdb, print를 쓸 수 있습니다.\n채점은 하지 않습니다: 판정은 nox -s check가 합니다."},
    "debug_not_in_kata": {"en": "{path} is not in a kata's folder under {root}",
                          "ko": "{path}은(는) {root} 아래의 카타 폴더에 있지 않습니다"},
    # the book's programs on the learner's package (grader/course/programs.py, nox -s own)
    "program_timeout": {"en": "did not finish within {seconds} s", "ko": "{seconds}초 안에 끝나지 않았습니다"},
    "program_no_message": {"en": "(no message)", "ko": "(메시지 없음)"},
    "program_line_differs": {"en": "line {line}: {got} where the reference prints {expected}",
                             "ko": "{line}번째 줄: 참고 답안은 {expected}을(를) 출력하는데 여러분의 프로그램은 {got}"},
    "program_printed_more": {"en": "your program printed more than the reference ({mine} lines against {theirs})",
                             "ko": "여러분의 프로그램이 참고 답안보다 많이 출력했습니다 (참고 답안 {theirs}줄, 여러분 {mine}줄)"},
    "program_printed_less": {"en": "your program printed less than the reference ({mine} lines against {theirs})",
                             "ko": "여러분의 프로그램이 참고 답안보다 적게 출력했습니다 (참고 답안 {theirs}줄, 여러분 {mine}줄)"},
    # nox -s race (grader/grading/racing.py, cli.py race)
    "no_race": {"en": "no race {word!r}; the races: {races}", "ko": "{word!r}라는 경주는 없습니다. 경주 목록: {races}"},
    "race_start": {"en": "Racing {count} submission(s) against the reference: {races}{size}, {seal}.",
                   "ko": "제출물 {count}개를 참고 답안과 경주합니다: {races}{size}, {seal}."},
    "race_nothing": {"en": "{error}. Nothing was raced.", "ko": "{error}. 아무것도 경주하지 않았습니다."},
    "race_board_in_report": {"en": "The leaderboard is in {path} too.", "ko": "순위표는 {path}에도 있습니다."},
    "race_report_failed": {"en": "The class report could not be written again: {type}",
                           "ko": "수업 보고서를 다시 쓸 수 없습니다: {type}"},
    "race_wrong_keys": {"en": "train() should give {expected}; it gave {got}",
                        "ko": "train()은 {expected}을(를) 돌려줘야 하는데 {got}을(를) 돌려주었습니다"},
    "race_a_dict": {"en": "a dict of {keys}", "ko": "키가 {keys}인 dict"},
    "race_not_numbers": {"en": "{result}: not numbers ({got})", "ko": "{result}: 숫자가 아닙니다 ({got})"},
    "race_count_differs": {"en": "{result}: {got} values where the reference has {expected}",
                           "ko": "{result}: 참고 답안은 값이 {expected}개인데 여러분은 {got}개입니다"},
    "race_at": {"en": " at {index} of {count}", "ko": " ({count}개 중 {index}번째)"},
    "race_value_differs": {"en": "{result}{at}: the reference has {expected}, yours {got} (tolerance: rtol {rtol}, "
                                 "atol {atol})",
                           "ko": "{result}{at}: 참고 답안은 {expected}, 여러분은 {got} (허용 오차: rtol {rtol}, atol {atol})"},
    "race_no_package": {"en": "no {package}/ package with Python files in the submission",
                        "ko": "제출물에 Python 파일이 든 {package}/ 패키지가 없습니다"},
    "race_unreadable": {"en": "your package could not be read: {error}", "ko": "여러분의 패키지를 읽을 수 없습니다: {error}"},
    "race_run": {"en": "run {number}: {why}", "ko": "{number}번째 실행: {why}"},
    "race_whole_dezero": {"en": " (a race runs your whole DeZero: every kata it uses must pass; nox -s progress)",
                          "ko": " (경주는 여러분의 DeZero 전체로 실행합니다: 경주가 쓰는 카타를 모두 통과해야 합니다. "
                                "nox -s progress)"},
    "race_differs": {"en": "your results differ from the reference's on run {number} (seed {seed}): {why}",
                     "ko": "{number}번째 실행(시드 {seed})에서 여러분의 결과가 참고 답안과 다릅니다: {why}"},
    "race_side_failed": {"en": "the {side} could not run race {race}: {error}",
                         "ko": "{side} 쪽에서 경주 {race}을(를) 실행할 수 없습니다: {error}"},
    "race_side_reference": {"en": "reference", "ko": "참고 답안"},
    "race_side_submission": {"en": "submission", "ko": "제출물"},
    "race_linux_only": {"en": "a race reads the worker's CPU time and memory from /proc: Linux only",
                        "ko": "경주는 작업 프로세스의 CPU 시간과 메모리를 /proc에서 읽습니다: Linux에서만 됩니다"},
    "race_needs_reference": {"en": "a race runs the reference beside your package: it needs solutions/, which only the "
                                   "full repository has",
                             "ko": "경주는 참고 답안을 여러분의 패키지와 나란히 실행하므로 solutions/가 필요합니다. "
                                   "solutions/는 전체 저장소에만 있습니다"},
    "race_no_key": {"en": "no place for the grader's key (~/.cache/dezero-katas): a receipt cannot be signed",
                    "ko": "채점기의 키를 둘 곳(~/.cache/dezero-katas)이 없어 영수증에 서명할 수 없습니다"},
    "race_proc_missing": {"en": "/proc/{pid}/status has no {field}", "ko": "/proc/{pid}/status에 {field}이(가) 없습니다"},
    "race_rejected": {"en": "{head}: REJECTED, no receipt: {why}", "ko": "{head}: 거부됨, 영수증 없음: {why}"},
    "race_accepted": {"en": "{head}: accepted. CPU {cpu} the reference's ({sub_cpu:.3f} s / {ref_cpu:.3f} s, medians of "
                            "{runs}), memory added at peak {memory} ({sub_mib:.1f} / {ref_mib:.1f} MiB){where}",
                      "ko": "{head}: 인정됨. CPU는 참고 답안의 {cpu} ({sub_cpu:.3f}초 / {ref_cpu:.3f}초, {runs}번의 "
                            "중앙값), 최대 메모리 증가량은 {memory} ({sub_mib:.1f} / {ref_mib:.1f} MiB){where}"},
    "race_receipt_at": {"en": "; receipt: {path}", "ko": "; 영수증: {path}"},
    "race_unsealed": {"en": "; no receipt: raced unsealed (your code ran as the grader's user, who holds the key that "
                            "signs them)",
                      "ko": "; 영수증 없음: 격리 없이 경주했습니다 (여러분의 코드가 영수증에 서명하는 키를 가진 채점기 "
                            "사용자로 실행되었습니다)"},
    "race_board_title": {"en": "{race}: submission, CPU (yours / the reference's), memory added at peak",
                         "ko": "{race}: 제출물, CPU (여러분 / 참고 답안), 최대 메모리 증가량"},
    "race_board_line": {"en": "  {rank}. {name}: CPU {cpu} ({sub_cpu:.3f} s / {ref_cpu:.3f} s), memory {memory} "
                              "({sub_mib:.1f} / {ref_mib:.1f} MiB){size}",
                        "ko": "  {rank}. {name}: CPU {cpu} ({sub_cpu:.3f}초 / {ref_cpu:.3f}초), 메모리 {memory} "
                              "({sub_mib:.1f} / {ref_mib:.1f} MiB){size}"},
    "race_test_sizes": {"en": " (test sizes)", "ko": " (시험용 크기)"},
    "race_left_out": {"en": "{count} receipt(s) left out: their signature does not verify with this grader's key "
                            "(changed after signing, signed on another machine, or moved to another submission's folder)",
                      "ko": "영수증 {count}개를 뺐습니다: 이 채점기의 키로 서명이 확인되지 않습니다 (서명한 뒤에 바뀌었거나, "
                            "다른 컴퓨터에서 서명했거나, 다른 제출물의 폴더로 옮겨졌습니다)"},
    "race_board_empty": {"en": "The leaderboard is empty: no accepted race has a receipt here yet.",
                         "ko": "순위표가 비어 있습니다: 아직 영수증이 있는 인정된 경주가 없습니다."},
    # the class's reports for instructors (grader/grading/reports.py: summary.md; class_report.py), in the language
    # grade or merge was given
    "class_summary": {"en": "Class summary ({count} submissions)", "ko": "수업 요약 (제출물 {count}개)"},
    "class_not_graded": {"en": "Could not be graded", "ko": "채점하지 못함"},
    "class_not_graded_note": {"en": "(no score; grade them again)", "ko": "(점수 없음; 다시 채점하세요)"},
    "class_unsealed": {"en": "Graded UNSEALED", "ko": "격리 없이 채점함"},
    "class_unsealed_note": {"en": "(learner code ran as the grader's user; scores are not proof against tampering)",
                            "ko": "(학습자의 코드가 채점기 사용자로 실행되었으므로 점수가 조작을 막았다는 증거가 되지 못합니다)"},
    "class_flagged": {"en": "Flagged for a look", "ko": "살펴볼 것"},
    "class_flagged_note": {"en": "code that reached into the interpreter's internals (frames, the collector's object "
                                 "lists, tracing, ctypes)",
                           "ko": "인터프리터 내부(프레임, 가비지 컬렉터의 객체 목록, 추적, ctypes)에 손을 댄 코드"},
    "col_kata": {"en": "kata", "ko": "카타"},
    "col_points": {"en": "points", "ko": "배점"},
    "col_solved": {"en": "solved", "ko": "해결"},
    "col_share": {"en": "share", "ko": "비율"},
    "col_total": {"en": "total", "ko": "합계"},
    "col_separating": {"en": "the check most attempts fail (submissions); the others",
                       "ko": "시도한 제출물이 가장 많이 실패한 검사 (제출물 수); 나머지"},
    "class_total_scores": {"en": "Total scores", "ko": "총점"},
    "class_mean": {"en": "Mean {mean:.1f} of {top}.", "ko": "평균: {top}점 중 {mean:.1f}점."},
    "class_untouched": {"en": "untouched stub", "ko": "손대지 않은 처음 상태"},
    "class_stopped": {"en": "crashed or did not finish", "ko": "비정상 종료 또는 끝나지 않음"},
    "class_absent": {"en": "not handed in or not importable", "ko": "제출하지 않았거나 import할 수 없음"},
    "report_title": {"en": "Class report ({count} submissions)", "ko": "수업 보고서 (제출물 {count}개)"},
    "report_katas": {"en": "{count} katas, grader {version}.", "ko": "카타 {count}개, 채점기 {version}."},
    "report_mean": {"en": " Mean {mean:.1f} of {top} points.", "ko": " 평균: {top}점 중 {mean:.1f}점."},
    "report_contents": {"en": "Contents", "ko": "목차"},
    "report_solve_rate": {"en": "Solve rate per kata", "ko": "카타별 해결 비율"},
    "report_misconceptions": {"en": "Misconceptions", "ko": "오개념"},
    "report_learning": {"en": "Time to pass and hints", "ko": "통과까지 걸린 시간과 힌트"},
    "report_flagged": {"en": "Flagged submissions", "ko": "살펴볼 제출물"},
    "report_race": {"en": "Race leaderboard", "ko": "경주 순위표"},
    "report_scores_caption": {"en": "How many of the {count} submissions scored in each range of points (out of {top}).",
                              "ko": "제출물 {count}개가 점수 구간마다 몇 개씩인지 보여 줍니다 ({top}점 만점)."},
    "report_submissions": {"en": "submissions", "ko": "제출물"},
    "report_axis_points": {"en": "points", "ko": "점수"},
    "report_solved_caption": {"en": "The share of the class that solved each kata, in the ladder's order.",
                              "ko": "각 카타를 해결한 학생의 비율입니다 (카타 순서대로)."},
    "report_share": {"en": "share of the class", "ko": "해결한 비율"},
    "report_for_slides": {"en": "For slides:", "ko": "슬라이드용:"},
    "report_numbers": {"en": "{title}: the numbers", "ko": "{title}: 수치"},
    "report_separating": {"en": "Misconceptions: the check that separates", "ko": "오개념: 갈림길이 되는 검사"},
    "report_separating_about": {"en": "Per kata, the check that most submissions which tried and did not solve it fail "
                                      "(the first in the spec on a tie): the misconception a class has. Untouched "
                                      "stubs, crashes and endless loops, and katas not handed in are counted apart.",
                                "ko": "카타마다, 시도했지만 풀지 못한 제출물이 가장 많이 실패한 검사입니다(같으면 명세에서 "
                                      "앞선 검사). 수업이 가진 오개념을 보여 줍니다. 손대지 않은 처음 상태, 비정상 종료와 "
                                      "무한 루프, 제출하지 않은 카타는 따로 셉니다."},
    "report_most_failed": {"en": "the check most attempts fail", "ko": "시도한 제출물이 가장 많이 실패한 검사"},
    "report_failing_it": {"en": "attempts failing it", "ko": "그 검사에 실패한 시도"},
    "report_with_data": {"en": "submissions with data", "ko": "기록이 있는 제출물"},
    "report_median": {"en": "median {what}", "ko": "{what} 중앙값"},
    "report_hints_read": {"en": "hints read", "ko": "읽은 힌트"},
    "report_race_about": {"en": "From the receipts of {command} that this grader signed and verified. Each ratio is the "
                                "submission's measure over the reference's, the two measured back to back on the same "
                                "machine (CPU time of the worker; memory the run added at its peak), median of the runs: "
                                "below 1 is faster or smaller; the seconds and MiB are each side's medians. A race whose "
                                "results differed from the reference's has no receipt.",
                          "ko": "이 채점기가 서명하고 확인한 {command}의 영수증입니다. 각 비율은 제출물의 측정값을 참고 답안의 "
                                "측정값으로 나눈 것으로, 두 쪽을 같은 컴퓨터에서 잇달아 측정했습니다(작업 프로세스의 CPU "
                                "시간, 실행 중 최대로 늘어난 메모리). 여러 번 실행한 값의 중앙값이며 1보다 작으면 더 빠르거나 "
                                "작습니다. 초와 MiB는 각 쪽의 중앙값입니다. 결과가 참고 답안과 다른 경주에는 영수증이 "
                                "없습니다."},
    "report_race_step": {"en": " (book step {step})", "ko": " (책의 {step}단계)"},
    "report_rank": {"en": "rank", "ko": "순위"},
    "report_submission": {"en": "submission", "ko": "제출물"},
    "report_cpu_ratio": {"en": "CPU ratio", "ko": "CPU 비율"},
    "report_cpu_seconds": {"en": "CPU s, submission / reference", "ko": "CPU 초, 제출물 / 참고 답안"},
    "report_memory_ratio": {"en": "memory ratio", "ko": "메모리 비율"},
    "report_memory_added": {"en": "MiB added at peak, submission / reference",
                            "ko": "최대로 늘어난 MiB, 제출물 / 참고 답안"},
    "report_runs": {"en": "runs", "ko": "실행 횟수"},
    "report_date": {"en": "date (UTC)", "ko": "날짜 (UTC)"},
    "report_worth_a_look": {"en": "Code that reached into the interpreter's internals (frames, the collector's object "
                                  "lists, tracing, ctypes): worth a look.",
                            "ko": "인터프리터 내부(프레임, 가비지 컬렉터의 객체 목록, 추적, ctypes)에 손을 댄 코드입니다. "
                                  "살펴볼 만합니다."},
    "report_none": {"en": "None.", "ko": "없음."},
    "report_pngs": {"en": "Each chart is also a PNG beside the report (class-report-*.png).",
                    "ko": "그래프마다 보고서 옆에 PNG도 있습니다 (class-report-*.png)."},
    "report_pngs_bars": {"en": "Each chart is also a PNG beside the report (class-report-*.png), bars only: for labelled "
                               "ones, run nox -s prepare (it installs matplotlib) and grade or merge again.",
                         "ko": "그래프마다 보고서 옆에 PNG도 있지만 막대만 있습니다 (class-report-*.png). 글자가 있는 그래프를 "
                               "원하면 nox -s prepare를 실행하고(matplotlib을 설치합니다) 다시 grade 또는 merge하세요."},
    # grade and merge at the terminal (grader/cli.py, grader/grading/batch.py), in the reports' language
    "not_submission_missing": {"en": "{path}: no such file or folder", "ko": "{path}: 그런 파일이나 폴더가 없습니다"},
    "not_submission_link": {"en": "{path}: a symbolic link; pass the real folder",
                            "ko": "{path}: 심볼릭 링크입니다. 실제 폴더를 주세요"},
    "not_submission_file": {"en": "{path}: not a folder (a submission is a folder shaped like katas/)",
                            "ko": "{path}: 폴더가 아닙니다 (제출물은 katas/와 같은 모양의 폴더입니다)"},
    "not_submission_inner_link": {"en": "{path}: its {name}/ is a symbolic link; submit a real folder",
                                  "ko": "{path}: 그 안의 {name}/가 심볼릭 링크입니다. 실제 폴더를 제출하세요"},
    "not_submission_empty": {"en": "{path}: not a submission (no kata folder, no dezero/ and no katas/ inside)",
                             "ko": "{path}: 제출물이 아닙니다 (안에 카타 폴더도, dezero/도, katas/도 없습니다)"},
    "grade_start": {"en": "Grading {count} submission(s){shard}, {seal}.", "ko": "제출물 {count}개를 채점합니다{shard}, {seal}."},
    "grade_shard": {"en": " (shard {index}/{shards})", "ko": " (샤드 {index}/{shards})"},
    "grade_nothing": {"en": "{error}. Nothing was graded.", "ko": "{error}. 아무것도 채점하지 않았습니다."},
    "grade_nothing_given": {"en": "{error}. Nothing was graded (give only submission folders, e.g. subs/*/).",
                            "ko": "{error}. 아무것도 채점하지 않았습니다 (제출물 폴더만 주세요. 예: subs/*/)."},
    "grade_interrupted": {"en": "interrupted: {done} of {total} submissions graded; their reports are kept in "
                                "{out}/submissions/ and every finished kata in the cache. To resume:",
                          "ko": "중단됨: 제출물 {total}개 중 {done}개를 채점했습니다. 그 보고서는 {out}/submissions/에, 끝난 "
                                "카타는 모두 캐시에 남아 있습니다. 이어서 하려면:"},
    "grade_not_judged": {"en": "{name}: {count} kata(s) not judged, e.g. {id}: {why}",
                         "ko": "{name}: 판정하지 않은 카타 {count}개, 예: {id}: {why}"},
    "grade_wrote": {"en": "Wrote {out}/submissions/<name>/results.json (Gradescope), junit.xml, verdicts.json "
                          "(instructor only), {out}/gradebook.csv, {out}/summary.md and {out}/{report}.",
                    "ko": "{out}/submissions/<name>/results.json (Gradescope), junit.xml, verdicts.json(강사 전용), "
                          "{out}/gradebook.csv, {out}/summary.md, {out}/{report}을(를) 썼습니다."},
    "grade_unsealed": {"en": "Graded UNSEALED: the reports say so.", "ko": "격리 없이 채점했습니다: 보고서에도 그렇게 적혀 있습니다."},
    "grade_report_failed": {"en": "The class report could not be written: {type}: {error}",
                            "ko": "수업 보고서를 쓸 수 없습니다: {type}: {error}"},
    "grade_not_graded": {"en": "{count} submission(s) could not be graded (listed in summary.md): {names}",
                         "ko": "제출물 {count}개를 채점하지 못했습니다 (summary.md에 있습니다): {names}"},
    "grade_below_gate": {"en": "{count} submission(s) below the gate ({gate}): {names}",
                         "ko": "기준({gate})에 못 미친 제출물 {count}개: {names}"},
    "gate_every_kata": {"en": "every kata", "ko": "모든 카타"},
    "gate_points": {"en": "{points:g} points", "ko": "{points:g}점"},
    "merge_out_is_shard": {"en": "--out must be a new folder, not one of the shards'",
                           "ko": "--out은 샤드의 폴더가 아닌 새 폴더여야 합니다"},
    "merge_no_folder": {"en": "{path}: no such folder (give the --out folders of grade)",
                        "ko": "{path}: 그런 폴더가 없습니다 (grade의 --out 폴더들을 주세요)"},
    "merge_twice": {"en": "{name} is in both {first} and {second}", "ko": "{name}이(가) {first}와 {second} 양쪽에 있습니다"},
    "merge_incomplete": {"en": "its reports are incomplete ({type}); grade it again",
                         "ko": "보고서가 완전하지 않습니다 ({type}). 다시 채점하세요"},
    "merge_seeds": {"en": "the shards were graded with different seeds ({seeds}); grade them again with the same --seed",
                    "ko": "샤드들이 서로 다른 시드({seeds})로 채점되었습니다. 같은 --seed로 다시 채점하세요"},
    # the grader cannot run as it should (grader/grading/judging.py)
    "cannot_seal_machine": {"en": "cannot grade sealed on this machine ({detail}). Learner code would run as you, able to read "
                          "the hidden specs and change its own grade. Run on Linux with user namespaces enabled "
                          "(sysctl kernel.unprivileged_userns_clone=1, or user.max_user_namespaces > 0), or as root; "
                          "or pass --unsealed to grade anyway (the reports then say 'unsealed'). Details: nox -s doctor",
                    "ko": "이 컴퓨터에서는 격리해서 채점할 수 없습니다 ({detail}). 학습자의 코드가 여러분의 권한으로 실행되어 "
                          "숨김 명세를 읽고 자기 점수를 바꿀 수 있습니다. 사용자 네임스페이스가 켜진 Linux에서 실행하거나"
                          "(sysctl kernel.unprivileged_userns_clone=1, 또는 user.max_user_namespaces > 0) root로 "
                          "실행하세요. 그래도 채점하려면 --unsealed를 주세요 (보고서에 'unsealed'라고 적힙니다). "
                          "자세한 내용: nox -s doctor"},
    "judge_could_not_start": {"en": "the judge could not start (pytest exit code {code})",
                              "ko": "판정 프로세스를 시작할 수 없습니다 (pytest 종료 코드 {code})"},
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


def t(key, lang=None, **params):
    """The phrase ``key`` in ``lang`` (default: the learner's), with ``params`` filled in."""
    texts = PHRASES[key]
    text = texts.get(lang or language()) or texts["en"]
    return text.format(**params)


# -- words as data
# What the judge and grading say (a check's failure, a kata's reason) is recorded as data and put into words
# only when shown, in the reader's language. Words are one of:
#   "text"                               learner text, a value, or a spec's own English: shown as it is
#   {"phrase": KEY, "params": {...}}     a phrase of PHRASES; each value is a number or words itself
#   {"en": "text", "ko": "텍스트"}        a spec's own text with its Korean (spec.fail(en, ko=...))
#   [words, words, ...]                  one after the other
# Nothing here parses English back: a new sentence of the grader's is a new key in PHRASES (both languages).


def phrase(key, **params):
    """The phrase ``key`` with its values, as data (``say`` puts it into words)."""
    assert key in PHRASES, key  # a phrase the table lacks would show as unreadable
    return {"phrase": key, "params": params}


def say(words, lang=None, depth=0):
    """``words`` (see above) as text in ``lang`` (default: the learner's). Fails closed: anything that is not
    words (a damaged or foreign record) reads as the phrase "unreadable", never as a crash."""
    lang = lang or language()
    if isinstance(words, str):
        return words
    if depth > 32:
        return t("unreadable", lang)
    if isinstance(words, list):
        return "".join(say(part, lang, depth + 1) for part in words)
    if isinstance(words, dict):
        if "phrase" in words:
            return _said(words.get("phrase"), words.get("params"), lang, depth)
        if isinstance(words.get("en"), str):
            other = words.get(lang)
            return other if isinstance(other, str) and other else words["en"]
    if isinstance(words, (int, float)) and not isinstance(words, bool):
        return str(words)
    return t("unreadable", lang)


def _said(key, params, lang, depth):
    texts = PHRASES.get(key) if isinstance(key, str) else None
    if texts is None or not isinstance(params, dict):
        return t("unreadable", lang)
    values = {name: value if isinstance(value, (int, float)) and not isinstance(value, bool)
              else say(value, lang, depth + 1) for name, value in params.items()}
    try:
        return (texts.get(lang) or texts["en"]).format(**values)
    except (KeyError, IndexError, ValueError, TypeError):
        return t("unreadable", lang)


def retext(words, change):
    """``words`` with ``change`` applied to every text in them (learner text, values, a spec's text), phrase keys
    kept: how the judge hides reference lines and terminal controls in what a record quotes."""
    if isinstance(words, str):
        return change(words)
    if isinstance(words, list):
        return [retext(part, change) for part in words]
    if isinstance(words, dict) and "phrase" in words and isinstance(words.get("params"), dict):
        return {"phrase": words["phrase"], "params": {name: retext(value, change)
                                                      for name, value in words["params"].items()}}
    if isinstance(words, dict):
        return {lang: change(text) if isinstance(text, str) else text for lang, text in words.items()}
    return words
