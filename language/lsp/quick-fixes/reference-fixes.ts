import { isReference, type AstNode, type LinkingErrorData, type Reference } from 'langium';
import { closestMatch } from '../../util/did-you-mean.js';
import { here, quickFix, QuickFixTitles, type QuickFix, type QuickFixContext } from './quick-fix.js';
import { appendToHome, type DeclarationKind } from './placement.js';
import { leafAt, titleFromName } from './text-edits.js';

/** What an unresolved name can be declared as, in the order the fixes are offered, with the declaring keyword. */
const DECLARABLE: ReadonlyArray<readonly [type: DeclarationKind, keyword: string]> = [
    ['Person', 'person'], ['Role', 'role'], ['Responsibility', 'responsibility'], ['Authority', 'authority'], ['Training', 'training'],
    ['AppointingBody', 'appointing body']
];

// As in the linker: past this many names in scope, a suggestion is not worth the scan.
const MAX_CANDIDATES_FOR_SUGGESTION = 5000;

interface UnresolvedReference {
    readonly container: AstNode;
    readonly property: string;
    readonly index: number | undefined;
    readonly reference: Reference;
}

/** The unresolved cross-reference a linking error is on, if the document still has it. */
function unresolvedReference(context: QuickFixContext): UnresolvedReference | undefined {
    const data = context.diagnostic.data as Partial<LinkingErrorData> | undefined;
    const leaf = leafAt(context.document, context.diagnostic.range.start);
    const container = leaf?.astNode;
    if (!leaf || !container || !data?.property || container.$type !== data.containerType) return undefined;
    const value = (container as unknown as Record<string, unknown>)[data.property];
    const references = (Array.isArray(value) ? value : [value]).filter((item): item is Reference => isReference(item));
    const reference = references.find(candidate => candidate.$refNode?.offset === leaf.offset);
    if (!reference || reference.ref) return undefined;
    const index = Array.isArray(value) ? value.indexOf(reference) : undefined;
    return { container, property: data.property, index, reference };
}

/** linking-error: declare the missing name (as each kind the reference accepts), or correct a near miss. */
export const declareMissing: QuickFix = context => {
    const unresolved = unresolvedReference(context);
    if (!unresolved) return [];
    const { reference } = unresolved;
    const name = reference.$refText;
    const reflection = context.services.shared.AstReflection;
    const type = reflection.getReferenceType(unresolved);
    const model = context.services.shared.mandate.WorkspaceModel.get();

    const candidates = context.services.references.ScopeProvider.getScope(unresolved).getAllElements()
        .map(element => element.name).limit(MAX_CANDIDATES_FOR_SUGGESTION).distinct().toArray();
    const suggestion = closestMatch(name, candidates);
    const actions = suggestion && suggestion !== name && reference.$refNode
        ? [quickFix(context, QuickFixTitles.changeReference(name, suggestion),
            here(context, { range: reference.$refNode.range, newText: suggestion }), { preferred: true })]
        : [];

    // A name declared as another kind cannot be declared again: duplicate-name would flag both.
    if (model.declarationsByName.has(name)) return actions;
    const kinds = DECLARABLE.filter(([declarable]) => reflection.isSubtype(declarable, type));
    // Each in the file where its kind lives (placement.ts), e.g. a new role in roles.mandate.
    for (const [kind, keyword] of kinds) {
        const declaration = appendToHome(context, kind, [`${keyword} ${name} "${titleFromName(name)}"`]);
        actions.push(quickFix(context, QuickFixTitles.createDeclaration(keyword, name), declaration,
            { preferred: actions.length === 0 && kinds.length === 1 }));
    }
    return actions;
};

/**
 * requirement-unknown: put the intended ID in place of the unknown one. Preferred (so "fix all" may
 * apply it) only when the replacement cannot change the meaning: the one ID the text clearly spells
 * (case, punctuation, leading zeros), or the single 2022 control of a 2013 Annex A number. Other
 * candidates in the message are offered too, never preferred: the author has to choose.
 */
export const replaceRequirement: QuickFix = context => {
    const leaf = leafAt(context.document, context.diagnostic.range.start);
    if (leaf?.tokenType.name !== 'REQUIREMENT') return [];
    const catalogue = context.services.shared.mandate.WorkspaceModel.get().catalogue;
    const written = leaf.text;
    if (catalogue.find(written)) return [];
    const legacy = catalogue.legacy(written);
    const intended = legacy ? undefined : catalogue.intendedSpelling(written);
    const candidates = legacy ? legacy.mapsTo : catalogue.suggest(written).map(suggestion => suggestion.requirement);
    const preferred = legacy ? (legacy.mapsTo.length === 1 ? legacy.mapsTo[0] : undefined) : intended;
    return candidates.map(candidate => quickFix(context, QuickFixTitles.replaceRequirement(written, candidate.id),
        here(context, { range: leaf.range, newText: candidate.id }), { preferred: candidate === preferred }));
};
