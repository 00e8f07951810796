/** The `directory` member of mandate.config.json (issue 14): parsed with positions, valid parts kept, and in the generated schema. */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../language/config/config-schema.js';
import { parseConfig } from '../language/config/mandate-config.js';
import { RULES, RULES_BY_ID } from '../language/rules/index.js';

const FULL = {
    directory: {
        source: 'hr/people.csv', format: 'csv', preset: 'bamboohr', delimiter: ';',
        mapping: { columns: { title: ['Position'] }, dateOrder: 'dmy' },
        titles: { 'Chief  Information Security Officer': 'ciso', 'ISMS Manager': ['isms-manager', 'isms-deputy'] }
    }
};

describe('directory configuration', () => {
    it('reads every setting, with the titles folded for comparison and kept as written for messages', () => {
        const { config, problems } = parseConfig(JSON.stringify(FULL), RULES_BY_ID);
        expect(problems).toEqual([]);
        const directory = config.directory!;
        expect(directory.source.path).toBe('hr/people.csv');
        expect(directory.settings).toEqual({ format: 'csv', preset: 'bamboohr', delimiter: ';', mapping: { columns: { title: ['Position'] }, dateOrder: 'dmy' } });
        expect([...directory.titles!.entries()]).toEqual([
            ['chief information security officer', { title: 'Chief  Information Security Officer', roles: ['ciso'] }],
            ['isms manager', { title: 'ISMS Manager', roles: ['isms-manager', 'isms-deputy'] }]
        ]);
    });

    it('gives each problem its position and keeps the valid settings', () => {
        const text = '{ "directory": { "source": "hr/people.csv", "preset": "sap", "format": "xlsx", "titles": { "CISO": 3 } } }';
        const { config, problems } = parseConfig(text, RULES_BY_ID);
        expect(problems.map(problem => [text.slice(problem.offset, problem.offset + problem.length), problem.message.split(';')[0]])).toEqual([
            ['"sap"', 'Unknown preset \'sap\''],
            ['"xlsx"', '"format" must be "csv" or "scim"'],
            ['3', 'Map the job title \'CISO\' to a role ID or a list of them, e.g. "ciso" or ["ciso", "isms-manager"].']
        ]);
        expect(config.directory?.source.path).toBe('hr/people.csv');
        expect(config.directory?.titles?.size).toBe(0);
    });

    it('needs a source', () => {
        const { config, problems } = parseConfig('{ "directory": { "preset": "bamboohr" } }', RULES_BY_ID);
        expect(config.directory).toBeUndefined();
        expect(problems.map(problem => problem.message)).toEqual([expect.stringMatching(/^"directory" needs a "source"/)]);
    });

    it('is in the generated schema, which accepts a full example and rejects an unknown setting', () => {
        const validate = new Ajv({ strict: false }).compile(configSchema(RULES));
        expect(validate(FULL), JSON.stringify(validate.errors)).toBe(true);
        expect(validate({ directory: { source: 'hr/people.csv', sheet: 1 } })).toBe(false);
        expect(validate({ directory: { preset: 'bamboohr' } })).toBe(false);
    });
});
