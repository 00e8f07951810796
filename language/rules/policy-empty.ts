import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceRule } from './rule.js';

/**
 * An emptied policy must never pass a CI gate: with nothing declared, every other workspace rule
 * stays silent (there is no CISO to miss without a declaration to hang it on), so this rule is
 * the one that says so. The finding sits at the start of the first file, as there is no
 * declaration to anchor it on.
 */
export const policyEmpty: WorkspaceRule = {
    id: IssueCodes.PolicyEmpty,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: ['ISO27001:A.5.2', 'ISO27001:7.5'],
    summary: 'The workspace has .mandate files, but they declare nothing: they are empty or hold only comments.',
    fixable: false,
    findings(model) {
        const first = model.documents[0];
        if (!first || model.hasPolicy) return [];
        // A file that does not parse is already an error; its text may well be policy.
        if (model.documents.some(document => document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0)) return [];
        const count = model.documents.length;
        const files = count === 1 ? 'The only .mandate file of this workspace declares nothing' : `None of the ${count} .mandate files of this workspace declares anything`;
        const firstLine = first.textDocument.getText().split(/\r?\n/, 1)[0] ?? '';
        return [{
            node: first.parseResult.value,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
            message: `${files}: no organization, role, person or assignment, only comments or nothing at all. `
                + 'An empty policy assigns no information-security role, so it cannot pass. '
                + 'Declare the policy, starting with `organization <id> "<name>" { top management <role> }`, or restore the files that held it.'
        }];
    }
};
