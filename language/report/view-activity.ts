/** Sections 7 and 11: delegations and provenance. */
import type { AuditReport, DelegationEntry, RepositoryState } from './report-model.js';
import type { Block, Inline, Section, Tone } from './report-view.js';
import { badge, code, fileLink, lines, plural, REDACTED_TEXT, src, strong, text } from './view-inline.js';
import { group, groupBy, LARGE } from './view-large.js';
import { recordHistoryText } from './view-recorded-by.js';

const DELEGATION_BADGE: Record<DelegationEntry['status'], [Tone, string]> = {
    active: ['info', 'Active'], expired: ['neutral', 'Expired'], future: ['neutral', 'Future']
};

function windowText(since: string | undefined, until: string | undefined): string {
    if (since && until) return `${since} to ${until}`;
    if (since) return `from ${since}, open-ended`;
    if (until) return `until ${until}`;
    return 'no dates given';
}

/**
 * The window's status, or why a delegation in its window hands nothing on: the delegator first, since
 * then nothing reaches any recipient. Dates that run backwards come before all: such a window holds no
 * day, so "expired" or "future" would say when it applied, and it never did.
 */
function statusCell(entry: DelegationEntry, asOf: string): Inline[] {
    if (entry.invalidRange) return [badge('bad', `Invalid dates: it ends on ${entry.until}, before it starts on ${entry.since}, so it is in force on no day`)];
    if (entry.status === 'active') {
        if (entry.delegatorLacksDuty) return [badge('bad', `Ineffective: ${entry.from.title} does not hold ${entry.duty.title} on ${asOf}, so it hands nothing on`)];
        if (entry.recipientAbsent) return [badge('bad', `Ineffective: ${entry.to.title} is not with the organization on ${asOf}`)];
        if (entry.recipientLapsed) return [badge('bad', `Ineffective: ${entry.to.title} left after it took effect, and coming back did not renew it`)];
        if (entry.recipientVacant && entry.recipientPassesOn) {
            return [badge('info', 'Active'), text(' '), badge('warn', `nobody holds ${entry.to.title} on ${asOf}`), text(': it acts only through its own delegation of the duty onward, below')];
        }
        if (entry.recipientVacant) return [badge('bad', `Ineffective: nobody holds ${entry.to.title} on ${asOf}`)];
        // In force all the same (a delegation is the role's act, as the queries say); the vacancy is what an auditor asks about next.
        if (entry.delegatorVacant) return [badge('info', 'Active'), text(' '), badge('warn', `nobody holds ${entry.from.title} on ${asOf}`), text(': the delegation is the role\'s act and still counts')];
    }
    const [tone, label] = DELEGATION_BADGE[entry.status];
    return [badge(tone, label)];
}

export function delegationsSection(report: AuditReport): Section {
    const intro: Block = {
        kind: 'paragraph', content: [text(
            `A delegation lets someone else act on a duty or authority for a period; the delegating role stays accountable. Status is on ${report.asOf}.`
        )]
    };
    if (report.delegations.length === 0) {
        return { id: 'delegations', title: '7. Delegations', blocks: [intro, { kind: 'paragraph', content: [text('The policy records no delegations.')] }] };
    }
    const table = (entries: readonly DelegationEntry[]): Block => ({
        kind: 'table', head: ['Duty delegated', 'From', 'To', 'Window', 'Status', 'Evidence', 'Source'],
        rows: entries.map(entry => {
            return [
                [[strong(entry.duty.title)]], [[text(entry.from.title)]], [[text(entry.to.title)]],
                [[text(windowText(entry.since, entry.until))]], [statusCell(entry, report.asOf)],
                lines(entry.evidence.map(item => [text(item)])), [[src(entry.source)]]
            ];
        })
    });
    if (report.delegations.length <= LARGE) return { id: 'delegations', title: '7. Delegations', blocks: [intro, table(report.delegations)] };
    // Many delegations: counted by status, then one folded table per status, those in force first; those whose dates run backwards apart.
    const byStatus = groupBy(report.delegations, entry => entry.invalidRange ? 'invalid' : entry.status);
    const order: DelegationEntry['status'][] = ['active', 'future', 'expired'];
    const invalid = byStatus.get('invalid')?.length ?? 0;
    const groups: Array<[string, Tone, string]> = [...order.map(status => [status, ...DELEGATION_BADGE[status]] as [string, Tone, string]), ['invalid', 'bad', 'Invalid dates']];
    return {
        id: 'delegations', title: '7. Delegations', blocks: [
            intro,
            { kind: 'paragraph', content: [text(`${plural(report.delegations.length, 'delegation')}: ${order.map(status => `${byStatus.get(status)?.length ?? 0} ${status}`).join(', ')}`
                + `${invalid > 0 ? `, ${invalid} with invalid dates` : ''}.`)] },
            ...groups.flatMap(([status, tone, label]) => {
                const entries = byStatus.get(status) ?? [];
                return entries.length > 0 ? [group([badge(tone, label), text(` ${plural(entries.length, 'delegation')}`)], [table(entries)])] : [];
            })
        ]
    };
}

/** A listing of files folded when long: the provenance of a workspace of hundreds of files. */
function folded(summary: string, items: number, block: Block): Block {
    return items > LARGE ? group([strong(summary)], [block]) : block;
}

export function provenanceSection(report: AuditReport): Section {
    const { provenance } = report;
    return {
        id: 'provenance', title: '11. Provenance', blocks: [
            {
                kind: 'facts', rows: [
                    ['Tool', [text(`${provenance.tool} ${provenance.toolVersion}`)]],
                    ['Report schema', [text(report.schemaVersion)]],
                    ['As of', [text(provenance.asOf)]],
                    ['Generated at', [text(provenance.generatedAt)]],
                    ['Input files', [text(String(provenance.inputs.length))]],
                    ['Configuration files', [text(provenance.configuration.length > 0 ? String(provenance.configuration.length) : 'none: every rule as documented')]],
                    ['Combined SHA-256', [code(provenance.inputsSha256)]],
                    ['Git commit', repositoryText(provenance.repository)],
                    ['Recorded-by history', recordHistoryText(provenance.recordHistory)],
                    ['Documents named in the policy', [text(`${plural(provenance.documents.length, 'file')} in the workspace, hashed below`)]],
                    ...(provenance.redacted ? [['People', [text(REDACTED_TEXT)]] as [string, Inline[]]] : [])
                ]
            },
            {
                kind: 'paragraph', content: [text(
                    'The combined hash is the SHA-256 of the sorted list of input paths and their SHA-256 hashes, followed by those of the configuration files: '
                    + 'one value that identifies the exact policy version this report was made from, and the configuration it was checked with.'
                )]
            },
            provenance.inputs.length > 0
                ? folded(`${plural(provenance.inputs.length, 'input file')} and their SHA-256`, provenance.inputs.length, {
                    kind: 'table', head: ['File', 'SHA-256'],
                    rows: provenance.inputs.map(input => [[[fileLink(input.file)]], [[code(input.sha256)]]])
                })
                : { kind: 'paragraph', content: [strong('No input files.')] },
            ...(provenance.configuration.length > 0 ? [{
                kind: 'table', head: ['Configuration file', 'SHA-256'],
                rows: provenance.configuration.map(file => [[[code(file.file)]], [[code(file.sha256)]]])
            } as Block] : []),
            { kind: 'heading', level: 3, text: 'Documents' },
            provenance.documents.length > 0
                ? folded(`${plural(provenance.documents.length, 'document')} and their SHA-256`, provenance.documents.length, {
                    kind: 'table', head: ['Job description or evidence file', 'SHA-256'],
                    rows: provenance.documents.map(document => [[[fileLink(document.file)]], [[code(document.sha256)]]])
                })
                : { kind: 'paragraph', content: [text('No job-description or evidence file named in the policy exists in the workspace.')] }
        ]
    };
}

function repositoryText(repository: RepositoryState): Inline[] {
    if (!repository.git || !repository.commit) {
        return [text('Not recorded: the workspace folder is not in a git repository with a commit, or git is not available.')];
    }
    const state = repository.dirty === undefined ? badge('neutral', 'whether the folder had uncommitted changes is unknown')
        : repository.dirty ? badge('warn', 'the workspace folder had uncommitted changes') : badge('good', 'clean: no uncommitted changes in the workspace folder');
    return [code(repository.commit), text(' '), state];
}
