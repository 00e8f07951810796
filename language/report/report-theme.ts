/**
 * The colours of the HTML report and the graph page, as custom properties (`--m-*` for the page,
 * `--g-*` for the graph), so one style sheet serves every theme:
 * - a saved report in a browser: light, or dark when the reader's system prefers it (screen
 *   only: it always prints light);
 * - a VS Code webview: the editor's own theme colours (`--vscode-*` variables, which VS Code sets
 *   on the page), with the body classes it adds (`vscode-light`, `vscode-dark`,
 *   `vscode-high-contrast`) for what the variables cannot say: no tinted fills in high contrast.
 * The graph's SVG keeps its own colours as attributes; the rules at the end override them by
 * the classes graph-svg.ts gives each node and edge.
 */

const LIGHT = `--m-bg: #ffffff; --m-fg: #111827; --m-muted: #4b5563; --m-subtle: #374151; --m-border: #d1d5db; --m-rule: #1f2937;
    --m-link: #1d4ed8; --m-code-bg: #f3f4f6; --m-head-bg: #f3f4f6; --m-row-alt: #fafafa; --m-answer-bg: #f8fafc;
    --m-good-bg: #dcfce7; --m-good: #15803d; --m-good-fg: #14532d; --m-warn-bg: #fef3c7; --m-warn: #b45309; --m-warn-fg: #78350f;
    --m-bad-bg: #fee2e2; --m-bad: #b91c1c; --m-bad-fg: #7f1d1d; --m-info-bg: #dbeafe; --m-info: #1d4ed8; --m-info-fg: #1e3a8a;
    --m-neutral-bg: #f3f4f6; --m-neutral: #6b7280; --m-neutral-fg: #374151;
    --g-role-fill: #eef2ff; --g-role-line: #4338ca; --g-ciso-fill: #fef3c7; --g-ciso-line: #b45309;
    --g-vacant-fill: #fee2e2; --g-vacant-line: #b91c1c; --g-vacant-text: #7f1d1d; --g-person-fill: #f8fafc; --g-person-line: #64748b;
    --g-text: #111827; --g-reports: #1f2937; --g-holds: #94a3b8; --g-holds-text: #475569; --g-delegation: #b45309; --g-delegation-text: #92400e;`;

const DARK = `--m-bg: #0d1117; --m-fg: #e6edf3; --m-muted: #9ca3af; --m-subtle: #c9d1d9; --m-border: #30363d; --m-rule: #8b949e;
    --m-link: #58a6ff; --m-code-bg: #161b22; --m-head-bg: #161b22; --m-row-alt: #10151c; --m-answer-bg: #161b22;
    --m-good-bg: #0f2e1a; --m-good: #3fb950; --m-good-fg: #7ee787; --m-warn-bg: #2e2108; --m-warn: #d29922; --m-warn-fg: #e3b341;
    --m-bad-bg: #3a1212; --m-bad: #f85149; --m-bad-fg: #ffa198; --m-info-bg: #0c2d6b; --m-info: #58a6ff; --m-info-fg: #a5d6ff;
    --m-neutral-bg: #21262d; --m-neutral: #8b949e; --m-neutral-fg: #c9d1d9;
    --g-role-fill: #1c2541; --g-role-line: #8b9cff; --g-ciso-fill: #3b2a08; --g-ciso-line: #e3b341;
    --g-vacant-fill: #3a1212; --g-vacant-line: #f85149; --g-vacant-text: #ffa198; --g-person-fill: #161b22; --g-person-line: #8b949e;
    --g-text: #e6edf3; --g-reports: #c9d1d9; --g-holds: #6e7681; --g-holds-text: #9ca3af; --g-delegation: #d29922; --g-delegation-text: #e3b341;`;

/** A saved report or graph page in a browser: the reader's colour scheme on screen, light on paper. */
export const BROWSER_THEME_CSS = `
:root { color-scheme: light dark; ${LIGHT} }
@media screen and (prefers-color-scheme: dark) { :root { ${DARK} } }
@media print { :root { color-scheme: light; ${LIGHT} } }
`;

/** `color-mix` of a theme colour over the editor's background: a tint that reads in light and dark themes. */
const tint = (colour: string, percent: number, fallback: string) => `color-mix(in srgb, var(${colour}, ${fallback}) ${percent}%, var(--vscode-editor-background, #ffffff))`;

/** In a VS Code webview: the editor theme's colours, whatever the theme. */
export const WEBVIEW_THEME_CSS = `
:root {
    --m-bg: var(--vscode-editor-background, #ffffff); --m-fg: var(--vscode-editor-foreground, #111827);
    --m-muted: var(--vscode-descriptionForeground, #4b5563); --m-subtle: var(--vscode-descriptionForeground, #374151);
    --m-border: var(--vscode-panel-border, var(--vscode-widget-border, #d1d5db)); --m-rule: var(--vscode-editor-foreground, #1f2937);
    --m-link: var(--vscode-textLink-foreground, #1d4ed8); --m-code-bg: var(--vscode-textCodeBlock-background, #f3f4f6);
    --m-head-bg: var(--vscode-editorWidget-background, #f3f4f6); --m-row-alt: ${tint('--vscode-editor-foreground', 4, '#111827')};
    --m-answer-bg: var(--vscode-textBlockQuote-background, #f8fafc);
    --m-good-bg: ${tint('--vscode-charts-green', 18, '#15803d')}; --m-good: var(--vscode-charts-green, #15803d); --m-good-fg: var(--vscode-editor-foreground, #14532d);
    --m-warn-bg: ${tint('--vscode-charts-yellow', 18, '#b45309')}; --m-warn: var(--vscode-charts-yellow, #b45309); --m-warn-fg: var(--vscode-editor-foreground, #78350f);
    --m-bad-bg: ${tint('--vscode-charts-red', 18, '#b91c1c')}; --m-bad: var(--vscode-charts-red, #b91c1c); --m-bad-fg: var(--vscode-editor-foreground, #7f1d1d);
    --m-info-bg: ${tint('--vscode-charts-blue', 18, '#1d4ed8')}; --m-info: var(--vscode-charts-blue, #1d4ed8); --m-info-fg: var(--vscode-editor-foreground, #1e3a8a);
    --m-neutral-bg: ${tint('--vscode-editor-foreground', 8, '#111827')}; --m-neutral: var(--vscode-descriptionForeground, #6b7280); --m-neutral-fg: var(--vscode-editor-foreground, #374151);
    --g-role-fill: ${tint('--vscode-charts-blue', 16, '#1d4ed8')}; --g-role-line: var(--vscode-charts-blue, #4338ca);
    --g-ciso-fill: ${tint('--vscode-charts-yellow', 22, '#b45309')}; --g-ciso-line: var(--vscode-charts-yellow, #b45309);
    --g-vacant-fill: ${tint('--vscode-charts-red', 18, '#b91c1c')}; --g-vacant-line: var(--vscode-charts-red, #b91c1c); --g-vacant-text: var(--vscode-errorForeground, #7f1d1d);
    --g-person-fill: var(--vscode-editor-background, #f8fafc); --g-person-line: var(--vscode-descriptionForeground, #64748b);
    --g-text: var(--vscode-editor-foreground, #111827); --g-reports: var(--vscode-editor-foreground, #1f2937);
    --g-holds: var(--vscode-descriptionForeground, #94a3b8); --g-holds-text: var(--vscode-descriptionForeground, #475569);
    --g-delegation: var(--vscode-charts-orange, #b45309); --g-delegation-text: var(--vscode-charts-orange, #92400e);
}
body { font-family: var(--vscode-font-family, system-ui, sans-serif); }
body.vscode-light { color-scheme: light; }
body.vscode-dark { color-scheme: dark; }
body.vscode-high-contrast { color-scheme: dark; --m-border: var(--vscode-contrastBorder, #6fc3df); --m-row-alt: transparent; --m-head-bg: transparent;
    --m-good-bg: transparent; --m-warn-bg: transparent; --m-bad-bg: transparent; --m-info-bg: transparent; --m-neutral-bg: transparent;
    --g-role-fill: transparent; --g-ciso-fill: transparent; --g-vacant-fill: transparent; --g-person-fill: transparent; }
body.vscode-high-contrast-light { color-scheme: light; }
body.vscode-high-contrast a:focus-visible, body.vscode-high-contrast [tabindex]:focus-visible { outline: 2px solid var(--vscode-focusBorder, #f38518); }
`;

/** The graph's colours from the custom properties: CSS wins over the SVG's presentation attributes. */
export const GRAPH_SVG_CSS = `
svg .graph > polygon { fill: transparent; }
svg .node.role path, svg .node.role polygon { fill: var(--g-role-fill); stroke: var(--g-role-line); }
svg .node.ciso path, svg .node.ciso polygon { fill: var(--g-ciso-fill); stroke: var(--g-ciso-line); }
svg .node.vacant path, svg .node.vacant polygon { fill: var(--g-vacant-fill); stroke: var(--g-vacant-line); }
svg .node.person ellipse { fill: var(--g-person-fill); stroke: var(--g-person-line); }
svg .node text { fill: var(--g-text); }
svg .node.vacant text { fill: var(--g-vacant-text); }
svg .edge.reports path { stroke: var(--g-reports); }
svg .edge.reports polygon { fill: var(--g-reports); stroke: var(--g-reports); }
svg .edge.holds path { stroke: var(--g-holds); }
svg .edge.holds polygon { fill: var(--g-holds); stroke: var(--g-holds); }
svg .edge.holds text { fill: var(--g-holds-text); }
svg .edge.delegation path { stroke: var(--g-delegation); }
svg .edge.delegation polygon { fill: var(--g-delegation); stroke: var(--g-delegation); }
svg .edge.delegation text { fill: var(--g-delegation-text); }
`;
