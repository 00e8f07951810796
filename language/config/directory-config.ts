import type { Node } from 'jsonc-parser';
import type { DirectoryFormat, DirectorySettings } from '../import/column-mapping.js';
import { columnMappingSchema, parseColumnMapping } from '../import/mapping-config.js';
import { PRESETS, presetNames } from '../import/presets.js';
import { problemAt, type CataloguePath, type ConfigProblem } from './mandate-config.js';

/**
 * The `directory` member of mandate.config.json: the HR or identity-provider export the drift
 * rules compare with the policy, how to read it (shared with `mandate import`), and the mapping of
 * job titles to roles for `directory-title-mismatch`.
 */
export interface DirectoryConfig {
    /** The export, relative to the folder of the configuration (the workspace folder). */
    readonly source: CataloguePath;
    readonly settings: DirectorySettings;
    /** Job title (folded: see `foldTitle`) → the title as configured and the IDs of the roles it goes with; absent: titles are not compared. */
    readonly titles?: ReadonlyMap<string, TitleRoles>;
}

export interface TitleRoles {
    readonly title: string;
    readonly roles: readonly string[];
}

const KEYS = ['source', 'format', 'preset', 'delimiter', 'mapping', 'titles'];
const FORMATS: readonly DirectoryFormat[] = ['csv', 'scim'];
const DELIMITERS = [',', ';', '\t'] as const;

/** Titles compare without case, accents kept, white space collapsed: "Chief  information security officer" is the same title. */
export function foldTitle(title: string): string {
    return title.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

function titleMapping(node: Node, problems: ConfigProblem[]): Map<string, TitleRoles> | undefined {
    if (node.type !== 'object') {
        problems.push(problemAt(node, '"titles" maps job titles to role IDs, e.g. { "Chief Information Security Officer": "ciso", "Security Analyst": ["soc-analyst"] }.'));
        return undefined;
    }
    const titles = new Map<string, TitleRoles>();
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const title = String(key?.value ?? '');
        const roles = value?.type === 'array' ? value.children ?? [] : value ? [value] : [];
        if (title.trim() === '' || roles.length === 0 || !roles.every(role => role.type === 'string' && /^\S+$/u.test(String(role.value)))) {
            problems.push(problemAt(value ?? key, `Map the job title '${title}' to a role ID or a list of them, e.g. "ciso" or ["ciso", "isms-manager"].`));
            continue;
        }
        const earlier = titles.get(foldTitle(title));
        titles.set(foldTitle(title), { title: earlier?.title ?? title, roles: [...earlier?.roles ?? [], ...roles.map(role => String(role.value))] });
    }
    return titles;
}

/** Reads `directory`; never throws, every problem with its position, valid settings kept. */
export function parseDirectoryConfig(node: Node | undefined, problems: ConfigProblem[]): DirectoryConfig | undefined {
    if (!node) return undefined;
    if (node.type !== 'object') {
        problems.push(problemAt(node, '"directory" must be an object such as { "source": "hr/people.csv", "preset": "bamboohr" }.'));
        return undefined;
    }
    let source: CataloguePath | undefined;
    const settings: { format?: DirectoryFormat; preset?: string; delimiter?: DirectorySettings['delimiter']; mapping?: DirectorySettings['mapping'] } = {};
    let titles: Map<string, TitleRoles> | undefined;
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = String(key?.value);
        if (!value) continue;
        switch (name) {
            case 'source':
                if (value.type === 'string' && String(value.value).trim() !== '') source = { path: String(value.value), offset: value.offset, length: value.length };
                else problems.push(problemAt(value, '"source" is the export\'s path relative to the workspace folder, as a non-empty string such as "hr/people.csv".'));
                break;
            case 'format':
                if (FORMATS.includes(value.value)) settings.format = value.value;
                else problems.push(problemAt(value, `"format" must be ${FORMATS.map(format => `"${format}"`).join(' or ')}; without it a .json file is read as SCIM and anything else as CSV.`));
                break;
            case 'preset':
                if (value.type === 'string' && Object.hasOwn(PRESETS, String(value.value))) settings.preset = String(value.value);
                else problems.push(problemAt(value, `Unknown preset '${String(value.value)}'; the presets are ${presetNames().join(', ')}.`));
                break;
            case 'delimiter':
                if ((DELIMITERS as readonly unknown[]).includes(value.value)) settings.delimiter = value.value;
                else problems.push(problemAt(value, '"delimiter" must be ",", ";" or "\\t"; without it the header line decides.'));
                break;
            case 'mapping':
                settings.mapping = parseColumnMapping(value, problems);
                break;
            case 'titles':
                titles = titleMapping(value, problems);
                break;
            default:
                problems.push(problemAt(key, `Unknown directory setting '${name}'; a directory has ${KEYS.map(known => `"${known}"`).join(', ')}.`));
        }
    }
    if (!source) {
        if (!problems.some(problem => problem.offset >= node.offset && problem.offset < node.offset + node.length)) {
            problems.push(problemAt(node, '"directory" needs a "source": the export\'s path relative to the workspace folder, e.g. "hr/people.csv".'));
        }
        return undefined;
    }
    return { source, settings, ...(titles ? { titles } : {}) };
}

/** The JSON Schema of `directory`. */
export function directoryConfigSchema(): object {
    return {
        type: 'object',
        description: 'The HR or identity-provider export the directory drift rules compare with the policy on the as-of date.',
        properties: {
            source: { type: 'string', minLength: 1, description: 'The export (CSV, or SCIM 2.0 ListResponse JSON), relative to this file\'s folder (the workspace folder), e.g. "hr/people.csv".' },
            format: { enum: [...FORMATS], description: 'How to read the source; default: "scim" for a .json file, "csv" otherwise.' },
            preset: { enum: presetNames(), description: 'The column names of a known export; detected from the header line when not given.' },
            delimiter: { enum: [...DELIMITERS], description: 'CSV only; detected from the header line when not given.' },
            mapping: columnMappingSchema(),
            titles: {
                type: 'object',
                description: 'Job titles (compared without case) and the role IDs they go with, for directory-title-mismatch; without it titles are not compared.',
                additionalProperties: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] }
            }
        },
        required: ['source'],
        additionalProperties: false
    };
}
