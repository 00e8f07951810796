import type { Duty } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { Declarations } from '../workspace/declaration-index.js';
import type { Reads } from '../workspace/document-sources.js';
import { propertiesRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * The duties one document's roles are responsible or accountable for, and its delegations hand on:
 * a document share (document-shares.ts), so an edit to one team file follows only its links again.
 */
function dutiesUsed(own: Declarations, recorder: Reads): readonly Duty[] {
    const used = new Set<Duty>();
    const use = (duty: Duty | undefined) => {
        if (!duty) return;
        recorder.read(duty);
        used.add(duty);
    };
    const { roles, delegations } = own;
    for (const role of roles) {
        for (const link of role.duties) {
            if (link.kind !== 'responsible' && link.kind !== 'accountable') continue;
            for (const reference of link.duties) use(reference.ref);
        }
    }
    for (const delegation of delegations) use(delegation.duty?.ref);
    return [...used];
}

export const unusedResponsibility: WorkspaceRule = {
    id: IssueCodes.UnusedResponsibility,
    scope: 'workspace',
    category: 'leadership',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'NIST-CSF:GV.RR-02'],
    summary: 'A responsibility is declared, but no role is responsible or accountable for it and no delegation hands it on.',
    fixable: false,
    // Who links or hands on which duty; the responsibilities themselves are among the declarations' names.
    readsOf: propertiesRead({ Role: ['duties'], DutyLink: ['kind', 'duties'], Delegation: ['duty'] }),
    findings(model) {
        const used = new Set<Duty>();
        for (const share of model.sharesOf(dutiesUsed)) for (const duty of share) used.add(duty);
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
