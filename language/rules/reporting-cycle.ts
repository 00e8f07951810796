import type { Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { propertiesRead } from './properties-read.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * Reporting lines that go round in a circle (`reports to` itself, or a role two or more steps up
 * reporting back down): the line never reaches the top, so nobody above the circle answers for it.
 * Each role reports to at most one, so the lines form chains, and a walk that meets a role of its own
 * walk has found a circle: every role is walked once, in declaration order, and each circle is
 * reported once, on the first of its roles the policy declares.
 */
export const reportingCycle: WorkspaceRule = {
    id: IssueCodes.ReportingCycle,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: ['SOC2:CC1.3', 'ISO27001:A.5.2'],
    summary: 'Roles\' `reports to` lines go round in a circle, so the reporting line never reaches the top.',
    fixable: false,
    // Only the reporting lines: an edit to anything else (a date, a title) carries the findings over.
    readsOf: propertiesRead({ Role: ['reportsTo'] }),
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        const order = new Map(model.roles.map((role, index) => [role, index]));
        // 0: not walked; a walk's own number while on it; -1 when done.
        const walk = new Map<Role, number>();
        model.roles.forEach((start, number) => {
            const path: Role[] = [];
            let role: Role | undefined = start;
            while (role && !walk.has(role)) {
                walk.set(role, number);
                path.push(role);
                role = role.reportsTo?.ref;
            }
            if (role && walk.get(role) === number) {
                const circle = path.slice(path.indexOf(role));
                const first = circle.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
                findings.push(circleFinding(model.locationOf.bind(model), [...circle.slice(circle.indexOf(first)), ...circle.slice(0, circle.indexOf(first))]));
            }
            for (const walked of path) walk.set(walked, -1);
        });
        return findings;
    }
};

/** The finding on the `reports to` of the circle's first role, naming the rest in order, with their places. */
function circleFinding(locationOf: (role: Role) => string, circle: readonly Role[]): WorkspaceFinding {
    const [first, ...rest] = circle;
    const line = rest.length === 0
        ? `'${first.name}' reports to itself`
        : `'${first.name}' reports to ${rest.map((role, index) => `'${role.name}' (${locationOf(role)})${index < rest.length - 1 ? ', which reports to' : ''}`).join(' ')}, which reports back to '${first.name}'`;
    return {
        node: first,
        property: 'reportsTo',
        message: rest.length === 0
            ? `${line}: the reporting line goes round in a circle and never reaches the top, so nobody above it answers for this role. Make it report to another role, or to top management.`
            : `${line}: the reporting line goes round in a circle and never reaches the top, so nobody above it answers for these roles. `
                + 'Make one of them report to a role outside the circle, or to top management.',
        related: rest.map(role => ({ node: role, message: `'${role.name}' is in the circle` }))
    };
}
