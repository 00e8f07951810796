/**
 * Suggestions that must not change what an ID means, beyond its numbers (tests/requirement-suggestions.test.ts):
 * a code is an abbreviation, so `NIST-CSF:PR.AC-4` (CSF 1.1's access control) was offered PR.AA-04 and
 * PR.PT-1 (protective technology) PR.AT-01 (awareness training); CSF 1.1 numbers are now recognised
 * as such. A framework prefix alone is read one way everywhere: `claims NIST` was offered NIS2, the EU
 * directive, while `NIST:GV.RR-02` was offered NIST-CSF. And a statement of applicability explains an
 * ISO/IEC 27001:2013 number as requirement-unknown does, with its 2022 control.
 */
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../language/standards/catalogue.js';
import { NIST_CSF_1_1_CATEGORIES } from '../language/standards/frameworks/nist-csf-1-1.js';
import { BUILT_IN_CATALOGUE, RequirementCatalogue } from '../language/standards/requirement-catalogue.js';
import { clauseTokens } from '../language/standards/requirement-spelling.js';
import { unknownRequirementHint } from '../language/standards/unknown-requirement.js';
import { check, CLEAN_POLICY } from './helpers.js';

const suggested = (id: string) => BUILT_IN_CATALOGUE.suggest(id).map(suggestion => suggestion.requirement.id);

async function findingMessages(rule: string, files: Record<string, string>): Promise<string[]> {
    return (await check({ ...CLEAN_POLICY, ...files })).filter(finding => finding.rule === rule).map(finding => finding.message);
}

const unknownMessage = async (id: string) => (await findingMessages('requirement-unknown', { 'more.mandate': `responsibility r "R" { satisfies ${id} }\n` }))[0];

describe('a suggestion never changes a code', () => {
    it.each(['NIST-CSF:PR.PT-1', 'NIST-CSF:PR.IP-1', 'NIST-CSF:PR.AC-4', 'NIST-CSF:PR.AC-1'])('offers no other category for %s (the tester\'s cases)', async id => {
        expect(suggested(id)).toEqual([]);
        const message = await unknownMessage(id);
        expect(message).toContain('NIST CSF 1.1 numbering');
        expect(message).not.toContain('Did you mean');
        expect(message.match(/NIST-CSF:/g)).toHaveLength(1); // the ID written, and no 2.0 one
    });

    it('never offers an ID whose codes differ from the ones written (every one-letter slip of every code of every ID)', () => {
        const codes = (id: string) => clauseTokens(id.slice(id.indexOf(':') + 1)).filter(token => !token.fixed).map(token => token.text).join('.');
        const offences: string[] = [];
        for (const { id } of REQUIREMENTS) {
            const at = id.indexOf(':') + 1;
            const slips = new Set<string>();
            for (let i = at; i < id.length; i++) {
                if (!/[A-Z]/.test(id[i]) || /[0-9(]/.test(id[i - 1])) continue; // items such as (b) are checked as numbers
                slips.add(id.slice(0, i) + id.slice(i + 1));
                slips.add(id.slice(0, i) + id[i] + id.slice(i));
                for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') slips.add(id.slice(0, i) + letter + id.slice(i + 1));
            }
            for (const slip of slips) {
                if (BUILT_IN_CATALOGUE.find(slip) || BUILT_IN_CATALOGUE.legacy(slip)) continue;
                for (const candidate of suggested(slip)) {
                    // The one code that may be missing: ISO/IEC 27001's clauses have no 5.24, so it is Annex A's (documented).
                    const annexWithoutA = candidate.startsWith('ISO27001:A.') && codes(candidate) === ['A', codes(slip)].filter(Boolean).join('.');
                    if (codes(candidate) !== codes(slip) && !annexWithoutA) offences.push(`${slip} → ${candidate}`);
                }
            }
        }
        expect(offences).toEqual([]);
    });

    it('still offers a misspelt word of an organization\'s own codes, which is not an abbreviation', () => {
        const own = new RequirementCatalogue([{ prefix: 'ACME', name: 'Acme', origin: 'policy', requirements: [{ clause: 'ACCESS-REVIEW', title: 'Access review' }, { clause: 'AC-01', title: 'Access' }] }]);
        expect(own.suggest('ACME:ACESS-REVEIW').map(suggestion => suggestion.requirement.id)).toEqual(['ACME:ACCESS-REVIEW']);
        expect(own.suggest('ACME:AX-01')).toEqual([]);
        expect(own.suggest('ACME:ACC-01')).toEqual([]);
    });
});

describe('NIST CSF 1.1 numbering', () => {
    it('knows the 23 categories and 108 subcategories of CSF 1.1, none of whose numbers CSF 2.0 cites as they were', () => {
        expect(NIST_CSF_1_1_CATEGORIES.length).toBe(23);
        expect(NIST_CSF_1_1_CATEGORIES.reduce((sum, [, , count]) => sum + count, 0)).toBe(108);
        for (const [code, , count] of NIST_CSF_1_1_CATEGORIES) {
            for (let number = 1; number <= count; number++) {
                const id = `NIST-CSF:${code}-${number}`;
                // Each is either kept by CSF 2.0 under its number (a spelling) or recognised as 1.1, never respelt.
                const kept = BUILT_IN_CATALOGUE.find(`NIST-CSF:${code}-${String(number).padStart(2, '0')}`);
                expect(kept ? suggested(id) : BUILT_IN_CATALOGUE.legacyNistCsf(id)?.id, id).toEqual(kept ? [kept.id] : `${code}-${number}`);
            }
        }
    });

    it.each([
        ['NIST-CSF:PR.AC-4', 'PR.AC-4'], ['NIST-CSF:pr.ac-04', 'PR.AC-4'], ['NIST:PR.PT-1', 'PR.PT-1'], ['NIST-CSF:PR.DS-3', 'PR.DS-3'],
        ['NIST-CSF:ID.AM-6', 'ID.AM-6'], ['NIST-CSF:PR.AC', 'PR.AC'], ['NIST-CSF:RS.IM-2', 'RS.IM-2']
    ])('recognises %s as CSF 1.1 %s', (written, old) => {
        expect(BUILT_IN_CATALOGUE.legacyNistCsf(written)?.id).toBe(old);
        expect(suggested(written)).toEqual([]);
    });

    it.each(['NIST-CSF:PR.DS-1', 'NIST-CSF:PR.DS-01', 'NIST-CSF:PR.AC-8', 'NIST-CSF:GV.RR-05', 'NIST-CSF:PR.AT', 'ISO27001:PR.AC-4', 'NIS2:PR.AC-4'])('does not call %s CSF 1.1 numbering', id => {
        expect(BUILT_IN_CATALOGUE.legacyNistCsf(id)).toBeUndefined();
    });

    it('says so in the message, with the 1.1 category, and names no 2.0 ID it cannot be sure of', async () => {
        expect(await unknownMessage('NIST-CSF:PR.PT-1')).toBe("'NIST-CSF:PR.PT-1' is not in the standards catalogue: PR.PT-1 looks like NIST CSF 1.1 numbering "
            + '(a subcategory of PR.PT, "Protective Technology"): CSF 2.0, which the catalogue follows, reorganised the 1.1 categories and subcategories, '
            + 'and no 2.0 ID has this number. Cite the CSF 2.0 subcategory this meets (`mandate catalogue --framework NIST-CSF` lists them).');
        expect(await unknownMessage('NIST-CSF:PR.AC')).toContain('PR.AC looks like a NIST CSF 1.1 category ("Identity Management, Authentication and Access Control")');
        // A number CSF 2.0 kept is a spelling of its 2.0 ID, offered as before.
        expect(await unknownMessage('NIST-CSF:PR.DS-1')).toContain('Did you mean NIST-CSF:PR.DS-01 (');
    });
});

describe('a framework prefix alone is read as requirement IDs read it', () => {
    it.each([
        ['NIST', 'NIST-CSF'], ['PCI', 'PCI-DSS'], ['nist-csf', 'NIST-CSF'], ['HIPPA', 'HIPAA'], ['ISO2701', 'ISO27001'],
        ['NIS', undefined], ['SOC', undefined], ['SOC3', undefined], ['ISO27017', undefined]
    ])('%s names %s', (prefix, framework) => {
        expect(BUILT_IN_CATALOGUE.closeFramework(prefix)?.prefix).toBe(framework);
        // The same answer as the suggestion for an ID under that prefix (one reading, not two).
        const clause = framework && BUILT_IN_CATALOGUE.requirementsOf(framework)[0].clause;
        if (clause) expect(suggested(`${prefix}:${clause}`)).toEqual([`${framework}:${clause}`]);
    });

    it('suggests NIST-CSF for `claims NIST` and PCI-DSS for `claims PCI`, and no other version for `claims NIS`', async () => {
        const claims = (framework: string) => findingMessages('applicability-invalid', { 'soa.mandate': `claims ${framework}\n` });
        expect(await claims('NIST')).toEqual(["'NIST' is not a framework in the catalogue. Did you mean NIST-CSF?"]);
        expect(await claims('PCI')).toEqual(["'PCI' is not a framework in the catalogue. Did you mean PCI-DSS?"]);
        expect(await claims('NIS')).toEqual([expect.stringMatching(/^'NIS' is not a framework in the catalogue\. Claim one of ISO27001, NIST-CSF, .*NIS2/)]);
    });
});

describe('a statement of applicability explains an unknown ID as requirement-unknown does', () => {
    const exclusion = async (framework: string, id: string) =>
        (await findingMessages('applicability-invalid', { 'soa.mandate': `claims ${framework} { not applicable ${id} "No premises" }\n` }))[0];

    it('names the 2022 control of an ISO/IEC 27001:2013 Annex A number', async () => {
        const message = await exclusion('ISO27001', 'ISO27001:A.11.1.1');
        expect(message).toBe("'ISO27001:A.11.1.1' is not a requirement in the standards catalogue, so it cannot be declared not applicable. "
            + 'A.11.1.1 is an ISO/IEC 27001:2013 control number ("Physical perimeters"); in ISO/IEC 27001:2022 it is ISO27001:A.7.1 ('
            + `${BUILT_IN_CATALOGUE.find('ISO27001:A.7.1')?.title}).`);
        // Word for word what requirement-unknown says of the same ID.
        expect(await unknownMessage('ISO27001:A.11.1.1')).toBe(`'ISO27001:A.11.1.1' is not in the standards catalogue:${unknownRequirementHint(BUILT_IN_CATALOGUE, 'ISO27001:A.11.1.1')}`);
        expect(message.endsWith(unknownRequirementHint(BUILT_IN_CATALOGUE, 'ISO27001:A.11.1.1'))).toBe(true);
    });

    it('asks for the control(s) that do not apply when the 2013 control was split, and recognises CSF 1.1 numbers', async () => {
        expect(await exclusion('ISO27001', 'ISO27001:A.18.2.3')).toMatch(/it became ISO27001:A\.5\.36 \(.+\) and ISO27001:A\.8\.8 \(.+\): declare not applicable the one\(s\) that do not apply\.$/);
        expect(await exclusion('NIST-CSF', 'NIST-CSF:PR.MA-1')).toMatch(/cannot be declared not applicable\. PR\.MA-1 looks like NIST CSF 1\.1 numbering \(a subcategory of PR\.MA, "Maintenance"\): .* Declare not applicable the CSF 2\.0 subcategory that does not apply/);
        expect(await exclusion('ISO27001', 'ISO27001:A.7.44')).not.toContain('Did you mean');
    });
});
