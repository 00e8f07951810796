import { AstUtils, type ValidationAcceptor } from 'langium';
import type { MandateAstType } from './generated/ast.js';
import type { LinkFailures } from './mandate-link-failures.js';
import type { MandateServices } from './mandate-module.js';
import { registerPolicyTestChecks } from './policy-tests/test-validation.js';
import { RULES } from './rules/index.js';
import type { MandateRule, RuleReporter } from './rules/rule.js';
import { noteVolatileRead } from './util/volatile-reads.js';
import { buildNow } from './util/lazy-service.js';
import type { GrammarKeywords } from './mandate-grammar-keywords.js';

/** Reports with the rule's ID and severity, except findings that only follow from a name that failed to link. */
function reporterFor(rule: MandateRule, links: LinkFailures): RuleReporter {
    return (accept, target, message) => {
        if (links.isDerived(rule, target)) return;
        accept(rule.severity, message, { ...target, code: rule.id } as Parameters<ValidationAcceptor>[2]);
    };
}

/**
 * Registers every rule with Langium's ValidationRegistry: node rules through their own
 * ValidationChecks maps, workspace rules through one Model check that publishes the share of
 * the cached workspace findings that belongs to the document being validated.
 */
export function registerValidationChecks(services: MandateServices): void {
    const registry = services.validation.ValidationRegistry;
    const context = services.shared.mandate.RuleContext;
    const links = services.links.LinkFailures;
    // Built on the first ask, then read directly: through the services' stand-ins each of the 50,000 names of a large file paid two proxy calls.
    let keywords: GrammarKeywords | undefined;
    const syntax = { keywords: () => keywords ??= buildNow(services.syntax.GrammarKeywords) };
    for (const rule of RULES) {
        if (rule.scope === 'node') {
            registry.register<MandateAstType>(rule.checks(context, reporterFor(rule, links), syntax));
        }
    }
    const findings = services.shared.mandate.WorkspaceFindings;
    findings.excludeDerived((rule, finding) => links.isDerived(rule, finding));
    registry.register<MandateAstType>({
        Model: (model, accept) => {
            // What every document, the date and the disk say: never replayed (mandate-check-replay.ts); WorkspaceFindings keeps them per workspace state.
            noteVolatileRead();
            findings.acceptFor(AstUtils.getDocument(model).uri.toString(), accept);
        }
    });
    registerPolicyTestChecks(registry);
}
