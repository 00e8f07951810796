import type { AstNode, ParseResult } from 'langium';
import { Assignment, Delegation, Role, TrainingCompletion, type Model } from '../generated/ast.js';
import { isPrintableAscii, mixedScriptWord, showCharacter, skeleton } from '../util/confusables.js';
import { remembered } from '../util/remembered.js';
import { readTitle, readTitlesOf } from '../util/title-reads.js';
import { placeOf } from '../workspace/semantic-fingerprint.js';
import type { NamedDeclaration } from '../workspace/workspace-model.js';

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
 * Spellings grouped by key (a skeleton), in two passes: the first notes one spelling per key, the
 * second builds groups only for the keys that have another. Nearly every key has one spelling, so
 * a workspace of 100,000 names allocates a map per look-alike group, not per name.
 */
export class SpellingGroups {
    private readonly firstSpelling = new Map<string, string>();
    private readonly shared = new Set<string>();
    readonly groups = new Map<string, Spellings>();

    note(key: string, text: string): void {
        const first = this.firstSpelling.get(key);
        if (first === undefined) this.firstSpelling.set(key, text);
        else if (first !== text) this.shared.add(key);
    }

    /** Second pass: `true` when the declaration belongs to a group of two or more spellings. */
    add(key: string, text: string, node: NamedDeclaration): boolean {
        if (!this.shared.has(key)) return false;
        let spellings = this.groups.get(key);
        if (!spellings) this.groups.set(key, spellings = new Map());
        const nodes = spellings.get(text);
        if (nodes) nodes.push(node); else spellings.set(text, [node]);
        return true;
    }

    firstOf(key: string): string | undefined {
        return this.firstSpelling.get(key);
    }

    /** The groups of the trees' names (`name`) or titles (`title`), with both passes over what each tree keeps. */
    static of(trees: readonly TreeSpellings[], what: 'name' | 'title'): SpellingGroups {
        const groups = new SpellingGroups();
        const each = (visit: (key: string, text: string, node: NamedDeclaration) => void) => {
            for (const tree of trees) {
                const [keys, texts] = what === 'name' ? [tree.nameKeys, tree.names] : [tree.titleKeys, tree.titles];
                for (let position = 0; position < keys.length; position++) {
                    const key = keys[position];
                    if (key !== undefined) visit(key, texts[position]!, tree.declarations[position]);
                }
            }
        };
        each((key, text) => groups.note(key, text));
        // Nearly always no two spellings share a key, and the second pass would find no group.
        if (groups.shared.size > 0) each((key, text, node) => groups.add(key, text, node));
        return groups;
    }
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
    /** Each named declaration's name, and its skeleton; undefined for other declarations. */
    readonly names: ReadonlyArray<string | undefined>;
    readonly nameKeys: ReadonlyArray<string | undefined>;
    /** Each named declaration's title, and its key `Type\0skeleton`: titles are compared within a kind. */
    readonly titles: ReadonlyArray<string | undefined>;
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
    const nameKeys: Array<string | undefined> = [];
    const titles: Array<string | undefined> = [];
    const titleKeys: Array<string | undefined> = [];
    const mixedTitles: Array<readonly [NamedDeclaration, string, string]> = [];
    const mixedPaths: Array<readonly [DocumentPath, string]> = [];
    for (const node of declarations) {
        // The model's named declarations: a kind that has a name, and one that parsed.
        const named = KINDS[node.$type] !== undefined && !!node.name;
        const title = named ? readTitle(node) : undefined;
        names.push(named ? node.name : undefined);
        nameKeys.push(named ? skeleton(node.name) : undefined);
        titles.push(title);
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
    spellings = { declarations, names, nameKeys, titles, titleKeys, mixedTitles, mixedPaths };
    spellingsOfTrees.set(root, spellings);
    return spellings;
}

const readOfTrees = new WeakMap<AstNode, string>();

/**
 * All that confusable-name and duplicate-name read of one parse (WorkspaceRule.readsOf): the kind,
 * name and title of each top-level declaration in order, the paths that mix scripts with where
 * they stand, and the lexer's messages (a rejected look-alike name). Dates, references and
 * everything else a declaration says are not in it.
 */
export function spellingsRead(parseResult: ParseResult<Model>): string {
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
