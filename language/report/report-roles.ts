import type { Assignment, DutyLink, Role } from '../generated/ast.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { Appointment, DutyLine, MatrixCell, ResponsibilityMatrix, RoleHolders } from './report-model.js';
import type { ReportSources } from './report-sources.js';

const RACI_LETTERS: Record<string, string> = { responsible: 'R', accountable: 'A', consulted: 'C', informed: 'I', authorized: 'Auth' };

function cadenceText(cadence: { count?: number; unit: string } | undefined): string | undefined {
    if (!cadence) return undefined;
    return cadence.count ? `every ${cadence.count} ${cadence.unit}` : `every ${cadence.unit}`;
}

export function appointmentOf(assignment: Assignment, sources: ReportSources): Appointment | undefined {
    const person = assignment.person?.ref;
    const role = assignment.role?.ref;
    if (!person || !role) return undefined; // unresolved: reported as a finding instead
    const appointer = assignment.appointedBy?.ref;
    return {
        person: sources.named(person),
        role: sources.named(role),
        since: assignment.since,
        until: assignment.until,
        appointedBy: appointer ? sources.named(appointer) : undefined,
        evidence: [...assignment.evidence],
        announcements: assignment.announcements.map(announcement => ({
            date: announcement.date,
            channel: announcement.channel,
            audience: announcement.audience,
            evidence: [...announcement.evidence],
            source: sources.of(announcement)
        })),
        source: sources.of(assignment)
    };
}

function dutyLines(link: DutyLink, sources: ReportSources): DutyLine[] {
    return link.duties.flatMap(reference => {
        const duty = reference.ref;
        if (!duty) return [];
        const cadence = duty.$type === 'Responsibility' ? cadenceText(duty.cadence) : undefined;
        return [{ duty: sources.named(duty), kind: link.kind, requirements: [...duty.requirements], cadence, source: sources.of(link) }];
    });
}

export function roleHolders(role: Role, model: WorkspaceModel, sources: ReportSources, asOf: string): RoleHolders {
    const holders = model.holdersOn(role, asOf).flatMap(assignment => appointmentOf(assignment, sources) ?? []);
    return {
        role: sources.named(role),
        ciso: role.ciso,
        reportsTo: role.reportsTo?.ref?.name,
        cisoSource: role.ciso ? sources.ofProperty(role, 'ciso') : undefined,
        jobDescription: role.jobDescription,
        jobDescriptionFile: role.jobDescription ? sources.policyFile(role, role.jobDescription) : undefined,
        jobDescriptionSource: role.jobDescription ? sources.ofProperty(role, 'jobDescription') : undefined,
        holders,
        vacant: holders.length === 0,
        duties: role.duties.flatMap(link => dutyLines(link, sources))
    };
}

export function responsibilityMatrix(roles: readonly RoleHolders[], model: WorkspaceModel, sources: ReportSources): ResponsibilityMatrix {
    const cells: MatrixCell[] = [];
    for (const entry of roles) {
        const letters = new Map<string, string[]>();
        for (const line of entry.duties) {
            const list = letters.get(line.duty.id) ?? [];
            const letter = RACI_LETTERS[line.kind] ?? line.kind;
            if (!list.includes(letter)) list.push(letter);
            letters.set(line.duty.id, list);
        }
        for (const [duty, list] of letters) cells.push({ role: entry.role.id, duty, letters: list });
    }
    const duties = [
        ...model.responsibilities.map(duty => ({ ...sources.named(duty), kind: 'responsibility' as const, requirements: [...duty.requirements] })),
        ...model.authorities.map(duty => ({ ...sources.named(duty), kind: 'authority' as const, requirements: [...duty.requirements] }))
    ];
    return { roles: roles.map(entry => entry.role), duties, cells };
}
