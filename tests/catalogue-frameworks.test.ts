import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FrameworkDefinition } from '../language/standards/frameworks/types.js';
import { NIST_CSF } from '../language/standards/frameworks/nist-csf.js';
import { SOC2, SOC2_SERIES } from '../language/standards/frameworks/soc2.js';
import { PCI_DSS, PCI_DSS_PRINCIPAL_REQUIREMENTS } from '../language/standards/frameworks/pci-dss.js';
import { HIPAA, HIPAA_SECTIONS } from '../language/standards/frameworks/hipaa.js';
import { NIS2 } from '../language/standards/frameworks/nis2.js';
import { DORA } from '../language/standards/frameworks/dora.js';

const FRAMEWORKS: readonly FrameworkDefinition[] = [NIST_CSF, SOC2, PCI_DSS, HIPAA, NIS2, DORA];

/** The REQUIREMENT terminal as the grammar defines it, so the two cannot drift apart. */
const grammar = readFileSync(new URL('../language/mandate.langium', import.meta.url), 'utf8');
const terminalSource = /terminal REQUIREMENT:\s*\/(.+)\/;/.exec(grammar)?.[1];
const REQUIREMENT = new RegExp(`^(?:${terminalSource})$`);

const clauses = (framework: FrameworkDefinition) => framework.requirements.map(requirement => requirement.clause);
const titleOf = (framework: FrameworkDefinition, clause: string) => framework.requirements.find(r => r.clause === clause)?.title;
const sorted = (list: Iterable<string>) => [...list].sort();

describe.each(FRAMEWORKS.map(framework => [framework.prefix, framework] as const))('%s catalogue module', (_prefix, framework) => {
    it('has unique clauses', () => {
        const all = clauses(framework);
        expect(all.filter((clause, index) => all.indexOf(clause) !== index)).toEqual([]);
    });

    it('has only IDs the grammar accepts unquoted', () => {
        expect(terminalSource).toBeDefined();
        expect(REQUIREMENT.test('ISO27001:5.3(b)')).toBe(true);
        expect(clauses(framework).map(clause => `${framework.prefix}:${clause}`).filter(id => !REQUIREMENT.test(id))).toEqual([]);
    });

    it('titles every entry briefly, without a trailing period', () => {
        const bad = framework.requirements.filter(({ title }) =>
            title.trim() !== title || title.length < 5 || title.length > 120 || title.endsWith('.') || /\s{2}/.test(title));
        expect(bad).toEqual([]);
        expect(framework.name.length).toBeGreaterThan(0);
    });

    it('names as parent only an earlier entry of the same framework that the clause extends', () => {
        const seen = new Set<string>();
        const bad: string[] = [];
        for (const { clause, parent } of framework.requirements) {
            // `164.310(a)(2)(i)` is a specification of the standard `164.310(a)(1)`.
            if (parent !== undefined && (!seen.has(parent) || !clause.startsWith(parent.replace(/\(1\)$/, '')))) bad.push(clause);
            seen.add(clause);
        }
        expect(bad).toEqual([]);
    });
});

describe('the framework modules together', () => {
    it('use distinct prefixes, none of them ISO27001', () => {
        const prefixes = FRAMEWORKS.map(framework => framework.prefix);
        expect(sorted(prefixes)).toEqual(['DORA', 'HIPAA', 'NIS2', 'NIST-CSF', 'PCI-DSS', 'SOC2']);
    });

    it('keep the titles the catalogue already used', () => {
        expect(titleOf(NIST_CSF, 'GV.RR-01')).toBe('Leadership is accountable for cybersecurity risk and fosters a risk-aware culture');
        expect(titleOf(NIST_CSF, 'GV.RR-02')).toBe('Cybersecurity roles, responsibilities and authorities are set, communicated and enforced');
        expect(titleOf(NIST_CSF, 'GV.RR-03')).toBe('Resources for cybersecurity are adequate to the risk strategy');
        expect(titleOf(NIST_CSF, 'GV.RR-04')).toBe('Cybersecurity is part of human-resources practice');
        expect(titleOf(SOC2, 'CC1.3')).toBe('Management sets structures, reporting lines, authorities and responsibilities');
        expect(titleOf(SOC2, 'CC1.4')).toBe('The entity attracts, develops and keeps competent people');
        expect(titleOf(PCI_DSS, '12.1.3')).toBe('Security roles and responsibilities are defined and acknowledged by all personnel');
        expect(titleOf(PCI_DSS, '12.1.4')).toBe('An executive is formally given responsibility for information security');
        expect(titleOf(HIPAA, '164.308(a)(2)')).toBe('A security official is named as responsible for security policies and procedures');
    });
});

describe('NIST CSF 2.0', () => {
    /** Subcategory numbers per category, gaps included, as CSF 2.0 publishes them. */
    const NUMBERING: Record<string, string> = {
        'GV.OC': '01 02 03 04 05', 'GV.RM': '01 02 03 04 05 06 07', 'GV.RR': '01 02 03 04', 'GV.PO': '01 02',
        'GV.OV': '01 02 03', 'GV.SC': '01 02 03 04 05 06 07 08 09 10',
        'ID.AM': '01 02 03 04 05 07 08', 'ID.RA': '01 02 03 04 05 06 07 08 09 10', 'ID.IM': '01 02 03 04',
        'PR.AA': '01 02 03 04 05 06', 'PR.AT': '01 02', 'PR.DS': '01 02 10 11', 'PR.PS': '01 02 03 04 05 06', 'PR.IR': '01 02 03 04',
        'DE.CM': '01 02 03 06 09', 'DE.AE': '02 03 04 06 07 08',
        'RS.MA': '01 02 03 04 05', 'RS.AN': '03 06 07 08', 'RS.CO': '02 03', 'RS.MI': '01 02',
        'RC.RP': '01 02 03 04 05 06', 'RC.CO': '03 04'
    };
    const expectedSubcategories = Object.entries(NUMBERING).flatMap(([category, numbers]) => numbers.split(' ').map(n => `${category}-${n}`));
    const level = (depth: number) => NIST_CSF.requirements.filter(r => r.clause.split(/[.-]/).length === depth);

    it('has the 6 functions, 22 categories and 106 subcategories, with their exact numbering', () => {
        expect(level(1).map(r => r.clause)).toEqual(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
        expect(sorted(level(2).map(r => r.clause))).toEqual(sorted(Object.keys(NUMBERING)));
        expect(expectedSubcategories).toHaveLength(106);
        expect(sorted(level(3).map(r => r.clause))).toEqual(sorted(expectedSubcategories));
        expect(NIST_CSF.requirements).toHaveLength(6 + 22 + 106);
        expect(clauses(NIST_CSF)).not.toContain('ID.AM-06');
    });

    it('gives each subcategory its category and each category its function as parent', () => {
        expect(level(1).filter(r => r.parent !== undefined)).toEqual([]);
        expect(level(2).filter(r => r.parent !== r.clause.slice(0, 2))).toEqual([]);
        expect(level(3).filter(r => r.parent !== r.clause.slice(0, 5))).toEqual([]);
    });
});

describe('SOC 2 Trust Services Criteria', () => {
    const COUNTS: Record<string, number> = {
        CC1: 5, CC2: 3, CC3: 4, CC4: 2, CC5: 3, CC6: 8, CC7: 5, CC8: 1, CC9: 2,
        A1: 3, C1: 2, PI1: 5, P1: 1, P2: 1, P3: 2, P4: 3, P5: 2, P6: 7, P7: 1, P8: 1
    };
    const expected = Object.entries(COUNTS).flatMap(([series, count]) => Array.from({ length: count }, (_, i) => `${series}.${i + 1}`));

    it('has the 33 common criteria and the 28 additional criteria, and nothing else', () => {
        expect(clauses(SOC2).filter(clause => clause.startsWith('CC'))).toHaveLength(33);
        expect(sorted(clauses(SOC2))).toEqual(sorted(expected));
    });

    it('lists every series the criteria belong to, and no empty one', () => {
        expect(SOC2_SERIES.map(s => s.series)).toEqual(Object.keys(COUNTS));
    });
});

describe('PCI DSS v4.0.1', () => {
    it('has the roles-and-responsibilities item of every principal requirement', () => {
        const roleItems = Array.from({ length: 11 }, (_, i) => `${i + 1}.1.2`);
        expect(roleItems.filter(clause => !clauses(PCI_DSS).includes(clause))).toEqual([]);
        expect(clauses(PCI_DSS)).toContain('12.1.3');
        expect(titleOf(PCI_DSS, '7.1.2')).toMatch(/^Roles for requirement 7 activities .* documented, assigned and understood$/);
    });

    it('has all of requirement 12, accurately numbered', () => {
        expect(clauses(PCI_DSS).filter(clause => clause.startsWith('12.'))).toEqual([
            '12.1', '12.1.1', '12.1.2', '12.1.3', '12.1.4', '12.2', '12.2.1',
            '12.3', '12.3.1', '12.3.2', '12.3.3', '12.3.4', '12.4', '12.4.1', '12.4.2', '12.4.2.1',
            '12.5', '12.5.1', '12.5.2', '12.5.2.1', '12.5.3', '12.6', '12.6.1', '12.6.2', '12.6.3', '12.6.3.1', '12.6.3.2',
            '12.7', '12.7.1', '12.8', '12.8.1', '12.8.2', '12.8.3', '12.8.4', '12.8.5', '12.9', '12.9.1', '12.9.2',
            '12.10', '12.10.1', '12.10.2', '12.10.3', '12.10.4', '12.10.4.1', '12.10.5', '12.10.6', '12.10.7'
        ]);
        expect(PCI_DSS.requirements).toHaveLength(11 + 47);
        expect(PCI_DSS_PRINCIPAL_REQUIREMENTS.map(r => r.number)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}`));
    });
});

describe('HIPAA Security Rule', () => {
    const standards = HIPAA.requirements.filter(r => r.parent === undefined);
    const specifications = HIPAA.requirements.filter(r => r.parent !== undefined);

    it('has every standard and implementation specification of 164.308 to 164.316', () => {
        const perSection = (list: typeof standards) => Object.fromEntries(
            HIPAA_SECTIONS.map(({ section }) => [section, list.filter(r => r.clause.startsWith(`${section}(`)).length]));
        expect(perSection(standards)).toEqual({ '164.308': 10, '164.310': 4, '164.312': 5, '164.314': 2, '164.316': 2 });
        expect(perSection(specifications)).toEqual({ '164.308': 21, '164.310': 8, '164.312': 7, '164.314': 4, '164.316': 3 });
        for (const clause of ['164.308(a)(1)', '164.308(a)(1)(ii)(A)', '164.308(a)(6)(ii)', '164.312(a)(2)(iv)', '164.316(b)(2)(iii)']) {
            expect(clauses(HIPAA)).toContain(clause);
        }
    });

    it('says in the title whether a specification is required or addressable', () => {
        const marked = (word: string) => specifications.filter(r => r.title.includes(`(${word})`)).length;
        expect(specifications.filter(r => !/\((required|addressable)\)/.test(r.title))).toEqual([]);
        expect([marked('required'), marked('addressable')]).toEqual([21, 22]);
        expect(titleOf(HIPAA, '164.312(a)(2)(iv)')).toMatch(/^Encryption and decryption \(addressable\)/);
        expect(titleOf(HIPAA, '164.308(a)(1)(ii)(A)')).toMatch(/^Risk analysis \(required\)/);
        // Every standard says it is one, except 164.308(a)(2), whose title predates this catalogue.
        expect(standards.filter(r => !r.title.includes('(standard)')).map(r => r.clause)).toEqual(['164.308(a)(2)']);
    });
});

describe('NIS2 and DORA', () => {
    it('NIS2 has Article 20, 21(1) and the ten measures of 21(2)', () => {
        const measures = 'abcdefghij'.split('').map(letter => `21(2)(${letter})`);
        expect(clauses(NIS2)).toEqual(['20', '20(1)', '20(2)', '21', '21(1)', '21(2)', ...measures]);
        expect(NIS2.requirements.filter(r => r.clause.startsWith('21(2)(')).every(r => r.parent === '21(2)')).toBe(true);
    });

    it('DORA has Article 5 with the nine management-body duties of 5(2)', () => {
        const duties = 'abcdefghi'.split('').map(letter => `5(2)(${letter})`);
        expect(clauses(DORA)).toEqual(['5', '5(1)', '5(2)', ...duties, '5(3)', '5(4)']);
        expect(titleOf(DORA, '5(4)')).toMatch(/training/);
    });
});
