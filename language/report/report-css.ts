import { BROWSER_THEME_CSS, GRAPH_SVG_CSS, WEBVIEW_THEME_CSS } from './report-theme.js';

/**
 * The HTML report's only style sheet, inlined in one <style> element. Colours come from the
 * theme's custom properties (report-theme.ts): the saved file follows the reader's colour scheme
 * and prints light, the webview follows the editor's theme. In print every section starts on a
 * new page, table headers repeat on each page, rows are not split, and the wide responsibility
 * matrix gets a landscape page.
 */
const REPORT_BASE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: var(--m-bg); color: var(--m-fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 2px solid var(--m-rule); }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--m-border); }
h3 { font-size: 17px; margin: 26px 0 8px; }
h4 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 8px 0; }
.subtitle { color: var(--m-subtle); }
nav.toc ol { columns: 3; margin: 8px 0 16px; padding-left: 22px; }
a { color: var(--m-link); }
.nw { white-space: nowrap; }
a.src { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; background: var(--m-code-bg); padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
.answer { background: var(--m-answer-bg); border-left: 4px solid var(--m-link); padding: 10px 14px; font-size: 15px; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; border: 1px solid; font-size: 0.86em; font-weight: 600; white-space: nowrap; }
.badge.good { background: var(--m-good-bg); border-color: var(--m-good); color: var(--m-good-fg); }
.badge.warn { background: var(--m-warn-bg); border-color: var(--m-warn); color: var(--m-warn-fg); }
.badge.bad { background: var(--m-bad-bg); border-color: var(--m-bad); color: var(--m-bad-fg); }
.badge.info { background: var(--m-info-bg); border-color: var(--m-info); color: var(--m-info-fg); }
.badge.neutral { background: var(--m-neutral-bg); border-color: var(--m-neutral); color: var(--m-neutral-fg); }
.table-wrap { overflow-x: auto; margin: 10px 0 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--m-border); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--m-head-bg); font-weight: 600; }
tbody tr:nth-child(even) td { background: var(--m-row-alt); }
table.facts { width: auto; min-width: 50%; }
table.facts th { background: var(--m-head-bg); font-weight: 600; white-space: nowrap; }
table.compact { font-size: 12px; }
table.compact th, table.compact td { padding: 3px 5px; }
table.compact td:nth-child(n+4), table.compact th:nth-child(n+4) { text-align: center; }
details { margin: 2px 0; }
details > summary { cursor: pointer; padding: 2px 0; }
details > ul { margin-top: 2px; }
details a:not([class]) { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
figure.graph { margin: 12px 0; }
figure.graph svg { max-width: 100%; height: auto; }
footer { margin-top: 32px; padding-bottom: 24px; border-top: 1px solid var(--m-border); color: var(--m-muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@page landscape { size: A4 landscape; }
@media print {
    body { font-size: 10pt; }
    header, main, footer { max-width: none; padding: 0; }
    nav.toc ol { columns: 2; }
    main > section { break-before: page; }
    #matrix { page: landscape; }
    h2, h3, h4 { break-after: avoid; }
    tr, .answer, figure.graph { break-inside: avoid; }
    thead { display: table-header-group; }
    .table-wrap { overflow: visible; }
    a { color: inherit; text-decoration: none; }
    tbody tr:nth-child(even) td { background: var(--m-bg); }
    .badge, .answer, code, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** The saved report's style sheet (its hash is in the page's CSP). */
export const REPORT_CSS = REPORT_BASE_CSS + BROWSER_THEME_CSS + GRAPH_SVG_CSS;

/** The same report in a VS Code webview: the editor's theme, and source links that open the file. */
export const REPORT_WEBVIEW_CSS = REPORT_BASE_CSS + WEBVIEW_THEME_CSS + GRAPH_SVG_CSS
    + 'a[data-file], svg .node[data-file] { cursor: pointer; }\n';
