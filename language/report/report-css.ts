/**
 * The HTML report's only style sheet, inlined in one <style> element. Light colours only, so it
 * prints as it shows; in print every section starts on a new page, table headers repeat on each
 * page, rows are not split, and the wide responsibility matrix gets a landscape page.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #111827; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 2px solid #1f2937; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #d1d5db; }
h3 { font-size: 17px; margin: 26px 0 8px; }
h4 { font-size: 15px; margin: 20px 0 6px; }
p { margin: 8px 0; }
.subtitle { color: #374151; }
nav.toc ol { columns: 3; margin: 8px 0 16px; padding-left: 22px; }
a { color: #1d4ed8; }
.nw { white-space: nowrap; }
a.src { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; background: #f3f4f6; padding: 0 3px; border-radius: 3px; overflow-wrap: anywhere; }
.answer { background: #f8fafc; border-left: 4px solid #1d4ed8; padding: 10px 14px; font-size: 15px; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; border: 1px solid; font-size: 0.86em; font-weight: 600; white-space: nowrap; }
.badge.good { background: #dcfce7; border-color: #15803d; color: #14532d; }
.badge.warn { background: #fef3c7; border-color: #b45309; color: #78350f; }
.badge.bad { background: #fee2e2; border-color: #b91c1c; color: #7f1d1d; }
.badge.info { background: #dbeafe; border-color: #1d4ed8; color: #1e3a8a; }
.badge.neutral { background: #f3f4f6; border-color: #6b7280; color: #374151; }
.table-wrap { overflow-x: auto; margin: 10px 0 16px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d1d5db; padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f4f6; font-weight: 600; }
tbody tr:nth-child(even) td { background: #fafafa; }
table.facts { width: auto; min-width: 50%; }
table.facts th { background: #f9fafb; font-weight: 600; white-space: nowrap; }
table.compact { font-size: 12px; }
table.compact th, table.compact td { padding: 3px 5px; }
table.compact td:nth-child(n+4), table.compact th:nth-child(n+4) { text-align: center; }
details { margin: 2px 0; }
details > summary { cursor: pointer; padding: 2px 0; }
details > ul { margin-top: 2px; }
details a:not([class]) { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
figure.graph { margin: 12px 0; }
figure.graph svg { max-width: 100%; height: auto; }
footer { margin-top: 32px; padding-bottom: 24px; border-top: 1px solid #d1d5db; color: #4b5563; font-size: 12px; }
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
    tbody tr:nth-child(even) td { background: #ffffff; }
    .badge, .answer, code, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
