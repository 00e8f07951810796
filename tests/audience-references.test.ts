/**
 * An announcement's audience written as a name (`announced DATE via email to board`) names the
 * declaration of that name, as rename reads it (rename-audiences.test.ts): Find All References,
 * Go to Definition and document highlight agree, from the declaration, from a reference and from
 * the audience itself, and leave alone an audience in quotes or one that names nothing.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import type { MandateServices } from '../language/mandate-module.js';
import { compareStrings } from '../language/util/compare.js';
import { CLEAN_POLICY, type Files } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

const PEOPLE = `
person jane "Jane Doe" {
    email "jane@acme.example"
    employed since 2020-01-01
}
assign jane to ciso since 2024-03-01 appointed by board {
    // the board heard first; the intranet page reads "board"
    announced 2024-03-04 via email to board
    announced 2024-03-05 via intranet to all-staff
    announced 2024-03-05 via intranet to "board"
    announced 2024-03-06 via email to jane
}
`;
const AUDIT = `
person omar "Omar Haddad" { employed since 2021-01-01 }
assign omar to ciso since 2024-06-01 until 2024-12-31 { announced 2024-06-03 via meeting to board }
`;
const FILES: Files = { ...CLEAN_POLICY, 'people.mandate': PEOPLE, 'audit.mandate': AUDIT };

function positionOf(name: string, text: string, offset = 2): Position {
    const at = FILES[name].indexOf(text);
    if (at < 0) throw new Error(`${text} not found in ${name}`);
    return TextDocument.create('x', 'mandate', 0, FILES[name]).positionAt(at + offset);
}

type Place = { uri: string; range: { start: { line: number; character: number }; end: { character: number } } };
/** `file line:start-end` (0-based), in file and position order. */
function places(found: readonly Place[] | undefined): string[] {
    return [...found ?? []]
        .sort((a, b) => compareStrings(a.uri, b.uri) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(({ uri, range }) => `${uri.replace(/^.*\//, '')} ${range.start.line}:${range.start.character}-${range.end.character}`);
}

async function open() {
    const workspace = await Workspace.open(FILES);
    const services = (name: string) => workspace.shared.ServiceRegistry.getServices(workspace.document(name).uri) as MandateServices;
    const params = (name: string, position: Position) => ({ textDocument: { uri: workspace.document(name).uri.toString() }, position });
    return {
        workspace,
        references: async (name: string, at: Position, includeDeclaration = true) =>
            places(await services(name).lsp.ReferencesProvider!.findReferences(workspace.document(name), { ...params(name, at), context: { includeDeclaration } })),
        definition: async (name: string, at: Position) =>
            places((await services(name).lsp.DefinitionProvider!.getDefinition(workspace.document(name), params(name, at)))?.map(link => ({ uri: link.targetUri, range: link.targetSelectionRange }))),
        highlight: async (name: string, at: Position) => {
            const uri = workspace.document(name).uri.toString();
            return places((await services(name).lsp.DocumentHighlightProvider!.getDocumentHighlight(workspace.document(name), params(name, at)))?.map(({ range }) => ({ uri, range })));
        }
    };
}

const BOARD = [
    'audit.mandate 2:92-97', // to board
    'organization.mandate 2:19-24', // top management board
    'organization.mandate 4:5-10', // role board
    'people.mandate 5:50-55', // appointed by board
    'people.mandate 7:38-43', // to board
    'roles.mandate 3:15-20' // reports to board
];

describe('find all references and announcement audiences', () => {
    it('lists the audiences written as the name, in every file, from the declaration, a reference or the audience', async () => {
        const { references } = await open();
        expect(await references('organization.mandate', positionOf('organization.mandate', 'role board', 6))).toEqual(BOARD);
        expect(await references('roles.mandate', positionOf('roles.mandate', 'to board', 4))).toEqual(BOARD);
        expect(await references('people.mandate', positionOf('people.mandate', 'email to board', 10))).toEqual(BOARD);
        expect(await references('audit.mandate', positionOf('audit.mandate', 'meeting to board', 13))).toEqual(BOARD);
        // Without the declaration: the audiences are uses, like references.
        expect(await references('people.mandate', positionOf('people.mandate', 'email to board', 10), false)).toEqual(BOARD.filter(place => place !== 'organization.mandate 4:5-10'));
    });

    it('lists a person named as an audience too', async () => {
        const { references } = await open();
        expect(await references('people.mandate', positionOf('people.mandate', 'email to jane', 10))).toEqual([
            'people.mandate 1:7-11', 'people.mandate 5:7-11', 'people.mandate 10:38-42'
        ]);
    });

    it('finds nothing from an audience in quotes or one that names no declaration', async () => {
        const { references } = await open();
        expect(await references('people.mandate', positionOf('people.mandate', 'all-staff'))).toEqual([]);
        expect(await references('people.mandate', positionOf('people.mandate', '"board"'))).toEqual([]);
    });
});

describe('go to definition from an announcement audience', () => {
    it('goes to the declaration the audience names, as from a reference', async () => {
        const { definition } = await open();
        expect(await definition('people.mandate', positionOf('people.mandate', 'email to board', 10))).toEqual(['organization.mandate 4:5-10']);
        expect(await definition('audit.mandate', positionOf('audit.mandate', 'meeting to board', 13))).toEqual(['organization.mandate 4:5-10']);
        expect(await definition('people.mandate', positionOf('people.mandate', 'email to jane', 10))).toEqual(['people.mandate 1:7-11']);
    });

    it('goes nowhere from an audience that names no declaration, or one in quotes', async () => {
        const { definition } = await open();
        expect(await definition('people.mandate', positionOf('people.mandate', 'all-staff'))).toEqual([]);
        expect(await definition('people.mandate', positionOf('people.mandate', '"board"'))).toEqual([]);
    });
});

describe('document highlight and announcement audiences', () => {
    const PEOPLE_BOARD = ['people.mandate 5:50-55', 'people.mandate 7:38-43'];

    it('highlights the audiences of the file written as the name, from a reference or the audience', async () => {
        const { highlight } = await open();
        expect(await highlight('people.mandate', positionOf('people.mandate', 'by board', 4))).toEqual(PEOPLE_BOARD);
        expect(await highlight('people.mandate', positionOf('people.mandate', 'email to board', 10))).toEqual(PEOPLE_BOARD);
        expect(await highlight('people.mandate', positionOf('people.mandate', 'email to jane', 10))).toEqual([
            'people.mandate 1:7-11', 'people.mandate 5:7-11', 'people.mandate 10:38-42'
        ]);
        // In the declaration's own file, that file's places only.
        expect(await highlight('organization.mandate', positionOf('organization.mandate', 'role board', 6))).toEqual(['organization.mandate 2:19-24', 'organization.mandate 4:5-10']);
        expect(await highlight('people.mandate', positionOf('people.mandate', 'all-staff'))).toEqual([]);
    });

    it('reads the syntax tree of its own document only', async () => {
        const { workspace, highlight } = await open();
        let reads = 0;
        for (const name of Object.keys(FILES).filter(name => name !== 'people.mandate')) {
            const root = workspace.document(name).parseResult.value as Model;
            const declarations = root.declarations;
            Object.defineProperty(root, 'declarations', { configurable: true, get: () => { reads++; return declarations; } });
        }
        expect(await highlight('people.mandate', positionOf('people.mandate', 'by board', 4))).toEqual(PEOPLE_BOARD);
        expect(await highlight('people.mandate', positionOf('people.mandate', 'email to board', 10))).toEqual(PEOPLE_BOARD);
        expect(reads).toBe(0);
    });
});
