import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { default as addFormats } from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reportOfFolder } from './folder-helpers.js';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { exportOscal } from '../language/report/export-oscal.js';
import { exportOscalSsp, OscalSspError } from '../language/report/export-oscal-ssp.js';
import { controlId, MANDATE_OSCAL_NS } from '../language/report/oscal-common.js';
import type { AuditReport } from '../language/report/report-model.js';
import { CLEAN_POLICY } from './helpers.js';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const ACME = path.join(PROJECT, 'examples', 'acme');
const FINDINGS = path.join(PROJECT, 'examples', 'findings');
const SSP_SCHEMA = path.resolve(PROJECT, '../shared/schemas/oscal_ssp_schema_1.0.6.json');
const SCHEMA_PRESENT = existsSync(SSP_SCHEMA);
/** The test name says why it is skipped, where the shared schema is missing (a clone outside this workplace). */
const needsSchema = (name: string) => SCHEMA_PRESENT ? name : `${name} (skipped: NIST's schema is not at ${SSP_SCHEMA})`;

/** NIST's schema is draft-07 with `\p{L}` in its token pattern, so Ajv keeps its default Unicode regular expressions. */
function sspValidator() {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    return ajv.compile(JSON.parse(readFileSync(SSP_SCHEMA, 'utf8')));
}

type Json = Record<string, any>;

const plan = (text: string): Json => JSON.parse(text)['system-security-plan'];

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

async function reportWithoutOrganization(): Promise<AuditReport> {
    const sources = Object.entries(CLEAN_POLICY).map(([name, text]) => ({ uri: `file:///ws/${name}`, text: text.replace(/organization acme[^}]*}/, '') }));
    const checked = await checkSources(sources, { asOf: '2025-06-30' });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
}

/** Every `#uuid` reference in the plan points at something the plan declares, and no UUID is declared twice. */
function expectConsistent(doc: Json): void {
    const uuids = uuidsIn(doc);
    expect(new Set(uuids).size).toBe(uuids.length);
    const resources = new Set((doc['back-matter']?.resources ?? []).map((resource: Json) => `#${resource.uuid}`));
    for (const href of JSON.stringify(doc).match(/"href": ?"#[^"]+"/g) ?? []) {
        expect(resources.has(href.replace(/^.*"(#[^"]+)"$/, '$1'))).toBe(true);
    }
    const roleIds = new Set((doc.metadata.roles ?? []).map((role: Json) => role.id));
    const partyUuids = new Set((doc.metadata.parties ?? []).map((party: Json) => party.uuid));
    const components = new Set(doc['system-implementation'].components.map((component: Json) => component.uuid));
    for (const requirement of doc['control-implementation']['implemented-requirements']) {
        for (const role of requirement['responsible-roles'] ?? []) {
            expect(roleIds.has(role['role-id'])).toBe(true);
            for (const party of role['party-uuids'] ?? []) expect(partyUuids.has(party)).toBe(true);
        }
        // OSCAL: every implemented requirement states its implementation through at least one by-component.
        expect(requirement['by-components'].length).toBeGreaterThan(0);
        for (const byComponent of requirement['by-components']) expect(components.has(byComponent['component-uuid'])).toBe(true);
    }
    for (const user of doc['system-implementation'].users) for (const role of user['role-ids'] ?? []) expect(roleIds.has(role)).toBe(true);
}

describe('OSCAL system security plan', () => {
    it.skipIf(!SCHEMA_PRESENT)(needsSchema("validates against NIST's OSCAL 1.0.6 SSP schema, which rejects a broken plan"), async () => {
        const validate = sspValidator();
        const exported = JSON.parse(exportOscalSsp(await reportOfFolder(ACME)));
        const valid = validate(exported);
        expect(validate.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        expectConsistent(exported['system-security-plan']);
        exported['system-security-plan']['system-implementation'].users[0]['role-ids'] = ['not a token'];
        delete exported['system-security-plan']['system-characteristics'].status;
        expect(validate(exported)).toBe(false);
        expect(validate.errors?.map(error => error.instancePath)).toEqual(expect.arrayContaining([
            '/system-security-plan/system-implementation/users/0/role-ids/0', '/system-security-plan/system-characteristics'
        ]));
    });

    it.skipIf(!SCHEMA_PRESENT)(needsSchema('validates for every examples/findings workspace and for a policy without an organization'), async () => {
        const validate = sspValidator();
        for (const folder of readdirSync(FINDINGS).sort()) {
            const doc = JSON.parse(exportOscalSsp(await reportOfFolder(path.join(FINDINGS, folder), '2025-06-30')));
            const valid = validate(doc);
            expect({ folder, errors: validate.errors ?? [] }).toEqual({ folder, errors: [] });
            expect(valid).toBe(true);
            expectConsistent(doc['system-security-plan']);
        }
        const report = await reportWithoutOrganization();
        expect(report.organization).toBeUndefined();
        const doc = JSON.parse(exportOscalSsp(report));
        expect(validate(doc)).toBe(true);
        expect(doc['system-security-plan']['system-characteristics']['system-name']).toMatch(/declares no organization/);
        expectConsistent(doc['system-security-plan']);
    });

    it('is byte-identical for the same input, and keeps every UUID but its own when the policy version changes', async () => {
        const report = await reportOfFolder(ACME);
        const first = exportOscalSsp(report);
        expect(exportOscalSsp(await reportOfFolder(ACME))).toBe(first);
        const later = exportOscalSsp({ ...report, provenance: { ...report.provenance, generatedAt: '2027-01-01T00:00:00Z' } });
        expect(uuidsIn(plan(later))).toEqual(uuidsIn(plan(first)));
        const edited = plan(exportOscalSsp({ ...report, provenance: { ...report.provenance, inputsSha256: 'f'.repeat(64) } }));
        expect(edited.uuid).not.toBe(plan(first).uuid);
        expect(edited.metadata.version).toBe('f'.repeat(64));
        expect(uuidsIn(edited).slice(1)).toEqual(uuidsIn(plan(first)).slice(1));
    });

    it('shares roles, parties, documents and the policy component with the component definition', async () => {
        const report = await reportOfFolder(ACME);
        const doc = plan(exportOscalSsp(report));
        const definition = JSON.parse(exportOscal(report))['component-definition'];
        expect(doc.metadata.roles).toEqual(definition.metadata.roles);
        expect(doc.metadata.parties).toEqual(definition.metadata.parties);
        expect(doc.metadata['responsible-parties']).toEqual(definition.metadata['responsible-parties']);
        const policy = doc['system-implementation'].components.find((component: Json) => component.type === 'policy');
        expect(policy.uuid).toBe(definition.components[0].uuid);
        expect(doc['system-implementation'].components.filter((component: Json) => component.type === 'this-system')).toHaveLength(1);
        const documents = (resources: Json[]) => resources.filter(resource => !resource.props);
        expect(documents(doc['back-matter'].resources)).toEqual(documents(definition['back-matter'].resources));
    });

    it('gives every role a user class with its role id and the authorities it may exercise as privileges', async () => {
        const report = await reportOfFolder(ACME);
        const users: Json[] = plan(exportOscalSsp(report))['system-implementation'].users;
        expect(users.map(user => user['role-ids'])).toEqual(report.roles.map(entry => [entry.role.id]));
        for (const entry of report.roles) {
            const user = users.find(candidate => candidate['role-ids'][0] === entry.role.id)!;
            const granted = entry.duties.filter(line => line.kind === 'authorized').map(line => line.duty.title);
            const privileges = (user['authorized-privileges'] ?? []).map((privilege: Json) => privilege.title);
            expect(privileges).toEqual(expect.arrayContaining(granted));
            for (const privilege of user['authorized-privileges'] ?? []) expect(privilege['functions-performed'].length).toBeGreaterThan(0);
        }
        const ciso = users.find(user => user['role-ids'][0] === 'ciso')!;
        expect(ciso.title).toBe('Chief Information Security Officer');
        // What each authority lets the role do: the appointments it may make, the activity it performs, with its description.
        const privileges = new Map<string, Json>(ciso['authorized-privileges'].map((privilege: Json) => [privilege.title, privilege]));
        expect(privileges.get('Appoint people to ISMS roles')?.['functions-performed']).toEqual(['Appoint people to the role ISMS Manager']);
        const access = privileges.get('Approve privileged access to production systems') ?? {};
        expect(access['functions-performed']).toEqual(['Approve access rights']);
        expect(access.description).toMatch(/^Every admin or root account on production needs a recorded approval before it is provisioned\. Granted by the job description of Chief Information Security Officer \(roles\.mandate:\d+\)\.$/);
        expect(ciso.props).toEqual([{ name: 'type', value: 'internal' }]);
        expect(ciso.description).toContain('Priya Nair');
        // An authority delegated onward, here to a person, says so where the role's privilege is stated.
        const hr = users.find(user => user['role-ids'][0] === 'hr-director')!;
        expect(hr['authorized-privileges'][0].description).toMatch(/ Delegated to Oliver Grant since 2023-09-01 \(delegations\.mandate:\d+\)\.$/);
    });

    it('gives a role the authorities delegated to it and in force as privileges, naming the delegation', async () => {
        const users: Json[] = plan(exportOscalSsp(await reportOfFolder(path.join(FINDINGS, 'delegation-cycle'), '2025-06-30')))['system-implementation'].users;
        const manager = users.find(user => user['role-ids'][0] === 'isms-manager')!;
        const delegated = manager['authorized-privileges'].find((privilege: Json) => privilege.description.startsWith('Delegated by'));
        expect(delegated).toMatchObject({ title: 'Approve privileged access to production systems', 'functions-performed': ['Approve privileged access to production systems'] });
        expect(delegated.description).toMatch(/^Delegated by Chief Information Security Officer since 2024-07-29 \(policy\.mandate:\d+\)\.$/);
    });

    it('lists only requirements of claimed frameworks, with the control owners of the register as responsible roles', async () => {
        const report = await reportOfFolder(ACME);
        const doc = plan(exportOscalSsp(report));
        const requirements: Json[] = doc['control-implementation']['implemented-requirements'];
        expect(report.summary.applicability.frameworks.map(framework => framework.prefix)).toEqual(['ISO27001']);
        expect(requirements.map(requirement => requirement['control-id'])).toEqual(report.summary.requirements.map(requirement => controlId(requirement.id)));
        expect(requirements.every(requirement => requirement['control-id'].startsWith('iso27001-'))).toBe(true);
        expect(requirements.length).toBeGreaterThan(100);
        const parties = new Map(doc.metadata.parties.map((party: Json) => [party.uuid, party.name]));
        let owned = 0;
        for (const requirement of report.summary.requirements) {
            const exported = requirements.find(candidate => candidate['control-id'] === controlId(requirement.id))!;
            expect(exported.props).toContainEqual({ name: 'requirement-id', ns: MANDATE_OSCAL_NS, value: requirement.id });
            // The register's held owners of the requirement, and their holders, are its responsible roles and parties.
            const register = report.controlOwners.filter(entry => entry.requirement === requirement.id && !entry.vacant && entry.role);
            const roles: Json[] = exported['responsible-roles'] ?? [];
            expect(roles.map(role => role['role-id']).sort()).toEqual([...new Set(register.map(entry => entry.role!.id))].sort());
            for (const role of roles) {
                const holders = register.filter(entry => entry.role!.id === role['role-id']).map(entry => entry.holder!.title);
                expect(role['party-uuids'].map((uuid: string) => parties.get(uuid)).sort()).toEqual([...new Set(holders)].sort());
            }
            owned += roles.length > 0 ? 1 : 0;
        }
        expect(owned).toBeGreaterThan(0);
        const reporting = requirements.find(requirement => requirement['control-id'] === 'iso27001-5.3')!;
        expect(reporting['by-components'][0]['implementation-status']).toEqual({ state: 'implemented' });
        expect(reporting['by-components'][0].description).toMatch(/Items:\n- ISO27001:5\.3\(a\) .*: met\n- ISO27001:5\.3\(b\) .*: met/);
        expect(doc['import-profile'].href).toBe(`#${doc['back-matter'].resources[0].uuid}`);
        expect(doc['back-matter'].resources[0].props).toEqual([{ name: 'framework', ns: MANDATE_OSCAL_NS, value: 'ISO27001' }]);
        expect(doc['back-matter'].resources[0].description).toContain('less 1 requirement the statement of applicability declares not applicable');
    });

    it('states what the policy itself shows and which rules check a requirement met by structural evidence', async () => {
        const report = await reportOfFolder(ACME);
        const segregation = report.summary.requirements.find(requirement => requirement.id === 'ISO27001:A.5.3')!;
        expect(segregation.evidence.length).toBeGreaterThan(0);
        const requirement = plan(exportOscalSsp(report))['control-implementation']['implemented-requirements']
            .find((candidate: Json) => candidate['control-id'] === 'iso27001-a.5.3');
        const statement: string = requirement['by-components'][0].description;
        for (const fact of segregation.evidence) expect(statement).toContain(fact);
        expect(statement).toContain(`Rules that check it: ${segregation.rules.map(rule => `${rule.rule} (${rule.state})`).join(', ')}.`);
        expect(statement).toContain('sod-conflict (clean)');
    });

    it('states an excluded requirement as not applicable with the justification of the statement of applicability, and no owner', async () => {
        const report = await reportOfFolder(ACME);
        const excluded = report.summary.requirements.find(requirement => requirement.id === 'ISO27001:A.8.30')!;
        expect(excluded.status).toBe('not-applicable');
        const requirement = plan(exportOscalSsp(report))['control-implementation']['implemented-requirements']
            .find((candidate: Json) => candidate['control-id'] === 'iso27001-a.8.30');
        expect(requirement['responsible-roles']).toBeUndefined();
        expect(requirement.props).toContainEqual({ name: 'status', ns: MANDATE_OSCAL_NS, value: 'not-applicable' });
        const status = requirement['by-components'][0]['implementation-status'];
        expect(status.state).toBe('not-applicable');
        expect(status.remarks).toBe(`${excluded.justification} (soa.mandate:${excluded.justificationSource!.line})`);
        expect(status.remarks).toMatch(/^Acme develops its sensor firmware/);
    });

    it('marks what the policy does not state instead of guessing it', async () => {
        const characteristics = plan(exportOscalSsp(await reportOfFolder(ACME)))['system-characteristics'];
        expect(characteristics['system-name']).toBe('Acme Ltd information security management system');
        expect(characteristics.description).toMatch(/^Manufacturer of industrial sensors and the cloud platform that monitors them; about 200 staff, head office in Leeds\.\n\nThe information-security roles/);
        expect(characteristics.status.state).toBe('other');
        expect(characteristics.status.remarks).toMatch(/^Not stated in the policy, .* On 2025-06-30, \d+ of \d+ roles are held\.$/);
        expect(characteristics['security-sensitivity-level']).toBe('not-categorized');
        expect(characteristics['security-impact-level']).toBeUndefined();
        expect(characteristics['authorization-boundary'].description).toMatch(/^Not stated in the policy/);
        expect(characteristics['system-ids'][0]['identifier-type']).toBe('https://ietf.org/rfc/rfc4122');
    });

    it('states a not-met requirement as not implemented, never as planned, and lists the findings that lower a partly-met one', async () => {
        const doc = plan(exportOscalSsp(await reportOfFolder(path.join(FINDINGS, 'assignment-not-communicated'), '2025-06-30')));
        const requirements: Json[] = doc['control-implementation']['implemented-requirements'];
        const state = (requirement: Json) => requirement['by-components'][0]['implementation-status'].state;
        expect(requirements.map(state)).not.toContain('planned');
        const partly = requirements.filter(requirement => state(requirement) === 'partial');
        expect(partly.length).toBeGreaterThan(0);
        expect(partly[0].remarks).toMatch(/assignment-not-communicated \(warning\) at policy\.mandate:\d+/);
        const notMet = requirements.filter(requirement => state(requirement) === 'not-implemented');
        expect(notMet.length).toBeGreaterThan(0);
        expect(notMet[0]['by-components'][0]['implementation-status'].remarks).toMatch(/records no plan/);
    });
});

describe('OSCAL system security plan without requirements', () => {
    it('is refused with a message that names the claim, since OSCAL needs at least one implemented requirement', async () => {
        const files: Record<string, string> = { ...CLEAN_POLICY, 'soa.mandate': 'framework ACME "Acme controls"\nclaims ACME\n' };
        const sources = Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text }));
        const checked = await checkSources(sources, { asOf: '2025-06-30' });
        const report = buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
        expect(report.summary.requirements).toEqual([]);
        expect(() => exportOscalSsp(report)).toThrow(OscalSspError);
        expect(() => exportOscalSsp(report)).toThrow(/^The policy claims ACME \(Acme controls, soa\.mandate:2\), which has no requirements, so a system security plan has nothing to state\./);
    });
});
