/**
 * Hrefs for source links in the Markdown and HTML reports. They are built only from the
 * workspace-relative file paths and line numbers of the report model, never from policy text
 * such as evidence, and every path segment is percent-encoded, so a link can only ever point
 * at a file below `linkBase`.
 */
import type { SourceRef } from './report-model.js';

/** The reports are written to `reports/`, one level below the workspace root. */
export const DEFAULT_LINK_BASE = '../';

export interface LinkOptions {
    /** Prefixed to every source link href; default `'../'`. A relative path or an http(s) URL. */
    readonly linkBase?: string;
}

/** Checks a link base given by the caller: a relative path or an http(s) URL, with nothing that needs escaping. */
export function linkBaseOf(options: LinkOptions = {}): string {
    const base = options.linkBase ?? DEFAULT_LINK_BASE;
    if (/[\s<>"'`()\\[\]{}|^]/.test(base) || /[\u0000-\u001f\u007f]/.test(base)) {
        throw new Error(`linkBase must be a plain relative path or URL prefix, not '${base}'`);
    }
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(base);
    if (scheme && !/^https?$/i.test(scheme[1])) throw new Error(`linkBase may only use http or https, not '${scheme[1]}:'`);
    return base;
}

/** encodeURIComponent, plus the characters it leaves alone that Markdown link syntax cares about. */
function encodeSegment(segment: string): string {
    return encodeURIComponent(segment).replace(/[!'()*~]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Encoded paths by file: a large report links the same few hundred files tens of thousands of times. */
const encodedPaths = new Map<string, string>();
const ENCODED_PATHS_KEPT = 10_000;

export function fileHref(file: string, linkBase: string): string {
    let encoded = encodedPaths.get(file);
    if (encoded === undefined) {
        encoded = file.split('/').map(encodeSegment).join('/');
        if (encodedPaths.size >= ENCODED_PATHS_KEPT) encodedPaths.clear(); // a long-running server renders many workspaces
        encodedPaths.set(file, encoded);
    }
    return linkBase + encoded;
}

/** `../roles.mandate#L23`: GitHub and VS Code both jump to the line. */
export function sourceHref(source: SourceRef, linkBase: string): string {
    const line = Number.isInteger(source.line) && source.line > 0 ? source.line : 1;
    return `${fileHref(source.file, linkBase)}#L${line}`;
}

/** The visible text of a source link: `roles.mandate:23`, or `roles.mandate:23:5` with a column; `L23` when short (the file is named nearby). */
export function sourceLabel(source: SourceRef, column?: number, short = false): string {
    const file = short ? 'L' : `${source.file}:`;
    return column ? `${file}${source.line}:${column}` : `${file}${source.line}`;
}
