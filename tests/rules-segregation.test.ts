import { describe, expect, it } from 'vitest';
import { ACTIVITIES, ACTIVITY_CONFLICTS, conflictsOfActivity, findActivity } from '../language/standards/activities.js';
import { AS_OF, check, CISO_DUTIES, CLEAN_POLICY, rules, where, withEdit, type Files } from './helpers.js';

/** CLEAN_POLICY plus one more file, `extra.mandate`. */
function plus(extra: string): Files {
    return { ...CLEAN_POLICY, 'extra.mandate': extra };
}

const messageOf = (findings: Awaited<ReturnType<typeof check>>, rule: string) => findings.filter(finding => finding.rule === rule).map(finding => finding.message);
const severitiesOf = (findings: Awaited<ReturnType<typeof check>>, rule: string) => findings.filter(finding => finding.rule === rule).map(finding => finding.severity);

/**
 * Two roles whose duties are a built-in pair (approve-access, implement-access), both held by
 * jane from the given dates. Line numbers: the approver's assignment is line 11, the
 * implementer's line 12.
 */
function accessRoles(approverSince = '2024-03-01', implementerSince = '2025-01-06', implementerUntil = ''): string {
    return `role approver "Access Approver" { reports to ciso responsible for approve-access accountable for approve-access }
role implementer "Access Administrator" { reports to ciso responsible for provision-access accountable for provision-access }
responsibility approve-access "Approve access requests" {
    activity approve-access
}
responsibility provision-access "Provision approved access" {
    activity implement-access
}
person omar "Omar Haddad"
assign omar to approver since 2024-03-01 appointed by board { announced 2024-03-01 via email to all-staff }
assign jane to approver since ${approverSince} appointed by board { announced ${approverSince} via email to all-staff }
assign jane to implementer since ${implementerSince}${implementerUntil ? ` until ${implementerUntil}` : ''} appointed by board { announced ${implementerSince} via email to all-staff }
`;
}

describe('the activity catalogue', () => {
    it('has the seven activities, each with a title, and pairs that only name them', () => {
        expect(ACTIVITIES.map(activity => activity.id)).toEqual([
            'request-access', 'approve-access', 'implement-access', 'develop-software', 'deploy-production', 'design-controls', 'audit-controls'
        ]);
        for (const activity of ACTIVITIES) expect(activity.title).not.toBe('');
        for (const pair of ACTIVITY_CONFLICTS) {
            expect(findActivity(pair.left)).toBeDefined();
            expect(findActivity(pair.right)).toBeDefined();
            expect(pair.reason).not.toBe('');
        }
    });
    it('pairs the access activities with each other, development with deployment, and design with audit', () => {
        const others = (id: string) => conflictsOfActivity(id).map(entry => entry.other).sort();
        expect(others('approve-access')).toEqual(['implement-access', 'request-access']);
        expect(others('request-access')).toEqual(['approve-access', 'implement-access']);
        expect(others('implement-access')).toEqual(['approve-access', 'request-access']);
        expect(others('develop-software')).toEqual(['deploy-production']);
        expect(others('design-controls')).toEqual(['audit-controls']);
    });
});

describe('sod-conflict', () => {
    describe('built-in pairs', () => {
        it('fires once, on the later assignment, naming both duties, the roles and the period', async () => {
            const findings = await check(plus(accessRoles()));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:12']);
            const [message] = messageOf(findings, 'sod-conflict');
            expect(message).toContain("'approve-access' (activity approve-access, as approver)");
            expect(message).toContain("'provision-access' (activity implement-access, as implementer)");
            expect(message).toContain('since 2025-01-06');
            expect(message).toContain('ISO/IEC 27002 5.3');
            expect(message).toContain('conflict between');
            expect(severitiesOf(findings, 'sod-conflict')).toEqual(['error']);
            expect(rules(findings)).toEqual(['sod-conflict']);
        });
        it('reports the assignment that created the conflict, whichever came first in the file', async () => {
            const findings = await check(plus(accessRoles('2025-02-01', '2024-06-01')));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:11']);
            expect(messageOf(findings, 'sod-conflict')[0]).toContain('since 2025-02-01');
        });
        it('does not fire for two people holding one side each, or for periods that do not overlap', async () => {
            const split = accessRoles().replace('assign jane to implementer', 'person lee "Lee"\nassign lee to implementer');
            expect(where(await check(plus(split)), 'sod-conflict')).toEqual([]);
            const consecutive = accessRoles('2025-01-07', '2024-01-01', '2025-01-06');
            expect(where(await check(plus(consecutive)), 'sod-conflict')).toEqual([]);
        });
        it('treats an overlap that ended before the as-of date as history, and reports a planned one', async () => {
            const past = accessRoles('2024-03-01', '2024-06-01', '2024-12-31');
            expect(where(await check(plus(past)), 'sod-conflict')).toEqual([]);
            expect(where(await check(plus(past), '2024-12-31'), 'sod-conflict')).toEqual(['extra.mandate:12']);
            const planned = await check(plus(accessRoles('2024-03-01', '2025-09-01')));
            expect(where(planned, 'sod-conflict')).toEqual(['extra.mandate:12']);
            expect(messageOf(planned, 'sod-conflict')[0]).toContain('since 2025-09-01');
        });
        it('reports a person once per pair, however many assignments overlap', async () => {
            const twice = accessRoles() + 'assign jane to implementer since 2025-03-01 appointed by board { announced 2025-03-01 via email to all-staff }\n';
            expect(where(await check(plus(twice)), 'sod-conflict')).toEqual(['extra.mandate:12']);
        });
        it('counts accountable and authorized duties, but not consulted or informed ones', async () => {
            const authorized = `role approver "Access Approver" { reports to ciso authorized to approve-access }
role implementer "Access Administrator" { reports to ciso responsible for provision-access accountable for provision-access }
authority approve-access "Approve access requests" { activity approve-access }
responsibility provision-access "Provision approved access" { activity implement-access }
assign jane to approver since 2024-03-01 appointed by board { announced 2024-03-01 via email to all-staff }
assign jane to implementer since 2025-01-06 appointed by board { announced 2025-01-06 via email to all-staff }
`;
            expect(where(await check(plus(authorized)), 'sod-conflict')).toEqual(['extra.mandate:6']);
            const consulted = authorized.replace('authorized to approve-access', 'consulted on approve-access');
            expect(where(await check(plus(consulted)), 'sod-conflict')).toEqual([]);
        });
        it('says so when one role carries both sides', async () => {
            const both = `role admin "Administrator" {
    reports to ciso
    responsible for approve-access, provision-access
    accountable for approve-access, provision-access
}
responsibility approve-access "Approve access requests" { activity approve-access }
responsibility provision-access "Provision approved access" { activity implement-access }
assign jane to admin since 2025-01-06 appointed by board { announced 2025-01-06 via email to all-staff }
`;
            const findings = await check(plus(both));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:8']);
            expect(messageOf(findings, 'sod-conflict')[0]).toContain("The role 'admin' itself carries both sides");
        });
        it('covers development and deployment, design and audit, and requests', async () => {
            const roles = `role engineer "Engineer" {
    reports to ciso
    responsible for develop, deploy, design, audit, request, approve
    accountable for develop, deploy, design, audit, request, approve
}
responsibility develop "Develop software" { activity develop-software }
responsibility deploy "Deploy to production" { activity deploy-production }
responsibility design "Design controls" { activity design-controls }
responsibility audit "Audit controls" { activity audit-controls }
responsibility request "Request access" { activity request-access }
responsibility approve "Approve access" { activity approve-access }
assign jane to engineer since 2025-01-06 appointed by board { announced 2025-01-06 via email to all-staff }
`;
            const messages = messageOf(await check(plus(roles)), 'sod-conflict');
            expect(messages).toHaveLength(3);
            expect(messages.join('\n')).toMatch(/develop-software and deploy-production/);
            expect(messages.join('\n')).toMatch(/design-controls and audit-controls/);
            expect(messages.join('\n')).toMatch(/request-access and approve-access/);
        });
        it('ignores an activity that is not in the catalogue (activity-unknown reports it)', async () => {
            const typo = accessRoles().replace('activity implement-access', 'activity implement-acess');
            const findings = await check(plus(typo));
            expect(where(findings, 'sod-conflict')).toEqual([]);
            expect(where(findings, 'activity-unknown')).toEqual(['extra.mandate:7']);
        });
    });

    describe('through delegations', () => {
        /** Jane, the CISO, is an access administrator; the approvals are delegated as the test says. Delegation on line 8. */
        const delegated = (delegation: string) => `role approver "Access Approver" { reports to ciso authorized to approve-access }
role implementer "Access Administrator" { reports to ciso responsible for provision-access accountable for provision-access }
authority approve-access "Approve access requests" { activity approve-access }
responsibility provision-access "Provision approved access" { activity implement-access }
person omar "Omar Haddad"
assign omar to approver since 2024-03-01 appointed by board { announced 2024-03-01 via email to all-staff }
assign jane to implementer since 2024-06-01 appointed by board { announced 2024-06-01 via email to all-staff }
${delegation}
`;

        it('fires on a delegation to the person, within its window', async () => {
            const findings = await check(plus(delegated('delegate approve-access from approver to jane since 2025-06-02 until 2025-07-31')));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:8']);
            const [message] = messageOf(findings, 'sod-conflict');
            expect(message).toContain("'approve-access' (activity approve-access, delegated from approver)");
            expect(message).toContain('from 2025-06-02 to 2025-07-31');
        });
        it('does not fire after the window closed', async () => {
            const files = plus(delegated('delegate approve-access from approver to jane since 2025-06-02 until 2025-06-20'));
            expect(where(await check(files), 'sod-conflict')).toEqual([]);
            expect(where(await check(files, '2025-06-20'), 'sod-conflict')).toEqual(['extra.mandate:8']);
        });
        it('fires on a delegation to a role the person holds, for the days both are in force', async () => {
            const toRole = delegated('role deputy-admin "Deputy Administrator" { reports to ciso }\n'
                + 'assign jane to deputy-admin since 2025-06-10 appointed by board { announced 2025-06-10 via email to all-staff }\n'
                + 'delegate approve-access from approver to deputy-admin since 2025-06-02');
            const findings = await check(plus(toRole));
            // The assignment to the receiving role started later than the delegation, so it created the conflict.
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:9']);
            const [message] = messageOf(findings, 'sod-conflict');
            expect(message).toContain("'approve-access' (activity approve-access, delegated from approver to deputy-admin)");
            expect(message).toContain('since 2025-06-10');
        });
        it('does not fire for a delegation to somebody else', async () => {
            const files = plus(delegated('person lee "Lee Chen"\ndelegate approve-access from approver to lee since 2025-06-02'));
            expect(where(await check(files), 'sod-conflict')).toEqual([]);
        });
    });

    describe('declared conflicts', () => {
        const declared = (conflict: string, auditorSince = '2025-01-06') => `role auditor "Internal Auditor" { reports to board }
${conflict}
assign jane to auditor since ${auditorSince} appointed by board { announced ${auditorSince} via email to all-staff }
`;

        it('fire between two roles one person holds, on the later assignment, with the declared reason', async () => {
            const findings = await check(plus(declared('conflict between auditor and ciso "An auditor must not audit their own work."')));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:3']);
            const [message] = messageOf(findings, 'sod-conflict');
            expect(message).toContain("the role 'auditor' and the role 'ciso' since 2025-01-06");
            expect(message).toContain('extra.mandate:2 forbids: An auditor must not audit their own work. ');
            expect(message).toContain('compensated by');
            expect(severitiesOf(findings, 'sod-conflict')).toEqual(['error']);
        });
        it('fire between a role and a duty another role carries', async () => {
            const findings = await check(plus(declared('conflict between auditor and isms-conformance')));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:3']);
            expect(messageOf(findings, 'sod-conflict')[0]).toContain("'isms-conformance' (as ciso)");
        });
        it('are a warning when compensated, and say so', async () => {
            const findings = await check(plus(declared('conflict between auditor and ciso { compensated by "External review of every audit report" }')));
            expect(severitiesOf(findings, 'sod-conflict')).toEqual(['warning']);
            expect(messageOf(findings, 'sod-conflict')[0]).toContain('compensated by "External review of every audit report"');
        });
        it('stay one level below a configured severity when compensated', async () => {
            const config = '{ "rules": { "sod-conflict": "warning" } }';
            const compensated = await check(plus(declared('conflict between auditor and ciso { compensated by "External review" }')), AS_OF, config);
            expect(severitiesOf(compensated, 'sod-conflict')).toEqual(['info']);
            const plain = await check(plus(declared('conflict between auditor and ciso')), AS_OF, config);
            expect(severitiesOf(plain, 'sod-conflict')).toEqual(['warning']);
        });
        it('do not fire when the periods do not overlap, or for a conflict of a role with itself', async () => {
            const later = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2024-12-31'),
                { 'extra.mandate': declared('conflict between auditor and ciso') });
            expect(where(await check(later), 'sod-conflict')).toEqual([]);
            expect(where(await check(plus(declared('conflict between ciso and ciso'))), 'sod-conflict')).toEqual([]);
        });
        it('take the place of a built-in pair on the same two duties, with their compensating control', async () => {
            const withConflict = accessRoles() + 'conflict between provision-access and approve-access "Access must be approved by someone else." {\n'
                + '    compensated by "Monthly review of all grants by the ISMS manager"\n}\n';
            const findings = await check(plus(withConflict));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:12']);
            expect(severitiesOf(findings, 'sod-conflict')).toEqual(['warning']);
            expect(messageOf(findings, 'sod-conflict')[0]).toContain('Access must be approved by someone else');
        });
        it('take the place of a built-in pair between the roles that carry its duties', async () => {
            const withConflict = accessRoles() + 'conflict between approver and implementer { compensated by "Dual control in the IAM tool" }\n';
            const findings = await check(plus(withConflict));
            expect(where(findings, 'sod-conflict')).toEqual(['extra.mandate:12']);
            expect(severitiesOf(findings, 'sod-conflict')).toEqual(['warning']);
        });
    });
});

describe('activity-unknown', () => {
    it('fires on the activity of a responsibility or authority, suggesting the closest one', async () => {
        const findings = await check(plus(
            'responsibility grant "Grant access" {\n    activity implement-acess\n}\nauthority ok "Approve" { activity approve-access }\n'
            + 'authority release "Release" {\n    activity deploy-prodution\n}\n'));
        expect(where(findings, 'activity-unknown')).toEqual(['extra.mandate:2', 'extra.mandate:6']);
        const [first, second] = messageOf(findings, 'activity-unknown');
        expect(first).toContain("Did you mean 'implement-access'");
        expect(second).toContain("Did you mean 'deploy-production'");
        expect(findings.find(finding => finding.rule === 'activity-unknown')?.severity).toBe('error');
    });
    it('lists the catalogue when nothing is close', async () => {
        const findings = await check(plus('responsibility r "R" {\n    activity change-approval\n}\n'));
        expect(messageOf(findings, 'activity-unknown')[0]).toContain('request-access, approve-access');
    });
    it('does not fire on catalogue activities', async () => {
        const text = ACTIVITIES.map((activity, index) => `responsibility r${index} "R" { activity ${activity.id} }`).join('\n');
        expect(where(await check(plus(text)), 'activity-unknown')).toEqual([]);
    });
});

describe('raci-accountable', () => {
    it('fires on a carried responsibility with no accountable role, naming the responsible roles', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace(CISO_DUTIES, 'responsible for isms-reporting, isms-conformance\n    accountable for isms-conformance')));
        expect(where(findings, 'raci-accountable')).toEqual(['roles.mandate:8']);
        expect(messageOf(findings, 'raci-accountable')[0]).toContain("no role is accountable for it (responsible: 'ciso')");
        expect(rules(findings)).toEqual(['raci-accountable']);
    });
    it('fires when two roles are accountable, naming both', async () => {
        const findings = await check(plus('role cfo "CFO" { reports to board accountable for isms-reporting }\n'));
        expect(where(findings, 'raci-accountable')).toEqual(['roles.mandate:8']);
        expect(messageOf(findings, 'raci-accountable')[0]).toContain("2 roles are accountable for it ('cfo', 'ciso')");
    });
    it('fires when the accountable role is held by nobody on the as-of date', async () => {
        const files = withEdit('roles.mandate', text => text.replace(CISO_DUTIES, 'responsible for isms-reporting, isms-conformance\n    accountable for isms-conformance'),
            { 'extra.mandate': 'role cfo "CFO" { reports to board accountable for isms-reporting }\n' });
        const findings = await check(files);
        expect(messageOf(findings, 'raci-accountable')).toEqual([expect.stringContaining(`its accountable role 'cfo' is held by nobody on ${AS_OF}`)]);
    });
    it('fires when only an accountable role is declared, and nobody is responsible', async () => {
        const findings = await check(withEdit('roles.mandate', text => text.replace(CISO_DUTIES, 'responsible for isms-conformance\n    accountable for isms-reporting, isms-conformance')));
        expect(where(findings, 'raci-accountable')).toEqual(['roles.mandate:8']);
        expect(messageOf(findings, 'raci-accountable')[0]).toContain("no role is responsible for it (accountable: 'ciso')");
    });
    it('accepts one role that is both responsible and accountable, plus consulted and informed roles', async () => {
        const files = plus('role cfo "CFO" { reports to board consulted on isms-reporting informed of isms-conformance }\n');
        expect(where(await check(files), 'raci-accountable')).toEqual([]);
    });
    it('leaves responsibilities nobody carries to unused-responsibility, and does not check authorities', async () => {
        const findings = await check(plus('responsibility spare "Spare"\nauthority sign "Sign" \nrole cfo "CFO" { reports to board authorized to sign }\n'));
        expect(where(findings, 'raci-accountable')).toEqual([]);
        expect(where(findings, 'unused-responsibility')).toEqual(['extra.mandate:1']);
    });
});

describe('unused-responsibility', () => {
    it('warns on a responsibility no role is responsible or accountable for', async () => {
        const findings = await check(plus('responsibility vendor-risk "Assess suppliers"\nrole cfo "CFO" { reports to board consulted on vendor-risk }\n'));
        expect(where(findings, 'unused-responsibility')).toEqual(['extra.mandate:1']);
        expect(findings.find(finding => finding.rule === 'unused-responsibility')?.severity).toBe('warning');
        expect(messageOf(findings, 'unused-responsibility')[0]).toContain('responsible for vendor-risk');
    });
    it('does not warn when a delegation hands it on', async () => {
        const files = plus('responsibility vendor-risk "Assess suppliers"\ndelegate vendor-risk from ciso to jane since 2025-01-01\n');
        expect(where(await check(files), 'unused-responsibility')).toEqual([]);
    });
    it('does not warn about authorities', async () => {
        expect(where(await check(plus('authority sign "Sign contracts"\n')), 'unused-responsibility')).toEqual([]);
    });
});

describe('internal-auditor-independence', () => {
    const designations = (extra: string) => withEdit('roles.mandate', text => text.replace('designated CISO', 'designated CISO\n    designated ISMS owner'), { 'extra.mandate': extra });
    const auditor = `role auditor "Internal Auditor" {
    designated internal auditor
    reports to board
}
`;

    it('fires when the ISMS owner is also the internal auditor, on the later assignment', async () => {
        const files = designations(`${auditor}assign jane to auditor since 2025-02-01 appointed by board { announced 2025-02-01 via email to all-staff }\n`);
        const findings = await check(files);
        expect(where(findings, 'internal-auditor-independence')).toEqual(['extra.mandate:5']);
        expect(messageOf(findings, 'internal-auditor-independence')[0]).toContain("designated ISMS owner ('ciso', people.mandate:6) since 2025-02-01");
    });
    it('reports the ISMS owner assignment when it came later', async () => {
        const files = { ...designations(`${auditor}assign jane to auditor since 2023-01-01 appointed by board { announced 2023-01-01 via email to all-staff }\n`) };
        expect(where(await check(files), 'internal-auditor-independence')).toEqual(['people.mandate:6']);
    });
    it('does not fire for different people, or periods that do not overlap, or overlaps in the past', async () => {
        const other = designations(`${auditor}person fatima "Fatima El-Amin"\nassign fatima to auditor since 2025-02-01 appointed by board { announced 2025-02-01 via email to all-staff }\n`);
        expect(where(await check(other), 'internal-auditor-independence')).toEqual([]);
        const before = designations(`${auditor}assign jane to auditor since 2022-01-01 until 2024-02-29 appointed by board { announced 2022-01-01 via email to all-staff }\n`);
        expect(where(await check(before), 'internal-auditor-independence')).toEqual([]);
        const past = designations(`${auditor}assign jane to auditor since 2024-06-01 until 2024-12-31 appointed by board { announced 2024-06-01 via email to all-staff }\n`);
        expect(where(await check(past), 'internal-auditor-independence')).toEqual([]);
        expect(where(await check(past, '2024-12-31'), 'internal-auditor-independence')).toEqual(['extra.mandate:5']);
    });
    it('fires on the duty when the auditor role itself carries 5.3(a), even with no ISMS owner designation', async () => {
        const findings = await check(plus(`role auditor "Internal Auditor" {
    designated internal auditor
    reports to board
    responsible for internal-audit
    accountable for internal-audit, isms-conformance
}
responsibility internal-audit "Audit the ISMS"
`));
        expect(where(findings, 'internal-auditor-independence')).toEqual(['extra.mandate:5']);
        expect(messageOf(findings, 'internal-auditor-independence')[0]).toContain("is accountable for 'isms-conformance'");
    });
    it('fires when the CISO is also the internal auditor, in a policy that designates no ISMS owner', async () => {
        const findings = await check(plus(`${auditor}assign jane to auditor since 2025-02-01 appointed by board { announced 2025-02-01 via email to all-staff }\n`));
        expect(where(findings, 'internal-auditor-independence')).toEqual(['extra.mandate:5']);
        expect(messageOf(findings, 'internal-auditor-independence')[0]).toContain("designated CISO ('ciso', people.mandate:6) since 2025-02-01");
    });
    it('fires on a role designated both internal auditor and ISMS owner', async () => {
        const findings = await check(plus('role auditor "Auditor" {\n    designated ISMS owner\n    designated internal auditor\n}\n'));
        expect(where(findings, 'internal-auditor-independence')).toEqual(['extra.mandate:3']);
    });
});

describe('person-without-role', () => {
    const employee = (block = 'employed since 2021-05-03') => `person omar "Omar Haddad" {\n    ${block}\n}\n`;

    it('informs about an employee who holds no role on the as-of date', async () => {
        const findings = await check(plus(employee()));
        expect(where(findings, 'person-without-role')).toEqual(['extra.mandate:1']);
        expect(findings.find(finding => finding.rule === 'person-without-role')?.severity).toBe('info');
        expect(messageOf(findings, 'person-without-role')[0]).toContain('assign omar to <role>');
    });
    it('counts only assignments in force on the as-of date', async () => {
        const ended = employee() + 'assign omar to ciso since 2021-05-03 until 2024-12-31 appointed by board { announced 2021-05-03 via email to all-staff }\n';
        expect(where(await check(plus(ended)), 'person-without-role')).toEqual(['extra.mandate:1']);
        expect(where(await check(plus(ended), '2024-12-31'), 'person-without-role')).toEqual([]);
    });
    it('does not fire for a delegate, a leaver, a future joiner, a non-employee or an impossible date', async () => {
        expect(where(await check(plus(employee() + 'delegate isms-reporting from ciso to omar since 2025-06-01\n')), 'person-without-role')).toEqual([]);
        expect(where(await check(plus(employee('employed since 2021-05-03 until 2025-03-31'))), 'person-without-role')).toEqual([]);
        expect(where(await check(plus(employee('employed since 2025-09-01'))), 'person-without-role')).toEqual([]);
        expect(where(await check(plus(employee('job title "Non-executive Director"'))), 'person-without-role')).toEqual([]);
        expect(where(await check(plus(employee('employed since 2024-02-30'))), 'person-without-role')).toEqual([]);
    });
});

describe('top-management-missing', () => {
    it('fires on the organization when it names no top management', async () => {
        const findings = await check(withEdit('organization.mandate', text => text.replace('top management board', 'description "Acme"')));
        expect(where(findings, 'top-management-missing')).toEqual(['organization.mandate:2']);
        expect(messageOf(findings, 'top-management-missing')[0]).toContain('top management <role>');
    });
    it('fires once, on the first declaration, when there is no organization', async () => {
        const findings = await check({ 'a.mandate': 'role ciso "CISO" { designated CISO }\n', 'b.mandate': 'role cto "CTO"\n' });
        expect(where(findings, 'top-management-missing')).toEqual(['a.mandate:1']);
        expect(messageOf(findings, 'top-management-missing')[0]).toContain('declares no organization');
    });
    it('leaves an undeclared top management role to the linker, and an empty workspace to policy-empty', async () => {
        const findings = await check(withEdit('organization.mandate', text => text.replace('top management board', 'top management bored')));
        expect(where(findings, 'top-management-missing')).toEqual([]);
        expect(rules(findings)).toContain('linking-error');
        expect(rules(await check({ 'empty.mandate': '// nothing yet\n' }))).toEqual(['policy-empty']);
    });
});
