/**
 * Which documents an edit that changes exported names relinks (workspace/reference-summary.ts):
 * those with an unresolved reference, one written with a name that appeared or disappeared, or one
 * into the edited document; what each document's references say is worked out once per linking,
 * so the documents relinked by one edit are looked at anew by the next. Each step equals a cold build.
 */
import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace-helpers.js';

const FILES = {
    'a.mandate': 'role alpha "Alpha"\n',
    'b.mandate': 'role beta "Beta" {\n    reports to alpha\n}\nrole gamma "Gamma" {\n    reports to delta\n}\n',
    'c.mandate': 'role chi "Chi" {\n    reports to omega\n}\n',
    'd.mandate': 'role omega "Omega"\n'
};

/** Edits one file; returns the names of the documents it relinked (a relinked document has a new list of references). */
async function relinkedBy(workspace: Workspace, name: string, text: string): Promise<string[]> {
    const names = Object.keys(FILES).filter(file => file !== name);
    const before = new Map(names.map(file => [file, workspace.document(file).references]));
    await workspace.write(name, text);
    return names.filter(file => workspace.document(file).references !== before.get(file));
}

async function expectCold(workspace: Workspace, files: Record<string, string>): Promise<void> {
    const cold = await Workspace.open(files);
    expect(workspace.diagnostics()).toEqual(cold.diagnostics());
}

describe('an edit that changes exported names', () => {
    it('relinks the documents whose references it may resolve differently, and no other, as a cold build', async () => {
        const workspace = await Workspace.open(FILES);
        expect(workspace.codes('b.mandate')).toContain('linking-error');

        // `delta` appears in a.mandate: b.mandate refers to it (and to alpha there); c.mandate does neither.
        const withDelta = 'role alpha "Alpha"\nrole delta "Delta"\n';
        expect(await relinkedBy(workspace, 'a.mandate', withDelta)).toEqual(['b.mandate']);
        expect(workspace.codes('b.mandate')).not.toContain('linking-error');
        await expectCold(workspace, { ...FILES, 'a.mandate': withDelta });

        // A name nobody refers to appears: b.mandate still refers into a.mandate, c.mandate is left alone.
        const withEpsilon = `${withDelta}role epsilon "Epsilon"\n`;
        expect(await relinkedBy(workspace, 'a.mandate', withEpsilon)).toEqual(['b.mandate']);

        // `omega` also appears in b.mandate: c.mandate's reference may now resolve to either.
        const b = `${FILES['b.mandate']}role omega "Omega too"\n`;
        expect(await relinkedBy(workspace, 'b.mandate', b)).toEqual(['c.mandate']);
        await expectCold(workspace, { ...FILES, 'a.mandate': withEpsilon, 'b.mandate': b });

        // `delta` goes again: b.mandate's reference fails, and the next edit elsewhere relinks b.mandate for it.
        expect(await relinkedBy(workspace, 'a.mandate', 'role alpha "Alpha"\n')).toEqual(['b.mandate']);
        expect(workspace.codes('b.mandate')).toContain('linking-error');
        // d.mandate adds `zeta`; its `omega` is kept (declared once before and after), so c.mandate's
        // reference, which resolves to b.mandate's `omega` (the first file), is left alone.
        expect(await relinkedBy(workspace, 'd.mandate', 'role omega "Omega"\nrole zeta "Zeta"\n')).toEqual(['b.mandate']);
        await expectCold(workspace, { ...FILES, 'b.mandate': b, 'd.mandate': 'role omega "Omega"\nrole zeta "Zeta"\n' });
    });
});
