import type { QueryAnswer } from './index.js';

export interface RenderOptions {
    /** Print each answer's explanation chain with its source locations. */
    readonly explain?: boolean;
}

/** An answer as plain text for people: the CLI's text format and the editor's output. */
export function renderQueryText(answer: QueryAnswer, options: RenderOptions = {}): string {
    void options;
    return `${answer.query}\n`;
}
