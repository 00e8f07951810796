import { catalogueSchema } from '../../language/config/catalogue-schema.js';
import { configSchema } from '../../language/config/config-schema.js';
import { RULES } from '../../language/rules/index.js';
import { isEnabledByDefault } from '../../language/rules/rule.js';
import { write } from '../output.js';

export interface RulesFlags {
    format: 'text' | 'json';
}

/** The rule catalogue: what each rule checks, how severe it is by default, and which standards it evidences. */
export async function runRules(flags: RulesFlags): Promise<number> {
    const rules = RULES.map(rule => ({
        id: rule.id,
        category: rule.category,
        severity: rule.severity,
        // An opt-in rule reports at `severity` only once mandate.config.json enables it.
        enabledByDefault: isEnabledByDefault(rule),
        standards: [...rule.standards],
        fixable: rule.fixable,
        summary: rule.summary,
        options: Object.fromEntries(Object.entries(rule.options ?? {}).map(([name, option]) => [name, { default: option.default, description: option.description }])),
        docs: `docs/rules/${rule.id}.md`
    }));
    if (flags.format === 'json') {
        await write(process.stdout, `${JSON.stringify(rules, null, 2)}\n`);
        return 0;
    }
    const width = Math.max(...rules.map(rule => rule.id.length));
    const lines = rules.map(rule => {
        const standards = rule.standards.length > 0 ? `  [${rule.standards.join(', ')}]` : '';
        const severity = rule.enabledByDefault ? rule.severity : 'off';
        const optIn = rule.enabledByDefault ? '' : ` Off by default; give it a severity in mandate.config.json to enable it (${rule.severity} when enabled).`;
        return `${rule.id.padEnd(width)}  ${severity.padEnd(7)}  ${rule.category.padEnd(15)}  ${rule.summary}${optIn}${standards}`;
    });
    await write(process.stdout, `${lines.join('\n')}\n${rules.length} rules; set severities and options in mandate.config.json.\n`);
    return 0;
}

/** The JSON Schema of mandate.config.json, for editors and CI linters. */
/** `--catalogue`: the schema of a catalogue file instead of mandate.config.json's. */
export async function runConfigSchema(flags: { catalogue?: boolean } = {}): Promise<number> {
    const schema = flags.catalogue ? catalogueSchema() : configSchema(RULES);
    await write(process.stdout, `${JSON.stringify(schema, null, 2)}\n`);
    return 0;
}
