import { closestMatch } from '../util/did-you-mean.js';
import type { NamedKind } from './index.js';
import { isQueryDeclaration, kindOf, type QueryContext, type QueryDeclaration } from './query-context.js';

const KIND_WORDS: Record<NamedKind, string> = {
    role: 'role', person: 'person', responsibility: 'responsibility', authority: 'authority',
    'appointing-body': 'appointing body', training: 'training'
};

/** `role`, `role or person`, `responsibility, authority or role`. */
function kindsText(kinds: readonly NamedKind[]): string {
    const words = kinds.map(kind => KIND_WORDS[kind]);
    return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** A name a query was given that the workspace does not declare (as one of the kinds asked for). */
export class QueryNameError extends Error {
    /** `declaredAs`: the kind the name is declared as instead (a role given where a duty was asked), said so the user need not guess. */
    constructor(readonly unknownName: string, readonly kinds: readonly NamedKind[], readonly suggestion?: string, readonly declaredAs?: NamedKind) {
        super(`no ${kindsText(kinds)} named '${unknownName}' is declared in the workspace`
            + (declaredAs ? `: '${unknownName}' is ${article(KIND_WORDS[declaredAs])}` : '')
            + (suggestion ? `; did you mean '${suggestion}'?` : ''));
        this.name = 'QueryNameError';
    }
}

function article(word: string): string {
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/**
 * The declaration called `name` of one of `kinds`, the first declared when there are several
 * (duplicate-name reports the others). Throws QueryNameError, suggesting the closest name of
 * those kinds, when there is none.
 */
export function resolveName(context: QueryContext, name: string, kinds: readonly NamedKind[]): QueryDeclaration {
    const ofKind = (node: Parameters<typeof isQueryDeclaration>[0]): node is QueryDeclaration => isQueryDeclaration(node) && kinds.includes(kindOf(node));
    const declared = context.model.declarationsByName.get(name) ?? [];
    const found = declared.find(ofKind);
    if (found) return found;
    const candidates = [...context.model.declarationsByName.entries()]
        .filter(([, nodes]) => nodes.some(ofKind))
        .map(([candidate]) => candidate);
    const other = declared.find(isQueryDeclaration);
    throw new QueryNameError(name, kinds, closestMatch(name, candidates), other && kindOf(other));
}
