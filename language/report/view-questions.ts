/** Section 2: the auditor's four questions, each answered first in plain words, then with its evidence. */
import { ISMS_CONFORMANCE, ISMS_REPORTING } from '../standards/catalogue.js';
import type { Answer, Appointment, AuditorQuestion, AuditReport, DutyLine, RoleHolders } from './report-model.js';
import type { Block, Cell, Inline, Section, Tone } from './report-view.js';
import { badge, code, date, fileLink, lines, named, none, plural, src, strong, text } from './view-inline.js';

const TONE: Record<Answer, Tone> = { yes: 'good', partly: 'warn', no: 'bad' };
const ANSWERED: Record<Answer, string> = { yes: 'Answered in full', partly: 'Partly answered', no: 'Not answered' };
const INCLUDED: Record<Answer, string> = { yes: 'Included', partly: 'Partly included', no: 'Not included' };
const KIND_PHRASE: Record<string, string> = {
    responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on', informed: 'informed of', authorized: 'authorized to'
};

function answer(question: AuditorQuestion, labels: Record<Answer, string>): Block {
    return { kind: 'paragraph', answer: true, content: [strong('Answer: '), badge(TONE[question.answer], labels[question.answer]), text(` — ${question.summary}`)] };
}

export function kindPhrase(kind: string): string {
    return KIND_PHRASE[kind] ?? kind;
}

/** `Priya Nair since 2022-04-01 (assignments.mandate:37)` per holder, or a vacancy badge. */
export function holdersCell(entry: RoleHolders, links = true): Cell {
    if (entry.vacant) return [[badge('bad', 'Vacant')]];
    return entry.holders.map(holder => [
        strong(holder.person.title), ...(holder.since ? [text(' since '), date(holder.since)] : [text(' (no start date)')]),
        ...(links ? [text(' ('), src(holder.source), text(')')] : [])
    ]);
}

function carryingLines(entry: RoleHolders, requirement: string): DutyLine[] {
    return entry.duties.filter(line => line.requirements.includes(requirement) && line.kind !== 'consulted' && line.kind !== 'informed');
}

function dutyLineCell(lines: readonly DutyLine[]): Cell {
    return lines.map(line => [text(`${kindPhrase(line.kind)} "${line.duty.title}" (`), src(line.source), text(')')]);
}

function responsibleTable(report: AuditReport): Block {
    const { ciso, conformance, reporting } = report.questions.responsible;
    const rows: Cell[][] = [];
    const missing = (what: string, message: string) => rows.push([[[strong(what)]], [[badge('bad', message)]], none, none]);
    for (const entry of ciso) rows.push([[[strong('Designated CISO')]], [named(entry.role)], holdersCell(entry), [[text('designated CISO (role declaration)')]]]);
    if (ciso.length === 0) missing('Designated CISO', 'No role is designated CISO');
    const assignment = (label: string, entries: readonly RoleHolders[], requirement: string) => {
        for (const entry of entries) rows.push([[[strong(label)]], [named(entry.role)], holdersCell(entry), dutyLineCell(carryingLines(entry, requirement))]);
        if (entries.length === 0) missing(label, 'Not assigned to any role');
    };
    assignment('5.3(a) ISMS conformance', conformance, ISMS_CONFORMANCE);
    assignment('5.3(b) ISMS performance reporting', reporting, ISMS_REPORTING);
    return { kind: 'table', head: ['Assignment', 'Role', `Held on ${report.asOf} by`, 'Where the policy says so'], rows };
}

function appointmentSentence(appointment: Appointment): Inline[] {
    const evidence = appointment.evidence.length > 0 ? `Evidence: ${appointment.evidence.join('; ')}.` : 'No evidence recorded.';
    return [
        strong(appointment.person.title), text(`: ${appointment.role.title} `),
        ...(appointment.since ? [text('since '), strong(appointment.since)] : [badge('bad', 'no start date')]),
        ...(appointment.until ? [text(` until ${appointment.until}`)] : []),
        text(', '),
        ...(appointment.appointedBy ? [text(`appointed by ${appointment.appointedBy.title}. `)] : [badge('warn', 'appointing party not recorded'), text('. ')]),
        text(`${evidence} (`), src(appointment.source), text(')')
    ];
}

function announcementSentence(appointment: Appointment): Inline[] {
    const head = [strong(appointment.person.title), text(` as ${appointment.role.title}: `)];
    if (appointment.announcements.length === 0) return [...head, badge('bad', 'never announced'), text(' ('), src(appointment.source), text(')')];
    const list = appointment.announcements.map(entry => `${entry.date} via ${entry.channel}${entry.audience ? ` to ${entry.audience}` : ''}`).join('; ');
    return [...head, text(`announced ${plural(appointment.announcements.length, 'time')}: ${list}.`)];
}

function announcementTable(appointments: readonly Appointment[]): Block[] {
    const rows = appointments.flatMap(appointment => appointment.announcements.map(entry => [
        [[text(appointment.person.title)]], [[text(appointment.role.title)]], [[date(entry.date)]], [[text(entry.channel)]],
        [[text(entry.audience ?? '—')]], lines(entry.evidence.map(item => [text(item)])), [[src(entry.source)]]
    ] as Cell[]));
    return rows.length > 0 ? [{ kind: 'table', head: ['Person', 'Role', 'Date', 'Channel', 'Audience', 'Evidence', 'Source'], rows }] : [];
}

function reportingBlocks(report: AuditReport): Block[] {
    const question = report.questions.cisoReporting;
    const blocks: Block[] = [answer(question, INCLUDED)];
    if (!question.role) return blocks;
    const role = report.roles.find(entry => entry.role.id === question.role?.id);
    const written = role?.jobDescriptionSource ? [text(' written at '), src(role.jobDescriptionSource)] : [];
    blocks.push({
        kind: 'facts', rows: [
            ['CISO role', [...named(question.role, true), ...(role?.cisoSource ? [text(', designated at '), src(role.cisoSource)] : [])]],
            ['Job description document', role?.jobDescriptionFile
                ? [fileLink(role.jobDescriptionFile), ...written]
                : question.jobDescription
                    ? [code(question.jobDescription), text(' (not a file inside the workspace, so not linked)'), ...written]
                    : [badge('warn', 'No job description document is named')]]
        ]
    });
    if (question.reportingDuties.length === 0) {
        blocks.push({ kind: 'paragraph', content: [badge('bad', `Nothing in the CISO's job description satisfies ${ISMS_REPORTING}.`)] });
        return blocks;
    }
    blocks.push({
        kind: 'table', head: ['Duty', 'The CISO is', 'Cadence', 'Satisfies', 'Job-description line', 'Duty defined at'],
        rows: question.reportingDuties.map(line => [
            [[strong(line.duty.title)]], [[text(kindPhrase(line.kind))]],
            [[line.cadence ? text(line.cadence) : badge('warn', 'no cadence')]],
            lines(line.requirements.map(requirement => [text(requirement)])),
            [[src(line.source)]], [[src(line.duty.source)]]
        ])
    });
    return blocks;
}

export function questionsSection(report: AuditReport): Section {
    const { responsible, appointed, communicated, cisoReporting } = report.questions;
    return {
        id: 'questions', title: "2. The auditor's four questions", blocks: [
            { kind: 'heading', level: 3, text: `Q1. ${responsible.question}` },
            answer(responsible, ANSWERED),
            responsibleTable(report),
            { kind: 'heading', level: 3, text: `Q2. ${appointed.question}` },
            answer(appointed, ANSWERED),
            { kind: 'paragraph', content: [text('Key appointments: the CISO and the holders of 5.3(a) and 5.3(b). Every appointment in force is listed in section 3.')] },
            appointed.appointments.length > 0
                ? { kind: 'list', items: appointed.appointments.map(appointmentSentence) }
                : { kind: 'paragraph', content: [badge('bad', 'No key role has a current appointment.')] },
            { kind: 'heading', level: 3, text: `Q3. ${communicated.question}` },
            answer(communicated, ANSWERED),
            ...(communicated.appointments.length > 0
                ? [{ kind: 'list', items: communicated.appointments.map(announcementSentence) } as const, ...announcementTable(communicated.appointments)]
                : [{ kind: 'paragraph', content: [badge('bad', 'No key role has a current appointment to announce.')] } as const]),
            { kind: 'heading', level: 3, text: `Q4. ${cisoReporting.question}` },
            ...reportingBlocks(report)
        ]
    };
}
