import { IssueCodes } from '../mandate-issue-codes.js';
import { recordedByOf } from '../provenance/recorded-by.js';
import { recordsOf, type PolicyRecord } from '../provenance/record-keys.js';
import { daysBetween, isValidIsoDate } from '../util/dates.js';
import { assignmentNames } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

const named = (reference: { $refText?: string } | undefined) => reference?.$refText || '?';

/** How the message names a record. */
function recordName(record: PolicyRecord): string {
    const node = record.node;
    switch (node.$type) {
        case 'Assignment': return `The assignment${assignmentNames(node)}, which starts on ${record.claimed},`;
        case 'Announcement': return `The announcement of ${node.date} of the appointment${assignmentNames(node.$container)}`;
        default: return `The delegation of '${named(node.duty)}' from '${named(node.from)}' to '${named(node.to)}', which starts on ${record.claimed},`;
    }
}

/**
 * A record first committed more than `maxDays` after the date it claims: written after the fact
 * (backdated). Reads the git history the CLI gives the settings (provenance/record-history.ts);
 * without it (the editor, no git, a shallow clone's oldest commit, uncommitted records) it says nothing.
 */
export const recordLate: WorkspaceRule = {
    id: IssueCodes.RecordLate,
    scope: 'workspace',
    category: 'appointment',
    severity: 'info',
    standards: ['ISO27001:7.5.3'],
    summary: 'An assignment, announcement or delegation was first committed more than `maxDays` days after the date it claims (needs the git history: CLI only).',
    fixable: false,
    missingInput: settings => {
        const history = settings.recordHistory;
        if (!history) return 'the git history was not read (the CLI reads it; the editor does not)';
        if (history.unavailable) return 'the workspace folder is not in a git repository, or git is not available';
        return undefined;
    },
    options: {
        maxDays: {
            type: 'integer', default: 30, minimum: 0,
            description: 'The most days a record may be committed after the date it claims.'
        }
    },
    findings(model, context) {
        const history = context.settings.recordHistory;
        if (!history || recordLate.missingInput!(context.settings) !== undefined) return [];
        const max = context.settings.option(recordLate, 'maxDays');
        const findings: WorkspaceFinding[] = [];
        for (const document of model.documents) {
            for (const record of recordsOf(document.parseResult.value)) {
                // Undated or impossible dates are reported by assignment-date-missing and date-invalid.
                if (!record.claimed || !isValidIsoDate(record.claimed)) continue;
                const recorded = recordedByOf(history, record.node);
                if (!recorded.known) continue;
                const { by } = recorded;
                const late = daysBetween(record.claimed, by.day);
                if (late <= max) continue;
                const approved = by.trailers.filter(trailer => /^approved-by$/i.test(trailer.key)).map(trailer => trailer.value);
                findings.push({
                    node: record.node,
                    property: record.kind === 'announcement' ? 'date' : 'since',
                    message: `${recordName(record)} was first recorded in commit ${by.shortCommit} by ${by.author} on ${by.day}, `
                        + `${late} days after the date it claims (at most ${max} allowed)`
                        + `${approved.length > 0 ? `; the commit says Approved-by: ${approved.join(', ')}` : ''}. `
                        + 'A record written after the fact should say so: keep the evidence of the decision with it, and accept the exception '
                        + 'above it with `// mandate-ignore record-late: <why it was recorded late>`.'
                });
            }
        }
        return findings;
    }
};
