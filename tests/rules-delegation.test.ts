import { describe, expect, it } from 'vitest';
import { edgesOnCycles, stronglyConnectedComponents } from '../language/util/strongly-connected.js';
import { check, CLEAN_POLICY, rules, where, type Files } from './helpers.js';

/**
 * A small operations team next to the clean policy's CISO. Job descriptions:
 *   ops:     responsible for incident-response, accountable for incident-response and backups,
 *            authorized to approve-access, appoint-analysts
 *   deputy:  responsible for backups
 *   analyst: nothing
 * Holders: olga (ops) since 2023-01-01, dev (deputy) and ana (analyst) since 2023-06-01, all open-ended.
 */
const TEAM = `
role ops "Head of Operations" {
    reports to board
    responsible for incident-response
    accountable for incident-response, backups
    authorized to approve-access, appoint-analysts
}
role deputy "Deputy Head of Operations" {
    reports to ops
    responsible for backups
}
role analyst "Security Analyst" {
    reports to ops
}
responsibility incident-response "Handle security incidents"
responsibility backups "Keep backups restorable"
authority approve-access "Approve privileged access"
authority appoint-analysts "Appoint security analysts" { may appoint analyst }
person olga "Olga Berg" { employed since 2019-01-01 }
person dev "Dev Patel" { employed since 2020-01-01 }
person ana "Ana Silva" { employed since 2021-01-01 }
assign olga to ops since 2023-01-01 appointed by board { announced 2023-01-02 via intranet to all-staff }
assign dev to deputy since 2023-06-01 appointed by board { announced 2023-06-01 via intranet to all-staff }
assign ana to analyst since 2023-06-01 appointed by board { announced 2023-06-01 via intranet to all-staff }
`;

/** The clean policy, the team (optionally edited) and `delegations`, one per line from line 1 of delegations.mandate. */
function policy(delegations: readonly string[], team: (text: string) => string = text => text): Files {
    return { ...CLEAN_POLICY, 'team.mandate': team(TEAM), 'delegations.mandate': delegations.join('\n') + '\n' };
}

function messageOf(findings: Awaited<ReturnType<typeof check>>, rule: string): string {
    return findings.find(finding => finding.rule === rule)?.message ?? '';
}

describe('the delegation test policy', () => {
    it('has no findings without delegations, and none with sound ones', async () => {
        expect(await check(policy([]))).toEqual([]);
        expect(await check(policy([
            'delegate incident-response from ops to dev since 2024-07-01 until 2024-07-31',
            'delegate approve-access from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate approve-access from deputy to ana since 2024-07-10 until 2024-07-20',
            'delegate backups from deputy to ops since 2024-08-01 until 2024-08-15',
            'delegate appoint-analysts from ops to dev since 2024-12-16 until 2025-01-10',
            'delegate incident-response from ops to ana since 2025-01-01'
        ]))).toEqual([]);
    });
});

describe('delegation-escalation', () => {
    it('fires on the delegating role when its job description does not carry the duty', async () => {
        const findings = await check(policy(['delegate approve-access from analyst to ana since 2024-01-01']));
        expect(where(findings, 'delegation-escalation')).toEqual(['delegations.mandate:1']);
        expect(findings.find(finding => finding.rule === 'delegation-escalation')?.column).toBe('delegate approve-access from '.length + 1);
        expect(messageOf(findings, 'delegation-escalation')).toContain("'analyst' delegates the authority 'approve-access', which it does not hold");
        expect(messageOf(findings, 'delegation-escalation')).toContain('(2024-01-01)');
    });

    it('does not count roles that are only consulted on or informed of the duty', async () => {
        const files = policy(['delegate incident-response from analyst to ana since 2024-01-01'],
            text => text.replace('role analyst "Security Analyst" {', 'role analyst "Security Analyst" {\n    consulted on incident-response\n    informed of backups'));
        expect(where(await check(files), 'delegation-escalation')).toEqual(['delegations.mandate:1']);
    });

    it('accepts a duty the role is responsible for, accountable for or authorized to', async () => {
        const findings = await check(policy([
            'delegate incident-response from ops to dev since 2024-01-01',
            'delegate approve-access from ops to dev since 2024-01-01',
            'delegate backups from deputy to ana since 2024-01-01'
        ]));
        expect(where(findings, 'delegation-escalation')).toEqual([]);
    });

    it('does not count a delegation from the role to itself as receiving the duty, so two of them vouch for neither, nor for passing it on', async () => {
        const findings = await check(policy([
            'delegate approve-access from analyst to analyst since 2024-01-01',
            'delegate approve-access from analyst to analyst since 2024-02-01',
            'delegate approve-access from analyst to ana since 2024-03-01'
        ]));
        expect(where(findings, 'delegation-escalation')).toEqual(['delegations.mandate:1', 'delegations.mandate:2', 'delegations.mandate:3']);
    });

    it('accepts passing on a duty received by a delegation in force when the chained delegation starts', async () => {
        const findings = await check(policy([
            'delegate approve-access from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate approve-access from deputy to ana since 2024-07-10 until 2024-07-20'
        ]));
        expect(where(findings, 'delegation-escalation')).toEqual([]);
    });

    it('fires when the received delegation had ended, or not begun, when the chained one starts', async () => {
        const findings = await check(policy([
            'delegate approve-access from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate approve-access from deputy to ana since 2024-08-01 until 2024-08-10',
            'delegate approve-access from deputy to dev since 2024-06-01 until 2024-06-10'
        ]));
        expect(where(findings, 'delegation-escalation')).toEqual(['delegations.mandate:2', 'delegations.mandate:3']);
    });

    it('reports only the delegation that escalates, not the ones chained from it', async () => {
        const findings = await check(policy([
            'delegate approve-access from analyst to deputy since 2024-01-01',
            'delegate approve-access from deputy to ana since 2024-02-01'
        ]));
        expect(where(findings, 'delegation-escalation')).toEqual(['delegations.mandate:1']);
    });

    it('does not let a role legitimise a duty by delegating it to itself', async () => {
        const findings = await check(policy(['delegate approve-access from analyst to analyst since 2024-01-01']));
        expect(where(findings, 'delegation-escalation')).toEqual(['delegations.mandate:1']);
    });

    it('judges an undated delegation on the as-of date', async () => {
        const files = policy([
            'delegate approve-access from ops to deputy since 2025-01-01',
            'delegate approve-access from deputy to ana'
        ]);
        expect(where(await check(files, '2025-06-30'), 'delegation-escalation')).toEqual([]);
        expect(where(await check(files, '2024-12-31'), 'delegation-escalation')).toEqual(['delegations.mandate:2']);
    });
});

describe('accountability-delegated', () => {
    it('fires on the duty when the delegating role is only accountable for it', async () => {
        const findings = await check(policy(['delegate backups from ops to dev since 2024-01-01']));
        expect(where(findings, 'accountability-delegated')).toEqual(['delegations.mandate:1']);
        expect(findings.find(finding => finding.rule === 'accountability-delegated')?.column).toBe('delegate '.length + 1);
        expect(messageOf(findings, 'accountability-delegated')).toContain("'ops' is only accountable for 'backups'");
        // Accountable counts as carrying the duty, so this is not also an escalation.
        expect(where(findings, 'delegation-escalation')).toEqual([]);
    });

    it('does not take a delegation from the role to itself for doing the work', async () => {
        const findings = await check(policy(['delegate backups from ops to ops since 2024-01-01', 'delegate backups from ops to dev since 2024-02-01']));
        expect(where(findings, 'accountability-delegated')).toEqual(['delegations.mandate:1', 'delegations.mandate:2']);
    });

    it('fires on the recipient when it also claims accountability for the duty', async () => {
        const files = policy(['delegate incident-response from ops to deputy since 2024-01-01'],
            text => text.replace('responsible for backups', 'responsible for backups\n    accountable for incident-response'));
        const findings = await check(files);
        expect(where(findings, 'accountability-delegated')).toEqual(['delegations.mandate:1']);
        expect(findings.find(finding => finding.rule === 'accountability-delegated')?.column).toBe('delegate incident-response from ops to '.length + 1);
        expect(messageOf(findings, 'accountability-delegated')).toContain("'deputy' receives 'incident-response' from 'ops'");
    });

    it('accepts delegating the work of a role that is responsible and accountable', async () => {
        const files = policy(['delegate backups from ops to dev since 2024-01-01'],
            text => text.replace('accountable for incident-response, backups', 'responsible for backups\n    accountable for incident-response, backups'));
        expect(where(await check(files), 'accountability-delegated')).toEqual([]);
    });

    it('accepts handing the work up to the accountable role', async () => {
        const findings = await check(policy(['delegate backups from deputy to ops since 2024-08-01 until 2024-08-15']));
        expect(rules(findings)).toEqual([]);
    });

    it('accepts an accountable role passing on work that was delegated to it', async () => {
        const findings = await check(policy([
            'delegate backups from deputy to ops since 2024-08-01 until 2024-08-15',
            'delegate backups from ops to ana since 2024-08-05 until 2024-08-10'
        ]));
        expect(where(findings, 'accountability-delegated')).toEqual([]);
    });
});

describe('delegation-window', () => {
    it('fires on the start when no holder of the delegating role was assigned then', async () => {
        const findings = await check(policy(['delegate incident-response from ops to dev since 2022-06-01 until 2022-12-31']));
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:1']);
        expect(findings.find(finding => finding.rule === 'delegation-window')?.column).toBe('delegate incident-response from ops to dev since '.length + 1);
        expect(messageOf(findings, 'delegation-window')).toContain("'ops' is held by olga since 2023-01-01");
    });

    it('fires on the end when the delegation outlasts the holder', async () => {
        const files = policy(['delegate incident-response from ops to dev since 2025-06-01 until 2026-03-31'],
            text => text.replace('assign olga to ops since 2023-01-01', 'assign olga to ops since 2023-01-01 until 2025-12-31'));
        const findings = await check(files);
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:1']);
        expect(findings.find(finding => finding.rule === 'delegation-window')?.column)
            .toBe('delegate incident-response from ops to dev since 2025-06-01 until '.length + 1);
    });

    it('treats open ends as unbounded: a delegation without end needs a holder without end', async () => {
        const files = policy(['delegate incident-response from ops to dev since 2024-01-01'],
            text => text.replace('assign olga to ops since 2023-01-01', 'assign olga to ops since 2023-01-01 until 2025-12-31'));
        expect(where(await check(files), 'delegation-window')).toEqual(['delegations.mandate:1']);
        const undated = await check(policy(['delegate incident-response from ops to dev until 2024-12-31']));
        expect(where(undated, 'delegation-window')).toEqual(['delegations.mandate:1']);
    });

    it('does not combine the tenures of successive holders', async () => {
        const files = policy(['delegate incident-response from ops to dev since 2024-11-01 until 2025-02-28'], text => text
            .replace('assign olga to ops since 2023-01-01', 'assign olga to ops since 2023-01-01 until 2024-12-31')
            .concat('assign ana to ops since 2025-01-01 appointed by board { announced 2025-01-02 via intranet to all-staff }\n'));
        const findings = await check(files);
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-window')).toContain('olga from 2023-01-01 to 2024-12-31; ana since 2025-01-01');
    });

    it('names the days a holder who left really held the role, not the assignment left open after leaving', async () => {
        const files = policy(['delegate incident-response from ops to dev since 2025-01-01'], text => text
            .replace('assign olga to ops since 2023-01-01', 'assign olga to ops since 2023-01-01 until 2025-06-30')
            .replace(/person olga "([^"]*)"( \{[^}]*\})?/, 'person olga "$1" { employed since 2019-01-01 until 2025-03-31 }'));
        const findings = await check(files, '2025-05-01');
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-window')).toContain(
            "'ops' is held by olga from 2023-01-01 to 2025-03-31 (assigned from 2023-01-01 to 2025-06-30, but with the organization only from 2019-01-01 to 2025-03-31)");
    });

    it('fires for a role that nobody holds', async () => {
        const files = policy(['delegate backups from deputy to ana since 2024-01-01 until 2024-01-31'],
            text => text.replace(/assign dev to deputy.*\n/, ''));
        const findings = await check(files);
        expect(where(findings, 'delegation-window')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-window')).toContain("'deputy' has no holder at all");
    });

    it('accepts a window inside one holder\'s assignment, including its first and last day', async () => {
        const files = policy(['delegate incident-response from ops to dev since 2023-01-01 until 2025-12-31'],
            text => text.replace('assign olga to ops since 2023-01-01', 'assign olga to ops since 2023-01-01 until 2025-12-31'));
        expect(where(await check(files), 'delegation-window')).toEqual([]);
    });
});

describe('delegation-expired', () => {
    const cover = 'delegate appoint-analysts from ops to dev since 2024-12-16 until 2025-01-10';

    it('fires on the end of a delegation of appointing authority used after it ended', async () => {
        const files = policy([cover], text => text.replace(/assign ana to analyst since 2023-06-01 appointed by board/, 'assign ana to analyst since 2025-02-03 appointed by dev'));
        const findings = await check(files);
        expect(where(findings, 'delegation-expired')).toEqual(['delegations.mandate:1']);
        expect(findings.find(finding => finding.rule === 'delegation-expired')?.column).toBe(`${cover.replace(/2025-01-10$/, '')}`.length + 1);
        expect(messageOf(findings, 'delegation-expired')).toContain("ended on 2025-01-10, but the assignment of 'ana' to 'analyst' since 2025-02-03, appointed by 'dev' relies on it");
        // The assignment itself is reported by appointment-authority.
        expect(where(findings, 'appointment-authority')).toEqual(['team.mandate:24']);
    });

    it('follows a delegation to a role to the person who held that role', async () => {
        const files = policy(['delegate appoint-analysts from ops to deputy since 2024-12-16 until 2025-01-10'],
            text => text.replace(/assign ana to analyst since 2023-06-01 appointed by board/, 'assign ana to analyst since 2025-02-03 appointed by dev'));
        expect(where(await check(files), 'delegation-expired')).toEqual(['delegations.mandate:1']);
    });

    it('fires for an appointment recorded as made by the role the delegation went to', async () => {
        const files = policy(['delegate appoint-analysts from ops to deputy since 2024-12-16 until 2025-01-10'],
            text => text.replace(/assign ana to analyst since 2023-06-01 appointed by board/, 'assign ana to analyst since 2025-02-03 appointed by deputy'));
        const findings = await check(files);
        expect(where(findings, 'delegation-expired')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-expired')).toContain("appointed by 'deputy' relies on it");
    });

    it('does not fire for appointments made while the delegation was in force', async () => {
        const files = policy([cover], text => text.replace(/assign ana to analyst since 2023-06-01 appointed by board/, 'assign ana to analyst since 2025-01-06 appointed by dev'));
        expect(await check(files)).toEqual([]);
    });

    it('does not fire when the appointer had the authority from elsewhere', async () => {
        const files = policy([cover, 'delegate appoint-analysts from ops to dev since 2025-02-01 until 2025-02-28'],
            text => text.replace(/assign ana to analyst since 2023-06-01 appointed by board/, 'assign ana to analyst since 2025-02-03 appointed by dev'));
        expect(where(await check(files), 'delegation-expired')).toEqual([]);
    });

    it('fires for a chained delegation whose role delegates the duty to itself as well: that is no receipt of it', async () => {
        const files = policy([
            'delegate approve-access from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate approve-access from deputy to ana since 2024-07-10',
            'delegate approve-access from deputy to deputy since 2024-07-10'
        ]);
        const findings = await check(files);
        expect(where(findings, 'delegation-expired')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-expired')).toContain("the delegation of 'approve-access' from 'deputy' to 'ana', still in force");
    });

    it('fires when a delegation chained from it is still in force, and not before it ended', async () => {
        const files = policy([
            'delegate approve-access from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate approve-access from deputy to ana since 2024-07-10'
        ]);
        const findings = await check(files, '2025-06-30');
        expect(where(findings, 'delegation-expired')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-expired')).toContain("the delegation of 'approve-access' from 'deputy' to 'ana', still in force on 2025-06-30 relies on it");
        expect(where(findings, 'delegation-escalation')).toEqual([]);
        expect(where(await check(files, '2024-07-20'), 'delegation-expired')).toEqual([]);
    });

    it('does not fire when the chained delegation ended too, or the role carries the duty itself', async () => {
        expect(where(await check(policy([
            'delegate approve-access from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate approve-access from deputy to ana since 2024-07-10 until 2024-07-31'
        ])), 'delegation-expired')).toEqual([]);
        expect(where(await check(policy([
            'delegate backups from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate backups from deputy to ana since 2024-07-10'
        ])), 'delegation-expired')).toEqual([]);
    });

    it('lists every reliance in one finding', async () => {
        const files = policy([
            'delegate approve-access from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate approve-access from deputy to ana since 2024-07-10',
            'delegate approve-access from deputy to dev since 2024-07-15'
        ]);
        const findings = await check(files);
        expect(where(findings, 'delegation-expired')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-expired')).toMatch(/to 'ana'.*; and .*to 'dev'.* rely on it/);
    });
});

describe('delegation-cycle', () => {
    it('fires on every delegation of a two-role cycle', async () => {
        const findings = await check(policy([
            'delegate incident-response from ops to deputy since 2024-01-01',
            'delegate incident-response from deputy to ops since 2024-02-01'
        ]));
        expect(where(findings, 'delegation-cycle')).toEqual(['delegations.mandate:1', 'delegations.mandate:2']);
        expect(findings.find(finding => finding.rule === 'delegation-cycle')?.column).toBe('delegate incident-response from ops to '.length + 1);
        expect(messageOf(findings, 'delegation-cycle')).toContain("among 'deputy', 'ops', all in force on 2024-02-01, lead back");
        expect(rules(findings)).toEqual(['delegation-cycle']);
    });

    it('fires on a longer cycle, but not on the delegation that leads into it', async () => {
        const findings = await check(policy([
            'delegate approve-access from ops to deputy since 2024-01-01',
            'delegate approve-access from deputy to analyst since 2024-01-01',
            'delegate approve-access from analyst to ciso since 2024-01-01',
            'delegate approve-access from ciso to deputy since 2024-01-01'
        ]));
        expect(where(findings, 'delegation-cycle')).toEqual(['delegations.mandate:2', 'delegations.mandate:3', 'delegations.mandate:4']);
    });

    it('fires on a role that delegates a duty to itself', async () => {
        const findings = await check(policy(['delegate incident-response from ops to ops since 2024-01-01']));
        expect(where(findings, 'delegation-cycle')).toEqual(['delegations.mandate:1']);
        expect(messageOf(findings, 'delegation-cycle')).toContain("'ops' delegates it to itself");
    });

    it('builds one graph per duty: roles covering different duties for each other is no cycle', async () => {
        const findings = await check(policy([
            'delegate incident-response from ops to deputy since 2024-01-01',
            'delegate backups from deputy to ops since 2024-01-01'
        ]));
        expect(where(findings, 'delegation-cycle')).toEqual([]);
    });

    it('requires the delegations to be in force on a common day', async () => {
        // Two co-leads who both carry the duty cover each other's leave in turn.
        const team = (text: string) => text.replace('responsible for backups', 'responsible for backups, incident-response');
        const turns = await check(policy([
            'delegate incident-response from ops to deputy since 2024-07-01 until 2024-07-31',
            'delegate incident-response from deputy to ops since 2024-08-01 until 2024-08-31'
        ], team));
        expect(rules(turns)).toEqual([]);
        const overlapping = await check(policy([
            'delegate incident-response from ops to deputy since 2024-07-01 until 2024-08-05',
            'delegate incident-response from deputy to ops since 2024-08-01 until 2024-08-31'
        ], team));
        expect(where(overlapping, 'delegation-cycle')).toEqual(['delegations.mandate:1', 'delegations.mandate:2']);
        expect(messageOf(overlapping, 'delegation-cycle')).toContain('all in force on 2024-08-01');
    });

    it('counts delegations without dates as always in force', async () => {
        const findings = await check(policy([
            'delegate incident-response from ops to deputy',
            'delegate incident-response from deputy to ops'
        ]));
        expect(where(findings, 'delegation-cycle')).toEqual(['delegations.mandate:1', 'delegations.mandate:2']);
        expect(messageOf(findings, 'delegation-cycle')).toContain('all in force together (none has a start date)');
    });

    it('reports every delegation of a long cycle, and none of the same chain left open', async () => {
        const size = 300;
        const roles = Array.from({ length: size }, (_, index) => `role r${index} "R${index}"${index === 0 ? ' { responsible for chained }' : ''}`);
        const chain = Array.from({ length: size - 1 }, (_, index) => `delegate chained from r${index} to r${index + 1}`);
        const files = { ...CLEAN_POLICY, 'many.mandate': [...roles, 'responsibility chained "Chained"', ...chain].join('\n') + '\n' };
        expect(where(await check(files), 'delegation-cycle')).toEqual([]);
        const closed = await check({ ...files, 'close.mandate': `delegate chained from r${size - 1} to r0\n` });
        expect(where(closed, 'delegation-cycle')).toHaveLength(size);
        expect(messageOf(closed, 'delegation-cycle')).toContain("'r0', 'r1', 'r10', 'r100', 'r101' and 295 more");
    });
});

describe('strongly connected components', () => {
    it('finds the components of a small graph', () => {
        const edges = [['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['d', 'e'], ['e', 'd'], ['f', 'f'], ['e', 'g']]
            .map(([from, to]) => ({ from, to }));
        const component = stronglyConnectedComponents(edges);
        expect(new Set(['a', 'b', 'c'].map(node => component.get(node))).size).toBe(1);
        expect(component.get('d')).toBe(component.get('e'));
        expect(component.get('a')).not.toBe(component.get('d'));
        expect(edgesOnCycles(edges).map(({ edge }) => `${edge.from}${edge.to}`)).toEqual(['ab', 'bc', 'ca', 'de', 'ed', 'ff']);
    });

    // Speed belongs in `npm run bench`; this only proves the iteration never overflows the stack.
    it('is iterative: a chain of 200,000 edges does not overflow the stack', () => {
        const size = 200_000;
        const edges = Array.from({ length: size }, (_, index) => ({ from: index, to: index + 1 }));
        expect(edgesOnCycles(edges)).toEqual([]);
        edges.push({ from: size, to: 0 });
        expect(edgesOnCycles(edges)).toHaveLength(size + 1);
    });
});

describe('leaver-holds-role', () => {
    const leaver = (text: string) => text.replace('person dev "Dev Patel" { employed since 2020-01-01 }', 'person dev "Dev Patel" { employed since 2020-01-01 until 2025-01-31 }');

    it('fires on an assignment of a leaver without end date', async () => {
        const findings = await check(policy([], leaver));
        expect(where(findings, 'leaver-holds-role')).toEqual(['team.mandate:23']);
        expect(findings.find(finding => finding.rule === 'leaver-holds-role')?.column).toBe('assign '.length + 1);
        expect(messageOf(findings, 'leaver-holds-role')).toContain("'dev' left on 2025-01-31 (employed until), but this assignment to 'deputy' has no end date");
    });

    it('fires on the end of an assignment, or of a delegation, that outlasts the employment', async () => {
        const files = policy(['delegate incident-response from ops to dev since 2024-06-01 until 2025-03-31', 'delegate incident-response from ops to dev since 2025-01-01'],
            text => leaver(text).replace('assign dev to deputy since 2023-06-01', 'assign dev to deputy since 2023-06-01 until 2025-02-28'));
        const findings = await check(files);
        expect(where(findings, 'leaver-holds-role')).toEqual(['delegations.mandate:1', 'delegations.mandate:2', 'team.mandate:23']);
        const columns = findings.filter(finding => finding.rule === 'leaver-holds-role').map(finding => finding.column);
        expect(columns).toEqual([
            'delegate incident-response from ops to dev since 2024-06-01 until '.length + 1,
            'delegate incident-response from ops to '.length + 1,
            'assign dev to deputy since 2023-06-01 until '.length + 1
        ]);
    });

    it('accepts assignments and delegations that end by the leaving date', async () => {
        const files = policy(['delegate incident-response from ops to dev since 2024-06-01 until 2025-01-31'],
            text => leaver(text).replace('assign dev to deputy since 2023-06-01', 'assign dev to deputy since 2023-06-01 until 2025-01-31'));
        expect(where(await check(files), 'leaver-holds-role')).toEqual([]);
    });

    it('waits until the employment has ended before the as-of date', async () => {
        expect(where(await check(policy([], leaver), '2025-01-31'), 'leaver-holds-role')).toEqual([]);
        expect(where(await check(policy([], leaver), '2025-02-01'), 'leaver-holds-role')).toEqual(['team.mandate:23']);
    });
});
