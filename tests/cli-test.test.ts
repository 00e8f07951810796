import { cp, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mandate, ROOT, temporaryWorkspaces } from './cli-helpers.js';

const workspace = temporaryWorkspaces('mandate-test-cli-');

/** A copy of examples/acme (its tests included) with `extra` files added. */
async function acmeWith(extra: Record<string, string> = {}): Promise<string> {
    const folder = await workspace();
    await cp(path.join(ROOT, 'examples', 'acme'), folder, { recursive: true });
    for (const [name, text] of Object.entries(extra)) await writeFile(path.join(folder, name), text);
    return folder;
}

/** Every kind of expectation, each failing on acme (what-if included). */
const FAILING = `test "every kind fails" on 2025-06-30 {
    expect holders of ciso are thomas-becker
    expect holders of ciso include sofia-alvarez
    expect holders of ciso exclude priya-nair
    expect who may perform approve-privileged-access are sofia-alvarez
    expect who may appoint to ciso exclude daniel-weiss
    expect finding ciso-vacant
    expect status of ISO27001:5.3 is not-met
    when priya-nair leaves on 2025-07-01 {
        expect no finding ciso-vacant
        expect status of ISO27001:5.3 is met
    }
}

test "before anyone was appointed" on 2016-01-01 {
    expect no findings
    expect no finding ciso-vacant in "roles.mandate"
}
`

/**
 * A minimal well-formedness check of XML 1.0 without a parser dependency: every tag closes in
 * order, every attribute is quoted, `&` starts an entity, `<` only starts markup, and no character
 * XML forbids appears.
 */
function assertWellFormedXml(xml: string): void {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const body = xml.slice(xml.indexOf('?>') + 2);
    const stack: string[] = [];
    const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = token.exec(body)) !== null) {
        consumed = token.lastIndex;
        const [, closing, name, attributes, selfClosing, text] = match;
        for (const piece of [text ?? '', ...(attributes ?? '').match(/"[^"]*"/g) ?? []]) {
            expect(piece.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/[&<]/);
        }
        if (text !== undefined) continue;
        if (closing) expect(stack.pop()).toBe(name);
        else if (!selfClosing) stack.push(name!);
    }
    expect(consumed).toBe(body.length);
    expect(stack).toEqual([]);
}

describe('mandate test', () => {
    it('passes the tests acme ships, exit 0', async () => {
        const run = mandate(ROOT, 'test', 'examples/acme');
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        expect(run.stdout).toContain('examples/acme/tests/acme.test.mandate\n  PASS  the CISO on the audit date (2025-06-30, 7 expectations)\n');
        expect(run.stdout).toMatch(/^5 tests: 5 passed, 0 failed, 0 errored \(13 expectations, 0 failed\)$/m);
    });

    it('shows each failed expectation with file:line:col, expected, actual and why, exit 1', async () => {
        const folder = await acmeWith({ 'failing.test.mandate': FAILING });
        const run = mandate(folder, 'test', '.');
        expect(run.code).toBe(1);
        expect(run.stdout).toContain('  FAIL  every kind fails (2025-06-30, 9 expectations, 9 failed)');
        expect(run.stdout).toContain('  FAIL  before anyone was appointed (2016-01-01, 2 expectations, 2 failed)');
        expect(run.stdout).toContain([
            '        failing.test.mandate:2:5: expect holders of ciso are thomas-becker',
            '          expected: the holders of ciso on 2025-06-30: exactly thomas-becker',
            '          actual:   the holders of ciso on 2025-06-30: priya-nair',
            '          why:      missing: thomas-becker'
        ].join('\n'));
        expect(run.stdout).toMatch(/priya-nair: .*\(assignments\.mandate:36\)/);
        expect(run.stdout).toContain('failing.test.mandate:8:5: expect status of ISO27001:5.3 is not-met\n          expected: ISO27001:5.3 not-met on 2025-06-30\n          actual:   ISO27001:5.3 met on 2025-06-30');
        expect(run.stdout).toContain('failing.test.mandate:10:9: expect no finding ciso-vacant (when priya-nair leaves on 2025-07-01)\n'
            + '          expected: no ciso-vacant finding on 2025-07-01\n          actual:   1 ciso-vacant finding on 2025-07-01\n'
            + '          why:      what-if: priya-nair no longer holds ciso (assignments.mandate:36), which is then vacant');
        expect(run.stdout).toMatch(/failing\.test\.mandate:16:5: expect no findings\n {10}expected: no findings on 2016-01-01\n {10}actual: {3}\d+ findings on 2016-01-01/);
        expect(run.stdout).toMatch(/roles\.mandate:\d+: ciso-vacant: /);
        for (const line of [3, 4, 5, 6, 7, 11, 17]) expect(run.stdout).toContain(`failing.test.mandate:${line}:`);
        expect(run.stdout).toContain('7 tests: 5 passed, 2 failed, 0 errored (24 expectations, 11 failed)');
    });

    it('writes the run as JSON, one result per expectation', async () => {
        const folder = await acmeWith({ 'failing.test.mandate': FAILING });
        const run = mandate(folder, 'test', '--format', 'json');
        expect(run.code).toBe(1);
        const json = JSON.parse(run.stdout);
        expect(json).toMatchObject({ format: 'mandate-test-results', version: 1, summary: { tests: 7, failed: 2, expectationsFailed: 11 } });
        const failing = json.files.find((file: { file: string }) => file.file === 'failing.test.mandate');
        const kinds = (test: { expectations: Array<{ kind: string }> }) => test.expectations.map(expectation => expectation.kind);
        expect(kinds(failing.tests[0])).toEqual(['holders', 'holders', 'holders', 'may-perform', 'may-appoint', 'finding', 'status', 'no-finding', 'status']);
        expect(kinds(failing.tests[1])).toEqual(['no-findings', 'no-finding']);
        expect(failing.tests[0].expectations[8]).toMatchObject({
            passed: false, date: '2025-07-01', whatIf: { person: 'priya-nair', date: '2025-07-01' },
            location: { file: 'failing.test.mandate', line: 11, column: 9 }, expected: 'ISO27001:5.3 met on 2025-07-01', actual: 'ISO27001:5.3 partly-met on 2025-07-01'
        });
    });

    it('writes valid JUnit XML, escaped, to a file through -o', async () => {
        const hostile = 'test "<b>&amp; \\"quoted\\" \u0007bell" on 2025-06-30 {\n    expect holders of ciso are nobody\n}\n';
        const folder = await acmeWith({ 'failing.test.mandate': FAILING, 'hostile.test.mandate': hostile });
        const run = mandate(folder, 'test', '--format', 'junit', '-o', 'results.xml');
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('mandate: wrote results.xml');
        const xml = await readFile(path.join(folder, 'results.xml'), 'utf8');
        assertWellFormedXml(xml);
        expect(xml).toContain('<testsuites name="mandate test" tests="8" failures="3" errors="0">');
        expect(xml).toContain('<testcase name="&lt;b&gt;&amp;amp; &quot;quoted&quot; \\u0007bell"');
        expect(xml).toMatch(/<failure type="expectation" message="failing\.test\.mandate:2:5: expected the holders of ciso on 2025-06-30: exactly thomas-becker; actual the holders of ciso on 2025-06-30: priya-nair">/);
    });

    it('never writes the results over a policy file', async () => {
        const folder = await acmeWith();
        const before = await readFile(path.join(folder, 'roles.mandate'), 'utf8');
        const run = mandate(folder, 'test', '-o', 'roles.mandate');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('roles.mandate');
        expect(await readFile(path.join(folder, 'roles.mandate'), 'utf8')).toBe(before);
    });

    it('never writes the results over a job description the policy names', async () => {
        // The files the policy names are looked for only when there is an output file (cli/load.ts).
        const folder = await acmeWith();
        const jobDescription = path.join(folder, 'docs', 'roles', 'ciso.md');
        const before = await readFile(jobDescription, 'utf8');
        const run = mandate(folder, 'test', '-o', path.join('docs', 'roles', 'ciso.md'));
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/docs\/roles\/ciso\.md: refusing to write the test results over an input file/);
        expect(await readFile(jobDescription, 'utf8')).toBe(before);
    });

    it('stops on a syntax error with its position, exit 2', async () => {
        const folder = await acmeWith({ 'broken.test.mandate': 'test "broken" on 2025-06-30 {\n    expect holders of ciso\n}\n' });
        const run = mandate(folder, 'test');
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^mandate: broken\.test\.mandate:3:1: /m);
        expect(run.stderr).toContain('no tests were run');
    });

    it('errors a test that cannot run (an unknown name, no date), exit 2', async () => {
        const folder = await acmeWith({
            'errors.test.mandate': 'test "unknown person" on 2025-06-30 {\n    expect holders of ciso are nobody-here\n}\ntest "undated" {\n    expect holders of ciso are priya-nair\n}\n'
        });
        const run = mandate(folder, 'test');
        expect(run.code).toBe(2);
        expect(run.stdout).toContain('  ERROR unknown person (2025-06-30)\n        errors.test.mandate:2:32: ');
        expect(run.stdout).toContain('  ERROR undated\n        errors.test.mandate:4:1: the test "undated" has no date');
        const dated = mandate(folder, 'test', '--as-of', '2025-06-30', 'errors.test.mandate', '.');
        expect(dated.stdout).toContain('  PASS  undated (2025-06-30, 1 expectation)');
    });

    it('says a test file named alone has no policy to test, instead of erroring every name in it, exit 2', async () => {
        const run = mandate(ROOT, 'test', 'examples/acme/tests/acme.test.mandate');
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('mandate: examples/acme/tests/acme.test.mandate: no policy to test, only tests: name the policy\'s folder too');
        const withPolicy = mandate(ROOT, 'test', 'examples/acme', 'examples/acme/tests/acme.test.mandate', '--as-of', '2025-06-30');
        expect(withPolicy.code).toBe(0);
        expect(withPolicy.stdout).toContain('5 tests: 5 passed');
    });

    it('says when there is no test, exit 2', async () => {
        const run = mandate(ROOT, 'test', 'examples/findings/ciso-vacant');
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('mandate: no tests found in examples/findings/ciso-vacant');
    });

    it('says there are no tests, and no policy either, for a folder of empty files, rather than that it holds only tests', async () => {
        const folder = await workspace({ 'a.mandate': '' });
        const run = mandate(folder, 'test', '.');
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('mandate: no tests found in ., and no policy either: its .mandate files declare nothing; '
            + 'write the policy, then `test "<title>" on <date> { expect … }` blocks (see docs/policy-tests.md)\n');
    });
});
