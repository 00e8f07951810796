/**
 * The figures of the performance issue's goal table, in its order, and how a measured value is
 * judged against its goal. Measurements fill in cells; the table and the benchmark page read them.
 */

export interface Cell {
    /** The number the goal and the ratio are judged on (ms, bytes, a factor, 1/0 for yes/no). */
    readonly value?: number;
    readonly text: string;
    /** The value is a lower bound: the run was stopped at a time-out. */
    readonly lowerBound?: boolean;
    /** Why there is no value: not run, failed, skipped. */
    readonly missing?: string;
    /** Conditions of the goal besides the value (e.g. only changed files re-published); false fails the goal. */
    readonly conditionsMet?: boolean;
}

export type BuildSlot = 'current' | 'baseline';

export interface Figure {
    readonly id: string;
    readonly figure: string;
    readonly goal: string;
    /** The goal's bound on the value, in the value's unit. */
    readonly limit?: number;
    /** Whether the ratio column (0.1.0's value ÷ this build's) applies. */
    readonly ratio: boolean;
    /** An extra bound on the ratio (cold check: at least 2× faster than 0.1.0). */
    readonly minRatio?: number;
}

const MB = 1e6;

export const FIGURES: readonly Figure[] = [
    { id: 'cold-100k', figure: 'cold `mandate check`, 100k lines / 500 files', goal: '≤ 1.0 s, and ≥ 2× faster than 0.1.0', limit: 1000, ratio: true, minRatio: 2 },
    { id: 'big-10k', figure: 'cold check, one file with 10,000 people and their assignments', goal: '≤ 1.0 s', limit: 1000, ratio: true },
    { id: 'big-growth', figure: 'cold check, one file 3× larger (30,000 people): time ÷ the 10,000-person time', goal: '≤ 3.5×', limit: 3.5, ratio: false },
    // Not in the table: what an editor asks after each edit of one large file, held to "as fast as the best language servers" (measure-big-editor.ts).
    { id: 'edit-big-comment', figure: 'edit → diagnostics, p95, one file of 10,000 people (132,500 lines): a comment typed in it', goal: '≤ 50 ms (the goal for edits at 100k lines)', limit: 50, ratio: true },
    { id: 'edit-big-date', figure: 'edit → diagnostics, p95, one file of 10,000 people (132,500 lines): a person\'s employment date in it (what the policy says changes; no name does)', goal: '≤ 50 ms (the goal for edits at 100k lines)', limit: 50, ratio: true },
    { id: 'big-editor', figure: 'editor requests after an edit, one file of 10,000 people: outline, folding, semantic tokens, code lenses, inlay hints, Format Selection (the slowest, median of 3)', goal: '≤ 1 s each (the issue names no number)', limit: 1000, ratio: true },
    { id: 'edit-leaf-comment', figure: 'edit → diagnostics, p95, 100k lines: comment in a team file nobody references', goal: '≤ 50 ms; only files whose diagnostics change re-published', limit: 50, ratio: true },
    { id: 'edit-leaf-title', figure: 'edit → diagnostics, p95, 100k lines: a person\'s title (no name changes)', goal: '≤ 50 ms; only files whose diagnostics change re-published', limit: 50, ratio: true },
    { id: 'edit-leaf-date', figure: 'edit → diagnostics, p95, 100k lines: a person\'s employment date in a team file (what the policy says changes; no name does)', goal: '≤ 50 ms; only files whose diagnostics change re-published', limit: 50, ratio: true },
    { id: 'edit-org-comment', figure: 'edit → diagnostics, p95, 100k lines: comment in the organization file every team file references', goal: '≤ 50 ms; only files whose diagnostics change re-published', limit: 50, ratio: true },
    { id: 'rename-local', figure: 'rename edit, p95, 100k lines: a role referenced only in its own team file (32 references)', goal: '≤ 150 ms', limit: 150, ratio: true },
    { id: 'rename-shared', figure: 'rename edit, p95, 100k lines: a role all 500 team files reference', goal: '≤ 150 ms', limit: 150, ratio: true },
    { id: 'completion', figure: 'completion over stdio, p95, 100k lines (`assign ` and `assign p-7-1`)', goal: '≤ 10 ms; filtered by the typed prefix, marked incomplete past a cap', limit: 10, ratio: true },
    { id: 'report-md', figure: 'Markdown report, 100k lines (time, size)', goal: '≤ 1 s, ≤ 5 MB', limit: 1000, ratio: true },
    // One sentence of the policy-tests issue (#13) asks `mandate test` and `mandate diff` to finish "in a few seconds": one limit for both, and for provenance.
    { id: 'test-200', figure: '`mandate test`, 200 expectations (holders, who may, findings, status, what-if), 100k lines / 500 files', goal: '≤ 5 s (a few seconds)', limit: 5000, ratio: false },
    { id: 'diff-100', figure: '`mandate diff` across 100 commits, 100k lines / 500 files (both revisions read out of git and checked)', goal: '≤ 5 s (a few seconds)', limit: 5000, ratio: false },
    { id: 'provenance-100', figure: '`mandate report` with recorded-by provenance, 100k lines / 500 files, 101 commits (history read in one git log pass)', goal: '≤ 5 s (a few seconds)', limit: 5000, ratio: false },
    { id: 'report-html', figure: 'HTML report, 100k lines (time, size)', goal: '≤ 2 s, ≤ 5 MB', limit: 2000, ratio: true },
    // The same goal for the editor's report command, on the workspace the server has built (measure-editor-reports.ts).
    { id: 'report-editor-md', figure: 'Markdown report from the editor, 100k lines: the server\'s report request on its built workspace (time, size)', goal: '≤ 1 s, ≤ 5 MB', limit: 1000, ratio: true },
    { id: 'report-editor-html', figure: 'HTML report from the editor, 100k lines: the saved page and the report panel\'s in one request (time, size)', goal: '≤ 2 s, ≤ 5 MB', limit: 2000, ratio: true },
    { id: 'server-rss', figure: 'server memory (RSS) after the initial build, 100k lines', goal: '≤ 200 MB', limit: 200 * MB, ratio: true },
    { id: 'large-time', figure: 'cold check, 1M lines / 5,000 files', goal: '≤ 10 s', limit: 10_000, ratio: true },
    { id: 'large-memory', figure: 'peak memory of that check (max RSS)', goal: '≤ 1.5 GB', limit: 1.5e9, ratio: true },
    { id: 'server-ready', figure: 'server ready: spawn → initialize result (median)', goal: '≤ 250 ms', limit: 250, ratio: true },
    { id: 'cli-1k', figure: 'CLI check of 1,000 lines (median, spawn to exit)', goal: '≤ 400 ms', limit: 400, ratio: true },
    { id: 'vsix', figure: '.vsix size', goal: '≤ 600 KB', limit: 600_000, ratio: true },
    { id: 'drift', figure: 'after random edits over LSP and a restore: diagnostics identical to a fresh server\'s', goal: 'identical', limit: 1, ratio: false },
    { id: 'import-10k', figure: '`mandate import` of a 10,000-person HR export, then `mandate check` of the result (spawn to exit, both)', goal: '≤ 2 s', limit: 2000, ratio: false },
    { id: 'drift-rss', figure: 'server RSS growth over those edits, at rest (60 s after the restore)', goal: '≤ 10%', limit: 10, ratio: false }
];

/** Rows whose value must be at least the limit (drift: 1 = identical); all others are upper bounds. */
const AT_LEAST = new Set(['drift']);

export class Results {
    private readonly cells = new Map<string, Partial<Record<BuildSlot, Cell>>>();
    /** Per figure, what the page says about how it was measured in this run. */
    readonly notes = new Map<string, string[]>();

    set(id: string, slot: BuildSlot, cell: Cell): void {
        if (!FIGURES.some(figure => figure.id === id)) throw new Error(`unknown figure ${id}`);
        this.cells.set(id, { ...this.cells.get(id), [slot]: cell });
    }

    get(id: string, slot: BuildSlot): Cell | undefined {
        return this.cells.get(id)?.[slot];
    }

    note(id: string, text: string): void {
        this.notes.set(id, [...(this.notes.get(id) ?? []), text]);
    }

    toJSON(): unknown {
        return { cells: Object.fromEntries(this.cells), notes: Object.fromEntries(this.notes) };
    }
}

/** 0.1.0's value ÷ this build's: how many times faster or smaller this build is. */
export function ratioText(figure: Figure, current?: Cell, baseline?: Cell): string {
    if (!figure.ratio || current?.value === undefined || baseline?.value === undefined || current.value <= 0) return '—';
    const ratio = baseline.value / current.value;
    const text = ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
    return `${baseline.lowerBound ? '≥ ' : ''}${text}×`;
}

export function meetsGoal(figure: Figure, current?: Cell, baseline?: Cell): 'yes' | 'no' | '—' | 'unknown' {
    if (current?.value === undefined || figure.limit === undefined) return '—';
    // A run stopped at its time-out: only a lower bound already past the limit decides.
    if (current.lowerBound) return current.value > figure.limit ? 'no' : 'unknown';
    const withinLimit = AT_LEAST.has(figure.id) ? current.value >= figure.limit : current.value <= figure.limit;
    let ratioOk = true;
    if (figure.minRatio !== undefined) {
        // Without a 0.1.0 value in this run, the ratio part of the goal cannot be judged.
        if (baseline?.value === undefined) return withinLimit && current.conditionsMet !== false ? '—' : 'no';
        ratioOk = baseline.value / current.value >= figure.minRatio;
    }
    return withinLimit && ratioOk && current.conditionsMet !== false ? 'yes' : 'no';
}

export function cellText(cell: Cell | undefined, fallback: string): string {
    if (!cell) return fallback;
    return cell.missing ?? cell.text;
}
