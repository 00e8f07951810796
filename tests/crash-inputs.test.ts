/**
 * Inputs that made 0.1.0 crash, read from ../shared/crashes (never copied into the project; each
 * test skips, saying why, when its file is absent; ../shared/crashes/README.md says what each
 * should do). The Graphviz pair and the 16,000-role chain are in report-crashes.test.ts, the
 * duplicate-name and suppression floods in scale.test.ts. Plus the same classes in small:
 * dates and cadences far outside human ranges are findings, never crashes.
 * The CLI and LSP tests run the bundle (`npm run bundle`).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSources, type Finding } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { addCadence } from '../language/util/dates.js';
import { mandate, temporaryWorkspaces } from './cli-helpers.js';
import { createWorkspace, disposeAllClients, LspClient, removeAllWorkspaces, workspaceUri } from './lsp-client.js';

const CRASHES = fileURLToPath(new URL('../../shared/crashes/', import.meta.url));
const AS_OF = '2025-06-30';

/** Shown in the test name, so a skipped run says why. */
function skipReason(name: string): string {
    const file = path.join(CRASHES, name);
    return existsSync(file) ? '' : ` [skipped: ${file} not found; the crash inputs live in ../shared/crashes]`;
}

const crash = (name: string) => readFileSync(path.join(CRASHES, name), 'utf8');
const workspace = temporaryWorkspaces('mandate-crash-');

async function findingsOf(text: string): Promise<readonly Finding[]> {
    return (await checkSources([{ uri: 'file:///ws/policy.mandate', text }], { asOf: AS_OF })).findings;
}

/** `line:column rule message`, for comparing two runs. */
const brief = (findings: readonly Finding[]) => findings.map(finding => `${finding.line}:${finding.column} ${finding.rule} ${finding.message}`).sort();

/** No message may show an internal failure. */
function expectNoInternalError(findings: readonly Finding[]): void {
    for (const finding of findings) {
        expect(finding.message).not.toMatch(/error occurred|Cannot read properties|Invalid time value|undefined|Maximum call stack/);
    }
}

/** Every report format, in process, as the CLI and the editor build them. */
async function allReports(text: string): Promise<string[]> {
    const checked = await checkSources([{ uri: 'file:///ws/policy.mandate', text }], { asOf: AS_OF });
    const report = await buildReport(checked.services.shared, checked.findings, { toolVersion: '9.9.9', generatedAt: '2025-06-30T12:00:00Z', repository: { git: false } });
    return [renderMarkdown(report), await renderHtml(report), renderJson(report)];
}

/** `report` writes its report (exit 0) and `check` reports findings (exit 1): neither is an internal error (exit 2). */
async function expectCliCopes(text: string): Promise<{ report: string, check: string }> {
    const folder = await workspace({ 'policy.mandate': text });
    const report = mandate(folder, 'report', '.', '--format', 'md', '--as-of', AS_OF);
    expect(report.stderr).not.toMatch(/internal|error occurred|Invalid time value|Cannot read/i);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('# ');
    const check = mandate(folder, 'check', '.', '--as-of', AS_OF);
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).not.toMatch(/error occurred|Invalid time value|Cannot read/);
    return { report: report.stdout, check: check.stdout };
}

describe('a cadence without its unit (../shared/crashes/cadence-without-unit.mandate)', () => {
    const name = 'cadence-without-unit.mandate';
    it.skipIf(skipReason(name) !== '')(`is one syntax finding at the cadence, and every other finding stays as without the cadence${skipReason(name)}`, async () => {
        const text = crash(name);
        const findings = await findingsOf(text);
        expectNoInternalError(findings);
        const syntax = findings.filter(finding => finding.rule === 'parsing-error');
        expect(syntax).toHaveLength(1);
        // At the cadence: `every` is on line 1, and the unit was expected right after it.
        const cadenceColumn = text.split('\n')[0].indexOf('every') + 1;
        expect(syntax[0].line).toBe(1);
        expect(syntax[0].column).toBeGreaterThanOrEqual(cadenceColumn);
        expect(syntax[0].message).toMatch(/day|week|month|quarter|year/);
        // The workspace rules still run: the same findings as the policy without the cadence.
        const without = await findingsOf(text.replace(/\s*every\s*}/, ' }'));
        expect(brief(findings.filter(finding => finding.rule !== 'parsing-error'))).toEqual(brief(without));
        expect(without.length).toBeGreaterThan(0);
    });

    it.skipIf(skipReason(name) !== '')(`is reported by the CLI without an internal error${skipReason(name)}`, async () => {
        const { check } = await expectCliCopes(crash(name));
        expect(check).toContain('parsing-error');
    });
});

describe('a cadence out of range (../shared/crashes/cadence-huge-count.mandate)', () => {
    const name = 'cadence-huge-count.mandate';
    it.skipIf(skipReason(name) !== '')(`is a cadence-invalid finding, and every report format is still written${skipReason(name)}`, async () => {
        const text = crash(name);
        const findings = await findingsOf(text);
        expectNoInternalError(findings);
        const invalid = findings.filter(finding => finding.rule === 'cadence-invalid');
        expect(invalid.map(finding => finding.line)).toEqual([1]);
        expect(invalid[0].message).toContain('every 100000000 days');
        expect(invalid[0].message).toContain('out of range');
        for (const report of await allReports(text)) expect(report.length).toBeGreaterThan(500);
    });

    it.skipIf(skipReason(name) !== '')(`is reported by the CLI, whose report is written${skipReason(name)}`, async () => {
        const { report, check } = await expectCliCopes(crash(name));
        expect(check).toContain('cadence-invalid');
        expect(report).toContain('every 100000000 days');
    });
});

describe('dates and cadences far outside human ranges are findings, not crashes', () => {
    const policy = (training: string, completed = '2024-01-01', employed = '2020-01-01') => [
        `training awareness "Security awareness" { audience everyone ${training} }`,
        `person p "P" { employed since ${employed} }`,
        `completed awareness by p on ${completed}`
    ].join('\n') + '\n';

    it.each([
        ['every 100000000 days', 'cadence-invalid'],
        [`every ${'9'.repeat(400)} years`, 'cadence-invalid'],
        ['every 0 days', 'cadence-invalid'],
        ['every 11 years', 'cadence-invalid'],
        ['every 1 year within 100000000 days', 'cadence-invalid'],
        ['every 1 year within 4000 days of joining', 'cadence-invalid']
    ])('`%s` is %s, and every report format is written', async (training, rule) => {
        const text = policy(training);
        const findings = await findingsOf(text);
        expectNoInternalError(findings);
        expect(findings.filter(finding => finding.rule === rule).map(finding => finding.line)).toEqual([1]);
        // The message repeats what was written, cut short, never a 400-digit number.
        expect(Math.max(...findings.map(finding => finding.message.length))).toBeLessThan(400);
        for (const report of await allReports(text)) expect(report).not.toMatch(/Invalid time|NaN|\bundefined\b/);
    });

    it.each(['every 10 years', 'every 3653 days', 'every 120 months', 'every 40 quarters', 'every 522 weeks', 'every 1 year within 3653 days'])('accepts `%s`', async training => {
        expect((await findingsOf(policy(training))).filter(finding => finding.rule === 'cadence-invalid')).toEqual([]);
    });

    it('reports a year before 1900 as date-invalid, and writes every report', async () => {
        const text = policy('every year', '0001-01-01', '0004-02-29');
        const findings = await findingsOf(text);
        expectNoInternalError(findings);
        expect(findings.filter(finding => finding.rule === 'date-invalid').map(finding => finding.line).sort()).toEqual([2, 3]);
        for (const report of await allReports(text)) expect(report).not.toMatch(/Invalid time|NaN/);
    });

    it('reads a five-digit year as a syntax error, not a crash', async () => {
        const text = policy('every year', '99999-01-01');
        const findings = await findingsOf(text);
        expectNoInternalError(findings);
        expect(findings.map(finding => finding.rule)).toContain('parsing-error');
        await expectCliCopes(text);
    });

    it('adds cadences within the calendar: far dates stop at 9999-12-31, early years are not read as 19xx', () => {
        expect(addCadence('2024-01-01', 100_000_000, 'days')).toBe('9999-12-31');
        expect(addCadence('2024-01-01', Number.POSITIVE_INFINITY, 'years')).toBe('9999-12-31');
        expect(addCadence('9999-06-01', 1, 'year')).toBe('9999-12-31');
        expect(addCadence('0001-01-31', 1, 'month')).toBe('0001-02-28');
        expect(addCadence('0004-02-28', 1, 'day')).toBe('0004-02-29');
        expect(addCadence('2024-01-31', 1, 'month')).toBe('2024-02-29');
        expect(addCadence('2024-03-01', -1, 'day')).toBe('2024-02-29');
        expect(addCadence('2023-11-30', 1, 'quarter')).toBe('2024-02-29');
    });
});

describe('hover on 5,000 suppressions (../shared/crashes/suppression-flood-5000.mandate)', () => {
    const name = 'suppression-flood-5000.mandate';
    // The one timed assertion, which the issue demands: hover stays under 100 ms. The best of a few
    // tries is measured, so a busy machine does not fail it; 0.1.0 took over 60 s at 20,000 lines.
    it.skipIf(skipReason(name) !== '')(`answers a hover on a suppression and on the declaration under 100 ms${skipReason(name)}`, async () => {
        const text = crash(name);
        const checked = await checkSources([{ uri: 'file:///ws/flood.mandate', text }], { asOf: AS_OF });
        const document = checked.documents[0];
        const hover = checked.services.lsp.HoverProvider!;
        const last = text.trimEnd().split('\n').length - 1;
        for (const position of [{ line: 0, character: 20 }, { line: 2500, character: 20 }, { line: last, character: 6 }]) {
            const params = { textDocument: { uri: document.uri.toString() }, position };
            const content = await hover.getHoverContent(document, params);
            expect(JSON.stringify(content)).toMatch(/ciso-missing|tail/);
            let best = Number.POSITIVE_INFINITY;
            for (let attempt = 0; attempt < 5; attempt++) {
                const started = performance.now();
                await hover.getHoverContent(document, params);
                best = Math.min(best, performance.now() - started);
            }
            expect(best, `hover at ${position.line}:${position.character}`).toBeLessThan(100);
        }
    }, 120_000);
});

describe('completion where a keyword is written as a name (../shared/crashes/completion-keyword-as-name-*.mandate)', () => {
    afterAll(async () => {
        await disposeAllClients();
        await removeAllWorkspaces();
    });

    // Lines and columns as the README gives them, 1-based; the characters around that column are all asked.
    const cases: Array<[string, number, number]> = [['completion-keyword-as-name-1.mandate', 2, 28], ['completion-keyword-as-name-2.mandate', 1, 9]];
    for (const [name, line, column] of cases) {
        it.skipIf(skipReason(name) !== '')(`${name}: completion at line ${line}, column ${column} answers without an error${skipReason(name)}`, async () => {
            const folder = await createWorkspace({ 'roles.mandate': 'role ciso "CISO"\nperson jane "Jane"\nrole n1 "N1"\n' });
            const client = await LspClient.start({ workspaceFolders: [folder], settings: { mandate: { asOf: AS_OF } } });
            const uri = workspaceUri(folder, name);
            await client.openDocument(uri, crash(name));
            await client.waitForDiagnostics(uri);
            for (const character of [column - 2, column - 1, column]) {
                const items = await client.completion(uri, { line: line - 1, character });
                expect(Array.isArray(items)).toBe(true);
            }
            // Langium catches the failure and logs it; the server must not fail at all.
            const logs = client.logMessages.map(log => log.message).join('\n');
            expect(logs).not.toMatch(/is not a reference|Error/);
            expect(client.serverStderr).toBe('');
            expect(client.hasExited).toBe(false);
        }, 60_000);
    }
});
