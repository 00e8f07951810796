import { AstUtils, type ValidationAcceptor, type ValidationChecks, type ValidationRegistry } from 'langium';
import { isModel, type AppointersExpectation, type HoldersExpectation, type MandateAstType, type PerformersExpectation, type PolicyTest, type WhatIf } from '../generated/ast.js';
import { LINKING_ERROR_CODE } from '../mandate-issue-codes.js';
import { findRule } from '../rules/index.js';
import { BUILT_IN_CATALOGUE } from '../standards/requirement-catalogue.js';
import { unknownRequirementMessage } from '../standards/unknown-requirement.js';
import { baseNameOf } from '../workspace/file-label.js';

/** The code of a test that cannot run as written; it is not a rule of the policy (no suppression, no status). */
export const POLICY_TEST_INVALID = 'policy-test-invalid';

export const REQUIREMENT_STATUSES = ['met', 'partly-met', 'not-met', 'not-applicable'] as const;

/** Codes a `finding` expectation may name besides the rules: what `mandate check` also reports. */
export const FINDING_ENGINE_CODES: ReadonlySet<string> = new Set(['parsing-error', 'lexing-error', LINKING_ERROR_CODE]);

type SetExpectation = HoldersExpectation | PerformersExpectation | AppointersExpectation;

function checkSet(node: SetExpectation, accept: ValidationAcceptor): void {
    if (node.nobody && node.match && node.match !== 'are') {
        accept('error', `\`${node.match} nobody\` states nothing; write \`are nobody\` for an empty answer, or name the people.`,
            { node, property: 'nobody', code: POLICY_TEST_INVALID });
    }
    // A name written twice (`are carol, carol`) is almost always another name mistyped; the set would hide it.
    const what = node.$type === 'AppointersExpectation' ? 'person or appointing body' : 'person';
    const report = (name: string, index: number) => {
        const message = `'${name}' is named twice in this expectation: name each ${what} once, and check that no other name was meant.`;
        if (node.$type === 'AppointersExpectation') accept('error', message, { node, property: 'grantees', index, code: POLICY_TEST_INVALID });
        else accept('error', message, { node, property: 'people', index, code: POLICY_TEST_INVALID });
    };
    const seen = new Set<string>();
    (node.$type === 'AppointersExpectation' ? node.grantees : node.people).forEach((reference, index) => {
        const name = reference.$refText;
        if (name && seen.has(name)) report(name, index);
        seen.add(name);
    });
}

/**
 * Results name tests by title, so two of one title in a file read alike. A warning, not an error:
 * the test still runs, and the editor's Testing view tells them apart (`#2`, mandate-test-requests.ts).
 */
function checkTitle(node: PolicyTest, accept: ValidationAcceptor): void {
    if (node.title === undefined || !isModel(node.$container)) return;
    const first = node.$container.tests.find(test => test.title === node.title);
    if (!first || first === node || !first.$cstNode) return;
    const document = AstUtils.getDocument(node);
    // `file:line`, as messages name places: an edit that moves the line re-validates the file (keep-tree.ts).
    const place = `${baseNameOf(document.uri)}:${first.$cstNode.range.start.line + 1}`;
    accept('warning', `The test at ${place} is also titled "${node.title}": give each test of a file its own title, so that results name one test.`, {
        node, property: 'title', code: POLICY_TEST_INVALID,
        relatedInformation: [{ location: { uri: document.uri.toString(), range: first.$cstNode.range }, message: `the first test titled "${node.title}"` }]
    });
}

const checks: ValidationChecks<MandateAstType> = {
    FindingExpectation: (node, accept) => {
        if (node.rule && !findRule(node.rule) && !FINDING_ENGINE_CODES.has(node.rule)) {
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
        // A built-in framework's IDs are known without the workspace (no policy or catalogue file may redefine its prefix:
        // framework-invalid), so a misspelt one is the test's error as the author types it, with requirement-unknown's hint.
        // An organization's own IDs are judged when the test runs, against the workspace's catalogue.
        const id = node.requirement;
        const prefix = id?.slice(0, id.indexOf(':'));
        if (id && prefix && BUILT_IN_CATALOGUE.frameworks.some(framework => framework.prefix === prefix) && !BUILT_IN_CATALOGUE.find(id)) {
            accept('error', unknownRequirementMessage(BUILT_IN_CATALOGUE, id), { node, property: 'requirement', code: POLICY_TEST_INVALID });
        }
    },
    PolicyTest: checkTitle,
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
