import { hasLeft, recordText } from '../directory/directory-match.js';
import { activeDelegationsTo, directoryMissing, driftOf, holdingsOn, matchedPeople } from '../directory/drift-context.js';
import type { DirectoryRecord } from '../import/directory-record.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { describe } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

function leaving(record: DirectoryRecord, asOf: string): string {
    if (record.end !== undefined && record.end < asOf) return `their employment ended on ${record.end}`;
    return 'they are inactive';
}

/**
 * The directory says a person has left (an end date before the as-of date, or inactive without one),
 * but the policy still has them holding a role or receiving a delegation on that date: the
 * joiner-mover-leaver process did not reach the policy.
 */
export const directoryLeaverHoldsRole: WorkspaceRule = {
    id: IssueCodes.DirectoryLeaverHoldsRole,
    scope: 'workspace',
    category: 'directory',
    severity: 'error',
    standards: ['ISO27001:A.6.5', 'ISO27001:A.5.16', 'ISO27001:A.5.2'],
    summary: 'The directory says a person has left (inactive, or employment ended by the as-of date), but the policy still has them holding a role or a delegation.',
    fixable: false,
    missingInput: directoryMissing,
    findings(model, context) {
        const drift = driftOf(model, context);
        if (!drift) return [];
        const { asOf } = drift;
        const findings: WorkspaceFinding[] = [];
        for (const { person, record } of matchedPeople(model, drift)) {
            if (!hasLeft(record, asOf)) continue;
            const why = `The directory says ${describe(person)} has left: ${leaving(record, asOf)} (${recordText(record)})`;
            const fix = record.end ? `Record the leaving date (\`employed since … until ${record.end}\`)` : 'Record the leaving date (`employed since … until <date>`)';
            for (const { role, assignment } of holdingsOn(model, person, asOf)) {
                findings.push({
                    node: assignment, property: 'person',
                    message: `${why}, yet they hold '${role.name}' on ${asOf} by this assignment. ${fix} and appoint a successor if the role is still needed.`
                });
            }
            for (const delegation of activeDelegationsTo(model, person, asOf)) {
                findings.push({
                    node: delegation, property: 'to',
                    message: `${why}, yet this delegation of '${delegation.duty?.$refText ?? 'a duty'}' to them is in force on ${asOf}. End it (\`until <date>\`) and delegate to someone still employed if the cover is still needed.`
                });
            }
        }
        return findings;
    }
};
