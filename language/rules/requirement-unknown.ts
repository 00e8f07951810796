import type { ValidationAcceptor } from 'langium';
import type { Authority, Responsibility, Training } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { findRequirement, suggestRequirement } from '../standards/requirements.js';
import type { NodeRule, RuleReporter } from './rule.js';

function checkRequirements(report: RuleReporter) {
    return (node: Responsibility | Authority | Training, accept: ValidationAcceptor) => {
        node.requirements.forEach((id, index) => {
            if (findRequirement(id)) return;
            const suggestion = suggestRequirement(id);
            const hint = suggestion
                ? `Did you mean ${suggestion.id} (${suggestion.title})?`
                : 'Use completion after `satisfies` to pick an ID from the catalogue.';
            report(accept, { node, property: 'requirements', index },
                `'${id}' is not a requirement in the standards catalogue. ${hint}`);
        });
    };
}

export const requirementUnknown: NodeRule = {
    id: IssueCodes.RequirementUnknown,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'A `satisfies` clause names a requirement that is not in the standards catalogue.',
    fixable: true,
    checks: (_context, report) => {
        const check = checkRequirements(report);
        return { Responsibility: check, Authority: check, Training: check };
    }
};
