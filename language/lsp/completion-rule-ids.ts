/**
 * Values a policy test and a suppression name from a known list: a rule ID after `expect finding`
 * or `// mandate-ignore`, a requirement status after `expect status of … is`.
 */
import { CompletionItemKind, CompletionList, type CompletionItem, type TextDocument } from 'vscode-languageserver';
import { FINDING_ENGINE_CODES, REQUIREMENT_STATUSES } from '../policy-tests/test-validation.js';
import { RULES } from '../rules/index.js';
import type { Suggestion } from './completion-values.js';

const STATUS_DETAILS: Record<typeof REQUIREMENT_STATUSES[number], string> = {
    'met': 'Met in full', 'partly-met': 'Partly met', 'not-met': 'Not met', 'not-applicable': 'Excluded by the statement of applicability'
};

/** The rule IDs, in catalogue order, with each rule's summary; after `expect finding`, the engine's own codes too. */
export function ruleSuggestions(withEngineCodes: boolean): Suggestion[] {
    const rules = RULES.map(rule => ({ label: rule.id, detail: rule.summary, insertText: rule.id }));
    return withEngineCodes ? [...rules, ...[...FINDING_ENGINE_CODES].map(code => ({ label: code, detail: 'Reported by the parser or the linker', insertText: code }))] : rules;
}

/** The requirement statuses an expectation may state. */
export function statusSuggestions(): Suggestion[] {
    return REQUIREMENT_STATUSES.map(status => ({ label: status, detail: STATUS_DETAILS[status], insertText: status }));
}

/**
 * Inside a `// mandate-ignore` comment, before its colon: the rule IDs, replacing the word typed.
 * Undefined anywhere else in a comment, which has nothing to complete.
 */
export function suppressionCompletion(document: TextDocument, lineText: string, offset: number): CompletionList | undefined {
    const match = /\/\/\s*mandate-ignore\s+(?:[\w-]+\s*,\s*)*([\w-]*)$/.exec(lineText);
    if (!match) return undefined;
    const typed = match[1];
    const range = { start: document.positionAt(offset - typed.length), end: document.positionAt(offset) };
    const items: CompletionItem[] = ruleSuggestions(false).map((suggestion, index) => ({
        label: suggestion.label, detail: suggestion.detail, kind: CompletionItemKind.EnumMember,
        sortText: String(index).padStart(3, '0'), textEdit: { range, newText: suggestion.insertText }
    }));
    return CompletionList.create(items, false);
}
