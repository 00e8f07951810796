import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { RuleContext, WorkspaceFinding } from './rule.js';

/**
 * Shared by the two clause 5.3 coverage rules: a finding on the workspace anchor when no role
 * held on the as-of date carries a duty that satisfies `requirementId`.
 */
export function unassignedRequirementFindings(
    model: WorkspaceModel, context: RuleContext, requirementId: string, purpose: string
): WorkspaceFinding[] {
    const anchor = model.workspaceAnchor;
    if (!anchor) return [];
    const asOf = context.settings.asOf();
    const carrying = model.rolesCarrying(requirementId);
    if (carrying.some(role => model.isHeldOn(role, asOf))) return [];
    const hint = carrying.length > 0
        ? `Only vacant roles carry it (${carrying.map(role => role.name).join(', ')}): assign someone to one of them.`
        : `Give a held role a responsibility that \`satisfies ${requirementId}\`.`;
    return [{
        node: anchor,
        ...('name' in anchor ? { property: 'name' as const } : {}),
        message: `No role held on ${asOf} is assigned ${purpose} (${requirementId}). ${hint}`
    }];
}
