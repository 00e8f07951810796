/**
 * "Did you mean" for requirement IDs, which must never change what a duty claims to meet: only a
 * close spelling of an ID of the same framework is offered (case, punctuation, leading zeros, a
 * misspelt framework name or word), never another number (A.5.24 is not A.5.2, 9.2 is not 7.2)
 * and never another code (PR.AC is not PR.AA). ISO/IEC 27001:2013 Annex A numbers are recognised
 * and pointed at their 2022 controls, NIST CSF 1.1 numbers recognised as such.
 */
import type { Framework, Requirement } from './catalogue.js';
import { legacyIso27001, LEGACY_ISO27001 } from './frameworks/iso27001-2013.js';
import { nistCsf11, type NistCsf11Reference } from './frameworks/nist-csf-1-1.js';
import {
    clauseTokens, codeTypoBudget, codeTypoCost, fitsForm, leadOf, prefixKey, runTogetherKey, spellingKey, typoDistance, widenForm,
    type ClauseToken, type NumberingForm
} from './requirement-spelling.js';
import { pushTo } from '../util/multi-map.js';

export interface RequirementSuggestion {
    readonly requirement: Requirement;
    /**
     * The same requirement written differently (case, punctuation, leading zeros, `Art. 21` for
     * `21`, HIPAA's `(i)` of a standard): replacing the ID changes only its spelling.
     */
    readonly sameRequirement: boolean;
}

/** An ISO/IEC 27001:2013 Annex A control and the 2022 control(s) it became. */
export interface LegacyRequirement {
    readonly id: string;
    readonly title: string;
    readonly mapsTo: readonly Requirement[];
}

/** What the suggestions read of a catalogue. */
export interface SuggestionSource {
    readonly frameworks: readonly Framework[];
    requirementsOf(prefix: string): readonly Requirement[];
    children(id: string): readonly Requirement[];
    find(id: string): Requirement | undefined;
}

/** At most this many candidates are offered, best first. */
export const MAX_SUGGESTIONS = 3;

const ISO27001 = 'ISO27001';
const NIST_CSF = 'NIST-CSF';
/** ISO/IEC 27002 numbers the controls that ISO/IEC 27001 lists as Annex A: 27002 5.24 is A.5.24. */
const ISO27002_KEY = 'ISO27002';
/** `Art. 21(2)(d)`: how EU law is cited; the catalogue writes the article number alone. */
const ARTICLE_WORDS = new Set(['ART', 'ARTICLE']);

interface Entry {
    readonly requirement: Requirement;
    readonly tokens: readonly ClauseToken[];
}

interface FrameworkIndex {
    readonly entries: readonly Entry[];
    readonly bySpelling: ReadonlyMap<string, readonly Requirement[]>;
    readonly byRunTogether: ReadonlyMap<string, readonly Requirement[]>;
    /** The numbering of the IDs with each lead code: a dot is missing only where the numbers could not be an ID as written. */
    readonly forms: ReadonlyMap<string, NumberingForm>;
    /** Every code (A, GV, RR, CC …) the framework's IDs use: a code the author wrote that is one of them is meant. */
    readonly codes: ReadonlySet<string>;
    /** Whether some ID starts with a code; if none does, a leading `Art.` is noise. */
    readonly startsWithCode: boolean;
}

/** The framework a written prefix names, and whether only its spelling differs. */
interface PrefixMatch {
    readonly framework: Framework;
    readonly sameFramework: boolean;
    /** Put before the clause: ISO/IEC 27002's `5.24` is ISO 27001's `A.5.24`. */
    readonly clausePrefix?: string;
}

const LEGACY_BY_SPELLING: ReadonlyMap<string, (typeof LEGACY_ISO27001)[number]> = new Map(
    LEGACY_ISO27001.map(control => [spellingKey(clauseTokens(control.id.slice(ISO27001.length + 1))), control])
);

export class RequirementSuggestions {
    private readonly indexes = new Map<string, FrameworkIndex>();

    constructor(private readonly source: SuggestionSource) {}

    /** Up to three catalogue IDs that `id` is plausibly a spelling of, best first; none when nothing is close. */
    suggest(id: string): RequirementSuggestion[] {
        const { prefix, clause } = splitId(id);
        if (clause === undefined || this.source.find(id)) return [];
        const match = this.matchPrefix(prefix);
        if (!match) return [];
        // A 2013 Annex A number is explained as such (legacy), never respelt as a 2022 one (A.5.1.1 is not A.5.11).
        if (match.framework.prefix === ISO27001 && this.legacy(`${ISO27001}:${clause}`)) return [];
        // So is a CSF 1.1 number: PR.AC-4 is not PR.AA-04, PR.PT-1 not PR.AT-01.
        if (match.framework.prefix === NIST_CSF && this.legacyNistCsf(id)) return [];
        const written = (match.clausePrefix ?? '') + clause;
        const index = this.index(match.framework.prefix);
        const tokens = withoutArticleWord(clauseTokens(written), index);
        const spelt = this.spellings(tokens, index, match);
        if (spelt.length > 0) return spelt.slice(0, MAX_SUGGESTIONS);
        const annex = this.annexWithoutA(tokens, index, match);
        if (annex.length > 0) return annex.slice(0, MAX_SUGGESTIONS);
        return this.typos(tokens, index).slice(0, MAX_SUGGESTIONS);
    }

    /** The framework a prefix that is none of the catalogue's plausibly names (`NIST` for NIST-CSF), as requirement IDs read it. */
    framework(prefix: string): Framework | undefined {
        return this.matchPrefix(prefix)?.framework;
    }

    /** The one ID `id` is clearly a spelling of, for a quick fix to put in its place; undefined unless exactly one. */
    intendedSpelling(id: string): Requirement | undefined {
        const suggestions = this.suggest(id);
        return suggestions.length === 1 && suggestions[0].sameRequirement ? suggestions[0].requirement : undefined;
    }

    /** The ISO/IEC 27001:2013 Annex A control `id` names (`ISO27001:A.16.1.1`), with its 2022 control(s). */
    legacy(id: string): LegacyRequirement | undefined {
        const { prefix, clause } = splitId(id);
        // ISO/IEC 27002:2013 numbered the same controls without the `A.`.
        if (clause === undefined || (prefixKey(prefix) !== ISO27001 && prefixKey(prefix) !== ISO27002_KEY)) return undefined;
        const tokens = clauseTokens(clause);
        // `ISO27001:16.1.1`: without the `A.` it can still only be the 2013 control, as 2022 has no clause 16.
        const control = legacyIso27001(id)
            ?? LEGACY_BY_SPELLING.get(spellingKey(tokens))
            ?? (tokens[0]?.fixed ? LEGACY_BY_SPELLING.get(`A.${spellingKey(tokens)}`) : undefined);
        if (!control) return undefined;
        const mapsTo = control.mapsTo.map(target => this.source.find(target)).filter((requirement): requirement is Requirement => requirement !== undefined);
        return { id: control.id, title: control.title, mapsTo };
    }

    /**
     * The NIST CSF 1.1 category or subcategory `id` names (`NIST-CSF:PR.AC-4`, `NIST:PR.PT-1`) when
     * CSF 2.0 has no ID of that number; one it kept (PR.DS-1, now PR.DS-01) is only a spelling.
     */
    legacyNistCsf(id: string): NistCsf11Reference | undefined {
        const { prefix, clause } = splitId(id);
        if (clause === undefined || this.matchPrefix(prefix)?.framework.prefix !== NIST_CSF) return undefined;
        const tokens = clauseTokens(clause);
        const [functionCode, categoryCode, number] = tokens;
        if (tokens.length < 2 || tokens.length > 3 || functionCode.fixed || categoryCode.fixed || (number && !number.fixed)) return undefined;
        const reference = nistCsf11(functionCode.text, categoryCode.text, number?.text);
        return reference && !this.index(NIST_CSF).bySpelling.has(spellingKey(tokens)) ? reference : undefined;
    }

    private matchPrefix(prefix: string): PrefixMatch | undefined {
        const exact = this.source.frameworks.find(framework => framework.prefix === prefix);
        if (exact) return { framework: exact, sameFramework: true };
        const key = prefixKey(prefix);
        const spelt = this.source.frameworks.filter(framework => prefixKey(framework.prefix) === key);
        if (spelt.length === 1) return { framework: spelt[0], sameFramework: true };
        if (spelt.length > 1) return undefined;
        const iso = this.source.frameworks.find(framework => framework.prefix === ISO27001);
        if (key === ISO27002_KEY && iso) return { framework: iso, sameFramework: false, clausePrefix: 'A.' };
        // `PCI` for PCI-DSS, `NIST` for NIST-CSF: the prefix's first part(s), whole. Never `NIS` for NIS2 or
        // `SOC` for SOC2 (a version is not a spelling), nor `NIS` for NIST-CSF (the EU's NIS Directive).
        const shortened = this.source.frameworks.filter(framework => {
            const parts = framework.prefix.split('-');
            return key.length >= 3 && parts.slice(1).some((_, cut) => prefixKey(parts.slice(0, cut + 1).join('-')) === key);
        });
        if (shortened.length === 1) return { framework: shortened[0], sameFramework: false };
        const scored = this.source.frameworks
            .map(framework => ({ framework, distance: typoDistance(key, prefixKey(framework.prefix), true) }))
            .filter(candidate => candidate.distance <= 1 && hasEnoughDigits(key, candidate.framework));
        return scored.length === 1 ? { framework: scored[0].framework, sameFramework: false } : undefined;
    }

    /** IDs with the same spelling key; HIPAA's `164.308(a)(1)(i)` for the standard `164.308(a)(1)`. */
    private spellings(tokens: readonly ClauseToken[], index: FrameworkIndex, match: PrefixMatch): RequirementSuggestion[] {
        let found = index.bySpelling.get(spellingKey(tokens)) ?? [];
        const last = tokens[tokens.length - 1];
        if (found.length === 0 && last?.fixed && last.text === 'I') {
            // A standard whose specifications start at (ii) is cited without its (i), as HHS does.
            found = (index.bySpelling.get(spellingKey(tokens.slice(0, -1))) ?? []).filter(requirement =>
                this.source.children(requirement.id).some(child => child.clause.startsWith(`${requirement.clause}(ii)`)));
        }
        if (found.length > 0) {
            const sameRequirement = match.sameFramework && match.clausePrefix === undefined && found.length === 1;
            return found.map(requirement => ({ requirement, sameRequirement }));
        }
        // A dot missing or added between numbers (A.524, 6.13) is likely, but moves a digit: offered, never applied, and
        // only where the numbers as written could not be an ID (PCI DSS 3.2.1 had a 12.11, which is not 12.1.1).
        if (fitsForm(index.forms.get(leadOf(tokens)), tokens)) return [];
        return (index.byRunTogether.get(runTogetherKey(tokens)) ?? []).map(requirement => ({ requirement, sameRequirement: false }));
    }

    /** ISO/IEC 27001's clauses have no 8.8 or 5.24: written without its `A.`, such a number is the Annex A control's. */
    private annexWithoutA(tokens: readonly ClauseToken[], index: FrameworkIndex, match: PrefixMatch): RequirementSuggestion[] {
        if (match.framework.prefix !== ISO27001 || match.clausePrefix !== undefined || !tokens[0]?.fixed) return [];
        const found = index.bySpelling.get(spellingKey([{ text: 'A', fixed: false }, ...tokens])) ?? [];
        return found.map(requirement => ({ requirement, sameRequirement: false }));
    }

    /** IDs whose numbers and items are the same and whose word codes (never abbreviations) are a small misspelling away. */
    private typos(tokens: readonly ClauseToken[], index: FrameworkIndex): RequirementSuggestion[] {
        const scored: Array<{ requirement: Requirement; cost: number; order: number }> = [];
        index.entries.forEach((entry, order) => {
            const cost = codeTypoCost(tokens, entry.tokens, index.codes);
            if (cost !== undefined && cost > 0 && cost <= codeTypoBudget(entry.tokens)) scored.push({ requirement: entry.requirement, cost, order });
        });
        return scored.sort((a, b) => a.cost - b.cost || a.order - b.order)
            .map(({ requirement }) => ({ requirement, sameRequirement: false }));
    }

    private index(prefix: string): FrameworkIndex {
        let index = this.indexes.get(prefix);
        if (!index) {
            index = buildIndex(this.source.requirementsOf(prefix));
            this.indexes.set(prefix, index);
        }
        return index;
    }
}

function buildIndex(requirements: readonly Requirement[]): FrameworkIndex {
    const entries = requirements.map(requirement => ({ requirement, tokens: clauseTokens(requirement.clause) }));
    const bySpelling = new Map<string, Requirement[]>();
    const byRunTogether = new Map<string, Requirement[]>();
    const forms = new Map<string, NumberingForm>();
    const codes = new Set<string>();
    for (const { requirement, tokens } of entries) {
        pushTo(bySpelling, spellingKey(tokens), requirement);
        pushTo(byRunTogether, runTogetherKey(tokens), requirement);
        const lead = leadOf(tokens);
        const form = forms.get(lead) ?? { count: 0, lengths: [] };
        widenForm(form, tokens);
        forms.set(lead, form);
        for (const token of tokens) if (!token.fixed) codes.add(token.text);
    }
    const startsWithCode = entries.some(({ tokens }) => tokens[0] !== undefined && !tokens[0].fixed);
    return { entries, bySpelling, byRunTogether, forms, codes, startsWithCode };
}

function splitId(id: string): { prefix: string; clause?: string } {
    const colon = id.indexOf(':');
    return colon < 0 ? { prefix: id } : { prefix: id.slice(0, colon), clause: id.slice(colon + 1) };
}

function withoutArticleWord(tokens: readonly ClauseToken[], index: FrameworkIndex): readonly ClauseToken[] {
    const first = tokens[0];
    return first && !first.fixed && ARTICLE_WORDS.has(first.text) && !index.startsWithCode ? tokens.slice(1) : tokens;
}

/**
 * A digit may be missing from or added to a long standard number (ISO2700, ISO270001), but a
 * prefix with few digits is a version (NIS for NIS2, SOC3 for SOC2), which is not a spelling.
 */
function hasEnoughDigits(key: string, framework: Framework): boolean {
    const digits = (text: string) => text.replace(/[^0-9]/g, '').length;
    const full = prefixKey(framework.prefix);
    return digits(key) === digits(full) || Math.min(digits(key), digits(full)) >= 3;
}
