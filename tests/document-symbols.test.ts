import { readdirSync, readFileSync } from 'node:fs';
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import { createMandateServices } from '../language/mandate-module.js';
import type { Model } from '../language/generated/ast.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol, type WorkspaceSymbol } from 'vscode-languageserver';
import { reflection } from '../language/generated/ast.js';
import { SEMANTIC_TOKEN_TYPES } from '../language/lsp/mandate-semantic-tokens.js';
import { MAX_WORKSPACE_SYMBOLS, type MandateWorkspaceSymbolProvider } from '../language/lsp/mandate-workspace-symbols.js';
import { DECLARATION_NOUNS, SYMBOL_KINDS } from '../language/lsp/symbol-kinds.js';
import { Workspace } from './workspace-helpers.js';
import type { MandateServices } from '../language/mandate-module.js';

const ACME = new URL('../examples/acme/', import.meta.url);

function acmeFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(ACME)) if (name.endsWith('.mandate')) files[name] = readFileSync(new URL(name, ACME), 'utf8');
    return files;
}

let acme: Workspace;

beforeAll(async () => { acme = await Workspace.open(acmeFiles()); });

async function symbolsOf(workspace: Workspace, name: string): Promise<DocumentSymbol[]> {
    const document = workspace.document(name);
    const services = workspace.shared.ServiceRegistry.getServices(document.uri) as MandateServices;
    return await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
}

async function workspaceSymbols(workspace: Workspace, query: string): Promise<WorkspaceSymbol[]> {
    return await workspace.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query }) as WorkspaceSymbol[];
}

function find(symbols: readonly DocumentSymbol[], name: string): DocumentSymbol {
    const symbol = symbols.find(candidate => candidate.name === name);
    expect(symbol, `${name} in ${symbols.map(s => s.name).join(', ')}`).toBeDefined();
    return symbol!;
}

/** Every symbol, at every depth, with its kind: no Field, no empty name, selection inside range. */
function expectWellFormed(symbols: readonly DocumentSymbol[]): void {
    for (const symbol of symbols) {
        expect(symbol.name.trim()).not.toBe('');
        expect(symbol.kind).not.toBe(SymbolKind.Field);
        expect(`${symbol.name} ${symbol.detail ?? ''}`).not.toMatch(/undefined|\[object/);
        const { range, selectionRange } = symbol;
        expect(selectionRange.start.line).toBeGreaterThanOrEqual(range.start.line);
        expect(selectionRange.end.line).toBeLessThanOrEqual(range.end.line);
        expectWellFormed(symbol.children ?? []);
    }
}

describe('the kind mapping', () => {
    it('covers every declaration of the grammar; every named one has a noun and a semantic token type', () => {
        const declarations = reflection.getAllTypes().filter(type => type !== 'Declaration' && reflection.isSubtype(type, 'Declaration'));
        expect(declarations.length).toBeGreaterThan(10);
        for (const type of declarations) {
            expect(SYMBOL_KINDS[type], type).toBeDefined();
            if ('name' in reflection.getTypeMetaData(type).properties) {
                expect(DECLARATION_NOUNS[type], type).toBeDefined();
                expect(SEMANTIC_TOKEN_TYPES[type], type).toBeDefined();
            }
        }
    });
});

describe('document symbols of the acme files', () => {
    it('gives every file an outline with proper kinds', async () => {
        for (const name of Object.keys(acmeFiles())) {
            const symbols = await symbolsOf(acme, name);
            expect(symbols.length, name).toBeGreaterThan(0);
            expectWellFormed(symbols);
        }
    });

    it('names assignments "person → role" with the titles as detail and nests announcements', async () => {
        const symbols = await symbolsOf(acme, 'assignments.mandate');
        const priya = find(symbols, 'priya-nair → ciso');
        expect(priya.kind).toBe(SymbolKind.Event);
        expect(priya.detail).toBe('Priya Nair as Chief Information Security Officer, since 2022-04-01');
        expect(priya.children?.map(child => `${child.name} ${child.detail}`)).toEqual([
            'announced 2022-03-30 via email to all-staff', 'announced 2022-04-01 via org-chart to all-staff', 'announced 2022-04-07 via all-hands to all-staff'
        ]);
        expect(priya.children?.every(child => child.kind === SymbolKind.Event)).toBe(true);
        expect(find(symbols, 'thomas-becker → ciso').detail).toMatch(/, 2018-05-01 – 2022-03-31$/);
    });

    it('reads a document that is not linked yet as written, without resolving its references ahead of the build', async () => {
        const services = createMandateServices(EmptyFileSystem).Mandate;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(
            'person jane "Jane Doe"\nrole ciso "Chief Information Security Officer"\nassign jane to ciso since 2024-01-01\n', URI.parse('file:///ws/unlinked.mandate'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        expect(document.state).toBeLessThan(DocumentState.Linked);
        const warnings: unknown[] = [];
        const warn = console.warn;
        console.warn = (...args: unknown[]) => { warnings.push(args); };
        try {
            const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
            expect(find(symbols, 'jane → ciso').detail).toBe('jane as ciso, since 2024-01-01');
        } finally {
            console.warn = warn;
        }
        expect(warnings).toEqual([]);
    });

    it('names delegations "from → to: duty"', async () => {
        const symbol = find(await symbolsOf(acme, 'delegations.mandate'), 'ciso → isms-manager: incident-management');
        expect(symbol.kind).toBe(SymbolKind.Event);
        expect(symbol.detail).toMatch(/^.+: Chief Information Security Officer → .+, 2024-07-29 – 2024-08-16$/);
    });

    it('names conflicts "a ↔ b" with their titles', async () => {
        const symbol = find(await symbolsOf(acme, 'conflicts.mandate'), 'internal-auditor ↔ isms-manager');
        expect(symbol.kind).toBe(SymbolKind.Operator);
        expect(symbol.detail).toMatch(/^Internal Auditor ↔ ISMS Manager$/i);
    });

    it('gives roles kind Class with the title, and their job descriptions and duty lines as children', async () => {
        const ciso = find(await symbolsOf(acme, 'roles.mandate'), 'ciso');
        expect(ciso.kind).toBe(SymbolKind.Class);
        expect(ciso.detail).toBe('Chief Information Security Officer');
        const children = ciso.children ?? [];
        expect(children.some(child => child.kind === SymbolKind.File)).toBe(true);
        const responsible = children.find(child => child.name === 'responsible for');
        expect(responsible?.kind).toBe(SymbolKind.Property);
        expect(responsible?.detail).toContain('incident-management');
    });

    it('lists people, duties, trainings and completions with their kinds', async () => {
        expect(find(await symbolsOf(acme, 'people.mandate'), 'priya-nair')).toMatchObject({ kind: SymbolKind.Object, detail: 'Priya Nair' });
        const responsibilities = await symbolsOf(acme, 'responsibilities.mandate');
        expect(responsibilities.every(symbol => symbol.kind === SymbolKind.Method)).toBe(true);
        const authorities = await symbolsOf(acme, 'authorities.mandate');
        expect(authorities.every(symbol => symbol.kind === SymbolKind.Function)).toBe(true);
        const training = await symbolsOf(acme, 'training.mandate');
        expect(training.some(symbol => symbol.kind === SymbolKind.Interface)).toBe(true);
        const completion = training.find(symbol => /^[a-z-]+: [a-z-]+ on \d{4}-\d{2}-\d{2}$/.test(symbol.name));
        expect(completion?.kind).toBe(SymbolKind.Event);
        expect(completion?.detail).toMatch(/^[A-Z].+: .+$/);
        const organization = await symbolsOf(acme, 'organization.mandate');
        expect(organization[0].kind).toBe(SymbolKind.Namespace);
        expect(organization.some(symbol => symbol.kind === SymbolKind.Struct)).toBe(true); // the shareholders' meeting
    });

    it('nests exclusions under a claim and requirements under a framework', async () => {
        const workspace = await Workspace.open({
            'soa.mandate': 'claims ISO27001 {\n    not applicable ISO27001:A.7.4 "No premises"\n}\nframework ACME "Acme controls" {\n    requirement ACME:AC-01 "Access reviews"\n}\n'
        });
        const [claim, framework] = await symbolsOf(workspace, 'soa.mandate');
        expect(claim).toMatchObject({ name: 'claims ISO27001', kind: SymbolKind.Package });
        expect(claim.children).toMatchObject([{ name: 'not applicable ISO27001:A.7.4', detail: 'No premises', kind: SymbolKind.EnumMember }]);
        expect(framework).toMatchObject({ name: 'ACME', detail: 'Acme controls', kind: SymbolKind.Enum });
        expect(framework.children).toMatchObject([{ name: 'ACME:AC-01', detail: 'Access reviews', kind: SymbolKind.EnumMember }]);
    });

    it('still outlines a file that does not parse or link, without undefined', async () => {
        const workspace = await Workspace.open({ 'broken.mandate': 'assign ghost to\ndelegate x from\nconflict between a and\nrole\ncompleted t by p on 2025-01-01\nperson kim { external "Firm" }\n' });
        const symbols = await symbolsOf(workspace, 'broken.mandate');
        expectWellFormed(symbols);
        expect(symbols.find(symbol => symbol.name === 'kim')?.detail).toBe('external (Firm)');
    });
});

describe('every findings example', () => {
    it('has well-formed symbols and semantic tokens, and prepareRename answers or refuses at every name', async () => {
        const root = new URL('../examples/findings/', import.meta.url);
        const files: Record<string, string> = {};
        for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
            if (entry.endsWith('.mandate')) files[entry] = readFileSync(new URL(entry, root), 'utf8');
        }
        const workspace = await Workspace.open(files);
        for (const [name, text] of Object.entries(files)) {
            expectWellFormed(await symbolsOf(workspace, name));
            const document = workspace.document(name);
            const lsp = (workspace.shared.ServiceRegistry.getServices(document.uri) as MandateServices).lsp;
            const tokens = await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
            for (const token of SemanticTokensDecoder.decode(tokens, lsp.SemanticTokenProvider!.tokenTypes, document)) {
                expect(token.text, name).toMatch(/^[A-Za-z_][\w\-:.()]*$/);
            }
            for (const match of text.matchAll(/[a-z][a-z0-9-]+/g)) {
                const position = document.textDocument.positionAt(match.index + 1);
                await (async () => lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position }))()
                    .catch((error: Error) => expect(error.message).toMatch(/^(Only names can be renamed|`[^`]+` is not declared|`[^`]+` is an audience that names no declaration)/));
            }
        }
    });
});

describe('workspace symbols', () => {
    it('finds the CISO role by a word of its title', async () => {
        const symbols = await workspaceSymbols(acme, 'Chief');
        const ciso = symbols.find(symbol => symbol.name === 'ciso — Chief Information Security Officer');
        expect(ciso).toMatchObject({ kind: SymbolKind.Class, containerName: 'role' });
        expect((ciso!.location as { uri: string }).uri).toMatch(/roles\.mandate$/);
    });

    it('matches IDs case-insensitively, exact and prefix matches first, and subsequences', async () => {
        expect((await workspaceSymbols(acme, 'CISO'))[0].name).toMatch(/^ciso — /);
        expect((await workspaceSymbols(acme, 'prinair'))[0].name).toBe('priya-nair — Priya Nair');
        // A title matched without its accents, before IDs and titles that only together hold the letters.
        expect((await workspaceSymbols(acme, 'Ines Duarte'))[0].name).toBe('ines-duarte — Inês Duarte');
        expect(await workspaceSymbols(acme, 'zzzqqq')).toEqual([]);
    });

    it('caps the result and follows edits', async () => {
        const people = Array.from({ length: 1200 }, (_, i) => `person p${i} "Person ${i}"`).join('\n');
        const workspace = await Workspace.open({ 'people.mandate': people });
        const provider = workspace.shared.lsp.WorkspaceSymbolProvider as MandateWorkspaceSymbolProvider;
        const built = provider.listsBuilt;
        expect(await workspaceSymbols(workspace, 'person')).toHaveLength(MAX_WORKSPACE_SYMBOLS);
        for (const query of ['p', 'pe', 'per', 'pers', 'person 1']) await workspaceSymbols(workspace, query);
        expect(provider.listsBuilt - built).toBe(1); // one pass over the index per build, not per keystroke
        await workspace.write('people.mandate', 'person renamed "Someone Else"\n');
        expect((await workspaceSymbols(workspace, 'someone')).map(symbol => symbol.name)).toEqual(['renamed — Someone Else']);
        expect(provider.listsBuilt - built).toBe(2);
    });
});
