import type { Person } from '../generated/ast.js';
import { recordText } from '../directory/directory-match.js';
import { directoryMissing, driftOf, holdingsOn, matchedPeople } from '../directory/drift-context.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isPresentOn } from '../workspace/tenure.js';
import { describe } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * The directory's reporting line disagrees with the policy's: a person holds a role that `reports
 * to` another role, but their manager in the directory holds none of the roles their roles report
 * to. Compared only where both exist: the record names a manager the directory resolves, and a
 * role the person holds reports to a role that someone holds on the as-of date.
 */
export const directoryManagerMismatch: WorkspaceRule = {
    id: IssueCodes.DirectoryManagerMismatch,
    scope: 'workspace',
    category: 'directory',
    severity: 'warning',
    standards: ['ISO27001:A.5.2'],
    summary: 'A person\'s manager in the directory holds none of the roles that the roles they hold report to.',
    fixable: false,
    missingInput: directoryMissing,
    findings(model, context) {
        const drift = driftOf(model, context);
        if (!drift) return [];
        const { asOf, match } = drift;
        const findings: WorkspaceFinding[] = [];
        for (const { person, record } of matchedPeople(model, drift)) {
            const managerRecord = record.managerKey === undefined ? undefined : match.byKey.get(record.managerKey);
            if (!managerRecord || managerRecord === record || !isPresentOn(person, asOf)) continue;
            const lines = holdingsOn(model, person, asOf).flatMap(({ role, assignment }) => {
                const superior = role.reportsTo?.ref;
                const superiors = superior ? model.holdersOn(superior, asOf).flatMap(holder => holder.person?.ref ? [holder.person.ref] : []) : [];
                return superior && superiors.length > 0 ? [{ role, assignment, superior, superiors }] : [];
            });
            const manager = match.personOf(managerRecord);
            if (lines.length === 0 || (manager && lines.some(line => line.superiors.includes(manager)))) continue;
            const managerText = manager
                ? `${describe(manager)} (${managerRecord.location.file}:${managerRecord.location.line})`
                : `${recordText(managerRecord)}, who is not in the policy`;
            const holders = (people: readonly Person[]) => [...new Set(people)].map(holder => `'${holder.name}'`).join(', ');
            for (const { role, assignment, superior, superiors } of lines) {
                findings.push({
                    node: assignment, property: 'role',
                    message: `${describe(person)} holds '${role.name}', which reports to '${superior.name}' (held by ${holders(superiors)} on ${asOf}), `
                        + `but their directory record ${recordText(record)} gives their manager as ${managerText}. Correct the reporting line in the directory or the policy.`
                });
            }
        }
        return findings;
    }
};
