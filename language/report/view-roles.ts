/** Sections 3 and 4: the roles with their holders and vacancies, and the responsibility (RACI) matrix. */
import type { Appointment, AuditReport, RoleHolders } from './report-model.js';
import type { Block, Cell, Inline, Section } from './report-view.js';
import { peopleBlocks } from './view-people.js';
import { capacityMark, firstAnnouncementNotes, holdersCell, jobDescriptionVersion } from './view-questions.js';
import { badge, code, date, fileLink, lines, none, src, strong, text } from './view-inline.js';

function roleCell(report: AuditReport, entry: RoleHolders): Cell {
    const marks: Inline[] = [];
    if (entry.ciso) marks.push(text(' '), badge('info', 'CISO'));
    if (report.organization?.topManagement.some(role => role.id === entry.role.id)) marks.push(text(' '), badge('neutral', 'Top management'));
    if (entry.vacant) marks.push(text(' '), badge('bad', 'Vacant'));
    return [[strong(entry.role.title), ...marks], [code(entry.role.id), text(' ('), src(entry.role.source), text(')')]];
}

function reportsToCell(report: AuditReport, entry: RoleHolders): Cell {
    if (!entry.reportsTo) return none;
    const superior = report.roles.find(other => other.role.id === entry.reportsTo);
    return superior ? [[text(superior.role.title)]] : [[text(entry.reportsTo)]];
}

function vacancies(report: AuditReport): Block {
    const vacant = report.roles.filter(entry => entry.vacant);
    if (vacant.length === 0) {
        return { kind: 'paragraph', answer: true, content: [strong('Vacancies: '), badge('good', 'None'), text(` Every role has a holder on ${report.asOf}.`)] };
    }
    return {
        kind: 'paragraph', answer: true, content: [
            strong('Vacancies: '), badge('bad', `${vacant.length} vacant`),
            text(` On ${report.asOf} nobody holds: `),
            ...vacant.flatMap((entry, index) => [
                ...(index > 0 ? [text('; ')] : []), strong(entry.role.title), ...(entry.ciso ? [text(' (the CISO role)')] : []), text(' ('), src(entry.role.source), text(')')
            ]),
            text('.')
        ]
    };
}

/** The job description in force on the as-of date: its document, and its version and effective date when given. */
function jobDescriptionCell(report: AuditReport, entry: RoleHolders): Cell {
    const version = jobDescriptionVersion(entry, report.asOf);
    if (entry.jobDescriptionFile) return [[fileLink(entry.jobDescriptionFile), text(version)]];
    if (entry.jobDescription) return [[code(entry.jobDescription), text(version)]];
    return none;
}

function announcedCell(holder: Appointment, maxDays: number | undefined): Cell {
    const own = holder.announcements.map(entry => [text(`${entry.date} via ${entry.channel}${entry.audience ? ` to ${entry.audience}` : ''}`)]);
    if (!holder.firstAnnouncement) return [[badge('bad', 'Never announced')]];
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
                ...(holder.renewal ? [[text('renewal; tenure since '), date(holder.tenureSince ?? 'not dated')]] : [])
            ],
            [[date(holder.until ?? '—')]],
            [[holder.appointedBy ? text(holder.appointedBy.title) : badge('warn', 'Not recorded')]],
            lines(holder.evidence.map(item => [text(item)])),
            announcedCell(holder, maxDays),
            lines(holder.acknowledgements.map(item => [date(item.date), ...(item.evidence.length > 0 ? [text(`: ${item.evidence.join('; ')}`)] : [])])),
            [[src(holder.source)]]
        ]);
    });
}

export function rolesSection(report: AuditReport): Section {
    return {
        id: 'roles', title: '3. Roles and holders', blocks: [
            vacancies(report),
            { kind: 'heading', level: 3, text: 'Roles' },
            {
                kind: 'table', head: ['Role', 'Reports to', `Held on ${report.asOf} by`, 'Job description'],
                rows: report.roles.map(entry => [roleCell(report, entry), reportsToCell(report, entry), holdersCell(entry, false), jobDescriptionCell(report, entry)])
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
            ...peopleBlocks(report)
        ]
    };
}

export function matrixSection(report: AuditReport): Section {
    const { matrix } = report;
    const letters = new Map(matrix.cells.map(entry => [`${entry.role}\u0000${entry.duty}`, entry.letters.join(', ')]));
    const rows = matrix.duties.map(duty => {
        const perRole = matrix.roles.map(role => letters.get(`${role.id}\u0000${duty.id}`) ?? '');
        const unassigned = perRole.every(value => value === '');
        const dutyCell: Cell = [[strong(duty.title), ...(unassigned ? [text(' '), badge('warn', 'no role')] : [])], [code(duty.id), text(' ('), src(duty.source), text(')')]];
        return [
            dutyCell,
            [[text(duty.kind === 'authority' ? 'Authority' : 'Responsibility')]],
            lines(duty.requirements.map(requirement => [text(requirement)])),
            ...perRole.map(value => [[value ? strong(value) : text('')]] as Cell)
        ];
    });
    return {
        id: 'matrix', title: '4. Responsibility matrix', blocks: [
            {
                kind: 'paragraph', content: [
                    strong('R'), text(' responsible (does the work), '), strong('A'), text(' accountable (answers for it), '),
                    strong('C'), text(' consulted, '), strong('I'), text(' informed, '), strong('Auth'),
                    text(' authorized to use the authority. Columns are roles:')
                ]
            },
            { kind: 'list', items: matrix.roles.map(role => [code(role.id), text(`: ${role.title}`)]) },
            matrix.duties.length > 0
                ? { kind: 'table', compact: true, head: ['Duty', 'Type', 'Satisfies', ...matrix.roles.map(role => role.id)], rows }
                : { kind: 'paragraph', content: [text('The policy declares no responsibilities or authorities.')] }
        ]
    };
}
