import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';
import { Workspace } from './workspace-helpers.js';
import type { MandateServices } from '../language/mandate-module.js';

const ACME = new URL('../examples/acme/', import.meta.url);

function acmeFiles(): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of readdirSync(ACME)) if (name.endsWith('.mandate')) files[name] = readFileSync(new URL(name, ACME), 'utf8');
    return files;
}

/** The position of the `occurrence`-th (0-based) `text` in a file, plus `offset` characters. */
function positionOf(fileText: string, text: string, occurrence = 0, offset = 1): Position {
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = fileText.indexOf(text, at + 1);
    if (at < 0) throw new Error(`${text} not found`);
    return TextDocument.create('x', 'mandate', 0, fileText).positionAt(at + offset);
}

function servicesOf(workspace: Workspace, name: string) {
    const document = workspace.document(name);
    return { document, rename: (workspace.shared.ServiceRegistry.getServices(document.uri) as MandateServices).lsp.RenameProvider! };
}

async function prepare(workspace: Workspace, name: string, position: Position): Promise<Range> {
    const { document, rename } = servicesOf(workspace, name);
    return await rename.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position }) as Range;
}

async function rename(workspace: Workspace, name: string, position: Position, newName: string): Promise<WorkspaceEdit> {
    const { document, rename: provider } = servicesOf(workspace, name);
    return (await provider.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName }))!;
}

async function rejection(action: Promise<unknown>): Promise<string> {
    const error = await action.then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ResponseError);
    return (error as ResponseError<void>).message;
}

function applied(text: string, edits: readonly TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('x', 'mandate', 0, text), [...edits]);
}

const SMALL = {
    'people.mandate': 'person jane "Jane Doe"\nperson kim "Kim Lee"\n',
    'roles.mandate': 'role ciso "Chief Information Security Officer"\n',
    'assignments.mandate': 'assign jane to ciso since 2024-01-01\nassign ghost to ciso since 2024-01-01\n'
};

describe('prepareRename', () => {
    it('answers the range of a declared name and of a reference to it', async () => {
        const workspace = await Workspace.open(SMALL);
        expect(await prepare(workspace, 'people.mandate', positionOf(SMALL['people.mandate'], 'jane'))).toEqual({ start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
        expect(await prepare(workspace, 'assignments.mandate', positionOf(SMALL['assignments.mandate'], 'ciso', 0, 4)))
            .toEqual({ start: { line: 0, character: 15 }, end: { line: 0, character: 19 } });
    });

    it('rejects a keyword, a title and an undeclared name with a message', async () => {
        const workspace = await Workspace.open(SMALL);
        expect(await rejection(prepare(workspace, 'people.mandate', positionOf(SMALL['people.mandate'], 'person'))))
            .toMatch(/^Only names can be renamed: place the cursor on the name of a role, person/);
        expect(await rejection(prepare(workspace, 'people.mandate', positionOf(SMALL['people.mandate'], 'Jane Doe'))))
            .toMatch(/^Only names can be renamed/);
        expect(await rejection(prepare(workspace, 'assignments.mandate', positionOf(SMALL['assignments.mandate'], 'ghost'))))
            .toBe('`ghost` is not declared in the workspace, so there is nothing to rename. Declare it, or correct the name here.');
    });
});

describe('rename', () => {
    it('rejects a new name that is not an identifier, saying why', async () => {
        const workspace = await Workspace.open(SMALL);
        const at = positionOf(SMALL['people.mandate'], 'jane');
        expect(await rejection(rename(workspace, 'people.mandate', at, 'Priya Nair!'))).toBe(
            'Cannot rename `jane` to `Priya Nair!`: a name starts with a letter or `_` and goes on with letters, digits and `_`, with single hyphens between its parts (like `priya-nair`); it cannot contain spaces or `!`. To change how it is shown, edit its title instead.'
        );
        expect(await rejection(rename(workspace, 'people.mandate', at, '2jane'))).toMatch(/it cannot start with `2`\./);
        expect(await rejection(rename(workspace, 'people.mandate', at, 'jane-'))).toMatch(/it cannot end with a hyphen\./);
        expect(await rejection(rename(workspace, 'people.mandate', at, 'jane--doe'))).toMatch(/two hyphens in a row\./);
        expect(await rejection(rename(workspace, 'people.mandate', at, ''))).toBe('Cannot rename `jane`: the new name is empty.');
    });

    it('rejects a keyword, but accepts the keywords names may reuse', async () => {
        const workspace = await Workspace.open(SMALL);
        const at = positionOf(SMALL['people.mandate'], 'jane');
        expect(await rejection(rename(workspace, 'people.mandate', at, 'role'))).toBe('Cannot rename `jane` to `role`: `role` is a keyword of the language and cannot be a name.');
        expect((await rename(workspace, 'people.mandate', at, 'auditor')).changes).toBeDefined();
    });

    it('rejects the keywords that stand where a name could (`audience everyone`, `are nobody`): the renamed references would mean the keyword', async () => {
        const workspace = await Workspace.open(SMALL);
        const at = positionOf(SMALL['people.mandate'], 'jane');
        for (const keyword of ['everyone', 'nobody']) {
            expect(await rejection(rename(workspace, 'people.mandate', at, keyword))).toBe(`Cannot rename \`jane\` to \`${keyword}\`: \`${keyword}\` is a keyword where a name `
                + 'could stand (e.g. `audience everyone`, `are nobody`), so the references renamed to it would mean that keyword instead. Choose another name.');
        }
        // Keywords names may reuse that never stand in for a reference stay allowed.
        expect((await rename(workspace, 'people.mandate', at, 'expect')).changes).toBeDefined();
    });

    it('rejects the name of another declaration, naming it and where it is', async () => {
        const workspace = await Workspace.open(SMALL);
        const at = positionOf(SMALL['assignments.mandate'], 'jane');
        expect(await rejection(rename(workspace, 'assignments.mandate', at, 'kim'))).toBe(
            'Cannot rename `jane` to `kim`: person kim ("Kim Lee") is already declared at people.mandate:2, and names must be unique across the workspace. Choose another name.'
        );
        // Across kinds too: a person named like a role makes every reference to either ambiguous.
        expect(await rejection(rename(workspace, 'assignments.mandate', at, 'ciso'))).toMatch(/role ciso \("Chief Information Security Officer"\) is already declared at roles\.mandate:1/);
    });

    it('rejects a name that is used but not declared: its references would silently change meaning', async () => {
        const workspace = await Workspace.open(SMALL);
        expect(await rejection(rename(workspace, 'people.mandate', positionOf(SMALL['people.mandate'], 'kim'), 'ghost'))).toBe(
            'Cannot rename `kim` to `ghost`: `ghost` is used at assignments.mandate:2 without being declared, and the rename would make it mean kim ("Kim Lee"). Correct that reference first, or choose another name.'
        );
    });

    it('renames the declaration and every reference in every file, and the workspace stays clean', async () => {
        const files = acmeFiles();
        const workspace = await Workspace.open(files);
        const errorsBefore = [...workspace.diagnostics().values()].flat().filter(line => /error/i.test(line)).length;
        const edit = await rename(workspace, 'people.mandate', positionOf(files['people.mandate'], 'person priya-nair', 0, 8), 'priya-sharma');
        const changes = edit.changes!;
        const touched = Object.keys(changes).map(uri => uri.replace(/^.*\//, '')).sort();
        expect(touched).toEqual(expect.arrayContaining(['assignments.mandate', 'people.mandate', 'training.mandate']));
        for (const [uri, edits] of Object.entries(changes)) {
            const name = uri.replace(/^.*\//, '');
            const after = applied(files[name], edits);
            expect(after, name).not.toMatch(/(?<![\w-])priya-nair(?![\w-])/);
            expect(after.match(/(?<![\w-])priya-sharma(?![\w-])/g)?.length).toBe(files[name].match(/(?<![\w-])priya-nair(?![\w-])/g)?.length);
            await workspace.write(name, after);
        }
        const errorsAfter = [...workspace.diagnostics().values()].flat().filter(line => /error/i.test(line)).length;
        expect(errorsAfter).toBe(errorsBefore);
    });

    it('changes nothing when the name stays the same', async () => {
        const workspace = await Workspace.open(SMALL);
        expect(await rename(workspace, 'people.mandate', positionOf(SMALL['people.mandate'], 'jane'), 'jane')).toEqual({ changes: {} });
    });
});

describe('rename over LSP', () => {
    afterEach(async () => { await disposeAllClients(); });
    afterAll(async () => { await removeAllWorkspaces(); });

    it('edits files that are not open, and the client receives the rejection message', async () => {
        const folder = await createWorkspace(SMALL);
        const client = await LspClient.start({ workspaceFolders: [folder] });
        const people = workspaceUri(folder, 'people.mandate');
        await client.openDocument(people, SMALL['people.mandate']);
        await client.waitForDiagnostics(people);
        const position = positionOf(SMALL['people.mandate'], 'jane');
        const prepared = await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: people }, position });
        expect(prepared).toEqual({ start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
        const edit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: people }, position, newName: 'jane-doe' }) as WorkspaceEdit;
        expect(Object.keys(edit.changes!).map(uri => uri.replace(/^.*\//, '')).sort()).toEqual(['assignments.mandate', 'people.mandate']);
        const refused = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: people }, position, newName: 'kim' })
            .then(() => undefined, (error: unknown) => error as ResponseError<void>);
        expect(refused?.message).toMatch(/^Cannot rename `jane` to `kim`: person kim \("Kim Lee"\) is already declared at people\.mandate:2/);
        expect(client.capabilities.renameProvider).toEqual({ prepareProvider: true });
    }, 60_000);
});
