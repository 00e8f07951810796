import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineAndColumn } from '../config/mandate-config.js';
import type { DirectoryProblem, DirectoryReadResult, DirectoryRecord, SourceLocation } from './directory-record.js';
import { finishRecords, makeRecord } from './record-fields.js';

export const SCIM_USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const SCIM_ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/**
 * Reads a SCIM 2.0 `ListResponse` of `User` resources (RFC 7643, 7644), as Okta, Entra ID and other
 * identity providers export it, into directory records: `displayName` (or `name`), the primary
 * e-mail, `title`, `active`, and the enterprise extension's `employeeNumber`, `department` and
 * `manager` (whose `value` is the manager's resource `id`). Broken JSON is reported at its line and
 * column; the reader never throws.
 */
export function readScimDirectory(text: string, file: string): DirectoryReadResult {
    const description = 'SCIM 2.0 ListResponse';
    const at = (offset: number): SourceLocation => ({ file, ...lineAndColumn(text, offset) });
    const errors: ParseError[] = [];
    const root = parseTree(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, errors, { allowTrailingComma: false, disallowComments: true });
    const problems: DirectoryProblem[] = errors.map(error => ({
        location: at(error.offset),
        message: `invalid JSON: ${printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`
    }));
    if (!root || problems.length > 0) return { records: [], problems, description };
    const resources = root.type === 'array' ? root : findNodeAtLocation(root, ['Resources']);
    const schemas = root.type === 'object' ? getNodeValue(findNodeAtLocation(root, ['schemas']) ?? root) : undefined;
    if (!resources || resources.type !== 'array' || (root.type === 'object' && !(Array.isArray(schemas) && schemas.includes(LIST_RESPONSE)))) {
        problems.push({ location: at(root.offset), message: `not a SCIM ListResponse: expected an object with "schemas": ["${LIST_RESPONSE}"] and a "Resources" list of users` });
        return { records: [], problems, description };
    }
    // One page of a paged response is not the directory: everyone on the other pages would be missing, or leave.
    const total = root.type === 'object' ? findNodeAtLocation(root, ['totalResults']) : undefined;
    const listed = resources.children?.length ?? 0;
    if (total && typeof total.value === 'number' && total.value > listed) {
        problems.push({ location: at(total.offset), message: `this is one page of the directory: "totalResults" is ${total.value}, but "Resources" lists ${listed}; export every user in one response (a count large enough for all, e.g. ?count=${total.value})` });
        return { records: [], problems, description };
    }
    const records: DirectoryRecord[] = [];
    const idToIndex = new Map<string, number>();
    const managerIds: (string | undefined)[] = [];
    for (const resource of resources.children ?? []) {
        if (resource.type !== 'object') {
            problems.push({ location: at(resource.offset), message: 'each entry of "Resources" must be a User object' });
            continue;
        }
        const read = userFields(resource, at, problems);
        if (!read) continue;
        const record = makeRecord(read.raw, at(resource.offset), undefined, problems);
        if (!record) continue;
        if (read.raw.sourceId) idToIndex.set(read.raw.sourceId, records.length);
        managerIds.push(read.managerId);
        records.push(record);
    }
    const withManagers = records.map((record, index) => {
        const managerIndex = managerIds[index] === undefined ? undefined : idToIndex.get(managerIds[index]!);
        return managerIndex === undefined ? record : { ...record, managerKey: records[managerIndex].key };
    });
    return { records: finishRecords(withManagers, problems), problems, description };
}

function userFields(user: Node, at: (offset: number) => SourceLocation, problems: DirectoryProblem[]) {
    const text = (path: (string | number)[], what: string): string | undefined => {
        const node = findNodeAtLocation(user, path);
        if (!node || node.type === 'null') return undefined;
        if (node.type === 'string' || (node.type === 'number' && what === 'employeeNumber')) return String(node.value);
        problems.push({ location: at(node.offset), message: `"${what}" must be a string` });
        return undefined;
    };
    const activeNode = findNodeAtLocation(user, ['active']);
    if (activeNode && activeNode.type !== 'boolean') {
        problems.push({ location: at(activeNode.offset), message: '"active" must be true or false' });
        return undefined;
    }
    const given = text(['name', 'givenName'], 'name.givenName');
    const family = text(['name', 'familyName'], 'name.familyName');
    // The first that holds a name: an empty `displayName` (Entra ID writes one for some accounts) is none.
    const named = (value: string | undefined) => value !== undefined && value.trim() !== '' ? value : undefined;
    const name = named(text(['displayName'], 'displayName')) ?? named(text(['name', 'formatted'], 'name.formatted'))
        ?? named([given, family].filter(Boolean).join(' ')) ?? text(['userName'], 'userName');
    const enterprise = (field: string) => [SCIM_ENTERPRISE_SCHEMA, field];
    const manager = findNodeAtLocation(user, enterprise('manager'));
    return {
        raw: {
            employeeNumber: text(enterprise('employeeNumber'), 'employeeNumber'), name, email: primaryEmail(user, at, problems),
            title: text(['title'], 'title'), department: text(enterprise('department'), 'department'),
            manager: manager ? text([...enterprise('manager'), 'displayName'], 'manager.displayName') ?? text([...enterprise('manager'), 'value'], 'manager.value') : undefined,
            active: activeNode ? activeNode.value === true : true,
            sourceId: text(['id'], 'id')
        },
        managerId: manager ? text([...enterprise('manager'), 'value'], 'manager.value') : undefined
    };
}

/** The `primary` address, else the `work` one, else the first. */
function primaryEmail(user: Node, at: (offset: number) => SourceLocation, problems: DirectoryProblem[]): string | undefined {
    const emails = findNodeAtLocation(user, ['emails']);
    if (!emails) return undefined;
    if (emails.type !== 'array') {
        problems.push({ location: at(emails.offset), message: '"emails" must be a list of { "value": …, "primary": true } entries' });
        return undefined;
    }
    const entries = (emails.children ?? []).map(entry => getNodeValue(entry) as { value?: unknown; primary?: unknown; type?: unknown } | null)
        .filter((entry): entry is { value: string; primary?: unknown; type?: unknown } => typeof entry?.value === 'string');
    return (entries.find(entry => entry.primary === true) ?? entries.find(entry => entry.type === 'work') ?? entries[0])?.value;
}
