import { describe, expect, it } from 'vitest';
import type { Model } from '../language/generated/ast.js';
import { indexDeclarations } from '../language/workspace/declaration-index.js';
import { Workspace } from './workspace-helpers.js';

/**
 * The workspace's declarations are put together from each tree's own, remembered per tree
 * (language/workspace/declaration-index.ts): merging must never change what a tree remembers.
 */
describe('the declaration index', () => {
    it('lists a name declared in several files once per declaration, in file order, and leaves each file\'s own list as it was', async () => {
        const workspace = await Workspace.open({
            'a.mandate': 'person jane "Jane A"\nrole ciso "CISO"\n',
            'b.mandate': 'person jane "Jane B"\nperson omar "Omar"\n',
            'c.mandate': 'person jane "Jane C"\n'
        });
        const roots = ['a', 'b', 'c'].map(name => workspace.document(`${name}.mandate`).parseResult.value as Model);
        for (let round = 0; round < 2; round++) {
            const all = indexDeclarations(roots);
            expect(all.declarationsByName.get('jane')?.map(node => node.title)).toEqual(['Jane A', 'Jane B', 'Jane C']);
            expect(all.persons.map(person => person.title)).toEqual(['Jane A', 'Jane B', 'Omar', 'Jane C']);
            expect(all.roles.map(role => role.name)).toEqual(['ciso']);
        }
        expect(indexDeclarations([roots[0]]).declarationsByName.get('jane')?.map(node => node.title)).toEqual(['Jane A']);
        expect(indexDeclarations([roots[1]]).persons.map(person => person.title)).toEqual(['Jane B', 'Omar']);
        expect(indexDeclarations([roots[2], roots[0]]).declarationsByName.get('jane')?.map(node => node.title)).toEqual(['Jane C', 'Jane A']);
    });
});
