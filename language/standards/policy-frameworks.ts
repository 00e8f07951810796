import type { CustomFramework } from '../generated/ast.js';
import type { CustomFrameworkDefinition } from './requirement-catalogue.js';
import { FRAMEWORK_PREFIX_FORM } from './requirement-id.js';

/** The organization's own frameworks declared in the policy (`framework ACME …`), as the requirement catalogue takes them. */
export function policyFrameworks(frameworks: readonly CustomFramework[]): CustomFrameworkDefinition[] {
    // A prefix no requirement ID can start with is reported by framework-invalid, and offers nothing to cite.
    return frameworks.filter(framework => framework.prefix && FRAMEWORK_PREFIX_FORM.test(framework.prefix)).map(framework => ({
        prefix: framework.prefix, name: framework.title ?? framework.prefix, origin: 'policy' as const,
        requirements: framework.requirements.flatMap(requirement => {
            // `ACME:AC-01` under `framework ACME`; an ID of another prefix is reported, not indexed.
            const [prefix, clause] = [requirement.id?.slice(0, requirement.id.indexOf(':')), requirement.id?.slice(requirement.id.indexOf(':') + 1)];
            return prefix === framework.prefix && clause ? [{ clause, title: requirement.title ?? clause }] : [];
        })
    }));
}
