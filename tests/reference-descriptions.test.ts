import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultReferenceDescriptionProvider } from 'langium';
import { MandateReferenceDescriptionProvider } from '../language/mandate-reference-descriptions.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { readTextFolder } from './folder-helpers.js';
import { Random } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';

/**
 * The reference index (find references, rename) is recorded by MandateReferenceDescriptionProvider,
 * a faster walk than Langium's: it must record exactly what Langium's would, in the same order.
 */
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

async function compareAll(workspace: Workspace): Promise<number> {
    const services = workspace.shared.ServiceRegistry.all[0];
    expect(services.workspace.ReferenceDescriptionProvider).toBeInstanceOf(MandateReferenceDescriptionProvider);
    const langiums = new DefaultReferenceDescriptionProvider(services);
    let count = 0;
    for (const document of workspace.shared.workspace.LangiumDocuments.all) {
        const ours = await services.workspace.ReferenceDescriptionProvider.createDescriptions(document);
        expect(ours).toEqual(await langiums.createDescriptions(document));
        count += ours.length;
    }
    return count;
}

/** Compares after the first build, after the largest file is gone (its references' files relinked), and after it is back. */
async function expectLangiumsDescriptions(files: Record<string, string>): Promise<number> {
    const workspace = await Workspace.open(files);
    const count = await compareAll(workspace);
    const [largest] = Object.entries(files).sort(([, a], [, b]) => b.length - a.length)[0] ?? [];
    if (largest !== undefined) {
        await workspace.delete(largest);
        await compareAll(workspace);
        await workspace.write(largest, files[largest]);
        expect(await compareAll(workspace)).toBe(count);
    }
    return count;
}

describe('the reference index entries', () => {
    it('are Langium\'s for every example', async () => {
        const folders = [`${EXAMPLES}acme`, ...readdirSync(`${EXAMPLES}findings`).map(name => `${EXAMPLES}findings/${name}`)];
        let count = 0;
        for (const folder of folders) count += await expectLangiumsDescriptions(readTextFolder(folder, path => path.endsWith('.mandate')));
        expect(count).toBeGreaterThan(500);
    });

    it('are Langium\'s for generated workspaces, broken references and syntax errors included', async () => {
        const random = new Random(4411);
        for (let round = 0; round < 15; round++) await expectLangiumsDescriptions(generateWorkspace(random));
    });
});
