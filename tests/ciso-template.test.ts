/**
 * Templates that write a role or its duties (the `role`, `role ciso`, `responsibility` and
 * `authority` snippets, and the quick fixes that create the CISO, give it a reporting duty or
 * declare a missing role or duty) add no findings of their own to a clean policy once their
 * placeholders hold their defaults, apart from the documented ones that ask for a name or a holder.
 * The defect: the CISO template wrote `responsible for` without `accountable for`, so each of its
 * eight duties was a `raci-accountable` error; the `role` snippet and the reporting fixes did the same.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../language/engine/check-sources.js';
import { QuickFixTitles } from '../language/lsp/mandate-code-actions.js';
import { snippetText } from '../language/lsp/quick-fixes/ciso-fixes.js';
import { SNIPPETS } from '../language/lsp/snippets.js';
import { IssueCodes, LINKING_ERROR_CODE } from '../language/mandate-issue-codes.js';
import { check, CISO_DUTIES, CLEAN_POLICY, type Files } from './helpers.js';
import { fix } from './quick-fix-helpers.js';

/** A snippet with every placeholder at its default (a date at a fixed day: snippet dates are `YYYY-MM-DD` on purpose). */
function filled(label: string): string {
    const snippet = SNIPPETS.find(candidate => candidate.label === label);
    expect(snippet, label).toBeDefined();
    return snippetText(snippet!.body).replace(/YYYY-MM-DD/g, '2025-01-02');
}

/** The snippets that write a role or a duty; the test fails when one is added without a case here. */
const ROLE_AND_DUTY_SNIPPETS = ['role', 'role ciso', 'responsibility', 'authority'];

const brief = (findings: readonly Finding[]) => findings.map(finding => `${finding.rule} ${finding.uri.replace('file:///ws/', '')}:${finding.line}: ${finding.message}`);

/** CLEAN_POLICY without its CISO's role file: the assignment of jane to `ciso` waits for a CISO role. */
const WITHOUT_CISO: Files = { 'organization.mandate': CLEAN_POLICY['organization.mandate'], 'people.mandate': CLEAN_POLICY['people.mandate'] };

/** Top management and nothing else: a fresh policy. */
const FRESH: Files = { 'organization.mandate': CLEAN_POLICY['organization.mandate'] };

describe('snippets that write a role or its duties', () => {
    it('covers every snippet that declares a role, a responsibility or an authority', () => {
        const declaring = SNIPPETS.filter(snippet => /^(role|responsibility|authority) /m.test(snippetText(snippet.body)));
        expect(declaring.map(snippet => snippet.label).sort()).toEqual([...ROLE_AND_DUTY_SNIPPETS].sort());
    });

    it('the clean policies are clean', async () => {
        expect(brief(await check(CLEAN_POLICY))).toEqual([]);
    });

    it('role ciso: as the policy\'s CISO, held by its holder, it adds no finding and carries 5.3(a) and 5.3(b)', async () => {
        const template = filled('role ciso');
        // With its duties only R, each of the eight was "no role is accountable for it".
        expect(brief(await check({ ...CLEAN_POLICY, 'roles.mandate': template }))).toEqual([]);
        // Without the clause 5.3 duties the same policy would say so (isms-*-unassigned): the template keeps them.
        expect(template).toMatch(/satisfies ISO27001:5\.3\(a\)/);
        expect(template).toMatch(/satisfies ISO27001:5\.3\(b\)/);
        expect(template).toContain('reports to board');
    });

    it('role ciso: in a fresh policy, only the vacancy is reported, each finding asking for a holder', async () => {
        const findings = await check({ ...FRESH, 'roles.mandate': filled('role ciso') });
        const vacancy: readonly string[] = [IssueCodes.CisoVacant, IssueCodes.IsmsConformanceUnassigned, IssueCodes.IsmsReportingUnassigned, IssueCodes.RaciAccountable];
        expect(findings.filter(finding => !vacancy.includes(finding.rule)).map(finding => finding.rule)).toEqual([]);
        for (const finding of findings) expect(finding.message, finding.rule).toMatch(/assign/i);
        expect(findings.filter(finding => finding.rule === IssueCodes.RaciAccountable).map(finding => finding.message))
            .toEqual(findings.filter(finding => finding.rule === IssueCodes.RaciAccountable).map(() => expect.stringContaining("its accountable role 'ciso' is held by nobody on 2025-06-30")));
        // One assignment, written with the person and assign snippets, answers all of them.
        const holder = filled('person').replace('person-id', 'priya') + '\n'
            + filled('assign').replace('person-id', 'priya').replace('role-id', 'ciso');
        expect(brief(await check({ ...FRESH, 'roles.mandate': filled('role ciso'), 'people.mandate': holder }))).toEqual([]);
    });

    it('role with the responsibility snippet: their defaults meet; only the vacancy is left, and a holder answers it', async () => {
        const role = `${filled('role')}\n\n${filled('responsibility')}\n`;
        // Before the fix: also "no role is accountable for it".
        expect(brief(await check({ ...CLEAN_POLICY, 'new.mandate': role }))).toEqual([
            "raci-accountable new.mandate:9: The responsibility 'responsibility-id' has no clear owner: its accountable role 'role-id' is held by nobody on 2025-06-30; assign someone to it."
        ]);
        // The person and assign snippets' defaults name the same person and role.
        const holder = `${filled('person')}\n${filled('assign')}\n`;
        expect(brief(await check({ ...CLEAN_POLICY, 'new.mandate': role, 'new-people.mandate': holder }))).toEqual([]);
    });

    it('role alone: only its duty placeholder is reported, with how to declare it', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'new.mandate': filled('role') });
        expect(findings.map(finding => finding.rule)).toEqual([LINKING_ERROR_CODE, LINKING_ERROR_CODE]);
        for (const finding of findings) expect(finding.message).toContain('Declare it with `responsibility responsibility-id "..."`');
    });

    it('responsibility alone: only unused-responsibility, which says which lines to add', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'new.mandate': filled('responsibility') });
        expect(findings.map(finding => finding.rule)).toEqual([IssueCodes.UnusedResponsibility]);
        expect(findings[0].message).toContain('Add `responsible for responsibility-id` and `accountable for responsibility-id`');
    });

    it('authority: adds no finding', async () => {
        expect(brief(await check({ ...CLEAN_POLICY, 'new.mandate': filled('authority') }))).toEqual([]);
    });
});

describe('quick fixes that write a role or its duties', () => {
    it('Create a CISO role from the template: the policy is clean once the CISO exists', async () => {
        const fixed = await fix(WITHOUT_CISO, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        expect(fixed['organization.mandate']).toMatch(/\n {4}accountable for security-policy, isms-reporting, [^\n]*,\n {8}awareness-training, threat-monitoring, risk-assessment, iso-compliance\n/);
        expect(brief(await check(fixed))).toEqual([]);
    });

    it('Create a CISO role from the template: no second accountable role for a duty the workspace already has', async () => {
        const itLead = `
role it-lead "Head of IT" {
    reports to board
    responsible for incident-management, awareness-training
    accountable for incident-management, awareness-training
}
responsibility incident-management "Manage security incidents"
responsibility awareness-training "Run security awareness training"
person omar "Omar Haddad" {
    employed since 2020-01-01
}
assign omar to it-lead since 2024-03-01 appointed by board {
    announced 2024-03-05 via intranet to all-staff
}
`;
        const fixed = await fix({ ...WITHOUT_CISO, 'it.mandate': itLead }, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        const text = fixed['organization.mandate'];
        // Still responsible for them (any number of roles may do the work); accountable only for its own.
        expect(text).toContain('responsible for security-policy, isms-reporting, incident-management, technical-measures,\n        awareness-training,');
        expect(text).toContain('    accountable for security-policy, isms-reporting, technical-measures,\n        threat-monitoring, risk-assessment, iso-compliance\n');
        expect(brief(await check(fixed))).toEqual([]);
    });

    it('Add the reporting duty to the CISO: accountable too when nobody answers for it', async () => {
        const files = { ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace(CISO_DUTIES, CISO_DUTIES.replace(/isms-reporting, /g, '')) };
        const fixed = await fix(files, IssueCodes.CisoReportingMissing, QuickFixTitles.addAccountableReportingDuty('isms-reporting', 'ciso'));
        expect(brief(await check(fixed))).toEqual([]);
    });

    it('Add the reporting duty to the CISO: only responsible when another role answers for it', async () => {
        const duties = CISO_DUTIES.replace(/isms-reporting, /g, '');
        const roles = CLEAN_POLICY['roles.mandate'].replace(CISO_DUTIES, duties)
            + 'role security-committee "Security Committee" {\n    reports to board\n    accountable for isms-reporting\n}\n';
        const people = CLEAN_POLICY['people.mandate'].replace('assign jane to ciso', 'assign jane to security-committee since 2024-03-01 appointed by board {\n'
            + '    announced 2024-03-05 via intranet to all-staff\n}\nassign jane to ciso');
        const files = { ...CLEAN_POLICY, 'roles.mandate': roles, 'people.mandate': people };
        const fixed = await fix(files, IssueCodes.CisoReportingMissing, QuickFixTitles.addReportingDuty('isms-reporting', 'ciso'));
        expect(fixed['roles.mandate']).not.toContain('accountable for isms-reporting\n}\nresponsibility');
        expect(brief(await check(fixed))).toEqual([]);
    });

    it('Add an ISMS reporting responsibility: declared, and the CISO responsible and accountable for it', async () => {
        const roles = CLEAN_POLICY['roles.mandate'].replace(CISO_DUTIES, CISO_DUTIES.replace(/isms-reporting, /g, ''))
            .replace(/responsibility isms-reporting [^}]*}\n/, '');
        const fixed = await fix({ ...CLEAN_POLICY, 'roles.mandate': roles }, IssueCodes.CisoReportingMissing, QuickFixTitles.addReportingResponsibility);
        expect(brief(await check(fixed))).toEqual([]);
    });

    it('Create responsibility (a name the CISO is responsible and accountable for): adds no finding', async () => {
        const roles = CLEAN_POLICY['roles.mandate'].replace(CISO_DUTIES, CISO_DUTIES.replace(/isms-conformance/g, 'isms-conformance, supplier-security'));
        const fixed = await fix({ ...CLEAN_POLICY, 'roles.mandate': roles }, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('responsibility', 'supplier-security'));
        expect(brief(await check(fixed))).toEqual([]);
    });

    it('Create role (a name the CISO reports to): adds no finding', async () => {
        const roles = CLEAN_POLICY['roles.mandate'].replace('reports to board', 'reports to security-committee');
        // The board is told of the CISO's report, so the line through the committee leaves 5.3(b) reaching top management (isms-reporting-recipient).
        const organization = CLEAN_POLICY['organization.mandate'].replace('role board "Board of Directors"', 'role board "Board of Directors" { informed of isms-reporting }');
        const fixed = await fix({ ...CLEAN_POLICY, 'organization.mandate': organization, 'roles.mandate': roles }, LINKING_ERROR_CODE, QuickFixTitles.createDeclaration('role', 'security-committee'));
        expect(brief(await check(fixed))).toEqual([]);
    });
});
