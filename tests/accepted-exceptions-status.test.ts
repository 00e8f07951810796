/**
 * Found by an independent audit: suppressing `assignment-not-communicated` turned clause 5.3 into a
 * plain "✅ Met" in every format, while question 3 said "❌ Not answered". An accepted exception is a
 * team's documented risk acceptance and lowers no status, but a status that rests on one is shown
 * everywhere as "met with N accepted exceptions": the reports' headline and rows, the JSON
 * (`acceptedExceptions`, `summary.clause53AcceptedExceptions`), the OSCAL component definition and
 * SSP (`accepted-exceptions` prop, remarks naming rule and justification) and the status bar.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it, vi } from 'vitest';
import { clause53Assessment, requirementStatuses } from '../language/applicability/index.js';
import { parseConfig } from '../language/config/mandate-config.js';
import { checkSources } from '../language/engine/check-sources.js';
import { computeStatus } from '../language/lsp/mandate-status.js';
import { exportOscal, MANDATE_OSCAL_NS } from '../language/report/export-oscal.js';
import { exportOscalSsp } from '../language/report/export-oscal-ssp.js';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import type { AuditReport } from '../language/report/report-model.js';
import { RULES_BY_ID } from '../language/rules/index.js';
import { AS_OF, CLEAN_POLICY, type Files } from './helpers.js';
import { reportOf } from './report-helpers.js';

// The status bar is the extension's; a stand-in for the editor API is enough to read what it shows.
vi.mock('vscode', () => ({
    window: { createStatusBarItem: () => ({ show() {}, dispose() {} }) },
    StatusBarAlignment: { Left: 1 },
    ThemeColor: class { constructor(readonly id: string) {} }
}));
const { StatusBar } = await import('../client/status-bar.js');

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const SCHEMAS = path.resolve(PROJECT, '../shared/schemas');
const OSCAL_SCHEMAS = existsSync(path.join(SCHEMAS, 'oscal_component_schema_1.0.6.json')) && existsSync(path.join(SCHEMAS, 'oscal_ssp_schema_1.0.6.json'));
const JUSTIFICATION = 'announced at the all-hands, minutes pending';

/** CLEAN_POLICY whose CISO assignment has no announcement, the finding accepted above it. */
const UNANNOUNCED_ACCEPTED: Files = {
    ...CLEAN_POLICY,
    'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, '')
        .replace('assign jane', `// mandate-ignore assignment-not-communicated: ${JUSTIFICATION}\nassign jane`)
};

/** The CISO announced 90 days late (announcement-late cites 7.4, not 5.3), that finding accepted. */
const LATE_ACCEPTED: Files = {
    ...CLEAN_POLICY,
    'people.mandate': CLEAN_POLICY['people.mandate'].replace('announced 2024-03-05', 'announced 2024-05-30')
        .replace('assign jane', '// mandate-ignore announcement-late: the intranet was down for a migration\nassign jane')
};

const row = (report: AuditReport, id: string) => report.summary.requirements.find(entry => entry.id === id)!;
const headline = (markdown: string) => markdown.split('\n').find(line => line.includes('ISO/IEC 27001 clause 5.3:'))!;
const clauseRow = (markdown: string, clause: string) => markdown.split('\n').find(line => line.startsWith(`| ${clause} |`) || line.startsWith(`| **${clause}** |`))!;

type Json = Record<string, any>;
const byRequirement = (implemented: Json[], id: string) => implemented.find(entry => entry.props.some((p: Json) => p.name === 'requirement-id' && p.value === id))!;
const propOf = (entry: Json, name: string) => entry.props?.find((p: Json) => p.name === name);

describe('a requirement met only with an accepted exception', () => {
    it('the engine names the exceptions that would lower it if open: 5.3, its item 5.3(a) and the clause 5.3 headline, not 5.3(b)', async () => {
        const sources = Object.entries(UNANNOUNCED_ACCEPTED).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const { services, findings } = await checkSources(sources, { asOf: AS_OF });
        const model = services.shared.mandate.WorkspaceModel.get();
        const settings = services.shared.mandate.Settings;
        const open = findings.filter(finding => !finding.suppressed);
        const accepted = findings.filter(finding => finding.suppressed);
        expect(accepted.map(finding => finding.rule)).toEqual(['assignment-not-communicated']);
        const clause = requirementStatuses(model, AS_OF, settings, open, accepted).find(result => result.requirement.id === 'ISO27001:5.3')!;
        expect(clause).toMatchObject({ status: 'met', findings: [], accepted: [0] });
        expect(clause.items.map(item => [item.requirement.clause, item.status, item.accepted])).toEqual([['5.3(a)', 'met', [0]], ['5.3(b)', 'met', []]]);
        expect(clause53Assessment(model, AS_OF, settings, open, accepted)).toEqual({ status: 'met', accepted: [0] });
        // Not given the accepted exceptions, the engine cannot name them: callers that pass none are unchanged.
        expect(clause53Assessment(model, AS_OF, settings, open)).toEqual({ status: 'met', accepted: [] });
    });

    it('Markdown: the headline, the overview and the 5.3 row say "met with 1 accepted exception", never a plain ✅ Met', async () => {
        const report = await reportOf(UNANNOUNCED_ACCEPTED);
        const markdown = renderMarkdown(report);
        expect(headline(markdown)).toContain('**⚠️ Met with 1 accepted exception** on 2025-06-30');
        expect(headline(markdown)).toContain('only because the policy accepts 1 finding of assignment-not-communicated as an exception');
        expect(headline(markdown)).not.toContain('✅');
        expect(markdown).toContain('- **Clause 5.3 overall:** **⚠️ Met with 1 accepted exception** (the worse of 5.3(a) and 5.3(b))');
        expect(markdown).toContain('- **Requirements:** 2 met (1 of them with accepted exceptions), 0 partly met, 114 not met, 0 not applicable (ISO27001)');
        expect(markdown).toContain('- **⚠️ Met with accepted exceptions (1)**: ISO27001: 5.3');
        expect(clauseRow(markdown, '5.3')).toContain('| **⚠️ Met with 1 accepted exception** |');
        expect(clauseRow(markdown, '5.3')).toContain('An accepted exception of assignment-not-communicated would lower it if open, so it is met only with that exception');
        expect(clauseRow(markdown, '5.3')).not.toContain('✅');
        // Question 3 and the accepted exceptions still say what they said: the two no longer contradict each other.
        expect(markdown).toContain('> **Answer:** **❌ Not answered** — 0 of 1 appointments to the CISO and clause 5.3 roles were announced.');
        expect(markdown).toContain(JUSTIFICATION);
    });

    it('HTML: the same warning badge, not the good one', async () => {
        const html = await renderHtml(await reportOf(UNANNOUNCED_ACCEPTED));
        expect(html).toMatch(/<span class="badge warn">[^<]*Met with 1 accepted exception<\/span> on 2025-06-30/);
        const clause = html.split('\n').find(line => line.startsWith('<tr id="requirement-ISO27001:5.3">'))!;
        expect(clause).toMatch(/<td><span class="badge warn">[^<]*Met with 1 accepted exception<\/span><\/td>/);
        expect(clause).not.toContain('badge good');
    });

    it('JSON: status met with acceptedExceptions on the requirement, its item and the clause 5.3 summary, valid against the schema', async () => {
        const report = await reportOf(UNANNOUNCED_ACCEPTED);
        const json = JSON.parse(renderJson(report));
        expect(json.summary.clause53).toBe('met');
        expect(json.summary.clause53AcceptedExceptions).toEqual([0]);
        const clause = json.summary.requirements.find((entry: Json) => entry.id === 'ISO27001:5.3');
        expect(clause).toMatchObject({ status: 'met', findings: [], acceptedExceptions: [0] });
        expect(clause.rules).toContainEqual({ rule: 'assignment-not-communicated', state: 'accepted' });
        expect(clause.items).toEqual([
            expect.objectContaining({ id: 'ISO27001:5.3(a)', status: 'met', acceptedExceptions: [0] }),
            expect.not.objectContaining({ acceptedExceptions: expect.anything() })
        ]);
        expect(json.acceptedExceptions[0]).toMatchObject({ rule: 'assignment-not-communicated', justification: JUSTIFICATION });
        // 7.4 is not met anyway, but the exception would lower it too, and it says so.
        expect(json.summary.requirements.find((entry: Json) => entry.id === 'ISO27001:7.4')).toMatchObject({ status: 'not-met', acceptedExceptions: [0] });
        const ajv = new Ajv2020({ strict: true, allErrors: true });
        addFormats(ajv);
        const validate = ajv.compile(JSON.parse(readFileSync(path.join(PROJECT, 'docs', 'report.schema.json'), 'utf8')));
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    });

    it('OSCAL component definition: an accepted-exceptions prop and remarks with rule and justification, on 5.3 and the headline', async () => {
        const report = await reportOf(UNANNOUNCED_ACCEPTED);
        const component = JSON.parse(exportOscal(report))['component-definition'].components[0];
        expect(component.description).toContain('ISO/IEC 27001 clause 5.3 is met with 1 accepted exception (assignment-not-communicated)');
        expect(propOf(component, 'clause-5.3-status').value).toBe('met');
        const headlineProp = propOf(component, 'clause-5.3-accepted-exceptions');
        expect(headlineProp).toMatchObject({ ns: MANDATE_OSCAL_NS, value: '1' });
        expect(headlineProp.remarks).toContain(`Accepted exception of assignment-not-communicated at people.mandate:7 (justification: ${JUSTIFICATION})`);
        const clause = byRequirement(component['control-implementations'][0]['implemented-requirements'], 'ISO27001:5.3');
        expect(propOf(clause, 'status').value).toBe('met');
        expect(propOf(clause, 'accepted-exceptions')).toEqual({ name: 'accepted-exceptions', ns: MANDATE_OSCAL_NS, value: '1' });
        expect(clause.description).toContain('Status: met with 1 accepted exception.');
        expect(clause.remarks).toContain(`- Accepted exception of assignment-not-communicated at people.mandate:7 (justification: ${JUSTIFICATION})`);
    });

    it('OSCAL SSP: the prop, the statement and the implementation status say so', async () => {
        const ssp = JSON.parse(exportOscalSsp(await reportOf(UNANNOUNCED_ACCEPTED)))['system-security-plan'];
        const clause = byRequirement(ssp['control-implementation']['implemented-requirements'], 'ISO27001:5.3');
        expect(propOf(clause, 'accepted-exceptions')).toEqual({ name: 'accepted-exceptions', ns: MANDATE_OSCAL_NS, value: '1' });
        expect(clause.remarks).toContain(`Accepted exception of assignment-not-communicated at people.mandate:7 (justification: ${JUSTIFICATION})`);
        const byComponent = clause['by-components'][0];
        expect(byComponent.description).toContain('Met with 1 accepted exception on 2025-06-30.');
        expect(byComponent.description).toContain('ISO27001:5.3(a) A role is assigned to make the ISMS conform to the standard: met with 1 accepted exception');
        expect(byComponent['implementation-status'].state).toBe('implemented');
        expect(byComponent['implementation-status'].remarks).toContain(`Implemented only with 1 accepted exception:\n- Accepted exception of assignment-not-communicated`);
    });

    it.skipIf(!OSCAL_SCHEMAS)('both OSCAL documents still validate against NIST\'s 1.0.6 schemas', async () => {
        const report = await reportOf(UNANNOUNCED_ACCEPTED);
        const ajv = new Ajv({ strict: false, allErrors: true });
        addFormats(ajv);
        for (const [schema, text] of [['oscal_component_schema_1.0.6.json', exportOscal(report)], ['oscal_ssp_schema_1.0.6.json', exportOscalSsp(report)]]) {
            const validate = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMAS, schema), 'utf8')));
            expect({ schema, valid: validate(JSON.parse(text)), errors: validate.errors ?? [] }).toEqual({ schema, valid: true, errors: [] });
        }
    });

    it('the status bar shows "5.3 met with 1 accepted exception" with a warning, as the headline does', async () => {
        const sources = Object.entries(UNANNOUNCED_ACCEPTED).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const { services } = await checkSources(sources, { asOf: AS_OF });
        const status = computeStatus(services.shared);
        expect(status).toMatchObject({ errors: 0, warnings: 0, clause53: 'met', clause53AcceptedExceptions: 1 });
        const bar = new StatusBar('mandate.report');
        bar.update(status);
        expect(bar.text).toBe('$(warning) Mandate: 0 errors, 0 warnings · 5.3 met with 1 accepted exception');
        expect(bar.tooltip).toContain('5.3 met with 1 accepted exception (findings accepted with // mandate-ignore');
        bar.update({ ...status, clause53AcceptedExceptions: 0 });
        expect(bar.text).toBe('$(pass) Mandate: 0 errors, 0 warnings · 5.3 met');
    });
});

describe('an accepted exception that would not lower clause 5.3', () => {
    it('leaves the headline and the 5.3 row plainly met, and marks only what it would lower (7.4)', async () => {
        const report = await reportOf(LATE_ACCEPTED);
        expect(report.acceptedExceptions.map(entry => entry.rule)).toEqual(['announcement-late']);
        expect(report.summary.clause53AcceptedExceptions).toBeUndefined();
        expect(row(report, 'ISO27001:5.3').acceptedExceptions).toBeUndefined();
        expect(row(report, 'ISO27001:7.4').acceptedExceptions).toEqual([0]);
        const markdown = renderMarkdown(report);
        expect(headline(markdown)).toContain('✅ Met on 2025-06-30');
        expect(headline(markdown)).toContain('and no finding lowers either.');
        expect(clauseRow(markdown, '5.3')).toContain('| ✅ Met |');
    });

    it('nor does one of a rule configured to inform only: open, it would lower nothing either', async () => {
        const config = '{ "rules": { "assignment-not-communicated": "info" } }';
        expect(parseConfig(config, RULES_BY_ID).problems).toEqual([]);
        const report = await reportOf(UNANNOUNCED_ACCEPTED, AS_OF, config);
        expect(report.acceptedExceptions.map(entry => entry.rule)).toEqual(['assignment-not-communicated']);
        expect(report.summary.clause53).toBe('met');
        expect(report.summary.clause53AcceptedExceptions).toBeUndefined();
        expect(row(report, 'ISO27001:5.3').acceptedExceptions).toBeUndefined();
    });

    it('a clean policy has no acceptedExceptions key on any requirement', async () => {
        const json = JSON.parse(renderJson(await reportOf(CLEAN_POLICY)));
        expect(json.summary.clause53AcceptedExceptions).toBeUndefined();
        expect(json.summary.requirements.filter((entry: Json) => entry.acceptedExceptions !== undefined)).toEqual([]);
    });
});
