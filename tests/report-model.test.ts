import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import type { AuditReport } from '../language/report/report-model.js';
import { generatedAt } from '../language/report/report-provenance.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { addCadence } from '../language/util/dates.js';
import { AS_OF, CISO_DUTIES, CLEAN_POLICY, type Files } from './helpers.js';

async function report(files: Files, asOf = AS_OF): Promise<AuditReport> {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const checked = await checkSources(sources, { asOf });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '9.9.9', generatedAt: '2025-06-30T12:00:00Z' });
}

/** The status of a requirement or of an item of one, as the report gives it. */
function statusOf(summary: AuditReport['summary'], id: string): string | undefined {
    return summary.requirements.find(requirement => requirement.id === id)?.status
        ?? summary.requirements.flatMap(requirement => requirement.items).find(item => item.id === id)?.status;
}

const EXTRA = `
person omar "Omar Haddad" { employed since 2021-01-01 }
role analyst "Security Analyst" { reports to ciso }
authority appoint-analysts "Appoint analysts" { may appoint analyst }
delegate appoint-analysts from ciso to analyst since 2024-01-01 until 2024-12-31
delegate appoint-analysts from ciso to omar since 2025-01-01
delegate appoint-analysts from ciso to board since 2026-01-01
training awareness "Security awareness" { audience everyone every year satisfies ISO27001:7.3 }
completed awareness by jane on 2025-03-01
completed awareness by omar on 2024-03-01
`;

describe('audit report model', () => {
    it('answers all four questions with yes for the clean policy, citing sources', async () => {
        const { questions } = await report(CLEAN_POLICY);
        expect([questions.responsible.answer, questions.appointed.answer, questions.communicated.answer, questions.cisoReporting.answer])
            .toEqual(['yes', 'yes', 'yes', 'yes']);
        expect(questions.responsible.ciso[0].holders[0].person).toEqual({ id: 'jane', title: 'Jane Doe', source: { file: 'people.mandate', line: 2 } });
        const appointment = questions.appointed.appointments[0];
        expect([appointment.since, appointment.appointedBy?.id, appointment.evidence]).toEqual(['2024-03-01', 'board', ['minutes/2024-02-board.pdf']]);
        expect(questions.communicated.appointments[0].announcements[0]).toMatchObject({ date: '2024-03-05', channel: 'intranet', audience: 'all-staff' });
        expect(questions.cisoReporting.reportingDuties[0]).toMatchObject({
            duty: { id: 'isms-reporting' }, kind: 'responsible', cadence: 'every quarter', source: { file: 'roles.mandate', line: 5 }
        });
    });

    it('says no where the policy is silent', async () => {
        const { questions, summary } = await report({
            ...CLEAN_POLICY,
            'roles.mandate': CLEAN_POLICY['roles.mandate'].replace(CISO_DUTIES, 'responsible for isms-conformance\n    accountable for isms-conformance'),
            'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, '')
        });
        expect(questions.cisoReporting.answer).toBe('no');
        expect(questions.communicated.answer).toBe('no');
        expect(summary.clause53).toBe('not-met');
        expect(statusOf(summary, 'ISO27001:5.3(b)')).toBe('not-met');
        expect(summary.errors).toBeGreaterThan(0);
    });

    it('rates requirements met, partly met and not met', async () => {
        const { summary } = await report({ ...CLEAN_POLICY, 'extra.mandate': EXTRA });
        const status = (id: string) => statusOf(summary, id);
        expect(status('ISO27001:5.3(a)')).toBe('met');
        // Omar's awareness training lapsed, so the training that covers 7.3 only partly evidences it.
        expect(status('ISO27001:7.3')).toBe('partly-met');
        expect(summary.requirements.find(requirement => requirement.id === 'ISO27001:7.3')?.reasons)
            .toContain('1 of 2 required completions of awareness are overdue or missing.');
        // The policy claims nothing: ISO 27001 is assessed by default, and HIPAA's requirements are in no table.
        expect(summary.applicability).toEqual({ declared: false, frameworks: [{ prefix: 'ISO27001', name: 'ISO/IEC 27001:2022' }] });
        expect(status('HIPAA:164.308(a)(2)')).toBeUndefined();
        expect(status('ISO27001:A.5.3')).toBe('not-met');
        const warned = await report({ ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, '') });
        expect(statusOf(warned.summary, 'ISO27001:5.3(a)')).toBe('partly-met');
    });

    it('gives delegations a status on the as-of date', async () => {
        // The CISO holds what it delegates: a delegation of a duty its delegator lacks hands nothing on (report-delegation-chain.test.ts).
        const roles = CLEAN_POLICY['roles.mandate'].replace(CISO_DUTIES, `${CISO_DUTIES}\n    authorized to appoint-analysts`);
        const { delegations, graph } = await report({ ...CLEAN_POLICY, 'roles.mandate': roles, 'extra.mandate': EXTRA });
        expect(delegations.map(delegation => [delegation.to.id, delegation.status])).toEqual([['analyst', 'expired'], ['omar', 'active'], ['board', 'future']]);
        expect(graph.edges.filter(edge => edge.kind === 'delegation')).toEqual([{ from: 'ciso', to: 'omar', kind: 'delegation', label: 'Appoint analysts' }]);
        expect(graph.nodes.find(node => node.id === 'analyst')?.vacant).toBe(true);
    });

    it('tracks training per programme and person', async () => {
        const { training } = await report({ ...CLEAN_POLICY, 'extra.mandate': EXTRA });
        expect(training[0].people.map(entry => [entry.person.id, entry.state, entry.dueBy])).toEqual([
            ['jane', 'current', '2026-03-01'], ['omar', 'overdue', '2025-03-01']
        ]);
    });

    it('records provenance: sorted inputs with hashes', async () => {
        const first = await report(CLEAN_POLICY);
        expect(first.provenance.inputs.map(input => input.file)).toEqual(['organization.mandate', 'people.mandate', 'roles.mandate']);
        expect(first.provenance.inputsSha256).toMatch(/^[0-9a-f]{64}$/);
        const edited = await report({ ...CLEAN_POLICY, 'people.mandate': `${CLEAN_POLICY['people.mandate']}// note\n` });
        expect(edited.provenance.inputsSha256).not.toBe(first.provenance.inputsSha256);
        expect(JSON.stringify(await report(CLEAN_POLICY))).toBe(JSON.stringify(first));
    });
});

describe('accepted exceptions', () => {
    it('are listed with their justification and neither counted nor lowering a status', async () => {
        const { findings, acceptedExceptions, summary } = await report({
            ...CLEAN_POLICY,
            'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, '')
                .replace('assign jane', '// mandate-ignore assignment-not-communicated: announced in person at the kick-off\nassign jane')
        });
        expect(findings).toEqual([]);
        expect(acceptedExceptions).toEqual([{
            rule: 'assignment-not-communicated', justification: 'announced in person at the kick-off',
            message: expect.stringMatching(/^The appointment of 'jane'/), source: { file: 'people.mandate', line: 7 }, column: 16
        }]);
        expect(statusOf(summary, 'ISO27001:5.3(a)')).toBe('met');
    });

    it('are named by the clause 5.3 headline when they would lower it, instead of it saying that nothing does', async () => {
        const accepted = await report({
            ...CLEAN_POLICY,
            'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, '')
                .replace('assign jane', '// mandate-ignore assignment-not-communicated: announced in person at the kick-off\nassign jane')
        });
        expect(accepted.summary.clause53).toBe('met');
        const headline = renderMarkdown(accepted).split('\n').find(line => line.includes('ISO/IEC 27001 clause 5.3:'))!;
        expect(headline).toContain('no open finding lowers either, but only because the policy accepts 1 finding of assignment-not-communicated as an exception: '
            + 'open, it would lower clause 5.3, so it is met with that exception');
        // The requirement rows say what the status rests on: the rule state, and a reason.
        const row = accepted.summary.requirements.find(requirement => requirement.id === 'ISO27001:5.3')!;
        expect(row.rules).toContainEqual({ rule: 'assignment-not-communicated', state: 'accepted' });
        expect(row.reasons).toContain('An accepted exception of assignment-not-communicated would lower it if open, so it is met only with that exception; the accepted exceptions give its justification.');
        expect(renderMarkdown(accepted)).toContain('`assignment-not-communicated` (accepted exception)');
        // The tool's own code is code, not text with its backticks escaped.
        expect(renderMarkdown(accepted)).toContain('1 finding accepted in the policy with `// mandate-ignore`, each with the justification written there.');
        const clean = renderMarkdown(await report(CLEAN_POLICY)).split('\n').find(line => line.includes('ISO/IEC 27001 clause 5.3:'))!;
        expect(clean).toContain('and no finding lowers either.');
    });

    it('are never called a passed check: the summary and the findings section count them as waived', async () => {
        const markdown = renderMarkdown(await report({
            ...CLEAN_POLICY,
            'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, '')
                .replace('assign jane', '// mandate-ignore assignment-not-communicated: announced in person at the kick-off\nassign jane')
        }));
        expect(markdown).not.toContain('passes every check');
        expect(markdown).toContain('- **Findings:** **⚠️ None open** (0 errors, 0 warnings, 0 information); 1 accepted exception, with its justification in section 10');
        expect(markdown).toContain('On 2025-06-30 every finding is an accepted exception, listed below with the justification given for it.');
        const clean = renderMarkdown(await report(CLEAN_POLICY));
        expect(clean).toContain('- **Findings:** ✅ None (0 errors, 0 warnings, 0 information)');
        expect(clean).toContain('The policy passes every check on 2025-06-30.');
    });
});

describe('a missing evidence file', () => {
    it('is a gap in documented information (7.5), not in clause 5.3: the headline stays met', async () => {
        const sources = Object.entries(CLEAN_POLICY).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const checked = await checkSources(sources, { asOf: AS_OF, roots: ['file:///ws/'] });
        expect(checked.findings.map(finding => finding.rule)).toContain('evidence-missing');
        const built = await buildReport(checked.services.shared, checked.findings, { toolVersion: '9.9.9', generatedAt: '2025-06-30T12:00:00Z' });
        expect(built.summary.clause53).toBe('met');
    });
});

describe('generatedAt', () => {
    it('uses SOURCE_DATE_EPOCH when set, and rejects garbage', () => {
        expect(generatedAt({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20Z');
        expect(generatedAt({}, () => new Date('2025-01-02T03:04:05.678Z'))).toBe('2025-01-02T03:04:05Z');
        expect(() => generatedAt({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(/SOURCE_DATE_EPOCH/);
    });
});

describe('addCadence', () => {
    it('adds calendar units and clamps to the end of the month', () => {
        expect(addCadence('2024-01-31', 1, 'month')).toBe('2024-02-29');
        expect(addCadence('2024-11-30', 1, 'quarter')).toBe('2025-02-28');
        expect(addCadence('2024-02-29', 1, 'year')).toBe('2025-02-28');
        expect(addCadence('2024-12-30', 2, 'weeks')).toBe('2025-01-13');
        expect(addCadence('2024-12-31', 1, 'day')).toBe('2025-01-01');
    });
});
