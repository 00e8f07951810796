import type { AppointingBody, Assignment, Authority, Delegation, Duty, Role } from '../generated/ast.js';
import type { DelegationWindowStatus } from '../workspace/delegation-status.js';
import type { Explanation, ExplanationStep, QueryNote } from './index.js';
import type { ChainContext } from './query-context.js';

/** A reference as written, or a placeholder when it is missing (a half-typed declaration): never `undefined`. */
export function refName(reference: { $refText: string } | undefined, placeholder: string): string {
    return reference?.$refText || placeholder;
}

/** `ciso delegates risk-assessment to deputy`. */
export function delegationText(delegation: Delegation): string {
    return `${refName(delegation.from, '<role>')} delegates ${refName(delegation.duty, '<duty>')} to ${refName(delegation.to, '<party>')}`;
}

/** `since 2024-01-01 until 2025-12-31`, `since 2024-01-01`, or nothing for an open period. */
export function periodText(since: string | undefined, until: string | undefined): string {
    return [since ? `since ${since}` : '', until ? `until ${until}` : ''].filter(Boolean).join(' ');
}

function withPeriod(text: string, since: string | undefined, until: string | undefined): string {
    const period = periodText(since, until);
    return period ? `${text} ${period}` : text;
}

/** `alice holds ciso (as interim) since 2024-01-01, appointed by board`. */
export function assignmentStep(context: ChainContext, assignment: Assignment): ExplanationStep {
    const person = refName(assignment.person, '<person>');
    const role = refName(assignment.role, '<role>');
    const capacity = assignment.capacity ? ` as ${assignment.capacity}` : '';
    const appointer = assignment.appointedBy ? `, appointed by ${refName(assignment.appointedBy, '<appointer>')}` : '';
    return {
        kind: 'assignment', text: `${withPeriod(`${person} holds ${role}${capacity}`, assignment.since, assignment.until)}${appointer}`,
        source: context.at(assignment), since: assignment.since, until: assignment.until
    };
}

const VERBS: Record<string, string> = { responsible: 'is responsible for', accountable: 'is accountable for', authorized: 'is authorized to' };

/** `ciso is responsible for risk-assessment`, at the job description line that says so. */
export function carriesStep(context: ChainContext, role: Role, duty: Duty): ExplanationStep {
    const link = role.duties.find(candidate => candidate.duties.some(reference => reference.ref === duty));
    const verb = link ? VERBS[link.kind] : undefined;
    return { kind: 'carries', text: `${role.name} ${verb ?? 'carries'} ${duty.name}`, source: context.at(link ?? role) };
}

/** `ciso delegates risk-assessment to deputy since 2025-01-01`. */
export function delegationStep(context: ChainContext, delegation: Delegation): ExplanationStep {
    return { kind: 'delegation', text: withPeriod(delegationText(delegation), delegation.since, delegation.until), source: context.at(delegation), since: delegation.since, until: delegation.until };
}

export function topManagementStep(context: ChainContext, role: Role): ExplanationStep {
    const organization = context.model.organization;
    return {
        kind: 'top-management', text: `${role.name} is top management of ${organization?.name ?? 'the organization'}`,
        source: context.at(organization ?? role)
    };
}

export function appointingBodyStep(context: ChainContext, body: AppointingBody, role: Role): ExplanationStep {
    const why = context.model.isTopManagement(role) ? `appoints top management (${role.name})` : `may appoint ${role.name}`;
    return { kind: 'appointing-body', text: `${body.name} is an appointing body that ${why}`, source: context.at(body) };
}

export function authorityStep(context: ChainContext, authority: Authority, role: Role): ExplanationStep {
    const what = authority.appointsAnyRole ? 'any role' : role.name;
    return { kind: 'authority', text: `${authority.name} may appoint ${what}`, source: context.at(authority) };
}

export function explanation(...steps: ExplanationStep[]): Explanation {
    return { steps };
}

/** `the delegation of threat-monitoring from ciso to marco-rossi`. */
export function delegationName(delegation: Delegation): string {
    return `the delegation of ${refName(delegation.duty, '<duty>')} from ${refName(delegation.from, '<role>')} to ${refName(delegation.to, '<party>')}`;
}

/** Why a delegation is left out of an answer on `date`: it ended before it, or starts after it. */
export function delegationWindowNote(context: ChainContext, delegation: Delegation, status: Exclude<DelegationWindowStatus, 'active'>, date: string): QueryNote {
    const when = status === 'expired' ? `ended on ${delegation.until}` : `starts on ${delegation.since}`;
    return { text: `${delegationName(delegation)} ${when}: not in force on ${date}`, source: context.at(delegation) };
}
