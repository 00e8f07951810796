/** Small constructors for the report view's inline pieces, shared by the section builders. */
import type { SourceRef } from './report-model.js';
import type { Cell, Inline, Tone } from './report-view.js';

export const text = (value: string): Inline => ({ kind: 'text', text: value });
export const strong = (value: string): Inline => ({ kind: 'text', text: value, strong: true });
/** A date or other short value that should not wrap inside a table cell. */
export const date = (value: string): Inline => ({ kind: 'text', text: value, nowrap: true });
export const code = (value: string): Inline => ({ kind: 'text', text: value, code: true });
export const src = (source: SourceRef, column?: number, short?: boolean): Inline => (short ? { kind: 'source', source, column, short } : { kind: 'source', source, column });
/** A link to a part of this report, by its HTML id. */
export const ref = (anchor: string, label: string): Inline => ({ kind: 'ref', anchor, label });
export const fileLink = (file: string): Inline => ({ kind: 'file', file });
export const badge = (tone: Tone, label: string): Inline => ({ kind: 'badge', tone, label });
/** One line of a table cell. */
export const cell = (...content: Inline[]): Cell => [content];
export const lines = (rows: readonly (readonly Inline[])[]): Cell => (rows.length > 0 ? rows : [[text('—')]]);
export const none: Cell = [[text('—')]];

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** A named thing followed by a link to where it is declared: `Title (file:line)`. */
export function named(ref: { title: string; source: SourceRef }, emphasis = false): Inline[] {
    return [emphasis ? strong(ref.title) : text(ref.title), text(' ('), src(ref.source), text(')')];
}

export const STATUS_LABEL = { met: 'Met', 'partly-met': 'Partly met', 'not-met': 'Not met', 'not-applicable': 'Not applicable' } as const;
export const STATUS_TONE: Record<keyof typeof STATUS_LABEL, Tone> = { met: 'good', 'partly-met': 'warn', 'not-met': 'bad', 'not-applicable': 'neutral' };


/** What a report made with `--redact` says about its people, in the summary and the provenance. */
export const REDACTED_TEXT = 'Every declared person appears as Person 1…n: names, IDs and e-mail addresses are replaced wherever they occur (report --redact).';
