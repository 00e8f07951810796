import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { runPolicyTests, runPolicyTestsOn, type ExpectationResult, type PolicyTestRun } from '../language/policy-tests/index.js';
import { CLEAN_POLICY, type Files } from './helpers.js';

/** CLEAN_POLICY with a test file holding `body` inside one test on `date`. */
function withTest(body: string, date = '2025-06-30', extra: Files = {}): Files {
    return { ...CLEAN_POLICY, ...extra, 'policy.test.mandate': `test "t" on ${date} {\n${body}\n}\n` };
}

async function run(files: Files, defaultDate?: string): Promise<PolicyTestRun> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    return runPolicyTests(sources, { defaultDate });
}

/** The one expectation of a one-expectation test. */
async function only(body: string, extra: Files = {}, date?: string): Promise<ExpectationResult> {
    const result = await run(withTest(body, date, extra));
    const test = result.files[0]?.tests[0];
    expect(test?.error).toBeUndefined();
    expect(test?.expectations).toHaveLength(1);
    return test!.expectations[0]!;
}

const DEPUTY = {
    'deputy.mandate': `
role deputy "Deputy CISO" {
    reports to ciso
}
person max "Max Mustermann" {
    employed since 2020-01-01
}
assign max to deputy since 2024-01-01 appointed by board {
    announced 2024-01-01 via intranet to all-staff
}
`
};

describe('policy tests: holders', () => {
    it('passes an exact set, an include and an exclude', async () => {
        expect((await only('    expect holders of ciso are jane')).passed).toBe(true);
        expect((await only('    expect holders of ciso include jane')).passed).toBe(true);
        expect((await only('    expect holders of ciso exclude max', DEPUTY)).passed).toBe(true);
        expect((await only('    expect holders of ciso on 2024-01-01 are nobody')).passed).toBe(true);
    });

    it('fails with expected, actual and the chain behind each holder', async () => {
        const result = await only('    expect holders of ciso are max', DEPUTY);
        expect(result).toMatchObject({
            kind: 'holders', passed: false, date: '2025-06-30',
            expected: 'the holders of ciso on 2025-06-30: exactly max', actual: 'the holders of ciso on 2025-06-30: jane'
        });
        expect(result.explanation).toContain('missing: max');
        expect(result.explanation).toContain('not expected: jane');
        expect(result.explanation.join('\n')).toMatch(/jane: .*people\.mandate:6/);
        expect(result.location).toMatchObject({ file: 'policy.test.mandate', line: 2, column: 5 });
    });

    it('fails an include that misses and an exclude that matches', async () => {
        expect(await only('    expect holders of ciso include max', DEPUTY)).toMatchObject({ passed: false, explanation: expect.arrayContaining(['missing: max']) });
        expect(await only('    expect holders of ciso exclude jane')).toMatchObject({ passed: false, explanation: expect.arrayContaining(['expected not to be there: jane']) });
    });

    it('checks an expectation on its own date', async () => {
        expect(await only('    expect holders of ciso on 2024-02-29 are jane')).toMatchObject({ passed: false, date: '2024-02-29' });
    });
});

const BOARD = {
    'board.mandate': `
appointing body shareholders "Shareholders' meeting"
person chair "Chair of the Board" {
    employed since 2019-01-01
}
assign chair to board since 2020-01-01 appointed by shareholders {
    announced 2020-01-01 via intranet to all-staff
}
`
};

describe('policy tests: who may perform, who may appoint', () => {
    it('passes and fails who may perform a duty, with the chain behind each name', async () => {
        expect((await only('    expect who may perform isms-reporting are jane')).passed).toBe(true);
        const failing = await only('    expect who may perform isms-reporting include chair', BOARD);
        expect(failing).toMatchObject({
            kind: 'may-perform', passed: false,
            expected: 'who may perform isms-reporting on 2025-06-30: including chair', actual: 'who may perform isms-reporting on 2025-06-30: jane'
        });
        expect(failing.explanation).toContain('missing: chair');
    });

    it('passes and fails who may appoint to a role', async () => {
        expect((await only('    expect who may appoint to ciso include chair', BOARD)).passed).toBe(true);
        const failing = await only('    expect who may appoint to ciso exclude chair', BOARD);
        expect(failing).toMatchObject({ kind: 'may-appoint', passed: false });
        expect(failing.explanation).toContain('expected not to be there: chair');
        expect(failing.explanation.join('\n')).toMatch(/chair: .*board\.mandate:6/);
    });
});

describe('policy tests: what-if', () => {
    it('checks findings and status after the person leaves, on the leaving date', async () => {
        const result = await run(withTest('    when jane leaves on 2025-07-01 {\n        expect finding ciso-vacant in "roles.mandate" line 2\n        expect status of ISO27001:5.3 is met\n    }'));
        const [vacant, status] = result.files[0]!.tests[0]!.expectations;
        expect(vacant).toMatchObject({ kind: 'finding', passed: true, date: '2025-07-01', whatIf: { person: 'jane', date: '2025-07-01' } });
        expect(status).toMatchObject({ kind: 'status', passed: false, expected: 'ISO27001:5.3 met on 2025-07-01' });
        expect(status!.actual).toMatch(/^ISO27001:5\.3 (partly-met|not-met) on 2025-07-01$/);
        expect(status!.explanation.join('\n')).toContain('what-if: jane no longer holds ciso (people.mandate:6), which is then vacant');
        expect(status!.explanation).toContain('was met before jane left');
    });

    it('reads the status of an item of a requirement after the change too, not as it was before', async () => {
        const result = await run(withTest('    when jane leaves on 2025-07-01 {\n        expect status of ISO27001:5.3(b) is met\n        expect status of ISO27001:5.3(a) is not-met\n    }'));
        const [reporting, conformance] = result.files[0]!.tests[0]!.expectations;
        expect(reporting).toMatchObject({ kind: 'status', passed: false, actual: 'ISO27001:5.3(b) not-met on 2025-07-01' });
        expect(reporting!.explanation).toContain('was met before jane left');
        expect(conformance).toMatchObject({ kind: 'status', passed: true });
    });

    it('leaves the policy as it is for the expectations outside the what-if, and reports them in file order', async () => {
        const result = await run(withTest('    when jane leaves on 2025-07-01 {\n        expect finding ciso-vacant\n    }\n    expect no findings\n    expect holders of ciso on 2025-07-01 are jane'));
        const expectations = result.files[0]!.tests[0]!.expectations;
        expect(expectations.map(expectation => expectation.passed)).toEqual([true, true, true]);
        expect(expectations.map(expectation => [expectation.kind, expectation.location.line])).toEqual([['finding', 3], ['no-findings', 5], ['holders', 6]]);
    });

    it('puts each what-if back before the next one, across tests and files', async () => {
        const files = withTest('    when jane leaves on 2025-07-01 {\n        expect finding ciso-vacant\n    }\n    when max leaves on 2025-07-01 {\n        expect no finding ciso-vacant\n    }', '2025-06-30', {
            ...DEPUTY,
            'second.test.mandate': 'test "later" on 2025-06-30 {\n    when max leaves on 2025-07-02 {\n        expect no finding ciso-vacant\n    }\n    expect holders of ciso are jane\n    expect no finding ciso-vacant\n}\n'
        });
        const result = await run(files);
        expect(result.summary).toMatchObject({ tests: 2, failed: 0, errored: 0, expectations: 5, expectationsFailed: 0 });
    });

    it('errors holders and who-may expectations inside a what-if', async () => {
        const result = await run(withTest('    when jane leaves on 2025-07-01 {\n        expect holders of ciso are nobody\n    }'));
        expect(result.files[0]!.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('policy.test.mandate:3:9: A what-if block states the findings') });
    });
});

describe('policy tests: findings', () => {
    it('passes `no findings` on a clean policy and fails it with each finding listed', async () => {
        expect((await only('    expect no findings')).passed).toBe(true);
        const failing = await only('    expect no findings', {}, '2024-01-01');
        expect(failing).toMatchObject({ kind: 'no-findings', passed: false, expected: 'no findings on 2024-01-01' });
        expect(failing.explanation.join('\n')).toContain('roles.mandate:2: ciso-vacant:');
    });

    it('matches a finding by rule, file and line', async () => {
        expect((await only('    expect finding ciso-vacant in "roles.mandate" line 2', {}, '2024-01-01')).passed).toBe(true);
        expect((await only('    expect finding ciso-vacant in "roles.mandate"', {}, '2024-01-01')).passed).toBe(true);
        expect((await only('    expect finding ciso-vacant', {}, '2024-01-01')).passed).toBe(true);
        const wrongLine = await only('    expect finding ciso-vacant in "roles.mandate" line 9', {}, '2024-01-01');
        expect(wrongLine).toMatchObject({ kind: 'finding', passed: false, actual: 'no ciso-vacant finding in roles.mandate line 9, but 1 elsewhere on 2024-01-01' });
        expect(wrongLine.explanation.join('\n')).toContain('roles.mandate:2: ciso-vacant:');
        expect((await only('    expect finding ciso-vacant')).passed).toBe(false);
    });

    it('`no finding` passes when the rule is silent there and fails with the finding', async () => {
        expect((await only('    expect no finding ciso-vacant')).passed).toBe(true);
        const failing = await only('    expect no finding ciso-vacant in "roles.mandate"', {}, '2024-01-01');
        expect(failing).toMatchObject({ kind: 'no-finding', passed: false });
        expect(failing.explanation.join('\n')).toContain('roles.mandate:2: ciso-vacant:');
    });

    it('never counts the test file: a person or duty named only in a test stays unused, and tests add no finding', async () => {
        const extra = { 'extra.mandate': 'person ghost "Ghost" {\n    employed since 2020-01-01\n}\nresponsibility orphan "Orphan duty"\n' };
        const files = withTest('    expect holders of ciso exclude ghost\n    expect who may perform orphan are ghost', '2025-06-30', extra);
        const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const plain = Object.entries({ ...CLEAN_POLICY, ...extra }).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const strip = (findings: readonly { rule: string; uri: string; line: number }[]) => findings.map(finding => `${finding.rule} ${finding.uri}:${finding.line}`);
        const withTests = strip((await checkSources(sources, { asOf: '2025-06-30' })).findings);
        expect(withTests).toEqual(strip((await checkSources(plain, { asOf: '2025-06-30' })).findings));
        expect(withTests).toEqual(['person-without-role file:///ws/extra.mandate:1', 'unused-responsibility file:///ws/extra.mandate:4']);
    });
});

describe('policy tests: requirement status', () => {
    it('passes the status the applicability engine gives and fails another with its reasons', async () => {
        expect((await only('    expect status of ISO27001:5.3 is met')).passed).toBe(true);
        const failing = await only('    expect status of ISO27001:5.3 is met', {}, '2024-01-01');
        expect(failing).toMatchObject({ kind: 'status', passed: false, expected: 'ISO27001:5.3 met on 2024-01-01' });
        expect(failing.actual).toMatch(/^ISO27001:5\.3 (partly-met|not-met) on 2024-01-01$/);
        expect(failing.explanation.length).toBeGreaterThan(0);
    });

    it('says when a requirement has no status', async () => {
        expect(await only('    expect status of SOC2:CC1.3 is met')).toMatchObject({ passed: false, actual: 'SOC2:CC1.3 is not assessed' });
    });
});

describe('policy tests: running', () => {
    it('errors a test without a date unless the run gives one, never using today', async () => {
        const files = { ...CLEAN_POLICY, 'policy.test.mandate': 'test "undated" {\n    expect holders of ciso are jane\n}\n' };
        const undated = await run(files);
        expect(undated.files[0]?.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('policy.test.mandate:1:1: the test "undated" has no date') });
        expect((await run(files, '2025-06-30')).files[0]?.tests[0]).toMatchObject({ status: 'passed', date: '2025-06-30' });
    });

    it('errors a test that names what does not exist, with file and line', async () => {
        const result = await run(withTest('    expect holders of ciso are nobody-at-all\n    expect finding no-such-rule'));
        const test = result.files[0]?.tests[0];
        expect(test?.status).toBe('errored');
        expect(test?.error).toContain('policy.test.mandate:2:');
        expect(test?.error).toContain("policy.test.mandate:3:");
        expect(test?.error).toContain("There is no rule 'no-such-rule'");
        expect(result.summary).toMatchObject({ tests: 1, errored: 1 });
    });

    it('errors an expectation of a requirement the catalogue does not know, with the hint a policy gets', async () => {
        // At the ID: a built-in framework's unknown ID is an error of the test file (test-validation.ts).
        const result = await run(withTest('    expect status of ISO27001:5.3b is met'));
        expect(result.files[0]?.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('policy.test.mandate:2:22: ') });
        expect(result.files[0]?.tests[0]?.error).toContain('Did you mean ISO27001:5.3(b)');
        const inWhatIf = await run(withTest('    when jane leaves on 2025-07-01 {\n        expect status of ISO27001:5.3b is not-met\n    }'));
        expect(inWhatIf.files[0]?.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('Did you mean ISO27001:5.3(b)') });
    });

    it('errors a finding expectation whose file is not in the workspace, or whose line is past its end, instead of passing it', async () => {
        const misspelt = await run(withTest('    expect no finding ciso-vacant in "rolse.mandate"'));
        expect(misspelt.files[0]?.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('policy.test.mandate:2:5: No policy file of the workspace is "rolse.mandate"') });
        const pastEnd = await run(withTest('    expect no finding ciso-vacant in "roles.mandate" line 9999'));
        expect(pastEnd.files[0]?.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('"roles.mandate" has 15 lines, so nothing can be found on line 9999') });
        const empty = await run(withTest('    expect no finding ciso-vacant in ""'));
        expect(empty.files[0]?.tests[0]?.status).toBe('errored');
        expect((await run(withTest('    expect no finding ciso-vacant in "roles.mandate" line 3'))).files[0]?.tests[0]?.status).toBe('passed');
    });

    it('errors an expectation of a rule that does not run: switched off, or needing the git history the run does not read', async () => {
        const off = await run(withTest('    expect finding role-acknowledgement-missing'));
        expect(off.files[0]?.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('The rule role-acknowledgement-missing does not run in this test run: it is switched off') });
        const history = await run(withTest('    expect no finding record-late'));
        expect(history.files[0]?.tests[0]).toMatchObject({ status: 'errored', error: expect.stringContaining('The rule record-late cannot be expected in a policy test: test runs do not read the git history') });
    });

    it('counts tests and expectations, in file order, on several dates', async () => {
        const files = {
            ...CLEAN_POLICY,
            'a.mandate': 'test "now" on 2025-06-30 {\n    expect no findings\n}\ntest "before jane" on 2024-01-01 {\n    expect no findings\n    expect finding ciso-vacant\n}\n'
        };
        const result = await run(files);
        expect(result.files.map(file => file.file)).toEqual(['a.mandate']);
        expect(result.files[0]?.tests.map(test => [test.title, test.status])).toEqual([['now', 'passed'], ['before jane', 'failed']]);
        expect(result.summary).toEqual({ tests: 2, passed: 1, failed: 1, errored: 0, expectations: 3, expectationsFailed: 1 });
    });

    it('runs one test by its line', async () => {
        const files = { ...CLEAN_POLICY, 'a.mandate': 'test "one" on 2025-06-30 {\n    expect no findings\n}\ntest "two" on 2025-06-30 {\n    expect no findings\n}\n' };
        const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const result = await runPolicyTests(sources, { only: [{ uri: 'file:///ws/a.mandate', line: 5 }] });
        expect(result.files[0]?.tests.map(test => test.title)).toEqual(['two']);
    });

    // Regression: the workspace manager heard each new date and validated the workspace once more
    // beside the runner's own build (five builds for two dates).
    it('validates the workspace once per test date', async () => {
        const files = { ...CLEAN_POLICY, 'a.mandate': 'test "now" on 2025-06-30 {\n    expect no findings\n}\ntest "then" on 2024-06-30 {\n    expect no findings\n}\n' };
        const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const checked = await checkSources(sources, { asOf: '2023-01-01' });
        const validator = checked.services.validation.DocumentValidator;
        const validate = validator.validateDocument.bind(validator);
        let validations = 0;
        validator.validateDocument = (...args: Parameters<typeof validate>) => {
            validations++;
            return validate(...args);
        };
        expect((await runPolicyTestsOn(checked)).summary).toMatchObject({ tests: 2, passed: 2 });
        await checked.services.shared.workspace.WorkspaceLock.write(() => undefined);
        expect(validations).toBe(2 * checked.documents.length);
    });
});
