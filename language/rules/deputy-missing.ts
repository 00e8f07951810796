import type { Person, Role } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';
import { vacancyHistory } from './role-vacant.js';

/**
 * A role that `requires deputy` has nobody to stand in: it names no deputy role, names itself,
 * the deputy role is vacant on the as-of date, or it is held only by the people it should cover.
 */
export const deputyMissing: WorkspaceRule = {
    id: IssueCodes.DeputyMissing,
    scope: 'workspace',
    readsPresence: 'through holdings',
    category: 'continuity',
    severity: 'warning',
    standards: ['ISO27001:A.5.2', 'NIST-CSF:GV.RR-03', 'SOC2:CC1.3'],
    summary: 'A role that `requires deputy` names no deputy role, or nobody else holds its deputy role on the as-of date.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        const appoint = (role: Role) => `\`assign <person> to ${role.name} since <date>${model.appointedByHint}\``;
        for (const role of model.roles) {
            if (!role.deputyRequired) continue;
            if (!role.deputy) {
                findings.push({
                    node: role,
                    property: 'deputyRequired',
                    message: `The role '${role.name}' requires a deputy but names none. `
                        + `Add \`deputy <role>\` to '${role.name}', naming the role whose holder stands in when its holder is absent.`
                });
                continue;
            }
            const deputy = role.deputy.ref;
            if (!deputy) continue; // unresolved: the linker reports it
            if (deputy === role) {
                findings.push({
                    node: role,
                    property: 'deputy',
                    message: `The role '${role.name}' names itself as its deputy, so nobody stands in when its holder is absent. `
                        + `Name another role with \`deputy <role>\`.`
                });
                continue;
            }
            const holders = new Set<Person>(model.holdersOn(role, asOf).flatMap(assignment => assignment.person?.ref ? [assignment.person.ref] : []));
            const deputies = model.holdersOn(deputy, asOf).flatMap(assignment => assignment.person?.ref ? [assignment.person.ref] : []);
            if (deputies.length === 0) {
                findings.push({
                    node: role,
                    property: 'deputy',
                    message: `Nobody holds '${deputy.name}', the deputy role of '${role.name}', on ${asOf}.${vacancyHistory(model, deputy, asOf)} `
                        + `Record the deputy with ${appoint(deputy)}, or name a deputy role that is held.`
                });
            } else if (deputies.every(person => holders.has(person))) {
                const names = [...new Set(deputies.map(person => person.name))];
                findings.push({
                    node: role,
                    property: 'deputy',
                    message: `'${deputy.name}', the deputy role of '${role.name}', is held on ${asOf} only by ${names.join(', ')}, `
                        + `who also ${names.length === 1 ? 'holds' : 'hold'} '${role.name}', `
                        + `so nobody else can stand in. Appoint someone else to '${deputy.name}', or name another deputy role.`
                });
            }
        }
        return findings;
    }
};
