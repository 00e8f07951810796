import type { LangiumSharedCoreServices } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { pathProbeFor, type PathProbe } from '../workspace/path-probe.js';
import { locatePolicyPath } from '../workspace/policy-path.js';
import type { WorkspaceModelProvider } from '../workspace/workspace-model-provider.js';
import type { RuleContext } from './rule.js';
import { noteVolatileRead } from '../util/volatile-reads.js';

/** The one context every rule sees, whether it runs per node or per workspace. */
export function createRuleContext(
    shared: LangiumSharedCoreServices, settings: MandateSettings, models: WorkspaceModelProvider
): RuleContext {
    const probe = volatileProbe(pathProbeFor(shared.workspace.FileSystemProvider));
    return {
        settings,
        workspace: () => models.get(),
        files: { locate: (text, root) => locatePolicyPath(text, root, probe) }
    };
}

/**
 * The probe, noting each question to the disk as a volatile read: the disk may change while the
 * policy does not. Text that is no path (a ticket number, a URL) is never looked up, so a check of
 * it can be replayed (mandate-check-replay.ts).
 */
function volatileProbe(probe: PathProbe): PathProbe {
    return {
        realRoot: root => (noteVolatileRead(), probe.realRoot(root)),
        entry: uri => (noteVolatileRead(), probe.entry(uri)),
        readLink: uri => (noteVolatileRead(), probe.readLink(uri)),
        isAbsolute: target => probe.isAbsolute(target),
        splitLink: target => probe.splitLink(target)
    };
}
