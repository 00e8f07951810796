import type { AstNode, Reference } from 'langium';
import { Assignment, Delegation, Person, Role, TrainingCompletion } from '../generated/ast.js';
import type { StatementChange } from '../statement-edit/statement-changes.js';
import { copyMap } from '../util/copy-map.js';
import { noteDerivedMap } from '../util/multi-map.js';
import type { ReferenceShare } from './declaration-index.js';

/*
 * Document shares (document-shares.ts) of a tree spliced from another (statement-edit/): the other
 * tree's share with the one statement's part changed, where the share kind says how. Worked out
 * again, the shares of a file of 10,000 people were a fifth of a keystroke there.
 */

export type { StatementChange };

/**
 * A share kind's part of a spliced tree: the share before, changed for `change`; undefined when it
 * cannot tell (the share is then worked out again). `read` is told the nodes of other documents
 * the changed part reads, as the share's recorder would be.
 */
export type SplicedShare<T> = (before: T, change: StatementChange, read: (node: AstNode) => void) => T | undefined;

/**
 * A map keyed by nodes with `before`'s key moved to `after`, when every item of the list now refers
 * to `after` (`refersTo`): the references to a declaration whose statement was parsed again were
 * moved to its new node (spliced-links.ts). The map itself when `before` is no key; undefined when
 * an item does not refer to `after`.
 */
export function rekeyed<K extends AstNode, V>(map: ReadonlyMap<K, readonly V[]>, before: AstNode, after: AstNode,
    refersTo: (item: V, node: AstNode) => boolean): ReadonlyMap<K, readonly V[]> | undefined {
    const list = map.get(before as K);
    if (!list) return map;
    if (!list.every(item => refersTo(item, after)) || map.has(after as K)) return undefined;
    const copy = copyMap(map);
    copy.delete(before as K);
    copy.set(after as K, list);
    noteDerivedMap(copy, map, [before as K, after as K]);
    return copy;
}

/**
 * A map whose lists hold `before` (under `key`) with `after` in its place: a statement parsed again
 * that names the same targets. Undefined when `before` is not in the list under `key`.
 */
export function swappedIn<K, V>(map: ReadonlyMap<K, readonly V[]>, key: K | undefined, before: V, after: V): ReadonlyMap<K, readonly V[]> | undefined {
    if (key === undefined) return undefined;
    const list = map.get(key);
    const at = list ? list.indexOf(before) : -1;
    if (!list || at < 0) return undefined;
    const swapped = list.slice();
    swapped[at] = after;
    const copy = copyMap(map);
    copy.set(key, swapped);
    noteDerivedMap(copy, map, [key]);
    return copy;
}

/** Whether two references are written with the same name (the replaced statement's are no longer linked: their text is read). */
export function sameText(before: Reference | undefined, after: Reference | undefined): boolean {
    return before?.$refText === after?.$refText;
}

/** Whether a declaration kept its name and kind: then no reference moved to or from it but to its new node. */
export function sameDeclaration(before: AstNode, after: AstNode): boolean {
    return before.$type === after.$type && (before as { name?: unknown }).name === (after as { name?: unknown }).name;
}

/**
 * The reference share of a spliced tree (declaration-index.ts, referencesOfDocument): an assignment
 * or delegation that names the same targets takes the old one's places; a person or role that kept
 * its name takes its old node's place as a key; a statement of another kind that kept its name
 * changes nothing in it.
 */
export function splicedReferences(share: ReferenceShare, change: StatementChange, read: (node: AstNode) => void): ReferenceShare | undefined {
    const { before, after } = change;
    if (!sameDeclaration(before, after)) return undefined;
    switch (after.$type) {
        case Assignment.$type: {
            const [old, now] = [before as Assignment, after as Assignment];
            const [role, person] = [now.role?.ref, now.person?.ref];
            if (!sameText(old.role, now.role) || !sameText(old.person, now.person) || !role || !person) return undefined;
            read(role);
            read(person);
            const assignmentsByRole = swappedIn(share.assignmentsByRole, role, old, now);
            const assignmentsByPerson = swappedIn(share.assignmentsByPerson, person, old, now);
            return assignmentsByRole && assignmentsByPerson && { ...share, assignmentsByRole, assignmentsByPerson };
        }
        case Delegation.$type: {
            const [old, now] = [before as Delegation, after as Delegation];
            const recipient = now.to?.ref;
            if (!sameText(old.to, now.to) || !recipient) return undefined;
            read(recipient);
            const delegationsByRecipient = swappedIn(share.delegationsByRecipient, recipient, old, now);
            return delegationsByRecipient && { ...share, delegationsByRecipient };
        }
        case Person.$type:
        case Role.$type: {
            const byPerson = after.$type === Person.$type ? rekeyed(share.assignmentsByPerson, before, after, (item, node) => item.person?.ref === node) : share.assignmentsByPerson;
            const byRole = after.$type === Role.$type ? rekeyed(share.assignmentsByRole, before, after, (item, node) => item.role?.ref === node) : share.assignmentsByRole;
            const byRecipient = rekeyed(share.delegationsByRecipient, before, after, (item, node) => item.to?.ref === node);
            return byPerson && byRole && byRecipient && { assignmentsByPerson: byPerson, assignmentsByRole: byRole, delegationsByRecipient: byRecipient };
        }
        default: return share;
    }
}

/** The completions share of a spliced tree (training-groups.ts): as `splicedReferences`, for completions by person. */
export function splicedCompletions(share: ReadonlyMap<Person, readonly TrainingCompletion[]>, change: StatementChange,
    read: (node: AstNode) => void): ReadonlyMap<Person, readonly TrainingCompletion[]> | undefined {
    const { before, after } = change;
    if (!sameDeclaration(before, after)) return undefined;
    switch (after.$type) {
        case TrainingCompletion.$type: {
            const [old, now] = [before as TrainingCompletion, after as TrainingCompletion];
            const person = now.person?.ref;
            if (!sameText(old.person, now.person) || !person) return undefined;
            read(person);
            return swappedIn(share, person, old, now);
        }
        case Person.$type: return rekeyed(share, before, after, (item, node) => item.person?.ref === node);
        default: return share;
    }
}
