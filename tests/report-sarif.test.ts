import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkFolder } from './folder-helpers.js';
import { type Finding } from '../language/engine/check-sources.js';
import { exportSarif } from '../language/report/export-sarif.js';
import { RULES } from '../language/rules/index.js';
import { CLEAN_POLICY, check } from './helpers.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const ACME = path.join(PROJECT, 'examples', 'acme');
const FINDINGS = path.join(PROJECT, 'examples', 'findings');
/** How SARIF names Mandate's severities. */
const LEVELS: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A folder checked as the CLI checks it, as one workspace, at a fixed as-of date. */
async function findingsOf(folder: string, asOf = '2025-06-30'): Promise<readonly Finding[]> {
    return (await checkFolder(folder, asOf)).findings;
}

/**
 * The official SARIF 2.1.0 schema, read from the @microsoft/jest-sarif package. It is written as
 * draft-04, whose only difference that matters here is `id` for `$id`; it is checked as draft-07.
 * One of its patterns has a lone `]`, which Unicode regular expressions reject, hence `unicodeRegExp: false`.
 */
function sarifValidator() {
    const file = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const { $schema: _draft04, id, ...schema } = JSON.parse(readFileSync(file, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile({ ...schema, $schema: 'http://json-schema.org/draft-07/schema#', $id: id });
}

type Json = Record<string, any>;

describe('SARIF export', () => {
    const validate = sarifValidator();

    it('is a valid SARIF 2.1.0 log for acme, with no results and every rule described', async () => {
        const log = JSON.parse(exportSarif(await findingsOf(ACME, '2025-06-30'), { toolVersion: '0.1.0', root: pathToFileURL(ACME).href }));
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        expect(log.version).toBe('2.1.0');
        const [run] = log.runs;
        expect(run.results).toEqual([]);
        expect(run.tool.driver).toMatchObject({ name: 'Mandate', version: '0.1.0' });
        const ids = run.tool.driver.rules.map((rule: Json) => rule.id);
        expect(ids).toEqual([...RULES.map(rule => rule.id), 'linking-error', 'lexing-error', 'parsing-error', 'policy-test-invalid']);
        const vacant = run.tool.driver.rules.find((rule: Json) => rule.id === 'ciso-vacant');
        expect(vacant).toMatchObject({
            defaultConfiguration: { level: 'error' },
            properties: { category: 'leadership', docs: 'docs/rules/ciso-vacant.md', tags: expect.arrayContaining(['leadership', 'ISO27001:5.3(a)']) }
        });
        expect(vacant.helpUri).toBeUndefined();
        expect(vacant.help.text).toContain('docs/rules/ciso-vacant.md');
        expect(run.tool.driver.informationUri).toBeUndefined();
    });

    it('reports a findings example with relative URIs under %SRCROOT% and 1-based regions', async () => {
        const folder = path.join(FINDINGS, 'duplicate-name');
        const findings = await findingsOf(folder);
        expect(findings.length).toBeGreaterThanOrEqual(2);
        const log = JSON.parse(exportSarif(findings, { toolVersion: '0.1.0', root: pathToFileURL(folder).href }));
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        const [run] = log.runs;
        expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(folder).href}/` } });
        expect(run.results).toHaveLength(findings.length);
        run.results.forEach((result: Json, index: number) => {
            const finding = findings[index];
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
            expect(result).toMatchObject({ ruleId: finding.rule, level: LEVELS[finding.severity], message: { text: finding.message } });
            const location = result.locations[0].physicalLocation;
            expect(location.artifactLocation).toEqual({ uri: path.basename(fileURLToPath(finding.uri)), uriBaseId: '%SRCROOT%' });
            expect(location.region).toEqual({ startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn });
            expect(location.region.startLine).toBeGreaterThanOrEqual(1);
            expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
        });
        expect(new Set(run.results.map((result: Json) => result.locations[0].physicalLocation.artifactLocation.uri)).size).toBeGreaterThan(1);
    });

    it('is valid for every examples/findings workspace, mapping severities to levels', async () => {
        const levels = new Set<string>();
        for (const folder of readdirSync(FINDINGS).sort()) {
            const log = JSON.parse(exportSarif(await findingsOf(path.join(FINDINGS, folder)), { toolVersion: '0.1.0', root: pathToFileURL(path.join(FINDINGS, folder)).href }));
            expect({ folder, valid: validate(log), errors: validate.errors ?? [] }).toEqual({ folder, valid: true, errors: [] });
            log.runs[0].results.forEach((result: Json) => levels.add(result.level));
        }
        expect([...levels].sort()).toEqual(['error', 'note', 'warning']);
    });

    it('is byte-identical for the same input', async () => {
        const folder = path.join(FINDINGS, 'isms-reporting-unassigned');
        const options = { toolVersion: '0.1.0', root: pathToFileURL(folder).href, docsBaseUri: 'https://example.org/mandate/docs/rules' };
        expect(exportSarif(await findingsOf(folder), options)).toBe(exportSarif(await findingsOf(folder), options));
    });

    it('links rule pages only under a given docs base, and keeps absolute URIs outside the root', async () => {
        const findings = await check({ ...CLEAN_POLICY, 'extra.mandate': 'assign nobody to ciso since 2024-01-01\nrole {' });
        const rules = new Set(findings.map(finding => finding.rule));
        expect([...rules]).toEqual(expect.arrayContaining(['linking-error', 'parsing-error']));
        const log = JSON.parse(exportSarif(findings, { toolVersion: 'dev', root: 'file:///elsewhere', docsBaseUri: 'https://example.org/mandate/docs/rules' }));
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
        const [run] = log.runs;
        expect(run.tool.driver.informationUri).toBe('https://example.org/mandate/docs/');
        const linking = run.tool.driver.rules.find((rule: Json) => rule.id === 'linking-error');
        // Findings outside the catalogue have no page of their own: the section of the rules README that describes them.
        expect(linking.helpUri).toBe('https://example.org/mandate/docs/rules/README.md#findings-outside-the-catalogue');
        expect(linking.help.markdown).toContain('[docs/rules/README.md#findings-outside-the-catalogue](https://example.org/mandate/docs/rules/README.md#findings-outside-the-catalogue)');
        expect(run.tool.driver.rules.find((rule: Json) => rule.id === 'ciso-vacant').helpUri).toBe('https://example.org/mandate/docs/rules/ciso-vacant.md');
        // The anchor is the heading's.
        expect(readFileSync(new URL('../docs/rules/README.md', import.meta.url), 'utf8')).toContain('\n## Findings outside the catalogue\n');
        for (const result of run.results) {
            expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: expect.stringMatching(/^file:\/\/\/ws\/[a-z]+\.mandate$/) });
            expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
        }
        const unknown = JSON.parse(exportSarif([{ ...findings[0], rule: 'mandate', severity: 'hint' }], { toolVersion: 'dev' }));
        expect(unknown.runs[0].results[0].ruleIndex).toBeUndefined();
        expect(unknown.runs[0].results[0].level).toBe('note');
        expect(unknown.runs[0].originalUriBaseIds).toBeUndefined();
        expect(validate(unknown)).toBe(true);
    });

    it('encodes path segments of relative URIs', () => {
        const finding: Finding = { uri: 'file:///repo/policy%20files/a%23b.mandate', line: 1, column: 1, endLine: 1, endColumn: 2, severity: 'warning', rule: 'date-in-future', message: 'm' };
        const log = JSON.parse(exportSarif([finding], { toolVersion: '0.1.0', root: 'file:///repo' }));
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'policy%20files/a%23b.mandate', uriBaseId: '%SRCROOT%' });
        expect(validate(log)).toBe(true);
    });

    it('fails validation when the log is broken, so the schema check is not vacuous', async () => {
        const log = JSON.parse(exportSarif(await findingsOf(path.join(FINDINGS, 'ciso-vacant')), { toolVersion: '0.1.0' }));
        log.runs[0].results[0].level = 'fatal';
        log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
        expect(validate(log)).toBe(false);
        expect(validate.errors?.map(error => error.instancePath)).toEqual(expect.arrayContaining([
            '/runs/0/results/0/level', '/runs/0/results/0/locations/0/physicalLocation/region/startLine'
        ]));
    });
});
