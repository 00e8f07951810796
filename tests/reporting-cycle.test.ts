/** reporting-cycle: `reports to` lines that go round in a circle (found by a new user's trial: nothing flagged them). */
import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace-helpers.js';
import { check, CLEAN_POLICY, where } from './helpers.js';

const withRoles = (roles: string) => ({ ...CLEAN_POLICY, 'team.mandate': roles });

describe('reporting-cycle', () => {
    it('reports a role that reports to itself', async () => {
        const findings = await check(withRoles('role s "Self" { reports to s }\n'));
        expect(where(findings, 'reporting-cycle')).toEqual(['team.mandate:1']);
        expect(findings.find(finding => finding.rule === 'reporting-cycle')?.message).toMatch(/^'s' reports to itself: the reporting line goes round in a circle/);
    });

    it('reports a circle once, on its first role declared, naming the others in order with their places, across files', async () => {
        // Files are read in name order: more.mandate before team.mandate, so 'b' is the circle's first role declared.
        const files = { ...withRoles('role a "A" { reports to b }\nrole c "C" { reports to a }\n'), 'more.mandate': 'role b "B" { reports to c }\nrole d "D" { reports to a }\n' };
        const findings = await check(files);
        expect(where(findings, 'reporting-cycle')).toEqual(['more.mandate:1']);
        const finding = findings.find(entry => entry.rule === 'reporting-cycle')!;
        expect(finding.message).toMatch(/^'b' reports to 'c' \(team\.mandate:2\), which reports to 'a' \(team\.mandate:1\), which reports back to 'b': /);
        // 'd' reports into the circle without being on it.
        expect(finding.message).not.toContain("'d'");
    });

    it('reports each of two circles, and nothing for lines that end at the top', async () => {
        expect(where(await check(withRoles('role a "A" { reports to b }\nrole b "B" { reports to a }\nrole x "X" { reports to y }\nrole y "Y" { reports to x }\n')), 'reporting-cycle'))
            .toEqual(['team.mandate:1', 'team.mandate:3']);
        expect(where(await check(withRoles('role a "A" { reports to b }\nrole b "B" { reports to ciso }\n')), 'reporting-cycle')).toEqual([]);
        expect(where(await check(CLEAN_POLICY), 'reporting-cycle')).toEqual([]);
    });

    it('follows an edit in another file as a cold build does', async () => {
        const files = withRoles('role a "A" { reports to b }\n');
        const workspace = await Workspace.open({ ...files, 'more.mandate': 'role b "B" { reports to ciso }\n' });
        expect(workspace.codes('more.mandate')).not.toContain('reporting-cycle');
        await workspace.write('more.mandate', 'role b "B" { reports to a }\n');
        expect(workspace.codes('more.mandate')).toContain('reporting-cycle');
        const cold = await Workspace.open({ ...files, 'more.mandate': 'role b "B" { reports to a }\n' });
        expect(workspace.diagnostics()).toEqual(cold.diagnostics());
    });
});

describe('reporting-cycle wording', () => {
    it('speaks of one role when a role reports to itself', async () => {
        const message = (await check({ ...CLEAN_POLICY, 'team.mandate': 'role s "Self" { reports to s }\n' })).find(finding => finding.rule === 'reporting-cycle')?.message;
        expect(message).toBe("'s' reports to itself: the reporting line goes round in a circle and never reaches the top, so nobody above it answers for this role. Make it report to another role, or to top management.");
    });
});
