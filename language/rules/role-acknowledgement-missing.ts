import type { Assignment } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate, type IsoDate } from '../util/dates.js';
import { recordStateOn } from '../workspace/announced-records.js';
import type { Tenure } from '../workspace/tenure.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Valid acknowledgement dates recorded on any term of the tenure (a renewal inherits the first term's). */
export function acknowledgementDates(terms: readonly Assignment[]): IsoDate[] {
    return terms.flatMap(term => term.acknowledgements.map(acknowledgement => acknowledgement.date))
        .filter(date => date !== undefined && isValidIsoDate(date))
        .sort();
}

/**
 * PCI DSS 12.1.3 asks that personnel acknowledge their security roles and responsibilities.
 * Teams that must show this opt in through mandate.config.json; others are not nagged.
 */
export const roleAcknowledgementMissing: WorkspaceRule = {
    id: IssueCodes.RoleAcknowledgementMissing,
    scope: 'workspace',
    category: 'communication',
    severity: 'warning',
    enabledByDefault: false,
    standards: ['PCI-DSS:12.1.3', 'ISO27001:A.6.2'],
    summary: 'Someone holds a role on the as-of date, but no acknowledgement of the role and its responsibilities is recorded by then.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const role of model.roles) {
            // One finding per tenure in force, on its latest term in force: that is where a renewal is written.
            const inForce = new Map<Tenure, Assignment>();
            for (const holder of model.holdersWithTenureOn(role, asOf)) {
                // An unresolved person is the linker's finding; nothing to add to it.
                if (!holder.assignment.person?.ref) continue;
                inForce.set(holder.tenure, holder.assignment);
            }
            for (const [tenure, assignment] of inForce) {
                const dates = acknowledgementDates(tenure.terms);
                if (dates.some(date => date <= asOf)) continue;
                const person = tenure.person.name;
                const held = tenure.since ? `has held '${role.name}' since ${tenure.since}` : `holds '${role.name}'`;
                const impossible = tenure.terms.flatMap(term => term.acknowledgements).find(acknowledgement => acknowledgement.date !== undefined && recordStateOn(acknowledgement.date, asOf) === 'invalid-date');
                const later = dates.length > 0 ? ` The acknowledgement dated ${dates[0]} is after the as-of date, so it does not count yet.`
                    : impossible ? ` The acknowledgement dated ${impossible.date}, a day the calendar does not have, counts for nothing until the date is corrected.` : '';
                findings.push({
                    node: assignment,
                    property: 'person',
                    message: `'${person}' ${held}, but no acknowledgement of the role and its responsibilities is recorded on or before ${asOf}.${later} `
                        + 'Record the signed acknowledgement in the assignment, e.g. `acknowledged <date> { evidence "<file>" }`.'
                });
            }
        }
        return findings;
    }
};
