import type { Duty } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

export const unusedResponsibility: WorkspaceRule = {
    id: IssueCodes.UnusedResponsibility,
    scope: 'workspace',
    category: 'leadership',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'NIST-CSF:GV.RR-02'],
    summary: 'A responsibility is declared, but no role is responsible or accountable for it and no delegation hands it on.',
    fixable: false,
    findings(model) {
        const used = new Set<Duty>();
        for (const role of model.roles) {
            for (const link of role.duties) {
                if (link.kind !== 'responsible' && link.kind !== 'accountable') continue;
                for (const reference of link.duties) if (reference.ref) used.add(reference.ref);
            }
        }
        for (const delegation of model.delegations) {
            if (delegation.duty?.ref) used.add(delegation.duty.ref);
        }
        const findings: WorkspaceFinding[] = [];
        for (const responsibility of model.responsibilities) {
            if (used.has(responsibility) || !responsibility.name) continue;
            findings.push({
                node: responsibility,
                property: 'name',
                message: `Nobody does '${responsibility.name}': no role is responsible or accountable for it, and no delegation hands it on. `
                    + `Add \`responsible for ${responsibility.name}\` and \`accountable for ${responsibility.name}\` to the roles that do it `
                    + 'and answer for it, or remove the declaration if the duty is no longer needed.'
            });
        }
        return findings;
    }
};
