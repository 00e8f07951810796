// Go to definition and find references on requirement IDs, which are values rather than references:
// an organization's own `requirement ACME:AC-01` is where its ID leads, and every `satisfies`,
// `not applicable` and `expect status of` that writes an ID is a reference to it.
import { describe, expect, it } from 'vitest';
import type { Position } from 'vscode-languageserver';
import { checkSources } from '../language/engine/check-sources.js';
import { AS_OF } from './helpers.js';

const FILES = {
    'acme.mandate': `framework ACME "Acme controls" {
    requirement ACME:AC-01 "Access reviewed quarterly"
    requirement ACME:AC-02 "Backups tested"
}
claims ACME {
    not applicable ACME:AC-02 "No backups of our own: the provider's."
}
`,
    'duties.mandate': `role ops "Operations"
responsibility access-review "Review access" { satisfies ACME:AC-01, ISO27001:A.5.18 }
authority approve-access "Approve access" { satisfies ACME:AC-01 }
`
};

async function open() {
    const sources = Object.entries(FILES).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const { services, documents } = await checkSources(sources, { asOf: AS_OF });
    const document = (name: string) => documents.find(entry => entry.uri.toString() === `file:///ws/${name}`)!;
    const at = (name: string, needle: string): Position => document(name).textDocument.positionAt(FILES[name as keyof typeof FILES].indexOf(needle) + 2);
    return { services, document, at };
}

const where = (locations: ReadonlyArray<{ uri: string; range: { start: { line: number; character: number } } }>) =>
    locations.map(location => `${location.uri.replace('file:///ws/', '')}:${location.range.start.line + 1}:${location.range.start.character + 1}`);

describe('requirement IDs in the editor', () => {
    it('go to the requirement an organization declared, from any way of writing its ID', async () => {
        const { services, document, at } = await open();
        for (const [name, needle] of [['duties.mandate', 'ACME:AC-01,'], ['duties.mandate', 'ACME:AC-01 }'], ['acme.mandate', 'ACME:AC-02 "No']] as const) {
            const links = await services.lsp.DefinitionProvider!.getDefinition(document(name), { textDocument: { uri: document(name).uri.toString() }, position: at(name, needle) });
            const line = needle.startsWith('ACME:AC-02') ? 3 : 2;
            expect(links?.map(link => `${link.targetUri.replace('file:///ws/', '')}:${link.targetSelectionRange.start.line + 1}`), needle).toEqual([`acme.mandate:${line}`]);
        }
        // A built-in requirement has no declaration in the policy.
        const builtIn = await services.lsp.DefinitionProvider!.getDefinition(document('duties.mandate'), { textDocument: { uri: 'file:///ws/duties.mandate' }, position: at('duties.mandate', 'ISO27001:A.5.18') });
        expect(builtIn ?? []).toEqual([]);
    });

    it('find every place a requirement ID is written, with or without its declaration', async () => {
        const { services, document, at } = await open();
        const references = (includeDeclaration: boolean, name: string, needle: string) => services.lsp.ReferencesProvider!.findReferences(document(name),
            { textDocument: { uri: document(name).uri.toString() }, position: at(name, needle), context: { includeDeclaration } });
        expect(where(await references(true, 'acme.mandate', 'ACME:AC-01'))).toEqual(['acme.mandate:2:17', 'duties.mandate:2:58', 'duties.mandate:3:55']);
        expect(where(await references(false, 'duties.mandate', 'ACME:AC-01 }'))).toEqual(['duties.mandate:2:58', 'duties.mandate:3:55']);
        expect(where(await references(true, 'acme.mandate', 'ACME:AC-02 "No'))).toEqual(['acme.mandate:3:17', 'acme.mandate:6:20']);
        expect(where(await references(true, 'duties.mandate', 'ISO27001:A.5.18'))).toEqual(['duties.mandate:2:70']);
    });
});
