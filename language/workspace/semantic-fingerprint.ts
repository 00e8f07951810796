import { createHash } from 'node:crypto';
import { isAstNode, isReference, type AstNode, type ParseResult } from 'langium';
import { isPerson } from '../generated/ast.js';
import { directoryKeyOf, isGeneratedTree } from '../import/people-file.js';

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
        const semantic = new Digest();
        const structure = new Digest();
        const lines = new Digest();
        const write = (text: string) => {
            semantic.update(text);
            structure.update(text);
        };
        const visit = (node: AstNode): void => {
            write(node.$type);
            // Two comments say something: a generated file's header, and the directory key after a generated person.
            if (isPerson(node)) write(`key:${directoryKeyOf(node) ?? ''}`);
            lines.update(String(node.$cstNode?.range.start.line ?? -1));
            const titled = TITLED_TYPES.has(node.$type);
            for (const [key, value] of Object.entries(node)) {
                if (key.startsWith('$')) continue;
                write(key);
                if (titled && key === 'title' && typeof value === 'string') {
                    semantic.update(JSON.stringify(value));
                    structure.update('"…"');
                    write(')');
                    continue;
                }
                for (const item of Array.isArray(value) ? value : [value]) {
                    if (isAstNode(item)) visit(item);
                    else if (isReference(item)) write(`@${item.$refText}`);
                    else write(JSON.stringify(item) ?? 'undefined');
                }
                write(')');
            }
        };
        write(`generated:${isGeneratedTree(root)}`);
        visit(root);
        // Lexer messages name the characters (mandate-lexer-error-messages.ts); the text may already be the next version.
        const { lexerErrors, parserErrors } = parseResult;
        for (const error of lexerErrors) write(`lexer:${JSON.stringify(error.message)}`);
        for (const error of parserErrors) write(`parser:${JSON.stringify(error.message)}`);
        const semanticDigest = semantic.digest();
        fingerprint = { semantic: semanticDigest, lines: lines.digest(), structure: structure.digest() };
        fingerprints.set(root, fingerprint);
    }
    return fingerprint;
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
