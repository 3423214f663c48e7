"""The class report: grade writes one self-contained HTML page that a real browser draws and that asks for nothing.

The browser is the distribution's Chromium (``apt-get install chromium``; .ci/run installs it): where it is
missing, the browser tests skip and say so. The screenshot is kept in the test's output folder.
"""

import json
import re
import shutil
import struct
import subprocess
import sys
import zlib
from html.parser import HTMLParser

import pytest

from grader import ROOT
from grader.grading import class_report
from grader.grading.records import KataResult, SubmissionResult
from grader.judge.records import Verdict
from grader.course.katas import all_katas
from tests.helpers import mutate, stub, write_submission

KATA = "14_grad_accumulation"
TRAP = mutate(KATA, "x.grad = x.grad + gx", "x.grad += gx")  # the in-place += trap
PEEK = mutate(KATA, "import numpy as np", "import numpy as np\nimport gc\ngc.get_objects()")  # flagged for a look
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="no chromium here: apt-get install chromium")


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    """Six submissions of one kata, graded by the real command: two solved, a stub, two fell in the += trap,
    and one peeked at the collector's object list (flagged)."""
    base = tmp_path_factory.mktemp("class")
    subs = [write_submission(base / "alice", only=[KATA], package=False),
            write_submission(base / "bob", {KATA: stub(KATA)}, only=[KATA], package=False),
            write_submission(base / "carol", only=[KATA], package=False, changes=TRAP),
            write_submission(base / "dave", only=[KATA], package=False, changes=TRAP),
            write_submission(base / "<b>eve", only=[KATA], package=False, changes=PEEK),
            write_submission(base / "frank", only=[KATA], package=False)]
    done = subprocess.run([sys.executable, "-m", "grader", "grade", *map(str, subs), "--out", str(base / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return base / "out", done.stdout


def test_grade_writes_the_report_and_a_png_per_chart(graded_class):
    out, stdout = graded_class
    page = (out / class_report.REPORT).read_text(encoding="utf-8")
    assert "class-report.html" in stdout and "class-report-*.png" in stdout
    assert "Class report (6 submissions)" in page
    row = re.search(rf"<tr><th scope=\"row\">{KATA}</th>(.*?)</tr>", page.split('id="misconceptions"')[1]).group(1)
    assert "<td>2/6</td>" in row and "x.grad = 3" in row and "<td>2</td>" in row, "the += trap: carol and dave"
    assert "&lt;b&gt;eve: 14_grad_accumulation" in page and "<b>" not in page, "flagged, and escaped"
    for chart in ("scores", "solved"):
        width, height, pixels = decode_png((out / f"class-report-{chart}.png").read_bytes())
        assert width > 100 and height > 50 and pixels.count(bytes.fromhex(class_report.BAR[1:])) > 100, chart


def test_the_report_points_at_nothing_outside_itself(graded_class):
    out, _ = graded_class
    page = (out / class_report.REPORT).read_text(encoding="utf-8")
    assert outside_references(page) == []
    assert outside_references('<img src="x.png"><a href="https://a.b"><style>p { background: url(y) }</style>') \
        == ['src="x.png"', 'href="https://a.b"', "a style sheet that loads something"], "the reader sees them"
    assert "<script" not in page and "default-src 'none'" in page


@needs_chromium
def test_chromium_draws_every_chart(graded_class):
    out, _ = graded_class
    shot = out / "report-screenshot.png"
    chromium(out / class_report.REPORT, f"--screenshot={shot}", "--window-size=1280,2400")
    width, _, pixels = decode_png(shot.read_bytes())
    rows = [pixels[y * width * 3:(y + 1) * width * 3] for y in range(len(pixels) // (width * 3))]
    bar = bytes.fromhex(class_report.BAR[1:])
    bands = [y for y, row in enumerate(rows) if bar * 20 in row]  # rows of the screenshot that cross a bar
    blocks = [y for y, next_y in zip([-99] + bands, bands) if next_y - y > 1]
    assert len(blocks) >= 2 and len(bands) >= 20, f"the histogram's and the solve rate's bars (screenshot: {shot})"
    print(f"screenshot: {shot}")


@needs_chromium
def test_chromium_makes_no_request_for_the_page(graded_class, tmp_path):
    out, _ = graded_class
    assert page_requests(out / class_report.REPORT, tmp_path / "report") == []
    probe = tmp_path / "probe.html"
    probe.write_text('<img src="http://example.invalid/a.png"><link rel="stylesheet" href="https://b.invalid/c.css">')
    assert sorted(page_requests(probe, tmp_path / "probe")) == ["http://example.invalid/a.png",
                                                                "https://b.invalid/c.css"], "the log sees requests"


def _result(name, learning=None, doc="d"):
    kata = KataResult(KATA, "title", 5.0, 0.0, "", [Verdict(KATA, "t", doc=doc, outcome="failed", kind="check")])
    if learning is not None:
        kata.learning = learning
    return SubmissionResult(name, name, [kata], 0)


def test_learning_data_gets_a_table_only_where_results_carry_it():
    katas = [k for k in all_katas() if k.id == KATA]
    assert 'id="learning"' not in class_report.page([_result("a"), _result("b")], katas)
    page = class_report.page([_result("a", {"minutes_to_pass": 10, "hints_used": 1}),
                              _result("b", {"minutes_to_pass": 30, "hints_used": 3}), _result("c")], katas)
    table = page.split('id="learning"')[1]
    assert f'<th scope="row">{KATA}</th><td>2</td><td>20</td><td>2</td>' in table, "medians over those with data"


def test_names_and_check_titles_are_shown_as_text():
    katas = [k for k in all_katas() if k.id == KATA]
    odd = _result("<script>x</script>\x1b\u202e", doc='<img src="y">')
    odd.seal = "unsealed"  # the report names it
    page = class_report.page([odd], katas, {"<b>bob</b>": "why <i>"})
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;\\x1b\\u202e" in page
    assert '<img src="y">' not in page and "<b>bob" not in page and outside_references(page) == []


def test_pngs_without_matplotlib_are_bars_and_the_page_says_how_to_label_them(tmp_path, monkeypatch):
    monkeypatch.setattr(class_report, "has_matplotlib", lambda: False)
    katas = [k for k in all_katas() if k.id == KATA]
    note = class_report.write([_result("a"), _result("b")], katas, tmp_path)
    assert "nox -s prepare" in note and "nox -s prepare" in (tmp_path / class_report.REPORT).read_text()
    width, height, pixels = decode_png((tmp_path / "class-report-scores.png").read_bytes())
    assert pixels.count(bytes.fromhex(class_report.BAR[1:])) > 100, "the bar of the two zero scores"


def test_pngs_with_matplotlib_are_drawn_by_it(tmp_path):
    pytest.importorskip("matplotlib", reason="matplotlib is the optional extra 'plots' (nox -s prepare)")
    katas = [k for k in all_katas() if k.id == KATA]
    note = class_report.write([_result("a"), _result("b")], katas, tmp_path)
    assert "nox -s prepare" not in note
    assert (tmp_path / "class-report-solved.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------- helpers

def outside_references(page):
    """Every attribute, element or style rule in the page that would load something from outside it.

    Read as a browser reads it (html.parser): links to a #fragment stay inside; text that merely looks
    like an attribute (an escaped check title) is text.
    """
    found = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("link", "script", "iframe", "object", "embed", "base"):
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name in ("src", "href", "xlink:href", "action", "data", "poster", "srcset", "background") \
                        and not (value or "").startswith("#"):
                    found.append(f'{name}="{value}"')
                if name == "style" and re.search(r"url\(|@import", value or "", flags=re.I):
                    found.append(f'style="{value}"')

        def handle_data(self, data):
            if self.lasttag == "style" and re.search(r"url\(|@import", data, flags=re.I):
                found.append("a style sheet that loads something")

    Reader().feed(page)
    return found


def chromium(page, *options, user_data=None):
    user_data = user_data or page.parent / "chromium-profile"
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                           "--no-first-run", "--disable-background-networking", "--disable-component-update",
                           "--disable-sync", f"--user-data-dir={user_data}", *options, page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def page_requests(page, work):
    """The URLs the page asked the network for, from Chromium's net log (the browser's own are left out).

    Requests a page makes name it as their initiator; the browser's own (update checks and such)
    say "not an origin". Every host resolves to nothing, so no request could leave this machine anyway.
    """
    work.mkdir()
    log = work / "net-log.json"
    chromium(page, "--dump-dom", '--host-resolver-rules=MAP * ~NOTFOUND', f"--log-net-log={log}",
             user_data=work / "profile")
    data = json.loads(log.read_text())
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [e["params"]["url"] for e in data["events"]
            if e["type"] == start and "url" in e.get("params", {}) and e["params"].get("initiator") != "not an origin"]


def decode_png(data):
    """A PNG's width, height and pixels as RGB bytes (8-bit RGB or RGBA, every row filter)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        chunks.setdefault(kind, []).append(data[at + 8:at + 8 + length])
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    size = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks[b"IDAT"])), width * size
    previous, pixels = bytearray(stride), bytearray()
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - size] if x >= size else 0
            b, c = previous[x], previous[x - size] if x >= size else 0
            p = a + b - c
            paeth = min((abs(p - a), 0, a), (abs(p - b), 1, b), (abs(p - c), 2, c))[2]
            line[x] = (line[x] + (0, a, b, (a + b) // 2, paeth)[kind]) & 0xFF
        pixels += line if size == 3 else b"".join(line[x:x + 3] for x in range(0, stride, 4))
        previous = line
    return width, height, bytes(pixels)
