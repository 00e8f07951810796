import { UriUtils, type URI } from 'langium';
import type { ConfigurationFile } from './config/config-loader.js';
import { EMPTY_CONFIG, type ConfiguredSeverity, type MandateConfig } from './config/mandate-config.js';
import type { LoadedDirectory } from './directory/directory-loader.js';
import { isEnabledByDefault, type RuleMetadata } from './rules/rule.js';
import type { CustomFrameworkDefinition } from './standards/requirement-catalogue.js';
import { isValidIsoDate, todayIsoDate, type IsoDate } from './util/dates.js';
import type { RecordHistory } from './provenance/record-history.js';
import { noteAsOfRead } from './util/volatile-reads.js';

/**
 * Settings that change what the checks report. The as-of date is explicit so that results are
 * reproducible: the CLI takes `--as-of`, the editor `mandate.asOf`, and only when neither is
 * given does "today" apply, read on every request so a long-running server crosses midnight.
 */
export class MandateSettings {
    private explicitAsOf: IsoDate | undefined;
    private roots: readonly URI[] = [];
    private rootsOf = new WeakMap<URI, { readonly root: URI | undefined }>();
    private config: MandateConfig = EMPTY_CONFIG;
    private catalogues: readonly CustomFrameworkDefinition[] = [];
    private history: RecordHistory | undefined;
    private directorySource: LoadedDirectory | undefined;
    private files: readonly ConfigurationFile[] = [];
    /** Where the rule pages live (ending in '/'); diagnostics link to `<base><rule-id>.md`. */
    docsBaseUri: string | undefined;
    /**
     * `mandate.inlayHints.names`: inlay hints give the title or full name after a role or person
     * reference. The editor pulls hints, so a change re-validates nothing.
     */
    inlayHintNames = true;
    private readonly listeners: Array<() => void> = [];
    /**
     * Counts changes of every input of the checks but the as-of date (folders, configuration,
     * catalogues, directory, record history): a check's findings can be replayed only while it stays.
     */
    inputsVersion = 0;

    /**
     * The workspace folders. Paths written in a policy resolve against the folder that holds
     * the policy file, and never outside it. Without folders, paths are not checked.
     */
    get workspaceRoots(): readonly URI[] {
        return this.roots;
    }

    setWorkspaceRoots(roots: readonly URI[]): void {
        // Deepest first, so nested folders win over their parents.
        this.roots = [...roots].sort((a, b) => b.path.length - a.path.length);
        this.rootsOf = new WeakMap();
        this.inputsVersion++;
    }

    /** The workspace folder that contains `document`, if any. */
    rootOf(document: URI): URI | undefined {
        // Remembered per URI object (each document keeps its own): the path checks ask for every node that names a file.
        const known = this.rootsOf.get(document);
        if (known) return known.root;
        const root = this.roots.find(candidate => UriUtils.contains(candidate, document));
        this.rootsOf.set(document, { root });
        return root;
    }

    asOf(): IsoDate {
        noteAsOfRead();
        return this.explicitAsOf ?? todayIsoDate();
    }

    /** Whether an as-of date was set (`mandate.asOf`, `--as-of`), rather than today's date applying. */
    get hasExplicitAsOf(): boolean {
        noteAsOfRead();
        return this.explicitAsOf !== undefined;
    }

    /**
     * All that `asOf` and `hasExplicitAsOf` can answer, as one text, without counting as a read: a
     * check that read them says the same while this is the same (mandate-check-replay.ts).
     */
    asOfKey(): string {
        const key = this.explicitAsOf !== undefined ? `set ${this.explicitAsOf}` : `today ${todayIsoDate()}`;
        // One string for every step recorded with it: a 100,000-line workspace records 40,000 of them.
        if (key !== this.lastAsOfKey) this.lastAsOfKey = key;
        return this.lastAsOfKey;
    }

    private lastAsOfKey = '';

    /** Set or clear (with undefined or '') the as-of date. Throws on a date that is not a real ISO date. */
    setAsOf(date: string | undefined): void {
        const next = date === undefined || date.trim() === '' ? undefined : date.trim();
        if (next !== undefined && !isValidIsoDate(next)) {
            throw new Error(`'${date}' is not a valid as-of date; use YYYY-MM-DD, e.g. 2025-01-31`);
        }
        if (next !== this.explicitAsOf) {
            this.explicitAsOf = next;
            this.listeners.forEach(listener => listener());
        }
    }

    /**
     * The team's mandate.config.json and, when given, the frameworks of the catalogue files it
     * names (already read: see config/catalogue-loader.ts). Changing them re-validates, like a new
     * as-of date; all are set at once so the workspace is checked once. The directory export
     * (directory/directory-loader.ts) is replaced every time: none given, none applies.
     */
    setConfig(config: MandateConfig, catalogues?: readonly CustomFrameworkDefinition[], directory?: LoadedDirectory, files: readonly ConfigurationFile[] = []): void {
        this.config = config;
        if (catalogues) this.catalogues = catalogues;
        this.directorySource = directory;
        this.files = files;
        this.inputsVersion++;
        this.listeners.forEach(listener => listener());
    }

    /** The configuration, catalogue and directory files the configuration was read from (config-loader.ts), for a report's provenance. */
    get configurationFiles(): readonly ConfigurationFile[] {
        return this.files;
    }

    /** The team's mandate.config.json as last set (the policy tests build their own workspace with it). */
    get mandateConfig(): MandateConfig {
        return this.config;
    }

    /** The directory export the drift rules compare with the policy, when one is configured and was read. */
    get directory(): LoadedDirectory | undefined {
        return this.directorySource;
    }

    /** The organization's frameworks from catalogue files; the workspace model adds them to the catalogue. */
    get catalogueFrameworks(): readonly CustomFrameworkDefinition[] {
        return this.catalogues;
    }

    /**
     * Which commit first recorded each assignment, announcement and delegation
     * (provenance/record-history.ts). The CLI reads it before checking; the language server does
     * not, so `record-late` and the report's recorded-by need the CLI.
     */
    get recordHistory(): RecordHistory | undefined {
        return this.history;
    }

    setRecordHistory(history: RecordHistory | undefined): void {
        this.history = history;
        this.inputsVersion++;
        this.listeners.forEach(listener => listener());
    }

    /** The configured severity; an opt-in rule (`enabledByDefault: false`) is off until the config names a severity. */
    severityOf(rule: RuleMetadata): ConfiguredSeverity {
        return this.config.rules.get(rule.id)?.severity ?? (isEnabledByDefault(rule) ? rule.severity : 'off');
    }

    /** A rule option as configured, or its default. */
    option(rule: RuleMetadata, name: string): number {
        return this.config.rules.get(rule.id)?.options[name] ?? rule.options?.[name]?.default ?? 0;
    }

    onDidChange(listener: () => void): void {
        this.listeners.push(listener);
    }
}
