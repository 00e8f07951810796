import { isAstNode, isReference, type AstNode, type ParseResult } from 'langium';
import type { Model } from '../generated/ast.js';

/** The properties a rule reads, by node type: what `propertiesRead` digests of every node of those types. */
export type PropertiesSpec = Readonly<Record<string, readonly string[]>>;

/**
 * A rule's `readsOf` (rule.ts) from the properties it reads: for one parse, the kind and name of
 * every declaration (names decide what each reference resolves to, and messages name things by
 * them), the errors, and for each node of a listed type, where it stands and the listed properties
 * (a reference as written, a list of nodes by their count; listed child nodes are read in turn).
 * A rule may carry its findings over an edit only while it reads nothing else: every property it,
 * and the model functions it calls, look at must be listed (tests/properties-read.test.ts).
 */
export function propertiesRead(spec: PropertiesSpec): (parseResult: ParseResult<Model>) => string {
    // One text per tree: the tree before an edit was read as the tree after the edit before it.
    const known = new WeakMap<AstNode, string>();
    return parseResult => {
        const root = parseResult.value;
        let read = known.get(root);
        if (read === undefined) {
            read = JSON.stringify(readOf(parseResult, spec));
            known.set(root, read);
        }
        return read;
    };
}

function readOf(parseResult: ParseResult<Model>, spec: PropertiesSpec): unknown[] {
    const parts: unknown[] = [
        parseResult.lexerErrors.map(error => error.message),
        parseResult.parserErrors.map(error => error.message)
    ];
    const declarations = parseResult.value.declarations ?? [];
    for (let index = 0; index < declarations.length; index++) {
        const declaration = declarations[index];
        parts.push(declaration.$type, (declaration as { name?: unknown }).name ?? null);
        readNode(declaration, `declarations[${index}]`, spec, parts);
    }
    return parts;
}

/** The listed properties of `node` (at `place`) and of its listed children, depth first. */
function readNode(node: AstNode, place: string, spec: PropertiesSpec, parts: unknown[]): void {
    const properties = spec[node.$type];
    if (!properties) return;
    parts.push(place);
    const record = node as unknown as Record<string, unknown>;
    for (const property of properties) {
        const value = record[property];
        parts.push(valueOf(value));
        if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isAstNode(item)) readNode(item, `${place}.${property}[${index}]`, spec, parts);
            });
        } else if (isAstNode(value)) {
            readNode(value, `${place}.${property}`, spec, parts);
        }
    }
}

function valueOf(value: unknown): unknown {
    if (value === undefined) return null;
    if (isReference(value)) return value.$refText;
    if (isAstNode(value)) return '#node';
    if (Array.isArray(value)) return value.map(item => isReference(item) ? item.$refText : isAstNode(item) ? '#node' : item);
    return value;
}
