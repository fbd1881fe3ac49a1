#!/usr/bin/env python3
"""Checks review pages written by `glossary report` in headless Chromium.

Chromium is driven through its DevTools protocol over a pipe (--remote-debugging-pipe: JSON
messages separated by NUL bytes on file descriptors 3 and 4), so nothing but the Python standard
library and the system's Chromium is needed, and no browser is downloaded.

For each page: every finding `glossary check --format json` reports on the same inputs is in the
DOM (by location and rule, as many times); a concept's terms have the same colours in every
column; the script's keyboard navigation and concept cards work; there is no console error and no
network request; the text colours have a contrast of at least 4.5:1 in light and dark mode; at
320 px nothing is wider than the window; printed, every set shows and the toolbar does not. Screenshots are saved (desktop, 320 px, dark).

Usage: review_page.py CHROMIUM OUTDIR NAME=PAGE.html:CHECK.json ...
(CHECK.json: the output of `glossary check --format json` on the page's inputs. A page named
`hostile` must show a `<script>` of its draft and title as text.)
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter


class Browser:
    """A headless Chromium and one page, spoken to over the DevTools pipe."""

    def __init__(self, executable, profile):
        self.to_browser_read, self.to_browser = os.pipe()
        self.from_browser, self.from_browser_write = os.pipe()
        # The browser reads commands on fd 3 and writes answers on fd 4.
        def place_pipes():
            os.dup2(self.to_browser_read, 3)
            os.dup2(self.from_browser_write, 4)
        self.process = subprocess.Popen(
            [executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--user-data-dir=" + profile, "about:blank"],
            # Kept open past the fork (3 and 4 are set by place_pipes, the rest is closed after it).
            pass_fds=(3, 4, self.to_browser_read, self.from_browser_write), preexec_fn=place_pipes,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(self.to_browser_read)
        os.close(self.from_browser_write)
        self.next_id = 0
        self.buffer = b""
        self.events = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable", session=True)

    def send(self, method, params, session):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.next_id

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=False, timeout=30, **params):
        """Sends a command and returns its result; events read meanwhile are kept."""
        wanted = self.send(method, params, session)
        deadline = time.monotonic() + timeout
        while True:
            message = self.read_message(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event, timeout=30):
        deadline = time.monotonic() + timeout
        for index, message in enumerate(self.events):
            if message.get("method") == event:
                return self.events.pop(index)
        while True:
            message = self.read_message(deadline)
            if message.get("method") == event:
                return message
            if "method" in message:
                self.events.append(message)

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError("script failed: " + json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


# Facts about the page, gathered in the page itself.
INSPECT = r"""
(() => {
  const findings = [...document.querySelectorAll('.finding')].map(f => [f.dataset.location, f.dataset.rule]);
  const colours = {};
  for (const term of document.querySelectorAll('.cell .term')) {
    const style = getComputedStyle(term);
    const column = term.closest('.cell').getAttribute('lang') || '?';
    const entry = colours[term.dataset.concept] = colours[term.dataset.concept] || {looks: {}, columns: {}};
    entry.looks[style.backgroundColor + ' / ' + style.borderBottomColor] = true;
    entry.columns[column] = true;
  }
  const legend = {};
  for (const term of document.querySelectorAll('.legend .term')) {
    const style = getComputedStyle(term);
    legend[term.dataset.concept] = style.backgroundColor + ' / ' + style.borderBottomColor;
  }
  const unnumbered = [...document.querySelectorAll('.cell .term')].filter(t => !t.querySelector('.cn')).length;
  const landmarks = ['main', 'nav', 'header', 'footer'].filter(n => !document.querySelector(n));
  const literalScript = [...document.querySelectorAll('.segment')].some(s => s.textContent.includes('<script>'));
  return {findings, colours, legend, unnumbered, missingLandmarks: landmarks, pwned: window.__pwned !== undefined,
          literalScript, title: document.title,
          scripts: document.scripts.length, external: [...document.querySelectorAll('[src],link[href]')].length};
})()
"""

# Contrast of text with the colour behind it (WCAG 2 relative luminance), for the page's text.
CONTRAST = r"""
(() => {
  const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const lum = ({r, g, b}) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                                      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = element => {
    for (let e = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.a > 0.5) return c;
    }
    return parse(getComputedStyle(document.body).backgroundColor);
  };
  const worst = [];
  const selector = '.term, .cn, .flag, .sev, .heat td, .heat th, .gaps li, .muted, .confidence, .message, .location, .segment, .chip, .finding';
  for (const element of document.querySelectorAll(selector)) {
    if (!element.offsetParent && element.tagName !== 'BODY') continue;
    const ratio = (a, b) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const value = ratio(lum(parse(getComputedStyle(element).color)), lum(behind(element)));
    if (value < 4.5) worst.push([element.className, element.textContent.slice(0, 30), Math.round(value * 100) / 100]);
  }
  return worst.slice(0, 10);
})()
"""

# Keyboard: n moves to the first finding and again to the second, p back; focusing a term shows its card.
KEYBOARD = r"""
(() => {
  const findings = [...document.querySelectorAll('.finding')];
  const term = document.querySelector('.cell .term');
  term.focus();
  const card = document.getElementById(term.getAttribute('aria-describedby'));
  const cardShown = card && !card.hidden;
  term.blur();
  document.body.focus();
  return {count: findings.length, cardShown, card: card ? card.textContent.slice(0, 60) : null};
})()
"""


def press(browser, key):
    for kind in ("keyDown", "keyUp"):
        extra = {"text": key} if kind == "keyDown" else {}
        browser.call("Input.dispatchKeyEvent", session=True, type=kind, key=key, code="Key" + key.upper(),
                     windowsVirtualKeyCode=ord(key.upper()), **extra)


# Brings the first translation set with a finding to the top and focuses its first term, so that a
# screenshot shows the versions side by side and a concept card.
SHOW_SET = r"""
(async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => r(true)));
  const finding = document.querySelector('.set .finding');
  const set = finding ? finding.closest('.set') : document.querySelector('.set');
  if (!set) return false;
  // Below the sticky toolbar and column heads, whatever their height at this width.
  const covered = [...document.querySelectorAll('.toolbar, .colhead')].reduce((sum, e) => sum + e.offsetHeight, 0);
  window.scrollTo(0, set.getBoundingClientRect().top + window.scrollY - covered - 8);
  await frame(); await frame();
  const term = set.querySelector('.flag.sev-warning + .term') || set.querySelector('.term.flagged') || set.querySelector('.term');
  if (term) term.focus({preventScroll: true});
  await frame();
  return true;
})()
"""


def screenshot(browser, path, width, height, mobile=False):
    browser.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                 deviceScaleFactor=1, mobile=mobile)
    browser.evaluate(SHOW_SET)
    data = browser.call("Page.captureScreenshot", session=True, format="png")["data"]
    with open(path, "wb") as file:
        file.write(base64.b64decode(data))


def check_page(browser, name, page, expected, outdir):
    problems = []
    url = "file://" + os.path.abspath(page)
    browser.events.clear()
    browser.call("Emulation.setDeviceMetricsOverride", session=True, width=1280, height=900, deviceScaleFactor=1,
                 mobile=False)
    browser.call("Emulation.setEmulatedMedia", session=True, features=[{"name": "prefers-color-scheme", "value": "light"}])
    browser.call("Page.navigate", session=True, url=url)
    browser.wait_for("Page.loadEventFired")
    facts = browser.evaluate(INSPECT)

    want = Counter((f"{f['file']}:{f['line']}:{f['column']}", f["rule"]) for f in expected)
    have = Counter(tuple(f) for f in facts["findings"])
    if want != have:
        problems.append(f"findings differ from check's: missing {dict(want - have)}, extra {dict(have - want)}")
    for concept, entry in facts["colours"].items():
        if len(entry["looks"]) != 1:
            problems.append(f"concept {concept} has {len(entry['looks'])} looks: {list(entry['looks'])}")
        elif concept in facts["legend"] and facts["legend"][concept] not in entry["looks"]:
            problems.append(f"concept {concept} looks different in the legend")
    looks = [next(iter(e["looks"])) for e in facts["colours"].values() if len(e["looks"]) == 1]
    shared = len(facts["colours"]) - len(set(looks))
    if facts["unnumbered"]:
        problems.append(f"{facts['unnumbered']} terms carry no concept number")
    if facts["missingLandmarks"]:
        problems.append(f"missing landmarks: {facts['missingLandmarks']}")
    if facts["external"]:
        problems.append(f"{facts['external']} elements load a resource")
    if facts["pwned"]:
        problems.append("text from an input ran as script")
    if name == "hostile" and not (facts["literalScript"] and "<script>" in facts["title"]):
        problems.append("the <script> of the draft or the title is not shown as text")
    across = sum(1 for e in facts["colours"].values() if len(e["columns"]) > 1)

    keyboard = browser.evaluate(KEYBOARD)
    if keyboard["count"] and not keyboard["cardShown"]:
        problems.append("focusing a term did not show its concept card")
    if keyboard["count"] >= 2:
        press(browser, "n")
        first = browser.evaluate("document.activeElement.id")
        press(browser, "n")
        second = browser.evaluate("document.activeElement.id")
        press(browser, "p")
        back = browser.evaluate("document.activeElement.id")
        order = browser.evaluate("[...document.querySelectorAll('.finding')].slice(0, 2).map(f => f.id)")
        if [first, second, back] != [order[0], order[1], order[0]]:
            problems.append(f"n, n, p went to {[first, second, back]}, not {order[:2] + order[:1]}")
        # Back past the first: the last finding, shown on its page when the sets are paged.
        press(browser, "k")
        last = browser.evaluate("""(() => {
          const findings = [...document.querySelectorAll('.finding')];
          const active = document.activeElement, set = active.closest('.set');
          return {isLast: active === findings[findings.length - 1], shown: !set || getComputedStyle(set).display !== 'none',
                  pages: document.querySelectorAll('.pager').length};
        })()""")
        if not (last["isLast"] and last["shown"]):
            problems.append(f"k from the first finding did not show the last one: {last}")

    low = browser.evaluate(CONTRAST)
    if low:
        problems.append(f"contrast below 4.5:1 in light mode: {low}")
    # The screenshots show the page as opened, not as the keyboard test left it.
    browser.call("Page.navigate", session=True, url=url)
    browser.wait_for("Page.loadEventFired")
    screenshot(browser, os.path.join(outdir, f"{name}-desktop.png"), 960, 600)

    screenshot(browser, os.path.join(outdir, f"{name}-320.png"), 320, 640, mobile=True)
    overflow = browser.evaluate("document.documentElement.scrollWidth")
    if overflow > 320:
        problems.append(f"at 320 px the page is {overflow} px wide")

    browser.call("Emulation.setEmulatedMedia", session=True, features=[{"name": "prefers-color-scheme", "value": "dark"}])
    low = browser.evaluate(CONTRAST)
    if low:
        problems.append(f"contrast below 4.5:1 in dark mode: {low}")
    dark = browser.evaluate(INSPECT)
    for concept, entry in dark["colours"].items():
        if len(entry["looks"]) != 1:
            problems.append(f"dark mode: concept {concept} has {len(entry['looks'])} looks")
    screenshot(browser, os.path.join(outdir, f"{name}-dark.png"), 960, 600)

    # Printed: no toolbar or cards, and every set, paged or not.
    browser.call("Emulation.setEmulatedMedia", session=True, media="print", features=[])
    printed = browser.evaluate("""(() => ({
      toolbar: getComputedStyle(document.querySelector('.toolbar')).display,
      hiddenSets: [...document.querySelectorAll('.set')].filter(s => getComputedStyle(s).display === 'none').length}))()""")
    browser.call("Emulation.setEmulatedMedia", session=True, media="", features=[])
    if printed["toolbar"] != "none" or printed["hiddenSets"]:
        problems.append(f"print style: {printed}")

    for event in browser.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            problems.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
            problems.append("console " + params["type"] + ": " + json.dumps(params.get("args"))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            problems.append("log: " + params["entry"].get("text", "")[:300])
        elif method == "Network.requestWillBeSent" and params.get("request", {}).get("url") != url:
            problems.append("network request: " + params["request"]["url"][:200])
    pages = browser.evaluate("document.querySelectorAll('.pager').length")
    print(f"{name}: {len(facts['findings'])} findings, {len(facts['colours'])} concepts "
          f"({across} in several columns, {shared} sharing a colour with another), "
          f"{pages} paged sections, {'ok' if not problems else str(len(problems)) + ' problems'}")
    return problems


def main():
    chromium, outdir, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(outdir, exist_ok=True)
    failures = []
    with tempfile.TemporaryDirectory(prefix="glossary-chromium-") as profile:
        browser = Browser(chromium, profile)
        try:
            for argument in pages:
                name, rest = argument.split("=", 1)
                page, check = rest.rsplit(":", 1)
                with open(check) as file:
                    expected = json.load(file)["findings"] if check else []
                failures += [f"{name}: {p}" for p in check_page(browser, name, page, expected, outdir)]
        finally:
            browser.close()
    for failure in failures:
        print("FAIL " + failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
