/**
 * Clause 9.2 is not met in full while the internal auditor audits the ISMS they run: the finding of
 * internal-auditor-independence lowers 9.2 (its item 9.2.2(b), objective and impartial audits),
 * as it lowers A.5.3. Before, the report showed 9.2 "Met" beside the error. Fixed as-of date.
 */
import { describe, expect, it } from 'vitest';
import { withEdit } from './helpers.js';
import { reportOf } from './report-helpers.js';

const AUDIT = withEdit('roles.mandate', text => `${text}
role auditor "Internal Auditor" {
    designated internal auditor
    reports to board
    responsible for audit
    accountable for audit
}
responsibility audit "Internal audit" { satisfies ISO27001:9.2 }
`, {
    'auditor.mandate': 'assign jane to auditor since 2024-03-01 appointed by board { announced 2024-03-05 via intranet to all-staff }\n'
});

describe('clause 9.2 and the internal auditor', () => {
    it('is partly met, naming the finding, while the CISO is the internal auditor', async () => {
        const report = await reportOf(AUDIT);
        expect(report.findings.map(finding => finding.rule)).toContain('internal-auditor-independence');
        const row = report.summary.requirements.find(requirement => requirement.id === 'ISO27001:9.2')!;
        expect(row.status).toBe('partly-met');
        expect(row.rules).toContainEqual(expect.objectContaining({ rule: 'internal-auditor-independence', state: 'findings' }));
    });

    it('is met with an independent auditor', async () => {
        const independent = { ...AUDIT, 'auditor.mandate': 'person omar "Omar" { employed since 2020-01-01 }\nassign omar to auditor since 2024-03-01 appointed by board { announced 2024-03-05 via intranet to all-staff }\n' };
        const row = (await reportOf(independent)).summary.requirements.find(requirement => requirement.id === 'ISO27001:9.2')!;
        expect(row.status).toBe('met');
    });
});
