import { IssueCodes } from '../mandate-issue-codes.js';
import { locationOf } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

export const duplicateName: WorkspaceRule = {
    id: IssueCodes.DuplicateName,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'Two declarations in the workspace share a name, so references to it are ambiguous.',
    fixable: false,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        for (const [name, declarations] of model.declarationsByName) {
            if (declarations.length < 2) continue;
            for (const declaration of declarations) {
                const others = declarations.filter(other => other !== declaration).map(locationOf).join(', ');
                findings.push({
                    node: declaration,
                    property: 'name',
                    message: `The name '${name}' is also declared at ${others}. Names must be unique across the workspace; rename one of them.`
                });
            }
        }
        return findings;
    }
};
