import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reportOfFolder } from './folder-helpers.js';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { controlId, exportOscal, MANDATE_OSCAL_NS, oscalToken } from '../language/report/export-oscal.js';
import { exportOscalSsp } from '../language/report/export-oscal-ssp.js';
import { DNS_NAMESPACE, MANDATE_NAMESPACE, URL_NAMESPACE, uuidv5 } from '../language/report/uuid-v5.js';
import { REQUIREMENTS } from '../language/standards/catalogue.js';
import { CLEAN_POLICY } from './helpers.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const ACME = path.join(PROJECT, 'examples', 'acme');
const FINDINGS = path.join(PROJECT, 'examples', 'findings');
const GOLDEN = path.join(PROJECT, 'tests', 'golden', 'acme.oscal.json');
const OSCAL_SCHEMA = path.resolve(PROJECT, '../shared/schemas/oscal_component_schema_1.0.6.json');
const SCHEMA_PRESENT = existsSync(OSCAL_SCHEMA);
/** The test name says why it is skipped, where the shared schema is missing (a clone outside this workplace). */
const needsSchema = (name: string) => SCHEMA_PRESENT ? name : `${name} (skipped: NIST's schema is not at ${OSCAL_SCHEMA})`;


/** NIST's schema is draft-07 with `\p{L}` in its token pattern, so Ajv keeps its default Unicode regular expressions. */
function oscalValidator() {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(OSCAL_SCHEMA, 'utf8')));
}

type Json = Record<string, any>;

const definition = (text: string): Json => JSON.parse(text)['component-definition'];

function uuidsIn(value: unknown, found: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach(item => uuidsIn(item, found));
    else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
            if (key === 'uuid' && typeof inner === 'string') found.push(inner);
            else uuidsIn(inner, found);
        }
    }
    return found;
}

describe('UUID v5', () => {
    it('matches the RFC 4122 example for www.example.com in the DNS namespace', () => {
        expect(uuidv5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    });

    it("uses a fixed Mandate namespace, itself the v5 UUID of 'urn:mandate:oscal' in the URL namespace", () => {
        expect(uuidv5('urn:mandate:oscal', URL_NAMESPACE)).toBe(MANDATE_NAMESPACE);
        expect(uuidv5('acme/party/priya-nair')).toBe(uuidv5('acme/party/priya-nair', MANDATE_NAMESPACE));
        expect(uuidv5('acme/party/priya-nair')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(uuidv5('Ünïcödé')).not.toBe(uuidv5('Unicode'));
        expect(() => uuidv5('x', 'not-a-uuid')).toThrow(/not a UUID/);
    });
});

describe('OSCAL identifiers', () => {
    it('maps requirement IDs to lower-case control-id tokens', () => {
        expect(controlId('ISO27001:5.3(b)')).toBe('iso27001-5.3.b');
        expect(controlId('ISO27001:A.5.2')).toBe('iso27001-a.5.2');
        expect(controlId('NIST-CSF:GV.RR-01')).toBe('nist-csf-gv.rr-01');
        expect(controlId('HIPAA:164.308(a)(2)')).toBe('hipaa-164.308.a.2');
        expect(controlId('PCI-DSS:12.1.4')).toBe('pci-dss-12.1.4');
        const ids = REQUIREMENTS.map(requirement => controlId(requirement.id));
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[\p{L}_][\p{L}\p{N}._-]*$/u);
    });

    it('keeps policy names as role ids and repairs anything that is not a token', () => {
        expect(oscalToken('isms-manager')).toBe('isms-manager');
        expect(oscalToken('_team_2')).toBe('_team_2');
        expect(oscalToken('2nd line')).toBe('_2nd_line');
        expect(oscalToken('a:b/c')).toBe('a_b_c');
    });
});

describe('OSCAL component definition', () => {
    it.skipIf(!SCHEMA_PRESENT)(needsSchema("validates against NIST's OSCAL 1.0.6 component schema, which rejects a broken export"), async () => {
        const validate = oscalValidator();
        const exported = JSON.parse(exportOscal(await reportOfFolder(ACME)));
        const valid = validate(exported);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        exported['component-definition'].metadata.roles[0].id = 'not a token';
        delete exported['component-definition'].components[0].type;
        expect(validate(exported)).toBe(false);
        expect(validate.errors?.map(error => error.instancePath)).toEqual(expect.arrayContaining([
            '/component-definition/metadata/roles/0/id', '/component-definition/components/0'
        ]));
    });

    it.skipIf(!SCHEMA_PRESENT)(needsSchema('validates for every examples/findings workspace and for a policy without an organization'), async () => {
        const validate = oscalValidator();
        for (const folder of readdirSync(FINDINGS).sort()) {
            const exported = JSON.parse(exportOscal(await reportOfFolder(path.join(FINDINGS, folder), '2025-06-30')));
            const valid = validate(exported);
            expect({ folder, errors: validate.errors ?? [] }).toEqual({ folder, errors: [] });
            expect(valid).toBe(true);
            // OSCAL identifiers are unique even where the policy declares a name twice (duplicate-name).
            const uuids = uuidsIn(exported);
            const roleIds = exported['component-definition'].metadata.roles?.map((role: Json) => role.id) ?? [];
            expect({ folder, uuids: uuids.length, roleIds: roleIds.length }).toEqual({ folder, uuids: new Set(uuids).size, roleIds: new Set(roleIds).size });
        }
        const sources = Object.entries(CLEAN_POLICY).map(([name, text]) => ({ uri: `file:///ws/${name}`, text: text.replace(/organization acme[^}]*}/, '') }));
        const checked = await checkSources(sources, { asOf: '2025-06-30' });
        const report = buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
        expect(report.organization).toBeUndefined();
        expect(validate(JSON.parse(exportOscal(report)))).toBe(true);
    });

    it('escapes policy text in the markup fields, which GRC tools render as Markdown: no live link, no raw HTML', async () => {
        const roles = CLEAN_POLICY['roles.mandate'].replace('"Report ISMS performance to top management"', '"Report [x](http://evil.example) <a href=javascript:alert(8)>y</a>"');
        const sources = Object.entries({ ...CLEAN_POLICY, 'roles.mandate': roles }).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const checked = await checkSources(sources, { asOf: '2025-06-30' });
        const report = buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
        for (const exported of [exportOscal(report), exportOscalSsp(report)]) {
            const parsed = JSON.parse(exported);
            const texts: string[] = [];
            const collect = (value: unknown, key?: string): void => {
                if (typeof value === 'string' && (key === 'title' || key === 'description' || key === 'remarks')) texts.push(value);
                else if (Array.isArray(value)) value.forEach(item => collect(item));
                else if (value && typeof value === 'object') for (const [name, inner] of Object.entries(value)) collect(inner, name);
            };
            collect(parsed);
            const hostile = texts.filter(text => text.includes('evil'));
            expect(hostile.length).toBeGreaterThan(0);
            for (const text of hostile) {
                expect(text).toContain('Report \\[x\\](http\\://evil.example) &lt;a href=javascript\\:alert(8)&gt;y&lt;/a&gt;'.replace('javascript\\:', 'javascript:'));
                expect(text).not.toMatch(/<a |\]\(http:/);
            }
        }
    });

    it.skipIf(!SCHEMA_PRESENT)(needsSchema('leaves out a mistyped e-mail address, which would make the whole export invalid'), async () => {
        const validate = oscalValidator();
        const people = CLEAN_POLICY['people.mandate'].replace('email "jane@acme.example"', 'email "jane@acme..example,"');
        const sources = Object.entries({ ...CLEAN_POLICY, 'people.mandate': people }).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const checked = await checkSources(sources, { asOf: '2025-06-30' });
        const exported = JSON.parse(exportOscal(buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' })));
        expect(validate(exported), JSON.stringify(validate.errors)).toBe(true);
        const jane = exported['component-definition'].metadata.parties.find((party: Json) => party.name === 'Jane Doe');
        expect(jane['email-addresses']).toBeUndefined();
    });

    it('is byte-identical for the same input, with the same UUIDs (golden: tests/golden/acme.oscal.json, UPDATE_GOLDEN=1 rewrites)', async () => {
        const first = exportOscal(await reportOfFolder(ACME));
        const second = exportOscal(await reportOfFolder(ACME));
        expect(second).toBe(first);
        expect(uuidsIn(JSON.parse(second))).toEqual(uuidsIn(JSON.parse(first)));
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, first);
        expect(first).toBe(readFileSync(GOLDEN, 'utf8'));
    });

    it('keeps every UUID when only the generation time changes, and only the document UUID and version when the policy changes', async () => {
        const report = await reportOfFolder(ACME);
        const later = { ...report, provenance: { ...report.provenance, generatedAt: '2027-01-01T00:00:00Z' } };
        const changed = { ...report, provenance: { ...report.provenance, inputsSha256: 'f'.repeat(64) } };
        const base = definition(exportOscal(report));
        expect(uuidsIn(definition(exportOscal(later)))).toEqual(uuidsIn(base));
        const edited = definition(exportOscal(changed));
        expect(edited.uuid).not.toBe(base.uuid);
        expect(edited.metadata.version).toBe('f'.repeat(64));
        expect(uuidsIn(edited).slice(1)).toEqual(uuidsIn(base).slice(1));
        // Another as-of date, or a redacted copy, is another document too.
        expect(definition(exportOscal({ ...report, asOf: '2025-07-01' })).uuid).not.toBe(base.uuid);
        expect(definition(exportOscal({ ...report, provenance: { ...report.provenance, redacted: true } })).uuid).not.toBe(base.uuid);
    });

    it('carries roles, people, current holders, requirement statuses and documents', async () => {
        const report = await reportOfFolder(ACME);
        const doc = definition(exportOscal(report));
        const { metadata } = doc;
        expect(metadata['oscal-version']).toBe('1.0.6');
        expect(metadata['last-modified']).toBe('2026-11-26T00:00:00Z');
        expect(metadata.version).toBe(report.provenance.inputsSha256);
        expect(metadata.roles.map((role: Json) => role.id)).toEqual(report.roles.map(entry => entry.role.id));
        const ciso = metadata.roles.find((role: Json) => role.id === 'ciso');
        expect(ciso.props).toContainEqual({ name: 'designated-ciso', ns: MANDATE_OSCAL_NS, value: 'true' });

        const priya = metadata.parties.find((party: Json) => party.name === 'Priya Nair');
        expect(priya).toMatchObject({ type: 'person', 'email-addresses': ['priya.nair@acme.example'], uuid: uuidv5('acme/party/priya-nair') });
        expect(metadata.parties[0]).toMatchObject({ type: 'organization', name: 'Acme Ltd' });
        const cisoParties = metadata['responsible-parties'].find((entry: Json) => entry['role-id'] === 'ciso');
        expect(cisoParties['party-uuids']).toEqual([priya.uuid]);

        const [component] = doc.components;
        expect(component.type).toBe('policy');
        expect(component['responsible-roles'].map((role: Json) => role['role-id'])).toContain('ciso');
        const iso = component['control-implementations'].find((set: Json) => set.source === `#${uuidv5('acme/framework/ISO27001')}`);
        // Clause 5.3 as a whole, with 5.3(a) and 5.3(b) rolled up into it.
        const clause = iso['implemented-requirements'].find((requirement: Json) => requirement['control-id'] === 'iso27001-5.3');
        expect(clause.description).toContain('Status: met.');
        expect(clause['responsible-roles']).toContainEqual({ 'role-id': 'ciso', 'party-uuids': [priya.uuid] });
        expect(clause.props).toContainEqual({ name: 'control-owner', ns: MANDATE_OSCAL_NS, value: 'ciso' });
        // One implemented requirement per top-level requirement of a claimed framework, and nothing of the others.
        const requirements = component['control-implementations'].flatMap((set: Json) => set['implemented-requirements']);
        expect(requirements).toHaveLength(report.summary.requirements.length);
        expect(component['control-implementations']).toHaveLength(report.summary.applicability.frameworks.length);
        expect(requirements.map((requirement: Json) => requirement['control-id'])).not.toContain('iso27001-5.3.b');

        const resources: Json[] = doc['back-matter'].resources;
        const jobDescription = resources.find(resource => resource.title === 'docs/roles/ciso.md');
        const cisoHash = report.provenance.documents.find(document => document.file === 'docs/roles/ciso.md')?.sha256;
        expect(cisoHash).toMatch(/^[0-9a-f]{64}$/);
        expect(jobDescription?.rlinks).toEqual([{ href: 'docs/roles/ciso.md', 'media-type': 'text/markdown', hashes: [{ algorithm: 'SHA-256', value: cisoHash }] }]);
        const minutes = resources.find(resource => resource.title === 'Board minutes 2022-03-15, item 4: the Board notes the appointment');
        expect(minutes?.rlinks).toBeUndefined();
        expect(minutes?.description).toContain('appointment of Priya Nair as Chief Information Security Officer');
        // Every internal link points at a back-matter resource, and no UUID is used twice.
        const hrefs = JSON.stringify(doc).match(/"(?:href|source)": ?"#[^"]+"/g) ?? [];
        const targets = new Set(resources.map(resource => `#${resource.uuid}`));
        for (const href of hrefs) expect(targets.has(href.replace(/^.*"(#[^"]+)"$/, '$1'))).toBe(true);
        const uuids = uuidsIn(doc);
        expect(new Set(uuids).size).toBe(uuids.length);
    });

    it('states a not-applicable requirement with the justification and line of its exclusion', async () => {
        const files = { ...CLEAN_POLICY, 'soa.mandate': 'claims ISO27001 {\n    not applicable ISO27001:A.7.4 "No premises of our own."\n}\n' };
        const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: '2025-06-30' });
        const report = buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
        const doc = definition(exportOscal(report));
        const premises = doc.components[0]['control-implementations'][0]['implemented-requirements']
            .find((requirement: Json) => requirement['control-id'] === 'iso27001-a.7.4');
        expect(premises.props).toContainEqual({ name: 'status', ns: MANDATE_OSCAL_NS, value: 'not-applicable' });
        expect(premises.remarks).toBe('Not applicable: No premises of our own. (soa.mandate:2)');
        expect(premises.description).toContain('Status: not-applicable. Declared not applicable: No premises of our own.');
        if (SCHEMA_PRESENT) expect(oscalValidator()(JSON.parse(exportOscal(report)))).toBe(true);
    });

    it('states partly-met requirements with the findings that lower them', async () => {
        const doc = definition(exportOscal(await reportOfFolder(path.join(FINDINGS, 'assignment-not-communicated'), '2025-06-30')));
        const requirements: Json[] = doc.components[0]['control-implementations'].flatMap((set: Json) => set['implemented-requirements']);
        const partly = requirements.filter(requirement => requirement.props.some((p: Json) => p.name === 'status' && p.value === 'partly-met'));
        expect(partly.length).toBeGreaterThan(0);
        expect(partly[0].remarks).toMatch(/assignment-not-communicated \(warning\) at policy\.mandate:\d+/);
    });
});
