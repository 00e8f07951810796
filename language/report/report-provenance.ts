import { createHash } from 'node:crypto';
import type { FileHash, Provenance, RecordHistoryState, RepositoryState } from './report-model.js';

export interface ProvenanceInput {
    readonly toolVersion: string;
    readonly asOf: string;
    readonly generatedAt: string;
    /** Workspace-relative path and exact text of every input file. */
    readonly files: ReadonlyArray<{ readonly file: string; readonly text: string }>;
    /** The same of the configuration, catalogue and directory files read with them (config-loader.ts). */
    readonly configuration: ReadonlyArray<{ readonly file: string; readonly text: string }>;
    readonly repository: RepositoryState;
    /** The hashes of the documents the policy names (report-documents.ts). */
    readonly documents: readonly FileHash[];
    readonly recordHistory: RecordHistoryState;
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');

/**
 * Hashes every input and then the sorted list of (path, hash) pairs, so one value identifies
 * the exact policy version a report was made from, and the configuration it was checked with:
 * a rule switched off in mandate.config.json changes the report as much as a policy line does.
 * Without configuration files the combined hash is what it was before they were counted.
 */
export function provenance(input: ProvenanceInput): Provenance {
    const hashed = (files: ProvenanceInput['files']) => files
        .map(({ file, text }) => ({ file, sha256: sha256(text) }))
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const inputs = hashed(input.files);
    const configuration = hashed(input.configuration);
    const listed = (files: readonly FileHash[]) => files.map(entry => `${entry.file}\u0000${entry.sha256}\n`).join('');
    return {
        tool: 'mandate',
        toolVersion: input.toolVersion,
        asOf: input.asOf,
        generatedAt: input.generatedAt,
        inputs,
        configuration,
        inputsSha256: sha256(listed(inputs) + (configuration.length > 0 ? `configuration\n${listed(configuration)}` : '')),
        repository: input.repository,
        documents: input.documents,
        recordHistory: input.recordHistory
    };
}

/**
 * The generation time: SOURCE_DATE_EPOCH (seconds) when set, as reproducible builds expect,
 * otherwise now. Throws on a value that is not a whole number of seconds.
 */
export function generatedAt(environment: Record<string, string | undefined> = process.env, now: () => Date = () => new Date()): string {
    const epoch = environment.SOURCE_DATE_EPOCH;
    if (epoch === undefined || epoch === '') return now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (!/^\d+$/.test(epoch.trim())) {
        throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '${epoch}'`);
    }
    return new Date(Number(epoch.trim()) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
