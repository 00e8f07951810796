import { ISMS_CONFORMANCE, ISMS_REPORTING } from '../standards/catalogue.js';
import { isValidIsoDate } from '../util/dates.js';
import { handsOn, madeAnnouncements, type Answer, type Appointment, type AuditorAnswers, type DelegationEntry, type DutyLine, type RoleHolders } from './report-model.js';
import { raciLetter } from './report-roles.js';

function carrying(roles: readonly RoleHolders[], requirement: string): RoleHolders[] {
    return roles.filter(entry => entry.duties.some(line => line.kind !== 'consulted' && line.kind !== 'informed' && line.requirements.includes(requirement)));
}

/** A holder as a sentence names them: `Jane Doe`, or `Jane Doe, acting`. */
export function holderName(appointment: Appointment): string {
    return appointment.capacity ? `${appointment.person.title}, ${appointment.capacity}` : appointment.person.title;
}

function names(entries: readonly RoleHolders[]): string {
    return entries.map(entry => `${entry.role.title} (${entry.holders.map(holderName).join(' and ') || 'vacant'})`).join('; ');
}

/** The appointments an auditor asks about: the CISO's and those of the 5.3(a) and 5.3(b) holders. */
function keyAppointments(entries: readonly RoleHolders[]): Appointment[] {
    const seen = new Set<string>();
    return entries.flatMap(entry => entry.holders).filter(appointment => {
        const key = `${appointment.source.file}:${appointment.source.line}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

/** One entry per duty with its RACI letters together, in job-description order: a duty the CISO is R and A for is named once. */
export function dutiesWithLetters(lines: readonly DutyLine[]): Array<{ readonly line: DutyLine; readonly lines: readonly DutyLine[]; readonly letters: string }> {
    const byDuty = new Map<string, DutyLine[]>();
    for (const line of lines) byDuty.set(line.duty.id, [...(byDuty.get(line.duty.id) ?? []), line]);
    return [...byDuty.values()].map(group => ({ line: group[0], lines: group, letters: [...new Set(group.map(line => raciLetter(line.kind)))].join(', ') }));
}

const count = (items: readonly unknown[], word: string, plural = `${word}s`) => `${items.length} ${items.length === 1 ? word : plural}`;

/** 5.3's two items, by the catalogue ID of each and as the answers name it. */
const CLAUSE_53_ITEMS = [[ISMS_CONFORMANCE, '5.3(a)'], [ISMS_REPORTING, '5.3(b)']] as const;

/** A delegation of a 5.3 duty in force that someone acts on, with the items of 5.3 its duty carries. */
interface Clause53Delegation {
    readonly delegation: DelegationEntry;
    readonly items: readonly string[];
}

/**
 * Why nobody does the work of a 5.3 item, or undefined when a held role responsible for it (or a
 * delegation of it in force) does. The accountable role is named only when one is held.
 */
function undoneText(roles: readonly RoleHolders[], requirement: string, item: string, asOf: string, delegated: readonly Clause53Delegation[]): string | undefined {
    const responsible = roles.filter(entry => entry.duties.some(line => line.kind === 'responsible' && line.requirements.includes(requirement)));
    if (responsible.some(entry => !entry.vacant) || delegated.some(entry => entry.items.includes(item))) return undefined;
    const accountable = roles.some(entry => !entry.vacant && entry.duties.some(line => line.kind === 'accountable' && line.requirements.includes(requirement)));
    if (responsible.length === 0) {
        // Only accountable roles carry it (raci-accountable reports that no role is responsible): the answer is not complete either.
        return accountable ? ` No role is responsible for ${item}: a held role is accountable for it, but the policy names nobody to do the work.` : undefined;
    }
    return ` Every role responsible for ${item} is vacant on ${asOf}: `
        + (accountable ? 'a held role is accountable for it, but nobody held does the work.' : 'nobody held does the work, and no held role is accountable for it either.');
}

/**
 * Why nobody answers for a 5.3 item: a role does the work of a duty that satisfies it, but no role
 * is accountable for that duty (raci-accountable's finding, which makes the item partly met).
 */
function unansweredText(roles: readonly RoleHolders[], requirement: string, item: string): string | undefined {
    const byDuty = new Map<string, DutyLine[]>();
    for (const entry of roles) {
        for (const line of entry.duties) if (line.requirements.includes(requirement)) byDuty.set(line.duty.id, [...byDuty.get(line.duty.id) ?? [], line]);
    }
    const unanswered = [...byDuty.values()].filter(lines => lines.some(line => line.kind === 'responsible') && !lines.some(line => line.kind === 'accountable'));
    if (unanswered.length === 0) return undefined;
    const duties = unanswered.map(lines => `"${lines[0].duty.title}"`).join(', ');
    return ` No role is accountable for ${item} (${duties}): the policy names nobody who answers for it (see raci-accountable).`;
}

function responsible(roles: readonly RoleHolders[], asOf: string, delegated: readonly Clause53Delegation[]): AuditorAnswers['responsible'] {
    const ciso = roles.filter(entry => entry.ciso);
    const conformance = carrying(roles, ISMS_CONFORMANCE);
    const reporting = carrying(roles, ISMS_REPORTING);
    const heldCiso = ciso.filter(entry => !entry.vacant);
    // Two people holding the CISO role on one day, or two roles designated CISO, leave the auditor's first question open.
    const ambiguous = heldCiso.filter(entry => entry.holders.length > 1);
    // Nobody doing the work: every role responsible for 5.3(a) or (b) is vacant, or only accountable roles carry it.
    const undone = CLAUSE_53_ITEMS.flatMap(([requirement, item]) =>
        [undoneText(roles, requirement, item, asOf, delegated), unansweredText(roles, requirement, item)].filter((text): text is string => text !== undefined));
    const answer: Answer = ciso.length === 1 && heldCiso.length === 1 && ambiguous.length === 0 && undone.length === 0
        && conformance.some(entry => !entry.vacant) && reporting.some(entry => !entry.vacant)
        ? 'yes' : heldCiso.length > 0 ? 'partly' : 'no';
    const summary = ciso.length === 0
        ? 'No role is designated CISO.'
        : `The CISO role is ${names(ciso)}. ISMS conformance (5.3(a)): ${names(conformance) || 'not assigned'}. `
            + `ISMS performance reporting (5.3(b)): ${names(reporting) || 'not assigned'}.`
            + ambiguous.map(entry => ` ${entry.role.title} has ${entry.holders.length} holders on ${asOf}, so who the CISO is is ambiguous: `
                + 'end the earlier appointment the day before the later one began, or, for a stand-in while the holder stays appointed (leave, illness), '
                + 'delegate the duties instead of a second assignment, as role-holders-overlap says.').join('')
            + (ciso.length > 1 ? ` ${ciso.length} roles are designated CISO, so who the CISO is is ambiguous: keep \`designated CISO\` on one of them.` : '')
            + undone.join('');
    return { question: 'Who is responsible for information security?', answer, summary: `As of ${asOf}: ${summary}`, ciso, conformance, reporting };
}

/** The delegations of a 5.3 duty in force on the as-of date that someone acts on. */
function clause53Delegations(roles: readonly RoleHolders[], delegations: readonly DelegationEntry[]): Clause53Delegation[] {
    const items = new Map<string, string[]>();
    for (const entry of roles) {
        for (const line of entry.duties) {
            const clauses = CLAUSE_53_ITEMS.filter(([id]) => line.requirements.includes(id)).map(([, item]) => item);
            if (clauses.length > 0) items.set(line.duty.id, clauses);
        }
    }
    return delegations.filter(delegation => handsOn(delegation) && items.has(delegation.duty.id))
        .map(delegation => ({ delegation, items: items.get(delegation.duty.id) ?? [] }));
}

/** `By delegation from CISO, Deputy CISO performs "Report ISMS performance" (5.3(b)).` for each. */
function delegatedText({ delegation, items }: Clause53Delegation): string {
    return `By delegation from ${delegation.from.title}, ${delegation.to.title} performs "${delegation.duty.title}" (${items.join(', ')}).`;
}

/** `acting`, or `acting or interim`: the capacities a group of holders' terms were in, for one sentence. */
function capacities(values: ReadonlyArray<string | undefined>): string {
    return [...new Set(values.filter(value => value !== undefined))].join(' or ');
}

/**
 * How the current terms that are not the tenure's first continue it: a renewal in the same capacity,
 * or after a term as acting or interim, a confirmation in the role (or a change of capacity), which
 * the docs do not count as a renewal (it needs its own announcement).
 */
function continuedText(appointments: readonly Appointment[]): string {
    const since = 'the person has held the role since the tenure began, not since the current term.';
    const renewals = appointments.filter(appointment => appointment.renewal && !appointment.tenureCapacity);
    const confirmed = appointments.filter(appointment => appointment.renewal && appointment.tenureCapacity && !appointment.capacity);
    const changed = appointments.filter(appointment => appointment.renewal && appointment.tenureCapacity && appointment.capacity);
    return (renewals.length === 0 ? '' : ` ${count(renewals, 'is a renewal', 'are renewals')} of an earlier term: ${since}`)
        + (confirmed.length === 0 ? '' : ` ${count(confirmed, 'holder was', 'holders were')} first appointed as ${capacities(confirmed.map(entry => entry.tenureCapacity))}`
            + ` and then confirmed in the role, a confirmation and not a renewal: ${since}`)
        + (changed.length === 0 ? '' : ` ${count(changed, 'holder', 'holders')} first appointed as ${capacities(changed.map(entry => entry.tenureCapacity))}`
            + ` ${changed.length === 1 ? 'holds' : 'hold'} the role as ${capacities(changed.map(entry => entry.capacity))} now, a change of capacity and not a renewal: ${since}`);
}

function appointed(appointments: readonly Appointment[]): AuditorAnswers['appointed'] {
    // A start on a day the calendar does not have (date-invalid) says no more of when than none at all.
    const real = (date: string | undefined) => date !== undefined && isValidIsoDate(date);
    const written = appointments.filter(appointment => appointment.since && appointment.tenureSince);
    const dated = written.filter(appointment => real(appointment.since) && real(appointment.tenureSince));
    const impossible = written.length - dated.length;
    const named = appointments.filter(appointment => appointment.appointedBy);
    // Named, but appointment-authority stands open on who made it: the rule's word, never judged again here.
    const unauthorized = named.filter(appointment => (appointment.appointedByFindings?.length ?? 0) > 0);
    // Undated, none of them says when the person got the role: the question is not answered, whoever appointed them.
    const answer: Answer = appointments.length === 0 || dated.length === 0 ? 'no'
        : dated.length === appointments.length && named.length === appointments.length && unauthorized.length === 0 ? 'yes' : 'partly';
    const invalid = unauthorized.length === 0 ? ''
        : ` But ${count(unauthorized, 'of them names', 'of them name')} a party that could not make the appointment, as appointment-authority finds: `
            + `${unauthorized.length === 1 ? 'the appointment below says' : 'the appointments below say'} why.`;
    return {
        question: 'When did this person get the role?', answer,
        summary: appointments.length === 0 ? 'There is no current appointment to a key role.'
            : `${dated.length} of ${appointments.length} appointments to the CISO and clause 5.3 roles are dated`
                + `${impossible === 0 ? '' : ` (${impossible} more ${impossible === 1 ? 'gives a start' : 'give starts'} on a day the calendar does not have, as date-invalid reports)`}, and ${named.length} name the appointing party.`
                + `${invalid}${continuedText(appointments)}`,
        appointments
    };
}

function communicated(appointments: readonly Appointment[], maxDays: number | undefined): AuditorAnswers['communicated'] {
    const announced = appointments.filter(appointment => appointment.firstAnnouncement);
    const late = announced.filter(appointment => appointment.firstAnnouncement?.late);
    const covered = announced.filter(appointment => appointment.renewal && madeAnnouncements(appointment.announcements).length === 0);
    // The CISO made known only to a part of the organization (ciso-announcement-audience): announced, but not to those who need to know.
    const narrow = announced.filter(appointment => (appointment.audienceFindings?.length ?? 0) > 0);
    const answer: Answer = appointments.length === 0 || announced.length === 0 ? 'no'
        : announced.length < appointments.length || narrow.length > 0 ? 'partly' : late.length > 0 ? 'late' : 'yes';
    // Not "key appointments": 7.4 counts those (the ISMS owner, the internal auditor and roles marked `key role` too).
    const parts = [`${announced.length} of ${appointments.length} appointments to the CISO and clause 5.3 roles were announced`];
    if (late.length > 0) parts.push(`${late.length} of them late: first announced more than ${maxDays} days after the tenure began`);
    if (narrow.length > 0) {
        parts.push(`${narrow.length === 1 ? 'the CISO\'s was' : `${narrow.length} CISO appointments were`} made known only to a part of the organization, `
            + 'as ciso-announcement-audience finds, not to the organization as a whole');
    }
    if (covered.length > 0) parts.push(`${count(covered, 'renewal is', 'renewals are')} covered by the announcement of the original appointment`);
    // Not "never announced": the organization was told of the stand-in, not of the confirmation (assignment-not-communicated).
    const standIn = appointments.filter(appointment => !appointment.firstAnnouncement && appointment.earlierCapacityAnnouncement);
    if (standIn.length > 0) {
        const as = capacities(standIn.map(entry => entry.earlierCapacityAnnouncement?.capacity));
        const confirmations = standIn.every(appointment => !appointment.capacity);
        parts.push(`${standIn.length} ${standIn.length === 1 ? 'was' : 'were'} announced only in an earlier term${as ? ` as ${as}` : ' in another capacity'}: `
            + `${confirmations ? 'a confirmation in the role' : 'a confirmation in the role, or a change of capacity,'} needs an announcement of its own`);
    }
    return {
        question: 'How was the position made known to the organization?', answer,
        summary: appointments.length === 0 ? 'There is no current appointment to announce.' : `${parts.join('; ')}.`,
        appointments, maxDays
    };
}

function reportingDutiesOf(entry: RoleHolders | undefined): DutyLine[] {
    return entry?.duties.filter(line => line.requirements.includes(ISMS_REPORTING) && line.kind !== 'consulted' && line.kind !== 'informed') ?? [];
}

function reportingSentence(entry: RoleHolders): string {
    const duties = reportingDutiesOf(entry);
    if (duties.length === 0) return `The job description of ${entry.role.title} carries nothing that satisfies ${ISMS_REPORTING}.`;
    const carried = dutiesWithLetters(duties).map(({ line, letters }) => `"${line.duty.title}" (${letters}${line.cadence ? `; ${line.cadence}` : ''})`).join(', ');
    return `${entry.role.title} carries ${carried}.`;
}

/**
 * Q4 for every role designated CISO, whatever their order: with several, the answer is at most
 * partly (which one is the CISO is open), and no when none of them carries the reporting. A job
 * description in force whose file is not in the workspace cannot be shown to an auditor: partly too.
 */
function cisoReporting(ciso: readonly RoleHolders[]): AuditorAnswers['cisoReporting'] {
    const carrying = ciso.filter(entry => reportingDutiesOf(entry).length > 0);
    // The role the facts show: the first that carries the reporting, else the first held.
    const cisoRole = carrying[0] ?? ciso.find(entry => !entry.vacant) ?? ciso[0];
    const reportingDuties = reportingDutiesOf(cisoRole);
    const missing = cisoRole?.jobDescriptionMissing === true;
    const answer: Answer = carrying.length === 0 ? 'no' : ciso.length > 1 || missing ? 'partly' : 'yes';
    const document = missing ? ` Its job description in force, ${cisoRole.jobDescription}, is not in the workspace, so it cannot be produced: the duties rest on the policy's own lines.` : '';
    return {
        question: "Does the CISO's job description include reporting on ISMS performance?",
        answer,
        summary: !cisoRole ? 'There is no CISO role.'
            : (ciso.length === 1 ? reportingSentence(cisoRole)
                : `${ciso.length} roles are designated CISO. ${ciso.map(reportingSentence).join(' ')}`) + document,
        role: cisoRole?.role,
        reportingDuties,
        jobDescription: cisoRole?.jobDescription,
        jobDescriptionVersion: cisoRole?.jobDescriptionVersion,
        jobDescriptionEffective: cisoRole?.jobDescriptionEffective
    };
}

/**
 * Answers the auditor's four questions from the roles section, so every answer cites the same
 * facts. `maxAnnouncementDays` is the `announcement-late` limit (undefined when the rule is off).
 */
export function answerQuestions(roles: readonly RoleHolders[], asOf: string, maxAnnouncementDays?: number, delegations: readonly DelegationEntry[] = []): AuditorAnswers {
    // Who does the 5.3 work that day by delegation (a deputy while the CISO is away): said with Q1, not only in section 7.
    const delegated = clause53Delegations(roles, delegations);
    const answer = responsible(roles, asOf, delegated);
    const acting = delegated.map(delegatedText);
    const first = acting.length === 0 ? answer : { ...answer, summary: `${answer.summary} ${acting.join(' ')}` };
    const appointments = keyAppointments([...first.ciso, ...first.conformance, ...first.reporting]);
    return {
        responsible: first,
        appointed: appointed(appointments),
        communicated: communicated(appointments, maxAnnouncementDays),
        cisoReporting: cisoReporting(first.ciso)
    };
}
