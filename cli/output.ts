/** Resolves once `text` has been handed to the operating system (or the stream has failed). */
export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
    return new Promise(resolve => stream.write(text, () => resolve()));
}

export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

export { TOOL_VERSION } from '../language/version.js';
