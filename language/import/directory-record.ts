/**
 * The common model of a directory (an HR system's or an identity provider's export): one record per
 * person, whatever the source format. `mandate import` writes people from it, and the directory
 * drift rules compare it with the policy. Additions only: both build on these names.
 */

/** Where a record or a problem is in its source file: 1-based line and column. */
export interface SourceLocation {
    /** The file as it was given (the CLI shows it relative to the working folder). */
    readonly file: string;
    readonly line: number;
    readonly column: number;
}

export interface DirectoryRecord {
    /**
     * Stable identity of the record within its source: the employee number when the source has one,
     * otherwise the e-mail address in lower case, otherwise the source's own ID (SCIM `id`).
     */
    readonly key: string;
    readonly employeeNumber?: string;
    /** The display name, e.g. "Ada Lovelace"; never empty. */
    readonly name: string;
    /** Lower-cased work e-mail address. */
    readonly email?: string;
    /** Job title as the directory gives it. */
    readonly title?: string;
    readonly department?: string;
    /** The manager as the source names them: an employee number, an e-mail address or a name. */
    readonly manager?: string;
    /** The manager's `key`, when `manager` matches exactly one record of the same source. */
    readonly managerKey?: string;
    /** False for a leaver: inactive, suspended, disabled or terminated in the source. */
    readonly active: boolean;
    /** Employment start and end, YYYY-MM-DD, when the source has them. */
    readonly start?: string;
    readonly end?: string;
    /** The record's first line in the source (for CSV its row, for SCIM the resource's `{`). */
    readonly location: SourceLocation;
}

/** Why a source could not be read, at a position. A source with any problem is not imported. */
export interface DirectoryProblem {
    readonly location: SourceLocation;
    readonly message: string;
}

export interface DirectoryReadResult {
    /** In source order. */
    readonly records: readonly DirectoryRecord[];
    /** Empty when the source was read completely. */
    readonly problems: readonly DirectoryProblem[];
    /** What the source was read as, for messages and the generated header, e.g. "CSV (BambooHR preset)". */
    readonly description: string;
}
