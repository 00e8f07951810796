/**
 * Where a report comes from, as data (part of the report model, report-model.ts): the inputs and
 * their hashes, the repository state, and the commit that first recorded each assignment.
 */

/**
 * The commit that first recorded an assignment (recorded-by provenance from git): `recorded` with
 * the commit, `shallow-clone` when it is in the oldest commit of a shallow clone (it may be
 * older), `not-committed` when no commit holds it yet. Absent when the history was not read.
 */
export interface RecordedByEntry {
    readonly status: 'recorded' | 'shallow-clone' | 'not-committed';
    readonly commit?: string;
    readonly shortCommit?: string;
    readonly author?: string;
    readonly email?: string;
    /** The author date, ISO 8601 with the author's offset. */
    readonly date?: string;
    /** Commit trailers such as `Approved-by:`, in the commit message's order. */
    readonly trailers?: ReadonlyArray<{ readonly key: string; readonly value: string }>;
    /** Days from the start date to the commit's day; absent without a valid start date. */
    readonly daysAfterStart?: number;
    /** More days than the `record-late` limit; false when that rule is switched off. */
    readonly late?: boolean;
}

/** The version control state of the workspace folder when the report was made. */
export interface RepositoryState {
    /** False when the folder is not in a git repository, git is not available, or git failed. */
    readonly git: boolean;
    /** The commit checked out (HEAD). */
    readonly commit?: string;
    /** Whether the workspace folder had uncommitted or untracked changes; absent when git could not tell. */
    readonly dirty?: boolean;
}

export interface FileHash {
    readonly file: string;
    readonly sha256: string;
}

export interface Provenance {
    readonly tool: string;
    readonly toolVersion: string;
    readonly asOf: string;
    readonly generatedAt: string;
    readonly inputs: readonly FileHash[];
    /** mandate.config.json and the catalogue and directory files it names, as read, sorted by path. */
    readonly configuration: readonly FileHash[];
    /** SHA-256 over the sorted inputs' and configuration files' paths and hashes: one value that identifies the policy version. */
    readonly inputsSha256: string;
    readonly repository: RepositoryState;
    /** Every job-description and evidence file the policy names that exists in the workspace, sorted by path. */
    readonly documents: readonly FileHash[];
    /** Whether the git history was read for recorded-by provenance (`mandate report` reads it). */
    readonly recordHistory: RecordHistoryState;
    /** True in a report made with `--redact`: people are pseudonymised (language/redact/). */
    readonly redacted?: boolean;
}

/**
 * `read`: each assignment carries its `recordedBy`; `no-git`: the folder is not in a git
 * repository, or git is not available; `not-read`: the report was made without the history.
 */
export interface RecordHistoryState {
    readonly status: 'read' | 'no-git' | 'not-read';
    /** A shallow clone: what its oldest commit holds may be older. */
    readonly shallow: boolean;
}
