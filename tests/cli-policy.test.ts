// The bundled CLI (out/cli/main.cjs; `npm run bundle` before running this file alone) on an emptied
// policy, on a folder without policy, and its listing of an opt-in rule. Every run passes --as-of.
import { describe, expect, it } from 'vitest';
import { mandate, ROOT, temporaryWorkspaces } from './cli-helpers.js';

const AS_OF = '2025-06-30';

const workspace = temporaryWorkspaces('mandate-cli-policy-');

const EMPTIED = { 'policy/organization.mandate': '// Emptied: the declarations were deleted.\n', 'policy/roles.mandate': '' };

describe('mandate check on an emptied policy', () => {
    it('exits 1 and prints the policy-empty error at file:1:1', async () => {
        const folder = await workspace(EMPTIED);
        const run = mandate(folder, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^policy[/\\]organization\.mandate:1:1 {2}error {2}policy-empty {2}None of the 2 \.mandate files/);
        expect(lines.at(-1)).toBe('1 error, 0 warnings, 0 notes in 2 files');
    });

    it('reports it in JSON and SARIF too', async () => {
        const folder = await workspace(EMPTIED);
        const json = mandate(folder, 'check', '--format', 'json', '--as-of', AS_OF);
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout).map((finding: { rule: string; line: number; severity: string }) => [finding.rule, finding.line, finding.severity]))
            .toEqual([['policy-empty', 1, 'error']]);
        const sarif = mandate(folder, 'check', '--format', 'sarif', '--as-of', AS_OF);
        expect(sarif.code).toBe(1);
        expect(JSON.parse(sarif.stdout).runs[0].results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]))
            .toEqual([['policy-empty', 'error']]);
        // The rule catalogue in SARIF marks the opt-in rule as disabled by default.
        const descriptors = JSON.parse(sarif.stdout).runs[0].tool.driver.rules as Array<{ id: string; defaultConfiguration: object }>;
        expect(descriptors.find(rule => rule.id === 'role-acknowledgement-missing')?.defaultConfiguration).toEqual({ enabled: false, level: 'warning' });
        expect(descriptors.find(rule => rule.id === 'policy-empty')?.defaultConfiguration).toEqual({ level: 'error' });
    });

    it('stops reporting it once something is declared', async () => {
        const folder = await workspace({ ...EMPTIED, 'policy/roles.mandate': 'role ciso "CISO"\n' });
        const run = mandate(folder, 'check', '--format', 'json', '--as-of', AS_OF);
        expect(JSON.parse(run.stdout).map((finding: { rule: string }) => finding.rule)).not.toContain('policy-empty');
    });

    it('exits 2 with one clear line when the folder has no .mandate file at all', async () => {
        const folder = await workspace({ 'README.md': '# policy moved\n' });
        const run = mandate(folder, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe('mandate: no .mandate files found in .\n');
        expect(mandate(folder, 'report', '--as-of', AS_OF).code).toBe(2);
    });
});

describe('mandate report on an emptied policy', () => {
    it('is never green: the error is in the findings and clause 5.3 is not met', async () => {
        const folder = await workspace(EMPTIED);
        const json = mandate(folder, 'report', '--format', 'json', '--as-of', AS_OF);
        expect(json.code).toBe(0);
        const report = JSON.parse(json.stdout);
        expect(report.summary.errors).toBe(1);
        expect(report.summary.clause53).toBe('not-met');
        expect(report.findings.map((finding: { rule: string }) => finding.rule)).toEqual(['policy-empty']);
        const markdown = mandate(folder, 'report', '--as-of', AS_OF).stdout;
        expect(markdown).toMatch(/\*\*Findings:\*\* \*\*❌ 1 problem\*\* \(1 error/);
        expect(markdown).toContain('`policy-empty`');
    });
});

describe('mandate rules and config-schema on an opt-in rule', () => {
    it('lists role-acknowledgement-missing and directory-person-unlisted as off by default, and every other rule as on', () => {
        const text = mandate(ROOT, 'rules').stdout;
        const line = text.split('\n').find(candidate => candidate.startsWith('role-acknowledgement-missing '));
        expect(line).toMatch(/^role-acknowledgement-missing +off +communication +.*Off by default; give it a severity in mandate\.config\.json to enable it \(warning when enabled\)\./);
        const json = JSON.parse(mandate(ROOT, 'rules', '--format', 'json').stdout) as Array<{ id: string; severity: string; enabledByDefault: boolean }>;
        expect(json.filter(rule => !rule.enabledByDefault).map(rule => [rule.id, rule.severity])).toEqual([['role-acknowledgement-missing', 'warning'], ['directory-person-unlisted', 'warning']]);
        expect(json.find(rule => rule.id === 'policy-empty')).toMatchObject({ severity: 'error', enabledByDefault: true });
    });

    it('says so in the schema of mandate.config.json', () => {
        const schema = JSON.parse(mandate(ROOT, 'config-schema').stdout);
        expect(schema.properties.rules.properties['role-acknowledgement-missing'].description)
            .toMatch(/Default severity: off \(warning when enabled\); set a severity to enable it\.$/);
        expect(schema.properties.rules.properties['policy-empty'].description).toMatch(/Default severity: error\.$/);
    });
});
