import { describe, expect, it } from 'vitest';
import { check, CISO_DUTIES, CLEAN_POLICY, where, withEdit } from './helpers.js';

const unannounced = (comment = '') => withEdit('people.mandate', text => text
    .replace(/\s*announced .*/, '')
    .replace('assign jane to ciso', `${comment}assign jane to ciso`));

describe('// mandate-ignore', () => {
    it('turns the finding of the next declaration into an accepted exception with its justification', async () => {
        const findings = await check(unannounced('// mandate-ignore assignment-not-communicated: announced in person at the 2024 kick-off\n'));
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({
            rule: 'assignment-not-communicated', severity: 'hint', line: 7,
            suppressed: { justification: 'announced in person at the 2024 kick-off' }
        });
        expect(findings[0].message).toMatch(/^The appointment of 'jane'/);
    });

    it('works at the end of the line it concerns, and covers the whole declaration below it', async () => {
        const sameLine = await check(withEdit('people.mandate', text => text.replace(/\s*announced .*/, '')
            .replace('appointed by board {', 'appointed by board { // mandate-ignore assignment-not-communicated: see HR-1')));
        expect(sameLine.map(finding => finding.suppressed?.justification)).toEqual(['see HR-1']);
        const roleWide = await check(withEdit('roles.mandate', text => text
            .replace(CISO_DUTIES, 'responsible for isms-conformance\n    accountable for isms-conformance')
            .replace('role ciso', '// mandate-ignore ciso-reporting-missing: the board receives reports from the ISMS manager\nrole ciso')),
        '2025-06-30');
        expect(roleWide.filter(finding => finding.rule === 'ciso-reporting-missing').map(finding => finding.severity)).toEqual(['hint']);
    });

    it('suppresses only the named rule', async () => {
        const findings = await check(unannounced('// mandate-ignore assignment-date-missing: wrong rule\n'));
        expect(where(findings, 'assignment-not-communicated')).toEqual(['people.mandate:7']);
        expect(findings.find(finding => finding.rule === 'assignment-not-communicated')?.severity).toBe('warning');
        expect(where(findings, 'suppression-unused')).toEqual(['people.mandate:6']);
    });

    it('warns about a suppression without justification, but still accepts the exception', async () => {
        const findings = await check(unannounced('// mandate-ignore assignment-not-communicated\n'));
        expect(findings.map(finding => [finding.rule, finding.severity])).toEqual([
            ['suppression-justification-missing', 'warning'], ['assignment-not-communicated', 'hint']
        ]);
    });

    it('warns about unused suppressions and unknown rule IDs', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'extra.mandate': '// mandate-ignore ciso-vacant: not needed\nperson bob "Bob"\n// mandate-ignore no-such-rule: typo\nperson eve "Eve"\n' });
        expect(findings.map(finding => [finding.rule, finding.line])).toEqual([['suppression-unused', 1], ['suppression-unused', 3]]);
        expect(findings[1].message).toContain("'no-such-rule' is not a rule ID");
    });

    it('says nothing about a suppression of a rule that is off: an off rule is not run, so nobody knows what it would report', async () => {
        const files = { ...CLEAN_POLICY, 'extra.mandate': '// mandate-ignore ciso-vacant: not needed\nperson bob "Bob"\n' };
        expect(await check(files, undefined, '{ "rules": { "ciso-vacant": "off" } }')).toEqual([]);
        expect((await check(files, undefined, '{ "rules": { "ciso-vacant": "error" } }')).map(finding => finding.rule)).toEqual(['suppression-unused']);
    });

    it('accepts workspace-wide findings on the organization', async () => {
        const files = withEdit('roles.mandate', text => text.replace('designated CISO', ''));
        files['organization.mandate'] = files['organization.mandate'].replace('organization acme', '// mandate-ignore ciso-missing: CISO recruitment under way, interim cover by the CEO\norganization acme');
        const findings = await check(files);
        expect(findings.find(finding => finding.rule === 'ciso-missing')?.suppressed?.justification).toMatch(/recruitment/);
    });
});

describe('mandate.config.json severities', () => {
    it('changes a rule\'s severity or switches it off', async () => {
        const findings = await check(unannounced(), undefined, '{ "rules": { "assignment-not-communicated": "error" } }');
        expect(findings.map(finding => [finding.rule, finding.severity])).toEqual([['assignment-not-communicated', 'error']]);
        expect(await check(unannounced(), undefined, '{ "rules": { "assignment-not-communicated": { "severity": "off" } } }')).toEqual([]);
    });
});
