/** The HTML report's style sheet: inline, so the file works alone from file://. */
export const htmlStyle = `
:root { --critical: #8250df; --error: #cf222e; --warning: #bf8700; --info: #0969da; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
header, main { max-width: 1040px; margin: 0 auto; padding: 16px 24px; }
header { background: #fff; border-bottom: 1px solid var(--line); max-width: none; }
header > div { max-width: 992px; margin: 0 auto; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; }
.muted { color: var(--muted); }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0 4px; }
.card { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.card.critical { border-left-color: var(--critical); } .card.error { border-left-color: var(--error); }
.card.warning { border-left-color: var(--warning); } .card.info { border-left-color: var(--info); }
.filters { display: flex; gap: 12px; flex-wrap: wrap; align-items: center; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; position: sticky; top: 0; z-index: 1; }
.filters button { border: 1px solid var(--line); background: #f6f8fa; border-radius: 16px; padding: 3px 12px; cursor: pointer; font: inherit; }
.filters button[aria-pressed="true"] { background: #1f2328; color: #fff; border-color: #1f2328; }
.filters select { font: inherit; padding: 3px 6px; max-width: 260px; }
.finding { background: #fff; border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.finding[data-severity="critical"] { border-left-color: var(--critical); } .finding[data-severity="error"] { border-left-color: var(--error); }
.finding[data-severity="warning"] { border-left-color: var(--warning); } .finding[data-severity="info"] { border-left-color: var(--info); }
.finding h3 { font-size: 16px; margin: 0 0 4px; }
.badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; color: #fff; background: var(--muted); vertical-align: middle; }
.badge.critical { background: var(--critical); } .badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
.finding dl { display: grid; grid-template-columns: 110px 1fr; gap: 4px 12px; margin: 8px 0 0; }
.finding dt { color: var(--muted); }
.finding dd { margin: 0; overflow-wrap: anywhere; }
pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th:nth-child(2), th:nth-child(3) { min-width: 90px; }
.figure { margin: 10px 0 4px; overflow-x: auto; }
.figure figcaption { color: var(--muted); font-size: 12px; }
.figure svg { font: 12px system-ui, sans-serif; max-width: 100%; height: auto; }
.fig-title { font-weight: 600; } .fig-axis, .fig-none { fill: var(--muted); font-size: 11px; }
.fig-track { fill: #f6f8fa; stroke: var(--line); } .fig-cidrs { font: 11px ui-monospace, monospace; }
.fig-usage .fig-cidrs { fill: #1f2328; }
.legend { display: flex; gap: 14px; font-size: 12px; color: var(--muted); margin-top: 4px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -2px; margin-right: 4px; }
.hidden { display: none; }
`;

/**
 * The filters: by severity (buttons), rule, node and document (selects). Reads only data-*
 * attributes and sets only classes and textContent, so no snapshot text is ever parsed as HTML.
 */
export const htmlScript = `
(function () {
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var buttons = Array.prototype.slice.call(document.querySelectorAll('[data-filter-severity]'));
  var selects = { rule: document.getElementById('filter-rule'), node: document.getElementById('filter-node'), doc: document.getElementById('filter-doc') };
  var counter = document.getElementById('shown');
  var severity = '';
  function apply() {
    var shown = 0;
    findings.forEach(function (f) {
      var ok = (!severity || f.dataset.severity === severity)
        && (!selects.rule.value || f.dataset.rule === selects.rule.value)
        && (!selects.node.value || f.dataset.node === selects.node.value)
        && (!selects.doc.value || (' ' + f.dataset.docs + ' ').indexOf(' ' + selects.doc.value + ' ') >= 0);
      f.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    document.querySelectorAll('[data-group]').forEach(function (g) {
      g.classList.toggle('hidden', !g.querySelector('.finding:not(.hidden)'));
    });
    counter.textContent = shown + ' of ' + findings.length + ' findings shown';
  }
  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      severity = b.dataset.filterSeverity;
      buttons.forEach(function (x) { x.setAttribute('aria-pressed', String(x === b)); });
      apply();
    });
  });
  Object.keys(selects).forEach(function (k) { selects[k].addEventListener('change', apply); });
  apply();
})();
`;
