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

/** Where the unknown ID is written: what the author is told to do with the right one(s) differs. */
export type Citation = 'satisfies' | 'not applicable';

const CITE: Record<Citation, { some: string; csf: string }> = {
    'satisfies': { some: 'cite the one(s) this meets', csf: 'Cite the CSF 2.0 subcategory this meets' },
    'not applicable': { some: 'declare not applicable the one(s) that do not apply', csf: 'Declare not applicable the CSF 2.0 subcategory that does not apply' }
};

/**
 * The help for an unknown ID, without saying it is unknown: the 2022 control(s) of a 2013 number,
 * that a NIST CSF 1.1 number has no counterpart by number, the close spellings, or nothing.
 * Starts with a space when not empty, to append to a sentence.
 */
export function unknownRequirementHint(catalogue: RequirementCatalogue, id: string, citation: Citation = 'satisfies'): string {
    const legacy = catalogue.legacy(id);
    if (legacy) {
        const edition = `${legacy.id.slice(legacy.id.indexOf(':') + 1)} is an ISO/IEC 27001:2013 control number ("${legacy.title}")`;
        if (legacy.mapsTo.length === 0) return ` ${edition}; the catalogue follows the 2022 edition.`;
        const targets = joined(legacy.mapsTo.map(cite), 'and');
        return legacy.mapsTo.length === 1
            ? ` ${edition}; in ISO/IEC 27001:2022 it is ${targets}.`
            : ` ${edition}; in ISO/IEC 27001:2022 it became ${targets}: ${CITE[citation].some}.`;
    }
    const csf = catalogue.legacyNistCsf(id);
    if (csf) {
        // CSF 2.0 split, merged and moved the 1.1 outcomes: no 2.0 ID is named, lest it be the wrong one.
        const [what, missing] = csf.subcategory
            ? [`${csf.id} looks like NIST CSF 1.1 numbering (a subcategory of ${csf.category}, "${csf.categoryName}")`, 'no 2.0 ID has this number']
            : [`${csf.id} looks like a NIST CSF 1.1 category ("${csf.categoryName}")`, `it has no category ${csf.id}`];
        return ` ${what}: CSF 2.0, which the catalogue follows, reorganised the 1.1 categories and subcategories, and ${missing}. `
            + `${CITE[citation].csf} (\`mandate catalogue --framework NIST-CSF\` lists them).`;
    }
    const suggestions = catalogue.suggest(id);
    return suggestions.length > 0 ? ` Did you mean ${joined(suggestions.map(suggestion => cite(suggestion.requirement)), 'or')}?` : '';
}

/** Whether `id` is an earlier edition's numbering, which the hint explains in full. */
function isOldNumbering(catalogue: RequirementCatalogue, id: string): boolean {
    return catalogue.legacy(id) !== undefined || catalogue.legacyNistCsf(id) !== undefined;
}

/** The whole requirement-unknown message: what is wrong with the ID, and what was probably meant. */
export function unknownRequirementMessage(catalogue: RequirementCatalogue, id: string): string {
    const colon = id.indexOf(':');
    const prefix = colon < 0 ? id : id.slice(0, colon);
    const framework = catalogue.framework(prefix);
    const hint = unknownRequirementHint(catalogue, id);
    if (isOldNumbering(catalogue, id)) return `'${id}' is not in the standards catalogue:${hint}`;
    const problem = framework
        ? `'${id}' is not a requirement of ${framework.name} in the standards catalogue.`
        : `'${id}' is not in the standards catalogue: no framework has the prefix '${prefix}'.`;
    if (hint) return problem + hint;
    return problem + (framework
        ? ` Use completion after \`satisfies\`, or \`mandate catalogue --framework ${framework.prefix}\`, to find the ID.`
        : ` The catalogue's frameworks are ${joined(catalogue.frameworks.map(known => known.prefix), 'and')}; `
            + `an organization's own controls need a declaration such as \`framework ${prefix} "Name" { requirement ${id} "Title" }\`.`);
}
