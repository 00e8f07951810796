import type { SourceLocation } from './directory-record.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }); // the readers skip a byte order mark themselves
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * An export's bytes as text, or where they stop being UTF-8: a Latin-1 export read leniently turns
 * `Jérôme` into `J�r�me`, a name no record then matches. The import and the drift rules both read
 * an export through here, so both refuse such a file at the same place.
 */
export function utf8Text(bytes: Uint8Array, file: string): { readonly text: string } | { readonly problem: { readonly location: SourceLocation; readonly message: string } } {
    try {
        return { text: strict.decode(bytes) };
    } catch {
        const text = lenient.decode(bytes);
        const at = Math.max(0, text.indexOf('\uFFFD'));
        const before = text.slice(0, at);
        const line = before.split(/\r\n|\r|\n/).length;
        const column = at - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
        return { problem: { location: { file, line, column }, message: 'not valid UTF-8 from here on; export the file as UTF-8 (most HR systems offer it as an option)' } };
    }
}
