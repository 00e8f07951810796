/**
 * Section 9: each training programme, who must take it on the as-of date and whether their last
 * completion is current. In a large report each programme is folded, the people who are not
 * current are tabled, and the current ones are named with their completion date in one paragraph
 * per file: counts instead of a row per person that says "Current" thousands of times.
 */
import type { AuditReport, TrainingEntry, TrainingState } from './report-model.js';
import type { Block, Cell, Section, Tone } from './report-view.js';
import { badge, date, named, plural, src, strong, text } from './view-inline.js';
import { group, groupBy, LARGE } from './view-large.js';
import { employedOnAsOf, populationText } from './view-people.js';

type Obligation = TrainingEntry['people'][number];

const TRAINING_BADGE: Record<TrainingState, [Tone, string]> = {
    current: ['good', 'Current'], due: ['warn', 'Due'], overdue: ['bad', 'Overdue'], missing: ['bad', 'Never completed']
};

/** A person's state for a programme; a first completion still inside its grace period is due by a date, not missing. */
function trainingStateCell(person: Obligation): Cell {
    const [tone, label] = TRAINING_BADGE[person.state];
    return [[badge(tone, person.state === 'due' && person.dueBy ? `${label} by ${person.dueBy} (grace period)` : label)]];
}

/** The audience as the report states it: `everyone` is the staff employed on the as-of date (`employed`, counted once). */
function audienceText(report: AuditReport, entry: TrainingEntry, employed: number): string {
    return entry.audience === 'everyone' ? `everyone: the ${plural(employed, 'person', 'people')} employed on ${report.asOf}` : entry.audience;
}

function stateCounts(entry: TrainingEntry): Record<TrainingState, number> {
    const counts: Record<TrainingState, number> = { current: 0, due: 0, overdue: 0, missing: 0 };
    for (const person of entry.people) counts[person.state]++;
    return counts;
}

function countsText(counts: Record<TrainingState, number>): string {
    return `${counts.current} current, ${counts.due} due within a grace period, ${counts.overdue} overdue, ${counts.missing} never completed`;
}

function peopleTable(people: readonly Obligation[]): Block {
    return {
        kind: 'table', head: ['Person', 'Last completed', 'Due by', 'State'],
        rows: people.map(person => [[[text(person.person.title)]], [[date(person.lastCompleted ?? '—')]], [[date(person.dueBy ?? '—')]], trainingStateCell(person)])
    };
}

/** A large report's people of one programme: who is not current, in a table; who is, named per file with their last completion. */
function compactPeople(people: readonly Obligation[]): Block[] {
    const open = people.filter(person => person.state !== 'current');
    const current = people.filter(person => person.state === 'current');
    const blocks: Block[] = [];
    if (open.length > 0) blocks.push({ kind: 'paragraph', content: [strong(`Not current (${open.length}):`)] }, peopleTable(open));
    if (current.length === 0) return blocks;
    const files = groupBy(current, person => person.person.source.file);
    const names = (members: readonly Obligation[]) => members.map(person => `${person.person.title} ${person.lastCompleted ?? ''}`.trim()).join(', ');
    blocks.push({ kind: 'paragraph', content: [strong(`Current (${current.length})`), text(', with the date of their last completion:')] });
    if (files.size === 1) blocks.push({ kind: 'paragraph', content: [text(names(current))] });
    else for (const [file, members] of files) blocks.push({ kind: 'paragraph', content: [text(`${file} (${members.length}): ${names(members)}`)] });
    return blocks;
}

function programmeBlocks(report: AuditReport, entry: TrainingEntry, employed: number, large: boolean): Block[] {
    const counts = stateCounts(entry);
    const facts: Block = {
        kind: 'facts', rows: [
            ['Programme', named(entry.programme)],
            ['Cadence', [text(entry.cadence ?? 'once')]],
            ['Audience', [text(audienceText(report, entry, employed))]],
            ['Status', [text(`${plural(entry.people.length, 'person', 'people')} must take it: ${countsText(counts)}`)]]
        ]
    };
    const people: Block[] = entry.people.length === 0
        ? [{ kind: 'paragraph', content: [text(`Nobody must take this programme on ${report.asOf}.`)] }]
        : large ? compactPeople(entry.people) : [peopleTable(entry.people)];
    if (!large) return [{ kind: 'heading', level: 4, text: entry.programme.title }, facts, ...people];
    // The overview table gives the cadence, audience and counts; the group adds where it is declared and who.
    const open = entry.people.length - counts.current;
    return [group(
        [strong(entry.programme.title), text(`: ${plural(entry.people.length, 'person', 'people')}, ${counts.current} current`), ...(open > 0 ? [text(', '), badge('bad', `${open} not current`)] : [])],
        [{ kind: 'paragraph', content: [text('Declared at '), src(entry.programme.source), text('.')] }, ...people]
    )];
}

export function trainingSection(report: AuditReport): Section {
    if (report.training.length === 0) {
        return { id: 'training', title: '9. Training', blocks: [{ kind: 'paragraph', content: [text('The policy declares no training programmes.')] }] };
    }
    const employed = employedOnAsOf(report);
    const large = report.training.length > LARGE || report.training.some(entry => entry.people.length > LARGE);
    const overview: Block = {
        kind: 'table', head: ['Programme', 'Cadence', 'Audience', 'Current', 'Due', 'Overdue', 'Never completed'],
        rows: report.training.map(entry => {
            const counts = stateCounts(entry);
            const problem = (value: number): Cell => [[value > 0 ? badge('bad', String(value)) : text('0')]];
            return [
                [[strong(entry.programme.title)]], [[text(entry.cadence ?? 'once')]], [[text(audienceText(report, entry, employed))]],
                [[text(String(counts.current))]], [[text(String(counts.due))]], problem(counts.overdue), problem(counts.missing)
            ];
        })
    };
    return {
        id: 'training', title: '9. Training', blocks: [
            {
                kind: 'paragraph', content: [text(
                    `Who must take each programme on ${report.asOf} (its audience and the holders of roles that require it), and whether their last completion is still current. `
                    + `${populationText(report)} A newcomer inside a programme's grace period is due, not missing.`
                    + (large ? ' Each programme is folded: the people who are not current are listed in full, the current ones by name and last completion.' : '')
                )]
            },
            overview,
            ...report.training.flatMap(entry => programmeBlocks(report, entry, employed, large))
        ]
    };
}
