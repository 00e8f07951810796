/** The people table of section 3: staff and external people, their employment or engagement, and the roles they hold. */
import type { AuditReport, PersonEntry } from './report-model.js';
import type { Block, Cell, Inline } from './report-view.js';
import { badge, date, named, none, plural, src, strong, text } from './view-inline.js';
import { group, groupBy, LARGE } from './view-large.js';

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
    return report.people.filter(person => person.employed).length;
}

/** Who training counts: the staff employed on the as-of date (the audience `everyone`), never people who left or externals. */
export function populationText(report: AuditReport): string {
    const employed = employedOnAsOf(report);
    const externals = report.people.filter(person => person.present && !person.employed).length;
    return `${plural(employed, 'person', 'people')} employed on ${report.asOf} ${employed === 1 ? 'is' : 'are'} declared`
        + (externals > 0 ? `; ${plural(externals, 'external person trains', 'external people train')} only for the roles they hold.` : '.');
}

/** `Engineer; employed since 2021-01-01; holds r-1, r-2`: one person on one line. */
function personLine(person: PersonEntry): Inline[] {
    const relation = relationCell(person).flatMap(row => [text('; '), ...row]);
    return [
        text(person.title), text(' ('), src(person.source, undefined, true), text(')'),
        ...(person.jobTitle ? [text(`; ${person.jobTitle}`)] : []), ...relation,
        ...(person.present ? [] : [text('; '), badge('neutral', 'Not with the organization')]),
        text(person.roles.length > 0 ? `; holds ${person.roles.join(', ')}` : '; holds no role')
    ];
}

/** `Engineer (14), Team lead (1)`: the job titles of a group, counted. */
function jobTitles(people: readonly PersonEntry[]): string {
    const titles = groupBy(people.filter(person => person.jobTitle), person => person.jobTitle ?? '');
    return [...titles].map(([title, members]) => `${title} (${members.length})`).join(', ');
}

/**
 * A large policy's people, per file where they are declared (a team's file, or an HR import),
 * folded. Employees who hold a role are named with their roles (section 3 gives their
 * appointments); everyone else, the people an auditor asks about, gets a line of their own.
 */
function largePeopleBlocks(report: AuditReport): Block[] {
    const files = groupBy(report.people, person => person.source.file);
    const ordinary = (person: PersonEntry) => person.employed && !person.external && person.roles.length > 0;
    const holding = report.people.filter(person => person.roles.length > 0).length;
    return [
        {
            kind: 'paragraph', content: [text(
                `${plural(report.people.length, 'person', 'people')} declared, ${holding} holding a role on ${report.asOf}; grouped per file where they are declared, in ${plural(files.size, 'group')}. `
                + 'Employees holding a role are named with the roles they hold; external people, people not with the organization and people holding no role get a line each. '
                + 'Job titles are counted; every person\'s dates are in the JSON report.'
            )]
        },
        ...[...files].map(([file, people]) => {
            const others = people.filter(person => !ordinary(person));
            const named = people.filter(ordinary);
            const external = people.filter(person => person.external).length;
            const absent = people.filter(person => !person.present).length;
            const titles = jobTitles(people);
            return group(
                [
                    strong(file), text(`: ${plural(people.length, 'person', 'people')}`),
                    ...(external > 0 ? [text(`, ${external} external`)] : []),
                    ...(absent > 0 ? [text(`, ${absent} not with the organization`)] : [])
                ],
                [
                    ...(named.length > 0 ? [{ kind: 'paragraph', content: [strong(`Employed, holding roles (${named.length}): `), text(named.map(person => `${person.title} (${person.roles.join(', ')})`).join(', '))] } as const] : []),
                    ...(others.length > 0 ? [{ kind: 'list', items: others.map(personLine) } as const] : []),
                    ...(titles ? [{ kind: 'paragraph', content: [text(`Job titles: ${titles}.`)] } as const] : [])
                ]
            );
        })
    ];
}

export function peopleBlocks(report: AuditReport): Block[] {
    const engaged = report.people.filter(person => person.present && !person.employed).length;
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
        ...(report.people.length > LARGE ? largePeopleBlocks(report) : report.people.length > 0
            ? [{
                kind: 'table', head: ['Person', 'Job title', 'Employment or engagement', `On ${report.asOf}`, `Roles held on ${report.asOf}`],
                rows: report.people.map(person => [
                    [named(person)],
                    person.jobTitle ? [[text(person.jobTitle)]] : none,
                    relationCell(person),
                    [[person.present ? text(person.employed ? 'Employed' : 'Engaged') : badge('neutral', 'Not with the organization')]],
                    person.roles.length > 0 ? [[text(person.roles.join(', '))]] : none
                ])
            } as const]
            : [{ kind: 'paragraph', content: [text('The policy declares no people.')] } as const])
    ];
}
