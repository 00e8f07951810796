import { hasLeft, recordText } from '../directory/directory-match.js';
import { directoryMissing, driftOf } from '../directory/drift-context.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Someone the directory has as employed on the as-of date is not declared in the policy. Off by
 * default: in a directory of thousands most people hold no ISMS role, and a policy that declares
 * only the people who do is complete for clause 5.3. A team that imports everyone (an `everyone`
 * training audience) turns it on to catch joiners the import missed.
 */
export const directoryPersonUnlisted: WorkspaceRule = {
    id: IssueCodes.DirectoryPersonUnlisted,
    scope: 'workspace',
    throughSyntaxErrors: 'workspace',
    category: 'directory',
    severity: 'warning',
    standards: ['ISO27001:A.5.16', 'ISO27001:7.3'],
    summary: 'Someone the directory has as employed on the as-of date is not declared in the policy.',
    fixable: false,
    missingInput: directoryMissing,
    enabledByDefault: false,
    findings(model, context) {
        const drift = driftOf(model, context);
        const anchor = model.workspaceAnchor;
        if (!drift || !anchor) return [];
        const { asOf, match } = drift;
        const findings: WorkspaceFinding[] = [];
        for (const record of match.unmatched) {
            if (hasLeft(record, asOf) || (record.start !== undefined && record.start > asOf)) continue;
            findings.push({
                node: anchor, property: 'name',
                message: `${recordText(record)} is employed on ${asOf} by the directory, but no person in the policy matches them. `
                    + `Import the directory (\`mandate import ${match.directory.path} -o people/\`) or declare them (\`person <id> "${record.name}" { email "…" }\`).`
            });
        }
        return findings;
    }
};
