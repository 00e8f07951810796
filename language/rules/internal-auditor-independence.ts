import type { Assignment, Person } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { ISMS_CONFORMANCE } from '../standards/catalogue.js';
import { describePeriod, overlapOf, periodCovers, type Period } from '../util/dates.js';
import { effectivePeriods } from '../workspace/tenure.js';
import { describe } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

interface Overlap {
    readonly auditor: Assignment;
    readonly owner: Assignment;
    readonly period: Period;
}

/** The later of two assignments to start (an unknown start is the earliest); the auditor's on a tie. */
function later({ auditor, owner }: Overlap): Assignment {
    return (owner.since ?? '') > (auditor.since ?? '') ? owner : auditor;
}

/** The overlap to report: one in force on the as-of date if any, else the next to start; past ones are history. */
function overlapToReport(audits: readonly Assignment[], owning: readonly Assignment[], asOf: string): Overlap | undefined {
    let best: Overlap | undefined;
    for (const auditor of audits) {
        for (const owner of owning) {
            // Only the days the person was with the organization count (tenure.ts).
            for (const period of effectivePeriods(auditor).flatMap(held => overlapOf(held, owner) ?? [])) {
                if (period.until !== undefined && period.until < asOf) continue;
                if (periodCovers(asOf, period.since, period.until)) return { auditor, owner, period };
                if (!best || (period.since ?? '') < (best.period.since ?? '')) best = { auditor, owner, period };
            }
        }
    }
    return best;
}

export const internalAuditorIndependence: WorkspaceRule = {
    id: IssueCodes.InternalAuditorIndependence,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'segregation',
    severity: 'error',
    // 9.2.2(b): auditors are chosen so that audits are objective and impartial; an audit of one's own ISMS is neither.
    standards: ['ISO27001:A.5.3', ISMS_CONFORMANCE, 'ISO27001:9.2.2(b)'],
    summary: 'The designated internal auditor is also the ISMS owner or the CISO, or the internal auditor role carries the ISMS conformance duty (5.3(a)).',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        const auditorRoles = model.roles.filter(role => role.internalAuditor);

        // 1. The auditor role's own job description: auditing the ISMS it makes conform.
        for (const role of auditorRoles) {
            for (const link of role.duties) {
                if (link.kind !== 'responsible' && link.kind !== 'accountable' && link.kind !== 'authorized') continue;
                link.duties.forEach((reference, index) => {
                    const duty = reference.ref;
                    if (!duty?.requirements.includes(ISMS_CONFORMANCE)) return;
                    findings.push({
                        node: link, property: 'duties', index,
                        message: `The internal auditor role '${role.name}' is ${link.kind} ${link.kind === 'authorized' ? 'to' : 'for'} '${duty.name}', `
                            + `which makes the ISMS conform to the standard (${ISMS_CONFORMANCE}): the auditor would audit their own work. `
                            + `Move '${duty.name}' to another role, e.g. the ISMS owner's.`
                    });
                });
            }
        }

        // 2. One person holding both designations in overlapping periods (not only in the past), once per person.
        for (const role of auditorRoles) {
            if (role.ismsOwner) {
                findings.push({
                    node: role, property: 'internalAuditor',
                    message: `The role '${role.name}' is designated both internal auditor and ISMS owner: whoever holds it would audit `
                        + 'the ISMS they run. Keep one designation here and give the other to a role held by someone else.'
                });
                continue;
            }
            const byPerson = new Map<Person, Assignment[]>();
            for (const auditor of model.assignmentsOf(role)) {
                const person = auditor.person?.ref;
                if (person) byPerson.set(person, [...byPerson.get(person) ?? [], auditor]);
            }
            for (const [person, audits] of byPerson) {
                // The CISO runs the ISMS as much as its owner does: a policy that designates only a CISO is checked too.
                const owning = model.assignmentsOfPerson(person).filter(owner => owner.role?.ref?.ismsOwner || owner.role?.ref?.ciso);
                const overlap = overlapToReport(audits, owning, asOf);
                if (!overlap) continue;
                const owned = overlap.owner.role?.ref;
                const node = later(overlap);
                findings.push({
                    node, property: 'role',
                    ...(node === overlap.owner ? {} : { related: [{ node: overlap.owner, message: `The assignment to '${owned?.name ?? '?'}'` }] }),
                    message: `${describe(person)} is the designated internal auditor ('${role.name}') and the designated ${owned?.ismsOwner ? 'ISMS owner' : 'CISO'} `
                        + `('${owned?.name ?? '?'}', ${model.locationOf(overlap.owner)}) ${describePeriod(overlap.period)}: `
                        + 'they would audit the ISMS they run. Appoint a different person as internal auditor, or use an external auditor.'
                });
            }
        }
        return findings;
    }
};
