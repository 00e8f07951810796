/**
 * What every OSCAL export shares: the OSCAL version, Mandate's prop namespace, tokens, control-ids,
 * props and the deterministic UUIDs. The component definition (export-oscal.ts) and the system
 * security plan (export-oscal-ssp.ts) both build on these, so one policy gets the same role ids,
 * party UUIDs and control-ids in both documents.
 */
import { FRAMEWORKS } from '../standards/catalogue.js';
import type { AuditReport, RepositoryState, RequirementStatus } from './report-model.js';
import { uuidv5 } from './uuid-v5.js';

/** The OSCAL version the exports conform to; NIST's schemas for it are in shared/schemas. */
export const OSCAL_VERSION = '1.0.6';
/** The namespace of Mandate's own `props` (OSCAL reserves names without a namespace for its own). */
export const MANDATE_OSCAL_NS = 'urn:mandate:oscal';

export type Json = Record<string, unknown>;

const TOKEN = /^[\p{L}_][\p{L}\p{N}._-]*$/u;

/**
 * An OSCAL token (an XML NCName: a letter or `_`, then letters, digits, `.`, `-`, `_`). Policy
 * names already are tokens, so for them this is the identity; anything else has each other
 * character replaced by `_`, and gets a leading `_` when it does not start with a letter.
 */
export function oscalToken(text: string): string {
    if (TOKEN.test(text)) return text;
    const replaced = text.replace(/[^\p{L}\p{N}._-]/gu, '_');
    return /^[\p{L}_]/u.test(replaced) ? replaced : `_${replaced}`;
}

/**
 * The OSCAL control-id of a catalogue requirement: lower case, the framework prefix, `-`, then the
 * clause with each parenthesised part as a `.`-separated part: ISO27001:5.3(b) → iso27001-5.3.b,
 * ISO27001:A.5.2 → iso27001-a.5.2, NIST-CSF:GV.RR-01 → nist-csf-gv.rr-01, HIPAA:164.308(a)(2) → hipaa-164.308.a.2.
 */
export function controlId(requirementId: string): string {
    const colon = requirementId.indexOf(':');
    const framework = requirementId.slice(0, colon);
    const clause = requirementId.slice(colon + 1).replace(/\(([^)]*)\)/g, '.$1');
    return oscalToken(`${framework}-${clause}`.toLowerCase());
}

/** OSCAL's plain strings may not be empty or start or end with whitespace, and are one line. */
export function oscalString(text: string | undefined, fallback: string): string {
    const cleaned = (text ?? '').replace(/\s+/g, ' ').trim();
    return cleaned === '' ? fallback : cleaned;
}

/** One of Mandate's own props. */
export function prop(name: string, value: string): Json {
    return { name, ns: MANDATE_OSCAL_NS, value: oscalString(value, '-') };
}

/**
 * A status with the accepted exceptions a met status rests on: `met with 1 accepted exception`.
 * Both exports write it wherever they write a status in words, so a reader of the text never sees
 * a plain "met" that the policy's own `// mandate-ignore` made.
 */
export function statusWords(status: string, acceptedExceptions: number): string {
    return status === 'met' && acceptedExceptions > 0 ? `met with ${plural(acceptedExceptions, 'accepted exception')}` : status;
}

/** The `accepted-exceptions` prop (their count) of a requirement that has any; nothing otherwise. */
export function acceptedExceptionsProps(requirement: RequirementStatus): Json[] {
    const count = requirement.acceptedExceptions?.length ?? 0;
    return count > 0 ? [prop('accepted-exceptions', String(count))] : [];
}

/** One remark line per accepted exception: its rule, where it stands, the justification the policy gives and the finding. */
export function acceptedExceptionLines(report: AuditReport, indexes: readonly number[] | undefined): string[] {
    return (indexes ?? []).map(index => report.acceptedExceptions[index]).filter(exception => exception !== undefined).map(exception =>
        `- Accepted exception of ${exception.rule} at ${exception.source.file}:${exception.source.line} (justification: ${exception.justification}): ${exception.message}`);
}

/** `12 met (1 of them with accepted exceptions), 3 partly met, …`: a framework's counts, for both exports. */
export function statusCountsText(requirements: readonly RequirementStatus[]): string {
    const count = (status: string) => requirements.filter(requirement => requirement.status === status).length;
    const excepted = requirements.filter(requirement => requirement.status === 'met' && (requirement.acceptedExceptions?.length ?? 0) > 0).length;
    return `${count('met')} met${excepted > 0 ? ` (${excepted} of them with accepted exceptions)` : ''}, ${count('partly-met')} partly met, `
        + `${count('not-met')} not met, ${count('not-applicable')} not applicable`;
}

/** OSCAL arrays must not be empty: the key is left out instead. */
export function optionalArray(key: string, items: readonly unknown[]): Json {
    return items.length > 0 ? { [key]: items } : {};
}

export function optionalValue(key: string, value: string | undefined): Json {
    return value === undefined ? {} : { [key]: value };
}

/**
 * What names one OSCAL document: the policy version, the as-of date it was assessed on and whether
 * people are pseudonymised. OSCAL asks for a new document UUID whenever the content changes; two
 * dates or a redacted copy of one policy are different documents.
 */
export function documentKey(report: AuditReport): string {
    return `${report.provenance.inputsSha256}\u0000${report.asOf}${report.provenance.redacted ? '\u0000redacted' : ''}`;
}

export function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Whether the framework is one of Mandate's built-in catalogue, not the organization's own. */
export function isBuiltInFramework(prefix: string): boolean {
    return FRAMEWORKS.some(framework => framework.prefix === prefix);
}

/** The framework's name as the statement of applicability gives it (the organization's own frameworks too), else the catalogue's, else its prefix. */
export function frameworkName(report: AuditReport, prefix: string): string {
    return report.summary.applicability.frameworks.find(framework => framework.prefix === prefix)?.name
        ?? FRAMEWORKS.find(framework => framework.prefix === prefix)?.name ?? prefix;
}

/** The git commit the report was made from, and whether the folder had uncommitted changes; `none` without git. */
export function repositoryProps(repository: RepositoryState): Json[] {
    if (!repository.git || !repository.commit) return [prop('git-commit', 'none')];
    return [prop('git-commit', repository.commit), prop('git-dirty', repository.dirty === undefined ? 'unknown' : String(repository.dirty))];
}

/** The metadata props every export carries: the generator, the as-of date and the git state. */
export function metadataProps(report: AuditReport): Json[] {
    return [
        prop('generator', `${report.provenance.tool} ${report.provenance.toolVersion}`), prop('as-of', report.asOf),
        ...repositoryProps(report.provenance.repository)
    ];
}

/**
 * The UUIDs of one report's exports. Every UUID is a v5 UUID of `<organization id>/<kind>/<key>`,
 * so exporting the same policy twice gives the same UUIDs, and a person, role document or
 * framework has the same UUID in the component definition and in the system security plan.
 */
export interface OscalIds {
    readonly uuid: (kind: string, key: string) => string;
    readonly person: (personId: string) => string;
    readonly firm: (firm: string) => string;
    readonly document: (text: string) => string;
    readonly framework: (prefix: string) => string;
    /** The organization's party; absent when the policy declares no organization. */
    readonly organization?: string;
}

export function oscalIds(report: AuditReport): OscalIds {
    const scope = report.organization?.id ?? '';
    const uuid = (kind: string, key: string) => uuidv5(`${scope}/${kind}/${key}`);
    return {
        uuid,
        person: id => uuid('party', id),
        firm: firm => uuid('firm', firm),
        document: text => uuid('resource', text),
        framework: prefix => uuid('framework', prefix),
        organization: report.organization ? uuid('organization', report.organization.id) : undefined
    };
}

/** OSCAL's markup fields: `title` is markup-line, `description` and `remarks` markup-multiline (Markdown). */
const MARKUP_SPECIAL = /[\\`*_[\]~&<>]|:(?=\/\/)/g;
const MARKUP_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * One line of text for a markup field: what could open emphasis, code, a link or an image
 * backslash-escaped, `& < >` as entities, and the colon of `scheme://` escaped so no URL becomes a
 * link by itself. Places (`people.mandate:8`) and IDs (`ISO27001:5.3`) read as they are.
 */
function markupText(line: string): string {
    return line.replace(MARKUP_SPECIAL, char => MARKUP_ENTITIES[char] ?? `\\${char}`);
}
const MARKUP_FIELDS = new Set(['title', 'description', 'remarks']);

/**
 * The document with the text of its markup fields escaped as Markdown, line by line (a `- ` list
 * item stays one): GRC tools render these fields, so a policy's `[x](http://…)` or `<a href>` would
 * otherwise become a live link, and a message's `<person>` would vanish as an unknown tag.
 */
export function escapedMarkup<T>(value: T, key?: string): T {
    if (typeof value === 'string') {
        if (key === undefined || !MARKUP_FIELDS.has(key)) return value;
        return value.split('\n').map(line => {
            const item = line.startsWith('- ') ? '- ' : '';
            return item + markupText(line.slice(item.length));
        }).join('\n') as T;
    }
    if (Array.isArray(value)) return value.map(item => escapedMarkup(item)) as T;
    if (value === null || typeof value !== 'object') return value;
    const result: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) result[name] = escapedMarkup(inner, name);
    return result as T;
}
