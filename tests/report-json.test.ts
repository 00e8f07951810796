import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reportOfFolder } from './folder-helpers.js';
import { REPORT_SCHEMA_VERSION, type AuditReport } from '../language/report/report-model.js';
import { REPORT_KEY_ORDER, renderJson } from '../language/report/render-json.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const ACME = path.join(PROJECT, 'examples', 'acme');
const FINDINGS = path.join(PROJECT, 'examples', 'findings');
const GOLDEN = path.join(PROJECT, 'tests', 'golden', 'acme.json');
const SCHEMA = JSON.parse(readFileSync(path.join(PROJECT, 'docs', 'report.schema.json'), 'utf8'));


function validator() {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    return ajv.compile(SCHEMA);
}

type Schema = Record<string, any>;
type Order = true | { readonly [key: string]: Order };

/** The object schema a property stands for: through `$ref` and array `items`. */
function objectSchema(schema: Schema): Schema | undefined {
    if (schema.$ref) return objectSchema(SCHEMA.$defs[String(schema.$ref).replace('#/$defs/', '')]);
    if (schema.type === 'array') return objectSchema(schema.items);
    return schema.type === 'object' ? schema : undefined;
}

/** Every place where the schema's keys (or their order) differ from the renderer's, as `path: schema keys ≠ renderer keys`. */
function differences(schema: Schema, order: Order, where: string): string[] {
    const object = objectSchema(schema);
    if (order === true) return object ? [`${where}: the schema has an object, the renderer a value`] : [];
    if (!object) return [`${where}: the renderer has an object, the schema a value`];
    const schemaKeys = Object.keys(object.properties);
    const orderKeys = Object.keys(order);
    const here = schemaKeys.join() === orderKeys.join() ? [] : [`${where}: ${schemaKeys.join()} ≠ ${orderKeys.join()}`];
    return [...here, ...orderKeys.filter(key => object.properties[key]).flatMap(key => differences(object.properties[key], order[key], `${where}.${key}`))];
}

describe('JSON report', () => {
    const validate = validator();

    it('validates against docs/report.schema.json for acme and for every examples/findings workspace', async () => {
        const acme = JSON.parse(renderJson(await reportOfFolder(ACME)));
        expect(validate(acme), JSON.stringify(validate.errors)).toBe(true);
        for (const folder of readdirSync(FINDINGS).sort()) {
            const report = JSON.parse(renderJson(await reportOfFolder(path.join(FINDINGS, folder), '2025-06-30')));
            expect({ folder, valid: validate(report), errors: validate.errors ?? [] }).toEqual({ folder, valid: true, errors: [] });
        }
    });

    it('fails validation when the report drifts from the schema', async () => {
        const good = JSON.parse(renderJson(await reportOfFolder(ACME)));
        const broken = (edit: (report: Schema) => void) => {
            const copy = structuredClone(good);
            edit(copy);
            return validate(copy) ? [] : validate.errors!.map(error => `${error.instancePath} ${error.keyword}`);
        };
        expect(broken(report => { report.roles[0].role.nickname = 'x'; })).toContain('/roles/0/role additionalProperties');
        expect(broken(report => { delete report.provenance.inputsSha256; })).toContain('/provenance required');
        expect(broken(report => { report.summary.clause53 = 'mostly'; })).toContain('/summary/clause53 enum');
        expect(broken(report => { report.findings.push({ rule: 'x', severity: 'fatal', message: 'm', source: { file: 'a', line: 0 }, column: 1 }); }))
            .toEqual(expect.arrayContaining(['/findings/0/severity enum', '/findings/0/source/line minimum']));
        expect(broken(report => { report.provenance.generatedAt = 'yesterday'; })).toContain('/provenance/generatedAt format');
    });

    it('lists in the schema exactly the keys the renderer writes, in the same order', () => {
        expect(differences(SCHEMA, REPORT_KEY_ORDER as Order, 'report')).toEqual([]);
        expect(REPORT_SCHEMA_VERSION).toMatch(new RegExp(SCHEMA.properties.schemaVersion.pattern));
    });

    it('writes schemaVersion first, two-space indent, a trailing newline, and no undefined or null values', async () => {
        const text = renderJson(await reportOfFolder(ACME));
        expect(text.startsWith(`{\n  "schemaVersion": "${REPORT_SCHEMA_VERSION}",\n`)).toBe(true);
        expect(text.endsWith('}\n')).toBe(true);
        expect(text).not.toMatch(/: null\b/);
        // `changes` is written only by `report --since` (tests/cli-diff.test.ts checks it there).
        expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(REPORT_KEY_ORDER).filter(key => key !== 'changes'));
    });

    it('follows the model order even when the report object was built in another order', async () => {
        const report = await reportOfFolder(ACME);
        const shuffled = Object.fromEntries(Object.entries(report).reverse()) as unknown as AuditReport;
        expect(renderJson(shuffled)).toBe(renderJson(report));
    });

    it('is byte-identical for the same input (golden: tests/golden/acme.json, UPDATE_GOLDEN=1 rewrites)', async () => {
        const first = renderJson(await reportOfFolder(ACME));
        expect(renderJson(await reportOfFolder(ACME))).toBe(first);
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, first);
        expect(first).toBe(readFileSync(GOLDEN, 'utf8'));
    });
});
