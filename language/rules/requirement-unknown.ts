import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Requirement IDs are checked against the workspace's catalogue: the built-in frameworks plus the
 * organization's own, which another file or a catalogue file may declare. So this runs on the
 * workspace snapshot, and a new custom requirement clears the finding in every file that cites it.
 */
export const requirementUnknown: WorkspaceRule = {
    id: IssueCodes.RequirementUnknown,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'A `satisfies` clause names a requirement that is not in the standards catalogue.',
    fixable: true,
    findings(model) {
        const catalogue = model.catalogue;
        const findings: WorkspaceFinding[] = [];
        for (const node of [...model.responsibilities, ...model.authorities, ...model.trainings]) {
            node.requirements.forEach((id, index) => {
                if (catalogue.find(id)) return;
                const suggestion = catalogue.suggest(id);
                const hint = suggestion
                    ? `Did you mean ${suggestion.id} (${suggestion.title})?`
                    : 'Use completion after `satisfies` to pick an ID from the catalogue.';
                findings.push({ node, property: 'requirements', index, message: `'${id}' is not a requirement in the standards catalogue. ${hint}` });
            });
        }
        return findings;
    }
};
