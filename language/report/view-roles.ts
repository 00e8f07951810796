/** Section 3: the roles with their holders and vacancies, their appointments, and the people. */
import { IssueCodes } from '../mandate-issue-codes.js';
import { isMade, type Appointment, type AuditReport, type RoleHolders } from './report-model.js';
import type { Block, Cell, Inline, Section } from './report-view.js';
import { peopleBlocks } from './view-people.js';
import { appointedByMark, capacityMark, firstAnnouncementNotes, holdersCell, jobDescriptionMissingMark, jobDescriptionVersion } from './view-questions.js';
import { renewalText } from './tenure-text.js';
import { announcementLine, notAnnouncedText, recordMark } from './announcement-text.js';
import { badge, code, date, fileLink, lines, none, src, strong, text } from './view-inline.js';
import { LARGE } from './view-large.js';
import { largeRolesBlocks } from './view-roles-large.js';

function roleCell(report: AuditReport, entry: RoleHolders): Cell {
    const marks: Inline[] = [];
    if (entry.ciso) marks.push(text(' '), badge('info', 'CISO'));
    if (report.organization?.topManagement.some(role => role.id === entry.role.id)) marks.push(text(' '), badge('neutral', 'Top management'));
    if (entry.vacant) marks.push(text(' '), badge('bad', 'Vacant'));
    return [[strong(entry.role.title), ...marks], [code(entry.role.id), text(' ('), src(entry.role.source), text(')')]];
}

function reportsToCell(titles: ReadonlyMap<string, string>, entry: RoleHolders): Cell {
    if (!entry.reportsTo) return none;
    return [[text(titles.get(entry.reportsTo) ?? entry.reportsTo)]];
}

/** Vacant roles named in the answer; a large policy's others are marked where they are listed. */
const VACANCIES_NAMED = 20;

/**
 * The roles that stood empty between holders earlier in the audit period, as vacancy-in-period finds
 * (open, or accepted with a justification): the as-of date's holders alone would hide such a gap.
 */
function earlierVacancies(report: AuditReport): Inline[] {
    const places = new Set([...report.findings, ...report.acceptedExceptions].filter(finding => finding.rule === IssueCodes.VacancyInPeriod).map(finding => `${finding.source.file}:${finding.source.line}`));
    if (places.size === 0) return [];
    const roles = report.roles.filter(entry => places.has(`${entry.role.source.file}:${entry.role.source.line}`));
    if (roles.length === 0) return [];
    return [
        text(' '), badge('warn', 'Earlier in the audit period'), text(' nobody held '),
        ...roles.flatMap((entry, index) => [...(index > 0 ? [text('; ')] : []), strong(entry.role.title), ...(entry.ciso ? [text(' (the CISO role)')] : [])]),
        text(' for a time, between two holders: section 10 says when (vacancy-in-period).')
    ];
}

function vacancies(report: AuditReport): Block {
    const vacant = report.roles.filter(entry => entry.vacant);
    if (vacant.length === 0) {
        return { kind: 'paragraph', answer: true, content: [strong('Vacancies: '), badge('good', 'None'), text(` Every role has a holder on ${report.asOf}.`), ...earlierVacancies(report)] };
    }
    const named = vacant.slice(0, VACANCIES_NAMED);
    return {
        kind: 'paragraph', answer: true, content: [
            strong('Vacancies: '), badge('bad', `${vacant.length} vacant`),
            text(` On ${report.asOf} nobody holds: `),
            ...named.flatMap((entry, index) => [
                ...(index > 0 ? [text('; ')] : []), strong(entry.role.title), ...(entry.ciso ? [text(' (the CISO role)')] : []), text(' ('), src(entry.role.source), text(')'),
                ...(entry.upcoming ? [text(`, until ${entry.upcoming[0].person.title} takes it on ${entry.upcoming[0].heldFrom ?? entry.upcoming[0].since}`)] : [])
            ]),
            text(vacant.length > named.length ? `; and ${vacant.length - named.length} more, marked vacant below.` : '.'),
            ...earlierVacancies(report)
        ]
    };
}

/** The job description in force on the as-of date: its document, and its version and effective date when given. */
function jobDescriptionCell(report: AuditReport, entry: RoleHolders): Cell {
    const version = jobDescriptionVersion(entry, report.asOf);
    if (entry.jobDescriptionMissing && entry.jobDescription) return [[code(entry.jobDescription), text(version), ...jobDescriptionMissingMark()]];
    if (entry.jobDescriptionFile) return [[fileLink(entry.jobDescriptionFile), text(version)]];
    if (entry.jobDescription) return [[code(entry.jobDescription), text(version)]];
    return none;
}

function announcedCell(holder: Appointment, maxDays: number | undefined): Cell {
    const own = holder.announcements.map(entry => [text(announcementLine(entry))]);
    if (!holder.firstAnnouncement) {
        const said = notAnnouncedText(holder);
        return [[badge('bad', said[0].toUpperCase() + said.slice(1))], ...own];
    }
    return [...own, ...firstAnnouncementNotes(holder, maxDays)];
}

function appointmentRows(report: AuditReport): Cell[][] {
    const maxDays = report.questions.communicated.maxDays;
    return report.roles.flatMap(entry => {
        if (entry.vacant) return [[[[strong(entry.role.title)]], [[badge('bad', 'Vacant')]], none, none, none, none, none, none, [[src(entry.role.source)]]]];
        return entry.holders.map(holder => [
            [[text(entry.role.title)]],
            [[strong(holder.person.title), ...capacityMark(holder)]],
            [
                [holder.since ? date(holder.since) : badge('bad', 'No start date')],
                ...(holder.renewal ? [[text(`${renewalText(holder).replace(/^a /, '')}; tenure since `), date(holder.tenureSince ?? 'not dated')]] : [])
            ],
            [[date(holder.until ?? '—')]],
            [holder.appointedBy ? [text(holder.appointedBy.title), ...appointedByMark(holder, report.findings, false)] : [badge('warn', 'Not recorded')]],
            lines(holder.evidence.map(item => [text(item)])),
            announcedCell(holder, maxDays),
            lines(holder.acknowledgements.map(item => [date(item.date), ...(isMade(item) ? [] : [text(recordMark(item))]), ...(item.earlierTerm ? [text(' (an earlier term of the tenure)')] : []),
                ...(item.evidence.length > 0 ? [text(`: ${item.evidence.join('; ')}`)] : [])])),
            [[src(holder.source)]]
        ]);
    });
}

/** Appointments recorded to start after the as-of date: a successor already decided, who holds nothing yet. */
function upcomingBlocks(report: AuditReport): Block[] {
    const rows = report.roles.flatMap(entry => (entry.upcoming ?? []).map(appointment => [
        [[text(entry.role.title)]],
        [[strong(appointment.person.title), ...(appointment.capacity ? [text(' '), badge('neutral', appointment.capacity)] : [])]],
        [[date(appointment.since), ...(appointment.heldFrom ? [text(`; held from ${appointment.heldFrom}, when ${appointment.person.title} joins`)] : [])]], [[date(appointment.until ?? '—')]],
        [[appointment.appointedBy ? text(appointment.appointedBy.title) : badge('warn', 'Not recorded')]],
        [[src(appointment.source)]]
    ]));
    if (rows.length === 0) return [];
    return [
        { kind: 'heading', level: 3, text: `Appointments recorded to start after ${report.asOf}` },
        { kind: 'paragraph', content: [text('Recorded in the policy, not in force yet, or in force with a person who joins later: the people named hold nothing on the as-of date.')] },
        { kind: 'table', head: ['Role', 'Person', 'From', 'Until', 'Appointed by', 'Source'], rows }
    ];
}

export function rolesSection(report: AuditReport): Section {
    if (report.roles.length > LARGE) {
        return {
            id: 'roles', title: '3. Roles and holders', blocks: [
                vacancies(report),
                { kind: 'heading', level: 3, text: `Roles and appointments in force on ${report.asOf}` },
                ...largeRolesBlocks(report),
                ...upcomingBlocks(report),
                ...peopleBlocks(report)
            ]
        };
    }
    const titles = new Map(report.roles.map(entry => [entry.role.id, entry.role.title]));
    return {
        id: 'roles', title: '3. Roles and holders', blocks: [
            vacancies(report),
            { kind: 'heading', level: 3, text: 'Roles' },
            {
                kind: 'table', head: ['Role', 'Reports to', `Held on ${report.asOf} by`, 'Job description'],
                rows: report.roles.map(entry => [roleCell(report, entry), reportsToCell(titles, entry), holdersCell(entry, false), jobDescriptionCell(report, entry)])
            },
            { kind: 'heading', level: 3, text: `Appointments in force on ${report.asOf}` },
            {
                kind: 'paragraph', content: [text(
                    'One row per holder: the term in force on that date. A renewal continues the same tenure without a gap, so it is not a new appointment; '
                    + 'the tenure began on the date shown under it. Acting and interim holders hold the role all the same.'
                )]
            },
            {
                kind: 'table', head: ['Role', 'Person', 'Since', 'Until', 'Appointed by', 'Evidence', 'Announced', 'Acknowledged', 'Source'],
                rows: appointmentRows(report)
            },
            ...upcomingBlocks(report),
            ...peopleBlocks(report)
        ]
    };
}
