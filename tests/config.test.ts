import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../language/config/config-schema.js';
import { lineAndColumn, parseConfig } from '../language/config/mandate-config.js';
import { RULES, RULES_BY_ID } from '../language/rules/index.js';

function problems(text: string): string[] {
    return parseConfig(text, RULES_BY_ID).problems.map(problem => {
        const { line, column } = lineAndColumn(text, problem.offset);
        return `${line}:${column} ${problem.message}`;
    });
}

describe('mandate.config.json', () => {
    it('reads severities as strings or objects, and comments', () => {
        const parsed = parseConfig('// team settings\n{ "rules": { "date-in-future": "off", "assignment-not-communicated": { "severity": "error" } } }', RULES_BY_ID);
        expect(parsed.problems).toEqual([]);
        expect(parsed.config.rules.get('date-in-future')?.severity).toBe('off');
        expect(parsed.config.rules.get('assignment-not-communicated')?.severity).toBe('error');
    });

    it('reports every problem with its position, and keeps what is valid', () => {
        const text = '{\n  "rules": {\n    "no-such-rule": "off",\n    "ciso-vacant": "loud",\n    "date-in-future": { "severity": "info", "days": 3 }\n  },\n  "asOf": "2025-01-01"\n}';
        expect(problems(text)).toEqual([
            "7:3 Unknown setting 'asOf'; the configuration has \"rules\", \"catalogues\", \"directory\" and \"$schema\".",
            "3:5 Unknown rule 'no-such-rule'. Run `mandate rules` to list the rule IDs.",
            "4:20 'loud' is not a severity; use error, warning, info, off.",
            "5:45 Rule 'date-in-future' has no option 'days'."
        ]);
        expect(parseConfig(text, RULES_BY_ID).config.rules.get('date-in-future')?.severity).toBe('info');
    });

    it('suggests the closest rule ID for a misspelt one, as it does for an option', () => {
        expect(problems('{ "rules": { "leaver-holds-roles": "off" } }')).toEqual(["1:14 Unknown rule 'leaver-holds-roles'. Did you mean 'leaver-holds-role'? Run `mandate rules` to list the rule IDs."]);
    });

    it('reports broken JSON instead of throwing', () => {
        expect(problems('{ "rules": { ')).toEqual(expect.arrayContaining([expect.stringMatching(/^1:\d+ Invalid JSON: /)]));
        expect(problems('[]')).toEqual(['1:1 The configuration must be a JSON object with a "rules" member.']);
        expect(problems('')).toEqual(expect.arrayContaining([expect.stringMatching(/Invalid JSON/)]));
    });

    it('checks rule options against their declared type and minimum', () => {
        const optioned = RULES.find(rule => rule.options && Object.keys(rule.options).length > 0);
        if (!optioned) return; // no rule declares options yet
        const [name, option] = Object.entries(optioned.options!)[0];
        expect(problems(`{ "rules": { "${optioned.id}": { "${name}": ${option.minimum - 1} } } }`)[0]).toMatch(/must be a whole number of at least/);
        expect(parseConfig(`{ "rules": { "${optioned.id}": { "${name}": ${option.minimum + 1} } } }`, RULES_BY_ID).config.rules.get(optioned.id)?.options[name]).toBe(option.minimum + 1);
    });
});

describe('the JSON Schema of mandate.config.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(configSchema(RULES));

    it('lists every rule and accepts what the parser accepts', () => {
        const schema = configSchema(RULES) as { properties: { rules: { properties: Record<string, unknown> } } };
        expect(Object.keys(schema.properties.rules.properties)).toEqual(RULES.map(rule => rule.id));
        expect(validate({ rules: { 'date-in-future': 'off', 'ciso-vacant': { severity: 'warning' } } })).toBe(true);
    });

    it('rejects what the parser rejects', () => {
        expect(validate({ rules: { 'no-such-rule': 'off' } })).toBe(false);
        expect(validate({ rules: { 'ciso-vacant': 'loud' } })).toBe(false);
        expect(validate({ asOf: '2025-01-01' })).toBe(false);
    });
});
