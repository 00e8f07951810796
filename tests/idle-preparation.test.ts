/**
 * The first keystroke in a large file walked its whole tree for the fingerprint the workspace
 * findings compare the next tree with (~250 ms of that keystroke in a file of 10,000 people),
 * indexed its 130,000 references by name (~10 ms) and placed its 30,000 names among its declarations
 * (~3 ms): the language server now does these while idle after a build
 * (language/lsp/idle-preparation.ts), and later keystrokes carry them.
 */
import { describe, expect, it } from 'vitest';
import { generateBigFile } from '../bench/generate-workspace.js';
import { prepareLargeTreesAtIdle } from '../language/lsp/idle-preparation.js';
import { referencesByNameCounts } from '../language/statement-edit/references-by-name.js';
import { splicedLinking } from '../language/statement-edit/spliced-links.js';
import { fingerprintWalks } from '../language/workspace/semantic-fingerprint.js';
import { namePlacings } from '../language/workspace/declared-names.js';
import { Workspace } from './workspace-helpers.js';

const FILES = generateBigFile(12, 20);

/** How many trees the first edits of a date in the large file walked for their fingerprint, lists of references they indexed by name and maps of names they placed. */
async function workOfFirstEdits(idle: boolean): Promise<{ walks: number; indexed: number; placed: number; keptAll: number }> {
    const workspace = new Workspace(FILES);
    if (idle) prepareLargeTreesAtIdle(workspace.shared);
    await workspace.open();
    await new Promise(resolve => setImmediate(resolve));
    const text = FILES['people.mandate'];
    const date = text.indexOf('employed since ') + 'employed since 20'.length;
    const [walks, indexed, placed, keptAll] = [fingerprintWalks(), referencesByNameCounts.built, namePlacings.count, splicedLinking.keptAllButMoved];
    for (const digit of ['1', '0', '1', '0']) await workspace.burst([['people.mandate', text.slice(0, date) + digit + text.slice(date + 1)]]);
    return {
        walks: fingerprintWalks() - walks, indexed: referencesByNameCounts.built - indexed, placed: namePlacings.count - placed,
        keptAll: splicedLinking.keptAllButMoved - keptAll
    };
}

describe('large trees prepared at idle', () => {
    it('leave the first keystrokes in a large file no tree to walk and no references to index', async () => {
        expect(FILES['people.mandate'].length).toBeGreaterThan(64 * 1024);
        // Without them the first edit walks the tree it replaces, and indexes its references; later ones carry the index.
        expect(await workOfFirstEdits(false)).toEqual({ walks: 1, indexed: 1, placed: 1, keptAll: 4 });
        expect(await workOfFirstEdits(true)).toEqual({ walks: 0, indexed: 0, placed: 0, keptAll: 4 });
    });
});
