import type { LangiumSharedCoreServices } from 'langium';
import type { MandateSettings } from '../mandate-settings.js';
import type { WorkspaceModelProvider } from '../workspace/workspace-model-provider.js';
import type { RuleContext } from './rule.js';

/** The one context every rule sees, whether it runs per node or per workspace. */
export function createRuleContext(
    shared: LangiumSharedCoreServices, settings: MandateSettings, models: WorkspaceModelProvider
): RuleContext {
    const fileSystem = shared.workspace.FileSystemProvider;
    return {
        settings,
        workspace: () => models.get(),
        files: {
            exists: uri => {
                try {
                    return fileSystem.existsSync(uri);
                } catch {
                    return false; // a file system without synchronous access counts as "not found"
                }
            }
        }
    };
}
