/**
 * vacancy-in-period: the CISO role or a key role empty between two holders within the audit period
 * (the days before the as-of date), which the as-of date's holders alone hide. AS_OF is 2025-06-30.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { check, CLEAN_POLICY, where, withEdit } from './helpers.js';
import { reportOf } from './report-helpers.js';

/** CLEAN_POLICY's CISO (Jane since 2024-03-01) with a predecessor, Tom, whose term ends on `tomUntil`. */
function withPredecessor(tomUntil: string, janeSince = '2024-03-01', extra = ''): Record<string, string> {
    return withEdit('people.mandate', text => text.replace('since 2024-03-01', `since ${janeSince}`)
        + `person tom "Tom Becker" { employed since 2010-01-01 }\nassign tom to ciso since 2015-01-01 until ${tomUntil} appointed by board {\n    announced 2015-01-02 via email to all-staff\n}\n${extra}`);
}

const message = (findings: Awaited<ReturnType<typeof check>>) => findings.filter(finding => finding.rule === 'vacancy-in-period').map(finding => finding.message);

describe('vacancy-in-period', () => {
    it('reports a gap between two CISOs inside the 365 days before the as-of date, on the role, with its days', async () => {
        const findings = await check(withPredecessor('2024-10-31', '2025-02-01'));
        expect(where(findings, 'vacancy-in-period')).toEqual(['roles.mandate:2']);
        expect(message(findings)[0]).toMatch(/^Nobody held the CISO role 'ciso' from 2024-11-01 to 2025-01-31 \(92 days\), between two holders, in the 365 days before 2025-06-30\. /);
        expect(where(findings, 'ciso-vacant')).toEqual([]);
    });

    it('reports a one-day gap, the usual sign of a date typed wrong', async () => {
        const findings = await check(withPredecessor('2025-01-30', '2025-02-01'));
        expect(message(findings)[0]).toContain("Nobody held the CISO role 'ciso' on 2025-01-31 (1 day), between two holders");
    });

    it('reports nothing when the successor starts the day after, or when the terms overlap', async () => {
        expect(where(await check(withPredecessor('2025-01-31', '2025-02-01')), 'vacancy-in-period')).toEqual([]);
        expect(where(await check(withPredecessor('2025-03-31', '2025-02-01')), 'vacancy-in-period')).toEqual([]);
    });

    it('reports nothing for a gap that ended before the period, and the period is an option', async () => {
        const old = withPredecessor('2023-10-31', '2024-03-01');
        expect(where(await check(old), 'vacancy-in-period')).toEqual([]);
        expect(where(await check(old, undefined, '{ "rules": { "vacancy-in-period": { "periodDays": 730 } } }'), 'vacancy-in-period')).toEqual(['roles.mandate:2']);
    });

    it('counts the days before the role was first held as no gap (a new ISMS), and leaves a vacancy on the as-of date to ciso-vacant', async () => {
        expect(where(await check(CLEAN_POLICY), 'vacancy-in-period')).toEqual([]);
        const vacantNow = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2024-03-01 until 2025-04-30'));
        const findings = await check(vacantNow);
        expect(where(findings, 'vacancy-in-period')).toEqual([]);
        expect(where(findings, 'ciso-vacant')).toEqual(['roles.mandate:2']);
    });

    it('reads holding as tenure does: a holder who left early leaves a gap from the day after their last day', async () => {
        const left = withPredecessor('2025-01-31', '2025-02-01');
        left['people.mandate'] = left['people.mandate'].replace('person tom "Tom Becker" { employed since 2010-01-01 }', 'person tom "Tom Becker" { employed since 2010-01-01 until 2024-12-31 }');
        const findings = await check(left);
        expect(message(findings)[0]).toContain('from 2025-01-01 to 2025-01-31 (31 days)');
    });

    it('reports each gap of a key role, and none of a role that is not key', async () => {
        const extra = 'role dpo "Data Protection Officer" { key role reports to board }\nrole clerk "Clerk" { reports to board }\n'
            + 'assign jane to dpo since 2024-01-01 until 2024-08-31 appointed by board { announced 2024-01-02 via email to all-staff }\n'
            + 'assign jane to dpo since 2024-09-10 until 2024-12-31 appointed by board\n'
            + 'assign jane to dpo since 2025-01-05 appointed by board\n'
            + 'assign jane to clerk since 2024-01-01 until 2024-08-31 appointed by board { announced 2024-01-02 via email to all-staff }\n'
            + 'assign jane to clerk since 2024-09-10 appointed by board\n';
        const findings = await check(withEdit('people.mandate', text => text + extra));
        expect(where(findings, 'vacancy-in-period')).toEqual(['people.mandate:10']);
        expect(message(findings)[0]).toContain("Nobody held the key role 'dpo' from 2024-09-01 to 2024-09-09 (9 days), and from 2025-01-01 to 2025-01-04 (4 days), between two holders");
    });

    it('is named in the report\'s answer on vacancies beside the as-of date\'s, open or accepted', async () => {
        const gap = withPredecessor('2024-10-31', '2025-02-01');
        const markdown = renderMarkdown(await reportOf(gap));
        expect(markdown).toContain('. **⚠️ Earlier in the audit period** nobody held **Chief Information Security Officer** (the CISO role) for a time, between two holders: section 10 says when (vacancy-in-period).');
        const accepted = { ...gap, 'roles.mandate': gap['roles.mandate'].replace('role ciso', '// mandate-ignore vacancy-in-period: the board chaired the ISMS meetings until the new CISO started\nrole ciso') };
        const report = await reportOf(accepted);
        expect(report.findings.filter(finding => finding.rule === 'vacancy-in-period')).toEqual([]);
        expect(renderMarkdown(report)).toContain('Earlier in the audit period** nobody held **Chief Information Security Officer**');
    });
});

describe('role-vacant for top management', () => {
    it('fires when every recorded holder of a top-management role has gone, and not for a board the policy never staffs', async () => {
        expect(where(await check(CLEAN_POLICY), 'role-vacant')).toEqual([]);
        const gone = withEdit('people.mandate', text => `${text}person maggie "Maggie Chair" { employed since 2016-03-01 until 2024-12-31 }\nassign maggie to board since 2016-03-01 appointed by board\n`);
        const findings = await check(gone);
        expect(where(findings, 'role-vacant')).toEqual(['organization.mandate:5']);
        expect(findings.find(finding => finding.rule === 'role-vacant')?.message).toMatch(/^Nobody holds the top-management role 'board' on 2025-06-30\. It was last held on 2024-12-31, by maggie\. Top management assigns /);
        const held = withEdit('people.mandate', text => `${text}person maggie "Maggie Chair" { employed since 2016-03-01 }\nassign maggie to board since 2016-03-01 appointed by board\n`);
        expect(where(await check(held), 'role-vacant')).toEqual([]);
    });
});

describe('a vacancy until someone recorded takes the role', () => {
    // Found by an independent audit: Lena's appointment starts on 07-01 but she joins on 07-14; on 07-07 the role is vacant.
    const lateJoiner = withEdit('people.mandate', text => text.replace('assign jane to ciso since 2024-03-01', 'assign jane to ciso since 2024-03-01 until 2025-06-30')
        + 'person lena "Lena Vogt" { employed since 2025-07-14 }\nassign lena to ciso since 2025-07-01 appointed by board { announced 2025-07-14 via intranet to all-staff }\n');

    it('says when the role is held again and asks for cover until then, not for a holder already recorded', async () => {
        const findings = await check(lateJoiner, '2025-07-07');
        expect(findings.find(finding => finding.rule === 'ciso-vacant')?.message).toBe("Nobody holds the CISO role 'ciso' on 2025-07-07. It was last held on 2025-06-30, by jane. It is held again from 2025-07-14, by lena. "
            + 'Until then, record who holds it as interim: `assign <person> to ciso as interim since <date> until <date> appointed by board`.');
    });

    it('lists the appointment in the report as upcoming, held from the day the person joins', async () => {
        const report = await reportOf(lateJoiner, '2025-07-07');
        const ciso = report.roles.find(entry => entry.role.id === 'ciso')!;
        expect(ciso.upcoming).toEqual([expect.objectContaining({ since: '2025-07-01', heldFrom: '2025-07-14' })]);
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('until Lena Vogt takes it on 2025-07-14');
        expect(markdown).toContain('2025-07-01; held from 2025-07-14, when Lena Vogt joins');
    });
});

describe('role-vacant and ciso-vacant before anyone held the role (found by an independent probe)', () => {
    it('leave a board whose first recorded member starts later alone, and say a role is first held, not held again', async () => {
        const board = withEdit('people.mandate', text => `${text}person maggie "Maggie Chair"\nassign maggie to board since 2025-07-01 appointed by owners\nappointing body owners "Shareholders"\n`);
        expect(where(await check(board), 'role-vacant')).toEqual([]);
        const firstCiso = withEdit('people.mandate', text => text.replace('since 2024-03-01', 'since 2025-09-01'));
        expect((await check(firstCiso)).find(finding => finding.rule === 'ciso-vacant')?.message).toContain('It is first held from 2025-09-01, by jane.');
    });

    it('suggest an appointing body, never the empty top-management role itself, for who appoints its holder', async () => {
        const gone = withEdit('people.mandate', text => `${text}appointing body owners "Shareholders"\nperson maggie "Maggie Chair" { employed since 2016-03-01 until 2024-12-31 }\nassign maggie to board since 2016-03-01 appointed by owners\n`);
        const message = (await check(gone)).find(finding => finding.rule === 'role-vacant')?.message;
        expect(message).toContain('`assign <person> to board since <date> appointed by owners`');
    });
});
