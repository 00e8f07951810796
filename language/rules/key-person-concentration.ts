import type { Assignment, Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { compareStrings } from '../util/compare.js';
import { HOLDINGS_ON_AS_OF } from './as-of-reads.js';
import { propertiesRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** A key role: marked `key role`, or the designated CISO. */
export function isKeyRole(role: Role): boolean {
    return role.key || role.ciso;
}

/** How many of the assignments are to key roles, whatever their dates: at least as many as the key roles held on any day. */
function keyAssignments(assignments: readonly Assignment[]): number {
    let count = 0;
    for (const assignment of assignments) {
        const role = assignment.role?.ref;
        if (role && isKeyRole(role)) count++;
    }
    return count;
}

/** One person holds more key roles on the as-of date than the organization accepts. */
export const keyPersonConcentration: WorkspaceRule = {
    id: IssueCodes.KeyPersonConcentration,
    scope: 'workspace',
    category: 'continuity',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'ISO27001:A.5.3', 'NIST-CSF:GV.RR-03'],
    summary: 'One person holds more key roles (`key role` or the designated CISO) on the as-of date than `maxKeyRoles` allows.',
    fixable: false,
    options: {
        maxKeyRoles: {
            type: 'integer', default: 2, minimum: 1,
            description: 'The most key roles one person may hold at the same time.'
        }
    },
    // Which roles are key, and who holds them on the as-of date; not the dates that say so.
    readsOf: propertiesRead({ Role: ['key', 'ciso'], ...HOLDINGS_ON_AS_OF }),
    findings(model, context) {
        const asOf = context.settings.asOf();
        const max = context.settings.option(keyPersonConcentration, 'maxKeyRoles');
        const findings: WorkspaceFinding[] = [];
        for (const person of model.persons) {
            // The key roles held are among those assigned: most people have no more than `max` such assignments at all.
            if (keyAssignments(model.assignmentsOfPerson(person)) <= max) continue;
            const keyRoles = [...new Set(model.rolesOfPersonOn(person, asOf).filter(isKeyRole))].sort((a, b) => compareStrings(a.name, b.name));
            if (keyRoles.length <= max) continue;
            const names = keyRoles.map(role => `'${role.name}'`).join(', ');
            findings.push({
                node: person,
                property: 'name',
                message: `'${person.name}' holds ${keyRoles.length} key roles on ${asOf} (${names}); at most ${max} ${max === 1 ? 'is' : 'are'} allowed. `
                    + 'If they are absent or leave, all of them are vacant at once. Hand some of these roles to other people, or, if the '
                    + 'concentration is an accepted risk, record it above the person with `// mandate-ignore key-person-concentration: <justification>`.'
            });
        }
        return findings;
    }
};
