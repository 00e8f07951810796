/**
 * The statement of applicability and the control-owner register as the report shows them:
 * the model (JSON shape) and their Markdown sections.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import type { AuditReport } from '../language/report/report-model.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { AS_OF, CLEAN_POLICY, type Files } from './helpers.js';

async function reportOf(files: Files): Promise<AuditReport> {
    const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
}

/** The text of one `## ` section of the Markdown report. */
function section(markdown: string, title: string): string {
    const start = markdown.indexOf(`## ${title}`);
    const end = markdown.indexOf('\n## ', start + 1);
    return markdown.slice(start, end === -1 ? undefined : end);
}

describe('statement of applicability in the report', () => {
    it('says when no statement of applicability is declared, and assesses ISO/IEC 27001 by default', async () => {
        const report = await reportOf(CLEAN_POLICY);
        expect(report.summary.applicability).toEqual({ declared: false, frameworks: [{ prefix: 'ISO27001', name: 'ISO/IEC 27001:2022' }] });
        const markdown = renderMarkdown(report);
        expect(section(markdown, '5. Statement of applicability')).toContain('_No statement of applicability_ The policy claims no framework, so ISO/IEC 27001:2022 is assessed by default');
        expect(section(markdown, '1. Summary')).toContain('- **Statement of applicability:** _Not declared_ ISO/IEC 27001 is assessed by default (see section 5)');
    });

    it('gives a not-applicable requirement its justification and a link to the exclusion', async () => {
        const report = await reportOf({ ...CLEAN_POLICY, 'soa.mandate': 'claims ISO27001 {\n    not applicable ISO27001:A.7.4 "No premises of our own."\n}\n' });
        const premises = report.summary.requirements.find(requirement => requirement.id === 'ISO27001:A.7.4')!;
        expect(premises).toMatchObject({ status: 'not-applicable', justification: 'No premises of our own.', justificationSource: { file: 'soa.mandate', line: 2 } });
        expect(report.summary.applicability).toEqual({ declared: true, frameworks: [{ prefix: 'ISO27001', name: 'ISO/IEC 27001:2022', source: { file: 'soa.mandate', line: 1 } }] });
        expect(section(renderMarkdown(report), '5. Statement of applicability'))
            .toContain('| A.7.4 | Premises are monitored for unauthorized physical access | _Not applicable_ | **Not applicable:** No premises of our own. ([soa.mandate:2](../soa.mandate#L2)) | — | — |');
        expect(report.controlOwners.map(entry => entry.requirement)).not.toContain('ISO27001:A.7.4');
    });

    it('says so when a claimed framework has no requirements in the catalogue', async () => {
        const report = await reportOf({ ...CLEAN_POLICY, 'soa.mandate': 'framework ACME "Acme Controls"\nclaims ACME\n' });
        expect(report.summary.requirements).toEqual([]);
        expect(section(renderMarkdown(report), '5. Statement of applicability')).toContain('The catalogue lists no requirements for this framework, so there is nothing to assess.');
    });
});

describe('control-owner register', () => {
    it('lists requirement, accountable role, holder and since; structural evidence and missing owners get a line without a role', async () => {
        const report = await reportOf(CLEAN_POLICY);
        const line = (id: string) => report.controlOwners.filter(entry => entry.requirement === id);
        expect(line('ISO27001:5.3')).toEqual([{
            requirement: 'ISO27001:5.3', framework: 'ISO27001', title: expect.any(String),
            role: { id: 'ciso', title: 'Chief Information Security Officer', source: { file: 'roles.mandate', line: 2 } },
            holder: { id: 'jane', title: 'Jane Doe', source: { file: 'people.mandate', line: 2 } },
            since: '2024-03-01', vacant: false, duties: ['isms-conformance', 'isms-reporting'], structural: true
        }]);
        expect(line('ISO27001:A.5.2')).toEqual([{ requirement: 'ISO27001:A.5.2', framework: 'ISO27001', title: expect.any(String), vacant: false, duties: [], structural: true }]);
        expect(line('ISO27001:A.8.1')).toEqual([{ requirement: 'ISO27001:A.8.1', framework: 'ISO27001', title: expect.any(String), vacant: false, duties: [], structural: false }]);
        expect(report.summary.requirements.find(requirement => requirement.id === 'ISO27001:5.3')?.owners).toEqual(['ciso']);
        const register = section(renderMarkdown(report), '6. Control owners');
        expect(register).toContain('| **ISO27001:5.3**<br>');
        expect(register).toContain('| Chief Information Security Officer ([roles.mandate:2](../roles.mandate#L2)) | Jane Doe ([people.mandate:2](../people.mandate#L2)) | 2024-03-01 | `isms-conformance`<br>`isms-reporting` |');
        // Markdown escapes the colon of an ID, so no viewer turns it into a link.
        expect(register).toMatch(/\| \*\*ISO27001\\:A\.8\.1\*\*<br>[^|]* \| \*\*⚠️ No owner\*\* \|/);
        expect(register).toMatch(/\| \*\*ISO27001\\:A\.5\.2\*\*<br>[^|]* \| ✅ Evidenced by the policy \|/);
    });

    it('names a vacant accountable role, and an acting holder with the start of their tenure', async () => {
        const report = await reportOf({
            ...CLEAN_POLICY,
            'extra.mandate': `
responsibility threat-intelligence "Gather threat intelligence" { satisfies ISO27001:A.5.7 }
responsibility physical-security "Run physical security" { satisfies ISO27001:A.7.1 }
role analyst "Threat Analyst" { responsible for threat-intelligence accountable for threat-intelligence }
role facilities "Facilities Manager" { responsible for physical-security accountable for physical-security }
person omar "Omar" { employed since 2020-01-01 }
assign omar to facilities as acting since 2025-05-01 appointed by board { announced 2025-05-01 via email to all-staff }
`
        });
        expect(report.controlOwners.filter(entry => entry.requirement === 'ISO27001:A.5.7')).toEqual([expect.objectContaining({
            role: expect.objectContaining({ id: 'analyst' }), vacant: true, duties: ['threat-intelligence']
        })]);
        expect(report.controlOwners.find(entry => entry.requirement === 'ISO27001:A.5.7')?.holder).toBeUndefined();
        expect(report.controlOwners.filter(entry => entry.requirement === 'ISO27001:A.7.1')).toEqual([expect.objectContaining({
            role: expect.objectContaining({ id: 'facilities' }), holder: expect.objectContaining({ id: 'omar' }), since: '2025-05-01', capacity: 'acting', vacant: false
        })]);
        const register = section(renderMarkdown(report), '6. Control owners');
        expect(register).toContain('| Threat Analyst ([extra.mandate:4](../extra.mandate#L4)) | **❌ Vacant** | — | `threat-intelligence` |');
        expect(register).toContain('| Omar ([extra.mandate:6](../extra.mandate#L6)) (acting) | 2025-05-01 |');
    });
});
