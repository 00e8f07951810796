/**
 * Two requirement statuses an auditor would distrust, found in exploratory testing.
 * 1. A raci-accountable finding on a duty that satisfies 5.3(a) or 5.3(b) (nobody, or two roles,
 *    accountable for it) left clause 5.3 met: the rule cites A.5.2 only. A finding of a duty rule
 *    now lowers the requirements that duty satisfies (applicability/duty-findings.ts), in every
 *    output alike, and a finding on an unrelated duty lowers none of them.
 * 2. A duty whose carrying role is vacant, passed on by a delegation in force to someone present,
 *    was "not met: nothing held covers it", while the report's delegations and `query may-perform`
 *    count that delegation. It is now held in part (applicability/delegated-duties.ts).
 */
import { describe, expect, it } from 'vitest';
import { clause53Status, requirementStatuses } from '../language/applicability/index.js';
import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources } from '../language/engine/check-sources.js';
import { exportOscal } from '../language/report/export-oscal.js';
import { exportOscalSsp } from '../language/report/export-oscal-ssp.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import type { AuditReport } from '../language/report/report-model.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { AS_OF, CISO_DUTIES, CLEAN_POLICY, type Files } from './helpers.js';
import { reportOf } from './report-helpers.js';

/** CLEAN_POLICY with the CISO's RACI lines replaced and other files added. */
const withDuties = (duties: string, extra: Files = {}): Files =>
    ({ ...CLEAN_POLICY, 'roles.mandate': CLEAN_POLICY['roles.mandate'].replace(CISO_DUTIES, duties), ...extra });

const NO_ACCOUNTABLE_CONFORMANCE = withDuties('responsible for isms-reporting, isms-conformance\n    accountable for isms-reporting');

/** The engine's statuses, from the same findings the report is given. */
async function statuses(files: Files, configText?: string) {
    const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
    const config = configText === undefined ? undefined : parseConfig(configText, RULES_BY_ID).config;
    const { services, findings } = await checkSources(sources, { asOf: AS_OF, config });
    const open = findings.filter(finding => !finding.suppressed);
    const model = services.shared.mandate.WorkspaceModel.get();
    const settings = services.shared.mandate.Settings;
    const results = requirementStatuses(model, AS_OF, settings, open);
    return { open, clause53: clause53Status(model, AS_OF, settings, open), row: (id: string) => results.find(entry => entry.requirement.id === id)! };
}

const row = (report: AuditReport, id: string) => report.summary.requirements.find(entry => entry.id === id)!;
const item = (report: AuditReport, clause: string, id: string) => row(report, clause).items.find(entry => entry.id === id)!.status;

/** The status each output gives a requirement: JSON, Markdown, the component definition and the SSP. */
function everyOutput(report: AuditReport, id: string, clause: string): string[] {
    const json = JSON.parse(renderJson(report)).summary.requirements.find((entry: { id: string }) => entry.id === id).status;
    // A row that is not met is written in bold.
    const markdown = new RegExp(`^\\| (?:\\*\\*)?${clause.replace(/[.()]/g, '\\$&')}(?:\\*\\*)? \\|[^|]*\\| [^|]*?(Partly met|Not met|Met)`, 'm').exec(renderMarkdown(report))?.[1];
    const status = (implemented: { props: { name: string; value: string }[] }) => implemented.props.find(entry => entry.name === 'status')?.value;
    const component = JSON.parse(exportOscal(report))['component-definition'].components[0]['control-implementations']
        .flatMap((entry: { 'implemented-requirements': unknown[] }) => entry['implemented-requirements'])
        .find((entry: { props: { name: string; value: string }[] }) => entry.props.some(p => p.name === 'requirement-id' && p.value === id));
    const ssp = JSON.parse(exportOscalSsp(report))['system-security-plan']['control-implementation']['implemented-requirements']
        .find((entry: { props: { name: string; value: string }[] }) => entry.props.some(p => p.name === 'requirement-id' && p.value === id));
    return [json, markdown, status(component), status(ssp)];
}

describe('a raci-accountable finding on a duty lowers the requirements that duty satisfies', () => {
    it('nobody accountable for the 5.3(a) duty: 5.3(a) and clause 5.3 partly met, listed under them, 5.3(b) still met', async () => {
        const report = await reportOf(NO_ACCOUNTABLE_CONFORMANCE);
        expect(report.findings.map(finding => finding.rule)).toEqual(['raci-accountable']);
        expect(report.summary.clause53).toBe('partly-met');
        const clause = row(report, 'ISO27001:5.3');
        expect(clause.status).toBe('partly-met');
        expect([item(report, 'ISO27001:5.3', 'ISO27001:5.3(a)'), item(report, 'ISO27001:5.3', 'ISO27001:5.3(b)')]).toEqual(['partly-met', 'met']);
        expect(clause.findings.map(index => report.findings[index].rule)).toEqual(['raci-accountable']);
        expect(clause.rules).toContainEqual({ rule: 'raci-accountable', state: 'findings' });
        expect(clause.reasons).toContain('1 finding of rules that evidence it: raci-accountable.');
        expect(everyOutput(report, 'ISO27001:5.3', '5.3')).toEqual(['partly-met', 'Partly met', 'partly-met', 'partly-met']);
    });

    it('two roles accountable for the 5.3(b) duty: 5.3(b) partly met, 5.3(a) met', async () => {
        const files = withDuties(CISO_DUTIES, {
            'deputy.mandate': 'role deputy "Deputy CISO" {\n    reports to ciso\n    accountable for isms-reporting\n}\n'
                + 'assign jane to deputy since 2024-03-01 appointed by board {\n    announced 2024-03-05 via intranet to all-staff\n}\n'
        });
        const { open, clause53, row: result } = await statuses(files);
        expect(open.filter(finding => finding.rule === 'raci-accountable').map(finding => finding.message)).toEqual([expect.stringContaining("2 roles are accountable for it ('deputy', 'ciso')")]);
        expect(clause53).toBe('partly-met');
        expect(result('ISO27001:5.3').items.map(entry => [entry.requirement.clause, entry.status])).toEqual([['5.3(a)', 'met'], ['5.3(b)', 'partly-met']]);
    });

    it('a finding on a duty for something else lowers that requirement and A.5.2, not clause 5.3', async () => {
        const report = await reportOf({
            ...CLEAN_POLICY,
            'incidents.mandate': 'role ops "Operations" {\n    reports to ciso\n    responsible for incidents\n}\n'
                + 'responsibility incidents "Manage incidents" {\n    satisfies ISO27001:A.5.24\n}\n'
                + 'assign jane to ops since 2024-03-01 appointed by board {\n    announced 2024-03-05 via intranet to all-staff\n}\n'
        });
        expect(report.findings.map(finding => finding.rule)).toEqual(['raci-accountable']);
        expect(report.summary.clause53).toBe('met');
        expect(row(report, 'ISO27001:5.3').status).toBe('met');
        expect(row(report, 'ISO27001:5.3').rules).toContainEqual({ rule: 'raci-accountable', state: 'clean' });
        expect(row(report, 'ISO27001:A.5.24')).toMatchObject({ status: 'partly-met', findings: [0] });
        expect(row(report, 'ISO27001:A.5.2').status).toBe('partly-met');
        expect(everyOutput(report, 'ISO27001:A.5.24', 'A.5.24')).toEqual(['partly-met', 'Partly met', 'partly-met', 'partly-met']);
    });

    it('an accepted exception on the 5.3(a) duty leaves 5.3 met, naming it; one on another duty is not named under 5.3', async () => {
        const accepted = (files: Files, file: string, duty: string) => ({
            ...files, [file]: files[file].replace(`responsibility ${duty} `, `// mandate-ignore raci-accountable: the board answers for it\nresponsibility ${duty} `)
        });
        const onConformance = await reportOf(accepted(NO_ACCOUNTABLE_CONFORMANCE, 'roles.mandate', 'isms-conformance'));
        expect(onConformance.acceptedExceptions.map(entry => entry.rule)).toEqual(['raci-accountable']);
        expect(row(onConformance, 'ISO27001:5.3').status).toBe('met');
        expect(row(onConformance, 'ISO27001:5.3').rules).toContainEqual({ rule: 'raci-accountable', state: 'accepted' });
        expect(row(onConformance, 'ISO27001:5.3').reasons.at(-1)).toMatch(/^An accepted exception of raci-accountable would lower it if open, so it is met only with that exception/);
        expect(row(onConformance, 'ISO27001:5.3').acceptedExceptions).toEqual([0]);

        const elsewhere = await reportOf(accepted({
            ...CLEAN_POLICY, 'incidents.mandate': 'role ops "Operations" {\n    reports to ciso\n    responsible for incidents\n}\n'
                + 'responsibility incidents "Manage incidents" {\n    satisfies ISO27001:A.5.24\n}\n'
                + 'assign jane to ops since 2024-03-01 appointed by board {\n    announced 2024-03-05 via intranet to all-staff\n}\n'
        }, 'incidents.mandate', 'incidents'));
        expect(row(elsewhere, 'ISO27001:5.3').rules).toContainEqual({ rule: 'raci-accountable', state: 'clean' });
        expect(row(elsewhere, 'ISO27001:5.3').reasons.join(' ')).not.toMatch(/accepted exception/i);
        expect(row(elsewhere, 'ISO27001:5.3').acceptedExceptions).toBeUndefined();
        expect(row(elsewhere, 'ISO27001:A.5.24').acceptedExceptions).toEqual([0]);
        expect(row(elsewhere, 'ISO27001:A.5.24').rules).toContainEqual({ rule: 'raci-accountable', state: 'accepted' });
    });

    it('a syntax error in the 5.3(a) duty that holds its raci-accountable finding back leaves 5.3(a) partly met', async () => {
        const files = { ...NO_ACCOUNTABLE_CONFORMANCE, 'roles.mandate': NO_ACCOUNTABLE_CONFORMANCE['roles.mandate'].replace('satisfies ISO27001:5.3(a)\n', 'satisfies ISO27001:5.3(a)\n    every fortnight\n') };
        const report = await reportOf(files);
        expect(report.findings.map(finding => [finding.rule, finding.withheld])).toEqual([['parsing-error', ['raci-accountable']]]);
        expect(item(report, 'ISO27001:5.3', 'ISO27001:5.3(a)')).toBe('partly-met');
        expect(item(report, 'ISO27001:5.3', 'ISO27001:5.3(b)')).toBe('met');
        expect(row(report, 'ISO27001:5.3').reasons).toContain('A syntax error leaves a declaration unread: what it says is not known, and its findings of raci-accountable wait until it reads.');
    });

    it('switched off, raci-accountable lowers nothing and is listed as off', async () => {
        const report = await reportOf(NO_ACCOUNTABLE_CONFORMANCE, AS_OF, '{ "rules": { "raci-accountable": "off" } }');
        expect(report.summary.clause53).toBe('met');
        expect(row(report, 'ISO27001:5.3').rules).toContainEqual({ rule: 'raci-accountable', state: 'off' });
    });
});

/** An operations role carrying the A.5.24 duty, its holder's assignment (or none), and a delegation of the duty. */
function delegated(options: { assignment?: string; delegation: string; extra?: string }): Files {
    return {
        ...CLEAN_POLICY,
        'incidents.mandate': [
            'role ops "Operations lead" {\n    reports to ciso\n    responsible for incidents\n    accountable for incidents\n}',
            'responsibility incidents "Manage security incidents" {\n    satisfies ISO27001:A.5.24\n}',
            'person bob "Bob Roe" {\n    employed since 2021-01-01\n}',
            'person carol "Carol Poe" {\n    employed since 2021-01-01\n}',
            options.assignment ?? '', options.delegation, options.extra ?? ''
        ].join('\n')
    };
}

describe('a duty passed on by a delegation in force is held', () => {
    const ENDED = 'assign bob to ops since 2024-03-01 until 2025-05-31 appointed by board {\n    announced 2024-03-05 via intranet to all-staff\n}';

    it('by a holder who delegates it: met, as before', async () => {
        const report = await reportOf(delegated({
            assignment: 'assign bob to ops since 2024-03-01 appointed by board {\n    announced 2024-03-05 via intranet to all-staff\n}',
            delegation: 'delegate incidents from ops to carol since 2025-06-01'
        }));
        expect(report.findings).toEqual([]);
        expect(row(report, 'ISO27001:A.5.24')).toMatchObject({ status: 'met', reasons: ['Carried by ops.'] });
    });

    it('when the role that carries it is vacant but its delegation is in force: partly met, not "nothing held covers it"', async () => {
        const report = await reportOf(delegated({ assignment: ENDED, delegation: 'delegate incidents from ops to carol since 2025-05-01' }));
        expect(report.delegations.map(entry => [entry.to.id, entry.status, entry.delegatorLacksDuty, entry.recipientAbsent])).toEqual([['carol', 'active', undefined, undefined]]);
        const result = row(report, 'ISO27001:A.5.24');
        expect(result.status).toBe('partly-met');
        expect(result.reasons).toContain('Only vacant roles carry it: ops.');
        expect(result.reasons).toContain('Held by delegation in force: incidents from ops to carol.');
        expect(result.reasons).not.toContain('Nothing held covers it.');
        expect(everyOutput(report, 'ISO27001:A.5.24', 'A.5.24')).toEqual(['partly-met', 'Partly met', 'partly-met', 'partly-met']);
        // Partly met with no rule to say so: the role that answers for it is vacant.
        const quiet = await statuses(delegated({ assignment: ENDED, delegation: 'delegate incidents from ops to carol since 2025-05-01' }),
            '{ "rules": { "raci-accountable": "off", "delegation-window": "off" } }');
        expect(quiet.open.filter(finding => finding.severity === 'error' || finding.severity === 'warning')).toEqual([]);
        expect(quiet.row('ISO27001:A.5.24').status).toBe('partly-met');
    });

    it('to a role someone holds: partly met; to a vacant role, a leaver, or after the delegation ended: not met', async () => {
        const deputy = 'role deputy "Deputy" {\n    reports to ops\n}';
        const toHeldRole = await statuses(delegated({
            assignment: ENDED, delegation: 'delegate incidents from ops to deputy since 2025-05-01',
            extra: `${deputy}\nassign carol to deputy since 2024-03-01 appointed by board {\n    announced 2024-03-05 via intranet to all-staff\n}`
        }));
        expect(toHeldRole.row('ISO27001:A.5.24').status).toBe('partly-met');
        const toVacantRole = await statuses(delegated({ assignment: ENDED, delegation: 'delegate incidents from ops to deputy since 2025-05-01', extra: deputy }));
        expect(toVacantRole.row('ISO27001:A.5.24').status).toBe('not-met');
        const leaver = delegated({ assignment: ENDED, delegation: 'delegate incidents from ops to carol since 2025-05-01' });
        leaver['incidents.mandate'] = leaver['incidents.mandate'].replace('person carol "Carol Poe" {\n    employed since 2021-01-01', 'person carol "Carol Poe" {\n    employed since 2021-01-01 until 2025-06-15');
        expect((await statuses(leaver)).row('ISO27001:A.5.24').status).toBe('not-met');
        const ended = await statuses(delegated({ assignment: ENDED, delegation: 'delegate incidents from ops to carol since 2025-05-01 until 2025-06-15' }));
        expect(ended.row('ISO27001:A.5.24')).toMatchObject({ status: 'not-met', reasons: expect.arrayContaining(['Nothing held covers it.']) });
    });
});
