/**
 * Values completion offers that are not declarations: announcement audiences and channels (the
 * common ones and those the workspace already uses), and the as-of status shown next to a name.
 */
import type { AstNode } from 'langium';
import type { CompletionContext, CompletionValueItem, FuzzyMatcher } from 'langium/lsp';
import { CompletionItemKind, type Range } from 'vscode-languageserver';
import { isPerson, isRole, type Person, type Role } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import type { IsoDate } from '../util/dates.js';
import { departureOf, isPresentOn, joinedOn } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { REFERENCE_COMPLETION_CAP, startsWithIgnoringCase } from './reference-candidates.js';
import { KNOWN_CHANNELS } from './snippets.js';

export interface Suggestion {
    readonly label: string;
    readonly detail: string;
    /** What to write: the label, in quotes when it is not a name. */
    readonly insertText: string;
}

const NAME = /^[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*$/;

function written(value: string): string {
    return NAME.test(value) ? value : JSON.stringify(value);
}

/** Audiences announced to elsewhere in the workspace, by how often, then by name. */
function usedAudiences(model: WorkspaceModel): string[] {
    const counts = new Map<string, number>();
    for (const assignment of model.assignments) {
        for (const announcement of assignment.announcements) {
            if (announcement.audience) counts.set(announcement.audience, (counts.get(announcement.audience) ?? 0) + 1);
        }
    }
    // By code point, not localeCompare: the same on every machine, and the server never pages in ICU's data.
    return [...counts].sort(([a, x], [b, y]) => y - x || compareStrings(a, b)).map(([audience]) => audience);
}

/**
 * After `announced … to`: audiences already used, `everyone`, `all-staff`, then the roles (their
 * holders), each once. Made as they are read: completion stops once it has enough (selectSuggestions).
 */
export function* audienceSuggestions(model: WorkspaceModel): Generator<Suggestion> {
    const offered = new Set<string>();
    const fresh = (value: string) => {
        if (!value || offered.has(value)) return false;
        offered.add(value);
        return true;
    };
    const suggestion = (value: string, detail: string): Suggestion => ({ label: value, detail, insertText: written(value) });
    for (const audience of usedAudiences(model)) if (fresh(audience)) yield suggestion(audience, 'Audience used in other announcements');
    if (fresh('everyone')) yield suggestion('everyone', 'The whole organization');
    if (fresh('all-staff')) yield suggestion('all-staff', 'All staff');
    for (const role of model.roles) if (fresh(role.name)) yield suggestion(role.name, `Holders of ${role.title || role.name}`);
}

/** After `via`: channels already used in the workspace, then the common ones. */
export function channelSuggestions(model: WorkspaceModel): Suggestion[] {
    const known = new Map(KNOWN_CHANNELS);
    const suggestions = new Map<string, Suggestion>();
    for (const assignment of model.assignments) {
        for (const { channel } of assignment.announcements) {
            if (channel && !suggestions.has(channel)) {
                suggestions.set(channel, { label: channel, detail: known.get(channel) ?? 'Channel used in other announcements', insertText: channel });
            }
        }
    }
    for (const [channel, detail] of KNOWN_CHANNELS) {
        if (!suggestions.has(channel)) suggestions.set(channel, { label: channel, detail, insertText: channel });
    }
    return [...suggestions.values()];
}

/**
 * What a name's completion item says about it on the as-of date: a person who has left
 * ("left 2025-03-31") or not joined yet; a role's holders, or "vacant". Undefined for people
 * with the organization and for other declarations. Tenure comes from the WorkspaceModel.
 */
export function asOfStatus(node: AstNode | undefined, model: WorkspaceModel, asOf: IsoDate): string | undefined {
    if (isPerson(node)) return personStatus(node, asOf);
    if (isRole(node)) return roleStatus(node, model, asOf);
    return undefined;
}

function personStatus(person: Person, asOf: IsoDate): string | undefined {
    if (isPresentOn(person, asOf)) return undefined;
    const departure = departureOf(person);
    const joined = joinedOn(person);
    // Not with the organization on the as-of date: either gone, or still to come.
    if (departure && departure.date < asOf) return `left ${departure.date}`;
    if (joined && joined > asOf) return `joins ${joined}`;
    return 'not with the organization';
}

function roleStatus(role: Role, model: WorkspaceModel, asOf: IsoDate): string {
    if (!model.hasDeclaredHolderOn(role, asOf)) return 'vacant';
    const names = model.holdersWithTenureOn(role, asOf).map(({ tenure }) => tenure.person.title || tenure.person.name);
    return names.length > 0 ? [...new Set(names)].join(', ') : 'held';
}

/**
 * The suggestions that match what is typed of the value, those it starts first, each group in its
 * order, and at most `cap`, as names are (reference-candidates.ts): every role of the workspace is
 * an audience, and at 100,000 lines the 8,500 audiences took ~90 ms and 1.8 MB to send.
 * `capped` when more matched, so that the editor asks again as the user types.
 */
export function selectSuggestions(suggestions: Iterable<Suggestion>, typed: string, matcher: FuzzyMatcher, cap = REFERENCE_COMPLETION_CAP): { suggestions: Suggestion[]; capped: boolean } {
    const wanted = typed.toLowerCase();
    const starting: Suggestion[] = [];
    const loose: Suggestion[] = [];
    let matched = 0;
    for (const suggestion of suggestions) {
        const group = startsWithIgnoringCase(suggestion.label, wanted) ? starting : matcher.match(typed, suggestion.label) ? loose : undefined;
        if (!group) continue;
        matched++;
        if (group.length < cap) group.push(suggestion);
        // Whatever comes next ranks after the `cap` kept, and the list is known to be longer.
        if (starting.length === cap && matched > cap) break;
    }
    return { suggestions: [...starting, ...loose].slice(0, cap), capped: matched > cap };
}

/** What is typed of the value before the cursor: the word, or what follows its opening quote (`to "Sec|`). */
export function typedValue(context: CompletionContext): string {
    const text = context.textDocument.getText();
    const quote = openingQuoteOf(context);
    if (quote !== undefined) return text.slice(quote + 1, context.offset);
    return /[\w-]*$/.exec(text.slice(Math.max(0, context.offset - 200), context.offset))?.[0] ?? '';
}

/** The items for `suggestions`, in their order, replacing the quotes too when the value is typed in them. */
export function suggestionItems(context: CompletionContext, suggestions: readonly Suggestion[]): CompletionValueItem[] {
    const quoted = quotedWordAt(context);
    return suggestions.map((suggestion, index) => ({
        label: suggestion.label, detail: suggestion.detail, insertText: suggestion.insertText, kind: CompletionItemKind.Value,
        sortText: `0${String(index).padStart(4, '0')}`,
        // Typed in quotes (`to "Sec`): the quotes are replaced too, so the value is written once, in its own quotes if it needs them.
        ...(quoted ? { textEdit: { range: quoted, newText: suggestion.insertText }, filterText: `"${suggestion.label}"` } : {})
    }));
}

/**
 * The range of a value being typed in quotes, from its opening quote to the cursor, or past the
 * closing quote right after it: `to "Sec|` or `to "Sec|"`. Undefined when the word has no quote before it.
 */
function quotedWordAt(context: CompletionContext): Range | undefined {
    const start = openingQuoteOf(context);
    if (start === undefined) return undefined;
    const end = context.textDocument.getText()[context.offset] === '"' ? context.offset + 1 : context.offset;
    return { start: context.textDocument.positionAt(start), end: context.textDocument.positionAt(end) };
}

/** The offset of the quote the value being typed opens with, if it has one. */
function openingQuoteOf(context: CompletionContext): number | undefined {
    const text = context.textDocument.getText();
    // The word typed starts at the quote, or just after it when the quote is not part of its token.
    const start = text[context.tokenOffset] === '"' ? context.tokenOffset : context.tokenOffset - 1;
    return start < 0 || text[start] !== '"' || /["\r\n]/.test(text.slice(start + 1, context.offset)) ? undefined : start;
}
