/**
 * "Did you mean" for requirement IDs (language/standards/requirement-suggestions.ts): only close
 * spellings of an ID of the same framework, never another number, and the ISO/IEC 27001:2013
 * Annex A numbers recognised as such. The issue that asked for this: A.5.24 was offered A.5.2,
 * 6.1.3 was offered 5.1 and 9.2 was offered 7.2, and the quick fix would have applied them.
 */
import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../language/standards/catalogue.js';
import { LEGACY_ISO27001 } from '../language/standards/frameworks/iso27001-2013.js';
import { BUILT_IN_CATALOGUE, RequirementCatalogue } from '../language/standards/requirement-catalogue.js';
import { clauseTokens, spellingKey } from '../language/standards/requirement-spelling.js';
import { MAX_SUGGESTIONS } from '../language/standards/requirement-suggestions.js';
import { suggestRequirements } from '../language/standards/requirements.js';
import { check, CLEAN_POLICY } from './helpers.js';

const suggested = (id: string, catalogue = BUILT_IN_CATALOGUE) => catalogue.suggest(id).map(suggestion => suggestion.requirement.id);
const intended = (id: string, catalogue = BUILT_IN_CATALOGUE) => catalogue.intendedSpelling(id)?.id;

/** A catalogue with one framework of the organization's own, for cases the built-in data cannot show. */
function ownCatalogue(prefix: string, clauses: readonly string[]): RequirementCatalogue {
    return new RequirementCatalogue([{ prefix, name: `${prefix} controls`, origin: 'policy', requirements: clauses.map(clause => ({ clause, title: `Control ${clause}` })) }]);
}

describe('suggestions that keep the meaning', () => {
    it.each([
        ['ISO27001:5.3b', 'ISO27001:5.3(b)'],
        ['ISO27001:5.3(B)', 'ISO27001:5.3(b)'],
        ['ISO27001:a.5.3', 'ISO27001:A.5.3'],
        ['iso27001:a.5.3', 'ISO27001:A.5.3'],
        ['ISO-IEC-27001:A.5.24', 'ISO27001:A.5.24'],
        ['NIST-CSF:GV.RR-2', 'NIST-CSF:GV.RR-02'],
        ['NIST-CSF:GV.RR02', 'NIST-CSF:GV.RR-02'],
        ['nist-csf:gv.rr-02', 'NIST-CSF:GV.RR-02'],
        ['SOC2:CC.1.3', 'SOC2:CC1.3'],
        ['PCI-DSS:12.01.3', 'PCI-DSS:12.1.3'],
        ['HIPAA:164.308(a)(1)(i)', 'HIPAA:164.308(a)(1)'],
        ['NIS2:Art.21(2)(d)', 'NIS2:21(2)(d)'],
        ['DORA:Art.5(2)(a)', 'DORA:5(2)(a)']
    ])('%s is clearly %s (case, punctuation, leading zeros)', (written, meant) => {
        expect(suggested(written)).toEqual([meant]);
        expect(intended(written)).toBe(meant);
    });

    it.each([
        ['ISO27001:A.524', 'ISO27001:A.5.24', 'a missing dot'],
        ['ISO27001:6.13', 'ISO27001:6.1.3', 'a missing dot'],
        ['ISO27001:A.5.2.4', 'ISO27001:A.5.24', 'an extra dot'],
        ['ISO27001:5.24', 'ISO27001:A.5.24', 'the Annex A number without its A.'],
        ['ISO27001:8.8', 'ISO27001:A.8.8', 'the Annex A number without its A.'],
        ['PCI-DSS:12.101', 'PCI-DSS:12.10.1', 'a missing dot'],
        ['ISO27002:5.24', 'ISO27001:A.5.24', 'the ISO/IEC 27002 number of the control'],
        ['ISO2700:5.3', 'ISO27001:5.3', 'a misspelt framework'],
        ['HIPPA:164.308(a)(2)', 'HIPAA:164.308(a)(2)', 'a misspelt framework'],
        ['NSIT-CSF:GV.RR-02', 'NIST-CSF:GV.RR-02', 'a misspelt framework'],
        ['PCI:12.1.3', 'PCI-DSS:12.1.3', 'a shortened framework'],
        ['NIST:GV.RR-02', 'NIST-CSF:GV.RR-02', 'a shortened framework']
    ])('%s is offered %s (%s), but not applied by itself', (written, meant) => {
        expect(suggested(written)).toEqual([meant]);
        expect(intended(written)).toBeUndefined();
    });

    it('offers at most three candidates, best first, and applies none of them', () => {
        const catalogue = ownCatalogue('ACME', ['CONTROLA-01', 'CONTROLB-01', 'CONTROLC-01', 'CONTROLD-01', 'CONTROLA-02']);
        expect(suggested('ACME:CONTROLX-01', catalogue)).toEqual(['ACME:CONTROLA-01', 'ACME:CONTROLB-01', 'ACME:CONTROLC-01']);
        expect(MAX_SUGGESTIONS).toBe(3);
        expect(intended('ACME:CONTROLX-01', catalogue)).toBeUndefined();
        // A long code tolerates more than one slip; an exact spelling ranks before any typo.
        const words = ownCatalogue('ACME', ['ACCESS-REVIEW', 'ACCESS-REVOKE']);
        expect(suggested('ACME:ACESS-REVEIW', words)).toEqual(['ACME:ACCESS-REVIEW']);
        expect(suggested('ACME:access-review', words)).toEqual(['ACME:ACCESS-REVIEW']);
        expect(intended('ACME:access-review', words)).toBe('ACME:ACCESS-REVIEW');
    });

    it('suggests nothing for an ID that exists, and the old helper returns the list', () => {
        expect(suggested('ISO27001:5.3(b)')).toEqual([]);
        expect(suggestRequirements('ISO27001:5.3b').map(requirement => requirement.id)).toEqual(['ISO27001:5.3(b)']);
    });
});

describe('suggestions that would change the meaning are never offered', () => {
    it('does not turn a number into another number', () => {
        // The issue's cases, against a catalogue that lacks the cited control as the old one did.
        const partial = ownCatalogue('ISO', ['5.1', '5.3', '7.2', '7.3', 'A.5.2', 'A.5.3']);
        expect(suggested('ISO:A.5.24', partial)).toEqual([]);
        expect(suggested('ISO:6.1.3', partial)).toEqual([]);
        expect(suggested('ISO:9.2', partial)).toEqual([]);
        expect(suggested('ISO:5.3(c)', partial)).toEqual([]);
    });

    it.each([
        'ISO27001:9.4', 'ISO27001:9.2.3', 'ISO27001:6.1.4', 'ISO27001:5.3(c)', 'ISO27001:5.3c', 'ISO27001:A.5.38', 'ISO27001:A.5.24x', 'ISO27001:A.9.2',
        'NIST-CSF:GV.RR-05', 'NIST-CSF:RS.MA-06', 'NIST-CSF:GV.RM-02x', 'NIST-CSF:ID.MA-01', 'SOC2:CC1.6', 'SOC2:C1.3', 'SOC2:CC10.1',
        'PCI-DSS:13.1.2', 'HIPAA:164.308(a)(9)', 'NIS2:21(2)(k)', 'DORA:5(3)',
        'ISO27017:A.5.24', 'SOC3:CC1.3', 'NIS:21(2)(d)', 'ISO:5.3', 'FOO:BAR', 'NIST:AC-2',
        // A code is an abbreviation, every letter of it meaningful (tests/requirement-suggestion-codes.test.ts has more).
        'NIST-CSF:GV.RRR-02', 'NIST-CSF:PR.AC-4', 'SOC2:CX1.1', 'SOC2:AA1.1',
        // PCI DSS 3.2.1 had a 12.11 (quarterly reviews by service providers), which is not 12.1.1 with a dot missing.
        'PCI-DSS:12.11',
        // NIS is the EU's NIS Directive, not a shortened NIST-CSF.
        'NIS:GV.RR-02'
    ])('offers nothing for %s', written => {
        expect(suggested(written)).toEqual([]);
    });

    it('never offers an ID whose numbers differ from the ones written (every one-digit slip of every ID)', () => {
        const numbers = (id: string) => clauseTokens(id.slice(id.indexOf(':') + 1)).filter(token => /^[0-9]/.test(token.text)).map(token => token.text).join('');
        const offences: string[] = [];
        for (const { id } of REQUIREMENTS) {
            const at = id.indexOf(':') + 1;
            const slips = new Set<string>();
            for (let i = at; i < id.length; i++) {
                if (!/[0-9]/.test(id[i])) continue;
                slips.add(id.slice(0, i) + id.slice(i + 1));
                for (const digit of '0123456789') slips.add(id.slice(0, i) + digit + id.slice(i + 1));
                slips.add(id.slice(0, i) + id[i] + id.slice(i));
            }
            for (const slip of slips) {
                if (BUILT_IN_CATALOGUE.find(slip) || BUILT_IN_CATALOGUE.legacy(slip)) continue;
                for (const candidate of suggested(slip)) {
                    if (numbers(candidate) !== numbers(slip)) offences.push(`${slip} → ${candidate}`);
                }
            }
        }
        expect(offences).toEqual([]);
    });

    it('keeps every two IDs of a framework apart, so a clear spelling names one of them', () => {
        const clashes: string[] = [];
        for (const framework of BUILT_IN_CATALOGUE.frameworks) {
            const seen = new Map<string, string>();
            for (const requirement of BUILT_IN_CATALOGUE.requirementsOf(framework.prefix)) {
                const key = spellingKey(clauseTokens(requirement.clause));
                if (seen.has(key)) clashes.push(`${seen.get(key)} / ${requirement.id}`);
                seen.set(key, requirement.id);
            }
        }
        expect(clashes).toEqual([]);
    });
});

describe('ISO/IEC 27001:2013 Annex A numbers', () => {
    it('are recognised and mapped to their 2022 controls, which are in the catalogue', () => {
        expect(BUILT_IN_CATALOGUE.legacy('ISO27001:A.16.1.1')?.mapsTo.map(requirement => requirement.id)).toEqual(['ISO27001:A.5.24']);
        expect(BUILT_IN_CATALOGUE.legacy('ISO27001:A.18.2.3')?.mapsTo.map(requirement => requirement.id)).toEqual(['ISO27001:A.5.36', 'ISO27001:A.8.8']);
        expect(BUILT_IN_CATALOGUE.legacy('ISO27001:a.16.1.01')?.id).toBe('ISO27001:A.16.1.1');
        expect(BUILT_IN_CATALOGUE.legacy('ISO27001:16.1.1')?.id).toBe('ISO27001:A.16.1.1');
        expect(BUILT_IN_CATALOGUE.legacy('ISO27001:A.5.24')).toBeUndefined();
        expect(LEGACY_ISO27001.filter(control => BUILT_IN_CATALOGUE.legacy(control.id)?.mapsTo.length !== control.mapsTo.length).map(control => control.id)).toEqual([]);
    });

    it('are never respelt as a 2022 number: A.5.1.1 (policies) is not A.5.11 (return of assets)', () => {
        expect(suggested('ISO27001:A.5.1.1')).toEqual([]);
        expect(BUILT_IN_CATALOGUE.legacy('ISO27001:A.5.1.1')?.mapsTo.map(requirement => requirement.id)).toEqual(['ISO27001:A.5.1']);
    });
});

describe('requirement-unknown messages', () => {
    async function messageFor(id: string): Promise<string | undefined> {
        const text = `responsibility r "R" { satisfies ${id} }\n`;
        return (await check({ ...CLEAN_POLICY, 'more.mandate': text })).find(finding => finding.rule === 'requirement-unknown')?.message;
    }

    it('names the 2022 control, with its title, of a 2013 number', async () => {
        expect(await messageFor('ISO27001:A.16.1.1')).toBe("'ISO27001:A.16.1.1' is not in the standards catalogue: A.16.1.1 is an ISO/IEC 27001:2013 control number "
            + '("Incident management responsibilities and procedures"); in ISO/IEC 27001:2022 it is ISO27001:A.5.24 '
            + '(Incident management is planned, with roles, responsibilities and processes).');
        expect(await messageFor('ISO27001:A.18.2.3')).toMatch(/it became ISO27001:A\.5\.36 \(.+\) and ISO27001:A\.8\.8 \(.+\): cite the one\(s\) this meets\.$/);
    });

    it('offers the close spellings with their titles, or says where to look', async () => {
        expect(await messageFor('NIST-CSF:GV.RR-2')).toBe("'NIST-CSF:GV.RR-2' is not a requirement of NIST Cybersecurity Framework 2.0 in the standards catalogue. "
            + 'Did you mean NIST-CSF:GV.RR-02 (Cybersecurity roles, responsibilities and authorities are set, communicated and enforced)?');
        expect(await messageFor('ACME:AX-01')).toMatch(/^'ACME:AX-01' is not in the standards catalogue: no framework has the prefix 'ACME'\. The catalogue's frameworks are ISO27001, NIST-CSF, SOC2, PCI-DSS, HIPAA, NIS2 and DORA; .*`framework ACME "Name" \{ requirement ACME:AX-01 "Title" \}`\.$/);
        const nothingClose = await messageFor('ISO27001:9.4');
        expect(nothingClose).toBe("'ISO27001:9.4' is not a requirement of ISO/IEC 27001:2022 in the standards catalogue. "
            + 'Use completion after `satisfies`, or `mandate catalogue --framework ISO27001`, to find the ID.');
    });
});

describe('the whole catalogue can be cited', () => {
    it('has no requirement-unknown for every ISO 27001:2022 clause and Annex A control, NIST CSF 2.0 subcategory and SOC 2 common criterion', async () => {
        const of = (prefix: string, keep: (clause: string) => boolean) => REQUIREMENTS.filter(requirement => requirement.framework === prefix && keep(requirement.clause)).map(requirement => requirement.id);
        const iso = of('ISO27001', () => true);
        const csf = of('NIST-CSF', clause => clause.includes('-'));
        const soc2 = of('SOC2', clause => clause.startsWith('CC'));
        expect([iso.filter(id => id.includes(':A.')).length, csf.length, soc2.length]).toEqual([93, 106, 33]);
        const everything = REQUIREMENTS.map(requirement => requirement.id);
        const policy = [iso, csf, soc2, everything].map((ids, index) => `responsibility cites-${index} "Cites" {\n    satisfies ${ids.join(',\n        ')}\n}\n`).join('');
        const findings = await check({ ...CLEAN_POLICY, 'citations.mandate': policy });
        expect(findings.filter(finding => finding.rule === 'requirement-unknown' || finding.rule.endsWith('-error')).map(finding => finding.message)).toEqual([]);
    });
});
