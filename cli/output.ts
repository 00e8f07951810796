/**
 * Characters a terminal would act on instead of showing: C0 controls but line feed and tab, DEL, C1
 * controls (ANSI escape sequences, OSC 8 hyperlinks, cursor moves), bidirectional controls, line and
 * paragraph separators, and invisible format characters. A policy, a file name or a configuration
 * value could otherwise recolour, hide, reorder or link the CLI's output.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/**
 * Shows each unsafe character as a visible `\uXXXX` escape. JSON output goes through here too,
 * losslessly: outside its strings JSON has only spaces and line feeds, and inside a string the
 * escape reads back as the same character.
 */
export function terminalText(text: string): string {
    return text.replace(UNSAFE, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Resolves once `text` has been handed to the operating system (or the stream has failed). Every
 * text the CLI prints is escaped here, once; only a report (`raw`), whose renderers already make
 * policy strings plain and whose bytes must equal the `-o` file's, is written as it is.
 */
export function write(stream: NodeJS.WriteStream, text: string, raw = false): Promise<void> {
    return new Promise(resolve => stream.write(raw ? text : terminalText(text), () => resolve()));
}

export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

export { TOOL_VERSION } from '../language/version.js';
