import type { Node } from 'jsonc-parser';
import { problemAt, type ConfigProblem } from '../config/mandate-config.js';
import { MAPPED_FIELDS, type ColumnMapping, type DateOrder, type MappedField } from './column-mapping.js';

const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];
const MAPPING_KEYS = ['columns', 'activeValues', 'dateOrder'];

/** One header name, or a list of names the first present of which is used. */
function headerNames(node: Node, problems: ConfigProblem[]): string[] | undefined {
    const names = node.type === 'array' ? node.children ?? [] : [node];
    if (names.length > 0 && names.every(name => name.type === 'string' && String(name.value).trim() !== '')) {
        return names.map(name => String(name.value));
    }
    problems.push(problemAt(node, 'A column is named by its header, as a non-empty string or a list of them, e.g. "Work Email" or ["Work Email", "Email"].'));
    return undefined;
}

/**
 * The `mapping` of a directory source in mandate.config.json: which CSV column holds each field.
 * Never throws; every problem comes back with its position and whatever is valid is kept.
 */
export function parseColumnMapping(node: Node, problems: ConfigProblem[]): ColumnMapping | undefined {
    if (node.type !== 'object') {
        problems.push(problemAt(node, '"mapping" must be an object such as { "columns": { "name": "Full name", "email": "Work Email" } }.'));
        return undefined;
    }
    const columns: Partial<Record<MappedField, string[]>> = {};
    let activeValues: string[] | undefined;
    let dateOrder: DateOrder | undefined;
    for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        const name = String(key?.value);
        if (!value) continue;
        if (name === 'columns') {
            if (value.type !== 'object') {
                problems.push(problemAt(value, '"columns" must map fields to header names, e.g. { "employeeNumber": "Personnel no.", "name": "Full name" }.'));
                continue;
            }
            for (const column of value.children ?? []) {
                const [fieldKey, header] = column.children ?? [];
                const field = String(fieldKey?.value) as MappedField;
                if (!MAPPED_FIELDS.includes(field)) {
                    problems.push(problemAt(fieldKey, `Unknown field '${field}'; the fields are ${MAPPED_FIELDS.join(', ')}.`));
                    continue;
                }
                const names = header && headerNames(header, problems);
                if (names) columns[field] = names;
            }
        } else if (name === 'activeValues') {
            if (value.type === 'array' && (value.children ?? []).every(entry => entry.type === 'string')) activeValues = (value.children ?? []).map(entry => String(entry.value));
            else problems.push(problemAt(value, '"activeValues" must be a list of the status values that mean employed, e.g. ["Active", "On leave"].'));
        } else if (name === 'dateOrder') {
            if (DATE_ORDERS.includes(value.value)) dateOrder = value.value;
            else problems.push(problemAt(value, `"dateOrder" must be ${DATE_ORDERS.map(order => `"${order}"`).join(' or ')} (day/month/year or month/day/year).`));
        } else {
            problems.push(problemAt(key, `Unknown mapping setting '${name}'; a mapping has ${MAPPING_KEYS.map(known => `"${known}"`).join(', ')}.`));
        }
    }
    return { columns, ...(activeValues ? { activeValues } : {}), ...(dateOrder ? { dateOrder } : {}) };
}

/** The JSON Schema of the `mapping` value, for the configuration's schema. */
export function columnMappingSchema(): object {
    const header = { anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] };
    const columns = Object.fromEntries(MAPPED_FIELDS.map(field => [field, { ...header, description: FIELD_DESCRIPTIONS[field] }]));
    return {
        type: 'object',
        description: 'Which CSV column holds each field, by header name (compared without case); overrides the preset field by field.',
        properties: {
            columns: { type: 'object', properties: columns, additionalProperties: false },
            activeValues: { type: 'array', items: { type: 'string' }, description: 'Values of the status column that mean employed (compared without case).' },
            dateOrder: { enum: DATE_ORDERS, description: 'Order of day and month in dates such as 03/04/2025: "dmy" or "mdy". ISO dates are always read.' }
        },
        additionalProperties: false
    };
}

const FIELD_DESCRIPTIONS: Record<MappedField, string> = {
    employeeNumber: 'The employee number: the stable key of a person across imports.',
    name: 'The full display name.',
    givenName: 'The first name, when there is no full-name column.',
    familyName: 'The last name, when there is no full-name column.',
    email: 'The work e-mail address; the key when there is no employee number.',
    title: 'The job title.',
    department: 'The department.',
    manager: 'The manager: their employee number, e-mail address or name.',
    start: 'The employment start date.',
    end: 'The employment end (termination) date.',
    status: 'The employment or account status; see activeValues.'
};
