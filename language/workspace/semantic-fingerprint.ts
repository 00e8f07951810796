import { createHash } from 'node:crypto';
import { isAstNode, isReference, type AstNode, type ParseResult } from 'langium';
import { isPerson } from '../generated/ast.js';
import { directoryKeyOf, GENERATED_MARK, isGeneratedTree, KEY_COMMENT } from '../import/people-file.js';
import { commentAround } from '../util/comment-leaves.js';
import { lineStartsOf } from '../mandate-leaf-cst-node.js';
import { lineIndexAt } from '../util/line-breaks.js';
import { syntaxNodes } from '../util/syntax-nodes.js';

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
const fingerprints = new WeakMap<AstNode, SemanticFingerprint>();
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
 * comment only (typing in it), without walking the tree: undefined when that is not so, or not
 * known to be. The text that differs lies inside one comment in both texts, starting at the same
 * place, so every other token is the same and each node says what it said before; with as many
 * line breaks in it before as after, every node also starts on the line it started on. The two
 * comments that say something (people-file.ts) are not taken this way.
 */
export function fingerprintAfterCommentEdit(before: ParseResult, after: ParseResult): SemanticFingerprint | undefined {
    const known = fingerprints.get(before.value);
    const oldText = before.value.$cstNode?.root.fullText;
    const newText = after.value.$cstNode?.root.fullText;
    const afterRoot = after.value.$cstNode?.root;
    if (!known || oldText === undefined || newText === undefined || !afterRoot || hasErrors(before) || hasErrors(after)) return undefined;
    const shortest = Math.min(oldText.length, newText.length);
    let start = 0;
    while (start < shortest && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
    let common = 0;
    while (common < shortest - start && oldText.charCodeAt(oldText.length - 1 - common) === newText.charCodeAt(newText.length - 1 - common)) common++;
    const oldEnd = oldText.length - common;
    const newEnd = newText.length - common;
    if (start < GENERATED_MARK.length + 1) return undefined; // the header of a generated file
    const oldComment = commentAround(before.value.$cstNode!.root, start, oldEnd);
    const newComment = oldComment && commentAround(afterRoot, start, newEnd);
    if (!oldComment || !newComment || oldComment.offset !== newComment.offset || newComment.end - oldComment.end !== newEnd - oldEnd) return undefined;
    if (oldComment.text.includes(KEY_COMMENT.trim()) || newComment.text.includes(KEY_COMMENT.trim())) return undefined;
    if (countBreaks(oldText, start, oldEnd) !== countBreaks(newText, start, newEnd)) return undefined;
    fingerprints.set(after.value, known);
    return known;
}

function hasErrors(parseResult: ParseResult): boolean {
    return parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0;
}

function countBreaks(text: string, start: number, end: number): number {
    let count = 0;
    for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) count++;
    }
    return count;
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

/** A SHA-256 of a sequence of strings, fed in batches: one native call per string costs more than the hashing. */
class Digest {
    private readonly hash = createHash('sha256');
    private parts: string[] = [];

    update(text: string): void {
        this.parts.push(text);
        if (this.parts.length >= 4096) this.flush();
    }

    digest(): string {
        this.flush();
        return this.hash.digest('hex');
    }

    private flush(): void {
        // A separator no policy text holds keeps `ab`,`c` apart from `a`,`bc`.
        this.hash.update(this.parts.join('\u0000') + '\u0000');
        this.parts = [];
    }
}

/** The steps from the root to `node`: property and index per step. */
function stepsTo(node: AstNode): Array<readonly [string, number | undefined]> {
    const steps: Array<readonly [string, number | undefined]> = [];
    let current = node;
    while (current.$container) {
        steps.push([current.$containerProperty ?? '', current.$containerIndex]);
        current = current.$container;
    }
    return steps.reverse();
}

/** Where `node` stands in its tree, as text: the node `counterpart` finds in another tree with the same text here. */
export function placeOf(node: AstNode): string {
    return stepsTo(node).map(([property, index]) => index === undefined ? property : `${property}[${index}]`).join('.');
}

/** The node at the same place (property and index per step from the root) in an identical tree. */
export function counterpart(node: AstNode, root: AstNode): AstNode | undefined {
    let target: AstNode | undefined = root;
    for (const [property, index] of stepsTo(node)) {
        const value: unknown = (target as unknown as Record<string, unknown>)[property];
        const next = index === undefined ? value : Array.isArray(value) ? value[index] : undefined;
        target = isAstNode(next) ? next : undefined;
        if (!target) return undefined;
    }
    return target;
}
