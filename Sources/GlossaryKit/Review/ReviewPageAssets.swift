/// The style sheet and script of the review page, written into the page itself: it loads no
/// file, font or script from anywhere.
///
/// Colours: the text colours keep a contrast of at least 4.5:1 (WCAG AA) on the page and on
/// every concept's term background, in light and dark mode (`prefers-color-scheme`); a concept
/// is also told by its number and its underline, never by colour alone. Below 700 px the
/// versions stack, each under its language's name. The print style shows every set (no pages),
/// without the toolbar and the cards.
enum ReviewPageAssets {
    static let styleSheet = """
        :root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#4d4d4d;--line:#c8c8c8;--panel:#f4f4f4;\
        --error:#a3001b;--warning:#7a4300;--info:#0b57a4;--focus:#1a4fd6;--term-s:85%;--term-l:91%;--edge-l:34%;\
        --heat-0:#fff;--heat-1:#e6f0fa;--heat-2:#cfe1f5;--heat-3:#b3cfee;--heat-4:#94bbe6;\
        --gap-bg:#fde4e1;--gap-fg:#8a1010;--soft-bg:#fff3d6;--soft-fg:#6b4500}
        @media (prefers-color-scheme:dark){:root{--bg:#121212;--fg:#ececec;--muted:#b8b8b8;--line:#4a4a4a;\
        --panel:#1d1d1d;--error:#ff9b91;--warning:#ffc870;--info:#8cc4ff;--focus:#8ab4f8;--term-s:40%;--term-l:24%;\
        --edge-l:70%;--heat-0:#121212;--heat-1:#15263a;--heat-2:#1b3350;--heat-3:#224066;--heat-4:#2a4e7c;\
        --gap-bg:#4a1717;--gap-fg:#ffb8ae;--soft-bg:#3d2e08;--soft-fg:#ffd98a}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;padding:0 1rem 2rem;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,sans-serif;\
        overflow-wrap:anywhere}
        h1{font-size:1.5rem;margin:.75rem 0 .25rem}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
        h3{font-size:1rem;margin:0 0 .5rem}
        .muted{color:var(--muted)}
        .skip{position:absolute;left:-999px;top:0;background:var(--bg);color:var(--fg);padding:.5rem}
        .skip:focus{left:.5rem;z-index:10}
        :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        a{color:var(--info)}
        kbd{border:1px solid var(--line);border-radius:3px;padding:0 .25em;font-size:.9em}
        .toolbar{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;\
        padding:.5rem 0;background:var(--bg);border-bottom:1px solid var(--line)}
        button{font:inherit;color:var(--fg);background:var(--panel);border:1px solid var(--line);border-radius:4px;\
        padding:.25rem .6rem;cursor:pointer}
        .counts{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding:0;list-style:none}
        table{border-collapse:collapse;margin:.5rem 0}
        caption{text-align:left;color:var(--muted);padding-bottom:.25rem}
        th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left}
        .heat td{text-align:center;min-width:3.5rem;color:var(--fg)}
        .heat .h0{background:var(--heat-0)}.heat .h1{background:var(--heat-1)}.heat .h2{background:var(--heat-2)}
        .heat .h3{background:var(--heat-3)}.heat .h4{background:var(--heat-4)}
        .scroll{overflow-x:auto;max-width:100%}
        .gap-missing{background:var(--gap-bg);color:var(--gap-fg)}
        .gap-divergent,.gap-unaligned{background:var(--soft-bg);color:var(--soft-fg)}
        .heat .gap-missing,.heat .gap-divergent,.heat .gap-unaligned{color:inherit}
        .heat .gap-missing .label,.heat .gap-missing{color:var(--gap-fg)}
        .heat .gap-divergent,.heat .gap-unaligned{color:var(--soft-fg)}
        .label{font-size:.8em}
        .legend ul{display:flex;flex-wrap:wrap;gap:.4rem .8rem;padding:0;list-style:none}
        .term{background:hsl(var(--h) var(--term-s) var(--term-l));color:var(--fg);\
        border-bottom:3px solid hsl(var(--h) 75% var(--edge-l));border-radius:2px;padding:0 .1em;cursor:help}
        .term.status-deprecated,.term.status-forbidden{border-bottom-style:dashed}
        .term.flagged{outline:1px dotted var(--fg)}
        .cn{font-size:.7em;font-weight:600;margin-left:.1em;color:var(--fg)}
        .chip,.swatch{display:inline-block;min-width:1.4em;text-align:center;border-radius:3px;font-size:.8em;\
        background:hsl(var(--h) var(--term-s) var(--term-l));border-bottom:3px solid hsl(var(--h) 75% var(--edge-l))}
        .swatch{width:1em;height:1em;min-width:0;vertical-align:middle;margin-right:.3em}
        .sets{margin-top:1rem}
        .cols{display:grid;grid-template-columns:repeat(var(--n),minmax(0,1fr));gap:.75rem}
        .colhead{position:sticky;top:2.9rem;z-index:4;background:var(--bg);font-weight:600;\
        border-bottom:2px solid var(--line);padding:.25rem 0}
        .set,.finding{scroll-margin-top:6rem}
        .set{border-top:1px solid var(--line);padding:.75rem 0;content-visibility:auto;contain-intrinsic-size:auto 20rem}
        .set.unreliable .set-title{color:var(--warning)}
        .confidence{font-weight:400;font-size:.85em;color:var(--muted)}
        .unreliable .confidence{color:var(--warning)}
        .cell{min-width:0}
        .cell-language{display:none;font-weight:600;font-size:.85em;color:var(--muted)}
        .segment{white-space:pre-wrap;margin:0 0 .5rem}
        .flag{display:inline-block;font-size:.75em;font-weight:700;text-decoration:none;border:1px solid currentColor;\
        border-radius:3px;padding:0 .2em;margin-right:.15em;line-height:1.3;vertical-align:.1em}
        .sev-error .sev,.flag.sev-error{color:var(--error)}
        .sev-warning .sev,.flag.sev-warning{color:var(--warning)}
        .sev-info .sev,.flag.sev-info{color:var(--info)}
        .sev{font-weight:700}
        .gaps,.findings{list-style:none;padding:0;margin:.25rem 0}
        .gaps li{border-left:4px solid hsl(var(--h,0) 75% var(--edge-l));padding:.1rem .4rem;margin:.2rem 0;font-size:.9em}
        .finding{border-left:4px solid currentColor;background:var(--panel);padding:.3rem .5rem;margin:.4rem 0;\
        font-size:.9em}
        .finding.sev-error{border-left-color:var(--error)}.finding.sev-warning{border-left-color:var(--warning)}
        .finding.sev-info{border-left-color:var(--info)}
        .finding:target,.finding.current{outline:3px solid var(--focus)}
        .finding p{margin:.1rem 0}
        .location,.quoted{color:var(--muted)}
        .details{display:grid;grid-template-columns:auto 1fr;gap:0 .5rem;margin:.2rem 0 0}
        .details dt{color:var(--muted)}.details dd{margin:0}
        .cards .card{position:fixed;z-index:20;max-width:min(28rem,calc(100vw - 1rem));max-height:45vh;overflow-y:auto;background:var(--bg);\
        color:var(--fg);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;\
        box-shadow:0 4px 16px rgba(0,0,0,.3);font-size:.9rem}
        .card-title{margin:0 0 .25rem}
        .card-terms{display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;margin:.25rem 0}
        .card-terms dt{font-weight:600}.card-terms dd{margin:0}.card-terms ul{list-style:none;padding:0;margin:0}
        .status-deprecated,.status-forbidden{text-decoration:line-through}
        .term.status-deprecated,.term.status-forbidden{text-decoration:none}
        .pager{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:.5rem 0}
        @media screen{.off{display:none}}
        @media (max-width:700px){body{padding:0 .5rem 1rem}.cols{grid-template-columns:minmax(0,1fr)}\
        .colhead{display:none}.cell-language{display:block}.cell+.cell{border-top:1px dashed var(--line);padding-top:.4rem}\
        .heat td{min-width:2.5rem}}
        @media print{.toolbar,.skip,.cards,.pager{display:none}.colhead{position:static}\
        .set{break-inside:avoid;content-visibility:visible}body{font-size:11pt}\
        .term,.chip,.heat td,.gaps li,.finding{-webkit-print-color-adjust:exact;print-color-adjust:exact}\
        a{color:inherit}}
        """

    static let script = """
        (function () {
          'use strict';
          var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
          var position = document.getElementById('finding-position');
          var current = -1;
          var pagers = [];
          // Splits each long list of sets into pages; a set's page is in its data-page.
          Array.prototype.forEach.call(document.querySelectorAll('.sets'), function (list) {
            var pages = parseInt(list.getAttribute('data-pages'), 10) || 1;
            if (pages < 2) { return; }
            var sets = Array.prototype.slice.call(list.querySelectorAll(':scope > .set'));
            var nav = document.createElement('nav');
            nav.className = 'pager';
            nav.setAttribute('aria-label', 'Pages of translation sets');
            var previous = document.createElement('button');
            var next = document.createElement('button');
            var label = document.createElement('span');
            previous.type = next.type = 'button';
            previous.textContent = 'Previous page';
            next.textContent = 'Next page';
            label.setAttribute('aria-live', 'polite');
            nav.appendChild(previous); nav.appendChild(label); nav.appendChild(next);
            list.parentNode.insertBefore(nav, list);
            var shown = 0;
            function show(page) {
              shown = Math.max(0, Math.min(pages - 1, page));
              sets.forEach(function (set) {
                set.classList.toggle('off', parseInt(set.getAttribute('data-page'), 10) !== shown);
              });
              label.textContent = 'Page ' + (shown + 1) + ' of ' + pages;
              previous.disabled = shown === 0;
              next.disabled = shown === pages - 1;
            }
            previous.addEventListener('click', function () { show(shown - 1); });
            next.addEventListener('click', function () { show(shown + 1); });
            list.showPage = show;
            pagers.push(list);
            show(0);
          });
          function reveal(element) {
            var set = element.closest('.set');
            var list = set && set.parentNode;
            if (list && list.showPage) { list.showPage(parseInt(set.getAttribute('data-page'), 10)); }
          }
          function go(step) {
            if (findings.length === 0) { return; }
            if (current >= 0) { findings[current].classList.remove('current'); }
            current = (current + step + findings.length) % findings.length;
            var finding = findings[current];
            reveal(finding);
            finding.classList.add('current');
            finding.focus();
            finding.scrollIntoView({ block: 'center' });
            position.textContent = 'Finding ' + (current + 1) + ' of ' + findings.length;
          }
          document.getElementById('next-finding').addEventListener('click', function () { go(1); });
          document.getElementById('previous-finding').addEventListener('click', function () { go(-1); });
          // Concept cards: shown beside a term while it is hovered or focused.
          var card = null;
          var cardTerm = null;
          function hideCard() { if (card) { card.hidden = true; card = null; cardTerm = null; } }
          function placeCard() {
            var box = cardTerm.getBoundingClientRect();
            if (box.bottom < 0 || box.top > window.innerHeight) { hideCard(); return; }
            var left = Math.max(8, Math.min(box.left, window.innerWidth - card.offsetWidth - 8));
            var top = box.bottom + 6;
            if (top + card.offsetHeight > window.innerHeight - 8) { top = Math.max(8, box.top - card.offsetHeight - 6); }
            card.style.left = left + 'px';
            card.style.top = top + 'px';
          }
          function showCard(term) {
            var shown = document.getElementById(term.getAttribute('aria-describedby'));
            if (!shown) { return; }
            hideCard();
            card = shown;
            cardTerm = term;
            card.hidden = false;
            placeCard();
          }
          function termOf(target) { return target && target.closest ? target.closest('.term') : null; }
          document.addEventListener('mouseover', function (event) {
            var term = termOf(event.target);
            if (term) { showCard(term); }
          });
          document.addEventListener('mouseout', function (event) {
            if (termOf(event.target) && !termOf(event.relatedTarget)) { hideCard(); }
          });
          document.addEventListener('focusin', function (event) {
            var term = termOf(event.target);
            if (term) { showCard(term); } else { hideCard(); }
            var index = findings.indexOf(event.target);
            if (index >= 0 && index !== current) {
              if (current >= 0) { findings[current].classList.remove('current'); }
              current = index;
              position.textContent = 'Finding ' + (current + 1) + ' of ' + findings.length;
            }
          });
          // The card follows its term while the page scrolls.
          window.addEventListener('scroll', function () { if (card) { placeCard(); } }, { passive: true });
          document.addEventListener('keydown', function (event) {
            if (event.altKey || event.ctrlKey || event.metaKey) { return; }
            var target = event.target;
            if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) { return; }
            if (event.key === 'n' || event.key === 'j') { go(1); event.preventDefault(); }
            else if (event.key === 'p' || event.key === 'k') { go(-1); event.preventDefault(); }
            else if (event.key === 'Escape') { hideCard(); }
          });
          // A flag's link leads to its finding: make that the current one, on its page.
          window.addEventListener('hashchange', function () {
            var target = document.getElementById(location.hash.slice(1));
            if (target) { reveal(target); }
          });
        })();
        """
}
