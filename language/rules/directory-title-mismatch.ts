import { foldTitle } from '../config/directory-config.js';
import { recordText } from '../directory/directory-match.js';
import { directoryMissing, driftOf, holdingsOn, matchedPeople } from '../directory/drift-context.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { closestMatch } from '../util/did-you-mean.js';
import { isPresentOn } from '../workspace/tenure.js';
import { describe } from './describe.js';
import type { Person } from '../generated/ast.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/**
 * The directory's job title and the roles a person holds disagree, by the team's mapping of titles
 * to roles (`directory.titles` in mandate.config.json): a person holds a mapped role without a title
 * that goes with it, or has a mapped title without holding its role. Without a mapping titles are
 * not compared: no tool can guess which titles go with which roles.
 */
export const directoryTitleMismatch: WorkspaceRule = {
    id: IssueCodes.DirectoryTitleMismatch,
    scope: 'workspace',
    category: 'directory',
    severity: 'warning',
    standards: ['ISO27001:A.5.2'],
    summary: 'A person\'s job title in the directory disagrees with the roles they hold, by the title-to-role mapping of mandate.config.json.',
    fixable: false,
    missingInput: directoryMissing,
    findings(model, context) {
        const drift = driftOf(model, context);
        const titles = drift?.match.directory.config.titles;
        if (!drift || !titles || titles.size === 0) return [];
        const { asOf } = drift;
        // Which titles go with each mapped role, as the configuration writes them, for the messages.
        const titlesOf = new Map<string, string[]>();
        for (const { title, roles } of titles.values()) for (const role of roles) titlesOf.set(role, [...(titlesOf.get(role) ?? []), title]);
        // A mapped ID no role has (a typo, a role renamed) is said once, not as a missing appointment per person.
        const declared = new Set(model.roles.map(role => role.name));
        const undeclared = new Map<string, { person: Person; title: string }>();
        const findings: WorkspaceFinding[] = [];
        for (const { person, record } of matchedPeople(model, drift)) {
            if (record.title === undefined || !isPresentOn(person, asOf)) continue;
            const mapped = titles.get(foldTitle(record.title))?.roles ?? [];
            const holdings = holdingsOn(model, person, asOf);
            for (const { role, assignment } of holdings) {
                const expected = titlesOf.get(role.name);
                if (!expected || mapped.includes(role.name)) continue;
                findings.push({
                    node: assignment, property: 'role',
                    message: `${describe(person)} holds '${role.name}' on ${asOf}, but their directory title is "${record.title}" (${recordText(record)}); `
                        + `the title mapping gives '${role.name}' to ${expected.map(title => `"${title}"`).join(', ')}. Update the title in the directory, the assignment, or the mapping in mandate.config.json.`
                });
            }
            const held = new Set(holdings.map(holding => holding.role.name));
            for (const role of mapped.filter(name => !declared.has(name))) if (!undeclared.has(role)) undeclared.set(role, { person, title: record.title });
            for (const role of mapped.filter(name => !held.has(name) && declared.has(name))) {
                findings.push({
                    node: person, property: 'name',
                    message: `The directory gives ${describe(person)} the title "${record.title}" (${recordText(record)}), which the title mapping gives to '${role}', but they do not hold '${role}' on ${asOf}. `
                        + `Record the appointment (\`assign ${person.name} to ${role} since <date> appointed by <party>\`) or correct the title or the mapping.`
                });
            }
        }
        for (const [role, { person, title }] of undeclared) {
            const near = closestMatch(role, [...declared]);
            findings.push({
                node: person, property: 'name',
                message: `The title mapping in mandate.config.json gives "${title}", ${describe(person)}'s directory title, to '${role}', but no role is called '${role}', so holders of that title are not compared. `
                    + `Correct the role ID in \`directory.titles\`${near ? ` (did you mean '${near}'?)` : ''}, or declare the role.`
            });
        }
        return findings;
    }
};
