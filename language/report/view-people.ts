/** The people table of section 3: staff and external people, their employment or engagement, and the roles they hold. */
import type { AuditReport, PersonEntry } from './report-model.js';
import type { Block, Cell, Inline } from './report-view.js';
import { badge, date, named, none, plural, text } from './view-inline.js';

function period(word: string, since: string | undefined, until: string | undefined): Inline[] {
    if (!since) return [text(`${word}: no dates given`)];
    return [text(`${word} since `), date(since), ...(until ? [text(' until '), date(until)] : [])];
}

function relationCell(person: PersonEntry): Cell {
    const rows: Inline[][] = [];
    if (person.external) rows.push([badge('info', 'External'), ...(person.firm ? [text(` from ${person.firm}`)] : [])]);
    if (person.employedSince) rows.push(period('Employed', person.employedSince, person.employedUntil));
    if (person.engagedSince) rows.push(period('Engaged', person.engagedSince, person.engagedUntil));
    if (!person.employedSince && !person.engagedSince) rows.push([text(person.external ? 'Engagement dates not given' : 'Employment dates not given')]);
    return rows;
}

/** The people employed on the as-of date: the population that an `everyone` training programme means. */
export function employedOnAsOf(report: AuditReport): number {
    return report.people.filter(person => person.present && !person.external).length;
}

/** Who training counts: the staff employed on the as-of date (the audience `everyone`), never people who left or externals. */
export function populationText(report: AuditReport): string {
    const employed = employedOnAsOf(report);
    const externals = report.people.filter(person => person.present && person.external).length;
    return `${plural(employed, 'person', 'people')} employed on ${report.asOf} ${employed === 1 ? 'is' : 'are'} declared`
        + (externals > 0 ? `; ${plural(externals, 'external person trains', 'external people train')} only for the roles they hold.` : '.');
}

export function peopleBlocks(report: AuditReport): Block[] {
    const engaged = report.people.filter(person => person.present && person.external).length;
    const absent = report.people.filter(person => !person.present).length;
    return [
        { kind: 'heading', level: 3, text: 'People' },
        {
            kind: 'paragraph', content: [text(
                `On ${report.asOf}, ${plural(employedOnAsOf(report), 'person is', 'people are')} employed and ${plural(engaged, 'external person is', 'external people are')} engaged`
                + (absent > 0 ? `; ${plural(absent, 'person', 'people')} declared in the policy ${absent === 1 ? 'is' : 'are'} not with the organization on that date and hold${absent === 1 ? 's' : ''} no role.` : '.')
                + ' External people (contractors, interim managers, outsourced officers, auditors) are not employed by the organization.'
            )]
        },
        report.people.length > 0
            ? {
                kind: 'table', head: ['Person', 'Job title', 'Employment or engagement', `On ${report.asOf}`, `Roles held on ${report.asOf}`],
                rows: report.people.map(person => [
                    [named(person)],
                    person.jobTitle ? [[text(person.jobTitle)]] : none,
                    relationCell(person),
                    [[person.present ? text(person.external ? 'Engaged' : 'Employed') : badge('neutral', 'Not with the organization')]],
                    person.roles.length > 0 ? [[text(person.roles.join(', '))]] : none
                ])
            }
            : { kind: 'paragraph', content: [text('The policy declares no people.')] }
    ];
}
