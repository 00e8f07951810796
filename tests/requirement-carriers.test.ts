import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import type { WorkspaceModel } from '../language/workspace/workspace-model.js';
import { readTextFolder } from './folder-helpers.js';
import { generateWorkspace } from './fuzz/grammar-generator.js';
import { Random } from './random-edits.js';
import { AS_OF } from './helpers.js';

/**
 * WorkspaceModel.rolesCarrying answers the first few requirements by a scan each and then indexes
 * them all (workspace/requirement-carriers.ts): either way, the same roles in the same order.
 */
const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));

async function modelOf(files: Record<string, string>): Promise<WorkspaceModel> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    return (await checkSources(sources, { asOf: AS_OF })).services.shared.mandate.WorkspaceModel.get();
}

/** Every requirement the policy cites or could cite, asked of two snapshots: scans first, then the index; the index first. */
async function expectSameAnswers(files: Record<string, string>): Promise<number> {
    const scanned = await modelOf(files);
    const indexed = await modelOf(files);
    const cited = [...new Set([...scanned.responsibilities, ...scanned.authorities].flatMap(duty => duty.requirements))];
    const ids = [...cited, ...scanned.catalogue.requirementsOf('ISO27001').map(requirement => requirement.id), 'NOT:A-REQUIREMENT'];
    for (let i = 0; i < 9; i++) indexed.rolesCarrying(`UNCITED:${i}`);
    let found = 0;
    for (const id of ids) {
        const names = scanned.rolesCarrying(id).map(role => role.name);
        expect(names, id).toEqual(indexed.rolesCarrying(id).map(role => role.name));
        found += names.length;
    }
    return found;
}

describe('the roles carrying a requirement', () => {
    it('are the same whether scanned or indexed, for every example', async () => {
        const folders = [`${EXAMPLES}acme`, ...readdirSync(`${EXAMPLES}findings`).map(name => `${EXAMPLES}findings/${name}`)];
        let found = 0;
        for (const folder of folders) found += await expectSameAnswers(readTextFolder(folder, path => path.endsWith('.mandate')));
        expect(found).toBeGreaterThan(20);
    });

    it('are the same whether scanned or indexed, for generated workspaces', async () => {
        const random = new Random(977);
        for (let round = 0; round < 15; round++) await expectSameAnswers(generateWorkspace(random));
    });
});
