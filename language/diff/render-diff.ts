/**
 * The three forms of a diff: Markdown for a pull-request comment (summary first, then a section per
 * kind of change, every policy string escaped), plain text for a terminal, and JSON with the keys of
 * docs/diff-json.md. All three draw the same view, so they never disagree.
 */
import { escapeMarkdown, markdownCode } from '../report/markdown-escape.js';
import { showInvisibles } from '../util/visible-text.js';
import { diffJsonValue } from './diff-json.js';
import type { PolicyDiff } from './diff-model.js';
import { diffView, type DiffSection, type Part } from './diff-view.js';

export type DiffFormat = 'md' | 'json' | 'text';
export const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'md', 'json'];

/**
 * A policy string on one line, with every control, bidirectional and invisible character written as
 * `U+XXXX`: a reviewer sees what a title really holds (`Bo U+001B[31mard`), where dropping them, or
 * letting them through, would hide it.
 */
function visibleLine(text: string): string {
    return showInvisibles(text.replace(/\r\n|[\r\n\t]/g, ' '));
}

function markdownParts(parts: readonly Part[]): string {
    return parts.map(part => {
        const text = visibleLine(part.text);
        return part.kind === 'code' || part.kind === 'place' ? markdownCode(text) : escapeMarkdown(text);
    }).join('');
}

function textParts(parts: readonly Part[]): string {
    return parts.map(part => visibleLine(part.text)).join('');
}

/** The sections of a diff as Markdown, each under a heading of `level` (the report nests them deeper). */
export function markdownSections(sections: readonly DiffSection[], level: number): string[] {
    const hashes = '#'.repeat(level);
    return sections.flatMap(section => [
        `${hashes} ${section.heading}`, '',
        ...section.entries.map(entry => `- ${entry.label ?? section.labels[entry.mark]}: ${markdownParts(entry.parts)}`), ''
    ]);
}

export function renderDiffMarkdown(diff: PolicyDiff): string {
    const view = diffView(diff);
    const lines = [`## ${markdownParts(view.title)}`, '', escapeMarkdown(view.dates), ''];
    if (view.summary.length === 0) {
        lines.push('No changes to roles, people, appointments, duties, authorities, delegations, conflicts, exceptions, requirement status or findings.', '');
    } else {
        lines.push(`**Summary:** ${escapeMarkdown(view.summary.join(', '))}.`, '', ...markdownSections(view.sections, 3));
    }
    return `${lines.join('\n').trimEnd()}\n`;
}

export function renderDiffText(diff: PolicyDiff): string {
    const view = diffView(diff);
    const lines = [textParts(view.title), view.dates];
    if (view.summary.length === 0) {
        lines.push('No changes.');
    } else {
        lines.push(`Summary: ${view.summary.join(', ')}.`);
        for (const section of view.sections) {
            lines.push('', `${section.heading}:`, ...section.entries.map(entry => `  ${entry.mark} ${textParts(entry.parts)}`));
        }
    }
    return `${lines.join('\n')}\n`;
}

/** JSON with two-space indentation; keys in the documented order (docs/diff-json.md), absent values left out. */
export function renderDiffJson(diff: PolicyDiff): string {
    return `${JSON.stringify(diffJsonValue(diff), null, 2)}\n`;
}

export function renderDiff(diff: PolicyDiff, format: DiffFormat): string {
    return format === 'md' ? renderDiffMarkdown(diff) : format === 'json' ? renderDiffJson(diff) : renderDiffText(diff);
}
