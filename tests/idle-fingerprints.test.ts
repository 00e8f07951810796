/**
 * The first keystroke in a large file walked its whole tree for the fingerprint the workspace
 * findings compare the next tree with (~250 ms of that keystroke in a file of 10,000 people): the
 * language server now works it out while idle after a build (language/lsp/idle-fingerprints.ts).
 */
import { describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import { fingerprintLargeTreesAtIdle } from '../language/lsp/idle-fingerprints.js';
import { fingerprintWalks } from '../language/workspace/semantic-fingerprint.js';
import { Workspace } from './workspace-helpers.js';

const FILES = generateBigFile(12, 20);

/** How many trees the first edit of a date in the large file walked for their fingerprint. */
async function walksOfFirstEdit(idle: boolean): Promise<number> {
    const workspace = new Workspace(FILES);
    if (idle) fingerprintLargeTreesAtIdle(workspace.shared);
    await workspace.open();
    await new Promise(resolve => setImmediate(resolve));
    const text = FILES['people.mandate'];
    const date = text.indexOf('employed since ') + 'employed since 20'.length;
    const walks = fingerprintWalks();
    await workspace.burst([['people.mandate', text.slice(0, date) + '1' + text.slice(date + 1)]]);
    return fingerprintWalks() - walks;
}

describe('fingerprints of large trees at idle', () => {
    it('leave the first keystroke in a large file no tree to walk', async () => {
        expect(FILES['people.mandate'].length).toBeGreaterThan(64 * 1024);
        // Without them the first edit walks the tree it replaces.
        expect(await walksOfFirstEdit(false)).toBeGreaterThan(0);
        expect(await walksOfFirstEdit(true)).toBe(0);
    });
});
