"""OUT/index.html and OUT/projects/*.html: static pages that need no network and run no foreign code.

Every piece of text that came from a projects file or a governance document goes through
``html.escape``; URLs become links only when they are http(s). As a second wall, each page carries
a Content-Security-Policy that allows nothing but its own inline style and script (by hash), so
even a mistake in escaping could not run a script or load anything from the network.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from typing import Any, Sequence
from urllib.parse import urlsplit

from govlint.printable import printable
from govlint.report import FAIL, PARTIAL, REQUIRED
from govlint.audit.summary import NO_MATURITY, RATING_VERSUS_LEVEL, RATINGS, change_text

_RATING_COLOURS = {"A": "#2e7d32", "B": "#7cb342", "C": "#f9a825", "D": "#d84315"}
_ERROR_COLOUR = "#757575"
_PENDING_COLOUR = "#cfd8dc"
_STATUS_LABEL = {"pass": "pass", "partial": "partial", "fail": "fail", "not-applicable": "n/a", "waived": "waived"}

_STYLE = """
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--ok:#1a7f37;--bad:#cf222e}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);
background:var(--bg);margin:0 auto;max-width:1280px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
.meta{color:var(--muted);margin:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:18px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:150px;background:var(--soft)}
.card b{display:block;font-size:22px}.card span{color:var(--muted)}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);position:sticky;top:0;white-space:nowrap}
th button{all:unset;cursor:pointer;font-weight:600}
th button:focus-visible{outline:2px solid #0969da}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.error td{background:#fff8f0}
.rating{display:inline-block;min-width:22px;text-align:center;border-radius:4px;color:#fff;font-weight:700}
.rating-A{background:#2e7d32}.rating-B{background:#7cb342}.rating-C{background:#f9a825}.rating-D{background:#d84315}
.yes{color:var(--ok);font-weight:600}.no{color:var(--bad);font-weight:600}
.missing{color:var(--muted);font-size:13px}
.status-pass{color:var(--ok)}.status-fail{color:var(--bad)}.status-partial{color:#9a6700}
.err{color:var(--bad)}
.key{color:var(--muted);max-width:900px;margin:0 0 8px}
input[type=search]{padding:6px 10px;border:1px solid var(--line);border-radius:6px;width:320px;margin-bottom:8px}
meter{width:90px;vertical-align:middle}
blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid var(--line);color:#333;white-space:pre-wrap}
code{font-size:12.5px}
.chart text{font:12px system-ui,-apple-system,"DejaVu Sans",sans-serif;fill:#1b1f24}
.chart text.in{fill:#fff;font-weight:600}
"""

_SCRIPT = """
(function () {
  "use strict";
  var LEVEL = __LEVELS__;
  function key(cell, type) {
    var v = cell.getAttribute("data-sort");
    if (v === null) { v = cell.textContent.trim(); }
    if (type === "number") { var n = parseFloat(v); return isNaN(n) ? -Infinity : n; }
    if (type === "level") { return v in LEVEL ? LEVEL[v] : -1; }
    return v.toLowerCase();
  }
  function sortBy(table, col, ascending) {
    var heads = table.tHead.rows[0].cells;
    var type = heads[col].getAttribute("data-type") || "text";
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    heads[col].setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.setAttribute("data-order", i); });
    rows.sort(function (a, b) {
      var x = key(a.cells[col], type), y = key(b.cells[col], type);
      if (x < y) { return ascending ? -1 : 1; }
      if (x > y) { return ascending ? 1 : -1; }
      return a.getAttribute("data-order") - b.getAttribute("data-order");
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        sortBy(table, col, th.getAttribute("aria-sort") !== "ascending");
      });
    });
  });
  var filter = document.getElementById("filter");
  if (filter) {
    filter.addEventListener("input", function () {
      var q = filter.value.trim().toLowerCase();
      Array.prototype.forEach.call(document.querySelectorAll("#projects tbody tr"), function (row) {
        row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }
})();
"""


def _e(value: Any) -> str:
    """Text for HTML: escape sequences and control characters out (printable), markup escaped."""
    return html.escape(printable("" if value is None else str(value)), quote=True)


def _safe_url(url: Any) -> str | None:
    """The URL, escaped for an attribute, when it is http(s); None for anything else (javascript:, data:)."""
    if not isinstance(url, str):
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return _e(url.strip()) if scheme in ("http", "https") else None


def _link(url: Any, text: str) -> str:
    href = _safe_url(url)
    return f'<a href="{href}" rel="noopener noreferrer">{_e(text)}</a>' if href else _e(text)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _page(title: str, body: str, *, script: str | None = None) -> str:
    csp = (f"default-src 'none'; style-src {_hash(_STYLE)}; img-src data:; "
           f"script-src {_hash(script) if script else chr(39) + 'none' + chr(39)}; base-uri 'none'; form-action 'none'")
    parts = ['<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="referrer" content="no-referrer">',
             f'<title>{_e(title)}</title>', f'<style>{_STYLE}</style>', '</head>', '<body>', body]
    if script:
        parts.append(f'<script>{script}</script>')
    parts += ['</body>', '</html>', '']
    return "\n".join(parts)


def _yes(value: bool | None, *, missing: str = "") -> str:
    if value is None:
        return '<td data-sort="-1"></td>'
    return (f'<td data-sort="{int(value)}"><span class="{"yes" if value else "no"}">'
            f'{"yes" if value else "no"}</span>{missing}</td>')


# --------------------------------------------------------------------------------------------------
# index.html

def render_index(summary: dict[str, Any]) -> str:
    totals = summary["totals"]
    run = summary.get("run") or {}
    compared = run.get("compared_with")
    body = ['<header>', '<h1>Governance audit</h1>',
            f'<p class="meta">{totals["projects"]} projects from <code>{_e(summary.get("projects_file"))}</code>'
            f' &middot; govlint {_e(summary["govlint_version"])} &middot; {_e(run.get("generated_at", ""))}'
            + (f' &middot; compared with <code>{_e(compared)}</code>' if compared else '')
            + (f' &middot; merged from shards {_e(", ".join(run.get("shards", [])))}' if run.get("shards") else '')
            + '</p>', '</header>']
    cards = [("projects", totals["projects"]), ("audited", totals["results"]),
             ("could not be audited", totals["errors"]), ("meet their own level", totals["meeting_maturity"]),
             ("do not", totals["not_meeting_maturity"]), ("ready for the next level", totals["ready_for_next"])]
    if totals["pending"]:
        cards.append(("not audited yet", totals["pending"]))
    if compared:
        cards.append(("regressed", totals["regressed"]))
    body.append('<section class="cards" aria-label="Totals">' + "".join(
        f'<div class="card"><b>{n}</b><span>{_e(label)}</span></div>' for label, n in cards) + '</section>')
    body.append(f'<p class="key" id="key"><b>Rating and level.</b> {_e(RATING_VERSUS_LEVEL)} '
                '&ldquo;Blocking own level&rdquo; names those rules.</p>')
    body += ['<section>', '<h2>Ratings by maturity level</h2>', _chart(summary["by_maturity"]), '</section>']
    body += ['<section>', '<h2>Projects</h2>',
             '<input type="search" id="filter" placeholder="Filter projects, rules, errors" aria-label="Filter projects">',
             _projects_table(summary["projects"], compared=bool(compared)), '</section>']
    body += ['<section>', '<h2>Rules across projects</h2>', _rules_table(summary["rules"]), '</section>']
    if compared:
        regressed = [p for p in summary["projects"] if (p.get("change") or {}).get("regressed")]
        items = "".join(f'<li><a href="{_e(p["page"])}">{_e(p["display_name"] or p["name"])}</a>: '
                        f'{_e(change_text(p["change"]))}</li>' for p in regressed)
        body += ['<section>', f'<h2>Regressions since {_e(compared)}</h2>',
                 f'<ul id="regressions">{items}</ul>' if items else '<p>None.</p>', '</section>']
    if summary["errors"]:
        items = "".join(f'<li><b>{_e(e["project"])}</b> <span class="missing">({_e(e["kind"])})</span>: '
                        f'<span class="err">{_e(e["error"])}</span></li>' for e in summary["errors"])
        body += ['<section>', '<h2>Could not be audited</h2>', f'<ul id="errors">{items}</ul>', '</section>']
    # The level column sorts by rank: no level first, then the packs' levels, lowest first.
    ranks = {"": 0, **{level: rank for rank, level in enumerate(
        (k for k in summary["by_maturity"] if k != NO_MATURITY), 1)}}
    script = _SCRIPT.replace("__LEVELS__", json.dumps(ranks).replace("<", "\\u003c"))
    return _page(f"govlint audit: {totals['projects']} projects", "\n".join(body), script=script)


def _projects_table(projects: Sequence[dict[str, Any]], *, compared: bool) -> str:
    heads = [("Project", "text", ""), ("Maturity", "level", ""), ("Score", "number", "num"),
             ("Rating", "text", ""), ("Level met", "level", ""), ("Meets own level", "number", ""),
             ("Ready for next level", "number", ""), ("Blocking own level", "number", "")]
    if compared:
        heads.append(("Change", "number", "num"))
    rows = []
    for p in projects:
        name = p["display_name"] or p["name"]
        review = (f' <a class="review" href="{_e(p["review_page"])}" title="draft governance review">review</a>'
                  if p.get("review_page") else "")
        cells = [f'<td data-sort="{_e(name.lower())}"><a href="{_e(p["page"])}">{_e(name)}</a>{review}</td>',
                 f'<td data-sort="{_e(p["maturity"] or "")}">{_e(p["maturity"] or "")}</td>']
        if p["status"] == "result":
            blocked = ", ".join(p["blocked_by"])
            blocked_note = f'<div class="missing">blocked by {_e(blocked)}</div>' if blocked else ""
            next_missing = (f'<div class="missing">{_e(p["next_level"])}: {_e(", ".join(p["missing_next"]))}</div>'
                            if p["next_level"] and p["missing_next"] else "")
            cells += [f'<td class="num" data-sort="{p["score"]}">{p["score"]:g}</td>',
                      f'<td data-sort="{_e(p["rating"])}"><span class="rating rating-{_e(p["rating"])}">'
                      f'{_e(p["rating"])}</span></td>',
                      f'<td data-sort="{_e(p["level_met"] or "")}">{_e(p["level_met"] or "none")}</td>',
                      _yes(p["meets_maturity"], missing=blocked_note), _yes(p["ready_for_next"], missing=next_missing),
                      f'<td data-sort="{len(p["blocked_by"])}" class="missing">{_e(blocked)}</td>']
        else:
            reason = p["error"] if p["status"] == "error" else "not audited yet"
            cells += ['<td class="num" data-sort="-1"></td>', '<td data-sort="~"></td>', '<td data-sort=""></td>',
                      '<td data-sort="-1"></td>', '<td data-sort="-1"></td>',
                      f'<td data-sort="-1" class="err">{_e(reason)}</td>']
        if compared:
            change = p.get("change") or {}
            delta = change.get("score_delta")
            cells.append(f'<td class="num" data-sort="{delta if delta is not None else 0}">'
                         f'{_e(change_text(change) if change else "")}</td>')
        rows.append(f'<tr class="{_e(p["status"])}" data-project="{_e(p["name"])}">{"".join(cells)}</tr>')
    head = "".join(f'<th scope="col" data-type="{t}" class="{c}"><button type="button">{_e(h)}</button></th>'
                   for h, t, c in heads)
    return (f'<table id="projects" class="sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _rules_table(rules: Sequence[dict[str, Any]]) -> str:
    heads = [("Code", "text", ""), ("Rule", "text", ""), ("Pass", "number", "num"), ("Partial", "number", "num"),
             ("Fail", "number", "num"), ("n/a", "number", "num"), ("Pass rate", "number", "num"),
             ("Missing at own level", "number", "")]
    rows = []
    for r in rules:
        rate = r["pass_rate"]
        rate_cell = (f'<td class="num" data-sort="{rate}"><meter min="0" max="1" value="{rate}"></meter> '
                     f'{rate * 100:.0f}%</td>' if rate is not None else '<td class="num" data-sort="-1">—</td>')
        missing = r["missing_at_own_level"]
        rows.append(
            f'<tr data-rule="{_e(r["code"])}"><td><code>{_e(r["code"])}</code></td>'
            f'<td data-sort="{_e(r["name"])}"><b>{_e(r["name"])}</b><div class="missing">{_e(r["title"])}</div></td>'
            f'<td class="num">{r["pass"]}</td><td class="num">{r["partial"]}</td><td class="num">{r["fail"]}</td>'
            f'<td class="num">{r["not_applicable"]}</td>{rate_cell}'
            f'<td data-sort="{len(missing)}"><b>{len(missing)}</b>'
            + (f' <span class="missing">{_e(", ".join(missing))}</span>' if missing else '') + '</td></tr>')
    head = "".join(f'<th scope="col" data-type="{t}" class="{c}"><button type="button">{_e(h)}</button></th>'
                   for h, t, c in heads)
    return (f'<table id="rules" class="sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _chart(by_maturity: dict[str, dict[str, Any]]) -> str:
    """Stacked horizontal bars: per maturity level, projects by rating, then errors and pending."""
    label_w, bar_w, row_h, gap, top = 110, 560, 26, 12, 8
    groups = list(by_maturity.items())
    largest = max([g["projects"] for _, g in groups] + [1])
    height = top + len(groups) * (row_h + gap) + 30
    out = [f'<svg class="chart" role="img" aria-labelledby="chart-title" width="{label_w + bar_w + 60}" '
           f'height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}" xmlns="http://www.w3.org/2000/svg">',
           '<title id="chart-title">Projects by rating at each maturity level</title>']
    for row, (level, group) in enumerate(groups):
        y = top + row * (row_h + gap)
        label = "no maturity" if level == NO_MATURITY else level
        out.append(f'<text x="{label_w - 8}" y="{y + row_h / 2 + 4}" text-anchor="end">{_e(label)}</text>')
        x = float(label_w)
        segments = [(r, group["ratings"][r], _RATING_COLOURS[r]) for r in RATINGS]
        segments += [("error", group["errors"], _ERROR_COLOUR), ("pending", group["pending"], _PENDING_COLOUR)]
        for name, count, colour in segments:
            if not count:
                continue
            width = bar_w * count / largest
            what = f"rated {name}" if name in RATINGS else ("could not be audited" if name == "error" else "not audited yet")
            out.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{row_h}" fill="{colour}" '
                       f'data-segment="{_e(level)}-{_e(name)}"><title>{_e(label)}: {count} {_e(what)}</title></rect>')
            if width >= 18:
                out.append(f'<text class="in" x="{x + width / 2:.1f}" y="{y + row_h / 2 + 4}" '
                           f'text-anchor="middle">{count}</text>')
            x += width
        out.append(f'<text x="{x + 6:.1f}" y="{y + row_h / 2 + 4}">{group["projects"]}</text>')
    y = top + len(groups) * (row_h + gap) + 6
    x = label_w
    for name, colour in [*_RATING_COLOURS.items(), ("error", _ERROR_COLOUR), ("pending", _PENDING_COLOUR)]:
        text = f"rating {name}" if name in RATINGS else ("error" if name == "error" else "not yet audited")
        out.append(f'<rect x="{x}" y="{y}" width="12" height="12" fill="{colour}"></rect>'
                   f'<text x="{x + 16}" y="{y + 11}">{_e(text)}</text>')
        x += 28 + 7 * len(text)
    out.append('</svg>')
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# projects/<name>.html

def render_project(entry: dict[str, Any], record: dict[str, Any] | None) -> str:
    name = entry["display_name"] or entry["name"]
    body = ['<p><a href="../index.html">&larr; all projects</a></p>', f'<h1>{_e(name)}</h1>']
    repos = ", ".join(_link(r["url"], r["url"]) for r in entry["repositories"])
    body.append(f'<p class="meta">{_e(entry["maturity"] or "no maturity given")} &middot; {repos}</p>')
    if entry.get("review_page"):
        review = entry["review_page"].rsplit("/", 1)[-1]  # beside this page, in projects/
        body.append(f'<p id="review"><a href="{_e(review)}">Draft governance review</a> (a draft for a reviewer, '
                    'in the layout of TAG Contributor Strategy\'s reviews)</p>')
    if record is None:
        body.append('<p>Not audited yet.</p>')
        return _page(f"{name}: governance audit", "\n".join(body))
    if record["status"] != "result":
        body.append(f'<p class="err" id="error"><b>Could not be audited</b> ({_e(entry["error_kind"])}): '
                    f'{_e(entry["error"])}</p>')
        return _page(f"{name}: governance audit", "\n".join(body))
    report = record["report"]
    change = entry.get("change")
    cards = [("score", f'{report["score"]:g}'), ("rating", report["rating"]),
             ("level met", report["level_met"] or "none")]
    if change and change.get("previous") == "result":
        cards.append(("since the last audit", change_text(change)))
    body.append('<section class="cards">' + "".join(
        f'<div class="card"><b>{_e(v)}</b><span>{_e(k)}</span></div>' for k, v in cards) + '</section>')
    levels = []
    for level, verdict in report["levels"].items():
        status = verdict.get("status") or ("met" if verdict["met"] else "not met")
        role = (" (own level)" if level == entry["maturity"] else
                " (next level)" if level == entry["next_level"] else "")
        if verdict["missing"]:
            detail = "blocked by " + ", ".join(verdict["missing"]) + " (required, not passing)"
        elif status == "not met":
            detail = "blocked by the level below"
        elif status == "not assessed":
            detail = "required rules not run: " + ", ".join(verdict.get("not_run") or ()) if verdict.get("not_run") \
                else "the level below is not assessed"
        else:
            detail = ""
        if verdict["advisories"]:
            detail += ("; " if detail else "") + "advisory: " + ", ".join(verdict["advisories"])
        levels.append(f'<tr><th scope="row">{_e(level + role)}</th>'
                      f'<td><span class="{"yes" if verdict["met"] else "no"}">{_e(status)}'
                      f'</span></td><td>{_e(detail)}</td></tr>')
    body += ['<h2>Levels</h2>', f'<p class="key">{_e(RATING_VERSUS_LEVEL)}</p>',
             f'<table id="levels"><tbody>{"".join(levels)}</tbody></table>']
    level = entry["maturity"] or entry["next_level"]
    rows = []
    # Advice and "what is missing" as every report format words them (reporters/_advice.py).
    from govlint.report import report_from_dict
    from govlint.reporters._advice import advice, problem

    typed = report_from_dict(report)
    for result, typed_result in zip(report["results"], typed.results):
        need = result["level"].get(level, "") if level else ""
        evidence = "".join(_evidence(e) for e in result["evidence"])
        if not evidence and result.get("near_miss"):
            evidence = '<div class="missing">closest:</div>' + "".join(_evidence(e) for e in result["near_miss"])
        failing = result["status"] in (FAIL, PARTIAL)
        todo = _e(advice(typed, typed_result)) if failing else ""
        found = problem(typed_result) if failing else result["message"]
        rows.append(
            f'<tr id="{_e(result["code"])}" data-status="{_e(result["status"])}">'
            f'<td class="status-{_e(result["status"])}">{_e(_STATUS_LABEL.get(result["status"], result["status"]))}</td>'
            f'<td><code>{_e(result["code"])}</code></td>'
            f'<td><b>{_e(result["name"])}</b><div class="missing">{_e(result["title"])}</div></td>'
            f'<td>{"<b>" if need == REQUIRED else ""}{_e(need)}{"</b>" if need == REQUIRED else ""}</td>'
            f'<td>{_e(found)}{evidence}</td><td>{todo}</td></tr>')
    need_head = f"At {level}" if level else "Requirement"
    body += ['<h2>Rules</h2>',
             f'<table id="results"><thead><tr><th>Status</th><th>Code</th><th>Rule</th><th>{_e(need_head)}</th>'
             f'<th>What govlint found</th><th>What to add</th></tr></thead><tbody>{"".join(rows)}</tbody></table>']
    docs = "".join(f'<tr><td>{_link(d.get("url"), d["path"])}</td><td>{_e(d["kind"])}</td><td>{_e(d["origin"])}</td>'
                   f'<td class="num">{d["lines"]}</td></tr>' for d in report["documents"])
    body += ['<h2>Documents read</h2>',
             '<table id="documents"><thead><tr><th>Document</th><th>Kind</th><th>Found</th><th class="num">Lines</th>'
             f'</tr></thead><tbody>{docs}</tbody></table>']
    if report.get("warnings"):
        body += ['<h2>Warnings</h2>', '<ul>' + "".join(f'<li>{_e(w)}</li>' for w in report["warnings"]) + '</ul>']
    if report.get("external_links"):
        body += ['<h2>Links to other hosts (listed, not read)</h2>',
                 '<ul>' + "".join(f'<li><code>{_e(u)}</code></li>' for u in report["external_links"]) + '</ul>']
    audited = record.get("audited") or []
    if audited:
        body.append('<p class="meta">Read: ' + "; ".join(
            f'{_e(a["target"])}' + (f' at <code>{_e(a["commit"][:12])}</code>' if a.get("commit") else "")
            for a in audited) + f' &middot; govlint {_e(record.get("govlint_version", ""))} &middot; '
            f'{_e(record.get("finished_at", ""))}</p>')
    return _page(f"{name}: governance audit", "\n".join(body))


def _evidence(e: dict[str, Any]) -> str:
    where = f'{e["path"]}:{e["line"]}'
    return f'<div>{_link(e.get("url"), where)}<blockquote>{_e(e["text"])}</blockquote></div>'
