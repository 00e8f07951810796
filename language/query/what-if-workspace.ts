/**
 * Where a what-if's two sides are checked. The editor's workspace is live, so its changed side is
 * a copy checked from scratch. A workspace that belongs to one run (the CLI's, a policy-test run's)
 * can take the change in place instead: the few edited files are parsed again and the engine's
 * incremental build (which always equals a cold one) re-checks what they affect, then the files
 * are put back. That costs a fraction of a second where a copy of a 100,000-line workspace costs
 * a whole check.
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
     * of the files it did not change. The workspace is as it was when the promise settles.
     */
    withChanged<T>(sources: readonly PolicySource[], date: IsoDate, use: (after: WhatIfSide) => T): Promise<T>;
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
 * it in place and puts it back. `serialize` runs each step after the run's other builds (one build
 * at a time). Only for a workspace nobody else reads meanwhile: never the language server's.
 */
export function ownWorkspace(shared: MandateSharedServices, documents: readonly LangiumDocument[], serialize: <T>(step: () => Promise<T>) => Promise<T> = step => step()): WhatIfWorkspace {
    let version = 1;
    const findings = () => open(collectFindings(documents));
    return {
        before: date => serialize(async () => {
            await revalidateOn(shared, documents, date);
            return { context: queryContext(shared), findings: findings() };
        }),
        withChanged: (sources, date, use) => serialize(async () => {
            await revalidateOn(shared, documents, date);
            const original = new Map(documents.map(document => [document.uri.toString(), document.textDocument.getText()]));
            const changed = new Map(sources.filter(source => original.has(source.uri) && original.get(source.uri) !== source.text).map(source => [source.uri, source.text]));
            if (changed.size === 0) return use({ context: queryContext(shared), findings: findings() });
            await retext(shared, changed, ++version);
            try {
                return use({ context: queryContext(shared), findings: findings() });
            } finally {
                await retext(shared, new Map([...changed.keys()].map(uri => [uri, original.get(uri)!])), ++version);
            }
        })
    };
}
