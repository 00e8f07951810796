import { IssueCodes } from '../mandate-issue-codes.js';
import { unknownRequirementMessage } from '../standards/unknown-requirement.js';
import { propertiesRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Requirement IDs are checked against the workspace's catalogue: the built-in frameworks plus the
 * organization's own, which another file or a catalogue file may declare. So this runs on the
 * workspace snapshot, and a new custom requirement clears the finding in every file that cites it.
 * The message offers only close spellings of the same framework's IDs, never another number, and
 * names the 2022 control of an ISO/IEC 27001:2013 Annex A number.
 */
export const requirementUnknown: WorkspaceRule = {
    id: IssueCodes.RequirementUnknown,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'A `satisfies` clause names a requirement that is not in the standards catalogue.',
    fixable: true,
    // The requirements cited, and the organization's own frameworks in the catalogue (catalogue files change the settings).
    readsOf: propertiesRead({
        Responsibility: ['requirements'], Authority: ['requirements'], Training: ['requirements'],
        CustomFramework: ['prefix', 'title', 'requirements'], CustomRequirement: ['id', 'title']
    }),
    findings(model) {
        const catalogue = model.catalogue;
        const findings: WorkspaceFinding[] = [];
        for (const node of [...model.responsibilities, ...model.authorities, ...model.trainings]) {
            node.requirements.forEach((id, index) => {
                if (catalogue.find(id)) return;
                findings.push({ node, property: 'requirements', index, message: unknownRequirementMessage(catalogue, id) });
            });
        }
        return findings;
    }
};
