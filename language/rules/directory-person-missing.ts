import { recordText } from '../directory/directory-match.js';
import { directoryMissing, driftOf } from '../directory/drift-context.js';
import type { DirectoryRecord } from '../import/directory-record.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isStaffOn } from '../workspace/tenure.js';
import { describe } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

const SHOWN = 3;

function records(list: readonly DirectoryRecord[]): string {
    const shown = list.slice(0, SHOWN).map(recordText).join(', ');
    return list.length > SHOWN ? `${shown} and ${list.length - SHOWN} more` : shown;
}

/**
 * A person the policy has as staff on the as-of date is not in the directory, or cannot be told
 * apart from someone else there. External people (contractors, auditors) are left out: an HR
 * export does not list them.
 */
export const directoryPersonMissing: WorkspaceRule = {
    id: IssueCodes.DirectoryPersonMissing,
    scope: 'workspace',
    category: 'directory',
    severity: 'warning',
    standards: ['ISO27001:A.5.16', 'ISO27001:7.5'],
    summary: 'A person the policy has as staff on the as-of date has no record in the directory, or matches more than one.',
    fixable: false,
    missingInput: directoryMissing,
    findings(model, context) {
        const drift = driftOf(model, context);
        if (!drift) return [];
        const { asOf, match } = drift;
        const source = `the directory ${match.directory.path}`;
        const findings: WorkspaceFinding[] = [];
        for (const person of model.persons) {
            if (!person.name || !isStaffOn(person, asOf)) continue;
            const found = match.of(person);
            if (found.kind === 'matched') continue;
            if (found.kind === 'missing') {
                findings.push({
                    node: person, property: 'name',
                    message: `${describe(person)} is staff on ${asOf} by the policy, but ${source} has no record with their ${found.tried}. `
                        + 'If they left, record the leaving date (`employed since … until <date>`); otherwise correct the name or e-mail address in the policy or the directory.'
                });
            } else if (found.sharedWith.length > 0) {
                findings.push({
                    node: person, property: 'name',
                    message: `${describe(person)} and ${found.sharedWith.map(other => `'${other.name}'`).join(', ')} all match the same record of ${source} by ${found.by}: ${records(found.records)}. `
                        + 'Give each their e-mail address (`email "…"`) so the directory can tell them apart.'
                });
            } else {
                findings.push({
                    node: person, property: 'name',
                    message: `${describe(person)} matches ${found.records.length} records of ${source} by ${found.by}: ${records(found.records)}, so the drift checks cannot tell which is them. `
                        + 'Give the person their e-mail address (`email "…"`), as the directory has it.'
                });
            }
        }
        return findings;
    }
};
