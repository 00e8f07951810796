/** Sections 5, 7, 8 and 9: delegations, training, findings and provenance. */
import type { AuditReport, DelegationEntry, RepositoryState, TrainingEntry, TrainingState } from './report-model.js';
import type { Block, Cell, Inline, Section, Tone } from './report-view.js';
import { badge, code, date, fileLink, lines, named, plural, src, strong, text } from './view-inline.js';
import { employedOnAsOf, populationText } from './view-people.js';

const DELEGATION_BADGE: Record<DelegationEntry['status'], [Tone, string]> = {
    active: ['info', 'Active'], expired: ['neutral', 'Expired'], future: ['neutral', 'Future']
};
const TRAINING_BADGE: Record<TrainingState, [Tone, string]> = {
    current: ['good', 'Current'], due: ['warn', 'Due'], overdue: ['bad', 'Overdue'], missing: ['bad', 'Never completed']
};

/** A person's state for a programme; a first completion still inside its grace period is due by a date, not missing. */
function trainingStateCell(person: TrainingEntry['people'][number]): Cell {
    const [tone, label] = TRAINING_BADGE[person.state];
    return [[badge(tone, person.state === 'due' && person.dueBy ? `${label} by ${person.dueBy} (grace period)` : label)]];
}

/** The audience as the report states it: `everyone` is the staff employed on the as-of date. */
function audienceText(report: AuditReport, entry: TrainingEntry): string {
    return entry.audience === 'everyone' ? `everyone: the ${plural(employedOnAsOf(report), 'person', 'people')} employed on ${report.asOf}` : entry.audience;
}
const SEVERITY_TONE: Record<string, Tone> = { error: 'bad', warning: 'warn', info: 'info', hint: 'neutral' };

function windowText(since: string | undefined, until: string | undefined): string {
    if (since && until) return `${since} to ${until}`;
    if (since) return `from ${since}, open-ended`;
    if (until) return `until ${until}`;
    return 'no dates given';
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
    return {
        id: 'delegations', title: '7. Delegations', blocks: [intro, {
            kind: 'table', head: ['Duty delegated', 'From', 'To', 'Window', 'Status', 'Evidence', 'Source'],
            rows: report.delegations.map(entry => {
                const [tone, label] = DELEGATION_BADGE[entry.status];
                return [
                    [[strong(entry.duty.title)]], [[text(entry.from.title)]], [[text(entry.to.title)]],
                    [[text(windowText(entry.since, entry.until))]], [[badge(tone, label)]],
                    lines(entry.evidence.map(item => [text(item)])), [[src(entry.source)]]
                ];
            })
        }]
    };
}

function trainingCounts(entry: TrainingEntry): string {
    const count = (state: TrainingState) => entry.people.filter(person => person.state === state).length;
    return `${count('current')} current, ${count('due')} due within a grace period, ${count('overdue')} overdue, ${count('missing')} never completed`;
}

function programmeBlocks(report: AuditReport, entry: TrainingEntry): Block[] {
    const blocks: Block[] = [
        { kind: 'heading', level: 4, text: entry.programme.title },
        {
            kind: 'facts', rows: [
                ['Programme', named(entry.programme)],
                ['Cadence', [text(entry.cadence ?? 'once')]],
                ['Audience', [text(audienceText(report, entry))]],
                ['Status', [text(`${plural(entry.people.length, 'person', 'people')} must take it: ${trainingCounts(entry)}`)]]
            ]
        }
    ];
    if (entry.people.length === 0) {
        blocks.push({ kind: 'paragraph', content: [text(`Nobody must take this programme on ${report.asOf}.`)] });
        return blocks;
    }
    blocks.push({
        kind: 'table', head: ['Person', 'Last completed', 'Due by', 'State'],
        rows: entry.people.map(person => [
            [[text(person.person.title)]], [[date(person.lastCompleted ?? '—')]], [[date(person.dueBy ?? '—')]], trainingStateCell(person)
        ])
    });
    return blocks;
}

export function trainingSection(report: AuditReport): Section {
    if (report.training.length === 0) {
        return { id: 'training', title: '9. Training', blocks: [{ kind: 'paragraph', content: [text('The policy declares no training programmes.')] }] };
    }
    const overview: Block = {
        kind: 'table', head: ['Programme', 'Cadence', 'Audience', 'Current', 'Due', 'Overdue', 'Never completed'],
        rows: report.training.map(entry => {
            const count = (state: TrainingState) => entry.people.filter(person => person.state === state).length;
            const problem = (value: number): Cell => [[value > 0 ? badge('bad', String(value)) : text('0')]];
            return [
                [[strong(entry.programme.title)]], [[text(entry.cadence ?? 'once')]], [[text(audienceText(report, entry))]],
                [[text(String(count('current')))]], [[text(String(count('due')))]], problem(count('overdue')), problem(count('missing'))
            ];
        })
    };
    return {
        id: 'training', title: '9. Training', blocks: [
            {
                kind: 'paragraph', content: [text(
                    `Who must take each programme on ${report.asOf} (its audience and the holders of roles that require it), and whether their last completion is still current. `
                    + `${populationText(report)} A newcomer inside a programme's grace period is due, not missing.`
                )]
            },
            overview,
            ...report.training.flatMap(entry => programmeBlocks(report, entry))
        ]
    };
}

/** Accepted exceptions: the team's accepted risks, with their justification, as audit evidence. */
function exceptionBlocks(report: AuditReport): Block[] {
    if (report.acceptedExceptions.length === 0) return [];
    return [
        { kind: 'heading', level: 3, text: 'Accepted exceptions' },
        { kind: 'paragraph', content: [text(`${plural(report.acceptedExceptions.length, 'finding')} accepted in the policy with \`// mandate-ignore\`, each with the justification written there.`)] },
        {
            kind: 'table', head: ['Rule', 'Justification', 'Finding', 'Location'],
            rows: report.acceptedExceptions.map(exception => [
                [[code(exception.rule)]], [[strong(exception.justification)]], [[text(exception.message)]], [[src(exception.source, exception.column)]]
            ])
        }
    ];
}

export function findingsSection(report: AuditReport): Section {
    if (report.findings.length === 0) {
        return {
            id: 'findings', title: '10. Findings',
            blocks: [{ kind: 'paragraph', answer: true, content: [badge('good', 'No findings'), text(` The policy passes every check on ${report.asOf}.`)] }, ...exceptionBlocks(report)]
        };
    }
    return {
        id: 'findings', title: '10. Findings', blocks: [
            { kind: 'paragraph', content: [text(`${plural(report.findings.length, 'finding')}, in file and line order. The rule IDs are explained in the Mandate README.`)] },
            {
                kind: 'table', head: ['#', 'Severity', 'Rule', 'Message', 'Location'],
                rowIds: report.findings.map((_, index) => `finding-${index + 1}`),
                rows: report.findings.map((finding, index) => [
                    [[text(String(index + 1))]], [[badge(SEVERITY_TONE[finding.severity] ?? 'neutral', finding.severity)]],
                    [[code(finding.rule)]], [[text(finding.message)]], [[src(finding.source, finding.column)]]
                ])
            },
            ...exceptionBlocks(report)
        ]
    };
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
                    ['Combined SHA-256', [code(provenance.inputsSha256)]],
                    ['Git commit', repositoryText(provenance.repository)],
                    ['Documents named in the policy', [text(`${plural(provenance.documents.length, 'file')} in the workspace, hashed below`)]]
                ]
            },
            {
                kind: 'paragraph', content: [text(
                    'The combined hash is the SHA-256 of the sorted list of input paths and their SHA-256 hashes: one value that identifies the exact policy version this report was made from.'
                )]
            },
            provenance.inputs.length > 0
                ? {
                    kind: 'table', head: ['File', 'SHA-256'],
                    rows: provenance.inputs.map(input => [[[fileLink(input.file)]], [[code(input.sha256)]]])
                }
                : { kind: 'paragraph', content: [strong('No input files.')] },
            { kind: 'heading', level: 3, text: 'Documents' },
            provenance.documents.length > 0
                ? {
                    kind: 'table', head: ['Job description or evidence file', 'SHA-256'],
                    rows: provenance.documents.map(document => [[[fileLink(document.file)]], [[code(document.sha256)]]])
                }
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
