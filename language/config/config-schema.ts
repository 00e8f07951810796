import { defaultSeverityText, isEnabledByDefault, type MandateRule } from '../rules/rule.js';
import { directoryConfigSchema } from './directory-config.js';
import { CONFIG_FILE_NAME } from './mandate-config.js';

/**
 * The JSON Schema of mandate.config.json, generated from the rule registry so it always lists
 * exactly the rules and options the engine knows. The editor uses it for completion and
 * validation of the file (package.json contributes it through `jsonValidation`).
 */
export function configSchema(rules: readonly MandateRule[]): object {
    const severity = { enum: ['error', 'warning', 'info', 'off'], description: 'How the rule reports: error, warning, info, or off to disable it.' };
    const properties: Record<string, object> = {};
    for (const rule of rules) {
        const options: Record<string, object> = {};
        for (const [name, option] of Object.entries(rule.options ?? {})) {
            options[name] = { type: 'integer', minimum: option.minimum, default: option.default, description: option.description };
        }
        properties[rule.id] = {
            description: isEnabledByDefault(rule)
                ? `${rule.summary} Default severity: ${rule.severity}.`
                : `${rule.summary} Default severity: ${defaultSeverityText(rule)}; set a severity to enable it.`,
            anyOf: [
                severity,
                { type: 'object', properties: { severity, ...options }, additionalProperties: false }
            ]
        };
    }
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: CONFIG_FILE_NAME,
        description: 'Mandate project configuration: per-rule severity and options, and the catalogue files of the organization\'s own frameworks. Keep it at the workspace root.',
        type: 'object',
        properties: {
            $schema: { type: 'string' },
            rules: { type: 'object', description: 'Settings per rule ID.', properties, additionalProperties: false },
            catalogues: {
                type: 'array',
                description: 'Catalogue files of the organization\'s own frameworks, relative to this file\'s folder (the workspace folder), e.g. "controls/acme-controls.json".',
                items: { type: 'string', minLength: 1 }
            },
            directory: directoryConfigSchema()
        },
        additionalProperties: false
    };
}
