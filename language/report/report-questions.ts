import { ISMS_CONFORMANCE, ISMS_REPORTING } from '../standards/catalogue.js';
import type { Appointment, AuditorAnswers, RoleHolders } from './report-model.js';

function carrying(roles: readonly RoleHolders[], requirement: string): RoleHolders[] {
    return roles.filter(entry => entry.duties.some(line => line.kind !== 'consulted' && line.kind !== 'informed' && line.requirements.includes(requirement)));
}

function names(entries: readonly RoleHolders[]): string {
    return entries.map(entry => {
        const people = entry.holders.map(holder => holder.person.title).join(', ');
        return `${entry.role.title} (${people || 'vacant'})`;
    }).join('; ');
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

/** Answers the auditor's four questions from the roles section, so every answer cites the same facts. */
export function answerQuestions(roles: readonly RoleHolders[], asOf: string): AuditorAnswers {
    const ciso = roles.filter(entry => entry.ciso);
    const conformance = carrying(roles, ISMS_CONFORMANCE);
    const reporting = carrying(roles, ISMS_REPORTING);
    const heldCiso = ciso.filter(entry => !entry.vacant);
    const key = [...ciso, ...conformance, ...reporting];
    const appointments = keyAppointments(key);

    const responsibleAnswer = heldCiso.length === 1 && conformance.some(entry => !entry.vacant) && reporting.some(entry => !entry.vacant)
        ? 'yes' : heldCiso.length > 0 ? 'partly' : 'no';
    const responsibleSummary = ciso.length === 0
        ? 'No role is designated CISO.'
        : `The CISO role is ${names(ciso)}. ISMS conformance (5.3(a)): ${names(conformance) || 'not assigned'}. `
            + `ISMS performance reporting (5.3(b)): ${names(reporting) || 'not assigned'}.`;

    const dated = appointments.filter(appointment => appointment.since);
    const appointedAnswer = appointments.length === 0 ? 'no' : dated.length === appointments.length && appointments.every(a => a.appointedBy) ? 'yes' : 'partly';
    const announced = appointments.filter(appointment => appointment.announcements.length > 0);
    const communicatedAnswer = appointments.length === 0 ? 'no' : announced.length === appointments.length ? 'yes' : announced.length > 0 ? 'partly' : 'no';

    const cisoRole = heldCiso[0] ?? ciso[0];
    const reportingDuties = cisoRole?.duties.filter(line => line.requirements.includes(ISMS_REPORTING) && line.kind !== 'consulted' && line.kind !== 'informed') ?? [];
    return {
        responsible: {
            question: 'Who is responsible for information security?',
            answer: responsibleAnswer, summary: `As of ${asOf}: ${responsibleSummary}`,
            ciso, conformance, reporting
        },
        appointed: {
            question: 'When did this person get the role?',
            answer: appointedAnswer,
            summary: appointments.length === 0 ? 'There is no current appointment to a key role.'
                : `${dated.length} of ${appointments.length} key appointments are dated, and ${appointments.filter(a => a.appointedBy).length} name the appointing party.`,
            appointments
        },
        communicated: {
            question: 'How was the position made known to the organization?',
            answer: communicatedAnswer,
            summary: appointments.length === 0 ? 'There is no current appointment to announce.'
                : `${announced.length} of ${appointments.length} key appointments were announced.`,
            appointments
        },
        cisoReporting: {
            question: "Does the CISO's job description include reporting on ISMS performance?",
            answer: reportingDuties.length > 0 ? 'yes' : 'no',
            summary: !cisoRole ? 'There is no CISO role.'
                : reportingDuties.length > 0
                    // A duty the CISO is both responsible and accountable for is named once.
                    ? `${cisoRole.role.title} carries ${[...new Map(reportingDuties.map(line => [line.duty.id, line])).values()]
                        .map(line => `"${line.duty.title}"${line.cadence ? ` (${line.cadence})` : ''}`).join(', ')}.`
                    : `The job description of ${cisoRole.role.title} carries nothing that satisfies ${ISMS_REPORTING}.`,
            role: cisoRole?.role,
            reportingDuties,
            jobDescription: cisoRole?.jobDescription
        }
    };
}
