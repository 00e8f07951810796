// The bundled CLI (out/cli/main.cjs; `npm run bundle` before running this file alone) with catalogue
// files named in mandate.config.json: their requirements are cited like built-in ones, and a broken
// catalogue file stops the run at file:line:col. Every run passes --as-of.
import { symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mandate, ROOT, temporaryWorkspaces } from './cli-helpers.js';

const AS_OF = '2025-06-30';

const workspace = temporaryWorkspaces('mandate-cli-catalogues-');

const POLICY = `organization acme "Acme Ltd" { top management board }
role board "Board of Directors"
role ciso "Chief Information Security Officer" {
    designated CISO
    reports to board
    responsible for isms-conformance, isms-reporting, access-reviews
    accountable for isms-conformance, isms-reporting, access-reviews
}
responsibility isms-conformance "Make the ISMS conform to ISO 27001" { satisfies ISO27001:5.3(a) }
responsibility isms-reporting "Report ISMS performance to top management" { satisfies ISO27001:5.3(b) every quarter }
responsibility access-reviews "Review production access" { satisfies ACME:AC-01 every quarter }
person jane "Jane Doe"
assign jane to ciso since 2024-03-01 appointed by board { announced 2024-03-05 via intranet to all-staff }
`;

const CONFIG = JSON.stringify({ catalogues: ['controls/acme.catalogue.json'] });

const CATALOGUE = `{
  "frameworks": [
    {
      "prefix": "ACME",
      "name": "Acme Security Controls",
      "requirements": [
        { "id": "AC-01", "title": "Production access is reviewed every quarter" }
      ]
    }
  ]
}
`;

describe('mandate check with catalogue files', () => {
    it('cites a requirement of a catalogue file like a built-in one', async () => {
        const folder = await workspace({ 'policy.mandate': POLICY, 'mandate.config.json': CONFIG, 'controls/acme.catalogue.json': CATALOGUE });
        const run = mandate(folder, 'check', '--as-of', AS_OF, '--format', 'json');
        expect(run.stderr).toBe('');
        const rules = (JSON.parse(run.stdout) as Array<{ rule: string }>).map(finding => finding.rule);
        expect(rules).not.toContain('requirement-unknown');
        expect(run.code).toBe(0);
        // Without the catalogue file the ID is unknown: the check above did read it.
        const without = await workspace({ 'policy.mandate': POLICY });
        expect(JSON.parse(mandate(without, 'check', '--as-of', AS_OF, '--format', 'json').stdout).map((finding: { rule: string }) => finding.rule))
            .toContain('requirement-unknown');
    });

    it('stops at the file, line and column of the first problem in a catalogue file', async () => {
        const broken = CATALOGUE.replace('"prefix": "ACME"', '"prefix": "SOC2"').replace('"title": "Production access is reviewed every quarter"', '"titel": "x"');
        const folder = await workspace({ 'policy.mandate': POLICY, 'mandate.config.json': CONFIG, 'controls/acme.catalogue.json': broken });
        const run = mandate(folder, 'check', '--as-of', AS_OF);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`mandate: ${path.join('controls', 'acme.catalogue.json')}:4:17: 'SOC2' is the built-in framework SOC 2 Trust Services Criteria; give your own framework a prefix of its own, e.g. ACME or ACME-SEC. (and 2 more problems)\n`);
    });

    it('refuses a catalogue path outside the workspace, also through a symbolic link, without reading it', async () => {
        const folder = await workspace({ 'policy.mandate': POLICY, 'controls/.keep': '' });
        const outside = await workspace({ 'acme.catalogue.json': CATALOGUE });
        await symlink(path.join(outside, 'acme.catalogue.json'), path.join(folder, 'controls', 'acme.catalogue.json'));
        await writeFile(path.join(folder, 'mandate.config.json'), CONFIG);
        const linked = mandate(folder, 'check', '--as-of', AS_OF);
        expect(linked.code).toBe(2);
        expect(linked.stderr).toBe("mandate: mandate.config.json:1:16: 'controls/acme.catalogue.json' leads outside the workspace folder through a symbolic link; catalogue files are only read from inside it.\n");

        await writeFile(path.join(folder, 'mandate.config.json'), '{\n  "catalogues": ["../acme.catalogue.json"]\n}\n');
        const climbing = mandate(folder, 'check', '--as-of', AS_OF);
        expect(climbing.code).toBe(2);
        expect(climbing.stderr).toMatch(/^mandate: mandate\.config\.json:2:18: '\.\.\/acme\.catalogue\.json' is outside the workspace folder/);
    });
});

describe('mandate config-schema --catalogue', () => {
    it('prints the JSON Schema of a catalogue file', () => {
        const run = mandate(ROOT, 'config-schema', '--catalogue');
        expect(run.code).toBe(0);
        const schema = JSON.parse(run.stdout);
        expect(schema.title).toBe('Mandate catalogue file');
        expect(schema.required).toEqual(['frameworks']);
        expect(JSON.parse(mandate(ROOT, 'config-schema').stdout).properties.catalogues.type).toBe('array');
    });
});
