// The bundled CLI (out/cli/main.cjs; `npm run bundle` before running this file alone): a finding
// whose message names another declaration carries that place in JSON (`related`) and in SARIF
// (`relatedLocations`), as the editor's related information does, and `--redact` reaches it too.
import { describe, expect, it } from 'vitest';
import { mandate, temporaryWorkspaces } from './cli-helpers.js';

const AS_OF = '2025-06-30';

const workspace = temporaryWorkspaces('mandate-cli-related-');

/** Two teams declare the same person; each declaration's finding names the other's place. */
const TWO_TEAMS = {
    'policy.mandate': 'organization acme "Acme" {\n    top management board\n}\nrole board "Board"\n',
    'teams/a/people.mandate': '// Team A\nperson priya-nair "Priya Nair"\n',
    'teams/b/people.mandate': '// Team B\n\n\nperson priya-nair "Priya Nair" {\n    email "priya@acme.example"\n}\n'
};

interface JsonPlace { file: string; line: number; column: number; endLine: number; endColumn: number; message: string }
interface JsonFinding extends JsonPlace { rule: string; related?: JsonPlace[] }

function duplicates(stdout: string): JsonFinding[] {
    return (JSON.parse(stdout) as JsonFinding[]).filter(finding => finding.rule === 'duplicate-name');
}

describe('places a message names, outside the editor', () => {
    it('lists them under `related` in JSON, each at the other declaration\'s name', async () => {
        const folder = await workspace(TWO_TEAMS);
        const run = mandate(folder, 'check', '--format', 'json', '--as-of', AS_OF);
        expect(run.stderr).toBe('');
        const [first, second] = duplicates(run.stdout);
        expect(first).toMatchObject({ file: 'teams/a/people.mandate', line: 2, message: expect.stringContaining('teams/b/people.mandate:4') });
        expect(first.related).toEqual([{ file: 'teams/b/people.mandate', line: 4, column: 8, endLine: 4, endColumn: 18, message: expect.stringContaining('priya-nair') }]);
        expect(second).toMatchObject({ file: 'teams/b/people.mandate', line: 4, message: expect.stringContaining('teams/a/people.mandate:2') });
        expect(second.related).toEqual([{ file: 'teams/a/people.mandate', line: 2, column: 8, endLine: 2, endColumn: 18, message: expect.stringContaining('priya-nair') }]);
        // A finding that names no other place has no `related` key at all.
        const others = (JSON.parse(run.stdout) as JsonFinding[]).filter(finding => finding.rule !== 'duplicate-name');
        expect(others.length).toBeGreaterThan(0);
        for (const finding of others) expect(finding).not.toHaveProperty('related');
    });

    it('lists them as SARIF relatedLocations, relative to the source root', async () => {
        const folder = await workspace(TWO_TEAMS);
        const run = mandate(folder, 'check', '--format', 'sarif', '--as-of', AS_OF);
        const results = (JSON.parse(run.stdout).runs[0].results as Array<Record<string, any>>).filter(result => result.ruleId === 'duplicate-name');
        expect(results.map(result => result.relatedLocations)).toEqual([
            [{ id: 0, physicalLocation: { artifactLocation: { uri: 'teams/b/people.mandate', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 8, endLine: 4, endColumn: 18 } },
                message: { text: expect.stringContaining('priya-nair') } }],
            [{ id: 0, physicalLocation: { artifactLocation: { uri: 'teams/a/people.mandate', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 8, endLine: 2, endColumn: 18 } },
                message: { text: expect.stringContaining('priya-nair') } }]
        ]);
    });

    it('redacts their messages with the findings\' own', async () => {
        const folder = await workspace(TWO_TEAMS);
        for (const format of ['json', 'sarif']) {
            const redacted = mandate(folder, 'check', '--format', format, '--as-of', AS_OF, '--redact');
            expect(redacted.stdout).toMatch(/related/u);
            expect(redacted.stdout).not.toMatch(/priya|Priya|Nair/u);
        }
    });
});
