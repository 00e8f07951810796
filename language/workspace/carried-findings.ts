import { AstUtils, type AstNode, type ParseResult } from 'langium';
import type { Model } from '../generated/ast.js';
import type { ReadsOf, RelatedPlace, WorkspaceFinding } from '../rules/rule.js';
import type { IsoDate } from '../util/dates.js';
import type { TokenEdit } from './semantic-fingerprint.js';
import { counterpart } from './tree-places.js';

/*
 * Carrying a rule's findings from one workspace snapshot to the next (workspace-findings.ts): what
 * changed in a document, whether a rule reads the same of it, and a finding moved to the new tree.
 */

/** A document changed since the findings were made: its tree and parse before and after. */
export interface Change {
    readonly root: AstNode;
    readonly before: ParseResult;
    readonly after: ParseResult<Model>;
    /** The edit, when it was inside one value token. */
    readonly tokenEdit: TokenEdit | undefined;
    /**
     * `name.mandate:`, the end of how messages that point at a line of it name the file
     * (`teams/a/name.mandate:12`, WorkspaceModel.locationOf): a message that holds it may name a line of it.
     */
    readonly file: string;
    readonly linesMoved: boolean;
    /** Whether it says something else at all (titles or more). */
    readonly titles: boolean;
}

/** Whether a rule reads the same of every changed document before and after. */
export function readsSameOf(readsOf: ReadsOf, changed: ReadonlyMap<AstNode, Change>, asOf: IsoDate): boolean {
    for (const change of changed.values()) {
        // One token typed: told from the nodes that hold it, without reading the whole new tree.
        if (change.tokenEdit && readsOf.sameAfterTokenEdit) {
            if (!readsOf.sameAfterTokenEdit(change.tokenEdit, asOf)) return false;
        } else if (readsOf(change.before as ParseResult<Model>, asOf) !== readsOf(change.after, asOf)) {
            return false;
        }
    }
    return true;
}

/** The trees a rule read titles of, with each changed document's old tree replaced by its new one. */
export function movedTrees(trees: ReadonlySet<AstNode>, changed: ReadonlyMap<AstNode, { readonly root: AstNode }>): ReadonlySet<AstNode> {
    if (trees.size === 0 || ![...trees].some(tree => changed.has(tree))) return trees;
    return new Set([...trees].map(tree => changed.get(tree)?.root ?? tree));
}

/** A finding on a changed document, moved to the same node of its new tree; undefined when it cannot move. */
export function moveFinding(finding: WorkspaceFinding, changed: ReadonlyMap<AstNode, { readonly root: AstNode }>, sameText = false): WorkspaceFinding | undefined {
    if (changed.size === 0) return finding;
    const related = finding.related && moveRelated(finding.related, changed);
    if (related === undefined && finding.related) return undefined;
    const change = changed.get(AstUtils.findRootNode(finding.node));
    if (!change) return related === finding.related ? finding : { ...finding, related };
    if (finding.range && !sameText) return undefined;
    const node = counterpart(finding.node, change.root);
    return node ? { ...finding, node, ...(related ? { related } : {}) } : undefined;
}

/** The related places of a finding on the new trees of the changed documents; undefined when one cannot move. */
function moveRelated(related: readonly RelatedPlace[], changed: ReadonlyMap<AstNode, { readonly root: AstNode }>): readonly RelatedPlace[] | undefined {
    if (!related.some(place => changed.has(AstUtils.findRootNode(place.node)))) return related;
    const moved: RelatedPlace[] = [];
    for (const place of related) {
        const change = changed.get(AstUtils.findRootNode(place.node));
        const node = change ? counterpart(place.node, change.root) : place.node;
        if (!node) return undefined;
        moved.push(node === place.node ? place : { ...place, node });
    }
    return moved;
}
