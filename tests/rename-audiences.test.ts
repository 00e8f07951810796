/**
 * An announcement's audience (`announced DATE via email to board`) is written as a name, not a
 * cross-reference: rename must change it with the declaration it names, so that the policy
 * means the same after the rename, and leave alone what only looks like it (an audience in
 * quotes, a title, a comment, evidence, another name).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { ResponseError, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { MandateServices } from '../language/mandate-module.js';
import { CLEAN_POLICY, check, type Files } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

const PEOPLE = `
person jane "Jane Doe" {
    email "jane@acme.example"
    employed since 2020-01-01
}
assign jane to ciso since 2024-03-01 appointed by board {
    evidence "minutes/2024-02-board.pdf"
    // the board heard first; the intranet page reads "board"
    announced 2024-03-04 via email to board
    announced 2024-03-05 via intranet to all-staff
    announced 2024-03-05 via intranet to "board"
    announced 2024-03-06 via email to jane
}
`;
const FILES: Files = { ...CLEAN_POLICY, 'people.mandate': PEOPLE };

function positionOf(fileText: string, text: string, offset = 0): Position {
    const at = fileText.indexOf(text);
    if (at < 0) throw new Error(`${text} not found`);
    return TextDocument.create('x', 'mandate', 0, fileText).positionAt(at + offset);
}

function provider(workspace: Workspace, name: string) {
    const document = workspace.document(name);
    const rename = (workspace.shared.ServiceRegistry.getServices(document.uri) as MandateServices).lsp.RenameProvider!;
    const params = (position: Position) => ({ textDocument: { uri: document.uri.toString() }, position });
    return {
        prepare: async (position: Position) => await rename.prepareRename(document, params(position)) as Range,
        rename: async (position: Position, newName: string) => (await rename.rename(document, { ...params(position), newName }))!
    };
}

/** The edits as `file line:start-end newText` (0-based), by file and position, for exact comparison. */
function described(edit: WorkspaceEdit): string[] {
    return Object.entries(edit.changes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([uri, edits]) => [...edits]
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(({ range, newText }) => `${uri.replace(/^.*\//, '')} ${range.start.line}:${range.start.character}-${range.end.character} ${newText}`));
}

function applied(files: Files, edit: WorkspaceEdit): Files {
    const result = { ...files };
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
        const name = uri.replace(/^.*\//, '');
        result[name] = TextDocument.applyEdits(TextDocument.create('x', 'mandate', 0, files[name]), edits as TextEdit[]);
    }
    return result;
}

async function rejection(action: Promise<unknown>): Promise<string> {
    const error = await action.then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ResponseError);
    return (error as ResponseError<void>).message;
}

describe('rename and announcement audiences', () => {
    it('renames a role where it is an audience, and nothing that only looks like it; the workspace checks as before', async () => {
        expect(await check(FILES)).toEqual([]);
        const workspace = await Workspace.open(FILES);
        const edit = await provider(workspace, 'organization.mandate').rename(positionOf(FILES['organization.mandate'], 'role board', 5), 'directors');
        expect(described(edit)).toEqual([
            'organization.mandate 2:19-24 directors', // top management board
            'organization.mandate 4:5-10 directors', // role board
            'people.mandate 5:50-55 directors', // appointed by board
            'people.mandate 8:38-43 directors', // to board
            'roles.mandate 3:15-20 directors' // reports to board
        ]);
        const after = applied(FILES, edit);
        expect(after['people.mandate']).toContain('announced 2024-03-04 via email to directors\n');
        expect(after['people.mandate']).toContain('via intranet to "board"\n');
        expect(after['people.mandate']).toContain('// the board heard first');
        expect(after['organization.mandate']).toContain('"Board of Directors"');
        expect(await check(after)).toEqual([]);
    });

    it('renames a person named as an audience too', async () => {
        const workspace = await Workspace.open(FILES);
        const edit = await provider(workspace, 'people.mandate').rename(positionOf(PEOPLE, 'person jane', 8), 'jane-doe');
        expect(described(edit)).toEqual([
            'people.mandate 1:7-11 jane-doe',
            'people.mandate 5:7-11 jane-doe',
            'people.mandate 11:38-42 jane-doe'
        ]);
        expect(await check(applied(FILES, edit))).toEqual([]);
    });

    it('renames from an audience that names a declaration, as from a reference', async () => {
        const workspace = await Workspace.open(FILES);
        const people = provider(workspace, 'people.mandate');
        const at = positionOf(PEOPLE, 'email to board', 10);
        expect(await people.prepare(at)).toEqual({ start: { line: 8, character: 38 }, end: { line: 8, character: 43 } });
        const fromDeclaration = await provider(workspace, 'organization.mandate').rename(positionOf(FILES['organization.mandate'], 'role board', 5), 'directors');
        expect(described(await people.rename(at, 'directors'))).toEqual(described(fromDeclaration));
        // An audience that names no declaration, or one in quotes, is text: nothing to rename.
        expect(await rejection(people.prepare(positionOf(PEOPLE, 'all-staff', 2)))).toMatch(/^`all-staff` is an audience that names no declaration/);
        expect(await rejection(people.prepare(positionOf(PEOPLE, 'to "board"', 5)))).toMatch(/^Only names can be renamed/);
    });

    it('refuses a new name written as an audience that names nothing yet: the rename would make it name the declaration', async () => {
        const workspace = await Workspace.open(FILES);
        const organization = provider(workspace, 'organization.mandate');
        expect(await rejection(organization.rename(positionOf(FILES['organization.mandate'], 'role board', 5), 'all-staff'))).toBe(
            'Cannot rename `board` to `all-staff`: `all-staff` is the audience of the announcement at people.mandate:10, where it names no declaration, '
            + 'and the rename would make it name board ("Board of Directors"). Choose another name.'
        );
    });
});
