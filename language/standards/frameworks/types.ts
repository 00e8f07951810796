/**
 * Shapes of the built-in framework catalogues: one module per framework under this
 * folder, each exporting a FrameworkDefinition. The catalogue combines them into the
 * requirement IDs policies cite (`<prefix>:<clause>`).
 */
export interface FrameworkDefinition {
    /** Prefix used in policy files, before the colon: `ISO27001` in `ISO27001:5.3(b)`. */
    readonly prefix: string;
    readonly name: string;
    readonly requirements: ReadonlyArray<RequirementDefinition>;
}

export interface RequirementDefinition {
    /** Clause or control number within the framework, e.g. `5.3(b)` or `A.5.24`. */
    readonly clause: string;
    /** A short paraphrase in our own words; never the standard's text. */
    readonly title: string;
    /** The clause this one is an item of (`5.3` for `5.3(b)`), so tools can group them. */
    readonly parent?: string;
}
