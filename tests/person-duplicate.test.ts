/** person-duplicate: one person declared twice, found by their shared e-mail address (a new user's trial: nothing flagged it). */
import { describe, expect, it } from 'vitest';
import { check, CLEAN_POLICY, where } from './helpers.js';

const withPeople = (people: string) => ({ ...CLEAN_POLICY, 'team.mandate': people });

describe('person-duplicate', () => {
    it('reports each later person with an address already declared, without regard to case, naming the first with its place', async () => {
        const findings = await check(withPeople('person ann2 "Ann" { email "Jane@Acme.example" }\nperson ann3 "Ann" { email "jane@acme.example" }\n'));
        expect(where(findings, 'person-duplicate')).toEqual(['team.mandate:1', 'team.mandate:2']);
        expect(findings.find(finding => finding.rule === 'person-duplicate')?.message)
            .toMatch(/^'ann2' has the e-mail address Jane@Acme\.example of 'jane' \(people\.mandate:2\): one person declared twice/);
    });

    it('compares no names and no missing addresses', async () => {
        expect(where(await check(withPeople('person jane2 "Jane Doe"\nperson jane3 "Jane Doe" { email "other@acme.example" }\n')), 'person-duplicate')).toEqual([]);
        expect(where(await check(CLEAN_POLICY), 'person-duplicate')).toEqual([]);
        // A placeholder is no address (found by an independent probe).
        expect(where(await check(withPeople('person omar "Omar" { email "n/a" }\nperson ana "Ana" { email "N/A" }\n')), 'person-duplicate')).toEqual([]);
    });
});
