/**
 * `mandate query` through the bundled CLI: text for auditors, stable JSON with source locations,
 * `--explain` chains, what-if on its own date, and every usage or name error as one line with exit 2.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { mandate, temporaryWorkspaces } from './cli-helpers.js';
import { AS_OF } from './helpers.js';
import { QUERY_POLICY } from './query-fixture.js';

const workspace = temporaryWorkspaces('mandate-cli-query-');

/** Every key path of a JSON value (`holders[].person.name`), for the documentation check. */
function keyPaths(value: unknown, prefix = '', found = new Set<string>()): Set<string> {
    if (Array.isArray(value)) value.forEach(item => keyPaths(item, `${prefix}[]`, found));
    else if (typeof value === 'object' && value !== null) {
        for (const [key, item] of Object.entries(value)) {
            const path = prefix ? `${prefix}.${key}` : key;
            found.add(path);
            keyPaths(item, path, found);
        }
    }
    return found;
}

describe('mandate query (CLI)', { timeout: 180_000 }, () => {
    test('holders: text an auditor reads, with the tenure and the assignment\'s place', async () => {
        const folder = await workspace(QUERY_POLICY);
        const run = mandate(folder, 'query', 'holders', 'ciso', '--as-of', AS_OF);
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toBe('Holders of ciso (Chief Information Security Officer) on 2025-06-30:\n'
            + '  jane (Jane Doe): since 2024-01-01; first appointed 2022-01-01 (2 terms); appointed by board  (people.mandate:21:1)\n');
        const vacant = mandate(folder, 'query', 'holders', 'ciso', '--as-of', '2021-01-01');
        expect(vacant.stdout).toBe('Holders of ciso (Chief Information Security Officer) on 2021-01-01:\n  none: the role is VACANT\n'
            + 'Notes:\n  - ciso is first assigned on 2022-01-01\n');
    });

    test('may-perform --explain: one step a line, each with file:line:column', async () => {
        const folder = await workspace(QUERY_POLICY);
        const run = mandate(folder, 'query', 'may-perform', 'risk-assessment', '--as-of', AS_OF, '--explain');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('  ann (Ann Analyst)\n'
            + '      - deputy delegates risk-assessment to ann since 2025-02-01  (delegations.mandate:3:1)\n'
            + '        ← ciso delegates risk-assessment to deputy since 2025-01-01  (delegations.mandate:2:1)\n'
            + '        ← ciso is responsible for risk-assessment  (roles.mandate:5:5)\n');
        expect(run.stdout).toContain('Notes:\n  - the delegation of risk-assessment from ciso to bob ended on 2024-12-31: not in force on 2025-06-30 (delegations.mandate:4:1)\n');
        const short = mandate(folder, 'query', 'may-perform', 'risk-assessment', '--as-of', AS_OF);
        expect(short.stdout).toContain('      - ivan holds deputy as interim since 2025-04-01 until 2025-12-31, appointed by jane ← ciso delegates risk-assessment to deputy since 2025-01-01 ← ciso is responsible for risk-assessment\n');
    });

    test('JSON: a schema version, the answer, and workspace-relative places; every key is documented', async () => {
        const folder = await workspace(QUERY_POLICY);
        const docs = readFileSync(new URL('../docs/query.md', import.meta.url), 'utf8');
        const runs = [
            ['holders', 'deputy'], ['may-perform', 'monitoring'], ['may-appoint', 'analyst'], ['timeline', 'jane'], ['what-if', 'leaves', 'jane', '--on', '2025-07-01']
        ].map(args => mandate(folder, 'query', ...args, '--as-of', AS_OF, '--format', 'json'));
        for (const run of runs) {
            expect(run).toMatchObject({ code: 0, stderr: '' });
            const answer = JSON.parse(run.stdout);
            expect(answer.schemaVersion).toBe(1);
            // Each key (the last part of its path) is in a table; shared shapes are documented once.
            const keys = new Set([...keyPaths(answer)].map(path => path.slice(path.lastIndexOf('.') + 1).replace('[]', '')));
            for (const key of keys) expect(docs, `docs/query.md documents \`${key}\` (${answer.query})`).toContain(`\`${key}\``);
            const section = docs.split(/^### /m).find(part => part.split('\n')[0].includes(answer.query))!;
            for (const key of Object.keys(answer).filter(key => key !== 'schemaVersion')) expect(section, `${answer.query}: \`${key}\``).toContain(`\`${key}\``);
        }
        const holders = JSON.parse(runs[0].stdout);
        expect(holders).toMatchObject({ query: 'holders', date: AS_OF, vacant: false, role: { kind: 'role', name: 'deputy', source: { file: 'roles.mandate', line: 9, column: 1 } } });
        expect(holders.holders[0]).toMatchObject({ person: { name: 'ivan' }, capacity: 'interim', external: true, firm: 'Interim Partners' });
        const whatIf = JSON.parse(runs[4].stdout);
        expect(whatIf).toMatchObject({ query: 'what-if', date: '2025-07-01', lastDay: '2025-06-30', scenario: { kind: 'leaves', person: 'jane' } });
        expect(whatIf.vacated.map((role: { name: string }) => role.name)).toEqual(['ciso']);
    });

    test('what-if and timeline in text', async () => {
        const folder = await workspace(QUERY_POLICY);
        const run = mandate(folder, 'query', 'what-if', 'vacate', 'deputy', '--as-of', AS_OF);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('What if deputy (Deputy CISO) is vacated on 2025-06-30 (last day 2025-06-29), checked on 2025-06-30:\n'
            + 'Holdings ended:\n  ivan in deputy (Deputy CISO): the role becomes VACANT  (people.mandate:23:1)\nRoles vacant afterwards: deputy\n');
        const timeline = mandate(folder, 'query', 'timeline', 'jane', '--as-of', AS_OF);
        expect(timeline.stdout.split('\n').slice(0, 3)).toEqual([
            'Timeline of person jane (Jane Doe):',
            '  2020-01-01  employed           jane employed  (people.mandate:3:20)',
            '  2022-01-01  appointed          jane appointed to ciso, appointed by board  (people.mandate:18:27)'
        ]);
    });

    test('what-if places are the places check gives, in text and JSON', async () => {
        const lines = [
            'organization acme "Acme" { top management board }', 'role board "Board"', 'role ceo "CEO" { reports to board }',
            'role ciso "CISO" { designated CISO reports to ceo responsible for rep accountable for rep }',
            'responsibility rep "Report" { satisfies ISO27001:5.3(b), ISO27001:5.3(a) }',
            ...['alice', 'carol', 'dave'].map(name => `person ${name} "${name}" { employed since 2020-01-01 }`),
            'assign alice to board since 2020-01-01 appointed by board { announced 2020-01-01 via email to all-staff }',
            'assign carol to ceo since 2020-01-01 appointed by board { announced 2020-01-01 via email to all-staff }',
            'assign dave to ciso since 2025-04-01 appointed by carol { announced 2025-04-01 via email to all-staff }'
        ];
        const folder = await workspace({ 'p.mandate': `${lines.join('\n')}\n` });
        expect(mandate(folder, 'check', '--as-of', AS_OF).stdout).toContain('p.mandate:11:51  warning  appointment-authority');
        const text = mandate(folder, 'query', 'what-if', 'leaves', 'dave', '--as-of', AS_OF);
        expect(text.stdout).toContain('Findings resolved: none\n');
        expect(text.stdout).not.toContain('appointment-authority');
        const json = JSON.parse(mandate(folder, 'query', 'what-if', 'leaves', 'dave', '--as-of', AS_OF, '--format', 'json').stdout);
        const at = (list: Array<{ rule: string; source: { line: number; column: number } }>) => list.map(finding => `${finding.rule} ${finding.source.line}:${finding.source.column}`);
        expect(at(json.findingsResolved)).toEqual([]);
        expect(at(json.findingsAfter)).toContain('appointment-authority 11:51');
    });

    test('holders: a role whose assignment names an undeclared person is VACANT, with a note of the assignment, in text and JSON', async () => {
        const undeclared = await workspace({ ...QUERY_POLICY, 'ghost.mandate': 'role auditor "Auditor"\nassign ghost to auditor since 2024-01-01 appointed by board\n' });
        const holders = mandate(undeclared, 'query', 'holders', 'auditor', '--as-of', AS_OF);
        expect(holders.stdout).toBe('Holders of auditor (Auditor) on 2025-06-30:\n  none: the role is VACANT\nNotes:\n'
            + "  - an assignment to auditor in force on 2025-06-30 names 'ghost', who is not declared, so nobody holds auditor by it: "
            + 'declare the person or correct the name (`mandate check` reports it as a linking error, not as a vacancy) (ghost.mandate:2:1)\n');
        expect(JSON.parse(mandate(undeclared, 'query', 'holders', 'auditor', '--as-of', AS_OF, '--format', 'json').stdout)).toMatchObject({ vacant: true, holders: [] });
    });

    test('the policy may be named by path, as for check', async () => {
        const folder = await workspace(Object.fromEntries(Object.entries(QUERY_POLICY).map(([name, text]) => [`policy/${name}`, text])));
        const run = mandate(folder, 'query', 'holders', 'ciso', 'policy', '--as-of', AS_OF);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('(people.mandate:21:1)');
    });

    test('a policy with a syntax error is still answered, with one line on stderr saying where it is broken', async () => {
        const folder = await workspace({ ...QUERY_POLICY, 'broken.mandate': 'role auditor "Auditor" {\n' });
        const run = mandate(folder, 'query', 'holders', 'ciso', '--as-of', AS_OF);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('jane (Jane Doe): since 2024-01-01');
        expect(run.stderr).toMatch(/^mandate: the policy has 1 syntax or reference error \(mandate check lists them\), so the answer reads it as far as it parsed; the first: broken\.mandate:1:\d+: .+\n$/);
    });

    test('an unknown name, a bad date or a missing argument: one clear line and exit 2', async () => {
        const folder = await workspace(QUERY_POLICY);
        expect(mandate(folder, 'query', 'holders', 'cisoo', '--as-of', AS_OF)).toEqual({
            code: 2, stdout: '', stderr: "mandate: no role named 'cisoo' is declared in the workspace; did you mean 'ciso'?\n"
        });
        expect(mandate(folder, 'query', 'what-if', 'leaves', 'nobody-at-all', '--as-of', AS_OF)).toEqual({
            code: 2, stdout: '', stderr: "mandate: no person named 'nobody-at-all' is declared in the workspace\n"
        });
        const date = mandate(folder, 'query', 'holders', 'ciso', '--as-of', '2025-02-30');
        expect(date).toMatchObject({ code: 2, stdout: '' });
        expect(date.stderr).toContain("'2025-02-30' is not a valid date; use YYYY-MM-DD.");
        const missing = mandate(folder, 'query', 'holders');
        expect(missing).toMatchObject({ code: 2, stdout: '' });
        expect(missing.stderr).toContain("missing required argument 'role'");
        const kind = mandate(folder, 'query', 'who-knows', 'ciso');
        expect(kind).toMatchObject({ code: 2, stdout: '' });
        expect(kind.stderr).toContain("unknown command 'who-knows'");
    });
});
