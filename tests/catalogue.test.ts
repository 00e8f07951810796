import { describe, expect, it } from 'vitest';
import { FRAMEWORKS, REQUIREMENTS } from '../language/standards/catalogue.js';
import { findRequirement, suggestRequirements } from '../language/standards/requirements.js';
import { RULES } from '../language/rules/index.js';

describe('standards catalogue', () => {
    it('holds the entries the product promises', () => {
        const required = [
            'ISO27001:5.1', 'ISO27001:5.3(a)', 'ISO27001:5.3(b)', 'ISO27001:7.2', 'ISO27001:7.3', 'ISO27001:7.4', 'ISO27001:7.5', 'ISO27001:9.3',
            'ISO27001:A.5.2', 'ISO27001:A.5.3', 'ISO27001:A.5.4', 'ISO27001:A.6.2', 'ISO27001:A.6.3', 'ISO27001:A.6.5',
            'NIST-CSF:GV.RR-01', 'NIST-CSF:GV.RR-02', 'NIST-CSF:GV.RR-03', 'NIST-CSF:GV.RR-04',
            'SOC2:CC1.3', 'SOC2:CC1.4', 'PCI-DSS:12.1.3', 'PCI-DSS:12.1.4', 'HIPAA:164.308(a)(2)'
        ];
        expect(required.filter(id => !findRequirement(id))).toEqual([]);
    });

    it('has unique IDs, a declared framework and a title for every entry', () => {
        const ids = REQUIREMENTS.map(requirement => requirement.id);
        expect(new Set(ids).size).toBe(ids.length);
        const prefixes = new Set(FRAMEWORKS.map(framework => framework.prefix));
        for (const requirement of REQUIREMENTS) {
            expect(prefixes.has(requirement.framework)).toBe(true);
            expect(requirement.title.length).toBeGreaterThan(10);
        }
    });

    it('only has IDs the grammar can write unquoted', () => {
        const terminal = /^[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*:[A-Za-z0-9]+([.-][A-Za-z0-9]+)*(\([A-Za-z0-9]+\))*$/;
        expect(REQUIREMENTS.filter(requirement => !terminal.test(requirement.id))).toEqual([]);
    });

    it('suggests close spellings of the same framework, and nothing for nonsense', () => {
        const ids = (id: string) => suggestRequirements(id).map(requirement => requirement.id);
        expect(ids('ISO27001:5.3b')).toEqual(['ISO27001:5.3(b)']);
        expect(ids('iso27001:a.5.3')).toEqual(['ISO27001:A.5.3']);
        expect(ids('NIST-CSF:GV.RR-2')).toEqual(['NIST-CSF:GV.RR-02']);
        expect(ids('HIPAA:164.308(a)(1)(i)')).toEqual(['HIPAA:164.308(a)(1)']);
        // Another number is another requirement, however close the digits (tests/requirement-suggestions.test.ts has more).
        expect(ids('HIPAA:164.308(a)(9)')).toEqual([]);
        expect(ids('FOO:BAR')).toEqual([]);
    });

    it('is what the rules cite', () => {
        const unknown = RULES.flatMap(rule => rule.standards.filter(id => !findRequirement(id)).map(id => `${rule.id}: ${id}`));
        expect(unknown).toEqual([]);
    });
});
