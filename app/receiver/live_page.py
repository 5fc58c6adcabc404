"""The visitor's "follow your place" page: one ticket's facts, in the ticket's language.

:func:`texts` says a :class:`Seen` ticket in the visitor's words (the JSON the
page's script reads carries them, so every sentence is made here, once);
:func:`render` lays them out as a phone-first page: big type, right to left for
Arabic and Persian, a tiny inline script that asks again every ten seconds (and
a ``<noscript>`` refresh without it), and a Content-Security-Policy that lets
nothing else run or load.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from typing import TYPE_CHECKING, Any

from app.services.office.clock import OFFICE_TZ

if TYPE_CHECKING:  # the texts load with the first page (app.receiver.live)
    from app.services.office.visitor_texts import VisitorLanguage

REFRESH_S = 10  # the page asks again this often
OFFLINE_S = 60  # a snapshot older than this: the office is said to be offline


@dataclass(frozen=True)
class Seen:
    """A ticket as the latest snapshot has it (None: no such ticket today)."""

    code: str | None
    state: str  # waiting, called, serving, done, gone; "unknown" when not found
    received_at: datetime | None = None
    offline: bool = False
    ahead: int | None = None
    minutes: int | None = None
    point: str | None = None
    calling: list[tuple[str, str]] = field(default_factory=list)


def point_text(language: VisitorLanguage, point: str) -> str:
    """A service point in the visitor's words: "lucka 3", "counter 3", or its own name
    (kept on one line: a number alone on the next is easily missed)."""
    said = language.text("point", number=point) if point.isdigit() else point
    return said.replace(" ", "\u00a0")


def texts(seen: Seen, language: VisitorLanguage) -> dict[str, Any]:
    """Every sentence the page shows, in the visitor's language ("" for none)."""
    headline = ahead = wait = ""
    if seen.state in ("called", "serving") and seen.point:
        headline = language.text("live_called", point=point_text(language, seen.point))
    elif seen.state == "done":
        headline = language.text("live_done")
    elif seen.state == "gone":
        headline = language.text("status_unknown", code=seen.code)
    elif seen.state == "unknown":
        headline = language.text("live_unknown")
    elif seen.state == "waiting":
        if seen.ahead is not None:
            ahead = language.text("people_ahead", ahead=seen.ahead)
        if seen.minutes is None or seen.ahead is None:
            wait = language.text("wait_unknown")
        elif seen.minutes > 0:
            wait = language.text("wait_minutes", minutes=seen.minutes)
    clock = seen.received_at.astimezone(OFFICE_TZ).strftime("%H:%M") if seen.received_at else ""
    return {
        "title": language.text("live_title"),
        "your_number": language.text("your_number"),
        "code": seen.code or "",
        "headline": headline,
        "ahead": ahead,
        "wait": wait,
        "now_calling": language.text("live_now_calling"),
        # A visitor whose visit is over is not shown whom the office calls.
        "calling": []
        if seen.state in ("done", "gone")
        else [[code, point_text(language, point)] for code, point in seen.calling],
        "updated": language.text("live_updated", time=clock) if clock else "",
        "offline": language.text("live_offline", time=clock) if clock and seen.offline else "",
        # What the script shows by itself when it has not reached the receiver for a minute.
        "stale": language.text("live_offline", time=clock) if clock else "",
    }


def facts(office: str, seen: Seen, language: VisitorLanguage) -> dict[str, Any]:
    """The page's JSON: this ticket's facts, the calls standing now, and the sentences."""
    return {
        "office": office,
        "code": seen.code,
        "state": seen.state,
        "language": language.code,
        "ahead": seen.ahead,
        "minutes": seen.minutes,
        "point": seen.point,
        "calling": [{"code": code, "point": point} for code, point in seen.calling],
        "updated": seen.received_at.isoformat(timespec="seconds") if seen.received_at else None,
        "offline": seen.offline,
        "text": texts(seen, language),
    }


def _shown(text: str) -> str:
    return "" if text else " hidden"


def render(seen: Seen, language: VisitorLanguage) -> str:
    """The whole page, its figures filled in (the script only keeps them fresh)."""
    said = texts(seen, language)
    calls = "".join(
        f"<li><b>{escape(code)}</b><span>{escape(point)}</span></li>"
        for code, point in said["calling"]
    )
    return PAGE.format(
        lang=escape(language.code),
        dir="rtl" if language.rtl else "ltr",
        state=escape(seen.state),
        refresh=REFRESH_S,
        offline_ms=OFFLINE_S * 1000,
        style=STYLE,
        script=SCRIPT,
        stale=escape(said["stale"]),
        title=escape(said["title"]),
        your_number=escape(said["your_number"]),
        number_hidden=_shown(said["code"]),
        code=escape(said["code"]),
        headline=escape(said["headline"]),
        headline_hidden=_shown(said["headline"]),
        ahead=escape(said["ahead"]),
        ahead_hidden=_shown(said["ahead"]),
        wait=escape(said["wait"]),
        wait_hidden=_shown(said["wait"]),
        offline=escape(said["offline"]),
        offline_hidden=_shown(said["offline"]),
        now_calling=escape(said["now_calling"]),
        calls=calls,
        calls_hidden=_shown(calls),
        updated=escape(said["updated"]),
        updated_hidden=_shown(said["updated"]),
    )


STYLE = """
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#eef1f5;color:#1b1f24;font:1.25rem/1.4 system-ui,-apple-system,
"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","DejaVu Sans",sans-serif}
main{max-width:30rem;margin:0 auto;padding:1.25rem 1rem 2rem}
h1{margin:0 0 1rem;font-size:1.25rem;font-weight:600;color:#4a5360}
.card{background:#fff;border-radius:1.25rem;padding:1.25rem 1.25rem 1.5rem;text-align:center;
box-shadow:0 1px 3px rgba(0,0,0,.14)}
.label{margin:0;font-size:1.15rem;color:#4a5360}
.code{margin:0 0 .25rem;font-size:5.5rem;font-weight:800;line-height:1.1;letter-spacing:.03em;
font-variant-numeric:tabular-nums;direction:ltr;unicode-bidi:isolate}
.headline{margin:.25rem 0;font-size:1.7rem;font-weight:700;line-height:1.3}
.ahead{margin:.25rem 0;font-size:1.7rem;font-weight:700}
.wait{margin:.25rem 0 0;font-size:1.3rem}
.state-called .card,.state-serving .card{background:#17612a;color:#fff}
.state-called .label,.state-serving .label{color:#d8efdc}
.state-done .card{background:#e6f2e8}
.state-gone .card,.state-unknown .card{background:#f3f4f6}
.offline{margin:1rem 0 0;padding:.8rem 1rem;border:2px solid #a85d00;border-radius:.9rem;
background:#fff3df;color:#4d2b00;font-weight:600}
h2{margin:1.75rem 0 .6rem;font-size:1.15rem;font-weight:600;color:#4a5360}
ul{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:.6rem}
li{display:flex;flex-direction:column;align-items:center;background:#fff;border-radius:.9rem;
padding:.55rem .5rem;box-shadow:0 1px 2px rgba(0,0,0,.1)}
li b{font-size:1.9rem;line-height:1.15;direction:ltr;unicode-bidi:isolate}
li span{font-size:1.05rem;color:#4a5360}
.updated{margin:1.5rem 0 0;text-align:center;font-size:1rem;color:#4a5360}
"""

SCRIPT = """
(function () {
  var url = location.pathname + ".json", body = document.body;
  var stale = body.getAttribute("data-stale"), heard = Date.now();
  var every = +body.getAttribute("data-refresh") * 1000, late = +body.getAttribute("data-offline");
  function put(id, text) {
    var e = document.getElementById(id);
    e.textContent = text || "";
    e.hidden = !text;
  }
  function show(d) {
    var t = d.text, list = document.getElementById("calling");
    body.className = "state-" + d.state;
    document.getElementById("number").hidden = !t.code;
    put("code", t.code); put("headline", t.headline); put("ahead", t.ahead);
    put("wait", t.wait); put("offline", t.offline); put("updated", t.updated);
    stale = t.stale;
    list.textContent = "";
    t.calling.forEach(function (c) {
      var li = document.createElement("li"), b = document.createElement("b");
      var s = document.createElement("span");
      b.textContent = c[0]; s.textContent = c[1];
      li.appendChild(b); li.appendChild(s); list.appendChild(li);
    });
    document.getElementById("calls").hidden = !t.calling.length;
  }
  function ask() {
    fetch(url, {cache: "no-store"}).then(function (r) {
      return r.json().then(function (d) {
        if (d && d.text) { heard = Date.now(); show(d); }
      });
    }).catch(function () {}).then(function () {
      if (Date.now() - heard > late && stale) { put("offline", stale); }
    });
  }
  setInterval(ask, every);
})();
"""


def _digest(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


# Only this page's own style and script; nothing loaded from anywhere, no frames, no forms.
POLICY = (
    f"default-src 'none'; script-src '{_digest(SCRIPT)}'; style-src '{_digest(STYLE)}'; "
    "connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)

PAGE = """<!doctype html>
<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<noscript><meta http-equiv="refresh" content="{refresh}"></noscript>
<title>{title}</title>
<style>{style}</style></head>
<body class="state-{state}" data-stale="{stale}"
 data-refresh="{refresh}" data-offline="{offline_ms}">
<main>
<h1>{title}</h1>
<section class="card" aria-live="polite">
<div id="number"{number_hidden}><p class="label">{your_number}</p>
<p class="code" id="code">{code}</p></div>
<p class="headline" id="headline"{headline_hidden}>{headline}</p>
<p class="ahead" id="ahead"{ahead_hidden}>{ahead}</p>
<p class="wait" id="wait"{wait_hidden}>{wait}</p>
</section>
<p class="offline" id="offline" role="status"{offline_hidden}>{offline}</p>
<section id="calls"{calls_hidden}><h2>{now_calling}</h2>
<ul id="calling">{calls}</ul></section>
<p class="updated" id="updated"{updated_hidden}>{updated}</p>
</main>
<script>{script}</script>
</body></html>
"""
