import type { LangiumServices } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import type { CompletionList } from 'vscode-languageserver';
import { Workspace } from './workspace-helpers.js';

/**
 * Completion finds names by the start of what is typed in an index it patches with the
 * declarations of edited files when it is next asked (mandate-scope-provider.ts), not on every
 * edit: after any edits it offers what a fresh workspace offers.
 */
const PEOPLE = 'person zara "Zara"\nperson omar "Omar"\n';
const TYPING = 'role analyst "Analyst"\nassign z';

async function complete(workspace: Workspace): Promise<string[]> {
    const document = workspace.document('typing.mandate');
    const services = workspace.shared.ServiceRegistry.getServices(document.uri) as LangiumServices;
    const lines = document.textDocument.getText().split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    const list = await services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position }) as CompletionList;
    return list.items.map(item => item.label).filter(label => label.startsWith('z')).sort();
}

describe('completion of names after edits', () => {
    it('offers the names edited files declare now, as a fresh workspace does', async () => {
        const files = { 'people.mandate': PEOPLE, 'typing.mandate': TYPING };
        const workspace = await Workspace.open(files);
        expect(await complete(workspace)).toEqual(['zara']);
        // Several edits before completion asks again: one patch covers them all.
        await workspace.write('people.mandate', `${PEOPLE}person zed "Zed"\n`);
        await workspace.write('more.mandate', 'person zoe "Zoe"\n');
        await workspace.write('people.mandate', `${PEOPLE.replace('zara', 'zora')}person zed "Zed"\n`);
        const edited = { ...files, 'people.mandate': `${PEOPLE.replace('zara', 'zora')}person zed "Zed"\n`, 'more.mandate': 'person zoe "Zoe"\n' };
        const fresh = await Workspace.open(edited);
        expect(await complete(workspace)).toEqual(await complete(fresh));
        expect(await complete(workspace)).toEqual(['zed', 'zoe', 'zora']);
        await workspace.delete('more.mandate');
        expect(await complete(workspace)).toEqual(['zed', 'zora']);
    });

    it('offers what a fresh workspace does after edits of a file that declares most names', async () => {
        // Past an eighth of the names, the index and the name tables are dropped at the edit and built again when asked.
        const many = (prefix: string) => Array.from({ length: 300 }, (_, index) => `person ${prefix}-${index} "Z ${index}"\n`).join('');
        const files = { 'people.mandate': `${PEOPLE}${many('zeta')}`, 'typing.mandate': 'role analyst "Analyst"\nassign zulu-29' };
        const workspace = await Workspace.open(files);
        expect(await complete(workspace)).toEqual([]);
        const edited = { ...files, 'people.mandate': `${PEOPLE.replace('zara', 'zora')}${many('zulu')}` };
        await workspace.write('people.mandate', `${PEOPLE}${many('zed')}`);
        await workspace.write('people.mandate', edited['people.mandate']);
        const fresh = await Workspace.open(edited);
        expect(await complete(workspace)).toEqual(await complete(fresh));
        expect((await complete(workspace)).filter(label => label.startsWith('zulu-29'))).toHaveLength(11);
        expect(workspace.diagnostics()).toEqual(fresh.diagnostics());
    });
});
