import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { RequirementDefinition } from '../standards/catalogue.js';
import { CLAUSE_FORM, CLAUSE_HINT, FRAMEWORK_PREFIX_FORM, FRAMEWORK_PREFIX_HINT } from '../standards/requirement-id.js';
import { invalidJsonProblems, problemAt, type ConfigProblem } from './mandate-config.js';

/**
 * A catalogue file: the organization's own frameworks as JSON, named in mandate.config.json
 * under "catalogues" (README, "Custom frameworks"; JSON Schema in catalogue-schema.ts):
 *
 *     { "frameworks": [ { "prefix": "ACME", "name": "Acme Security Controls",
 *         "requirements": [ { "id": "AC-01", "title": "…", "parent": "AC" } ] } ] }
 *
 * Parsing never throws: every problem comes back with its position, and every framework and
 * requirement that is valid still applies, so one typo does not drop a team's whole catalogue.
 */

/** One framework read from a file, with where its prefix is written (cross-file problems point there). */
export interface ParsedFramework {
    readonly prefix: string;
    readonly name: string;
    readonly requirements: readonly RequirementDefinition[];
    readonly prefixOffset: number;
    readonly prefixLength: number;
}

export interface ParsedCatalogue {
    readonly frameworks: readonly ParsedFramework[];
    readonly problems: readonly ConfigProblem[];
}

const FILE_KEYS = ['$schema', 'frameworks'];
const FRAMEWORK_KEYS = ['prefix', 'name', 'description', 'requirements'];
const REQUIREMENT_KEYS = ['id', 'title', 'parent', 'description'];

/** The members of a JSON object by key, reporting keys the format does not have. */
function members(node: Node, known: readonly string[], what: string, problems: ConfigProblem[]): Map<string, Node> {
    const found = new Map<string, Node>();
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        if (!known.includes(name)) {
            problems.push(problemAt(key, `Unknown property '${name}' in ${what}; it has ${known.filter(entry => entry !== '$schema').map(entry => `"${entry}"`).join(', ')}.`));
            continue;
        }
        if (found.has(name)) {
            problems.push(problemAt(key, `"${name}" is given twice in ${what}; keep one.`));
            continue;
        }
        found.set(name, value);
    }
    return found;
}

/** A non-empty string member, or a problem at the member (or at the object when it is missing). */
function text(object: Node, value: Node | undefined, name: string, what: string, problems: ConfigProblem[]): string | undefined {
    if (!value) {
        problems.push(problemAt(object, `${what} has no "${name}".`));
        return undefined;
    }
    if (value.type !== 'string' || String(value.value).trim() === '') {
        problems.push(problemAt(value, `"${name}" of ${what} must be a non-empty string.`));
        return undefined;
    }
    return String(value.value);
}

interface PendingRequirement {
    readonly definition: RequirementDefinition;
    readonly parentNode?: Node;
}

function readRequirement(node: Node, prefix: string, problems: ConfigProblem[]): PendingRequirement | undefined {
    const what = `a requirement of ${prefix}`;
    if (node.type !== 'object') {
        problems.push(problemAt(node, `Each requirement of ${prefix} is an object such as { "id": "AC-01", "title": "Access reviews every quarter" }.`));
        return undefined;
    }
    const fields = members(node, REQUIREMENT_KEYS, what, problems);
    const idNode = fields.get('id');
    const id = text(node, idNode, 'id', what, problems);
    const title = text(node, fields.get('title'), 'title', id ? `requirement ${prefix}:${id}` : what, problems);
    const parentNode = fields.get('parent');
    let parent: string | undefined;
    if (parentNode && (parentNode.type !== 'string' || String(parentNode.value).trim() === '')) {
        problems.push(problemAt(parentNode, '"parent" must be the clause of another requirement of the same framework, without the prefix, e.g. "AC".'));
    } else if (parentNode) {
        parent = String(parentNode.value);
    }
    if (id === undefined || title === undefined) return undefined;
    if (id.startsWith(`${prefix}:`)) {
        problems.push(problemAt(idNode, `Write the clause without the prefix: "${id.slice(prefix.length + 1)}" (policies cite it as ${id}).`));
        return undefined;
    }
    if (!CLAUSE_FORM.test(id)) {
        problems.push(problemAt(idNode, `'${id}' cannot be written after '${prefix}:' in a policy: ${CLAUSE_HINT}.`));
        return undefined;
    }
    return { definition: { clause: id, title, ...(parent !== undefined ? { parent } : {}) }, parentNode };
}

/**
 * Parents must name a clause of the same framework, and must not lead back to the requirement
 * itself: report tables roll items up into their parents, which a cycle would never finish.
 */
function checkParents(pending: readonly PendingRequirement[], prefix: string, problems: ConfigProblem[]): RequirementDefinition[] {
    const clauses = new Set(pending.map(entry => entry.definition.clause));
    const parentOf = new Map<string, string>();
    for (const entry of pending) {
        const parent = entry.definition.parent;
        if (parent === undefined) continue;
        if (clauses.has(parent)) parentOf.set(entry.definition.clause, parent);
        else problems.push(problemAt(entry.parentNode, `'${parent}' is not a requirement of ${prefix} in this file; a parent is the clause of another requirement of the same framework.`));
    }
    const inCycle = (clause: string): boolean => {
        const seen = new Set<string>();
        for (let current = parentOf.get(clause); current !== undefined && !seen.has(current); current = parentOf.get(current)) {
            if (current === clause) return true;
            seen.add(current);
        }
        return false;
    };
    const cyclic = new Set([...parentOf.keys()].filter(inCycle));
    return pending.map(entry => {
        const { clause, title } = entry.definition;
        if (cyclic.has(clause)) {
            problems.push(problemAt(entry.parentNode, `The parents of ${prefix}:${clause} lead back to it; a requirement cannot be an item of itself.`));
        }
        const parent = cyclic.has(clause) ? undefined : parentOf.get(clause);
        return parent === undefined ? { clause, title } : { clause, title, parent };
    });
}

function readFramework(node: Node, problems: ConfigProblem[]): ParsedFramework | undefined {
    if (node.type !== 'object') {
        problems.push(problemAt(node, 'Each framework is an object with "prefix", "name" and "requirements".'));
        return undefined;
    }
    const fields = members(node, FRAMEWORK_KEYS, 'a framework', problems);
    const prefixNode = fields.get('prefix');
    const prefix = text(node, prefixNode, 'prefix', 'A framework', problems);
    const name = text(node, fields.get('name'), 'name', prefix ? `framework ${prefix}` : 'a framework', problems);
    const description = fields.get('description');
    if (description && description.type !== 'string') problems.push(problemAt(description, '"description" must be a string.'));
    if (prefix === undefined || !prefixNode) return undefined;
    if (!FRAMEWORK_PREFIX_FORM.test(prefix)) {
        problems.push(problemAt(prefixNode, `'${prefix}' cannot prefix a requirement ID in a policy: ${FRAMEWORK_PREFIX_HINT}.`));
        return undefined;
    }
    const list = fields.get('requirements');
    const pending: PendingRequirement[] = [];
    if (!list) {
        problems.push(problemAt(node, `Framework ${prefix} has no "requirements" list.`));
    } else if (list.type !== 'array') {
        problems.push(problemAt(list, `"requirements" of ${prefix} must be a list of objects such as { "id": "AC-01", "title": "…" }.`));
    } else {
        const seen = new Set<string>();
        for (const entry of list.children ?? []) {
            const requirement = readRequirement(entry, prefix, problems);
            if (!requirement) continue;
            if (seen.has(requirement.definition.clause)) {
                const idNode = entry.children?.find(property => property.children?.[0]?.value === 'id')?.children?.[1];
                problems.push(problemAt(idNode, `${prefix}:${requirement.definition.clause} is declared twice in this framework; give each requirement its own ID.`));
                continue;
            }
            seen.add(requirement.definition.clause);
            pending.push(requirement);
        }
    }
    return {
        prefix, name: name ?? prefix, requirements: checkParents(pending, prefix, problems),
        prefixOffset: prefixNode.offset, prefixLength: prefixNode.length
    };
}

/** Reads one catalogue file's text. Frameworks are returned in file order; nothing here knows other files. */
export function parseCatalogueFile(text: string): ParsedCatalogue {
    const errors: ParseError[] = [];
    const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    const problems = invalidJsonProblems(errors);
    if (!root || errors.length > 0) return { frameworks: [], problems };
    if (root.type !== 'object') {
        return { frameworks: [], problems: [problemAt(root, 'A catalogue file is a JSON object with a "frameworks" list.')] };
    }
    const list = members(root, FILE_KEYS, 'a catalogue file', problems).get('frameworks');
    if (!list || list.type !== 'array') {
        problems.push(problemAt(list ?? root, 'A catalogue file needs a "frameworks" list, e.g. [ { "prefix": "ACME", "name": "…", "requirements": [ … ] } ].'));
        return { frameworks: [], problems };
    }
    const frameworks = (list.children ?? []).flatMap(node => readFramework(node, problems) ?? []);
    return { frameworks, problems: problems.sort((a, b) => a.offset - b.offset) };
}
