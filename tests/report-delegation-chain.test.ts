/**
 * A delegation in its window from a role that no longer holds the duty (its own delegation of it
 * ended) hands nothing on: `mandate query` and the appointment-authority rule said so, while the
 * report listed it as Active, drew it in the graph and gave the delegate the privilege in the OSCAL
 * SSP. The report now reads the query's own chains (query/may-perform.ts, dutyGrounds). Fixed as-of dates.
 */
import { describe, expect, it } from 'vitest';
import { whoMayAppoint, whoMayPerform } from '../language/query/index.js';
import { exportOscalSsp } from '../language/report/export-oscal-ssp.js';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import type { AuditReport } from '../language/report/report-model.js';
import { rules, check, withEdit, type Files } from './helpers.js';
import { QUERY_POLICY, queryOn } from './query-fixture.js';
import { reportOf } from './report-helpers.js';

/** The tester's case: the board lends the CISO its authority to appoint analysts until 2024-12-31; the CISO passes it on, open-ended. */
const CHAIN: Files = withEdit('organization.mandate', text => text.replace('role board "Board of Directors"', 'role board "Board of Directors" { authorized to appoint-analysts }'), {
    'chain.mandate': `
role deputy "Deputy CISO" { reports to ciso }
role analyst "Security Analyst" { reports to deputy }
authority appoint-analysts "Appoint analysts" { may appoint analyst }
person dan "Dan Deputy" { employed since 2020-01-01 }
person ana "Ana Analyst" { employed since 2025-01-01 }
assign dan to deputy since 2024-03-01 appointed by board { announced 2024-03-05 via intranet to all-staff }
assign ana to analyst since 2025-03-01 appointed by deputy { announced 2025-03-02 via intranet to all-staff }
delegate appoint-analysts from board to ciso since 2024-06-01 until 2024-12-31
delegate appoint-analysts from ciso to deputy since 2024-07-01
`
});

function delegation(report: AuditReport, from: string, to: string) {
    const found = report.delegations.find(entry => entry.from.id === from && entry.to.id === to);
    if (!found) throw new Error(`no delegation from ${from} to ${to}`);
    return found;
}

function delegationEdges(report: AuditReport): string[] {
    return report.graph.edges.filter(edge => edge.kind === 'delegation').map(edge => `${edge.from}->${edge.to}`);
}

/** The titles of the privileges the SSP gives the user class of `role`. */
function privileges(report: AuditReport, role: string): string[] {
    const users = JSON.parse(exportOscalSsp(report))['system-security-plan']['system-implementation'].users as Array<{ 'role-ids': string[]; 'authorized-privileges'?: Array<{ title: string }> }>;
    return users.find(user => user['role-ids'].includes(role))?.['authorized-privileges']?.map(privilege => privilege.title) ?? [];
}

describe('a chained delegation whose source has lapsed', () => {
    it('is flagged, shown as ineffective and neither drawn nor granted, as the query and the check say', async () => {
        expect(rules(await check(CHAIN))).toEqual(expect.arrayContaining(['appointment-authority', 'delegation-expired']));
        const notes = whoMayAppoint(await queryOn(CHAIN), 'analyst', '2025-06-30').notes.map(note => note.text);
        expect(notes).toContainEqual(expect.stringContaining('ciso does not hold appoint-analysts'));

        const report = await reportOf(CHAIN);
        expect(delegation(report, 'ciso', 'deputy')).toMatchObject({ status: 'active', delegatorLacksDuty: true });
        expect(delegation(report, 'board', 'ciso')).toMatchObject({ status: 'expired' });
        expect(delegation(report, 'board', 'ciso')).not.toHaveProperty('delegatorLacksDuty');
        expect(delegationEdges(report)).toEqual([]);
        expect(privileges(report, 'deputy')).not.toContain('Appoint analysts');
        const ineffective = 'Ineffective: Chief Information Security Officer does not hold Appoint analysts on 2025-06-30';
        expect(renderMarkdown(report)).toContain(ineffective);
        expect(await renderHtml(report)).toContain(ineffective);
        expect(JSON.parse(renderJson(report)).delegations.map((entry: { delegatorLacksDuty?: boolean }) => entry.delegatorLacksDuty)).toEqual([undefined, true]);
    });

    it('passes the duty on while the link above it is in force', async () => {
        const report = await reportOf(CHAIN, '2024-09-30');
        expect(report.delegations.map(entry => entry.delegatorLacksDuty)).toEqual([undefined, undefined]);
        expect(delegationEdges(report)).toEqual(['board->ciso', 'ciso->deputy']);
        expect(privileges(report, 'deputy')).toContain('Appoint analysts');
        expect(renderMarkdown(report)).not.toContain('Ineffective');
    });

    it('is not "by delegation" in the answer to Q1', async () => {
        // The deputy held isms-reporting by the CISO's delegation until 2025-03-31 and passed it on, open-ended, to the analyst (held since 2025-03-01).
        const files: Files = {
            ...CHAIN,
            'reporting.mandate': 'delegate isms-reporting from ciso to deputy since 2024-01-01 until 2025-03-31\ndelegate isms-reporting from deputy to analyst since 2024-07-01\n'
        };
        const lapsed = await reportOf(files);
        expect(delegation(lapsed, 'deputy', 'analyst')).toMatchObject({ status: 'active', delegatorLacksDuty: true });
        expect(lapsed.questions.responsible.summary).not.toContain('By delegation from Deputy CISO');
        const inForce = await reportOf(files, '2025-03-15');
        expect(inForce.questions.responsible.summary).toContain('By delegation from Deputy CISO, Security Analyst performs');
    });
});

describe('the report and the query agree on which delegations pass nothing on', () => {
    // QUERY_POLICY's chains: risk-assessment ciso → deputy → ann, monitoring ciso → deputy (until 2025-03-31) → bob.
    for (const asOf of ['2024-06-30', '2025-01-20', '2025-03-31', '2025-04-01', '2025-06-30']) {
        it(`on ${asOf}`, async () => {
            const [report, context] = await Promise.all([reportOf(QUERY_POLICY, asOf), queryOn(QUERY_POLICY, asOf)]);
            // The query's note on a delegation in force whose delegator does not hold the duty, by the delegation's line.
            const broken = new Set(['risk-assessment', 'monitoring', 'appoint-security'].flatMap(duty => whoMayPerform(context, duty, asOf).notes
                .filter(note => note.text.includes('passes nothing on')).map(note => `${note.source?.file}:${note.source?.line}`)));
            const flagged = new Set(report.delegations.filter(entry => entry.delegatorLacksDuty).map(entry => `${entry.source.file}:${entry.source.line}`));
            expect(flagged).toEqual(broken);
            if (asOf === '2025-04-01') expect(flagged.size).toBe(1);
        });
    }
});
