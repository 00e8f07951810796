/**
 * Findings that stand on a duty, of the rules that judge who answers for that duty: they lower the
 * requirements the duty satisfies, besides those the rule's `standards` cite. raci-accountable
 * cites A.5.2 for every duty; a 5.3(a) duty with nobody (or two roles) accountable for it must
 * not leave 5.3(a) met, and a duty for incidents must not leave A.5.24 met, while a finding on
 * an unrelated duty lowers neither.
 */
import type { Model, Responsibility } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { pushTo } from '../util/multi-map.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';

/** The rules whose findings on a duty (a responsibility's declaration) are about who answers for it. */
export const DUTY_RULES: readonly string[] = [IssueCodes.RaciAccountable];

/** What is read of a finding to place it: its rule, severity and 1-based start, with the rules a syntax error holds back. */
export interface PlacedFinding {
    readonly rule: string;
    readonly severity: string;
    readonly uri: string;
    readonly line: number;
    readonly column: number;
    readonly withheld?: readonly string[];
}

/** By requirement ID, then by duty rule: indexes into the findings. */
export type ByRequirement = ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;

export interface DutyFindings {
    /** The errors and warnings of the duty rules on duties that satisfy each requirement. */
    readonly open: ByRequirement;
    /** The syntax errors inside such a duty that hold back a duty rule's findings there: what it would say is not known. */
    readonly heldBack: ByRequirement;
}

const lowers = (finding: PlacedFinding) => finding.severity === 'error' || finding.severity === 'warning';

/**
 * The findings of the duty rules, and the syntax errors holding them back, by the requirements of
 * the duty each lies in. `counts`: which findings to place; the errors and warnings unless told.
 */
export function dutyFindings(model: WorkspaceModel, findings: readonly PlacedFinding[], counts: (finding: PlacedFinding) => boolean = lowers): DutyFindings {
    const open = new Map<string, Map<string, number[]>>();
    const heldBack = new Map<string, Map<string, number[]>>();
    const placed: { index: number; rules: readonly string[]; into: Map<string, Map<string, number[]>> }[] = [];
    findings.forEach((finding, index) => {
        if (!counts(finding)) return;
        if (DUTY_RULES.includes(finding.rule)) placed.push({ index, rules: [finding.rule], into: open });
        const held = finding.withheld?.filter(rule => DUTY_RULES.includes(rule)) ?? [];
        if (held.length > 0) placed.push({ index, rules: held, into: heldBack });
    });
    if (placed.length === 0) return { open, heldBack };
    const dutyAt = dutyLocator(model, new Set(placed.map(({ index }) => findings[index].uri)));
    for (const { index, rules, into } of placed) {
        const duty = dutyAt(findings[index]);
        for (const id of new Set(duty?.requirements ?? [])) {
            let byRule = into.get(id);
            if (!byRule) into.set(id, byRule = new Map());
            for (const rule of rules) pushTo(byRule, rule, index);
        }
    }
    return { open, heldBack };
}

/** The responsibility whose declaration holds a finding's start, looked up in the documents named by `uris` only. */
function dutyLocator(model: WorkspaceModel, uris: ReadonlySet<string>): (finding: PlacedFinding) => Responsibility | undefined {
    const documents = new Map(model.documents.filter(document => uris.has(document.uri.toString())).map(document => [document.uri.toString(), document]));
    return finding => {
        const document = documents.get(finding.uri);
        if (!document) return undefined;
        const offset = document.textDocument.offsetAt({ line: finding.line - 1, character: finding.column - 1 });
        const declaration = declarationAt((document.parseResult.value as Model).declarations, offset);
        return declaration?.$type === 'Responsibility' ? declaration : undefined;
    };
}

/** The declaration whose text holds `offset`: declarations stand in text order, so a binary search. */
function declarationAt(declarations: Model['declarations'], offset: number): Model['declarations'][number] | undefined {
    let low = 0;
    let high = declarations.length - 1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        const cst = declarations[middle].$cstNode;
        if (!cst) return declarations.find(declaration => declaration.$cstNode && declaration.$cstNode.offset <= offset && offset < declaration.$cstNode.end);
        if (offset < cst.offset) high = middle - 1;
        else if (offset >= cst.end) low = middle + 1;
        else return declarations[middle];
    }
    return undefined;
}

/** Whether a role carries a responsibility (not only an authority) that satisfies the requirement: the duty rules judge it. */
export function carriesResponsibilityFor(model: WorkspaceModel, requirementId: string): boolean {
    return model.rolesCarrying(requirementId).some(role =>
        model.dutiesCarriedBy(role).some(duty => duty.$type === 'Responsibility' && duty.requirements.includes(requirementId)));
}

/** A duty rule's findings (and the syntax errors holding them back) on the duties that satisfy some of `ids`. */
export interface DutyRuleInput {
    readonly rule: string;
    readonly findings: readonly number[];
    readonly held: readonly number[];
}

/**
 * The duty rules that judge a requirement through its duties, for the IDs of it and its items:
 * listed when a role carries a responsibility satisfying one of them (clean then, if nothing is
 * found), or when findings lie on such a duty. `cited`: rules its `standards` list already, with all their findings.
 */
export function dutyRuleInputs(
    ids: readonly string[], context: { readonly onDuties: DutyFindings; dutiesJudged(id: string): boolean }, cited: ReadonlySet<string>
): DutyRuleInput[] {
    const { open, heldBack } = context.onDuties;
    const gather = (map: ByRequirement, rule: string) => [...new Set(ids.flatMap(id => map.get(id)?.get(rule) ?? []))].sort((a, b) => a - b);
    return DUTY_RULES.filter(rule => !cited.has(rule)).flatMap(rule => {
        const findings = gather(open, rule);
        const held = gather(heldBack, rule);
        return findings.length > 0 || held.length > 0 || ids.some(id => context.dutiesJudged(id)) ? [{ rule, findings, held }] : [];
    });
}
