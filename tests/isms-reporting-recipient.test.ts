/**
 * isms-reporting-recipient: 5.3(b) is reporting to top management (found by an independent audit:
 * a CISO reporting to the IT director passed). AS_OF is 2025-06-30.
 */
import { describe, expect, it } from 'vitest';
import { check, CLEAN_POLICY, where, withEdit } from './helpers.js';

const RULE = 'isms-reporting-recipient';
const toItDirector = (extra: (text: string) => string = text => text) => withEdit('roles.mandate', text => extra(text.replace('reports to board', 'reports to it-director'))
    + 'role it-director "IT Director" { reports to board }\n');

describe('isms-reporting-recipient', () => {
    it('is quiet when the reporting role reports to top management, as in the clean policy', async () => {
        expect(where(await check(CLEAN_POLICY), RULE)).toEqual([]);
    });

    it('fires on the reports-to of a reporting role whose line does not reach top management, naming the duty and both roles', async () => {
        const findings = await check(toItDirector());
        expect(where(findings, RULE)).toEqual(['roles.mandate:4']);
        expect(findings.find(finding => finding.rule === RULE)?.message).toBe("'ciso' does the ISMS performance reporting (ISO27001:5.3(b), 'isms-reporting') but reports to 'it-director' (roles.mandate:15), "
            + "which is not top management, and no top-management role ('board') is told of it: the policy does not show the report reaching top management, as 5.3(b) asks. "
            + "Add `informed of isms-reporting` to a top-management role, or have 'ciso' report to one.");
    });

    it('is quiet when a top-management role names the duty in any line of its job description', async () => {
        const informed = withEdit('organization.mandate', text => text.replace('role board "Board of Directors"', 'role board "Board of Directors" { informed of isms-reporting }'));
        expect(where(await check({ ...toItDirector(), 'organization.mandate': informed['organization.mandate'] }), RULE)).toEqual([]);
    });

    it('does not take a chain through another role for a report to top management, and leaves a role that writes no reporting line alone', async () => {
        expect(where(await check(toItDirector()), RULE)).toEqual(['roles.mandate:4']);
        const none = withEdit('roles.mandate', text => text.replace('    reports to board\n', ''));
        expect(where(await check(none), RULE)).toEqual([]);
    });

    it('leaves a policy without top management, or without a role carrying 5.3(b), to the rules that report those', async () => {
        const noTop = { ...toItDirector(), 'organization.mandate': 'organization acme "Acme Ltd"\nrole board "Board of Directors"\n' };
        expect(where(await check(noTop), RULE)).toEqual([]);
        const noCarrier = withEdit('roles.mandate', text => text.replace('responsible for isms-reporting, isms-conformance', 'responsible for isms-conformance')
            .replace('accountable for isms-reporting, isms-conformance', 'accountable for isms-conformance').replace('reports to board', 'reports to it-director') + 'role it-director "IT Director" { reports to board }\n');
        expect(where(await check(noCarrier), RULE)).toEqual([]);
    });
});
