import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { createMandateServices } from '../language/mandate-module.js';

/** Fresh shared services with no files, and a way to add a policy document at file:///policy/<name>. */
export function builderWorkspace() {
    const { shared } = createMandateServices(EmptyFileSystem);
    const add = (name: string, text: string): LangiumDocument => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///policy/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    };
    return { shared, builder: shared.workspace.DocumentBuilder, add };
}

/** The state of a promise once everything already queued has run: no timers, no guessing. */
export async function settled(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
    let state: 'resolved' | 'rejected' | 'pending' = 'pending';
    promise.then(() => { state = 'resolved'; }, () => { state = 'rejected'; });
    await new Promise(resolve => setImmediate(resolve));
    return state;
}
