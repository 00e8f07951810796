/** Section 12 (only with `report --since REV`): changes in the audit period, the diff's own view. */
import { diffView, type Part } from '../diff/diff-view.js';
import type { AuditReport } from './report-model.js';
import type { Block, Inline, Section } from './report-view.js';
import { code, strong, text } from './view-inline.js';

const inline = (parts: readonly Part[]): Inline[] => parts.map(part => (part.kind ? code(part.text) : text(part.text)));

export function changesSection(report: AuditReport): Section | undefined {
    const { changes } = report;
    if (!changes) return undefined;
    const view = diffView(changes);
    const intro: Block = { kind: 'paragraph', content: [...inline(view.title), text('. '), text(view.dates)] };
    if (view.summary.length === 0) {
        return {
            id: 'changes', title: '12. Changes in the audit period', blocks: [intro, {
                kind: 'paragraph', content: [text('No changes to roles, people, appointments, duties, authorities, delegations, conflicts, exceptions, requirement status or findings.')]
            }]
        };
    }
    return {
        id: 'changes', title: '12. Changes in the audit period', blocks: [
            intro,
            { kind: 'paragraph', content: [strong('Summary:'), text(` ${view.summary.join(', ')}.`)] },
            ...view.sections.flatMap((section): Block[] => [
                // Under the section's own heading (level 2): a level skipped breaks a screen reader's outline.
                { kind: 'heading', level: 3, text: section.heading },
                { kind: 'list', items: section.entries.map(entry => [strong(`${entry.label ?? section.labels[entry.mark]}:`), text(' '), ...inline(entry.parts)]) }
            ])
        ]
    };
}
