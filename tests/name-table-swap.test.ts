import { URI, type AstNodeDescription } from 'langium';
import { describe, expect, it } from 'vitest';
import { declarationsOf, NameTable } from '../language/mandate-name-table.js';

/**
 * NameTable.swap puts one declaration of a file in the place of another, as after a statement of a
 * large file was parsed alone (statement-edit/). The table must be the one built from the new
 * declarations, whatever the names: kept, changed, declared elsewhere or twice in the file.
 */
const URIS = ['file:///a.mandate', 'file:///b.mandate', 'file:///c.mandate'].map(text => URI.parse(text));

function described(name: string, uri: URI, index: number): AstNodeDescription {
    return { name, type: 'Person', documentUri: uri, path: `/declarations@${index}` } as AstNodeDescription;
}

function byUriOf(files: string[][]): Map<string, AstNodeDescription[]> {
    return new Map(files.map((names, file) => [URIS[file].toString(), names.map((name, index) => described(name, URIS[file], index))]));
}

/** Each name's declarations, in resolution order, as `file#index`. */
function entries(table: NameTable): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [name, entry] of [...table.byName].sort(([a], [b]) => a < b ? -1 : 1)) {
        result[name] = declarationsOf(entry).map(description => `${description.documentUri.path}${description.path}`);
    }
    return result;
}

describe('NameTable.swap', () => {
    const files = [['ann', 'bob', 'bob', 'cid'], ['ann', 'dan'], ['eve']];
    const cases: Array<[label: string, file: number, index: number, name: string]> = [
        ['a name declared once, kept', 0, 3, 'cid'],
        ['a name declared once, changed to a new one', 0, 3, 'cyd'],
        ['a name declared once, changed to one another file declares', 2, 0, 'dan'],
        ['a name another file declares too, kept', 0, 0, 'ann'],
        ['a name another file declares too, changed to a new one', 1, 0, 'zed'],
        ['a name the file declares twice, changed', 0, 1, 'cid'],
        ['a name changed to one the file declares already', 0, 3, 'bob'],
        ['a new name in the middle of the file', 0, 1, 'abe']
    ];
    for (const [label, file, index, name] of cases) {
        it(label, () => {
            const table = NameTable.of(byUriOf(files));
            const removed = table.byUri.get(URIS[file].toString())![index];
            const added = described(name, URIS[file], index);
            expect(table.swap(URIS[file].toString(), removed, added)).toBe(true);
            const expected = byUriOf(files);
            expected.get(URIS[file].toString())![index] = added;
            expect(entries(table)).toEqual(entries(NameTable.of(expected)));
            expect(declarationsOf(table.byName.get(name))).toContain(added);
        });
    }

    it('changes nothing when the declaration it replaces is not the file\'s', () => {
        const table = NameTable.of(byUriOf(files));
        const before = entries(table);
        expect(table.swap(URIS[0].toString(), described('ann', URIS[0], 0), described('amy', URIS[0], 0))).toBe(false);
        expect(entries(table)).toEqual(before);
    });
});

describe('NameTable.of', () => {
    it('lists each name once, its declarations in URI order then file order, and the first in each document for that document', () => {
        // Given in another URI order than their own: c, a, b.
        const files = new Map([2, 0, 1].map(file => [URIS[file].toString(), [['eve', 'bob'], ['ann', 'bob', 'bob', 'cid'], ['ann', 'dan', 'eve']][[2, 0, 1].indexOf(file)]
            .map((name, index) => described(name, URIS[file], index))]));
        const table = NameTable.of(files);
        expect(entries(table)).toEqual({
            ann: ['/a.mandate/declarations@0', '/b.mandate/declarations@0'],
            bob: ['/a.mandate/declarations@1', '/a.mandate/declarations@2', '/c.mandate/declarations@1'],
            cid: ['/a.mandate/declarations@3'],
            dan: ['/b.mandate/declarations@1'],
            eve: ['/b.mandate/declarations@2', '/c.mandate/declarations@0']
        });
        // Names in the order of their first declaration in URI order.
        expect([...table.byName.keys()]).toEqual(['ann', 'bob', 'cid', 'dan', 'eve']);
        const bob = table.byName.get('bob')!;
        expect('byDocument' in bob && bob.byDocument.get(URIS[2].toString())?.path).toBe('/declarations@1');
        expect('byDocument' in bob && bob.byDocument.get(URIS[0].toString())?.path).toBe('/declarations@1');
        // A name declared once is its own entry.
        expect(table.byName.get('cid')).toBe(files.get(URIS[0].toString())![3]);
    });
});
