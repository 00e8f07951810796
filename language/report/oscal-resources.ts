import { URI } from 'langium';
import { resolvePolicyPath } from '../util/policy-paths.js';
import { recordMark } from './announcement-text.js';
import { isMade, type AuditReport, type SourceRef } from './report-model.js';

/** One document named in the policy: a job description or a piece of evidence, with what it evidences. */
export interface PolicyDocument {
    /** The text as written in the policy. */
    readonly text: string;
    /** The workspace-relative path, for a document kept in the workspace; absent for a reference. */
    readonly path?: string;
    /** What the document is for, one line each, in first-use order. */
    readonly uses: readonly string[];
    /** A role's job description in force names this text and its file is not in the workspace (evidence-missing). */
    readonly missing?: boolean;
}

// Only the shape of the text matters here: nothing is read, and a path that escapes the folder
// (an error finding of its own) is kept as a plain reference, never as a link.
// An absolute path (or `file:` URL) is kept as a reference too: which folder it was checked against is not in the report.
const CLASSIFY_ROOT = URI.file('/workspace');

function at(source: SourceRef): string {
    return `${source.file}:${source.line}`;
}

/**
 * Every job description and evidence document the report names, each once, in the order the
 * report first names it: job descriptions and appointment, announcement and acknowledgement
 * evidence role by role, then delegation evidence.
 */
export function policyDocuments(report: AuditReport): PolicyDocument[] {
    const documents = new Map<string, { path?: string; uses: string[] }>();
    const add = (text: string, use: string) => {
        let entry = documents.get(text);
        if (!entry) {
            const resolved = resolvePolicyPath(text, CLASSIFY_ROOT);
            const inside = resolved.kind === 'inside' && !resolved.absolute;
            entry = { path: inside ? resolved.relative : undefined, uses: [] };
            documents.set(text, entry);
        }
        if (!entry.uses.includes(use)) entry.uses.push(use);
    };
    // A job description that cannot be produced is no document: its role says it is missing (oscal-metadata.ts, metadataRoles).
    const missing = new Set(report.roles.flatMap(entry => entry.jobDescriptionMissing && entry.jobDescription ? [entry.jobDescription] : []));
    for (const entry of report.roles) {
        if (entry.jobDescription && !entry.jobDescriptionMissing) add(entry.jobDescription, `Job description of ${entry.role.title} (${at(entry.role.source)}).`);
        for (const holder of entry.holders) {
            const appointment = `the appointment of ${holder.person.title} as ${holder.role.title}`;
            holder.evidence.forEach(text => add(text, `Evidence of ${appointment} (${at(holder.source)}).`));
            for (const announcement of holder.announcements) {
                announcement.evidence.forEach(text =>
                    add(text, announcement.upcoming
                        ? `Evidence of the announcement of ${appointment} planned for ${announcement.date} via ${announcement.channel}, after the as-of date (${at(announcement.source)}).`
                        : announcement.invalidDate
                            ? `Evidence of an announcement of ${appointment} via ${announcement.channel}, dated ${announcement.date}, a day the calendar does not have (${at(announcement.source)}).`
                            : `Evidence that ${appointment} was announced on ${announcement.date} via ${announcement.channel} (${at(announcement.source)}).`));
            }
            for (const acknowledgement of holder.acknowledgements) {
                acknowledgement.evidence.forEach(text =>
                    add(text, isMade(acknowledgement)
                        ? `Evidence that ${holder.person.title} acknowledged the role of ${holder.role.title} on ${acknowledgement.date} (${at(acknowledgement.source)}).`
                        : `Evidence of an acknowledgement of the role of ${holder.role.title} by ${holder.person.title} dated ${acknowledgement.date}${recordMark(acknowledgement)} (${at(acknowledgement.source)}).`));
            }
        }
    }
    for (const delegation of report.delegations) {
        delegation.evidence.forEach(text => add(text,
            `Evidence of the delegation of ${delegation.duty.title} from ${delegation.from.title} to ${delegation.to.title}, ${delegation.status} (${at(delegation.source)}).`));
    }
    // The same text cited as evidence elsewhere names the same absent file: kept, but said to be missing.
    return [...documents].map(([text, entry]) => ({ text, path: entry.path, uses: entry.uses, ...(missing.has(text) ? { missing: true } : {}) }));
}

const MEDIA_TYPES: Record<string, string> = {
    md: 'text/markdown', txt: 'text/plain', html: 'text/html', htm: 'text/html', csv: 'text/csv',
    pdf: 'application/pdf', json: 'application/json', eml: 'message/rfc822', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/** The media type for a file name's extension, when it is a common one. */
export function mediaType(path: string): string | undefined {
    const match = /\.([A-Za-z0-9]+)$/.exec(path);
    return match ? MEDIA_TYPES[match[1].toLowerCase()] : undefined;
}

/** A workspace-relative path as a relative URI reference: each segment percent-encoded, so `#`, `?` and spaces stay part of the path. */
export function relativeHref(path: string): string {
    return path.split('/').map(segment => encodeURIComponent(segment)).join('/');
}
