/**
 * A role's job description in force whose file does not exist (evidence-missing) was listed in
 * both OSCAL exports as a back-matter document the role links to, as if it were evidence a GRC
 * tool could open. The role now says it is missing, as the Markdown report's "file not found in
 * the workspace" does, and no resource stands for it. A folder on disk, so paths resolve as the
 * CLI resolves them; fixed as-of date.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOscal } from '../language/report/export-oscal.js';
import { exportOscalSsp } from '../language/report/export-oscal-ssp.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { reportOfFolder } from './folder-helpers.js';
import { CLEAN_POLICY } from './helpers.js';

const SCHEMAS = path.resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/schemas');
const COMPONENT_SCHEMA = path.join(SCHEMAS, 'oscal_component_schema_1.0.6.json');
const SSP_SCHEMA = path.join(SCHEMAS, 'oscal_ssp_schema_1.0.6.json');
const SCHEMAS_PRESENT = existsSync(COMPONENT_SCHEMA) && existsSync(SSP_SCHEMA);

type Json = Record<string, any>;

/** CLEAN_POLICY in one file; the CISO's job description is missing, Ops's exists, and the missing path is also cited as evidence. */
const POLICY = Object.values(CLEAN_POLICY).join('\n')
    .replace('    designated CISO\n', '    designated CISO\n    job description "docs/ciso.md" version "3.0" effective 2025-01-01\n')
    .replace('    evidence "minutes/2024-02-board.pdf"\n', '    evidence "minutes/2024-02-board.pdf"\n    evidence "docs/ciso.md"\n')
    + '\nrole ops "Operations lead" {\n    reports to ciso\n    job description "docs/ops.md"\n}\n';

let folder: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mandate-oscal-job-description-'));
    mkdirSync(path.join(folder, 'docs'));
    mkdirSync(path.join(folder, 'minutes'));
    writeFileSync(path.join(folder, 'policy.mandate'), POLICY);
    writeFileSync(path.join(folder, 'docs', 'ops.md'), '# Operations lead\n');
    writeFileSync(path.join(folder, 'minutes', '2024-02-board.pdf'), 'minutes\n');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function validator(schema: string) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(schema, 'utf8')));
}

/** Both exports of the folder's report, each with its metadata and back matter. */
async function exports(): Promise<{ name: string; text: string; document: Json }[]> {
    const report = await reportOfFolder(folder);
    const component = exportOscal(report);
    const ssp = exportOscalSsp(report);
    return [
        { name: 'component definition', text: component, document: JSON.parse(component)['component-definition'] },
        { name: 'system security plan', text: ssp, document: JSON.parse(ssp)['system-security-plan'] }
    ];
}

describe('a missing job description in the OSCAL exports', () => {
    it('is not a document the role links to, and the role says it is missing, as the Markdown report does', async () => {
        const report = await reportOfFolder(folder);
        expect(renderMarkdown(report)).toContain('`docs/ciso.md`, version 3.0, effective 2025-01-01, in force on 2025-06-30 **❌ file not found in the workspace**');
        for (const { name, document } of await exports()) {
            const ciso = document.metadata.roles.find((role: Json) => role.id === 'ciso');
            expect(ciso.links, name).toBeUndefined();
            expect(ciso.props, name).toContainEqual(expect.objectContaining({ name: 'job-description-missing', value: 'true' }));
            expect(ciso.remarks, name).toBe('The job description in force, docs/ciso.md (policy.mandate:10): file not found in the workspace, so it cannot be produced (evidence-missing).');
            // Nothing calls it the CISO's job description.
            const resources: Json[] = document['back-matter'].resources;
            expect(resources.filter(resource => resource.description.includes('Job description of Chief'))).toEqual([]);
        }
    });

    it('still cites the same path as evidence elsewhere, saying the file is missing and linking no file', async () => {
        for (const { name, document } of await exports()) {
            const cited = document['back-matter'].resources.filter((resource: Json) => resource.title === 'docs/ciso.md');
            expect(cited, name).toHaveLength(1);
            expect(cited[0].rlinks, name).toBeUndefined();
            expect(cited[0].props, name).toContainEqual(expect.objectContaining({ name: 'missing', value: 'true' }));
            expect(cited[0].description, name).toMatch(/^Evidence of the appointment of Jane Doe .* The file is not found in the workspace, so it cannot be produced \(evidence-missing\)\.$/);
        }
    });

    it('leaves a job description whose file exists a linked, hashed document', async () => {
        for (const { name, document } of await exports()) {
            const ops = document.metadata.roles.find((role: Json) => role.id === 'ops');
            expect(ops.remarks, name).toBeUndefined();
            expect(ops.props ?? [], name).not.toContainEqual(expect.objectContaining({ name: 'job-description-missing' }));
            const resource = document['back-matter'].resources.find((entry: Json) => entry.title === 'docs/ops.md');
            expect(ops.links, name).toEqual([{ href: `#${resource.uuid}`, rel: 'reference', text: 'Job description' }]);
            expect(resource.rlinks[0]).toMatchObject({ href: 'docs/ops.md', 'media-type': 'text/markdown' });
            expect(resource.props, name).toBeUndefined();
        }
    });

    it.skipIf(!SCHEMAS_PRESENT)('keeps both exports valid against NIST\'s schemas', async () => {
        const [component, ssp] = await exports();
        for (const [schema, { text }] of [[COMPONENT_SCHEMA, component], [SSP_SCHEMA, ssp]] as const) {
            const validate = validator(schema);
            expect(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        }
    });
});
