import { delegationsPassingOn } from '../applicability/delegated-duties.js';
import type { Role } from '../generated/ast.js';
import type { IsoDate } from '../util/dates.js';
import { CARRYING_KINDS } from '../workspace/requirement-carriers.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { RelatedPlace, RuleContext, WorkspaceFinding } from './rule.js';

/**
 * Shared by the two clause 5.3 coverage rules: a finding on the workspace anchor when no role held
 * on the as-of date carries a duty that satisfies `requirementId`, or when one does but nobody
 * held does the work (workUndoneFinding).
 */
export function unassignedRequirementFindings(
    model: WorkspaceModel, context: RuleContext, requirementId: string, purpose: string
): WorkspaceFinding[] {
    const anchor = model.workspaceAnchor;
    if (!anchor) return [];
    const asOf = context.settings.asOf();
    const carrying = model.rolesCarrying(requirementId);
    const on = { node: anchor, ...('name' in anchor ? { property: 'name' as const } : {}) };
    if (carrying.some(role => model.isHeldOn(role, asOf))) {
        const undone = workUndoneFinding(model, asOf, requirementId, purpose, carrying);
        return undone ? [{ ...on, ...undone }] : [];
    }
    // A delegation in force from a vacant carrier (the role's act) to someone there to act on it does the work, as Q1 and may-perform count it.
    if (carrying.length > 0 && delegationsPassingOn(model, asOf)(requirementId, carrying).length > 0) return [];
    const hint = carrying.length > 0
        ? `Only vacant roles carry it (${carrying.map(role => role.name).join(', ')}): assign someone to one of them.`
        : `Give a held role a responsibility that \`satisfies ${requirementId}\`.`;
    return [{ ...on, message: `No role held on ${asOf} is assigned ${purpose} (${requirementId}). ${hint}` }];
}

/** The RACI words (consulted and informed aside) a role's job description carries a duty satisfying `requirementId` with, in its own order. */
function kindsFor(role: Role, requirementId: string): string[] {
    const kinds = role.duties.filter(link => CARRYING_KINDS.has(link.kind) && link.duties.some(reference => reference.ref?.requirements.includes(requirementId)))
        .map(link => link.kind);
    return [...new Set(kinds)];
}

/**
 * What the report's first question calls undone (report-questions.ts, `undoneText`): roles are
 * responsible for a duty satisfying the item, every one of them is vacant on the as-of date, and
 * a held role carries it only otherwise (accountable, or authorized). A delegation in force that
 * hands such a duty to someone there to act on it (a role someone holds, a person with the
 * organization, from a party that holds the duty that day) does the work, as Q1 and the
 * requirement status count it: the same engine function decides (delegated-duties.ts,
 * delegationsPassingOn, on the queries' dutyGrounds). No responsible role at all is
 * raci-accountable's finding, not this one's.
 */
function workUndoneFinding(
    model: WorkspaceModel, asOf: IsoDate, requirementId: string, purpose: string, carrying: readonly Role[]
): Omit<WorkspaceFinding, 'node' | 'property'> | undefined {
    const responsible = carrying.filter(role => kindsFor(role, requirementId).includes('responsible'));
    // isHeldOn, as above: an assignment whose person did not link keeps the role held, and its linking error is the one finding.
    if (responsible.length === 0 || responsible.some(role => model.isHeldOn(role, asOf))) return undefined;
    if (delegationsPassingOn(model, asOf)(requirementId, carrying).length > 0) return undefined;
    const held = carrying.filter(role => model.isHeldOn(role, asOf));
    const vacantText = responsible.map(role => `'${role.name}' (${model.locationOf(role)})`).join(', ');
    const heldText = held.map(role => `'${role.name}' (${model.locationOf(role)}, ${kindsFor(role, requirementId).join(', ')})`).join(', ');
    const related: RelatedPlace[] = [
        ...responsible.map(role => ({ node: role, message: `'${role.name}' is responsible for ${requirementId}, and vacant on ${asOf}` })),
        ...held.map(role => ({ node: role, message: `'${role.name}' is held and carries ${requirementId}, but is not responsible for it` }))
    ];
    const assign = responsible.length === 1 ? `'${responsible[0].name}'` : 'one of them';
    return {
        message: `Nobody held on ${asOf} does the work ${purpose} (${requirementId}). Every role responsible for it is vacant: ${vacantText}. `
            + `${held.length === 1 ? 'The held role that carries it' : 'The held roles that carry it'}, ${heldText}, ${held.length === 1 ? 'is' : 'are'} not responsible for it, `
            + 'and no delegation in force hands it to someone there to act on it. '
            + `Assign someone to ${assign}, make a held role \`responsible for\` a duty that \`satisfies ${requirementId}\`, `
            + 'or delegate the duty to a held role or a person with the organization.',
        related
    };
}
