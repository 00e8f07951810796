/**
 * Completion pops up on its own after a space where a name follows (`assign `, `reports to `,
 * `satisfies `, `via `) and after the colon of a requirement ID. Typing a space anywhere else
 * (between words of a title, for indentation) must cost nothing and show nothing, so the
 * words that lead to a name are listed here and checked before any parsing.
 */
import { CompletionTriggerKind, type CompletionContext as LspCompletionContext } from 'vscode-languageserver';
import { lineStart } from '../util/line-breaks.js';
import { mayStartRequirement, requirementWordAt } from './requirement-completion.js';

export const TRIGGER_CHARACTERS = [' ', ':'];

/**
 * The last words of the keywords a name, a requirement ID, an activity, a channel or an audience
 * follows: `assign`, `to` (assignments, delegations, `reports to`, `authorized to`, announcements),
 * `satisfies`, `delegate`, `from`, `by` (`appointed by`, `completed … by`), `completed`, `for`
 * (`responsible for`, `accountable for`), `on` (`consulted on`), `of` (`informed of`), `training`
 * (`requires training`), `deputy`, `appoint` (`may appoint`), `management` (`top management`),
 * `between`, `and`, `audience`, `activity`, `via`, `claims`, `applicable`, a policy test's `finding`
 * and `is` (`expect status of … is`), and a comma in a list; in a comment, `mandate-ignore` alone.
 */
const LEADS_TO_A_NAME = new Set([
    'assign', 'to', 'satisfies', 'delegate', 'from', 'by', 'completed', 'for', 'on', 'of', 'training', 'deputy', 'appoint',
    'management', 'between', 'and', 'audience', 'activity', 'via', 'claims', 'applicable', 'finding', 'is'
]);

/** How far back the word before a typed space is looked for: keywords are short. */
const LOOK_BACK = 40;

/**
 * Whether a request the editor sent because a trigger character was typed can have anything to
 * offer. Requests the user asked for (Ctrl+Space) or typed letters always go on.
 */
export function triggerMayComplete(text: string, offset: number, context: LspCompletionContext | undefined): boolean {
    if (context?.triggerKind !== CompletionTriggerKind.TriggerCharacter) return true;
    const before = text.slice(Math.max(0, offset - LOOK_BACK), offset);
    if (context.triggerCharacter === ':') {
        const { start } = requirementWordAt(text, offset);
        return start < offset && mayStartRequirement(text, start);
    }
    if (context.triggerCharacter !== ' ') return true;
    // A suppression names the rule it accepts (completion-rule-ids.ts).
    if (/\/\/\s*mandate-ignore $/.test(before)) return placeOnLine(text, offset) === 'comment';
    // Only the space just typed: a second space, or one at the start of a line, leads nowhere new.
    const match = /(?:(,)|(?:^|[^\w-])([\w-]+)) $/.exec(before);
    if (match === null || (match[1] === undefined && !LEADS_TO_A_NAME.has(match[2]))) return false;
    // `requires deputy` is a flag; `deputy` alone names the deputy role.
    return !/\brequires\s+deputy $/.test(before) && placeOnLine(text, offset) === 'code';
}

/** Whether `offset` is in a `//` comment: nothing is completed there, asked for or not. */
export function insideLineComment(text: string, offset: number): boolean {
    return placeOnLine(text, offset) === 'comment';
}

/** Where `offset` is on its line: in a `//` comment, in a string (a space typed in a title or a justification), or in code. */
function placeOnLine(text: string, offset: number): 'comment' | 'string' | 'code' {
    const line = text.slice(lineStart(text, offset), offset);
    let quoted = false;
    for (let index = 0; index < line.length; index++) {
        const char = line[index];
        if (quoted) {
            if (char === '\\') index++;
            else if (char === '"') quoted = false;
        } else if (char === '"') quoted = true;
        else if (char === '/' && line[index + 1] === '/') return 'comment';
    }
    return quoted ? 'string' : 'code';
}
