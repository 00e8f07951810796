/**
 * Guards the example policies shipped in examples/:
 * - examples/acme is a realistic, clean policy: no errors and no warnings;
 * - examples/findings/<rule-id> holds, for every rule in the registry, a small workspace that
 *   triggers that rule, with `// expect: <rule-id>` at the end of each line where a finding is
 *   expected. A folder may expect other rules as well, but only by marking them the same way.
 *   A line that cannot end in a marker (a `// mandate-ignore` comment without justification runs
 *   to the end of its line) is marked by a line of its own just above it: `// expect-next-line: <rule-id>`.
 * Every check runs at fixed as-of dates, never today's. Acme describes the company as of its
 * snapshot date, 2025-06-30: later, its training falls due, as in a real company. The findings
 * examples are written to hold for any as-of date from 2025-06-30 onwards.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { checkSources, type Finding, type PolicySource } from '../language/engine/check-sources.js';
import { URI } from 'langium';
import type { LoadedCatalogues } from '../language/config/catalogue-loader.js';
import { loadProject } from '../language/config/config-loader.js';
import { CONFIG_FILE_NAME, type MandateConfig } from '../language/config/mandate-config.js';
import type { LoadedDirectory } from '../language/directory/directory-loader.js';
import { RULES } from '../language/rules/index.js';
import type { RecordHistory } from '../language/provenance/record-history.js';
import { HISTORY_COMMIT_DATES, recordHistories } from './record-history-fixture.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const ACME = path.join(EXAMPLES, 'acme');
const FINDINGS = path.join(EXAMPLES, 'findings');

/** The date Acme's policy describes; it is clean on that date, not on any later one. */
const ACME_AS_OF = '2025-06-30';

/** The earliest as-of date the findings examples promise to hold for, and a later one. */
const AS_OF_DATES = ['2025-06-30', '2026-11-26'] as const;

const RULE_IDS: readonly string[] = RULES.map(rule => rule.id);

function policyFiles(folder: string): string[] {
    return readdirSync(folder, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.mandate'))
        .map(name => path.join(folder, name))
        .sort();
}

function readSources(folder: string): PolicySource[] {
    return policyFiles(folder).map(file => ({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') }));
}

/**
 * The folder's mandate.config.json and the catalogue files it names, as the editor and the CLI
 * read them: an example of an opt-in rule enables it there, and an example of the organization's
 * own frameworks names its catalogue file. A broken file fails the test rather than being ignored.
 */
async function projectOf(folder: string): Promise<{ config?: MandateConfig; catalogues?: LoadedCatalogues['frameworks']; directory?: LoadedDirectory }> {
    if (!existsSync(path.join(folder, CONFIG_FILE_NAME))) return {};
    const loaded = await loadProject(NodeFileSystem.fileSystemProvider(), [URI.file(folder)]);
    const problems = [
        ...loaded.problems, ...loaded.catalogues.configProblems, ...loaded.catalogues.files.flatMap(file => file.problems),
        ...loaded.directory.configProblems, ...loaded.directory.directory?.problems ?? []
    ];
    expect(problems.map(problem => problem.message), folder).toEqual([]);
    return { config: loaded.config, catalogues: loaded.catalogues.frameworks, directory: loaded.directory.directory };
}

const historyOf = recordHistories();

/**
 * Each example folder is its own workspace: paths in it resolve against the folder, on the real
 * disk. A rule that reads git history (record-late) gets its folder committed on a fixed date
 * (tests/record-history-fixture.ts): the examples are plain files, and this repository's own
 * history of them would say when they were written here, not what they demonstrate.
 */
async function check(folder: string, asOf: string, recordHistory?: RecordHistory): Promise<readonly Finding[]> {
    const options = {
        asOf, roots: [pathToFileURL(folder).href], fileSystem: NodeFileSystem.fileSystemProvider, ...(await projectOf(folder)), recordHistory
    };
    return (await checkSources(readSources(folder), options)).findings;
}

/** `file.mandate:12 rule-id severity`: short enough to read in a failed assertion. */
function brief(finding: Finding): string {
    return `${path.basename(fileURLToPath(finding.uri))}:${finding.line} ${finding.rule} ${finding.severity}`;
}

interface Marker {
    readonly uri: string;
    readonly line: number;
    readonly rule: string;
}

const MARKER = /\/\/\s*expect:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

const NEXT_LINE_MARKER = /^\s*\/\/\s*expect-next-line:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*$/;

/**
 * `// expect: rule-id` (or `// expect: a, b`) at the end of a line, or `// expect-next-line: rule-id`
 * alone on the line above; lines are 1-based like findings.
 */
function markersIn(sources: readonly PolicySource[]): Marker[] {
    return sources.flatMap(source => source.text.split(/\r?\n/).flatMap((text, index) => {
        const nextLine = NEXT_LINE_MARKER.exec(text);
        const match = nextLine ?? MARKER.exec(text);
        if (!match) return [];
        const line = nextLine ? index + 2 : index + 1;
        return match[1].split(',').map(rule => ({ uri: source.uri, line, rule: rule.trim() }));
    }));
}

function at(item: { uri: string; line: number }): string {
    return `${path.basename(fileURLToPath(item.uri))}:${item.line}`;
}

function findingFolders(): string[] {
    return readdirSync(FINDINGS, { withFileTypes: true })
        .filter(entry => entry.isDirectory())
        .map(entry => entry.name)
        .sort();
}

describe('examples/acme', () => {
    it('has policy files and the CISO job description it refers to', () => {
        expect(policyFiles(ACME).length).toBeGreaterThan(1);
        expect(readFileSync(path.join(ACME, 'docs/roles/ciso.md'), 'utf8')).toMatch(/Chief Information Security Officer/);
    });

    it(`has no errors and no warnings as of its snapshot date, ${ACME_AS_OF}`, async () => {
        const findings = await check(ACME, ACME_AS_OF);
        const problems = findings.filter(finding => finding.severity === 'error' || finding.severity === 'warning');
        expect(problems.map(finding => `${brief(finding)}: ${finding.message}`)).toEqual([]);
    });
});

describe('examples/findings', () => {
    it('has a folder for every rule in the registry', () => {
        const folders = new Set(findingFolders());
        const missing = RULE_IDS.filter(id => !folders.has(id));
        expect(missing, `rules without an examples/findings/<id> folder: ${missing.join(', ')}`).toEqual([]);
    });

    it('has no folder that is not named after a rule', () => {
        const unknown = findingFolders().filter(name => !RULE_IDS.includes(name));
        expect(unknown, `folders not named after a rule in RULES: ${unknown.join(', ')}`).toEqual([]);
    });
});

describe.each(findingFolders())('examples/findings/%s', rule => {
    const folder = path.join(FINDINGS, rule);
    const sources = readSources(folder);
    const markers = markersIn(sources);
    // The folder's own rule, plus any other rule it explicitly marks as expected.
    const expectedRules = new Set([rule, ...markers.map(marker => marker.rule)]);

    it('has policy files with an `// expect:` marker for its rule, naming only known rules', () => {
        expect(sources.length).toBeGreaterThan(0);
        expect(markers.filter(marker => marker.rule === rule).length).toBeGreaterThan(0);
        expect(markers.filter(marker => !RULE_IDS.includes(marker.rule)).map(marker => `${at(marker)} ${marker.rule}`)).toEqual([]);
    });

    it.each(AS_OF_DATES)('reports exactly the marked findings as of %s', async asOf => {
        const date = HISTORY_COMMIT_DATES[rule];
        const history = date ? historyOf(Object.fromEntries(sources.map(source => [path.basename(fileURLToPath(source.uri)), source.text])), date) : undefined;
        const findings = await check(folder, asOf, history);

        // The rule fires.
        expect(findings.filter(finding => finding.rule === rule).map(brief), `${rule} did not fire`).not.toEqual([]);

        // No other rule produces an error, or any other finding, unless the folder marks it.
        const unexpected = findings.filter(finding => !expectedRules.has(finding.rule));
        expect(unexpected.map(finding => `${brief(finding)}: ${finding.message}`)).toEqual([]);

        // Every marker has a finding of its rule starting on its line...
        const unmatched = markers.filter(marker =>
            !findings.some(finding => finding.rule === marker.rule && finding.uri === marker.uri && finding.line === marker.line));
        expect(unmatched.map(marker => `${at(marker)} expects ${marker.rule}`)).toEqual([]);

        // ...and every finding of a marked rule is on a marker line for that rule.
        const unmarked = findings.filter(finding => expectedRules.has(finding.rule) && !markers.some(marker =>
            marker.rule === finding.rule && marker.uri === finding.uri && marker.line === finding.line));
        expect(unmarked.map(finding => `${brief(finding)} has no \`// expect: ${finding.rule}\` marker`)).toEqual([]);
    });
});
