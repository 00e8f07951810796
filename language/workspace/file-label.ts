import { UriUtils, type URI } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';

/**
 * How messages and reports name a policy file: its path inside its workspace folder
 * (`teams/payments/people.mandate`), after the folder's name when there are several, so that two
 * files of one name in different folders are told apart; its name alone outside every folder.
 */
export function fileLabel(uri: URI, settings: Pick<MandateSettings, 'workspaceRoots' | 'rootOf'>): string {
    const root = settings.rootOf(uri);
    if (!root) return baseNameOf(uri);
    const relative = UriUtils.relative(root, uri);
    return settings.workspaceRoots.length > 1 ? `${baseNameOf(root)}/${relative}` : relative;
}

/** The last segment of a URI's path: `people.mandate`. */
export function baseNameOf(uri: URI): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
