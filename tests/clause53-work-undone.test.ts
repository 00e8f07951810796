import { afterEach, describe, expect, it, vi } from 'vitest';
import { RULES_BY_ID } from '../language/rules/index.js';
import type { WorkspaceRule } from '../language/rules/rule.js';
import { check, rules, where, type Files } from './helpers.js';
import { reportOf } from './report-helpers.js';
import { Workspace } from './workspace-helpers.js';
import { AUDITOR_BASE, BASE_CISO_DUTIES } from './auditor-base.js';

/**
 * isms-reporting-unassigned and isms-conformance-unassigned where a held role carries the 5.3 item
 * only as accountable (or authorized) and every role responsible for it is vacant: the report's
 * first question calls that work undone (report-questions.ts, `undoneText`), so CI must not pass.
 * The auditor's scenario (25-accountable-only): the ISMS Manager, the one role responsible for
 * isms-reporting, is vacant; the CISO, held, is only accountable for it.
 */
const ROLES = `role isms-manager "ISMS Manager" {
    reports to ciso
    responsible for isms-reporting
}
person priya "Priya Nair" { employed since 2020-01-06 }
assign priya to ciso since 2022-04-01 appointed by board {
    announced 2022-04-01 via email to all-staff
}
`;
// The auditor's base policy with the CISO only accountable for isms-reporting: its ISMS manager does the reporting.
const POLICY = AUDITOR_BASE.replace(BASE_CISO_DUTIES, 'responsible for isms-conformance\n    accountable for isms-conformance, isms-reporting');
const SCENARIO: Files = { 'ciso.mandate': ROLES, 'policy.mandate': POLICY };
const OMAR = 'person omar "Omar Haddad" { employed since 2021-01-01 }\n';
const withRoles = (edit: (text: string) => string): Files => ({ ...SCENARIO, 'ciso.mandate': edit(ROLES) });
const message = async (files: Files, rule = 'isms-reporting-unassigned') => (await check(files)).find(finding => finding.rule === rule)?.message;

afterEach(() => vi.restoreAllMocks());

describe('every role responsible for a 5.3 item vacant, a held role only accountable for it', () => {
    it('fires isms-reporting-unassigned on the organization in the auditor\'s scenario, and nothing else', async () => {
        const findings = await check(SCENARIO);
        expect(where(findings, 'isms-reporting-unassigned')).toEqual(['policy.mandate:1']);
        expect(rules(findings)).toEqual(['isms-reporting-unassigned']);
        const text = await message(SCENARIO);
        expect(text).toBe('Nobody held on 2025-06-30 does the work to report ISMS performance to top management (ISO27001:5.3(b)). '
            + "Every role responsible for it is vacant: 'isms-manager' (ciso.mandate:1). "
            + "The held role that carries it, 'ciso' (policy.mandate:13, accountable), is not responsible for it, "
            + 'and no delegation in force hands it to someone there to act on it. '
            + "Assign someone to 'isms-manager', make a held role `responsible for` a duty that `satisfies ISO27001:5.3(b)`, "
            + 'or delegate the duty to a held role or a person with the organization.');
        // The rule's own severity, as for no held role carrying it at all.
        expect(findings.find(entry => entry.rule === 'isms-reporting-unassigned')?.severity).toBe('error');
    });

    it('says nothing once someone holds the responsible role', async () => {
        const files = withRoles(text => `${text}${OMAR}assign omar to isms-manager since 2024-01-01 appointed by ciso {\n    announced 2024-01-02 via email to all-staff\n}\n`);
        expect(where(await check(files), 'isms-reporting-unassigned')).toEqual([]);
    });

    it('fires again when that holder has left by the as-of date', async () => {
        const files = withRoles(text => `${text}${OMAR.replace('2021-01-01', '2021-01-01 until 2025-03-31')}`
            + 'assign omar to isms-manager since 2024-01-01 appointed by ciso {\n    announced 2024-01-02 via email to all-staff\n}\n');
        expect(where(await check(files), 'isms-reporting-unassigned')).toEqual(['policy.mandate:1']);
    });

    it('says nothing while a delegation in force hands the duty to a person with the organization', async () => {
        const files = withRoles(text => `${text}${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01 until 2025-12-31\n`);
        expect(where(await check(files), 'isms-reporting-unassigned')).toEqual([]);
    });

    it('still fires when the delegation does not hand it to anyone: expired, to someone gone, to a vacant role', async () => {
        const expired = withRoles(text => `${text}${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01 until 2025-03-31\n`);
        const gone = withRoles(text => `${text}${OMAR.replace('2021-01-01', '2021-01-01 until 2025-05-31')}delegate isms-reporting from ciso to omar since 2025-01-01\n`);
        const vacant = withRoles(text => `${text}delegate isms-reporting from ciso to isms-manager since 2025-01-01\n`);
        for (const files of [expired, gone, vacant]) expect(where(await check(files), 'isms-reporting-unassigned')).toEqual(['policy.mandate:1']);
    });

    it('counts a delegation from the vacant responsible role itself, as the report does: the role\'s act', async () => {
        const files = withRoles(text => `${text}${OMAR}delegate isms-reporting from isms-manager to omar since 2025-01-01\n`);
        expect(where(await check(files), 'isms-reporting-unassigned')).toEqual([]);
    });

    it('leaves a duty nobody is responsible for to raci-accountable', async () => {
        const files = withRoles(text => text.replace(/role isms-manager[^}]*\}\n/, ''));
        expect(rules(await check(files))).toEqual(['raci-accountable']);
    });

    it('fires isms-conformance-unassigned when the held role is only authorized to use an authority that satisfies 5.3(a)', async () => {
        const files: Files = {
            'ciso.mandate': `${ROLES.replace('responsible for isms-reporting', 'responsible for isms-reporting, isms-conformance')}`,
            'policy.mandate': POLICY
                .replace('    responsible for isms-conformance\n    accountable for isms-conformance, isms-reporting', '    responsible for isms-reporting\n    accountable for isms-reporting\n    authorized to run-isms')
                .concat('authority run-isms "Direct the ISMS" { satisfies ISO27001:5.3(a) }\n')
        };
        const findings = await check(files);
        expect(where(findings, 'isms-conformance-unassigned')).toEqual(['policy.mandate:1']);
        expect(where(findings, 'isms-reporting-unassigned')).toEqual([]);
        expect(await message(files, 'isms-conformance-unassigned')).toContain("The held role that carries it, 'ciso' (policy.mandate:13, authorized), is not responsible for it");
    });

    it('keeps the old message when no held role carries the item at all', async () => {
        const files = withRoles(text => text.replace('assign priya to ciso', 'assign priya to ciso since 2022-04-01 until 2025-01-31 appointed by board {}\nassign priya to ceo'));
        expect(await message(files)).toContain('Only vacant roles carry it (isms-manager, ciso)');
    });

    it('says nothing there either while a delegation made by a vacant carrier (the role\'s act) hands the duty to someone with the organization, as may-perform and Q1 count it', async () => {
        const vacant = (text: string) => text.replace('assign priya to ciso', 'assign priya to ciso since 2022-04-01 until 2025-01-31 appointed by board {}\nassign priya to ceo');
        const files = withRoles(text => `${vacant(text)}${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01\n`);
        const findings = await check(files);
        expect(where(findings, 'isms-reporting-unassigned')).toEqual([]);
        expect(rules(findings)).toContain('ciso-vacant');
        expect((await reportOf(files)).questions.responsible.summary).toContain('By delegation from Chief Information Security Officer, Omar Haddad performs');
        // Once it has ended, nobody does the work.
        const ended = withRoles(text => `${vacant(text)}${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01 until 2025-03-31\n`);
        expect(await message(ended)).toContain('Only vacant roles carry it (isms-manager, ciso)');
    });
});

describe('the rule and the report\'s question 1', () => {
    const variants: Record<string, Files> = {
        'the auditor\'s scenario': SCENARIO,
        'the responsible role held': withRoles(text => `${text}${OMAR}assign omar to isms-manager since 2024-01-01 appointed by ciso {}\n`),
        'a delegation in force to a present person': withRoles(text => `${text}${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01\n`),
        'a delegation in force to a person who left': withRoles(text => `${text}${OMAR.replace('2021-01-01', '2021-01-01 until 2025-05-31')}delegate isms-reporting from ciso to omar since 2025-01-01\n`),
        'a delegation in force to the vacant role': withRoles(text => `${text}delegate isms-reporting from ciso to isms-manager since 2025-01-01\n`),
        'a delegation that expired': withRoles(text => `${text}${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01 until 2025-03-31\n`),
        'a delegation from the vacant responsible role': withRoles(text => `${text}${OMAR}delegate isms-reporting from isms-manager to omar since 2025-01-01\n`),
        'every carrier vacant, a delegation in force from one': withRoles(text => `${text.replace('assign priya to ciso', 'assign priya to ciso since 2022-04-01 until 2025-01-31 appointed by board {}\nassign priya to ceo')}${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01\n`),
        'every carrier vacant, no delegation': withRoles(text => text.replace('assign priya to ciso', 'assign priya to ciso since 2022-04-01 until 2025-01-31 appointed by board {}\nassign priya to ceo'))
    };

    it.each(Object.keys(variants))('agree on whether anyone held does the work of 5.3(b): %s', async name => {
        const files = variants[name];
        const fires = where(await check(files), 'isms-reporting-unassigned').length > 0;
        const undone = (await reportOf(files)).questions.responsible.summary.includes('Every role responsible for 5.3(b) is vacant');
        expect(fires).toBe(undone);
    });
});

describe('edits elsewhere, through the language server\'s update path', () => {
    async function expectSameAsCold(workspace: Workspace, files: Files): Promise<void> {
        const cold = await Workspace.open(files);
        expect(workspace.diagnostics()).toEqual(cold.diagnostics());
    }

    it('follows an assignment to the responsible role made and ended in another file', async () => {
        const workspace = await Workspace.open(SCENARIO);
        expect(workspace.codes('policy.mandate')).toContain('isms-reporting-unassigned');
        // The editor links both roles the message names.
        const diagnostic = workspace.document('policy.mandate').diagnostics?.find(entry => entry.code === 'isms-reporting-unassigned');
        expect(diagnostic?.relatedInformation?.map(place => `${place.location.uri.replace('file:///ws/', '')}:${place.location.range.start.line + 1} ${place.message}`)).toEqual([
            "ciso.mandate:1 'isms-manager' is responsible for ISO27001:5.3(b), and vacant on 2025-06-30",
            "policy.mandate:13 'ciso' is held and carries ISO27001:5.3(b), but is not responsible for it"
        ]);
        const people = `${OMAR}assign omar to isms-manager since 2024-01-01 appointed by ciso {\n    announced 2024-01-02 via email to all-staff\n}\n`;
        const files = { ...SCENARIO, 'people.mandate': people };
        await workspace.write('people.mandate', people);
        expect(workspace.codes('policy.mandate')).not.toContain('isms-reporting-unassigned');
        await expectSameAsCold(workspace, files);
        const ended = people.replace('since 2024-01-01', 'since 2024-01-01 until 2025-02-28');
        await workspace.write('people.mandate', ended);
        expect(workspace.codes('policy.mandate')).toContain('isms-reporting-unassigned');
        await expectSameAsCold(workspace, { ...files, 'people.mandate': ended });
    });

    it('runs again when the delegate\'s joining date is typed past the as-of date, though it moves no holding', async () => {
        const people = `${OMAR}delegate isms-reporting from ciso to omar since 2025-01-01\n`;
        const files = { ...SCENARIO, 'people.mandate': people };
        const workspace = await Workspace.open(files);
        expect(workspace.codes('policy.mandate')).not.toContain('isms-reporting-unassigned');
        const spy = vi.spyOn(RULES_BY_ID.get('isms-reporting-unassigned') as WorkspaceRule, 'findings');
        // Omar holds no role: the edit moves no holding, yet he is no longer there to act on the duty.
        const joined = people.replace('employed since 2021-01-01', 'employed since 2025-09-01');
        await workspace.write('people.mandate', joined);
        expect(spy).toHaveBeenCalled();
        expect(workspace.codes('policy.mandate')).toContain('isms-reporting-unassigned');
        await expectSameAsCold(workspace, { ...files, 'people.mandate': joined });
    });
});
