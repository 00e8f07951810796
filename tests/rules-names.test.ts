/**
 * name-reserved: `everyone` and `nobody` parse as names, but where a reference could stand the
 * language reads them as the keyword. Every kind of named declaration is reported, at its name;
 * other name keywords (`training`, `owner`) remain good names. Fixed as-of date.
 */
import { describe, expect, it } from 'vitest';
import { check, CLEAN_POLICY, where } from './helpers.js';

describe('name-reserved', () => {
    it('reports a declaration of any kind named everyone or nobody, at its name', async () => {
        const findings = await check({
            ...CLEAN_POLICY,
            'extra.mandate': [
                'person nobody "Nobody (placeholder)" { employed since 2020-01-01 }',
                'role everyone "All engineers" { reports to ciso }',
                'responsibility nobody-else "Nobody else" { satisfies ISO27001:A.5.2 }',
                'training everyone-trained "Everyone" { audience everyone }'
            ].join('\n') + '\n'
        });
        expect(where(findings, 'name-reserved')).toEqual(['extra.mandate:1', 'extra.mandate:2']);
        expect(findings.filter(finding => finding.rule === 'name-reserved').map(finding => finding.column)).toEqual([8, 6]);
        const message = findings.find(finding => finding.rule === 'name-reserved' && finding.line === 1)?.message;
        expect(message).toContain('`nobody` cannot be a name');
        expect(message).toContain('`nobody-person`');
    });

    it('leaves the other words that may be names alone', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'extra.mandate': 'role owner "Owner" { reports to ciso }\nrole training "Training team" { reports to ciso }\n' });
        expect(where(findings, 'name-reserved')).toEqual([]);
    });
});
