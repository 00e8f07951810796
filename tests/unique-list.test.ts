/**
 * Lists that keep each value once (language/util/unique-list.ts), and the workspace answers built
 * on them for people with many roles and duties many roles carry: the same answers whether a list
 * is scanned (short) or looked up (long).
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { UniqueList } from '../language/util/unique-list.js';
import { AS_OF, check, where } from './helpers.js';

describe('UniqueList', () => {
    it('keeps each value once, in the order first added, below and past the length where it starts a set', () => {
        for (const size of [3, 8, 9, 40]) {
            const list = new UniqueList<number>();
            for (let round = 0; round < 3; round++) for (let value = size - 1; value >= 0; value--) list.add(value);
            expect(list.items).toEqual([...Array(size).keys()].reverse());
        }
    });

    it('drops a repeat added right after the list grew past that length', () => {
        const list = new UniqueList<string>();
        for (const value of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'i', 'a', 'j']) list.add(value);
        expect(list.items).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    });
});

const ROLES = 20;
const roles = [...Array(ROLES).keys()].map(index => `role r${index} "Role ${index}" { accountable for shared responsible for shared }`).join('\n');
/** One person assigned to twenty roles, each twice (a renewal), and a duty all twenty are accountable for. */
const MANY_ROLES = {
    'org.mandate': 'organization acme "Acme" { top management board }\nrole board "Board"\nresponsibility shared "Shared duty"\n' + roles,
    'people.mandate': 'person pat "Pat" { employed since 2020-01-01 }\n'
        + [...Array(ROLES).keys()].flatMap(index => [
            `assign pat to r${index} since 2021-01-01 until 2022-12-31 appointed by board`,
            `assign pat to r${index} since 2023-01-01 appointed by board`
        ]).join('\n')
};

describe('people with many roles, and duties many roles carry', () => {
    it('gives each role a person holds once, in the order of the assignments', async () => {
        const sources = Object.entries(MANY_ROLES).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const { services } = await checkSources(sources, { asOf: AS_OF });
        const model = services.shared.mandate.WorkspaceModel.get();
        const pat = model.persons.find(person => person.name === 'pat')!;
        expect(model.rolesOfPersonOn(pat, AS_OF).map(role => role.name)).toEqual([...Array(ROLES).keys()].map(index => `r${index}`));
        expect(model.rolesOfPersonOn(pat, '2022-06-30')).toHaveLength(ROLES);
    });

    it('names each accountable role once when a duty has too many', async () => {
        const findings = await check(MANY_ROLES);
        const raci = findings.filter(finding => finding.rule === 'raci-accountable');
        expect(where(findings, 'raci-accountable')).toHaveLength(1);
        expect(raci[0].message).toContain(`${ROLES} roles are accountable for it (${[...Array(ROLES).keys()].map(index => `'r${index}'`).join(', ')})`);
    });
});
