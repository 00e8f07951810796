import { closestMatch } from '../util/did-you-mean.js';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { MandateRule, RuleSeverity } from '../rules/rule.js';
import { parseDirectoryConfig, type DirectoryConfig } from './directory-config.js';

/** The project file a team keeps at the workspace root. */
export const CONFIG_FILE_NAME = 'mandate.config.json';

export type ConfiguredSeverity = RuleSeverity | 'off';
const SEVERITIES: readonly ConfiguredSeverity[] = ['error', 'warning', 'info', 'off'];

export interface RuleSettings {
    readonly severity?: ConfiguredSeverity;
    readonly options: Readonly<Record<string, number>>;
}

/** A catalogue file named in the configuration, with the position of its path for problems. */
export interface CataloguePath {
    readonly path: string;
    readonly offset: number;
    readonly length: number;
}

export interface MandateConfig {
    readonly rules: ReadonlyMap<string, RuleSettings>;
    /** Files of the organization's own frameworks, relative to the folder of the configuration. */
    readonly catalogues?: readonly CataloguePath[];
    /** The HR or identity-provider export the directory drift rules compare with the policy. */
    readonly directory?: DirectoryConfig;
}

export const EMPTY_CONFIG: MandateConfig = { rules: new Map(), catalogues: [] };

/** The settings the configuration knows, for the message about an unknown one. */
const SETTINGS = ['rules', 'catalogues', 'directory', '$schema'];

/** A problem in the config file, with its 0-based position and length for a precise diagnostic. */
export interface ConfigProblem {
    readonly offset: number;
    readonly length: number;
    readonly message: string;
}

export interface ParsedConfig {
    readonly config: MandateConfig;
    readonly problems: readonly ConfigProblem[];
}

export function problemAt(node: Node | undefined, message: string): ConfigProblem {
    return { offset: node?.offset ?? 0, length: node?.length ?? 1, message };
}

/** JSON syntax errors in words, with their positions. */
export function invalidJsonProblems(errors: readonly ParseError[]): ConfigProblem[] {
    return errors.map(error => ({
        offset: error.offset, length: Math.max(error.length, 1),
        message: `Invalid JSON: ${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}.`
    }));
}

/** The `catalogues` list: workspace-relative paths of JSON files, each named once. */
function cataloguePaths(node: Node | undefined, problems: ConfigProblem[]): CataloguePath[] {
    if (!node) return [];
    if (node.type !== 'array') {
        problems.push(problemAt(node, '"catalogues" must be a list of file paths, e.g. ["controls/acme-controls.json"].'));
        return [];
    }
    const paths: CataloguePath[] = [];
    for (const entry of node.children ?? []) {
        if (entry.type !== 'string' || String(entry.value).trim() === '') {
            problems.push(problemAt(entry, 'A catalogue is named by its path relative to the workspace folder, as a non-empty string such as "controls/acme-controls.json".'));
            continue;
        }
        paths.push({ path: String(entry.value), offset: entry.offset, length: entry.length });
    }
    return paths;
}

function ruleSettings(rule: MandateRule, value: Node, problems: ConfigProblem[]): RuleSettings | undefined {
    if (value.type === 'string') {
        const severity = value.value as ConfiguredSeverity;
        if (SEVERITIES.includes(severity)) return { severity, options: {} };
        problems.push(problemAt(value, `'${String(value.value)}' is not a severity; use ${SEVERITIES.join(', ')}.`));
        return undefined;
    }
    if (value.type !== 'object') {
        problems.push(problemAt(value, `Configure '${rule.id}' with a severity string or an object such as { "severity": "warning" }.`));
        return undefined;
    }
    let severity: ConfiguredSeverity | undefined;
    const options: Record<string, number> = {};
    for (const property of value.children ?? []) {
        const [key, setting] = property.children ?? [];
        const name = String(key?.value);
        if (name === 'severity') {
            if (SEVERITIES.includes(setting?.value)) severity = setting.value;
            else problems.push(problemAt(setting, `'${String(setting?.value)}' is not a severity; use ${SEVERITIES.join(', ')}.`));
            continue;
        }
        const option = rule.options?.[name];
        if (!option) {
            const known = Object.keys(rule.options ?? {});
            problems.push(problemAt(key, `Rule '${rule.id}' has no option '${name}'${known.length > 0 ? `; its options are ${known.join(', ')}` : ''}.`));
            continue;
        }
        if (setting?.type !== 'number' || !Number.isInteger(setting.value) || setting.value < option.minimum) {
            problems.push(problemAt(setting, `'${name}' must be a whole number of at least ${option.minimum}.`));
            continue;
        }
        options[name] = setting.value;
    }
    return { severity, options };
}

/**
 * Reads mandate.config.json. It never throws: every problem comes back with its position, and
 * whatever is valid still applies, so one typo does not switch off the team's whole configuration.
 */
export function parseConfig(text: string, rules: ReadonlyMap<string, MandateRule>): ParsedConfig {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    const problems = invalidJsonProblems(errors);
    if (!root || errors.length > 0) return { config: EMPTY_CONFIG, problems };
    if (root.type !== 'object') {
        return { config: EMPTY_CONFIG, problems: [problemAt(root, 'The configuration must be a JSON object with a "rules" member.')] };
    }
    for (const property of root.children ?? []) {
        const key = property.children?.[0];
        if (key && !SETTINGS.includes(String(key.value))) {
            problems.push(problemAt(key, `Unknown setting '${String(key.value)}'; the configuration has "rules", "catalogues", "directory" and "$schema".`));
        }
    }
    const rulesNode = findNodeAtLocation(root, ['rules']);
    const configured = new Map<string, RuleSettings>();
    if (rulesNode && rulesNode.type !== 'object') {
        problems.push(problemAt(rulesNode, '"rules" must be an object whose keys are rule IDs.'));
    }
    for (const property of rulesNode?.type === 'object' ? rulesNode.children ?? [] : []) {
        const [key, value] = property.children ?? [];
        const id = String(getNodeValue(key));
        const rule = rules.get(id);
        if (!rule) {
            const closest = closestMatch(id, [...rules.keys()]);
            problems.push(problemAt(key, `Unknown rule '${id}'.${closest ? ` Did you mean '${closest}'?` : ''} Run \`mandate rules\` to list the rule IDs.`));
            continue;
        }
        const settings = value && ruleSettings(rule, value, problems);
        if (settings) configured.set(id, settings);
    }
    const catalogues = cataloguePaths(findNodeAtLocation(root, ['catalogues']), problems);
    const directory = parseDirectoryConfig(findNodeAtLocation(root, ['directory']), problems);
    return { config: { rules: configured, catalogues, ...(directory ? { directory } : {}) }, problems };
}

/** 1-based line and column of an offset, for messages outside an editor. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}
