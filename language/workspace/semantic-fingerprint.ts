import { isAstNode, isReference, type AstNode, type ParseResult } from 'langium';
import { isPerson } from '../generated/ast.js';
import { directoryKeyOf, GENERATED_MARK, isGeneratedTree } from '../import/people-file.js';
import { Digest, digestOf } from '../util/digest.js';
import { KEY_MARK, layoutSpan, lineBreaksIn, type Side } from './layout-span.js';
import { assignedPropertyOf } from '../util/property-span.js';
import { tokenAround } from '../util/token-around.js';
import { lineStartsOf } from '../mandate-leaf-cst-node.js';
import { lineIndexAt } from '../util/line-breaks.js';
import { syntaxNodes } from '../util/syntax-nodes.js';
import { TextDerived } from '../util/text-derived.js';
import { changedSpanOf } from '../layout-edit/changed-span.js';

/**
 * What a document says, apart from where it says it: every node's type and properties in order,
 * references by the name written, plus the text of lexer errors and the parser's messages (rules
 * read those too; their messages name the text, not where it is). Comments, blank lines and
 * indentation do not count, so a comment typed into a file leaves its `semantic` fingerprint as it
 * was; except the two comments `mandate import` writes, which rules read (people-file.ts). `lines`
 * is the line each node starts on, in order, for the messages that point at a declaration by file and line.
 */
export interface SemanticFingerprint {
    readonly semantic: string;
    readonly lines: string;
    /**
     * `semantic` without the titles of the named declarations (TITLED_TYPES): two trees with the
     * same `structure` but another `semantic` differ in such titles only, which the workspace rules
     * read through `readTitle` alone (util/title-reads.ts).
     */
    readonly structure: string;
}

/** The declarations whose `title` is a display name: people, roles, duties, trainings, the organization, appointing bodies. */
export const TITLED_TYPES: ReadonlySet<string> = new Set(['Organization', 'Person', 'Role', 'Responsibility', 'Authority', 'Training', 'AppointingBody']);

/** Per syntax tree: a document keeps its tree until it is parsed again. */
const fingerprints = new TextDerived<SemanticFingerprint>();
/** The parse results of trees a document has since replaced, with the errors that came with them. */
const replaced = new WeakMap<AstNode, ParseResult>();

/** Called before a document is parsed again, so the old tree can still be compared with the new one. */
export function rememberParse(parseResult: ParseResult): void {
    replaced.set(parseResult.value, parseResult);
}

/** The parse result of a tree a document has replaced, with the errors that came with it; undefined when it was not remembered. */
export function replacedParse(root: AstNode): ParseResult | undefined {
    return replaced.get(root);
}

let walks = 0;

/** How many trees were walked for their fingerprint, for tests that prove an edit walks none. */
export function fingerprintWalks(): number {
    return walks;
}

export function semanticFingerprint(parseResult: ParseResult): SemanticFingerprint {
    const root = parseResult.value;
    let fingerprint = fingerprints.get(root);
    if (!fingerprint) {
        fingerprint = fingerprintOf(parseResult);
        fingerprints.set(root, fingerprint);
    }
    return fingerprint;
}

/**
 * The fingerprint of `after`, a parse of a text that differs from the text of `before` inside one
 * token only (typing in a comment, a title, a date, a name), without walking the new tree: undefined
 * when that is not so, or not known to be. The token starts at the same place in both texts and has
 * the same type and grammar element, with as many line breaks in it before as after, so the parser
 * read the same tokens into the same nodes, each starting on the line it started on; only that
 * token's text differs. In a comment, the tree says what it said (except the two comments that
 * say something, people-file.ts, which are not taken this way). In a title of a declaration that has
 * one (TITLED_TYPES), only `semantic` changes; anywhere else both do. A changed part is a digest of
 * the earlier one and the new text: never equal to the earlier one, which is all it is compared
 * with (the next edit's fingerprint is compared with this one).
 */
export function fingerprintAfterEdit(before: ParseResult, after: ParseResult): SemanticFingerprint | undefined {
    return afterEdit(before, after)?.fingerprint;
}

/**
 * `fingerprintAfterEdit`, with the edit when it was inside one value token. Handed to the caller,
 * never kept: a record of it kept with the new tree would keep the tree before alive, and that one
 * the tree before it.
 */
export function afterEdit(before: ParseResult, after: ParseResult): { readonly fingerprint: SemanticFingerprint; readonly tokenEdit?: TokenEdit } | undefined {
    const known = fingerprints.get(before.value);
    const oldText = before.value.$cstNode?.root.fullText;
    const newText = after.value.$cstNode?.root.fullText;
    const beforeRoot = before.value.$cstNode?.root;
    const afterRoot = after.value.$cstNode?.root;
    if (!known || oldText === undefined || newText === undefined || !beforeRoot || !afterRoot || hasErrors(before) || hasErrors(after)) return undefined;
    // Compared a block at a time: a character at a time took 17 ms of each keystroke in a file of 6.5 MB.
    const { start, oldEnd, newEnd } = changedSpanOf(beforeRoot, oldText, newText);
    if (start < GENERATED_MARK.length + 1) return undefined; // the header of a generated file
    const layout = fingerprintAfterLayoutEdit(known, { root: beforeRoot, text: oldText, start, end: oldEnd }, { root: afterRoot, text: newText, start, end: newEnd });
    if (layout) {
        fingerprints.set(after.value, layout);
        return { fingerprint: layout };
    }
    if (lineBreaksIn(oldText, start, oldEnd) !== lineBreaksIn(newText, start, newEnd)) return undefined;
    const old = tokenAround(beforeRoot, start, oldEnd);
    const now = old && tokenAround(afterRoot, start, newEnd);
    if (!old || !now || old.offset !== now.offset || now.end - old.end !== newEnd - oldEnd || old.hidden !== now.hidden
        || old.tokenType !== now.tokenType || old.feature !== now.feature) return undefined;
    const tokenEdit: TokenEdit | undefined = !now.hidden && old.owner && now.owner
        ? { before: old.owner, after: now.owner, property: (now.feature && assignedPropertyOf(now.feature)) || undefined, oldText: oldText.slice(old.offset, old.end), newText: newText.slice(now.offset, now.end) }
        : undefined;
    let fingerprint = known;
    if (now.hidden) {
        if (oldText.slice(old.offset, old.end).includes(KEY_MARK) || newText.slice(now.offset, now.end).includes(KEY_MARK)) return undefined;
    } else {
        const change = `${now.offset}\u0000${newText.slice(now.offset, now.end)}`;
        const title = now.owner !== undefined && TITLED_TYPES.has(now.owner.$type) && now.feature !== undefined && assignedPropertyOf(now.feature) === 'title';
        fingerprint = { semantic: digestOf(known.semantic, change), structure: title ? known.structure : digestOf(known.structure, change), lines: known.lines };
    }
    fingerprints.set(after.value, fingerprint);
    return { fingerprint, ...(tokenEdit ? { tokenEdit } : {}) };
}

/**
 * An edit inside one value token (a date, a title, a name, a path), found by `afterEdit`:
 * the nodes that hold the token before and after, in trees that are otherwise the same node for node.
 */
export interface TokenEdit {
    readonly before: AstNode;
    readonly after: AstNode;
    /** The property the token is assigned to, when the grammar says (not for a token of a datatype rule's). */
    readonly property: string | undefined;
    readonly oldText: string;
    readonly newText: string;
}

/**
 * For a tree whose blanks and comments were edited in place (layout-edit/): it says the same, and
 * when the nodes moved to other lines, the lines get a new digest, as `fingerprintAfterLayoutEdit`
 * gives the tree of a new parse; the next edit is compared with that.
 */
export function noteLayoutEdit(root: AstNode, change: { readonly offset: number; readonly text: string; readonly linesMoved: boolean }): void {
    const known = fingerprints.get(root);
    if (known && change.linesMoved) fingerprints.set(root, { ...known, lines: digestOf(known.lines, `${change.offset}\u0000${change.text}`) });
}

/**
 * After blanks, line breaks or whole comments typed or deleted between tokens: the part that differs,
 * widened to the comments it touches, holds only blanks and comments in both texts, starts at the
 * same place and ends at the same place of the text after it, and splits no other token. Then every
 * other token is the same in both, so each node says the same; only the lines they start on may have
 * moved (a new digest of the earlier lines, never equal to them).
 */
function fingerprintAfterLayoutEdit(known: SemanticFingerprint, before: Side, after: Side): SemanticFingerprint | undefined {
    const old = layoutSpan(before);
    const now = old && layoutSpan(after);
    if (!old || !now || old.offset !== now.offset || old.text.length - old.end !== after.text.length - now.end) return undefined;
    if (old.keyComment || now.keyComment) return undefined;
    // With as many line breaks, or after the last token, no node starts on another line.
    if (lineBreaksIn(before.text, old.offset, old.end) === lineBreaksIn(after.text, now.offset, now.end) || old.offset >= before.root.end) return known;
    return { ...known, lines: digestOf(known.lines, `${now.offset}\u0000${after.text.slice(now.offset, now.end)}`) };
}

function hasErrors(parseResult: ParseResult): boolean {
    return parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0;
}

/**
 * One line of text per node, in the order the parser listed them (util/syntax-nodes.ts: a node
 * before its children, children in order): its type, where it stands in its container, and its
 * values; a child node is its own line, a reference the name written. The titles of TITLED_TYPES
 * are left out of `structure` and kept apart, in order, for `semantic`. The lines the nodes start
 * on are found by walking the line starts forward, as the nodes come in the order they start in. After each edit of a file of 10,000 people this is
 * worked out for its new tree: a walk that wrote every property twice took 300 ms of each keystroke.
 */
function fingerprintOf(parseResult: ParseResult): SemanticFingerprint {
    walks++;
    const root = parseResult.value;
    const structure = new Digest();
    const titles: string[] = [];
    const lines: number[] = [];
    structure.update(`generated:${isGeneratedTree(root)}`);
    const nodes = syntaxNodes(root);
    const cstRoot = root.$cstNode?.root;
    const starts = cstRoot ? lineStartsOf(cstRoot) : [0];
    // The nodes come in the order they start in: the line moves forward only.
    let lineIndex = 0;
    for (const node of nodes) {
        let line = `${node.$type}@${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}]`;
        // Two comments say something: a generated file's header, and the directory key after a generated person.
        if (isPerson(node)) line += `key:${directoryKeyOf(node) ?? ''}`;
        const offset = node.$cstNode?.offset;
        if (offset === undefined) {
            lines.push(-1);
        } else {
            if (starts[lineIndex] > offset) lineIndex = lineIndexAt(starts, offset); // a tree the parser recovered may go back
            while (lineIndex + 1 < starts.length && starts[lineIndex + 1] <= offset) lineIndex++;
            lines.push(lineIndex);
        }
        const titled = TITLED_TYPES.has(node.$type);
        for (const key of Object.keys(node)) {
            if (key.charCodeAt(0) === DOLLAR) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (titled && key === 'title' && typeof value === 'string') {
                line += '\u0001title=…';
                titles.push(JSON.stringify(value));
                continue;
            }
            line += `\u0001${key}=`;
            if (!Array.isArray(value)) line += encoded(value);
            else for (const item of value) line += `\u0002${encoded(item)}`;
        }
        structure.update(line);
    }
    // Lexer messages name the characters (mandate-lexer-error-messages.ts); the text may already be the next version.
    for (const error of parseResult.lexerErrors) structure.update(`lexer:${error.message}`);
    for (const error of parseResult.parserErrors) structure.update(`parser:${error.message}`);
    const structureDigest = structure.digest();
    const semantic = new Digest();
    semantic.update(structureDigest);
    for (const title of titles) semantic.update(title);
    const lineDigest = new Digest();
    lineDigest.update(lines.join(','));
    return { semantic: semantic.digest(), structure: structureDigest, lines: lineDigest.digest() };
}

const DOLLAR = '$'.charCodeAt(0);

/** A value of a node's property, as text: a child node is listed on its own, a reference by the name written. */
function encoded(value: unknown): string {
    // JSON: a text with the separators in it cannot pass for two values.
    if (typeof value === 'string') return JSON.stringify(value);
    if (isReference(value)) return `@${JSON.stringify(value.$refText)}`;
    if (isAstNode(value)) return '#';
    return `v${JSON.stringify(value) ?? 'undefined'}`;
}
