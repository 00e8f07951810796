/**
 * One reading of a diff for people, drawn by both the Markdown and the text renderer (and by the
 * report's "Changes in the audit period" section): a title, a summary and sections of entries.
 * Names are code parts, so Markdown shows them as code and escapes them, and text shows them bare.
 */
import type { ApplicabilityStatus } from '../applicability/index.js';
import type { AppointmentRecord, Changes, ConflictRecord, DelegationRecord, DiffPlace, DiffSide, FindingRecord, PolicyDiff } from './diff-model.js';

/** A run of text: plain words, a name (`code`), or a place in a file (`place`). */
export type Part = { readonly text: string; readonly kind?: 'code' | 'place' };

/** `+` added or gained, `-` removed or lost, `~` changed. */
export interface Entry {
    readonly mark: '+' | '-' | '~';
    readonly parts: readonly Part[];
    /** A word for this entry instead of its section's label for the mark (`ended`). */
    readonly label?: string;
}

export interface DiffSection {
    readonly heading: string;
    readonly entries: readonly Entry[];
    /** What each mark means in this section, for renderers that write words. */
    readonly labels: Readonly<Record<Entry['mark'], string>>;
}

const RECORD_LABELS = { '+': 'added', '-': 'removed', '~': 'changed' } as const;

export interface DiffView {
    readonly title: readonly Part[];
    /** The as-of date(s), one line. */
    readonly dates: string;
    /** `3 appointments`, `1 finding introduced`, … for each non-empty group; empty when nothing changed. */
    readonly summary: readonly string[];
    readonly sections: readonly DiffSection[];
}

const code = (text: string): Part => ({ text, kind: 'code' });
const plain = (text: string): Part => ({ text });
const at = (place: DiffPlace): Part[] => [plain(' ('), { text: `${place.file}:${place.line}`, kind: 'place' }, plain(')')];
const optional = (label: string, value: string | undefined): Part[] => (value ? [plain(` ${label} ${value}`)] : []);

const STATUS: Record<ApplicabilityStatus, string> = { met: 'met', 'partly-met': 'partly met', 'not-met': 'not met', 'not-applicable': 'not applicable' };

function sideName(side: DiffSide): Part {
    return side.kind === 'working-tree' ? plain('the working tree') : code(side.label);
}

function appointment(record: AppointmentRecord): Part[] {
    return [code(record.person), plain(' as '), code(record.role), ...optional('as', record.capacity), ...optional('since', record.since),
        ...optional('until', record.until), ...(record.appointedBy ? [plain(' appointed by '), code(record.appointedBy)] : []), ...at(record.source)];
}

function delegation(record: DelegationRecord): Part[] {
    return [code(record.duty), plain(' from '), code(record.from), plain(' to '), code(record.to), ...optional('since', record.since),
        ...optional('until', record.until), plain(`, ${record.status}`), ...at(record.source)];
}

function conflict(record: ConflictRecord): Part[] {
    return [code(record.left), plain(' and '), code(record.right), ...(record.reason ? [plain(`: ${record.reason}`)] : []), ...at(record.source)];
}

function finding(record: FindingRecord): Part[] {
    return [plain(`${record.severity} `), code(record.rule), plain(`: ${record.message}`),
        ...(record.justification !== undefined ? [plain(` (justification: ${record.justification})`)] : []), ...at(record.source)];
}

function recordEntries<T>(changes: Changes<T>, describe: (record: T) => Part[]): Entry[] {
    return [
        ...changes.added.map(record => ({ mark: '+' as const, parts: describe(record) })),
        ...changes.removed.map(record => ({ mark: '-' as const, parts: describe(record) })),
        ...changes.changed.map(change => ({
            mark: '~' as const,
            // An end date written where there was none: the appointment or delegation ended.
            ...(change.changes.some(field => field.field === 'until' && field.from === undefined) ? { label: 'ended' } : {}),
            parts: [...describe(change.to), plain(': '), plain(change.changes.map(field => `${field.field} ${field.from ?? 'none'} → ${field.to ?? 'none'}`).join(', '))]
        }))
    ];
}

function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}

export function diffView(diff: PolicyDiff): DiffView {
    const s = diff.summary;
    const summary = [
        s.holders ? plural(s.holders, 'role whose holders changed', 'roles whose holders changed') : '',
        s.appointments ? plural(s.appointments, 'appointment') : '',
        s.roles ? plural(s.roles, 'role added, removed or changed', 'roles added, removed or changed') : '',
        s.people ? plural(s.people, 'person added, removed or changed', 'people added, removed or changed') : '',
        s.duties ? plural(s.duties, 'duty line', 'duty lines') : '',
        s.authorities ? plural(s.authorities, 'authority', 'authorities') : '',
        s.delegations ? plural(s.delegations, 'delegation') : '',
        s.conflicts ? plural(s.conflicts, 'conflict') : '',
        s.exceptions ? plural(s.exceptions, 'exception') : '',
        s.requirements ? plural(s.requirements, 'requirement status', 'requirement statuses') : '',
        s.findingsIntroduced ? plural(s.findingsIntroduced, 'finding introduced', 'findings introduced') : '',
        s.findingsResolved ? plural(s.findingsResolved, 'finding resolved', 'findings resolved') : '',
        s.findingsChanged ? plural(s.findingsChanged, 'finding at another severity', 'findings at another severity') : ''
    ].filter(Boolean);
    const sections: DiffSection[] = [
        { heading: 'Role holders', labels: { ...RECORD_LABELS, '+': 'gained', '-': 'lost' }, entries: diff.holders.flatMap(change => [
            ...change.gained.map(person => ({ mark: '+' as const, parts: [code(person), plain(' now holds '), code(change.role)] })),
            ...change.lost.map(person => ({ mark: '-' as const, parts: [code(person), plain(' no longer holds '), code(change.role)] }))
        ]) },
        { heading: 'Appointments', labels: RECORD_LABELS, entries: recordEntries(diff.appointments, appointment) },
        { heading: 'Roles', labels: RECORD_LABELS, entries: recordEntries(diff.roles, role => [code(role.name), plain(` ${role.title}`), ...at(role.source)]) },
        { heading: 'People', labels: RECORD_LABELS, entries: recordEntries(diff.people, person => [
            code(person.name), plain(` ${person.title}`), ...optional('employed', person.employment), ...optional('engaged:', person.engagement), ...at(person.source)
        ]) },
        { heading: 'Duties of roles', labels: RECORD_LABELS, entries: [
            ...diff.duties.added.map(duty => ({ mark: '+' as const, parts: [code(duty.role), plain(` ${duty.kind} `), code(duty.duty)] })),
            ...diff.duties.removed.map(duty => ({ mark: '-' as const, parts: [code(duty.role), plain(` ${duty.kind} `), code(duty.duty)] }))
        ] },
        { heading: 'Authorities', labels: RECORD_LABELS, entries: recordEntries(diff.authorities, authority => [code(authority.name), plain(` ${authority.title}`), ...optional('may appoint', authority.mayAppoint), ...at(authority.source)]) },
        { heading: 'Delegations', labels: RECORD_LABELS, entries: recordEntries(diff.delegations, delegation) },
        { heading: 'Conflicts', labels: RECORD_LABELS, entries: recordEntries(diff.conflicts, conflict) },
        { heading: 'Exceptions (suppressed findings)', labels: RECORD_LABELS, entries: recordEntries(diff.exceptions, finding) },
        { heading: 'Requirement status', labels: RECORD_LABELS, entries: diff.requirements.map(change => ({
            mark: '~' as const,
            parts: [code(change.id), plain(` ${change.title}: ${change.from ? STATUS[change.from] : 'not assessed'} → ${change.to ? STATUS[change.to] : 'not assessed'}`)]
        })) },
        { heading: 'Findings', labels: { ...RECORD_LABELS, '+': 'introduced', '-': 'resolved' }, entries: recordEntries({ added: diff.findings.introduced, removed: diff.findings.resolved, changed: diff.findings.changed }, finding) }
    ].filter(section => section.entries.length > 0);
    const dates = diff.from.asOf === diff.to.asOf
        ? `Both sides as of ${diff.to.asOf}.`
        : `${diff.from.label} as of ${diff.from.asOf}, ${diff.to.kind === 'working-tree' ? 'the working tree' : diff.to.label} as of ${diff.to.asOf}.`;
    return { title: [plain('Policy changes from '), sideName(diff.from), plain(' to '), sideName(diff.to)], dates, summary, sections };
}
