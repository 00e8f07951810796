import { AstUtils, type AstNode } from 'langium';
import type { Person } from '../generated/ast.js';
import { isGeneratedTree } from '../import/people-file.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate, periodCovers, type IsoDate } from '../util/dates.js';
import { holdsAnyRoleOn } from '../workspace/tenure.js';
import { IN_FORCE_ON_AS_OF } from './as-of-reads.js';
import { describe } from './describe.js';
import { propertiesRead, type DerivedRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * An employee on `asOf`: a person with `employed since`, who has joined and not left by then. People
 * without it (non-executive directors, contractors) are not; an impossible date is `date-invalid`'s business.
 */
function isEmployeeOn(person: Person, asOf: IsoDate): boolean {
    const { employedSince: since, employedUntil: until } = person;
    if (since === undefined || !isValidIsoDate(since) || (until !== undefined && !isValidIsoDate(until))) return false;
    return periodCovers(asOf, since, until);
}

const IMPORTED_FILE: DerivedRead = { derived: 'written by mandate import', value: isGeneratedTree };
const EMPLOYEE_ON_AS_OF: DerivedRead = { derived: 'employee on the as-of date', value: (node, asOf) => isEmployeeOn(node as Person, asOf) };

export const personWithoutRole: WorkspaceRule = {
    id: IssueCodes.PersonWithoutRole,
    scope: 'workspace',
    category: 'continuity',
    severity: 'info',
    standards: ['ISO27001:A.5.2'],
    summary: 'An employee (a person with `employed since`, not yet left) holds no role and receives no delegation on the as-of date.',
    fixable: false,
    // Who is an employee that day and what they hold, not the dates that say so: an employment date typed carries it over.
    // (An employee is present that day, so whether a person is present adds nothing.)
    readsOf: propertiesRead({
        Model: [IMPORTED_FILE],
        Person: ['title', EMPLOYEE_ON_AS_OF],
        Assignment: ['person', 'role', IN_FORCE_ON_AS_OF],
        Delegation: ['to', IN_FORCE_ON_AS_OF]
    }),
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        const imported = new Map<AstNode, boolean>();
        const isImported = (root: AstNode) => imported.get(root) ?? imported.set(root, isGeneratedTree(root)).get(root)!;
        for (const person of model.persons) {
            // People `mandate import` wrote are the whole staff, most of whom hold no security role:
            // their roles are assigned by hand, and the directory drift rules compare the rest.
            if (isImported(AstUtils.findRootNode(person))) continue;
            // Employees only; leavers are `leaver-holds-role`'s business.
            if (!person.name || !isEmployeeOn(person, asOf)) continue;
            if (holdsAnyRoleOn(model.assignmentsOfPerson(person), asOf)) continue;
            if (model.delegationsTo(person).some(delegation => periodCovers(asOf, delegation.since, delegation.until))) continue;
            findings.push({
                node: person,
                property: 'name',
                message: `${describe(person)} holds no role on ${asOf} and receives no delegation, so the policy gives them no security duties. `
                    + `Record the roles they hold, e.g. \`assign ${person.name} to <role> since <date> appointed by <party>\`, `
                    + 'or their leaving date with `employed since <date> until <date>`.'
            });
        }
        return findings;
    }
};
