/**
 * The name tables keep a name declared once as its description and a name declared more than once
 * as its candidates (language/mandate-scope-provider.ts). Both must resolve as before: a file's own
 * declaration first, else the first by URI, and a table patched after an edit must resolve as a
 * cold build does, in both directions between one declaration and several.
 */
import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { isAssignment, type Model } from '../language/generated/ast.js';
import { Workspace } from './workspace-helpers.js';

const FILES = {
    'a-org.mandate': 'role ciso "CISO"\n',
    'b-team.mandate': 'person jane "Jane" { employed since 2020-01-01 }\nassign jane to ciso since 2021-01-01\n',
    'c-team.mandate': 'person joe "Joe" { employed since 2020-01-01 }\nassign joe to ciso since 2021-01-01\n'
};

/** The file the role of each file's assignment resolves into, by file name. */
function resolvedInto(workspace: Workspace): Record<string, string | undefined> {
    const result: Record<string, string | undefined> = {};
    for (const name of ['b-team.mandate', 'c-team.mandate']) {
        const assignment = (workspace.document(name).parseResult.value as Model).declarations.find(isAssignment)!;
        const target: AstNode | undefined = assignment.role?.ref;
        result[name] = target && AstUtils.getDocument(target).uri.path.split('/').pop();
    }
    return result;
}

describe('name tables with one and several declarations of a name', () => {
    it('resolve to the file\'s own declaration, else the first by URI, after edits in both directions', async () => {
        const workspace = await Workspace.open(FILES);
        expect(resolvedInto(workspace)).toEqual({ 'b-team.mandate': 'a-org.mandate', 'c-team.mandate': 'a-org.mandate' });

        // Declared again in c-team: that file resolves to its own; b-team still to the first by URI.
        const twice = { ...FILES, 'c-team.mandate': `${FILES['c-team.mandate']}role ciso "Team CISO"\n` };
        await workspace.write('c-team.mandate', twice['c-team.mandate']);
        expect(resolvedInto(workspace)).toEqual({ 'b-team.mandate': 'a-org.mandate', 'c-team.mandate': 'c-team.mandate' });
        expect(workspace.diagnostics()).toEqual((await Workspace.open(twice)).diagnostics());

        // The first declaration goes: the only one left is c-team's, for both files.
        const moved = { ...twice, 'a-org.mandate': '// the role moved to c-team\n' };
        await workspace.write('a-org.mandate', moved['a-org.mandate']);
        expect(resolvedInto(workspace)).toEqual({ 'b-team.mandate': 'c-team.mandate', 'c-team.mandate': 'c-team.mandate' });
        expect(workspace.diagnostics()).toEqual((await Workspace.open(moved)).diagnostics());

        // And back to one declaration in a-org.
        await workspace.writeAll(FILES);
        expect(resolvedInto(workspace)).toEqual({ 'b-team.mandate': 'a-org.mandate', 'c-team.mandate': 'a-org.mandate' });
        expect(workspace.diagnostics()).toEqual((await Workspace.open(FILES)).diagnostics());
    });

    it('suggest names of documents that come, and no longer of documents that go, as a cold build does', async () => {
        const typo = { ...FILES, 'b-team.mandate': `${FILES['b-team.mandate']}assign xqzw to ciso since 2022-01-01\n` };
        const workspace = await Workspace.open(typo);
        const hint = () => [...workspace.diagnostics().values()].flat().filter(line => line.includes("'xqzw'")).join('\n');
        const same = async (files: Record<string, string>) => expect(workspace.diagnostics()).toEqual((await Workspace.open(files)).diagnostics());
        expect(hint()).toContain('Declare it with');

        // A new file declares a near name: the hint names it, as the table's documents changed with it.
        const added = { ...typo, 'd-people.mandate': 'person xqzv "Near" { employed since 2020-01-01 }\n' };
        await workspace.write('d-people.mandate', added['d-people.mandate']);
        expect(hint()).toContain("Did you mean 'xqzv'?");
        await same(added);

        // It goes again.
        await workspace.delete('d-people.mandate');
        expect(hint()).toContain('Declare it with');
        await same(typo);

        // A file that declared nothing declares the near name, and an existing file another one.
        const filled = { ...typo, 'a-org.mandate': '// nothing yet\n' };
        await workspace.write('a-org.mandate', filled['a-org.mandate']);
        await same(filled);
        const refilled = { ...filled, 'a-org.mandate': `${FILES['a-org.mandate']}person xqzv "Near" { employed since 2020-01-01 }\n` };
        await workspace.write('a-org.mandate', refilled['a-org.mandate']);
        expect(hint()).toContain("Did you mean 'xqzv'?");
        await same(refilled);
    });
});
