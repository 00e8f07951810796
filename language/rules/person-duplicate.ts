import type { Person } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { propertiesRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Two people with the same e-mail address are usually one person declared twice (typed again, or
 * imported beside a hand-written record): their roles, trainings and leaving date are then split
 * between two records, and neither answers "who holds this role" alone. Reported on each later
 * declaration, naming the first, with addresses compared without case.
 */
export const personDuplicate: WorkspaceRule = {
    id: IssueCodes.PersonDuplicate,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'warning',
    standards: ['ISO27001:A.5.2'],
    summary: 'Two people are declared with the same e-mail address: one person declared twice, most likely.',
    fixable: false,
    readsOf: propertiesRead({ Person: ['email'] }),
    findings(model) {
        const first = new Map<string, Person>();
        const findings: WorkspaceFinding[] = [];
        for (const person of model.persons) {
            const email = person.email?.trim().toLowerCase();
            // Only addresses: a placeholder such as `n/a` or `-` names nobody.
            if (!email || !email.includes('@')) continue;
            const earlier = first.get(email);
            if (!earlier) {
                first.set(email, person);
                continue;
            }
            findings.push({
                node: person,
                property: 'email',
                message: `'${person.name}' has the e-mail address ${person.email} of '${earlier.name}' (${model.locationOf(earlier)}): one person declared twice splits their roles, `
                    + 'trainings and leaving date between two records. Keep one declaration and name it in the assignments; if two people really share the address, give each their own.',
                related: [{ node: earlier, message: `'${earlier.name}' has the same address` }]
            });
        }
        return findings;
    }
};
