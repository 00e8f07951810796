import type { LangiumDocument, URI } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { filesNamedBy } from '../workspace/referenced-files.js';

/**
 * Every file inside the workspace that the documents name as a job description or evidence,
 * whether or not it exists, each once: the CLI never writes its output over one.
 */
export function namedFiles(documents: Iterable<LangiumDocument>, settings: MandateSettings): URI[] {
    const found = new Map<string, URI>();
    for (const document of documents) {
        for (const file of filesNamedBy(document, settings)) found.set(file.toString(), file);
    }
    return [...found.values()];
}
