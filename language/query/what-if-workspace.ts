/**
 * Where a what-if's two sides are checked. The editor's workspace is live, so its changed side is
 * a copy checked from scratch. A workspace that belongs to one run (the CLI's, a policy-test run's)
 * can take the change in place instead: the few edited files are parsed again and the engine's
 * incremental build (which always equals a cold one) re-checks what they affect, and the files
 * are put back when the run next reads the workspace. That costs a fraction of a second where a
 * copy of a 100,000-line workspace costs a whole check.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, type LangiumDocument } from 'langium';
import { checkSources, collectFindings, type Finding, type PolicySource } from '../engine/check-sources.js';
import type { MandateSharedServices } from '../mandate-module.js';
import type { IsoDate } from '../util/dates.js';
import { queryContext, type QueryContext } from './query-context.js';

/** One side of the comparison: a workspace checked on the date, and its open findings. */
export interface WhatIfSide {
    readonly context: QueryContext;
    readonly findings: readonly Finding[];
}

export interface WhatIfWorkspace {
    /** The workspace as it is, checked on `date`. */
    before(date: IsoDate): Promise<WhatIfSide>;
    /**
     * Calls `use` with the workspace whose files read as `sources`, checked on `date`. Read
     * everything needed from the `before` side first: a change in place relinks the references
     * of the files it did not change. A copy leaves the workspace as it was; a run's own
     * workspace keeps the change until its next step (see ownWorkspace).
     */
    withChanged<T>(sources: readonly PolicySource[], date: IsoDate, use: (after: WhatIfSide) => T): Promise<T>;
}

/** A run's own workspace, changed in place: the last change stays until the next step or `restore`. */
export interface OwnWorkspace extends WhatIfWorkspace {
    /** Puts back the files the last change left changed (nothing to do when none are). */
    restore(): Promise<void>;
}

const open = (findings: readonly Finding[]) => findings.filter(finding => !finding.suppressed);

/** A fresh check of `sources` on `date`, with the same folders, configuration and catalogues as `context`. */
async function checkCopy(context: QueryContext, sources: readonly PolicySource[], date: IsoDate): Promise<WhatIfSide> {
    const { settings } = context;
    const checked = await checkSources(sources, {
        asOf: date, roots: settings.workspaceRoots.map(root => root.toString()), config: settings.mandateConfig,
        catalogues: settings.catalogueFrameworks, fileSystem: () => context.shared.workspace.FileSystemProvider
    });
    return { context: queryContext(checked.services.shared), findings: open(checked.findings) };
}

/** The sides as copies: the live workspace is never changed (the editor's). */
export function copiedWorkspace(context: QueryContext): WhatIfWorkspace {
    return {
        async before(date) {
            if (context.settings.asOf() === date) return { context, findings: open(collectFindings(context.model.documents)) };
            const sources = context.model.documents.map(document => ({ uri: document.uri.toString(), text: document.textDocument.getText() }));
            return checkCopy(context, sources, date);
        },
        async withChanged(sources, date, use) {
            return use(await checkCopy(context, sources, date));
        }
    };
}

/** Re-validates every document of a workspace on `date`, through the workspace lock (it cancels the manager's own queued re-validation). */
export async function revalidateOn(shared: MandateSharedServices, documents: readonly LangiumDocument[], date: IsoDate): Promise<void> {
    if (shared.mandate.Settings.asOf() === date) return;
    shared.mandate.Settings.setAsOf(date);
    // `validation: true` makes Langium validate the already validated documents again.
    await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.build([...documents], { validation: true }, token));
}

/** Sets the text of `changed` documents and lets the incremental build re-check what they affect. */
async function retext(shared: MandateSharedServices, texts: ReadonlyMap<string, string>, version: number): Promise<void> {
    const uris = [...texts.keys()];
    for (const uri of uris) shared.workspace.TextDocuments?.set(TextDocument.create(uri, 'mandate', version, texts.get(uri)!));
    await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update(uris.map(uri => URI.parse(uri)), [], token));
}

/**
 * The sides in the run's own workspace: `before` re-validates it on the date, `withChanged` edits
 * it in place. The change is put back by the next step, in the same build as that step's own
 * change, or by `restore`; a run that ends after its last what-if (the CLI's `query what-if`)
 * never pays for putting it back. `serialize` runs each step after the run's other builds (one
 * build at a time). Only for a workspace nobody else reads meanwhile: never the language server's.
 */
export function ownWorkspace(shared: MandateSharedServices, documents: readonly LangiumDocument[], serialize: <T>(step: () => Promise<T>) => Promise<T> = step => step()): OwnWorkspace {
    let version = 1;
    const findings = () => open(collectFindings(documents));
    const original = new Map(documents.map(document => [document.uri.toString(), document.textDocument.getText()]));
    /** The files a change left in place, with the text they have now (never their original). */
    let changed = new Map<string, string>();
    /** Makes the files in `wanted` read as it says and every other file as it was, in one build. */
    const changeTo = async (wanted: Map<string, string>) => {
        const texts = new Map<string, string>();
        for (const uri of changed.keys()) if (!wanted.has(uri)) texts.set(uri, original.get(uri)!);
        for (const [uri, text] of wanted) if (changed.get(uri) !== text) texts.set(uri, text);
        changed = wanted;
        if (texts.size > 0) await retext(shared, texts, ++version);
    };
    return {
        before: date => serialize(async () => {
            await changeTo(new Map());
            await revalidateOn(shared, documents, date);
            return { context: queryContext(shared), findings: findings() };
        }),
        withChanged: (sources, date, use) => serialize(async () => {
            await revalidateOn(shared, documents, date);
            await changeTo(new Map(sources.filter(source => original.has(source.uri) && original.get(source.uri) !== source.text).map(source => [source.uri, source.text])));
            return use({ context: queryContext(shared), findings: findings() });
        }),
        restore: () => serialize(() => changeTo(new Map()))
    };
}
