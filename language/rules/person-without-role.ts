import { AstUtils, type LangiumDocument } from 'langium';
import { isGeneratedText } from '../import/people-file.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate, periodCovers } from '../util/dates.js';
import { holdsAnyRoleOn } from '../workspace/tenure.js';
import { describe } from './describe.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

export const personWithoutRole: WorkspaceRule = {
    id: IssueCodes.PersonWithoutRole,
    scope: 'workspace',
    category: 'continuity',
    severity: 'info',
    standards: ['ISO27001:A.5.2'],
    summary: 'An employee (a person with `employed since`, not yet left) holds no role and receives no delegation on the as-of date.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        const generated = new Map<LangiumDocument, boolean>();
        const isImported = (document: LangiumDocument) => generated.get(document)
            ?? generated.set(document, isGeneratedText(document.textDocument.getText().slice(0, 100))).get(document)!;
        for (const person of model.persons) {
            // People `mandate import` wrote are the whole staff, most of whom hold no security role:
            // their roles are assigned by hand, and the directory drift rules compare the rest.
            if (isImported(AstUtils.getDocument(person))) continue;
            // Employees only: people without `employed since` (non-executive directors, contractors) are not,
            // and neither are people who have not joined yet or have left (leavers are `leaver-holds-role`'s business).
            // An impossible date is `date-invalid`'s business.
            const { employedSince: since, employedUntil: until } = person;
            if (!person.name || since === undefined || !isValidIsoDate(since) || (until !== undefined && !isValidIsoDate(until))) continue;
            if (!periodCovers(asOf, since, until)) continue;
            if (holdsAnyRoleOn(model.assignmentsOfPerson(person), asOf)) continue;
            if (model.delegationsTo(person).some(delegation => periodCovers(asOf, delegation.since, delegation.until))) continue;
            findings.push({
                node: person,
                property: 'name',
                message: `${describe(person)} holds no role on ${asOf} and receives no delegation, so the policy gives them no security duties. `
                    + `Record the roles they hold, e.g. \`assign ${person.name} to <role> since <date> appointed by <party>\`, `
                    + 'or their leaving date with `employed since <date> until <date>`.'
            });
        }
        return findings;
    }
};
