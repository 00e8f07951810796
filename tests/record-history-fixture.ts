/**
 * The git history a rule about recorded-by provenance needs, for examples that have none of their
 * own: a rule's docs page and its examples/findings folder are plain files, so the harnesses
 * (tests/rule-docs.test.ts, tests/examples.test.ts) commit them into a throwaway repository on a
 * fixed date and check them with that history. Only the rules listed here get one: for every other
 * rule the examples are checked without git, as the editor checks them.
 */
import { EmptyFileSystem } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { createMandateServices } from '../language/mandate-module.js';
import { readRecordHistory, type RecordHistory } from '../language/provenance/record-history.js';
import { gitRepositories } from './git-fixture.js';

/**
 * The day the harness commits the examples of each rule that reads git history. record-late's
 * examples claim dates before and after it: the Avoid example and the marked records more than
 * 30 days before, the rest within 30 days.
 */
export const HISTORY_COMMIT_DATES: Readonly<Record<string, string>> = { 'record-late': '2025-06-01' };

/** `historyOf(files, date)`: the record history of `files` (path → text) committed once on `date`. */
export function recordHistories(): (files: Record<string, string>, date: string) => RecordHistory {
    const repository = gitRepositories('mandate-example-history-');
    const parser = createMandateServices(EmptyFileSystem).Mandate.parser.LangiumParser;
    return (files, date) => {
        const repo = repository();
        repo.commit(files, 'Record the example policy', date);
        return readRecordHistory(repo.folder, text => parser.parse<Model>(text).value);
    };
}
