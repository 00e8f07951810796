import type { Framework, Requirement } from '../../language/standards/catalogue.js';
import type { RequirementCatalogue } from '../../language/standards/requirement-catalogue.js';
import { InputError } from '../files.js';
import { loadWorkspace } from '../load.js';
import { EXIT_ERRORS, write } from '../output.js';

export interface CatalogueFlags {
    format: 'text' | 'json';
    framework?: string;
    config?: string;
    followSymlinks?: boolean;
}

type Origin = 'built-in' | 'policy' | 'catalogue-file';

const ORIGIN_TEXT: Record<Origin, string> = {
    'built-in': 'built-in',
    policy: 'declared in the policy',
    'catalogue-file': 'from a catalogue file'
};

/**
 * The requirements a policy in this folder can cite: the built-in frameworks and the
 * organization's own (declared in the policy or in catalogue files named in mandate.config.json),
 * read the way `check` reads the folder. A folder without policy lists what is built in.
 */
export async function runCatalogue(paths: string[], flags: CatalogueFlags): Promise<number> {
    const { checked, internalErrors } = await loadWorkspace(paths, { config: flags.config, allowNoPolicy: true, followSymlinks: flags.followSymlinks });
    const catalogue = checked.services.shared.mandate.WorkspaceModel.get().catalogue;
    const frameworks = flags.framework === undefined ? catalogue.frameworks : [chosenFramework(catalogue, flags.framework)];
    const listed = frameworks.map((framework): Listed => ({ framework, origin: framework.origin ?? 'built-in', requirements: catalogue.requirementsOf(framework.prefix) }));
    await write(process.stdout, flags.format === 'json' ? asJson(listed) : asText(listed));
    if (internalErrors.length > 0) {
        await write(process.stderr, `mandate: internal error while reading the policy, the catalogue may be incomplete: ${internalErrors[0]}\n`);
        return EXIT_ERRORS;
    }
    return 0;
}

/** `--framework` names a prefix exactly, or in another case (`iso27001`) when that is unambiguous. */
function chosenFramework(catalogue: RequirementCatalogue, wanted: string): Framework {
    const exact = catalogue.framework(wanted);
    if (exact) return exact;
    const sameLetters = catalogue.frameworks.filter(framework => framework.prefix.toUpperCase() === wanted.toUpperCase());
    if (sameLetters.length === 1) return sameLetters[0];
    const known = catalogue.frameworks.map(framework => framework.prefix).join(', ');
    throw new InputError(`unknown framework '${wanted}' for --framework; the catalogue has ${known}`);
}

interface Listed {
    readonly framework: Framework;
    readonly origin: Origin;
    readonly requirements: readonly Requirement[];
}

function asJson(listed: readonly Listed[]): string {
    const frameworks = listed.map(({ framework, origin, requirements }) => ({
        prefix: framework.prefix,
        name: framework.name,
        origin,
        requirements: requirements.map(requirement => ({
            id: requirement.id, clause: requirement.clause, title: requirement.title,
            ...(requirement.parent !== undefined ? { parent: requirement.parent } : {})
        }))
    }));
    return `${JSON.stringify({ frameworks }, null, 2)}\n`;
}

/** One block per framework; an item is indented under the clause it belongs to (5.3(a) under 5.3). */
function asText(listed: readonly Listed[]): string {
    const blocks = listed.map(({ framework, origin, requirements }) => {
        const depth = new Map<string, number>();
        const indented = requirements.map(requirement => {
            const level = requirement.parent === undefined ? 0 : (depth.get(requirement.parent) ?? 0) + 1;
            depth.set(requirement.id, level);
            return { label: `${'  '.repeat(level + 1)}${requirement.id}`, title: requirement.title };
        });
        const width = Math.max(0, ...indented.map(line => line.label.length));
        const count = `${requirements.length} requirement${requirements.length === 1 ? '' : 's'}`;
        const heading = `${framework.prefix}  ${framework.name} (${ORIGIN_TEXT[origin]}, ${count})`;
        return [heading, ...indented.map(line => `${line.label.padEnd(width)}  ${line.title}`)].join('\n');
    });
    const total = listed.reduce((sum, { requirements }) => sum + requirements.length, 0);
    const summary = `${listed.length} framework${listed.length === 1 ? '' : 's'}, ${total} requirement${total === 1 ? '' : 's'}; `
        + 'cite one with `satisfies PREFIX:CLAUSE`.';
    return `${[...blocks, summary].join('\n\n')}\n`;
}
