import type { ValidationAcceptor, ValidationChecks, ValidationRegistry } from 'langium';
import type { AppointersExpectation, HoldersExpectation, MandateAstType, PerformersExpectation, WhatIf } from '../generated/ast.js';
import { LINKING_ERROR_CODE } from '../mandate-issue-codes.js';
import { findRule } from '../rules/index.js';

/** The code of a test that cannot run as written; it is not a rule of the policy (no suppression, no status). */
export const POLICY_TEST_INVALID = 'policy-test-invalid';

export const REQUIREMENT_STATUSES = ['met', 'partly-met', 'not-met', 'not-applicable'] as const;

/** Codes a `finding` expectation may name besides the rules: what `mandate check` also reports. */
const ENGINE_CODES = new Set(['parsing-error', 'lexing-error', LINKING_ERROR_CODE]);

type SetExpectation = HoldersExpectation | PerformersExpectation | AppointersExpectation;

function checkSet(node: SetExpectation, accept: ValidationAcceptor): void {
    if (node.nobody && node.match && node.match !== 'are') {
        accept('error', `\`${node.match} nobody\` states nothing; write \`are nobody\` for an empty answer, or name the people.`,
            { node, property: 'nobody', code: POLICY_TEST_INVALID });
    }
}

const checks: ValidationChecks<MandateAstType> = {
    FindingExpectation: (node, accept) => {
        if (node.rule && !findRule(node.rule) && !ENGINE_CODES.has(node.rule)) {
            accept('error', `There is no rule '${node.rule}'; \`mandate rules\` lists the rule IDs.`,
                { node, property: 'rule', code: POLICY_TEST_INVALID });
        }
        if (node.line !== undefined && node.line < 1) {
            accept('error', 'Lines are counted from 1.', { node, property: 'line', code: POLICY_TEST_INVALID });
        }
    },
    StatusExpectation: (node, accept) => {
        if (node.status && !(REQUIREMENT_STATUSES as readonly string[]).includes(node.status)) {
            accept('error', `'${node.status}' is not a requirement status; use one of ${REQUIREMENT_STATUSES.join(', ')}.`,
                { node, property: 'status', code: POLICY_TEST_INVALID });
        }
    },
    HoldersExpectation: checkSet,
    PerformersExpectation: checkSet,
    AppointersExpectation: checkSet,
    WhatIf: (node: WhatIf, accept) => {
        for (const expectation of node.expectations) {
            if (expectation.$type === 'FindingExpectation' || expectation.$type === 'NoFindingsExpectation' || expectation.$type === 'StatusExpectation') continue;
            accept('error', 'A what-if block states the findings and requirement statuses after the person leaves; '
                + 'state holders and entitlements outside it, on a date after they leave.', { node: expectation, code: POLICY_TEST_INVALID });
        }
    }
};

/** Test expectations are checked like policy: in the editor as they are typed, and by `mandate check`. */
export function registerPolicyTestChecks(registry: ValidationRegistry): void {
    registry.register<MandateAstType>(checks);
}
