// `mandate catalogue`, run as the bundled CLI (out/cli/main.cjs, built by `npm run bundle`) in
// throwaway folders, as tests/cli.test.ts runs `check`.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mandate, temporaryWorkspaces, type Run } from './cli-helpers.js';
import { FRAMEWORKS, REQUIREMENTS } from '../language/standards/catalogue.js';

const workspace = temporaryWorkspaces('mandate-catalogue-');

interface Listing {
    frameworks: Array<{ prefix: string; name: string; origin: string; requirements: Array<{ id: string; clause: string; title: string; parent?: string }> }>;
}

function json(run: Run): Listing {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as Listing;
}

const POLICY = `framework ACME "Acme internal controls" {
    requirement ACME:AC-01 "Access rights are reviewed every quarter"
}
responsibility access-review "Review access rights" {
    satisfies ACME:AC-01
}
`;

const CATALOGUE_FILE = JSON.stringify({
    frameworks: [{ prefix: 'OPS', name: 'Operations controls', requirements: [{ id: 'BK-01', title: 'Backups are restored in a test every quarter' }] }]
});

describe('mandate catalogue', () => {
    it('lists every built-in framework and requirement as JSON, in catalogue order, in a folder without policy', async () => {
        const listing = json(mandate(await workspace(), 'catalogue', '--format', 'json'));
        expect(listing.frameworks.map(framework => [framework.prefix, framework.name, framework.origin]))
            .toEqual(FRAMEWORKS.map(framework => [framework.prefix, framework.name, 'built-in']));
        expect(listing.frameworks.flatMap(framework => framework.requirements.map(requirement => requirement.id))).toEqual(REQUIREMENTS.map(requirement => requirement.id));
        const iso = listing.frameworks[0].requirements;
        expect(iso.find(requirement => requirement.id === 'ISO27001:5.3(b)')).toEqual({
            id: 'ISO27001:5.3(b)', clause: '5.3(b)', title: expect.stringMatching(/report ISMS performance/i), parent: 'ISO27001:5.3'
        });
        expect(iso.find(requirement => requirement.id === 'ISO27001:5.3')).not.toHaveProperty('parent');
    });

    it('lists one framework as text, items indented under their clause, with a summary', async () => {
        const run = mandate(await workspace(), 'catalogue', '--framework', 'ISO27001');
        expect(run.code, run.stderr).toBe(0);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toBe('ISO27001  ISO/IEC 27001:2022 (built-in, 247 requirements)');
        expect(lines).toContainEqual(expect.stringMatching(/^ {2}ISO27001:5\.3 +Top management assigns/));
        expect(lines).toContainEqual(expect.stringMatching(/^ {4}ISO27001:5\.3\(b\) +A role is assigned to report/));
        expect(lines).toContainEqual(expect.stringMatching(/^ {2}ISO27001:A\.5\.24 +Incident management/));
        expect(lines[lines.length - 1]).toBe('1 framework, 247 requirements; cite one with `satisfies PREFIX:CLAUSE`.');
        // Other frameworks are left out.
        expect(run.stdout).not.toContain('NIST-CSF:');
    });

    it('accepts a prefix in another case', async () => {
        const listing = json(mandate(await workspace(), 'catalogue', '--framework', 'soc2', '--format', 'json'));
        expect(listing.frameworks.map(framework => framework.prefix)).toEqual(['SOC2']);
        expect(listing.frameworks[0].requirements.filter(requirement => requirement.clause.startsWith('CC'))).toHaveLength(33);
    });

    it('rejects an unknown framework with exit 2, naming the known prefixes', async () => {
        const run = mandate(await workspace({ 'policy.mandate': POLICY }), 'catalogue', '--framework', 'ISO27002');
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe(`mandate: unknown framework 'ISO27002' for --framework; the catalogue has ${FRAMEWORKS.map(framework => framework.prefix).join(', ')}, ACME\n`);
    });

    it("includes the workspace's own frameworks, from the policy and from catalogue files", async () => {
        const cwd = await workspace({
            'policy/controls.mandate': POLICY,
            'controls/ops.catalogue.json': CATALOGUE_FILE,
            'mandate.config.json': JSON.stringify({ catalogues: ['controls/ops.catalogue.json'] })
        });
        const own = (listing: Listing) => listing.frameworks.filter(framework => framework.origin !== 'built-in')
            .map(framework => ({ prefix: framework.prefix, origin: framework.origin, ids: framework.requirements.map(requirement => requirement.id) }));
        const expected = [
            { prefix: 'OPS', origin: 'catalogue-file', ids: ['OPS:BK-01'] },
            { prefix: 'ACME', origin: 'policy', ids: ['ACME:AC-01'] }
        ];
        // The default folder is the current one; a folder named like `check`'s paths reads the same.
        expect(own(json(mandate(cwd, 'catalogue', '--format', 'json')))).toEqual(expected);
        expect(own(json(mandate(path.dirname(cwd), 'catalogue', path.basename(cwd), '--format', 'json')))).toEqual(expected);
        const text = mandate(cwd, 'catalogue', '--framework', 'ACME');
        expect(text.stdout).toBe('ACME  Acme internal controls (declared in the policy, 1 requirement)\n'
            + '  ACME:AC-01  Access rights are reviewed every quarter\n\n1 framework, 1 requirement; cite one with `satisfies PREFIX:CLAUSE`.\n');
    });

    it('reads catalogue files through --config, and stops at a broken one', async () => {
        const cwd = await workspace({
            'policy.mandate': POLICY,
            'settings/team.json': JSON.stringify({ catalogues: ['ops.catalogue.json'] }),
            'settings/ops.catalogue.json': CATALOGUE_FILE,
            'broken.json': '{ "catalogues": [ }'
        });
        const listing = json(mandate(cwd, 'catalogue', '--config', 'settings/team.json', '--framework', 'OPS', '--format', 'json'));
        expect(listing.frameworks.map(framework => [framework.prefix, framework.origin])).toEqual([['OPS', 'catalogue-file']]);
        const broken = mandate(cwd, 'catalogue', '--config', 'broken.json');
        expect(broken.code).toBe(2);
        expect(broken.stdout).toBe('');
        expect(broken.stderr).toMatch(/^mandate: broken\.json:1:\d+: /);
    });

    it('names a path that does not exist, as check does', async () => {
        const run = mandate(await workspace(), 'catalogue', 'no-such-folder');
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('mandate: no-such-folder: no such file or directory\n');
    });
});
