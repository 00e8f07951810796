import { URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { bench, describe } from 'vitest';
import { createMandateServices, type MandateSharedServices } from '../language/mandate-module.js';
import { generateWorkspace } from './generate-workspace.js';

// About 500 files and 75,000 lines: the size of a large organization's policy repository.
const TEAMS = 500;
const files = generateWorkspace(TEAMS);
const lineCount = Object.values(files).reduce((sum, text) => sum + text.split('\n').length, 0);
console.log(`benchmark workspace: ${Object.keys(files).length} files, ${lineCount} lines`);

async function openWorkspace(): Promise<{ shared: MandateSharedServices; disk: VirtualFileSystemProvider }> {
    const disk = new VirtualFileSystemProvider();
    for (const [name, text] of Object.entries(files)) disk.insert(`file:///bench/${name}`, text);
    const { shared } = createMandateServices({ fileSystemProvider: () => disk });
    shared.mandate.Settings.setAsOf('2025-06-30');
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ name: 'bench', uri: 'file:///bench' }]);
    return { shared, disk };
}

const warm = await openWorkspace();
let edits = 0;

describe(`workspace of ${TEAMS} team files`, () => {
    bench('cold build: parse, index, link and validate everything', async () => {
        await openWorkspace();
    }, { iterations: 3, time: 0, warmupIterations: 1 });

    bench('edit a leaf file (nothing references it)', async () => {
        const uri = URI.parse('file:///bench/team-0007.mandate');
        warm.disk.insert(uri, `${files['team-0007.mandate']}// edit ${edits++}\n`);
        await warm.shared.workspace.DocumentBuilder.update([uri], []);
    }, { iterations: 20, time: 0 });

    bench('edit the shared organization file (every team references it)', async () => {
        const uri = URI.parse('file:///bench/organization.mandate');
        warm.disk.insert(uri, `${files['organization.mandate']}// edit ${edits++}\n`);
        await warm.shared.workspace.DocumentBuilder.update([uri], []);
    }, { iterations: 5, time: 0 });
});
