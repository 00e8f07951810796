import type { AstNode, ParseResult } from 'langium';
import { Assignment, Delegation, Role, TrainingCompletion, type Model } from '../generated/ast.js';
import { isPrintableAscii, mixedScriptWord, showCharacter, skeleton } from '../util/confusables.js';
import { remembered } from '../util/remembered.js';
import { readTitle, readTitlesOf } from '../util/title-reads.js';
import type { TokenEdit } from '../workspace/semantic-fingerprint.js';
import { placeOf } from '../workspace/tree-places.js';
import { TextDerived } from '../util/text-derived.js';
import type { ReadsOf } from './rule.js';
import { groupedOnce } from '../util/grouped-once.js';
import { pushTo } from '../util/multi-map.js';
import type { NamedDeclaration, WorkspaceModel } from '../workspace/workspace-model.js';

/*
 * What confusable-name (confusable-name.ts) reads of each syntax tree, kept per tree, and the
 * look-alike groups it builds of it.
 */

/** A message names at most this many look-alikes or odd letters, then how many more there are. */
export const MAX_LISTED = 3;

/** How a message names each kind of named declaration. */
export const KINDS: Record<string, string> = {
    Organization: 'organization', Person: 'person', Role: 'role', Responsibility: 'responsibility', Authority: 'authority',
    Training: 'training', AppointingBody: 'appointing body'
};

/** One spelling that shares its skeleton with others, and the declarations that use it. */
export type Spellings = Map<string, NamedDeclaration[]>;

/**
 * The look-alike groups of names (`name`) or titles (`title`): the keys (skeletons) that two or more
 * spellings share, each with its spellings in order of first use and their declarations, the groups
 * in order of their first declaration, as a cold merge of every tree lists them. The trees' keyed
 * declarations are merged by the model, carried from its last snapshot: after an edit only the
 * edited file's keys are merged again, and only keys with two declarations or more are looked at.
 */
export function spellingGroups(model: WorkspaceModel, trees: readonly TreeSpellings[], what: 'name' | 'title'): SpellingGroups {
    const keyed = model.carries
        ? model.mergedForLookup(`confusable:${what}`, trees.map(tree => keyedOf(tree, what)), 'trees')
        // A one-shot run groups every tree's keys once, in one map: no map per tree to merge.
        : groupedOnce<string, NamedDeclaration>(add => {
            for (const tree of trees) {
                const keys = what === 'name' ? tree.nameKeys : tree.titleKeys;
                for (let index = 0; index < keys.length; index++) if (keys[index] !== undefined) add(keys[index]!, tree.declarations[index]);
            }
        });
    const textOf = what === 'name' ? (node: NamedDeclaration) => node.name : (node: NamedDeclaration) => readTitle(node) ?? '';
    const shared: Array<readonly [string, readonly NamedDeclaration[]]> = [];
    for (const key of keyed.repeated) {
        const nodes = keyed.get(key) ?? [];
        const first = textOf(nodes[0]);
        if (nodes.some(node => textOf(node) !== first)) shared.push([key, nodes]);
    }
    shared.sort(([, a], [, b]) => model.declarationOrder(a[0], b[0]));
    const groups = new Map<string, Spellings>();
    for (const [key, nodes] of shared) {
        const spellings: Spellings = new Map();
        for (const node of nodes) pushTo(spellings, textOf(node), node);
        groups.set(key, spellings);
    }
    return {
        groups,
        firstOf: key => {
            const nodes = keyed.get(key);
            return nodes && textOf(nodes[0]);
        }
    };
}

export interface SpellingGroups {
    readonly groups: ReadonlyMap<string, Spellings>;
    /** The first spelling of a key, grouped or not. */
    firstOf(key: string): string | undefined;
}

/** What a mixed-script word is, for a message: "mixes Latin and Cyrillic letters in `Jаne` (`а` (U+0430) is Cyrillic)". */
function mixedText(text: string): string | undefined {
    const mixed = mixedScriptWord(text);
    if (!mixed) return undefined;
    const scripts = mixed.scripts.map(script => script === 'other' ? 'another script' : script);
    const odd = [...new Set(mixed.odd)].slice(0, MAX_LISTED).map(showCharacter).join(', ');
    return `mixes ${scripts.slice(0, -1).join(', ')} and ${scripts[scripts.length - 1]} letters in the word \`${mixed.word}\` (${odd} ${mixed.odd.length > 1 ? 'are' : 'is'} not ${mixed.scripts[0]})`;
}

/**
 * `mixedText` once per distinct text, kept across runs: an imported directory repeats the same few
 * thousand names in every file.
 * A printable ASCII text mixes no scripts, and is answered without the memory.
 */
const rememberedMixedText = remembered(mixedText, 100_000);
export const mixedTextOf = (text: string): string | undefined => isPrintableAscii(text) ? undefined : rememberedMixedText(text);

/** A job-description or evidence path of the policy, with the node and list index that hold it. */
export interface DocumentPath {
    readonly node: AstNode;
    readonly property: string;
    readonly index?: number;
    readonly text: string;
    readonly what: string;
}

/**
 * Calls `visit` with every job-description and evidence path of a declaration (a loop, not a
 * generator; the parts, not an object: nearly every path is plain ASCII and is dropped at once).
 */
function forEachPathOf(declaration: AstNode, visit: (node: AstNode, property: string, index: number | undefined, text: string, what: string) => void): void {
    const evidence = (node: AstNode & { evidence: string[] }) => {
        for (let index = 0; index < node.evidence.length; index++) visit(node, 'evidence', index, node.evidence[index], 'evidence path');
    };
    switch (declaration.$type) {
        case Role.$type:
            for (const job of (declaration as Role).jobDescriptions) if (job.path) visit(job, 'path', undefined, job.path, 'job-description path');
            break;
        case Assignment.$type: {
            const assignment = declaration as Assignment;
            evidence(assignment);
            for (const announcement of assignment.announcements) evidence(announcement);
            for (const acknowledgement of assignment.acknowledgements) evidence(acknowledgement);
            break;
        }
        case Delegation.$type: evidence(declaration as Delegation); break;
        case TrainingCompletion.$type: evidence(declaration as TrainingCompletion); break;
    }
}

/**
 * What the rule reads of one syntax tree, worked out once per parse: the skeletons of its
 * declarations' names and titles, and its titles and paths that mix scripts. After an edit only
 * the edited file's tree is new, so typing a person's title in a 100,000-line workspace looks at
 * the skeletons of the other files without computing or concatenating them again.
 */
export interface TreeSpellings {
    /** The tree's top-level declarations; the keys below are by position in it. */
    readonly declarations: readonly NamedDeclaration[];
    /** Each named declaration's name and title; undefined for other declarations. */
    readonly names: ReadonlyArray<string | undefined>;
    readonly titles: ReadonlyArray<string | undefined>;
    /** Each named declaration's key: the skeleton of its name. */
    readonly nameKeys: ReadonlyArray<string | undefined>;
    /** Each titled declaration's key: `Type\0skeleton` of its title (titles are compared within a kind). */
    readonly titleKeys: ReadonlyArray<string | undefined>;
    /** Titles with a word in two scripts, with what `mixedText` says of them. */
    readonly mixedTitles: ReadonlyArray<readonly [NamedDeclaration, string, string]>;
    readonly mixedPaths: ReadonlyArray<readonly [DocumentPath, string]>;
}

const spellingsOfTrees = new WeakMap<AstNode, TreeSpellings>();

export function treeSpellings(root: Model): TreeSpellings {
    // Every title the rule compares is read, whether worked out now or on an earlier run.
    readTitlesOf(root);
    let spellings = spellingsOfTrees.get(root);
    if (spellings) return spellings;
    const declarations = (root.declarations ?? []) as readonly AstNode[] as readonly NamedDeclaration[];
    const names: Array<string | undefined> = [];
    const titles: Array<string | undefined> = [];
    const nameKeys: Array<string | undefined> = [];
    const titleKeys: Array<string | undefined> = [];
    const mixedTitles: Array<readonly [NamedDeclaration, string, string]> = [];
    const mixedPaths: Array<readonly [DocumentPath, string]> = [];
    for (const node of declarations) {
        // The model's named declarations: a kind that has a name, and one that parsed.
        const named = KINDS[node.$type] !== undefined && !!node.name;
        const title = named ? readTitle(node) : undefined;
        names.push(named ? node.name : undefined);
        titles.push(title);
        nameKeys.push(named ? skeleton(node.name) : undefined);
        titleKeys.push(title ? `${node.$type}\u0000${skeleton(title)}` : undefined);
        const mixed = title ? mixedTextOf(title) : undefined;
        if (title && mixed) mixedTitles.push([node, title, mixed]);
        // Paths of the roles the model knows (named ones), and of every assignment, delegation and completion.
        if (named || KINDS[node.$type] === undefined) {
            forEachPathOf(node, (holder, property, index, text, what) => {
                const mixedPath = mixedTextOf(text);
                if (mixedPath) mixedPaths.push([index === undefined ? { node: holder, property, text, what } : { node: holder, property, index, text, what }, mixedPath]);
            });
        }
    }
    spellings = { declarations, names, titles, nameKeys, titleKeys, mixedTitles, mixedPaths };
    spellingsOfTrees.set(root, spellings);
    return spellings;
}

const keyedOfTrees = { name: new WeakMap<TreeSpellings, ReadonlyMap<string, readonly NamedDeclaration[]>>(), title: new WeakMap<TreeSpellings, ReadonlyMap<string, readonly NamedDeclaration[]>>() };

/**
 * A tree's declarations by key, in tree order, made when first asked and kept: the language server
 * merges them into the workspace's, and after an edit merges only the edited tree's again.
 */
function keyedOf(tree: TreeSpellings, what: 'name' | 'title'): ReadonlyMap<string, readonly NamedDeclaration[]> {
    let keyed = keyedOfTrees[what].get(tree);
    if (!keyed) {
        const byKey = new Map<string, NamedDeclaration[]>();
        const keys = what === 'name' ? tree.nameKeys : tree.titleKeys;
        for (let index = 0; index < keys.length; index++) if (keys[index] !== undefined) pushTo(byKey, keys[index]!, tree.declarations[index]);
        keyedOfTrees[what].set(tree, keyed = byKey);
    }
    return keyed;
}

const readOfTrees = new TextDerived<string>();

/**
 * All that confusable-name and duplicate-name read of one parse (WorkspaceRule.readsOf): the kind,
 * name and title of each top-level declaration in order, the paths that mix scripts with where
 * they stand, and the lexer's messages (a rejected look-alike name). Dates, references and
 * everything else a declaration says are not in it.
 */
function spellingsReadOf(parseResult: ParseResult<Model>): string {
    const root = parseResult.value;
    let read = readOfTrees.get(root);
    if (read === undefined) {
        const tree = treeSpellings(root);
        read = JSON.stringify([
            tree.declarations.map(node => node.$type), tree.names, tree.titles,
            tree.mixedPaths.map(([{ node, property, index, text, what }, mixed]) => [placeOf(node), property, index, text, what, mixed]),
            parseResult.lexerErrors.map(error => error.message)
        ]);
        readOfTrees.set(root, read);
    }
    return read;
}

export const spellingsRead: ReadsOf = Object.assign(spellingsReadOf, { sameAfterTokenEdit: spellingsSameAfterTokenEdit });

/**
 * What `spellingsRead` reads stays the same after an edit inside one token unless the token is the name
 * or title of a named top-level declaration, or a path that is, or was, not plain ASCII (one that may mix scripts).
 */
function spellingsSameAfterTokenEdit(edit: TokenEdit): boolean {
    switch (edit.property) {
        case undefined: return false;
        case 'name':
        case 'title': return KINDS[edit.before.$type] === undefined || edit.before.$container?.$container !== undefined;
        case 'evidence':
        case 'path': return isPrintableAscii(edit.oldText) && isPrintableAscii(edit.newText);
        default: return true;
    }
}
