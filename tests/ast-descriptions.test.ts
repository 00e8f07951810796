import { DefaultAstNodeDescriptionProvider } from 'langium';
import { describe, expect, it } from 'vitest';
import { CLEAN_POLICY } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

describe('descriptions of exported declarations', () => {
    it('give the same name and selection segments as Langium\'s, worked out when first read', async () => {
        const workspace = await Workspace.open({ ...CLEAN_POLICY, 'people.mandate': 'person ada "Ada Lovelace" {\n    email "ada@x.example"\n}\n\nperson bob "Bob"\n' });
        const services = workspace.shared.ServiceRegistry.all[0];
        const langiums = new DefaultAstNodeDescriptionProvider(services);
        const exported = workspace.shared.workspace.IndexManager.allElements().toArray();
        expect(exported.map(description => description.name)).toEqual(expect.arrayContaining(['ada', 'bob']));
        for (const description of exported) {
            // Worked out by a getter that every description shares, not a closure or a value of its own.
            expect(Object.getOwnPropertyDescriptor(description, 'selectionSegment')).toBeUndefined();
            expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(description), 'selectionSegment')?.get).toBeTypeOf('function');
            const expected = langiums.createDescription(description.node!, description.name);
            const { node, name, type, documentUri, path } = description;
            expect({ node, name, type, documentUri, path }).toEqual({ node: expected.node, name: expected.name, type: expected.type, documentUri: expected.documentUri, path: expected.path });
            expect(description.nameSegment).toEqual(expected.nameSegment);
            expect(description.selectionSegment).toEqual(expected.selectionSegment);
        }
    });
});
