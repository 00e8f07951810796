import { isAstNode, isReference, type AstNode, type ParseResult } from 'langium';
import type { Model } from '../generated/ast.js';
import type { IsoDate } from '../util/dates.js';
import { TextDerived } from '../util/text-derived.js';
import type { TokenEdit } from '../workspace/semantic-fingerprint.js';
import type { ReadsOf } from './rule.js';

/**
 * What a rule reads of a node that is worked out from its properties on the as-of date, rather than
 * the properties themselves: whether a person is with the organization that day, say. A rule that
 * reads only that carries its findings over an edit to a joining date that leaves it the same.
 */
export interface DerivedRead {
    /** What it is, for the digest: e.g. `present on the as-of date`. */
    readonly derived: string;
    value(node: AstNode, asOf: IsoDate): unknown;
}

/**
 * The properties a rule reads, by node type: what `propertiesRead` digests of every node of those
 * types. `Model` lists what is read of the file as a whole (only derived reads).
 */
export type PropertiesSpec = Readonly<Record<string, ReadonlyArray<string | DerivedRead>>>;

/**
 * A rule's `readsOf` (rule.ts) from the properties it reads: for one parse, the kind and name of
 * every declaration (names decide what each reference resolves to, and messages name things by
 * them), the errors, and for each node of a listed type, where it stands and the listed properties
 * (a reference as written, a list of nodes by their count; listed child nodes are read in turn).
 * A rule may carry its findings over an edit only while it reads nothing else: every property it,
 * and the model functions it calls, look at must be listed (tests/properties-read.test.ts).
 */
export function propertiesRead(spec: PropertiesSpec): ReadsOf {
    // One text per tree: the tree before an edit was read as the tree after the edit before it.
    const known = new TextDerived<{ readonly asOf: IsoDate; readonly read: string }>();
    const readsOf = (parseResult: ParseResult<Model>, asOf: IsoDate) => {
        const root = parseResult.value;
        let entry = known.get(root);
        if (entry?.asOf !== asOf) {
            entry = { asOf, read: JSON.stringify(readOf(parseResult, spec, asOf)) };
            known.set(root, entry);
        }
        return entry.read;
    };
    return Object.assign(readsOf, { sameAfterTokenEdit: (edit: TokenEdit, asOf: IsoDate) => sameAfterTokenEdit(edit, spec, asOf) });
}

/**
 * After an edit inside one token, the trees are the same node for node but for the nodes that hold
 * it and their containers: the text differs only if the listed properties or the derived reads of
 * one of them do, or the kind or name of one (every declaration's are in the text). Listed child
 * nodes below the token's node are the same nodes' counterparts, untouched by the edit.
 */
function sameAfterTokenEdit(edit: TokenEdit, spec: PropertiesSpec, asOf: IsoDate): boolean {
    let before: AstNode | undefined = edit.before;
    let after: AstNode | undefined = edit.after;
    while (before && after) {
        if (before.$type !== after.$type || (before as { name?: unknown }).name !== (after as { name?: unknown }).name) return false;
        for (const property of spec[before.$type] ?? []) {
            const [old, now] = typeof property === 'string'
                ? [valueOf((before as unknown as Record<string, unknown>)[property]), valueOf((after as unknown as Record<string, unknown>)[property])]
                : [property.value(before, asOf) ?? null, property.value(after, asOf) ?? null];
            if (JSON.stringify(old) !== JSON.stringify(now)) return false;
        }
        before = before.$container;
        after = after.$container;
    }
    return before === undefined && after === undefined;
}

function readOf(parseResult: ParseResult<Model>, spec: PropertiesSpec, asOf: IsoDate): unknown[] {
    const parts: unknown[] = [
        parseResult.lexerErrors.map(error => error.message),
        parseResult.parserErrors.map(error => error.message)
    ];
    const root = parseResult.value;
    readNode(root, 'file', spec, parts, asOf);
    const declarations = root.declarations ?? [];
    for (let index = 0; index < declarations.length; index++) {
        const declaration = declarations[index];
        parts.push(declaration.$type, (declaration as { name?: unknown }).name ?? null);
        readNode(declaration, `declarations[${index}]`, spec, parts, asOf);
    }
    return parts;
}

/** The listed properties of `node` (at `place`) and of its listed children, depth first. */
function readNode(node: AstNode, place: string, spec: PropertiesSpec, parts: unknown[], asOf: IsoDate): void {
    const properties = spec[node.$type];
    if (!properties) return;
    parts.push(place);
    const record = node as unknown as Record<string, unknown>;
    for (const property of properties) {
        if (typeof property !== 'string') {
            parts.push(property.derived, property.value(node, asOf) ?? null);
            continue;
        }
        const value = record[property];
        parts.push(valueOf(value));
        if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isAstNode(item)) readNode(item, `${place}.${property}[${index}]`, spec, parts, asOf);
            });
        } else if (isAstNode(value)) {
            readNode(value, `${place}.${property}`, spec, parts, asOf);
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
