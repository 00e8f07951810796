/**
 * Catalogue files: an organization's own frameworks as JSON, named in mandate.config.json under
 * "catalogues". Parsing reports every problem with its position and keeps the valid parts; paths
 * stay inside the workspace folder, also through symbolic links; the JSON Schema agrees with the
 * parser.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../language/config/catalogue-file.js';
import { catalogueSchema } from '../language/config/catalogue-schema.js';
import { loadProject } from '../language/config/config-loader.js';
import { configSchema } from '../language/config/config-schema.js';
import { lineAndColumn, parseConfig } from '../language/config/mandate-config.js';
import { checkSources } from '../language/engine/check-sources.js';
import { RULES, RULES_BY_ID } from '../language/rules/index.js';
import { AS_OF } from './helpers.js';

const ACME = {
    frameworks: [{
        prefix: 'ACME', name: 'Acme Security Controls', description: 'What our customers ask for',
        requirements: [
            { id: 'AC', title: 'Access to production is controlled' },
            { id: 'AC-01', title: 'Production access is reviewed every quarter', parent: 'AC' },
            { id: 'AC-02', title: 'Leavers lose access within one working day', parent: 'AC', description: 'HR tells IT the same day' }
        ]
    }]
};

function problems(text: string): string[] {
    return parseCatalogueFile(text).problems.map(problem => {
        const { line, column } = lineAndColumn(text, problem.offset);
        return `${line}:${column} ${problem.message}`;
    });
}

describe('parseCatalogueFile', () => {
    it('reads frameworks, requirements and parents', () => {
        const parsed = parseCatalogueFile(JSON.stringify(ACME, null, 2));
        expect(parsed.problems).toEqual([]);
        expect(parsed.frameworks.map(({ prefix, name, requirements }) => ({ prefix, name, requirements }))).toEqual([{
            prefix: 'ACME', name: 'Acme Security Controls', requirements: [
                { clause: 'AC', title: 'Access to production is controlled' },
                { clause: 'AC-01', title: 'Production access is reviewed every quarter', parent: 'AC' },
                { clause: 'AC-02', title: 'Leavers lose access within one working day', parent: 'AC' }
            ]
        }]);
    });

    it('reports broken JSON and a wrong top-level shape instead of throwing', () => {
        expect(problems('{ "frameworks": [ ')).toEqual(expect.arrayContaining([expect.stringMatching(/^1:\d+ Invalid JSON: /)]));
        expect(problems('')).toEqual(expect.arrayContaining([expect.stringMatching(/Invalid JSON/)]));
        expect(problems('[]')).toEqual(['1:1 A catalogue file is a JSON object with a "frameworks" list.']);
        expect(problems('{ "frameworks": {} }')).toEqual(['1:17 A catalogue file needs a "frameworks" list, e.g. [ { "prefix": "ACME", "name": "…", "requirements": [ … ] } ].']);
        expect(problems('{}')).toEqual([expect.stringMatching(/^1:1 A catalogue file needs a "frameworks" list/)]);
    });

    it('reports every problem with its position and keeps what is valid', () => {
        const text = `{
  "frameworks": [
    { "prefix": "ACME", "name": "Acme", "requirements": [
      { "id": "AC-01", "title": "Access reviews" },
      { "id": "AC-01", "title": "Access reviews again" },
      { "id": "ACME:AC-02", "title": "With the prefix" },
      { "id": "AC 03", "title": "A space" },
      { "id": "AC-04" },
      { "id": "AC-05", "title": "Orphan", "parent": "AC" },
      { "id": "AC-06", "title": "Fine", "owner": "ciso" },
      "AC-07"
    ] },
    { "prefix": "acme", "name": "Lower case", "requirements": [] },
    { "name": "No prefix", "requirements": [] },
    { "prefix": "OPS", "name": "Operations", "requirements": { } }
  ],
  "version": 2
}`;
        expect(problems(text)).toEqual([
            '5:15 ACME:AC-01 is declared twice in this framework; give each requirement its own ID.',
            '6:15 Write the clause without the prefix: "AC-02" (policies cite it as ACME:AC-02).',
            "7:15 'AC 03' cannot be written after 'ACME:' in a policy: a clause has letters and digits separated by dots or hyphens, optionally followed by items in parentheses, e.g. AC-01, 4.2 or 5.3(b).",
            '8:7 requirement ACME:AC-04 has no "title".',
            "9:53 'AC' is not a requirement of ACME in this file; a parent is the clause of another requirement of the same framework.",
            `10:41 Unknown property 'owner' in a requirement of ACME; it has "id", "title", "parent", "description".`,
            '11:7 Each requirement of ACME is an object such as { "id": "AC-01", "title": "Access reviews every quarter" }.',
            "13:17 'acme' cannot prefix a requirement ID in a policy: a prefix starts with a capital letter and has only letters, digits and single hyphens, e.g. ACME or ACME-SEC.",
            '14:5 A framework has no "prefix".',
            '15:62 "requirements" of OPS must be a list of objects such as { "id": "AC-01", "title": "…" }.',
            `17:3 Unknown property 'version' in a catalogue file; it has "frameworks".`
        ]);
        const [acme, ops] = parseCatalogueFile(text).frameworks;
        expect(acme.requirements).toEqual([
            { clause: 'AC-01', title: 'Access reviews' },
            { clause: 'AC-05', title: 'Orphan' },
            { clause: 'AC-06', title: 'Fine' }
        ]);
        expect(ops).toMatchObject({ prefix: 'OPS', requirements: [] });
    });

    it('breaks a cycle of parents, which a roll-up would never finish', () => {
        const text = JSON.stringify({
            frameworks: [{
                prefix: 'ACME', name: 'Acme', requirements: [
                    { id: 'A', title: 'A', parent: 'B' }, { id: 'B', title: 'B', parent: 'A' }, { id: 'C', title: 'C', parent: 'A' }, { id: 'D', title: 'D', parent: 'D' }
                ]
            }]
        });
        const parsed = parseCatalogueFile(text);
        expect(parsed.problems.map(problem => problem.message)).toEqual([
            'The parents of ACME:A lead back to it; a requirement cannot be an item of itself.',
            'The parents of ACME:B lead back to it; a requirement cannot be an item of itself.',
            'The parents of ACME:D lead back to it; a requirement cannot be an item of itself.'
        ]);
        expect(parsed.frameworks[0].requirements).toEqual([
            { clause: 'A', title: 'A' }, { clause: 'B', title: 'B' }, { clause: 'C', title: 'C', parent: 'A' }, { clause: 'D', title: 'D' }
        ]);
    });
});

function ajv(): Ajv {
    return new Ajv({ allErrors: true, strict: false });
}

describe('the JSON Schemas', () => {

    it('accept a catalogue file the parser accepts, and reject the shapes it rejects', () => {
        const validate = ajv().compile(catalogueSchema());
        expect(validate(ACME)).toBe(true);
        const broken = (change: (framework: Record<string, unknown>) => void) => {
            const copy = structuredClone(ACME) as { frameworks: Array<Record<string, unknown>> };
            change(copy.frameworks[0]);
            return copy;
        };
        expect(validate(broken(framework => { framework.prefix = 'acme'; }))).toBe(false);
        expect(validate(broken(framework => { delete framework.name; }))).toBe(false);
        expect(validate(broken(framework => { (framework.requirements as Array<Record<string, unknown>>)[0].id = 'AC 03'; }))).toBe(false);
        expect(validate(broken(framework => { (framework.requirements as Array<Record<string, unknown>>)[0].owner = 'ciso'; }))).toBe(false);
        for (const sample of [ACME, broken(framework => { framework.prefix = 'acme'; })]) {
            expect(parseCatalogueFile(JSON.stringify(sample)).problems.length === 0).toBe(validate(sample));
        }
    });

    it('let mandate.config.json name catalogue files, which the parser reads', () => {
        const validate = ajv().compile(configSchema(RULES));
        expect(validate({ catalogues: ['controls/acme.catalogue.json'] })).toBe(true);
        expect(validate({ catalogues: 'controls/acme.catalogue.json' })).toBe(false);
        const parsed = parseConfig('{ "catalogues": ["controls/acme.catalogue.json", 3, ""] }', RULES_BY_ID);
        expect(parsed.config.catalogues?.map(entry => entry.path)).toEqual(['controls/acme.catalogue.json']);
        expect(parsed.problems.map(problem => problem.offset)).toEqual([49, 52]);
        expect(parseConfig('{ "catalogues": "a.json" }', RULES_BY_ID).problems.map(problem => problem.message))
            .toEqual(['"catalogues" must be a list of file paths, e.g. ["controls/acme-controls.json"].']);
    });
});

describe('loading the catalogue files of a workspace folder', () => {
    const folders: string[] = [];
    afterAll(async () => { await Promise.all(folders.map(folder => rm(folder, { recursive: true, force: true }))); });

    async function workspace(files: Record<string, string>): Promise<string> {
        const base = await mkdtemp(path.join(tmpdir(), 'mandate-catalogues-'));
        folders.push(base);
        const root = path.join(base, 'ws');
        for (const [name, text] of Object.entries(files)) {
            await mkdir(path.dirname(path.join(root, name)), { recursive: true });
            await writeFile(path.join(root, name), text, 'utf8');
        }
        return root;
    }

    async function load(root: string) {
        return loadProject(NodeFileSystem.fileSystemProvider(), [URI.file(root)]);
    }

    function located(text: string, problems: readonly { offset: number; message: string }[]): string[] {
        return problems.map(problem => {
            const { line, column } = lineAndColumn(text, problem.offset);
            return `${line}:${column} ${problem.message}`;
        });
    }

    it('reads the frameworks the configuration names, with where they come from', async () => {
        const root = await workspace({
            'mandate.config.json': '{ "catalogues": ["controls/acme.catalogue.json"] }',
            'controls/acme.catalogue.json': JSON.stringify(ACME)
        });
        const loaded = await load(root);
        expect(loaded.catalogues.configProblems).toEqual([]);
        expect(loaded.catalogues.files.map(file => [file.path, file.problems])).toEqual([['controls/acme.catalogue.json', []]]);
        expect(loaded.catalogues.frameworks).toEqual([{
            prefix: 'ACME', name: 'Acme Security Controls', origin: 'catalogue-file', source: 'controls/acme.catalogue.json',
            requirements: parseCatalogueFile(JSON.stringify(ACME)).frameworks[0].requirements
        }]);
    });

    it('never reads a path outside the folder, a link that leads outside, or a missing file, and says so on the configuration', async () => {
        const root = await workspace({ 'controls/acme.catalogue.json': JSON.stringify(ACME) });
        const outside = path.join(path.dirname(root), 'secret.json');
        await writeFile(outside, JSON.stringify(ACME), 'utf8');
        await symlink(outside, path.join(root, 'controls/linked.json'));
        const config = `{
  "catalogues": [
    "../secret.json",
    "${outside}",
    "controls/linked.json",
    "controls/missing.json",
    "controls/acme.catalogue.json",
    "./controls/acme.catalogue.json"
  ]
}`;
        await writeFile(path.join(root, 'mandate.config.json'), config, 'utf8');
        const loaded = await load(root);
        expect(located(config, loaded.catalogues.configProblems)).toEqual([
            "3:5 '../secret.json' is outside the workspace folder (its `..` segments climb above the workspace folder); catalogue files are only read from inside it.",
            `4:5 '${outside}' is outside the workspace folder (it is an absolute path outside the workspace folder); catalogue files are only read from inside it.`,
            "5:5 'controls/linked.json' leads outside the workspace folder through a symbolic link; catalogue files are only read from inside it.",
            "6:5 'controls/missing.json' does not exist in the workspace folder; check the path, which is relative to the folder of mandate.config.json.",
            "8:5 './controls/acme.catalogue.json' is already listed; name each catalogue file once."
        ]);
        // The valid entry still applies, once.
        expect(loaded.catalogues.frameworks.map(framework => framework.prefix)).toEqual(['ACME']);
        expect(loaded.catalogues.files.map(file => file.path)).toEqual(['controls/acme.catalogue.json']);
        // A missing file is followed, so creating it reloads; the outside ones are not.
        expect(loaded.catalogues.watched.map(uri => path.relative(root, uri.fsPath))).toEqual(
            ['controls/linked.json', 'controls/missing.json', 'controls/acme.catalogue.json', 'controls/acme.catalogue.json']);
    });

    it('keeps the first definition of a prefix, refuses built-in prefixes, and still applies the rest of a broken file', async () => {
        const second = `{
  "frameworks": [
    { "prefix": "ACME", "name": "Acme again", "requirements": [ { "id": "X-1", "title": "Other" } ] },
    { "prefix": "SOC2", "name": "Our SOC 2", "requirements": [] },
    { "prefix": "OPS", "name": "Operations", "requirements": [ { "id": "OP-01", "title": "Backups are restored every quarter" }, { "id": "OP-01", "title": "Twice" } ] }
  ]
}`;
        const root = await workspace({
            'mandate.config.json': '{ "catalogues": ["a.catalogue.json", "b.catalogue.json", "c.catalogue.json"] }',
            'a.catalogue.json': JSON.stringify(ACME),
            'b.catalogue.json': second,
            'c.catalogue.json': '{ "frameworks": [ { "prefix": "NOPE", '
        });
        const loaded = await load(root);
        const [a, b, c] = loaded.catalogues.files;
        expect(a.problems).toEqual([]);
        expect(located(second, b.problems)).toEqual([
            "3:17 Framework 'ACME' is already defined in a.catalogue.json; a framework is defined once, so merge the two or give this one another prefix.",
            "4:17 'SOC2' is the built-in framework SOC 2 Trust Services Criteria; give your own framework a prefix of its own, e.g. ACME or ACME-SEC.",
            '5:138 OPS:OP-01 is declared twice in this framework; give each requirement its own ID.'
        ]);
        expect(c.problems.map(problem => problem.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Invalid JSON/)]));
        expect(loaded.catalogues.frameworks.map(framework => `${framework.prefix} ${framework.source} ${framework.requirements.length}`))
            .toEqual(['ACME a.catalogue.json 3', 'OPS b.catalogue.json 1']);
    });

    it('feeds the workspace: IDs of a catalogue file are cited, hovered and completed like built-in ones', async () => {
        const root = await workspace({
            'mandate.config.json': '{ "catalogues": ["controls/acme.catalogue.json"] }',
            'controls/acme.catalogue.json': JSON.stringify(ACME)
        });
        const loaded = await load(root);
        const text = 'responsibility access "Review production access" {\n    satisfies ACME:AC-01, ACME:AC-03\n}\n';
        const { findings, services } = await checkSources([{ uri: URI.file(path.join(root, 'access.mandate')).toString(), text }],
            { asOf: AS_OF, config: loaded.config, catalogues: loaded.catalogues.frameworks });
        expect(findings.filter(finding => finding.rule === 'requirement-unknown').map(finding => finding.message))
            .toEqual([expect.stringMatching(/^'ACME:AC-03' is not a requirement/)]);
        const catalogue = services.shared.mandate.WorkspaceModel.get().catalogue;
        expect(catalogue.find('ACME:AC-01')).toMatchObject({ title: 'Production access is reviewed every quarter', parent: 'ACME:AC' });
        expect(catalogue.children('ACME:AC').map(requirement => requirement.id)).toEqual(['ACME:AC-01', 'ACME:AC-02']);
        expect(catalogue.framework('ACME')).toEqual({ prefix: 'ACME', name: 'Acme Security Controls', origin: 'catalogue-file' });
    });
});

describe('README, Custom frameworks', () => {
    const section = readFileSync(new URL('../README.md', import.meta.url), 'utf8').split('## Custom frameworks')[1]?.split('\n## ')[0] ?? '';
    const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(match => ({ language: match[1], text: match[2] }));

    it('has a policy example that declares and cites a framework cleanly', async () => {
        const [policy] = blocks.filter(block => block.language === 'mandate');
        expect(policy).toBeDefined();
        const { findings } = await checkSources([{ uri: 'file:///ws/controls.mandate', text: policy.text }], { asOf: AS_OF });
        expect(findings.filter(finding => ['framework-invalid', 'requirement-unknown', 'parsing-error', 'lexing-error'].includes(finding.rule))).toEqual([]);
    });

    it('has a configuration and a catalogue file that read without problems', () => {
        const [config, file] = blocks.filter(block => block.language === 'json');
        const parsed = parseConfig(config.text, RULES_BY_ID);
        expect(parsed.problems).toEqual([]);
        expect(parsed.config.catalogues?.map(entry => entry.path)).toEqual(['controls/acme.catalogue.json']);
        expect(parseCatalogueFile(file.text).problems).toEqual([]);
        expect(ajv().compile(catalogueSchema())(JSON.parse(file.text))).toBe(true);
    });
});
