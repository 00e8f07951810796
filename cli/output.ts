/** Resolves once `text` has been handed to the operating system (or the stream has failed). */
export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
    return new Promise(resolve => stream.write(text, () => resolve()));
}

export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

declare const MANDATE_VERSION: string;
/** The package version, injected by the bundler. */
export const TOOL_VERSION: string = typeof MANDATE_VERSION === 'string' ? MANDATE_VERSION : 'dev';
