import type { CustomFramework } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { BUILT_IN_FRAMEWORKS } from '../standards/catalogue.js';
import { FRAMEWORK_PREFIX_FORM, FRAMEWORK_PREFIX_HINT, REQUIREMENT_ID_FORM } from '../standards/requirement-id.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

const BUILT_IN_NAMES = new Map(BUILT_IN_FRAMEWORKS.map(framework => [framework.prefix, framework.name]));

/**
 * An organization's own framework must be citable and defined once. Whether a prefix is taken
 * depends on the other files and on the catalogue files in mandate.config.json, so this runs on the
 * workspace snapshot. The first definition applies (built-in, then catalogue files, then the policy
 * in file order; see WorkspaceModel.catalogue), and each later one is reported here. Catalogue
 * files are checked when they are read (config/catalogue-loader.ts), with positions in the file.
 */
export const frameworkInvalid: WorkspaceRule = {
    id: IssueCodes.FrameworkInvalid,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'A `framework` declaration redefines a framework, or has a requirement ID that no policy could cite under it.',
    fixable: false,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        const fromFiles = new Map(model.catalogueFiles.map(framework => [framework.prefix, framework.source ?? 'a catalogue file']));
        const declared = new Map<string, CustomFramework>();
        for (const framework of model.customFrameworks) {
            const prefix = framework.prefix;
            if (!prefix) continue;
            const citable = FRAMEWORK_PREFIX_FORM.test(prefix);
            const builtIn = BUILT_IN_NAMES.get(prefix);
            const file = fromFiles.get(prefix);
            const earlier = declared.get(prefix);
            const message = !citable
                ? `'${prefix}' cannot prefix a requirement ID, so nothing could cite this framework: ${FRAMEWORK_PREFIX_HINT}.`
                : builtIn !== undefined
                    ? `'${prefix}' is the built-in framework ${builtIn}; give your own framework a prefix of its own, e.g. ACME or ACME-SEC.`
                    : file !== undefined
                        ? `Framework '${prefix}' is already defined in ${file} (named in mandate.config.json); a framework is defined once, so merge the two or give this one another prefix.`
                        : earlier
                            ? `Framework '${prefix}' is already declared at ${model.locationOf(earlier)}; a framework is declared once, so merge the two or give this one another prefix.`
                            : undefined;
            // Only the last message names another declaration's place.
            const related = citable && builtIn === undefined && file === undefined && earlier ? [{ node: earlier, message: `Framework '${prefix}' is declared here first` }] : undefined;
            if (message) findings.push({ node: framework, property: 'prefix', message, ...(related ? { related } : {}) });
            if (citable && builtIn === undefined && file === undefined && !earlier) declared.set(prefix, framework);
            if (citable) findings.push(...requirementFindings(framework, prefix));
        }
        return findings;
    }
};

/** Each requirement ID starts with its framework's prefix, has the REQUIREMENT form, and is declared once. */
function requirementFindings(framework: CustomFramework, prefix: string): WorkspaceFinding[] {
    const findings: WorkspaceFinding[] = [];
    const seen = new Set<string>();
    for (const requirement of framework.requirements) {
        const id = requirement.id;
        if (!id) continue;
        const clause = id.slice(id.indexOf(':') + 1);
        const message = !id.startsWith(`${prefix}:`)
            ? `'${id}' does not belong to framework ${prefix}: its ID must start with '${prefix}:', e.g. ${prefix}:${clause}.`
            : !REQUIREMENT_ID_FORM.test(id)
                ? `'${id}' is not a requirement ID a policy can cite; write it as ${prefix}:CLAUSE, e.g. ${prefix}:AC-01.`
                : seen.has(id)
                    ? `${id} is declared twice in framework ${prefix}; give each requirement its own ID.`
                    : undefined;
        if (message) findings.push({ node: requirement, property: 'id', message });
        seen.add(id);
    }
    return findings;
}
