/** Section 2: the auditor's four questions, each answered first in plain words, then with its evidence. */
import { isValidIsoDate } from '../util/dates.js';
import { ISMS_CONFORMANCE, ISMS_REPORTING } from '../standards/catalogue.js';
import { announcementLine, notAnnouncedText, recordMark } from './announcement-text.js';
import { isMade, madeAnnouncements, type Answer, type Appointment, type AuditorQuestion, type AuditReport, type DutyLine, type ReportFinding, type RoleHolders } from './report-model.js';
import { renewalText } from './tenure-text.js';
import { dutiesWithLetters } from './report-questions.js';
import type { Block, Cell, Inline, Section, Tone } from './report-view.js';
import { badge, code, date, fileLink, lines, named, none, plural, ref, src, strong, text } from './view-inline.js';
import { findingAnchor } from './view-findings.js';
import { recordedByText, recordHistoryNote } from './view-recorded-by.js';

const TONE: Record<Answer, Tone> = { yes: 'good', late: 'warn', partly: 'warn', no: 'bad' };
const ANSWERED: Record<Answer, string> = { yes: 'Answered in full', late: 'Answered, but late', partly: 'Partly answered', no: 'Not answered' };
const INCLUDED: Record<Answer, string> = { yes: 'Included', late: 'Included', partly: 'Partly included', no: 'Not included' };
const KIND_PHRASE: Record<string, string> = {
    responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on', informed: 'informed of', authorized: 'authorized to'
};

function answer(question: AuditorQuestion, labels: Record<Answer, string>): Block {
    return { kind: 'paragraph', answer: true, content: [strong('Answer: '), badge(TONE[question.answer], labels[question.answer]), text(` — ${question.summary}`)] };
}

export function kindPhrase(kind: string): string {
    return KIND_PHRASE[kind] ?? kind;
}

/** `acting` or `interim` after a holder's name, when the assignment says so. */
export function capacityMark(holder: Appointment): Inline[] {
    return holder.capacity ? [text(' '), badge('neutral', holder.capacity)] : [];
}

/**
 * When the person got the role: ` since 2022-04-01`, or for a renewal the start of the tenure and
 * of the current term, ` since 2020-01-01, current term since 2024-01-01`.
 */
export function tenureText(holder: Appointment): Inline[] {
    return [...appointedText(holder), ...heldText(holder)];
}

function appointedText(holder: Appointment): Inline[] {
    if (!holder.renewal) return holder.since ? [text(' since '), date(holder.since)] : [text(' (no start date)')];
    const tenure = holder.tenureSince ? [text(' since '), date(holder.tenureSince)] : [text(' (tenure start not dated)')];
    return [...tenure, ...(holder.tenureCapacity ? [text(` (${holder.tenureCapacity} at first)`)] : []), text(', current term since '), date(holder.since ?? '?')];
}

/** ` (held from 2025-04-15, when they joined)`: a person holds a role only while with the organization. */
function heldText(holder: Appointment): Inline[] {
    const parts: Inline[] = [];
    if (holder.heldSince) parts.push(text(' (held from '), date(holder.heldSince), text(', when they joined)'));
    if (holder.heldUntil) parts.push(text(' (held until '), date(holder.heldUntil), text(', when they leave)'));
    return parts;
}

/** `Priya Nair since 2022-04-01 (assignments.mandate:37)` per holder, or a vacancy badge. */
export function holdersCell(entry: RoleHolders, links = true): Cell {
    if (entry.vacant) return [[badge('bad', 'Vacant')]];
    return entry.holders.map(holder => [
        strong(holder.person.title), ...capacityMark(holder), ...tenureText(holder),
        ...(links ? [text(' ('), src(holder.source), text(')')] : [])
    ]);
}

/** `, version 3, effective 2025-01-01, in force on 2025-06-30`: which job description applies on the as-of date. */
export function jobDescriptionVersion(entry: { jobDescriptionVersion?: string; jobDescriptionEffective?: string }, asOf: string): string {
    const parts = [
        ...(entry.jobDescriptionVersion ? [`version ${entry.jobDescriptionVersion}`] : []),
        ...(entry.jobDescriptionEffective ? [`effective ${entry.jobDescriptionEffective}`] : [])
    ];
    return parts.length > 0 ? `, ${parts.join(', ')}, in force on ${asOf}` : '';
}

/** Beside a job description in force whose file is not in the workspace: shown as plain text, never as a link to nothing. */
export function jobDescriptionMissingMark(): Inline[] {
    return [text(' '), badge('bad', 'file not found in the workspace')];
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
    for (const entry of ciso) {
        const ambiguous: Cell = entry.holders.length > 1 ? [[badge('bad', `${entry.holders.length} holders at once: ambiguous`)]] : [];
        rows.push([[[strong('Designated CISO')]], [named(entry.role)], [...holdersCell(entry), ...ambiguous], [[text('designated CISO (role declaration)')]]]);
    }
    if (ciso.length === 0) missing('Designated CISO', 'No role is designated CISO');
    const assignment = (label: string, entries: readonly RoleHolders[], requirement: string) => {
        for (const entry of entries) rows.push([[[strong(label)]], [named(entry.role)], holdersCell(entry), dutyLineCell(carryingLines(entry, requirement))]);
        if (entries.length === 0) missing(label, 'Not assigned to any role');
    };
    assignment('5.3(a) ISMS conformance', conformance, ISMS_CONFORMANCE);
    assignment('5.3(b) ISMS performance reporting', reporting, ISMS_REPORTING);
    return { kind: 'table', head: ['Assignment', 'Role', `Held on ${report.asOf} by`, 'Where the policy says so'], rows };
}

/**
 * `Acknowledged the role on 2024-03-02 (evidence: …). ` for each acknowledgement recorded; one
 * dated later or on an impossible day is named as such, as role-acknowledgement-missing counts it.
 */
export function acknowledgementText(appointment: Appointment): string {
    return appointment.acknowledgements.map(entry => `${isMade(entry) ? 'Acknowledged the role on' : 'An acknowledgement of the role is recorded for'} ${entry.date}`
        + `${recordMark(entry)}${entry.earlierTerm ? ', in an earlier term of the tenure' : ''}`
        + `${entry.evidence.length > 0 ? ` (evidence: ${entry.evidence.join('; ')})` : ''}. `).join('');
}

/**
 * Beside what a rule finds wrong with an appointment: a mark and the findings by their numbers in
 * section 10, and with `full` the rule's own words (the report takes its word, never judging again).
 */
function findingsMark(indexes: readonly number[] | undefined, label: string, findings: readonly ReportFinding[], full: boolean): Inline[] {
    const standing = (indexes ?? []).filter(index => findings[index] !== undefined);
    if (standing.length === 0) return [];
    const numbers = standing.flatMap((index, at) => [...(at > 0 ? [text(', ')] : []), ref(findingAnchor(index), `#${index + 1}`)]);
    // The sentence goes on after the mark: a message's own full stop would end it early.
    const words = full ? [text(` — ${standing.map(index => findings[index].message.replace(/\.$/, '')).join('; ')}`)] : [];
    return [text(' '), badge('warn', label), ...words, text(standing.length === 1 ? ' (finding ' : ' (findings '), ...numbers, text(')')];
}

/** Beside an appointing party that appointment-authority does not accept. */
export function appointedByMark(appointment: Appointment, findings: readonly ReportFinding[], full: boolean): Inline[] {
    return findingsMark(appointment.appointedByFindings, 'not accepted as the appointing party', findings, full);
}

function appointmentSentence(appointment: Appointment, findings: readonly ReportFinding[]): Inline[] {
    const evidence = appointment.evidence.length > 0 ? `Evidence: ${appointment.evidence.join('; ')}.` : 'No evidence recorded.';
    const start = appointment.renewal
        ? [text('since '), ...(appointment.tenureSince ? [strong(appointment.tenureSince)] : [badge('bad', 'tenure start not dated')]),
            text(appointment.tenureCapacity ? ` (the tenure, first as ${appointment.tenureCapacity}; the current term, ${renewalText(appointment)}, since ` : ' (the tenure; the current term, a renewal, since '),
            date(appointment.since ?? '?'), text(')')]
        : appointment.since ? [text('since '), strong(appointment.since), ...(isValidIsoDate(appointment.since) ? [] : [text(' '), badge('bad', 'not a day the calendar has')])] : [badge('bad', 'no start date')];
    return [
        strong(appointment.person.title), ...capacityMark(appointment), text(`: ${appointment.role.title} `), ...start,
        ...(appointment.until ? [text(` until ${appointment.until}`)] : []),
        ...heldText(appointment),
        text(', '),
        ...(appointment.appointedBy ? [text(`appointed by ${appointment.appointedBy.title}`), ...appointedByMark(appointment, findings, true), text('. ')]
            : [badge('warn', 'appointing party not recorded'), text('. ')]),
        text(`${evidence} ${acknowledgementText(appointment)}(`), src(appointment.source), text(')'),
        ...recordedByText(appointment)
    ];
}

/** The first announcement's timing, one note each: a renewal covered by an earlier term, and lateness against the limit. */
export function firstAnnouncementNotes(appointment: Appointment, maxDays: number | undefined): Inline[][] {
    const first = appointment.firstAnnouncement;
    if (!first) return [];
    const notes: Inline[][] = [];
    if (first.earlierTerm && madeAnnouncements(appointment.announcements).length === 0) {
        notes.push([text(`Covered by the announcement of the tenure on ${first.date} (`), src(first.source), text('): a renewal needs no announcement of its own.')]);
    }
    if (first.late) {
        notes.push([badge('warn', `late: first announced ${first.days} days after the ${appointment.tenureCapacity ? 'confirmed appointment' : 'tenure'} began on ${first.since ?? appointment.tenureSince} (at most ${maxDays})`)]);
    }
    return notes;
}

function announcementSentence(appointment: Appointment, maxDays: number | undefined, findings: readonly ReportFinding[]): Inline[] {
    const head = [strong(appointment.person.title), ...capacityMark(appointment), text(` as ${appointment.role.title}: `)];
    const upcoming = appointment.announcements.filter(entry => entry.upcoming).map(announcementLine);
    const impossible = appointment.announcements.filter(entry => entry.invalidDate).map(announcementLine);
    const later = [
        ...(upcoming.length > 0 ? [text(` Recorded for later: ${upcoming.join('; ')}.`)] : []),
        ...(impossible.length > 0 ? [text(` Recorded on a day the calendar does not have: ${impossible.join('; ')}.`)] : [])
    ];
    if (!appointment.firstAnnouncement) return [...head, badge('bad', notAnnouncedText(appointment)), text(' ('), src(appointment.source), text(')'), ...later];
    const made = madeAnnouncements(appointment.announcements);
    const own = made.length > 0 ? [text(`announced ${plural(made.length, 'time')}: ${made.map(announcementLine).join('; ')}.`)] : [text('this term was not announced.')];
    const narrow = findingsMark(appointment.audienceFindings, 'made known only to a part of the organization', findings, false);
    return [...head, ...own, ...later, ...firstAnnouncementNotes(appointment, maxDays).flatMap(note => [text(' '), ...note]), ...narrow];
}

function announcementTable(appointments: readonly Appointment[]): Block[] {
    const rows = appointments.flatMap(appointment => appointment.announcements.map(entry => [
        [[text(appointment.person.title)]], [[text(appointment.role.title)]], [[date(entry.date), ...(isMade(entry) ? [] : [text(recordMark(entry))])]], [[text(entry.channel)]],
        [[text(entry.audience ?? '—')]], lines(entry.evidence.map(item => [text(item)])), [[src(entry.source)]]
    ] as Cell[]));
    return rows.length > 0 ? [{ kind: 'table', head: ['Person', 'Role', 'Date', 'Channel', 'Audience', 'Evidence', 'Source'], rows }] : [];
}

/** Q4's job description in force: a link to it, or plain text when it is outside the workspace or missing from it. */
function jobDescriptionFact(question: AuditReport['questions']['cisoReporting'], role: RoleHolders | undefined, asOf: string): Inline[] {
    const version = text(jobDescriptionVersion(question, asOf));
    const written = role?.jobDescriptionSource ? [text(' written at '), src(role.jobDescriptionSource)] : [];
    if (!question.jobDescription) return [badge('warn', `No job description document is in force on ${asOf}`)];
    if (role?.jobDescriptionMissing) return [code(question.jobDescription), version, ...jobDescriptionMissingMark(), ...written];
    if (role?.jobDescriptionFile) return [fileLink(role.jobDescriptionFile), version, ...written];
    return [code(question.jobDescription), version, text(' (not a file inside the workspace, so not linked)'), ...written];
}

function reportingBlocks(report: AuditReport): Block[] {
    const question = report.questions.cisoReporting;
    const blocks: Block[] = [answer(question, INCLUDED)];
    if (!question.role) return blocks;
    const role = report.roles.find(entry => entry.role.id === question.role?.id);
    if (role?.jobDescriptionMissing && question.jobDescription) {
        // Next to the answer: the policy's RACI lines say what the CISO carries, but no document evidences them.
        blocks.push({ kind: 'paragraph', content: [
            badge('bad', 'The job description in force cannot be produced'), text(' — '), code(question.jobDescription),
            text(`, in force on ${report.asOf}, is not in the workspace, so the CISO's duties rest on the policy's own lines, not on the document. `
                + 'Add the document, or correct the path.')
        ] });
    }
    blocks.push({
        kind: 'facts', rows: [
            ['CISO role', [...named(question.role, true), ...(role?.cisoSource ? [text(', designated at '), src(role.cisoSource)] : [])]],
            ['Job description document', jobDescriptionFact(question, role, report.asOf)]
        ]
    });
    if (question.reportingDuties.length === 0) {
        blocks.push({ kind: 'paragraph', content: [badge('bad', `Nothing in the CISO's job description satisfies ${ISMS_REPORTING}.`)] });
        return blocks;
    }
    // One row per duty: a duty the CISO is both responsible and accountable for shows "R, A".
    blocks.push({
        kind: 'table', head: ['Duty', 'The CISO is', 'Cadence', 'Satisfies', 'Job-description lines', 'Duty defined at'],
        rows: dutiesWithLetters(question.reportingDuties).map(({ line, lines: group, letters }) => [
            [[strong(line.duty.title)]], [[text(`${group.map(entry => kindPhrase(entry.kind)).join(', ')} (${letters})`)]],
            [[line.cadence ? text(line.cadence) : badge('warn', 'no cadence')]],
            lines(line.requirements.map(requirement => [text(requirement)])),
            group.map(entry => [src(entry.source)]), [[src(line.duty.source)]]
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
                ? { kind: 'list', items: appointed.appointments.map(appointment => appointmentSentence(appointment, report.findings)) }
                : { kind: 'paragraph', content: [badge('bad', 'No key role has a current appointment.')] },
            ...recordHistoryNote(report.provenance.recordHistory),
            { kind: 'heading', level: 3, text: `Q3. ${communicated.question}` },
            answer(communicated, ANSWERED),
            ...(communicated.appointments.length > 0
                ? [{ kind: 'list', items: communicated.appointments.map(entry => announcementSentence(entry, communicated.maxDays, report.findings)) } as const,
                    ...announcementTable(communicated.appointments)]
                : [{ kind: 'paragraph', content: [badge('bad', 'No key role has a current appointment to announce.')] } as const]),
            { kind: 'heading', level: 3, text: `Q4. ${cisoReporting.question}` },
            ...reportingBlocks(report)
        ]
    };
}
