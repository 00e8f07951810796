import { Cancellation, isOperationCancelled, OperationCancelled } from 'langium';
import { describe, expect, it } from 'vitest';
import { CancellationPoints } from '../language/util/cancellation-points.js';
import { CLEAN_POLICY } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

describe('cancellation points of a walk over a tree', () => {
    it('await only every 500th node, and throw as Langium does once the token is cancelled', async () => {
        const source = new Cancellation.CancellationTokenSource();
        const points = new CancellationPoints(source.token);
        const pauses = Array.from({ length: 1000 }, () => points.next());
        expect(pauses.filter(pause => pause !== undefined)).toHaveLength(2);
        await Promise.all(pauses);
        source.cancel();
        expect(() => points.next()).toThrow(OperationCancelled);
    });

    it('a cancelled build stops, and the next one indexes and links every declaration of a 1,200-person file', async () => {
        const people = Array.from({ length: 1200 }, (_, i) => `person p${i} "P ${i}"`).join('\n'); // more than one walk's 500 nodes
        const workspace = new Workspace({ ...CLEAN_POLICY, 'directory.mandate': people });
        const source = new Cancellation.CancellationTokenSource();
        source.cancel();
        const builder = workspace.shared.workspace.DocumentBuilder;
        const documents = workspace.shared.workspace.LangiumDocuments;
        for (const name of Object.keys({ ...CLEAN_POLICY, 'directory.mandate': '' })) await documents.getOrCreateDocument(workspace.uri(name));
        const cancelled = await builder.build(documents.all.toArray(), { validation: true }, source.token).then(() => undefined, (error: unknown) => error);
        expect(isOperationCancelled(cancelled)).toBe(true);
        await builder.build(documents.all.toArray(), { validation: true });
        expect(workspace.codes('directory.mandate')).toEqual([]);
        const declared = Object.values(CLEAN_POLICY).join('\n').match(/^person /gm)?.length ?? 0;
        expect(workspace.shared.workspace.IndexManager.allElements('Person').count()).toBe(1200 + declared);
    });
});
