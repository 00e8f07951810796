import { AstUtils, createLangiumParser, EmptyFileSystem, isReference, type AstNode, type ReferenceInfo } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMandateServices } from '../language/mandate-module.js';
import { forEachReference, lastDescendant, syntaxNodes } from '../language/util/syntax-nodes.js';

const services = createMandateServices(EmptyFileSystem).Mandate;

function policyFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap(entry => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return policyFiles(path);
        return entry.name.endsWith('.mandate') ? [path] : [];
    });
}

/** The examples, and texts with syntax errors, where error recovery leaves partial nodes. */
const TEXTS: ReadonlyArray<readonly [string, string]> = [
    ...policyFiles(join(__dirname, '..', 'examples')).map(file => [file, readFileSync(file, 'utf8')] as const),
    ['unclosed block', 'role ciso "CISO" {\n    reports to board\nperson jane "Jane" { employed since 2020-01-01 }\n'],
    ['missing names', 'role "No name"\nassign to since 2020-01-01\nperson jane "Jane"\ndelegate from jane to\n'],
    ['garbage between declarations', 'role a "A" }}} ### person b "B" { email } assign b to a since 2020-13-40 appointed by\n'],
    ['empty', '']
];

type Containment = readonly [AstNode | undefined, string | undefined, number | undefined];

function containmentOf(nodes: readonly AstNode[]): Containment[] {
    return nodes.map(node => [node.$container, node.$containerProperty, node.$containerIndex]);
}

/** A syntax tree as plain data, properties in their order, references as their text: what two parsers must agree on. */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(plain);
    if (isReference(value)) return { $refText: value.$refText };
    if (typeof value !== 'object' || value === null) return value;
    const node = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(node).filter(key => key === '$type' || !key.startsWith('$')).map(key => [key, plain(node[key])]));
}

describe('the parser\'s lean tree building', () => {
    // Langium's own parser, without Mandate's changes to it, on the same services.
    const langiumParser = createLangiumParser(services);

    it.each(TEXTS)('builds the tree of %s that Langium builds, property by property and in the same order', (_name, text) => {
        const ours = services.parser.LangiumParser.parse(text);
        const theirs = langiumParser.parse(text);
        expect(JSON.stringify(plain(ours.value))).toBe(JSON.stringify(plain(theirs.value)));
        expect(ours.parserErrors.map(error => error.message)).toEqual(theirs.parserErrors.map(error => error.message));
        expect(ours.value.$cstNode?.text).toBe(theirs.value.$cstNode?.text);
    });

    it('gives every empty list of every node one shared, frozen list: an array per empty list was a tenth of a parsed workspace\'s objects', () => {
        const model = services.parser.LangiumParser.parse('role a "A"\nrole b "B" { responsible for isms-leadership }\n').value as unknown as { declarations: Array<Record<string, unknown>> };
        const [a, b] = model.declarations;
        const emptyOf = (node: Record<string, unknown>) => Object.keys(node).filter(key => Array.isArray(node[key]) && (node[key] as unknown[]).length === 0);
        const shared = emptyOf(a).filter(key => emptyOf(b).includes(key));
        expect(shared.length).toBeGreaterThan(0);
        for (const key of shared) {
            expect(a[key], key).toBe(b[key]);
            expect(Object.isFrozen(a[key]), key).toBe(true);
        }
        // A list the text fills is the node's own, at its exact length.
        const filled = Object.keys(b).filter(key => Array.isArray(b[key]) && (b[key] as unknown[]).length > 0);
        expect(filled.length).toBeGreaterThan(0);
        for (const key of filled) expect(Object.isFrozen(b[key]), key).toBe(false);
    });
});

describe('syntax nodes listed at parse time', () => {
    it.each(TEXTS)('lists the nodes of %s as AstUtils.streamAst does', (_name, text) => {
        const root = services.parser.LangiumParser.parse(text).value;
        expect(syntaxNodes(root)).toEqual([...AstUtils.streamAst(root)]);
        // Identity, not just equal shapes: consumers compare nodes with ===.
        syntaxNodes(root).forEach((node, index) => expect(node).toBe([...AstUtils.streamAst(root)][index]));
    });

    it.each(TEXTS)('sets the containers of %s as linkContentToContainer does', (_name, text) => {
        const root = services.parser.LangiumParser.parse(text).value;
        const nodes = syntaxNodes(root);
        const ours = containmentOf(nodes);
        for (const node of nodes) {
            const mutable = node as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
            delete mutable.$container;
            delete mutable.$containerProperty;
            delete mutable.$containerIndex;
        }
        AstUtils.linkContentToContainer(root, { deep: true });
        expect(containmentOf(nodes)).toEqual(ours);
        expect(ours.slice(1).every(([container]) => container !== undefined)).toBe(true);
    });

    it.each(TEXTS)('finds the references of each node of %s as streamReferences does', (_name, text) => {
        const root = services.parser.LangiumParser.parse(text).value;
        for (const node of syntaxNodes(root)) {
            const ours: ReferenceInfo[] = [];
            forEachReference(node, reference => ours.push(reference));
            expect(ours).toEqual(AstUtils.streamReferences(node).toArray());
        }
    });

    it('finds the end of each subtree, so that a validator can skip it', () => {
        const root = services.parser.LangiumParser.parse(TEXTS[0][1]).value;
        const nodes = syntaxNodes(root);
        nodes.forEach((node, index) => expect(lastDescendant(nodes, index)).toBe(index + AstUtils.streamAllContents(node).count()));
    });

    it('lists a tree it did not parse when first asked, and keeps the list', () => {
        const role = { $type: 'Role', name: 'ciso' } as unknown as AstNode;
        const root = { $type: 'Model', declarations: [role] } as unknown as AstNode;
        (role as { $container?: AstNode }).$container = root;
        expect(syntaxNodes(root)).toEqual([root, role]);
        expect(syntaxNodes(root)).toBe(syntaxNodes(root));
    });
});

describe('declaration types', () => {
    it('have no subtypes, so that the workspace model can file each declaration by its $type', () => {
        const reflection = services.shared.AstReflection;
        const declarations = reflection.getAllTypes().filter(type => type !== 'Declaration' && reflection.isSubtype(type, 'Declaration'));
        expect(declarations.length).toBeGreaterThan(10);
        for (const type of declarations) expect(reflection.getAllSubTypes(type)).toEqual([type]);
    });
});
