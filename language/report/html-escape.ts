/**
 * HTML escaping for the HTML report. Every policy string goes through `htmlText` (element
 * content) or `htmlAttribute` (quoted attribute values); both escape the five characters that
 * matter in HTML, so no policy string can open a tag, close an attribute or start an entity.
 */
import { oneLine } from './plain-text.js';

const SPECIAL = /[&<>"']/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '`; safe in element content and in single- or double-quoted attribute values. */
export function escapeHtml(value: string): string {
    // Most strings have none of them: a test costs less than a replace that copies.
    return SPECIAL.test(value) ? value.replace(/[&<>"']/g, char => ENTITIES[char]) : value;
}

/** A policy string as element content: one line, escaped. */
export function htmlText(value: string): string {
    return escapeHtml(oneLine(value));
}

/** A value for a double-quoted attribute: one line, escaped. */
export function htmlAttribute(value: string): string {
    return escapeHtml(oneLine(value));
}
