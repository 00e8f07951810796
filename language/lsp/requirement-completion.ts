/**
 * Completion of requirement IDs after `satisfies` (and in `not applicable` lists): filtered by
 * the framework prefix typed so far, with titles. The catalogue has some 600 entries, so the
 * filter runs on the framework and clause before any item is built, and each item is only data.
 */
import { AstUtils, GrammarAST } from 'langium';
import type { CompletionValueItem, NextFeature } from 'langium/lsp';
import { CompletionItemKind, type Range } from 'vscode-languageserver';
import type { RequirementCatalogue } from '../standards/requirement-catalogue.js';

/** Characters of a requirement ID, also half-typed ones the lexer cannot read yet (`ISO27001:`, `5.3(`). */
const ID_CHARACTER = /[A-Za-z0-9:._()-]/;

/** Where the requirement ID being typed at `offset` starts and ends. */
export function requirementWordAt(text: string, offset: number): { start: number; end: number } {
    let start = offset;
    while (start > 0 && ID_CHARACTER.test(text[start - 1])) start--;
    let end = offset;
    while (end < text.length && ID_CHARACTER.test(text[end])) end++;
    return { start, end };
}

/** Whether the text before `start` is where a requirement list goes: after `satisfies`, `applicable` or a comma. */
export function mayStartRequirement(text: string, start: number): boolean {
    return /(?:\bsatisfies|\bapplicable|,)\s*$/.test(text.slice(Math.max(0, start - 40), start));
}

// Typing the colon of a framework prefix opens the list again, now with that framework's IDs.
const SUGGEST_AGAIN = { title: 'Suggest requirements', command: 'editor.action.triggerSuggest' };

const order = (framework: number, index: number) => `${String(framework).padStart(2, '0')}${String(index).padStart(4, '0')}`;

/**
 * The completion items for `typed` (what is written of the ID so far), each replacing `range`:
 * - nothing typed: every framework prefix, then every requirement;
 * - part of a prefix (`IS`): the frameworks it starts, then their requirements;
 * - a prefix and part of a clause (`ISO27001:A.5`): that framework's IDs that start so;
 * - part of a clause alone (`A.5.2`): IDs of any framework whose clause starts so.
 * Case is ignored, as people type IDs from memory; the canonical ID is inserted. `onlyFramework`
 * (under `not applicable` of a `claims`) keeps that framework's items only.
 */
export function requirementItems(catalogue: RequirementCatalogue, typed: string, range: Range, onlyFramework?: string): CompletionValueItem[] {
    const wanted = typed.toUpperCase();
    const colon = wanted.indexOf(':');
    const items: CompletionValueItem[] = [];
    const frameworks = catalogue.frameworks.map((framework, position) => ({ framework, position }))
        .filter(({ framework }) => onlyFramework === undefined || framework.prefix === onlyFramework);
    if (colon >= 0) {
        const prefix = wanted.slice(0, colon);
        const clause = wanted.slice(colon + 1);
        for (const { framework, position } of frameworks.filter(({ framework }) => framework.prefix.toUpperCase() === prefix)) {
            catalogue.requirementsOf(framework.prefix).forEach((requirement, index) => {
                if (requirement.clause.toUpperCase().startsWith(clause)) items.push(requirementItem(requirement.id, requirement.title, framework.name, order(position, index), range));
            });
        }
        return items;
    }
    const started = frameworks.filter(({ framework }) => framework.prefix.toUpperCase().startsWith(wanted));
    for (const { framework, position } of started) {
        items.push({
            label: `${framework.prefix}:`, detail: framework.name, labelDetails: { description: framework.name },
            kind: CompletionItemKind.Module, sortText: `0${order(position, 0)}`, textEdit: { range, newText: `${framework.prefix}:` }, command: SUGGEST_AGAIN
        });
    }
    for (const { framework, position } of started) {
        catalogue.requirementsOf(framework.prefix).forEach((requirement, index) =>
            items.push(requirementItem(requirement.id, requirement.title, framework.name, order(position, index), range)));
    }
    if (started.length > 0 || wanted === '') return items;
    for (const { framework, position } of frameworks) {
        catalogue.requirementsOf(framework.prefix).forEach((requirement, index) => {
            if (requirement.clause.toUpperCase().startsWith(wanted)) {
                // The editor filters by what was typed, which is a clause here, not the full ID.
                items.push({ ...requirementItem(requirement.id, requirement.title, framework.name, order(position, index), range), filterText: requirement.clause });
            }
        });
    }
    return items;
}

function requirementItem(id: string, title: string, frameworkName: string, sortKey: string, range: Range): CompletionValueItem {
    return {
        label: id, detail: frameworkName, labelDetails: { description: title },
        kind: CompletionItemKind.Constant, sortText: `1${sortKey}`, textEdit: { range, newText: id }
    };
}

/** The requirement IDs of `satisfies` and `not applicable` (a custom framework's own `requirement` IDs are new, not completed). */
export function isRequirementFeature(next: NextFeature): boolean {
    return GrammarAST.isRuleCall(next.feature) && AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'requirements';
}
