import { AstUtils, type ValidationAcceptor } from 'langium';
import type { MandateAstType } from './generated/ast.js';
import type { MandateServices } from './mandate-module.js';
import { RULES } from './rules/index.js';
import type { MandateRule, RuleReporter } from './rules/rule.js';

function reporterFor(rule: MandateRule): RuleReporter {
    return (accept, target, message) =>
        accept(rule.severity, message, { ...target, code: rule.id } as Parameters<ValidationAcceptor>[2]);
}

/**
 * Registers every rule with Langium's ValidationRegistry: node rules through their own
 * ValidationChecks maps, workspace rules through one Model check that publishes the share of
 * the cached workspace findings that belongs to the document being validated.
 */
export function registerValidationChecks(services: MandateServices): void {
    const registry = services.validation.ValidationRegistry;
    const context = services.shared.mandate.RuleContext;
    for (const rule of RULES) {
        if (rule.scope === 'node') {
            registry.register<MandateAstType>(rule.checks(context, reporterFor(rule)));
        }
    }
    const findings = services.shared.mandate.WorkspaceFindings;
    registry.register<MandateAstType>({
        Model: (model, accept) => findings.acceptFor(AstUtils.getDocument(model).uri.toString(), accept)
    });
}
