/**
 * What to tell an author whose requirement ID is not in the catalogue, in one place so that every
 * rule that meets an unknown ID (requirement-unknown, a statement of applicability) says the same.
 */
import type { Requirement } from './catalogue.js';
import type { RequirementCatalogue } from './requirement-catalogue.js';

const cite = (requirement: Requirement) => `${requirement.id} (${requirement.title})`;

/** `a`, `a and b`, `a, b or c`. */
function joined(items: readonly string[], conjunction: 'and' | 'or'): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * The help for an unknown ID, without saying it is unknown: the 2022 control(s) of a 2013 number,
 * or the close spellings, or nothing. Starts with a space when not empty, to append to a sentence.
 */
export function unknownRequirementHint(catalogue: RequirementCatalogue, id: string): string {
    const legacy = catalogue.legacy(id);
    if (legacy) {
        const edition = `${legacy.id.slice(legacy.id.indexOf(':') + 1)} is an ISO/IEC 27001:2013 control number ("${legacy.title}")`;
        if (legacy.mapsTo.length === 0) return ` ${edition}; the catalogue follows the 2022 edition.`;
        const targets = joined(legacy.mapsTo.map(cite), 'and');
        return legacy.mapsTo.length === 1
            ? ` ${edition}; in ISO/IEC 27001:2022 it is ${targets}.`
            : ` ${edition}; in ISO/IEC 27001:2022 it became ${targets}: cite the one(s) this meets.`;
    }
    const suggestions = catalogue.suggest(id);
    return suggestions.length > 0 ? ` Did you mean ${joined(suggestions.map(suggestion => cite(suggestion.requirement)), 'or')}?` : '';
}

/** The whole requirement-unknown message: what is wrong with the ID, and what was probably meant. */
export function unknownRequirementMessage(catalogue: RequirementCatalogue, id: string): string {
    const colon = id.indexOf(':');
    const prefix = colon < 0 ? id : id.slice(0, colon);
    const framework = catalogue.framework(prefix);
    const hint = unknownRequirementHint(catalogue, id);
    if (catalogue.legacy(id)) return `'${id}' is not in the standards catalogue:${hint}`;
    const problem = framework
        ? `'${id}' is not a requirement of ${framework.name} in the standards catalogue.`
        : `'${id}' is not in the standards catalogue: no framework has the prefix '${prefix}'.`;
    if (hint) return problem + hint;
    return problem + (framework
        ? ` Use completion after \`satisfies\`, or \`mandate catalogue --framework ${framework.prefix}\`, to find the ID.`
        : ` The catalogue's frameworks are ${joined(catalogue.frameworks.map(known => known.prefix), 'and')}; `
            + `an organization's own controls need a declaration such as \`framework ${prefix} "Name" { requirement ${id} "Title" }\`.`);
}
