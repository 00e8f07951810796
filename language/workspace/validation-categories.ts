import type { BuildOptions, LangiumCoreServices, LangiumDocument, ServiceRegistry, ValidationCategory } from 'langium';

const NO_CATEGORIES: ReadonlySet<ValidationCategory> = new Set();

/** What Langium's builder records of a document's last validation (its `buildState`). */
export interface ValidationRecord {
    readonly completed?: boolean;
    readonly result?: { readonly validationChecks?: readonly ValidationCategory[] };
}

/**
 * The services of a document of the workspace: with one language registered, that one. Langium
 * looks each URI up among the open documents first, and a rename that relinks 500 files asked 500 times.
 */
export function servicesOf(registry: ServiceRegistry, document: LangiumDocument): LangiumCoreServices {
    const languages = registry.all;
    return languages.length === 1 ? languages[0] : registry.getServices(document.uri);
}

/**
 * Langium's `findMissingValidationCategories` (langium ~4.4), which it calls for every document of
 * the workspace on every update: it found the document's language by normalising the document's URI
 * each time (about a millisecond per keystroke at 500 files, in a profile). The categories come from
 * the registry of the only language when there is one, as getServices would answer.
 */
export function missingValidationCategories(
    registry: ServiceRegistry, document: LangiumDocument, state: ValidationRecord | undefined, options: BuildOptions | undefined
): ValidationCategory[] {
    const all = servicesOf(registry, document).validation.ValidationRegistry.getAllValidationCategories(document);
    const checks = state?.result?.validationChecks;
    const executed: ReadonlySet<ValidationCategory> = checks ? new Set(checks) : state?.completed ? all : NO_CATEGORIES;
    const requested = options === undefined || options.validation === true ? all
        : typeof options.validation === 'object' ? (options.validation.categories ?? all) : [];
    return [...requested].filter(category => !executed.has(category));
}
