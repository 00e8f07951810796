/**
 * Quick fixes (language/lsp/mandate-code-actions.ts): each fix produces the expected text, and
 * checking the fixed workspace again with the same engine (checkSources) no longer reports the
 * finding (quick-fix-helpers.ts). Fixes for names, requirement IDs and suppressions, and the fix
 * over stdio, are in quick-fixes-names.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { QUICK_FIXES, QuickFixTitles } from '../language/lsp/mandate-code-actions.js';
import { PLACEHOLDER_DATE } from '../language/lsp/quick-fixes/quick-fix.js';
import { IssueCodes, LINKING_ERROR_CODE } from '../language/mandate-issue-codes.js';
import { RULES } from '../language/rules/index.js';
import { AS_OF, type Files } from './helpers.js';
import { action, actionsFor, CLEAN_POLICY, expectNoNewKindOfFinding, findingsOf, fix, ROOT, rulesOf, selected, suppressTitle, titles } from './quick-fix-helpers.js';

describe('the quick fix registry', () => {
    it('has a quick fix for exactly the rules marked fixable', () => {
        const fixable = RULES.filter(rule => rule.fixable).map(rule => rule.id).sort();
        // The codes of syntax and linking errors are the engine's, not rules (quick-fixes-names.test.ts).
        const fixed = [...QUICK_FIXES.keys()].filter(code => ![LINKING_ERROR_CODE, 'parsing-error', 'lexing-error'].includes(code)).sort();
        expect(fixed).toEqual(fixable);
    });

    it('starts from a policy without findings, so that expectNoNewKindOfFinding notices any kind a fix adds', async () => {
        expect(await findingsOf(CLEAN_POLICY)).toEqual([]);
    });
});

describe('assignment-date-missing', () => {
    const files = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace(' since 2024-03-01', '') };

    it('inserts `since 0000-00-00` after the role, selected, which date-invalid reports until it is replaced', async () => {
        const requested = await actionsFor(files, IssueCodes.AssignmentDateMissing);
        expect(titles(requested)).toEqual([QuickFixTitles.addStartDate, suppressTitle(IssueCodes.AssignmentDateMissing)]);
        const chosen = action(requested, QuickFixTitles.addStartDate);
        expect(chosen.isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.AssignmentDateMissing, QuickFixTitles.addStartDate);
        // Not the as-of date (issue 12): a real-looking date nobody checked would pass for the record.
        expect(fixed['people.mandate']).toContain(`assign jane to ciso since ${PLACEHOLDER_DATE} appointed by board {`);
        expect(fixed['people.mandate']).not.toContain(AS_OF);
        expect(selected(fixed, chosen)).toBe(PLACEHOLDER_DATE);
        const dateFindings = (await findingsOf(fixed)).filter(finding => finding.rule === IssueCodes.DateInvalid);
        expect(dateFindings.map(finding => finding.message)).toEqual([expect.stringContaining(`${PLACEHOLDER_DATE} is not a valid calendar date`)]);
    });

    it('inserts it after the capacity of an acting or interim holder, where the grammar reads it, and says so', async () => {
        for (const capacity of ['acting', 'interim']) {
            const acting = { ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace(' since 2024-03-01', ` as ${capacity}`) };
            expect((await findingsOf(acting)).find(finding => finding.rule === IssueCodes.AssignmentDateMissing)?.message).toContain(`Add \`since YYYY-MM-DD\` after \`as ${capacity}\`.`);
            const fixed = await fix(acting, IssueCodes.AssignmentDateMissing, QuickFixTitles.addStartDate);
            expect(fixed['people.mandate']).toContain(`assign jane to ciso as ${capacity} since ${PLACEHOLDER_DATE} appointed by board {`);
            expect(await rulesOf(fixed)).not.toContain('parsing-error');
        }
    });
});

describe('assignment-not-communicated', () => {
    const unannounced = (assignment: string) => ({ ...CLEAN_POLICY, 'people.mandate': `person jane "Jane Doe"\n${assignment}` });
    // The announcement's date is a placeholder too: only the author knows when it was announced.
    const stub = `announced ${PLACEHOLDER_DATE} via intranet to all-staff`;

    it('adds the announcement as the last line of the block', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board {\n    evidence "minutes.pdf"\n}\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toBe(`person jane "Jane Doe"\nassign jane to ciso since 2024-03-01 appointed by board {\n    evidence "minutes.pdf"\n    ${stub}\n}\n`);
    });

    it('creates the block when the assignment has none', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toBe(`person jane "Jane Doe"\nassign jane to ciso since 2024-03-01 appointed by board {\n    ${stub}\n}\n`);
    });

    it('keeps a comment at the end of the assignment on its line', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board // see minutes\nperson joe "Joe"\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toContain(`appointed by board { // see minutes\n    ${stub}\n}\nperson joe "Joe"\n`);
    });

    it('spreads a one-line block over lines', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board { evidence "minutes.pdf" }\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toContain(`appointed by board {\n    evidence "minutes.pdf"\n    ${stub}\n}\n`);
    });

    it('gives a closing brace that follows content a line of its own', async () => {
        const files = unannounced('assign jane to ciso since 2024-03-01 appointed by board {\n    evidence "minutes.pdf" }\n');
        const fixed = await fix(files, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixed['people.mandate']).toContain(`{\n    evidence "minutes.pdf"\n    ${stub}\n}\n`);
    });

    it('indents as the document does, tabs and nesting included, and keeps CRLF line ends', async () => {
        const tabs = { ...CLEAN_POLICY, 'people.mandate': 'role x "X" {\n\tdescription "tabs"\n}\nperson jane "Jane"\n\tassign jane to ciso since 2024-03-01 appointed by board\n' };
        const fixedTabs = await fix(tabs, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixedTabs['people.mandate']).toContain(`\tassign jane to ciso since 2024-03-01 appointed by board {\n\t\t${stub}\n\t}\n`);

        const crlf = unannounced('assign jane to ciso since 2024-03-01 appointed by board {\r\n  evidence "minutes.pdf"\r\n}\r\n');
        crlf['people.mandate'] = crlf['people.mandate'].replace('\n', '\r\n');
        const fixedCrlf = await fix(crlf, IssueCodes.AssignmentNotCommunicated, QuickFixTitles.addAnnouncement);
        expect(fixedCrlf['people.mandate']).toContain(`{\r\n  evidence "minutes.pdf"\r\n  ${stub}\r\n}\r\n`);
    });
});

describe('role-holders-overlap', () => {
    // Jane's assignment (people.mandate) never ended; Omar took over on 2025-01-01 in another file.
    const successor = (omar: string) => ({
        ...CLEAN_POLICY,
        'successor.mandate': `person omar "Omar Haddad"\n${omar}`
    });

    it('ends the earlier assignment, in its own file, the day before the later one starts', async () => {
        const files = successor('assign omar to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }\n');
        const fixed = await fix(files, IssueCodes.RoleHoldersOverlap, QuickFixTitles.endEarlierAssignment('jane'));
        expect(fixed['people.mandate']).toContain('assign jane to ciso since 2024-03-01 until 2024-12-31 appointed by board {');
        expect(fixed['successor.mandate']).toBe(files['successor.mandate']);
    });

    it('moves an end date that runs into the later term, and is the preferred fix', async () => {
        const files = {
            ...successor('assign omar to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }\n'),
            'people.mandate': CLEAN_POLICY['people.mandate'].replace('since 2024-03-01', 'since 2024-03-01 until 2025-03-31')
        };
        const requested = await actionsFor(files, IssueCodes.RoleHoldersOverlap);
        expect(action(requested, QuickFixTitles.endEarlierAssignment('jane')).isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.RoleHoldersOverlap, QuickFixTitles.endEarlierAssignment('jane'));
        expect(fixed['people.mandate']).toContain('since 2024-03-01 until 2024-12-31 appointed by board');
    });

    it('ends every term of the earlier holder that runs into the later one, a renewal included, so the overlap is gone', async () => {
        const renewal = 'assign jane to ciso since 2024-09-01 appointed by board { announced 2024-09-02 via intranet to all-staff }\n';
        const files = {
            ...successor('assign omar to ciso since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }\n'),
            'renewal.mandate': renewal
        };
        const fixed = await fix(files, IssueCodes.RoleHoldersOverlap, QuickFixTitles.endEarlierAssignment('jane'));
        expect(fixed['people.mandate']).toContain('assign jane to ciso since 2024-03-01 until 2024-12-31 appointed by board {');
        expect(fixed['renewal.mandate']).toBe(renewal.replace('since 2024-09-01', 'since 2024-09-01 until 2024-12-31'));
        expect((await findingsOf(fixed)).filter(finding => finding.rule === IssueCodes.RoleHoldersOverlap)).toEqual([]);
        // A term of hers that starts on the successor's first day cannot end the day before: no fix.
        const sameDay = { ...files, 'renewal.mandate': renewal.replace('2024-09-01', '2025-01-01') };
        expect(titles(await actionsFor(sameDay, IssueCodes.RoleHoldersOverlap))).not.toContain(QuickFixTitles.endEarlierAssignment('jane'));
    });

    it('offers no fix when the later assignment starts first or has no start date', async () => {
        const before = await actionsFor(successor('assign omar to ciso since 2024-03-01 appointed by board { announced 2024-03-02 via intranet to all-staff }\n'),
            IssueCodes.RoleHoldersOverlap);
        expect(titles(before)).not.toContain(QuickFixTitles.endEarlierAssignment('jane'));
    });
});

describe('ciso-missing', () => {
    it("designates the role that carries 5.3(a) or (b), in that role's file", async () => {
        const files = { ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('    designated CISO\n', '') };
        const requested = await actionsFor(files, IssueCodes.CisoMissing);
        expect(requested.document.uri.toString()).toBe(`${ROOT}organization.mandate`);
        expect(titles(requested)).toEqual([
            QuickFixTitles.designateCiso('ciso'), QuickFixTitles.createCisoFromTemplate, suppressTitle(IssueCodes.CisoMissing)
        ]);
        expect(requested.actions.filter(candidate => candidate.isPreferred).map(candidate => candidate.title)).toEqual([QuickFixTitles.designateCiso('ciso')]);
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.designateCiso('ciso'));
        expect(fixed).toEqual(CLEAN_POLICY);
    });

    it('offers each candidate role, none of them preferred, and creates the block if needed', async () => {
        const files: Files = {
            'policy.mandate': 'organization acme "Acme" { top management board }\nrole board "Board"\n'
                + 'role security "Security" { responsible for conformance }\nrole it "IT" { responsible for reporting }\n'
                + 'role lead "Lead"\n'
                + 'responsibility conformance "C" { satisfies ISO27001:5.3(a) }\nresponsibility reporting "R" { satisfies ISO27001:5.3(b) }\n'
        };
        const requested = await actionsFor(files, IssueCodes.CisoMissing);
        expect(titles(requested).slice(0, 2)).toEqual([QuickFixTitles.designateCiso('security'), QuickFixTitles.designateCiso('it')]);
        expect(requested.actions.some(candidate => candidate.isPreferred)).toBe(false);
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.designateCiso('security'));
        expect(fixed['policy.mandate']).toContain('role security "Security" {\n    responsible for conformance\n    designated CISO\n}\nrole it "IT" {');
    });

    it('puts `designated CISO` first, after a comment on the line of the brace', async () => {
        const roles = CLEAN_POLICY['roles.mandate'].replace('    designated CISO\n', '').replace('Officer" {', 'Officer" { // the security lead');
        const files = { ...CLEAN_POLICY, 'roles.mandate': roles };
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.designateCiso('ciso'));
        expect(fixed['roles.mandate']).toContain('Officer" { // the security lead\n    designated CISO\n    reports to board\n');
    });

    it('creates a CISO role from the template, reporting to top management', async () => {
        const files = { 'organization.mandate': CLEAN_POLICY['organization.mandate'] };
        const requested = await actionsFor(files, IssueCodes.CisoMissing);
        expect(titles(requested)).toEqual([QuickFixTitles.createCisoFromTemplate, suppressTitle(IssueCodes.CisoMissing)]);
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        const text = fixed['organization.mandate'];
        expect(text.startsWith(CLEAN_POLICY['organization.mandate'] + '\n// CISO job description: implements and monitors the security policies')).toBe(true);
        expect(text).toContain('with the other departments and keeps the programme compliant with ISO 27001.\nrole ciso "Chief Information Security Officer" {\n    designated CISO\n    reports to board\n');
        expect(text).toContain('    responsible for security-policy, isms-reporting, incident-management, technical-measures,\n        awareness-training');
        expect(text).toContain('responsibility isms-reporting "Track ISMS performance indicators and report them to the security committee and top management" {\n    satisfies ISO27001:5.3(b), ISO27001:9.3\n    every quarter\n}\n');
        expect(text).not.toMatch(/\$\d|\$\{/);
        expect(text.endsWith('}\n')).toBe(true);
        // The template fills the gaps of clause 5.3; only the vacancy (and the job description's file) remains.
        expect(await rulesOf(fixed)).toEqual(expect.arrayContaining([IssueCodes.CisoVacant]));
        expect(await rulesOf(fixed)).not.toContain(IssueCodes.CisoReportingMissing);
    });

    it('puts the CISO template in the file that holds the roles', async () => {
        const files: Files = { 'organization.mandate': CLEAN_POLICY['organization.mandate'], 'roles.mandate': 'role cfo "CFO"\nrole cto "CTO"\n' };
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        expect(fixed['organization.mandate']).toBe(files['organization.mandate']);
        expect(fixed['roles.mandate']).toContain('role cto "CTO"\n\n// CISO job description:');
        expect(fixed['roles.mandate']).toContain('\nrole ciso "Chief Information Security Officer" {\n    designated CISO\n');
    });

    it('fits the template to the workspace: no top management, names already taken', async () => {
        const files: Files = {
            'policy.mandate': 'role ciso "Head of Security"\nresponsibility isms-reporting "Report" { satisfies ISO27001:5.3(b) }\n'
        };
        const fixed = await fix(files, IssueCodes.CisoMissing, QuickFixTitles.createCisoFromTemplate);
        const text = fixed['policy.mandate'];
        expect(text).toContain('role ciso-2 "Chief Information Security Officer" {\n    designated CISO\n    responsible for');
        expect(text).not.toContain('reports to');
        expect(text.match(/^responsibility isms-reporting /gm)).toHaveLength(1);
    });
});

describe('ciso-reporting-missing', () => {
    it('makes the CISO responsible for the existing 5.3(b) responsibility, and accountable as nobody is', async () => {
        const files = { ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replaceAll('isms-reporting, isms-conformance', 'isms-conformance') };
        // Only the R would leave a duty nobody answers for (raci-accountable); ciso-template.test.ts has the case with an A.
        const title = QuickFixTitles.addAccountableReportingDuty('isms-reporting', 'ciso');
        const requested = await actionsFor(files, IssueCodes.CisoReportingMissing);
        expect(titles(requested)).toEqual([title, suppressTitle(IssueCodes.CisoReportingMissing)]);
        expect(action(requested, title).isPreferred).toBe(true);
        const fixed = await fix(files, IssueCodes.CisoReportingMissing, title);
        expect(fixed['roles.mandate']).toContain('    responsible for isms-conformance\n    accountable for isms-conformance\n    responsible for isms-reporting\n    accountable for isms-reporting\n}\n');
        await expectNoNewKindOfFinding(fixed);
    });

    it('declares an ISMS reporting responsibility when there is none', async () => {
        const roles = 'role ciso "Chief Information Security Officer" {\n    designated CISO\n    reports to board\n    responsible for isms-conformance\n    accountable for isms-conformance\n}\n'
            + 'responsibility isms-conformance "Make the ISMS conform to ISO 27001" {\n    satisfies ISO27001:5.3(a)\n}\n';
        const files = { ...CLEAN_POLICY, 'roles.mandate': roles };
        const requested = await actionsFor(files, IssueCodes.CisoReportingMissing);
        expect(titles(requested)).toEqual([QuickFixTitles.addReportingResponsibility, suppressTitle(IssueCodes.CisoReportingMissing)]);
        const fixed = await fix(files, IssueCodes.CisoReportingMissing, QuickFixTitles.addReportingResponsibility);
        expect(fixed['roles.mandate']).toBe(roles.replace('isms-conformance\n}', 'isms-conformance\n    responsible for isms-reporting\n    accountable for isms-reporting\n}')
            + '\nresponsibility isms-reporting "Track ISMS performance indicators and report them to top management" {\n'
            + '    satisfies ISO27001:5.3(b)\n    every quarter\n}\n');
        await expectNoNewKindOfFinding(fixed);
    });
});
