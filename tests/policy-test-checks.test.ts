/**
 * What a policy test says about itself: a failure always says why, a name listed twice or a title
 * used twice is reported in the test file (as `mandate check` and the editor report it), and record-late
 * is refused with the reason that holds in every test run.
 */
import { describe, expect, it } from 'vitest';
import { runPolicyTests, type PolicyTestRun } from '../language/policy-tests/index.js';
import { check, CLEAN_POLICY, type Files } from './helpers.js';

const TEST_FILE = 'policy.test.mandate';

async function run(files: Files): Promise<PolicyTestRun> {
    return runPolicyTests(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })));
}

/** The policy-test-invalid findings of the test file, as `severity line:column message`. */
async function testFileErrors(files: Files): Promise<string[]> {
    return (await check(files)).filter(finding => finding.uri === `file:///ws/${TEST_FILE}` && finding.rule === 'policy-test-invalid')
        .map(finding => `${finding.severity} ${finding.line}:${finding.column} ${finding.message}`);
}

const ANALYST = {
    'analyst.mandate': 'role analyst "Analyst" { reports to ciso }\nperson carol "Carol" { employed since 2020-01-01 }\n'
        + 'assign carol to analyst since 2024-01-01 appointed by board { announced 2024-01-01 via intranet to all-staff }\n'
};

describe('policy tests: what a test says about itself', () => {
    it('a failed finding expectation says why, even when no finding of the rule is anywhere: here a name that failed to link', async () => {
        const files = {
            ...CLEAN_POLICY,
            'people.mandate': 'assign dave-smith to ciso since 2025-06-30 appointed by board { announced 2025-06-30 via intranet to all-staff }\n',
            [TEST_FILE]: 'test "vacant" on 2025-07-01 {\n    expect finding ciso-vacant\n    expect holders of ciso are nobody\n}\n'
        };
        const [vacant, holders] = (await run(files)).files[0]!.tests[0]!.expectations;
        expect(vacant).toMatchObject({ passed: false, actual: 'no ciso-vacant finding on 2025-07-01' });
        expect(vacant!.explanation[0]).toMatch(/^the checks give no ciso-vacant finding in any file on 2025-07-01 \(\d+ findings? of other rules\)$/);
        expect(vacant!.explanation[1]).toContain("1 name failed to link, and findings that only follow from such a name are left out until it is fixed");
        expect(vacant!.explanation[1]).toContain("the first: people.mandate:1: No person named 'dave-smith' is declared");
        // The query engine names no holder: the role is vacant, and its note says why.
        expect(holders).toMatchObject({ passed: true });
        expect(holders!.explanation.join('\n')).toContain("names 'dave-smith', who is not declared");
        // Without any such reason, it still says what the checks gave.
        const clean = (await run({ ...CLEAN_POLICY, [TEST_FILE]: 'test "t" on 2025-06-30 {\n    expect finding ciso-vacant\n}\n' })).files[0]!.tests[0]!.expectations[0]!;
        expect(clean).toMatchObject({ passed: false, explanation: ['the checks give no ciso-vacant finding in any file on 2025-06-30'] });
    });

    it('a built-in framework\'s requirement ID that does not exist is an error of the test file, with requirement-unknown\'s hint', async () => {
        const files = {
            ...CLEAN_POLICY,
            [TEST_FILE]: 'test "t" on 2025-06-30 {\n    expect status of ISO27001:A.16.1.1 is met\n    expect status of ISO27001:5.3 is met\n    expect status of ACME:AC-01 is met\n}\n'
        };
        const errors = await testFileErrors(files);
        expect(errors).toHaveLength(1);
        expect(errors[0]).toMatch(/^error 2:22 'ISO27001:A\.16\.1\.1' is not in the standards catalogue: A\.16\.1\.1 is an ISO\/IEC 27001:2013 control number/);
        // An organization's own prefix is judged when the test runs, against the workspace's catalogue: the run says so.
        const test = (await run(files)).files[0]!.tests[0]!;
        expect(test).toMatchObject({ status: 'errored' });
        expect(test.error).toContain(`${TEST_FILE}:2:22: 'ISO27001:A.16.1.1' is not in the standards catalogue`);
    });

    it('a name listed twice in an expectation is an error of the test file, at the second one', async () => {
        const files = {
            ...CLEAN_POLICY, ...ANALYST,
            [TEST_FILE]: 'test "t" on 2025-06-30 {\n    expect holders of analyst are carol, carol\n    expect who may appoint to analyst include jane, carol, jane\n}\n'
        };
        expect(await testFileErrors(files)).toEqual([
            "error 2:42 'carol' is named twice in this expectation: name each person once, and check that no other name was meant.",
            "error 3:60 'jane' is named twice in this expectation: name each person or appointing body once, and check that no other name was meant."
        ]);
        const test = (await run(files)).files[0]!.tests[0]!;
        expect(test).toMatchObject({ status: 'errored' });
        expect(test.error).toContain(`${TEST_FILE}:2:42: 'carol' is named twice`);
    });

    it('two tests of one title in a file: the second is warned of in the test file, naming the first; both still run', async () => {
        const files = { ...CLEAN_POLICY, [TEST_FILE]: 'test "same" on 2025-06-30 {\n    expect no findings\n}\ntest "same" on 2025-06-30 {\n    expect no findings\n}\ntest "other" on 2025-06-30 {\n    expect no findings\n}\n' };
        expect(await testFileErrors(files)).toEqual([`warning 4:6 The test at ${TEST_FILE}:1 is also titled "same": give each test of a file its own title, so that results name one test.`]);
        // The editor's Testing view tells them apart (`#2`); a warning stops no test.
        expect((await run(files)).files[0]!.tests.map(test => test.status)).toEqual(['passed', 'passed', 'passed']);
        // The same title in two files names two tests apart by their file.
        expect(await testFileErrors({ ...files, [TEST_FILE]: 'test "same" on 2025-06-30 {\n    expect no findings\n}\n', 'other.test.mandate': 'test "same" on 2025-06-30 {\n    expect no findings\n}\n' })).toEqual([]);
    });

    it('record-late is refused with the reason of every test run: it does not read the git history', async () => {
        const test = (await run({ ...CLEAN_POLICY, [TEST_FILE]: 'test "t" on 2025-06-30 {\n    expect no finding record-late\n}\n' })).files[0]!.tests[0]!;
        expect(test).toMatchObject({ status: 'errored' });
        expect(test.error).toBe(`${TEST_FILE}:2:5: The rule record-late cannot be expected in a policy test: test runs do not read the git history, which it needs. \`mandate check\` reports its findings.`);
    });
});
