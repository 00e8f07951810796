import type { LangiumSharedCoreServices } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import { pathProbeFor } from '../workspace/path-probe.js';
import { locatePolicyPath } from '../workspace/policy-path.js';
import type { WorkspaceModelProvider } from '../workspace/workspace-model-provider.js';
import type { RuleContext } from './rule.js';
import { noteVolatileRead } from '../util/volatile-reads.js';

/** The one context every rule sees, whether it runs per node or per workspace. */
export function createRuleContext(
    shared: LangiumSharedCoreServices, settings: MandateSettings, models: WorkspaceModelProvider
): RuleContext {
    const probe = pathProbeFor(shared.workspace.FileSystemProvider);
    return {
        settings,
        workspace: () => models.get(),
        files: {
            locate: (text, root) => {
                noteVolatileRead(); // the disk may change while the policy does not
                return locatePolicyPath(text, root, probe);
            }
        }
    };
}
