"""The class report: one self-contained HTML page to look at, and each of its charts as a PNG for slides.

The page carries everything inline (charts as SVG, its style in a <style> element) and no script,
font, style sheet or image from anywhere else, so it opens offline and makes no request; a
Content-Security-Policy says so to the browser too. Every chart is a <figure> with a caption, a
text alternative and its numbers in a table, and the page prints. The counts come from reports.py
(the check that separates, the flagged katas, the histogram's bins): one place for each.
"""

import html
import statistics
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from grader import __version__
from grader.i18n import t
from grader.grading.reports import NOT_ATTEMPTED, flagged_katas, kata_results, printable, score_bins, separating_check

REPORT = "class-report.html"
INK, BAR, GRID = "#1a1a1a", "#1f5fa8", "#767676"  # each at least 4.5:1 against white

# The hook for learning data (time to pass, hints read): a kata result that carries a ``learning``
# dict with these keys gets a per-kata table of medians; when no result carries one, no such table.
LEARNING = (("minutes_to_pass", "learning_minutes"), ("hints_used", "report_hints_read"))  # (key, its phrase)


def esc(text):
    """Any name or title as HTML text: printable first (no control or bidi characters), then escaped."""
    return html.escape(printable(text), quote=True)


@dataclass
class Chart:
    """A horizontal bar chart: one (label, value, value as text) row per bar, on an axis from 0 to ``limit``."""
    slug: str
    title: str
    caption: str
    rows: list
    limit: float
    unit: str
    label: str  # what a row is, for the head of the numbers' table


def charts(submissions, katas, lang="en"):
    """The report's two charts: the total scores' histogram and the share of the class that solved each kata."""
    top = sum(k.points for k in katas)
    totals = [s.score for s in submissions]
    bins = score_bins(totals, top)
    histogram = Chart("scores", t("class_total_scores", lang), t("report_scores_caption", lang, count=len(totals),
                                                                   top=top),
                      [(f"{low:.0f}–{high:.0f}", count, str(count)) for low, high, count in bins],
                      max([count for _, _, count in bins] + [1]), t("report_submissions", lang),
                      t("report_axis_points", lang))
    rows = []
    for kata in katas:
        results, _ = kata_results(submissions, kata)
        solved = sum(bool(r and r.passed) for r in results)
        share = solved / len(results) if results else 0.0
        rows.append((kata.id, share, f"{solved}/{len(results)} ({share:.0%})"))
    solve_rate = Chart("solved", t("report_solve_rate", lang), t("report_solved_caption", lang), rows, 1.0,
                       t("report_share", lang), t("col_kata", lang))
    return [histogram, solve_rate]


# ---------------------------------------------------------------- the page

LABEL_W, BAR_W, ROW_H = 190, 430, 20


def svg(chart):
    """The chart as inline SVG, with its title and a description as the text alternative."""
    height = ROW_H * len(chart.rows) + 30
    parts = [f'<svg role="img" aria-labelledby="{chart.slug}-t {chart.slug}-d" width="{LABEL_W + BAR_W + 120}" '
             f'height="{height}" viewBox="0 0 {LABEL_W + BAR_W + 120} {height}" font-family="sans-serif" '
             f'font-size="12" fill="{INK}">',
             f'<title id="{chart.slug}-t">{esc(chart.title)}</title>',
             f'<desc id="{chart.slug}-d">{esc(chart.caption)} '
             + "; ".join(f"{esc(label)}: {esc(text)}" for label, _, text in chart.rows) + "</desc>"]
    for i, (label, value, text) in enumerate(chart.rows):
        y = ROW_H * i
        width = BAR_W * value / chart.limit if chart.limit else 0
        parts += [f'<text x="{LABEL_W - 6}" y="{y + 14}" text-anchor="end">{esc(label)}</text>',
                  f'<rect x="{LABEL_W}" y="{y + 3}" width="{width:.1f}" height="{ROW_H - 6}" fill="{BAR}"/>',
                  f'<text x="{LABEL_W + width + 4:.1f}" y="{y + 14}">{esc(text)}</text>']
    axis = ROW_H * len(chart.rows)
    parts += [f'<line x1="{LABEL_W}" y1="0" x2="{LABEL_W}" y2="{axis}" stroke="{GRID}"/>',
              f'<line x1="{LABEL_W}" y1="{axis}" x2="{LABEL_W + BAR_W}" y2="{axis}" stroke="{GRID}"/>',
              f'<text x="{LABEL_W + BAR_W}" y="{axis + 20}" text-anchor="end">{esc(chart.unit)}</text>',
              "</svg>"]
    return "\n".join(parts)


def figure(chart, lang="en"):
    """A chart as a figure: caption, picture, and its numbers in a table one key press away."""
    rows = "".join(f"<tr><th scope=\"row\">{esc(label)}</th><td>{esc(text)}</td></tr>"
                   for label, _, text in chart.rows)
    return (f'<section id="{chart.slug}" aria-labelledby="{chart.slug}-h"><h2 id="{chart.slug}-h">'
            f'{esc(chart.title)}</h2>\n<figure>\n{svg(chart)}\n<figcaption>{esc(chart.caption)} '
            f'{esc(t("report_for_slides", lang))} <code>{esc(png_name(chart))}</code>.</figcaption>\n</figure>\n'
            f'<details><summary>{esc(t("report_numbers", lang, title=chart.title))}</summary>\n<table><thead><tr>'
            f'<th scope="col">'
            f'{esc(chart.label)}</th><th scope="col">{esc(chart.unit)}</th></tr></thead><tbody>{rows}</tbody></table></details>'
            f'</section>')


def misconceptions(submissions, katas, lang="en"):
    """Per kata the check most attempts fail (reports.separating_check), beside the unsolved not attempted."""
    head = "".join(f'<th scope="col">{esc(t(key, lang))}</th>' for _, key in NOT_ATTEMPTED)
    rows = []
    for kata in katas:
        results, untouched = kata_results(submissions, kata)
        doc, count, kinds = separating_check(results, untouched, lang)
        solved = sum(bool(r and r.passed) for r in results)
        rows.append(f'<tr><th scope="row">{esc(kata.id)}</th><td>{solved}/{len(results)}</td>'
                    f"<td>{esc(doc) if doc else '–'}</td><td>{count or ''}</td>"
                    + "".join(f"<td>{kinds.get(kind) or ''}</td>" for kind, _ in NOT_ATTEMPTED) + "</tr>")
    columns = "".join(f'<th scope="col">{esc(t(key, lang))}</th>'
                      for key in ("col_kata", "col_solved", "report_most_failed", "report_failing_it"))
    return ('<section id="misconceptions" aria-labelledby="misconceptions-h"><h2 id="misconceptions-h">'
            f'{esc(t("report_separating", lang))}</h2>\n<p>{esc(t("report_separating_about", lang))}</p>\n'
            f'<table><thead><tr>{columns}{head}</tr></thead>\n<tbody>' + "\n".join(rows) + "</tbody></table></section>")


def learning_table(submissions, katas, lang="en"):
    """Per kata the median of each LEARNING measure over the submissions that carry it ('' when none does)."""
    rows = []
    for kata in katas:
        results, _ = kata_results(submissions, kata)
        data = [getattr(r, "learning", None) for r in results if r is not None]
        data = [d for d in data if isinstance(d, dict)]
        cells = []
        for key, _ in LEARNING:
            values = [d[key] for d in data if isinstance(d.get(key), (int, float))]
            cells.append(f"{statistics.median(values):g}" if values else "–")
        if data:
            rows.append(f'<tr><th scope="row">{esc(kata.id)}</th><td>{len(data)}</td>'
                        + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    if not rows:
        return ""
    head = "".join(f'<th scope="col">{esc(t("report_median", lang, what=t(key, lang)))}</th>' for _, key in LEARNING)
    return ('<section id="learning" aria-labelledby="learning-h"><h2 id="learning-h">'
            f'{esc(t("report_learning", lang))}</h2>\n<table><thead><tr><th scope="col">{esc(t("col_kata", lang))}'
            f'</th><th scope="col">{esc(t("report_with_data", lang))}</th>'
            f"{head}</tr></thead>\n<tbody>" + "\n".join(rows) + "</tbody></table></section>")


def race_section(board, lang="en"):
    """The race leaderboard (grader/grading/racing.py): only receipts whose signature verified; the rest counted."""
    if not board:
        return ""
    from grader.grading.racing import ratio_text

    about = esc(t("report_race_about", lang, command="@COMMAND@")).replace("@COMMAND@", "<code>nox -s race</code>")
    parts = ['<section id="race" aria-labelledby="race-h"><h2 id="race-h">'
             f'{esc(t("report_race", lang))}</h2>\n<p>{about}</p>']
    columns = "".join(f'<th scope="col">{esc(t(key, lang))}</th>' for key in (
        "report_rank", "report_submission", "report_cpu_ratio", "report_cpu_seconds", "report_memory_ratio",
        "report_memory_added", "report_runs", "report_date"))
    for race_id, entries in board.races.items():
        rows = []
        for rank, entry in enumerate(entries, 1):
            sub, ref = entry["median"]["submission"], entry["median"]["reference"]
            rows.append(f'<tr><td>{rank}</td><th scope="row">{esc(entry["submission"])}</th>'
                        f"<td>{ratio_text(entry['ratio']['cpu'])}</td><td>{sub['cpu_s']:.3f} / {ref['cpu_s']:.3f}</td>"
                        f"<td>{ratio_text(entry['ratio']['memory'])}</td>"
                        f"<td>{sub['added_mib']:.1f} / {ref['added_mib']:.1f}</td><td>{int(entry['runs'])}"
                        f"{esc(t('race_test_sizes', lang)) if entry.get('small') else ''}</td>"
                        f"<td>{esc(entry['date'])}</td></tr>")
        step = entries[0].get("step")
        book_step = esc(t("report_race_step", lang, step=int(step))) if isinstance(step, int) else ""
        parts.append(f"<h3>{esc(race_id)}{book_step}</h3>\n"
                     f'<table><thead><tr>{columns}</tr></thead>\n<tbody>' + "\n".join(rows) + "</tbody></table>")
    if board.left_out:
        parts.append(f'<p class="warning">{esc(t("race_left_out", lang, count=board.left_out))}</p>')
    return "\n".join(parts) + "</section>"


STYLE = f"""
body {{ font-family: sans-serif; color: {INK}; background: #fff; max-width: 60rem; margin: 1rem auto;
       padding: 0 1rem; line-height: 1.4; }}
a {{ color: {INK}; }}  /* the bars' colour is the charts' alone: the browser test finds them by it */
a:focus, summary:focus {{ outline: 3px solid {INK}; outline-offset: 2px; }}
table {{ border-collapse: collapse; margin: 0.5rem 0; }}
th, td {{ border: 1px solid {GRID}; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }}
figure {{ margin: 0; }}
svg {{ max-width: 100%; height: auto; }}
.warning {{ border-left: 4px solid {INK}; padding-left: 0.5rem; }}
@media print {{
  nav, summary {{ display: none; }}
  body {{ max-width: none; margin: 0; }}
  section, figure, tr {{ break-inside: avoid; }}
  a {{ color: {INK}; text-decoration: none; }}
}}
"""


def page(submissions, katas, not_graded=None, png_note="", board=None, lang="en"):
    """The whole report as one HTML document in ``lang`` (``not_graded``: name -> why, as for summary_markdown;
    ``board``: the race receipts, racing.leaderboard)."""
    submissions = sorted(submissions, key=lambda s: printable(s.name))
    figures = charts(submissions, katas, lang)
    learning = learning_table(submissions, katas, lang)
    race = race_section(board, lang)
    notes = []
    if not_graded:
        notes.append(f"<strong>{esc(t('class_not_graded', lang))}</strong> {esc(t('class_not_graded_note', lang))}: "
                     + ", ".join(f"{esc(n)} ({esc(why)})"
                                 for n, why in sorted((printable(n), w) for n, w in not_graded.items())))
    unsealed = [esc(s.name) for s in submissions if s.seal != "sealed"]
    if unsealed:
        notes.append(f"<strong>{esc(t('class_unsealed', lang))}</strong> {esc(t('class_unsealed_note', lang))}: "
                     + ", ".join(unsealed))
    flagged = flagged_katas(submissions)
    flagged_html = ("<ul>" + "".join(f"<li>{esc(name)}: {esc(', '.join(ids))}</li>" for name, ids in flagged)
                    + "</ul>") if flagged else f"<p>{esc(t('report_none', lang))}</p>"
    sections = [("scores", "class_total_scores"), ("solved", "report_solve_rate"),
                ("misconceptions", "report_misconceptions"), ("learning", "report_learning"),
                ("flagged", "report_flagged"), ("race", "report_race")]
    present = {"learning": learning, "race": race}
    nav = "".join(f'<li><a href="#{slug}">{esc(t(key, lang))}</a></li>' for slug, key in sections
                  if present.get(slug, True))
    totals = [s.score for s in submissions]
    mean = t("report_mean", lang, mean=sum(totals) / len(totals), top=sum(k.points for k in katas)) if totals else ""
    title = esc(t("report_title", lang, count=len(submissions)))
    return "\n".join([
        "<!DOCTYPE html>", f'<html lang="{esc(lang)}">', "<head>", '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>", f"<style>{STYLE}</style>", "</head>",
        "<body>", "<header>", f"<h1>{title}</h1>",
        f"<p>{esc(t('report_katas', lang, count=len(katas), version=__version__) + mean)}</p>",
        *(f'<p class="warning">{note}</p>' for note in notes),
        f'<nav aria-label="{esc(t("report_contents", lang))}"><ul>{nav}</ul></nav>', "</header>", "<main>",
        *(figure(chart, lang) for chart in figures), misconceptions(submissions, katas, lang), learning,
        f'<section id="flagged" aria-labelledby="flagged-h"><h2 id="flagged-h">{esc(t("report_flagged", lang))}</h2>'
        f"<p>{esc(t('report_worth_a_look', lang))}</p>{flagged_html}</section>", race,
        "</main>", f"<footer><p>{png_note}</p></footer>" if png_note else "", "</body>", "</html>", ""])


# ---------------------------------------------------------------- PNGs for slides

def png_name(chart):
    return f"class-report-{chart.slug}.png"


def write_png_matplotlib(chart, path):
    """The chart drawn by matplotlib (the optional extra "plots"), labels and all."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = [printable(label) for label, _, _ in chart.rows]
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.22 * len(labels)))
    ax.barh(range(len(labels)), [value for _, value, _ in chart.rows], color=BAR)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, chart.limit)
    ax.set_xlabel(chart.unit)
    ax.set_title(chart.title)
    fig.tight_layout()
    fig.savefig(path, dpi=150)
    plt.close(fig)


def write_png_bars(chart, path, width=800):
    """The chart's bars and axes only, without text (the HTML carries the labels), in plain Python.

    A PNG is a signature and chunks (length, type, data, CRC); the image is rows of RGB bytes, each
    row after a filter byte 0, compressed with zlib.
    """
    white, bar, axis = b"\xff\xff\xff", bytes.fromhex(BAR[1:]), bytes.fromhex(GRID[1:])
    height, left = ROW_H * len(chart.rows) + 10, 10
    rows = []
    for y in range(height):
        i, offset = divmod(y, ROW_H)
        length = 0
        if i < len(chart.rows) and 3 <= offset < ROW_H - 3 and chart.limit:
            length = round((width - left - 10) * chart.rows[i][1] / chart.limit)
        line = white * left + axis + bar * length + white * (width - left - 1 - length)
        rows.append(b"\x00" + (axis * width if y == height - 10 else line))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits per channel, RGB
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                           + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b""))


def has_matplotlib():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def write(submissions, katas, out, not_graded=None, lang="en"):
    """Write class-report.html (in ``lang``) and one PNG per chart into ``out``; return a line saying what was
    written."""
    out = Path(out)
    labelled = has_matplotlib()
    for chart in charts(sorted(submissions, key=lambda s: printable(s.name)), katas, lang):
        (write_png_matplotlib if labelled else write_png_bars)(chart, out / png_name(chart))
    note = t("report_pngs" if labelled else "report_pngs_bars", lang)
    from grader.grading.racing import leaderboard

    board = leaderboard(out)  # the receipts nox -s race wrote into out, verified
    (out / REPORT).write_text(page(submissions, katas, not_graded, esc(note), board, lang), encoding="utf-8")
    return note
