/**
 * Guards the rule catalogue documentation in docs/rules/: one page per rule in the registry,
 * with fixed sections that agree with the rule's metadata, and Avoid/Prefer examples that are
 * real Mandate. Each example block is checked on its own as a workspace:
 * - the Avoid block must produce a finding of the rule;
 * - the Prefer block must not, and neither block may have lexing, parsing or linking errors.
 * A block can hold several files, each starting at a `// file: name.mandate` line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { URI } from 'langium';
import { VirtualFileSystemProvider } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { parseConfig, type MandateConfig } from '../language/config/mandate-config.js';
import { directoryFromText } from '../language/directory/directory-loader.js';
import { checkSources, type Finding, type PolicySource } from '../language/engine/check-sources.js';
import { REQUIREMENTS } from '../language/standards/catalogue.js';
import { RULES, RULES_BY_ID, type MandateRule } from '../language/rules/index.js';
import { defaultSeverityText, isEnabledByDefault } from '../language/rules/rule.js';
import { HISTORY_COMMIT_DATES, recordHistories } from './record-history-fixture.js';

const DOCS = new URL('../docs/rules/', import.meta.url);
const AS_OF = '2025-06-30';

const HEADINGS = [
    '## Summary', '## Category', '## Standard references', '## Severity', '## Fixable',
    '## Avoid', '## Prefer', '## Rationale', '## Configuration'
] as const;
type Heading = typeof HEADINGS[number];

/** The sentence every page's Configuration section carries, word for word, so it can be updated in one sweep. */
const CONFIGURATION_SENTENCE = 'Severity and options can be set in mandate.config.json; see the rules README.';

/** Findings that mean an example is not valid Mandate. */
const INVALID = ['lexing-error', 'parsing-error', 'linking-error'];

/**
 * The examples' workspace folder. Path rules only run inside a workspace folder, as in the editor
 * and the CLI; the folder holds one document besides the policy, which the path examples name.
 */
const ROOT = 'file:///doc';
const DOCUMENTS: Record<string, string> = { 'docs/roles/ciso.md': '# Chief Information Security Officer\n' };

interface RuleDoc {
    readonly title: string;
    /** The text between the title and the first section. */
    readonly lead: string;
    readonly headings: readonly string[];
    readonly sections: ReadonlyMap<string, string>;
}

function docPath(id: string): URL {
    return new URL(`${id}.md`, DOCS);
}

/** Splits a page into its title, lead and `## ` sections, ignoring lines inside code fences. */
function parseDoc(text: string): RuleDoc {
    const [title = '', ...lines] = text.split(/\r?\n/);
    const lead: string[] = [];
    const headings: string[] = [];
    const bodies = new Map<string, string[]>();
    let current = lead;
    let fenced = false;
    for (const line of lines) {
        if (line.startsWith('```')) fenced = !fenced;
        if (!fenced && line.startsWith('## ')) {
            current = [];
            headings.push(line.trim());
            bodies.set(line.trim(), current);
        } else {
            current.push(line);
        }
    }
    const sections = new Map([...bodies].map(([heading, body]) => [heading, body.join('\n').trim()]));
    return { title, lead: lead.join('\n').trim(), headings, sections };
}

function readDoc(id: string): RuleDoc {
    return parseDoc(readFileSync(docPath(id), 'utf8'));
}

function section(doc: RuleDoc, heading: Heading): string {
    const body = doc.sections.get(heading);
    if (body === undefined) throw new Error(`missing section ${heading}`);
    return body;
}

/** The first ```mandate block of a section. */
function mandateBlock(doc: RuleDoc, heading: Heading): string {
    const match = /```mandate\r?\n([\s\S]*?)^```/m.exec(section(doc, heading));
    if (!match) throw new Error(`no \`\`\`mandate block under ${heading}`);
    return match[1];
}

/** One source per `// file: name` marker, or the whole block as `fallback`. */
function sourcesOf(block: string, fallback: string): PolicySource[] {
    const parts = block.split(/^\/\/ file: *(\S+) *\r?$/m);
    if (parts.length === 1) return [{ uri: `${ROOT}/${fallback}`, text: block }];
    if (parts[0].trim() !== '') throw new Error('text before the first `// file:` marker');
    const sources: PolicySource[] = [];
    for (let index = 1; index < parts.length; index += 2) {
        sources.push({ uri: `${ROOT}/${parts[index]}`, text: parts[index + 1] });
    }
    return sources;
}

const historyOf = recordHistories();

/**
 * A rule that reads git history (record-late) gets the block committed on a fixed date
 * (tests/record-history-fixture.ts); every other rule is checked without git, as in the editor.
 * A directory drift rule's example comes with the export its configuration names, as a ```csv block.
 */
async function checkBlock(block: string, fallback: string, config?: MandateConfig, rule?: string, directoryText?: string): Promise<readonly Finding[]> {
    const fileSystem = new VirtualFileSystemProvider();
    for (const [path, text] of Object.entries(DOCUMENTS)) fileSystem.insert(`${ROOT}/${path}`, text);
    const sources = sourcesOf(block, fallback);
    const date = rule ? HISTORY_COMMIT_DATES[rule] : undefined;
    const recordHistory = date ? historyOf(Object.fromEntries(sources.map(source => [source.uri.slice(ROOT.length + 1), source.text])), date) : undefined;
    const source = config?.directory?.source.path;
    const directory = directoryText !== undefined && source !== undefined && config?.directory
        ? directoryFromText(directoryText, URI.parse(`${ROOT}/${source}`), source, config.directory)
        : undefined;
    if (directory) expect(directory.problems).toEqual([]);
    const options = { asOf: AS_OF, roots: [ROOT], fileSystem: () => fileSystem, config, recordHistory, directory };
    return (await checkSources(sources, options)).findings;
}

/** The first ```csv block of a section: the directory export of a drift rule's example. */
function csvBlock(doc: RuleDoc, heading: Heading): string | undefined {
    return /```csv\r?\n([\s\S]*?)^```/m.exec(section(doc, heading))?.[1];
}

/** The configuration an example runs with: an opt-in rule's, or a drift rule's (which names the directory). */
function exampleConfig(doc: RuleDoc, rule: MandateRule, heading: Heading): MandateConfig | undefined {
    return isEnabledByDefault(rule) && csvBlock(doc, heading) === undefined ? undefined : configExample(doc);
}

/** The first ```json block of the Configuration section, parsed; an opt-in rule's examples run with it. */
function configExample(doc: RuleDoc): MandateConfig | undefined {
    const example = /```json\r?\n([\s\S]*?)^```/m.exec(section(doc, '## Configuration'));
    return example ? parseConfig(example[1], RULES_BY_ID).config : undefined;
}

function ruleIds(findings: readonly Finding[]): string[] {
    return findings.map(finding => finding.rule);
}

/** `file:line rule: message` for the findings of `rules`, readable in a failed assertion. */
function brief(findings: readonly Finding[], rules: readonly string[]): string[] {
    return findings.filter(finding => rules.includes(finding.rule))
        .map(finding => `${finding.uri.replace(`${ROOT}/`, '')}:${finding.line} ${finding.rule}: ${finding.message}`);
}

/** The first word of a section, without punctuation or formatting, in lower case. */
function firstWord(text: string): string {
    return (text.split(/\s+/)[0] ?? '').replace(/[`*_.,:;]/g, '').toLowerCase();
}

describe.each(RULES.map(rule => [rule.id, rule] as [string, MandateRule]))('docs/rules/%s.md', (id, rule) => {
    it('exists', () => {
        expect(existsSync(docPath(id)), `docs/rules/${id}.md`).toBe(true);
    });

    it('has the title, a one-line summary and exactly the sections, in order', () => {
        const doc = readDoc(id);
        expect(doc.title).toBe(`# ${id}`);
        expect(doc.lead).not.toBe('');
        expect(doc.lead).not.toContain('\n');
        expect(doc.headings).toEqual(HEADINGS);
        for (const heading of HEADINGS) expect(section(doc, heading), heading).not.toBe('');
    });

    it('agrees with the registry on category, severity and fixable', () => {
        const doc = readDoc(id);
        expect(section(doc, '## Category').startsWith(`\`${rule.category}\``)).toBe(true);
        expect(firstWord(section(doc, '## Severity'))).toBe(rule.severity);
        expect(firstWord(section(doc, '## Fixable'))).toBe(rule.fixable ? 'yes' : 'no');
    });

    it('lists exactly the standards of the rule, one bullet each, or None', () => {
        const body = section(readDoc(id), '## Standard references');
        if (rule.standards.length === 0) {
            expect(body).toMatch(/^None\.?$/);
            return;
        }
        const bullets = body.split('\n').filter(line => line.startsWith('- '));
        const listed = bullets.map(line => /^- `([^`]+)`/.exec(line)?.[1]);
        expect(listed).toEqual([...rule.standards]);
        for (const requirement of rule.standards) {
            expect(REQUIREMENTS.some(entry => entry.id === requirement), requirement).toBe(true);
        }
    });

    it('documents the rule\'s options (or says it has none), in the shared configuration sentence', () => {
        const body = section(readDoc(id), '## Configuration');
        expect(body).toContain(CONFIGURATION_SENTENCE);
        const options = Object.entries(rule.options ?? {});
        if (options.length === 0) {
            expect(body).toContain('This rule has no options.');
            return;
        }
        expect(body).not.toContain('This rule has no options.');
        // Each option by name with its default, and a mandate.config.json example that sets it.
        const example = /```json\r?\n([\s\S]*?)^```/m.exec(body);
        expect(example, 'a ```json mandate.config.json example').not.toBeNull();
        const { config, problems } = parseConfig(example![1], RULES_BY_ID);
        expect(problems.map(problem => problem.message)).toEqual([]);
        for (const [name, option] of options) {
            expect(body).toContain(`\`${name}\``);
            expect(body, `${name}'s default`).toMatch(new RegExp(`default[^.]*\\b${option.default}\\b`, 'i'));
            expect(typeof config.rules.get(id)?.options[name], `the example sets ${name}`).toBe('number');
        }
    });

    it('says whether the rule is off by default, and how to enable it', () => {
        const doc = readDoc(id);
        if (isEnabledByDefault(rule)) {
            expect(section(doc, '## Severity')).not.toMatch(/off by default/i);
            return;
        }
        expect(section(doc, '## Severity')).toMatch(/off by default/i);
        expect(section(doc, '## Configuration')).toMatch(/off by default/i);
        // The page's mandate.config.json example turns it on; the Avoid and Prefer examples run with it.
        expect(configExample(doc)?.rules.get(id)?.severity, 'a ```json example that gives the rule a severity').toMatch(/^(error|warning|info)$/);
    });

    it('has an Avoid example that is valid Mandate and triggers the rule', async () => {
        const doc = readDoc(id);
        const findings = await checkBlock(mandateBlock(doc, '## Avoid'), 'avoid.mandate', exampleConfig(doc, rule, '## Avoid'), id, csvBlock(doc, '## Avoid'));
        expect(brief(findings, INVALID)).toEqual([]);
        expect(ruleIds(findings)).toContain(id);
    });

    it('has a Prefer example that is valid Mandate and does not trigger the rule', async () => {
        const doc = readDoc(id);
        const findings = await checkBlock(mandateBlock(doc, '## Prefer'), 'prefer.mandate', exampleConfig(doc, rule, '## Prefer'), id, csvBlock(doc, '## Prefer'));
        expect(brief(findings, [...INVALID, id])).toEqual([]);
    });
});

describe('docs/rules/', () => {
    it('splits an example into files at `// file:` lines', () => {
        const block = '// file: a.mandate\nrole a "A"\n\n// file: b.mandate\nrole b "B"\n';
        expect(sourcesOf(block, 'x.mandate').map(source => [source.uri, source.text.trim()])).toEqual([
            [`${ROOT}/a.mandate`, 'role a "A"'],
            [`${ROOT}/b.mandate`, 'role b "B"']
        ]);
        expect(sourcesOf('role a "A"\n', 'x.mandate').map(source => source.uri)).toEqual([`${ROOT}/x.mandate`]);
    });

    const pages = readdirSync(DOCS).filter(name => name.endsWith('.md') && name !== 'README.md');

    it('has no page for a rule that is not in the registry', () => {
        const known = new Set<string>(RULES.map(rule => rule.id));
        expect(pages.map(name => name.replace(/\.md$/, '')).filter(id => !known.has(id))).toEqual([]);
    });

    it('README.md lists every rule, linked to its page, with the registry\'s category, severity and fixable', () => {
        const readme = readFileSync(new URL('README.md', DOCS), 'utf8');
        const rows = new Map<string, string[]>();
        for (const line of readme.split(/\r?\n/)) {
            const cells = line.split('|').slice(1, -1).map(cell => cell.trim());
            const link = /^\[`([a-z0-9-]+)`\]\(([a-z0-9-]+)\.md\)$/.exec(cells[0] ?? '');
            if (!link) continue;
            expect(link[2], 'link target').toBe(link[1]);
            rows.set(link[1], cells);
        }
        for (const rule of RULES) {
            const cells = rows.get(rule.id);
            expect(cells, rule.id).toBeDefined();
            // An opt-in rule reads `off (warning when enabled)`.
            expect(cells!.slice(1, 4), rule.id).toEqual([`\`${rule.category}\``, defaultSeverityText(rule), rule.fixable ? 'Yes' : 'No']);
        }
        expect([...rows.keys()].sort()).toEqual(RULES.map(rule => rule.id).sort());
    });
});
