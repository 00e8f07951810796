import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { DefaultSharedModuleContext } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createMandateServices, type MandateServices } from '../mandate-module.js';
import type { ConfigurationFile } from '../config/config-loader.js';
import { EMPTY_CONFIG, type MandateConfig } from '../config/mandate-config.js';
import type { LoadedDirectory } from '../directory/directory-loader.js';
import type { Model } from '../generated/ast.js';
import type { SuppressedData } from '../mandate-document-validator.js';
import type { WithheldData } from '../mandate-withheld-findings.js';
import type { CustomFrameworkDefinition } from '../standards/requirement-catalogue.js';
import { compareStrings } from '../util/compare.js';
import { gitBlobId, mergeHistories, readRecordHistory, type RecordHistory } from '../provenance/record-history.js';

/** A policy file's content, already read and decoded by the caller. */
export interface PolicySource {
    /** A URI string, e.g. `file:///repo/policy/roles.mandate`. */
    readonly uri: string;
    readonly text: string;
}

export type FindingSeverity = 'error' | 'warning' | 'info' | 'hint';

/** One diagnostic in a shape meant for people and tools outside the editor. Lines and columns are 1-based. */
export interface Finding {
    readonly uri: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: FindingSeverity;
    readonly rule: string;
    readonly message: string;
    /** Set when a `// mandate-ignore` comment accepted this finding as an exception. */
    readonly suppressed?: { readonly justification: string };
    /**
     * Of a syntax error: the rules whose findings on the declaration it leaves unfinished wait
     * until that declaration reads (mandate-document-validator.ts). The requirements they evidence
     * cannot be met in full meanwhile.
     */
    readonly withheld?: readonly string[];
    /** The other declarations the message names (`also declared in …`), where they stand. */
    readonly related?: readonly RelatedLocation[];
}

/** A place a finding's message names besides its own, with what it is (`also declared here`). 1-based, as a finding's. */
export interface RelatedLocation {
    readonly uri: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly message: string;
}

export interface CheckOptions {
    /** The as-of date for time-dependent checks; today when absent. */
    readonly asOf?: string;
    /**
     * Workspace folders, as URI strings. Paths named in a policy resolve inside the folder that
     * holds the policy file; without folders they are not checked.
     */
    readonly roots?: readonly string[];
    /** Where to look up named documents (existence only); no file system by default. */
    readonly fileSystem?: DefaultSharedModuleContext['fileSystemProvider'];
    /** The team's mandate.config.json, already parsed. */
    readonly config?: MandateConfig;
    /** The frameworks of the catalogue files it names, already read (config/catalogue-loader.ts). */
    readonly catalogues?: readonly CustomFrameworkDefinition[];
    /**
     * Folders (absolute paths) whose git history says which commit first recorded each record,
     * for `record-late` and the report's recorded-by; git is not run without them. A history
     * already read (provenance/record-history.ts) is taken as it is.
     */
    readonly recordHistory?: readonly string[] | RecordHistory;
    /** The directory export it names, already read (directory/directory-loader.ts), for the drift rules. */
    readonly directory?: LoadedDirectory;
    /** The configuration, catalogue and directory files as read (config-loader.ts), for a report's provenance. */
    readonly configurationFiles?: readonly ConfigurationFile[];
}

export interface CheckedWorkspace {
    readonly services: MandateServices;
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    readonly findings: readonly Finding[];
}

const SEVERITIES: Record<number, FindingSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function toFinding(uri: string, diagnostic: Diagnostic): Finding {
    const { start, end } = diagnostic.range;
    const suppressed = (diagnostic.data as Partial<SuppressedData> | undefined)?.suppressed;
    if (suppressed) {
        // An accepted exception keeps the rule's own severity-free message and its justification.
        return { ...toFinding(uri, { ...diagnostic, data: undefined, message: suppressed.message }), suppressed: { justification: suppressed.justification } };
    }
    return {
        uri,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: SEVERITIES[diagnostic.severity ?? 1] ?? 'error',
        rule: String(diagnostic.code ?? 'mandate'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        ...withheldOf(diagnostic),
        ...relatedOf(diagnostic)
    };
}

function relatedOf(diagnostic: Diagnostic): { related?: readonly RelatedLocation[] } {
    const related = diagnostic.relatedInformation?.map(({ location: { uri, range: { start, end } }, message }) =>
        ({ uri, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, message }));
    return related && related.length > 0 ? { related } : {};
}

function withheldOf(diagnostic: Diagnostic): { withheld?: readonly string[] } {
    const withheld = (diagnostic.data as Partial<WithheldData> | undefined)?.withheld;
    return Array.isArray(withheld) && withheld.length > 0 ? { withheld } : {};
}

/**
 * Parses, links and validates a set of policy sources as one workspace, with the same
 * services the language server uses. The CLI, the reports and the tests all go through here.
 */
export async function checkSources(sources: readonly PolicySource[], options: CheckOptions = {}): Promise<CheckedWorkspace> {
    const services = createMandateServices({ fileSystemProvider: options.fileSystem ?? EmptyFileSystem.fileSystemProvider, batch: true }).Mandate;
    services.shared.mandate.Settings.setAsOf(options.asOf);
    services.shared.mandate.Settings.setWorkspaceRoots((options.roots ?? []).map(root => URI.parse(root)));
    if (options.config || options.catalogues || options.directory || options.configurationFiles) {
        services.shared.mandate.Settings.setConfig(options.config ?? EMPTY_CONFIG, options.catalogues, options.directory, options.configurationFiles);
    }
    const shared = services.shared;
    const documents = sources.map(source => shared.workspace.LangiumDocumentFactory.fromString<Model>(source.text, URI.parse(source.uri)));
    // Before the documents are added: a settings change re-validates every document it finds
    // (MandateWorkspaceManager), and that build raced the one below, doubling findings.
    if (options.recordHistory) services.shared.mandate.Settings.setRecordHistory(historyOf(options.recordHistory, services, documents));
    documents.forEach(document => shared.workspace.LangiumDocuments.addDocument(document));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents, findings: collectFindings(documents) };
}

/**
 * The record history of the folders, their past files parsed (not linked) by the workspace's own
 * parser; a past file whose content is one of today's documents is not parsed again.
 */
function historyOf(folders: readonly string[] | RecordHistory, services: MandateServices, documents: ReadonlyArray<LangiumDocument<Model>>): RecordHistory {
    if (!Array.isArray(folders)) return folders as RecordHistory;
    const parse = (text: string) => services.parser.LangiumParser.parse<Model>(text).value;
    let parsed: ReadonlyMap<string, Model> | undefined;
    const parsedFiles = () => parsed ??= new Map(documents.map(document => [gitBlobId(document.textDocument.getText()), document.parseResult.value]));
    return mergeHistories((folders as readonly string[]).map(folder => readRecordHistory(folder, parse, {}, parsedFiles)));
}

/** Every diagnostic of the given documents as findings, in file, line and column order. */
export function collectFindings(documents: Iterable<LangiumDocument>): Finding[] {
    return [...documents]
        .flatMap(document => (document.diagnostics ?? []).map(diagnostic => toFinding(document.uri.toString(), diagnostic)))
        .sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
    return compareStrings(a.uri, b.uri) || a.line - b.line || a.column - b.column || compareStrings(a.rule, b.rule);
}
