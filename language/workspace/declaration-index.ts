import {
    AppointingBody, Assignment, Authority, Claim, Conflict, CustomFramework, Delegation, Organization, Person, Responsibility, Role, Training,
    TrainingCompletion, type Declaration, type Model, type Party
} from '../generated/ast.js';
import { mergeLists, pushTo, type Lookup } from '../util/multi-map.js';
import type { Reads } from './document-sources.js';
import { DeclaredNames } from './declared-names.js';
import { mergedList, noteMerge } from './merged-declarations.js';
import { splicedDeclarations } from './spliced-declarations.js';
import { splicedReferences } from './spliced-shares.js';
import { spliceOf } from '../statement-edit/splice-tree.js';

/** Declarations that carry a workspace-wide name. */
export type NamedDeclaration = Organization | Person | Role | Responsibility | Authority | Training | AppointingBody;

/** The workspace's declarations by kind and by name, in document order. */
export interface Declarations {
    readonly organizations: Organization[];
    readonly roles: Role[];
    readonly persons: Person[];
    readonly responsibilities: Responsibility[];
    readonly authorities: Authority[];
    readonly assignments: Assignment[];
    readonly delegations: Delegation[];
    readonly trainings: Training[];
    readonly completions: TrainingCompletion[];
    readonly conflicts: Conflict[];
    readonly appointingBodies: AppointingBody[];
    readonly claims: Claim[];
    readonly customFrameworks: CustomFramework[];
    /** Never to be changed: a name's list may be one tree's own, remembered for the next snapshot. */
    readonly declarationsByName: ReadonlyMap<string, readonly NamedDeclaration[]>;
}

/** Who the assignments and delegations name: what resolving their references finds. */
export interface ReferenceIndex {
    readonly assignmentsByRole: Lookup<Role, readonly Assignment[]>;
    readonly assignmentsByPerson: Lookup<Person, readonly Assignment[]>;
    readonly delegationsByRecipient: Lookup<Party, readonly Delegation[]>;
}

/** One document's part of the reference index. */
export interface ReferenceShare {
    readonly assignmentsByRole: ReadonlyMap<Role, readonly Assignment[]>;
    readonly assignmentsByPerson: ReadonlyMap<Person, readonly Assignment[]>;
    readonly delegationsByRecipient: ReadonlyMap<Party, readonly Delegation[]>;
}

/**
 * Sorts the top-level declarations of the syntax trees `roots` by kind, tree by tree. A declaration whose name did
 * not parse (`role training "…"`, or one still being typed) is not declared: its syntax error says
 * why, nothing can refer to it, and no finding may call it 'undefined'.
 */
export function indexDeclarations(roots: readonly Model[]): Declarations {
    const lists = emptyDeclarations();
    const trees = roots.map(declarationsOf);
    for (const kind of KINDS) (lists as Record<Kind, Declaration[]>)[kind] = mergedList(kind, trees);
    // By name on first use: after an edit that changes no name, the rules that look names up carry their findings over (readsOf).
    let byName: ReadonlyMap<string, readonly NamedDeclaration[]> | undefined;
    const merged = Object.defineProperty(lists, 'declarationsByName', { get: () => byName ??= namesOf(trees), enumerable: true }) as Declarations;
    noteMerge(merged, trees);
    return merged;
}

/** The trees' names merged, in tree order. */
function namesOf(trees: readonly Declarations[]): ReadonlyMap<string, readonly NamedDeclaration[]> {
    return mergeLists(trees.map(tree => tree.declarationsByName));
}

export type Kind = Exclude<keyof Declarations, 'declarationsByName'>;

const KINDS: readonly Kind[] = [
    'organizations', 'roles', 'persons', 'responsibilities', 'authorities', 'assignments', 'delegations', 'trainings', 'completions', 'conflicts',
    'appointingBodies', 'claims', 'customFrameworks'
];

function emptyDeclarations(): Omit<Declarations, 'declarationsByName'> {
    return {
        organizations: [], roles: [], persons: [], responsibilities: [], authorities: [], assignments: [], delegations: [], trainings: [],
        completions: [], conflicts: [], appointingBodies: [], claims: [], customFrameworks: []
    };
}

/**
 * One tree's declarations, remembered per tree: they depend on its syntax alone, and after an edit
 * the snapshot is put together from the other files' as they were, not from a walk of every declaration.
 * Never changed once made (indexDeclarations copies what it merges). A tree spliced from another
 * (statement-edit/) gets the other's with one statement swapped (spliced-declarations.ts).
 */
const byTree = new WeakMap<Model, Declarations>();

export function declarationsOf(root: Model): Declarations {
    return declarationsThrough(root, MAX_SPLICES);
}

/**
 * Splices followed back to a tree whose declarations are known: an edit undone is read by
 * reusing the findings before it, so nothing asked for the declarations of the tree in between.
 */
const MAX_SPLICES = 4;

function declarationsThrough(root: Model, splices: number): Declarations {
    const declared = byTree.get(root);
    if (declared) return declared;
    const known = (tree: Model) => byTree.get(tree);
    const before = (tree: Model) => byTree.get(tree) ?? (splices > 0 && spliceOf(tree) ? declarationsThrough(tree, splices - 1) : undefined);
    const index = splicedDeclarations(root, known, before, { of: kindOf, named: NAMED_KINDS }) ?? listDeclarations(root);
    byTree.set(root, index);
    return index;
}

function listDeclarations(root: Model): Declarations {
    const index: Declarations = { ...emptyDeclarations(), declarationsByName: DeclaredNames.listed(root, () => namesIn(root)) };
    for (const node of root.declarations ?? []) {
        const kind = kindOf(node);
        if (kind !== undefined) (index[kind] as Declaration[]).push(node);
    }
    return index;
}

function namesIn(root: Model): Map<string, NamedDeclaration[]> {
    const byName = new Map<string, NamedDeclaration[]>();
    forEachNamed(root, (name, node) => pushTo(byName, name, node));
    return byName;
}

/** Calls `visit` with each named declaration of `root` (one `declarationsByName` lists) and its name, in order. */
export function forEachNamed(root: Model, visit: (name: string, node: NamedDeclaration) => void): void {
    for (const node of root.declarations ?? []) {
        const kind = kindOf(node);
        if (kind !== undefined && NAMED_KINDS.has(kind)) visit((node as NamedDeclaration).name, node as NamedDeclaration);
    }
}

/** The kinds of declaration that carry a workspace-wide name (`declarationsByName`). */
export const NAMED_KINDS: ReadonlySet<Kind> = new Set(['organizations', 'roles', 'persons', 'responsibilities', 'authorities', 'trainings', 'appointingBodies']);

/**
 * The list a top-level declaration goes to; undefined for one listed nowhere, and for a named kind
 * whose name did not parse. By `$type`, not a chain of `isX` checks (each a subtype lookup): no
 * declaration type has subtypes.
 */
export function kindOf(node: Declaration): Kind | undefined {
    const kind = KIND_OF_TYPE.get(node.$type);
    return kind !== undefined && NAMED_KINDS.has(kind) && !(node as NamedDeclaration).name ? undefined : kind;
}

const KIND_OF_TYPE: ReadonlyMap<string, Kind> = new Map<string, Kind>([
    [Organization.$type, 'organizations'], [Role.$type, 'roles'], [Person.$type, 'persons'], [Responsibility.$type, 'responsibilities'],
    [Authority.$type, 'authorities'], [Training.$type, 'trainings'], [AppointingBody.$type, 'appointingBodies'],
    [TrainingCompletion.$type, 'completions'], [Conflict.$type, 'conflicts'], [Claim.$type, 'claims'], [CustomFramework.$type, 'customFrameworks'],
    [Assignment.$type, 'assignments'], [Delegation.$type, 'delegations']
]);

/**
 * One document's share of the reference index (document-shares.ts): who its assignments and
 * delegations name. An edit to one team file follows only that file's references again.
 */
export const referencesOfDocument = Object.assign(referencesIn, { spliced: splicedReferences });

function referencesIn(own: Declarations, recorder: Reads): ReferenceShare {
    const index = { assignmentsByRole: new Map<Role, Assignment[]>(), assignmentsByPerson: new Map<Person, Assignment[]>(), delegationsByRecipient: new Map<Party, Delegation[]>() };
    const { assignments, delegations } = own;
    for (const assignment of assignments) {
        const role = assignment.role?.ref;
        const person = assignment.person?.ref;
        if (role) {
            recorder.read(role);
            pushTo(index.assignmentsByRole, role, assignment);
        }
        if (person) {
            recorder.read(person);
            pushTo(index.assignmentsByPerson, person, assignment);
        }
    }
    for (const delegation of delegations) {
        const recipient = delegation.to?.ref;
        if (!recipient) continue;
        recorder.read(recipient);
        pushTo(index.delegationsByRecipient, recipient, delegation);
    }
    return index;
}

/**
 * The assignments of each role and person, and the delegations to each party, in document order,
 * from each document's share; `merge` is mergeLists, or a carried merge of each (the index is only looked up).
 */
export function indexReferences(shares: readonly ReferenceShare[], merge: Merge = (_, maps) => mergeLists(maps)): ReferenceIndex {
    return {
        assignmentsByRole: merge('assignmentsByRole', shares.map(share => share.assignmentsByRole)),
        assignmentsByPerson: merge('assignmentsByPerson', shares.map(share => share.assignmentsByPerson)),
        delegationsByRecipient: merge('delegationsByRecipient', shares.map(share => share.delegationsByRecipient))
    };
}

/** Merges the maps of one part of an index (named), as mergeLists does. */
export type Merge = <K, V>(part: string, maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>) => Lookup<K, readonly V[]>;
