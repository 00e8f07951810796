import { CLAUSE_FORM, FRAMEWORK_PREFIX_FORM } from '../standards/requirement-id.js';

/**
 * The JSON Schema of a catalogue file (catalogue-file.ts reads it). The editor validates and
 * completes catalogue files with it (package.json `jsonValidation`, out/mandate.catalogue.schema.json);
 * the forms of prefixes and clauses are the ones the parser and the grammar use. What a schema
 * cannot say (a prefix of a built-in framework, an ID given twice, an unknown parent) the parser
 * reports with its position.
 */
export function catalogueSchema(): object {
    const description = { type: 'string', description: 'What it means for the organization, in a sentence or two.' };
    const requirement = {
        type: 'object',
        description: 'One requirement (control) of the framework.',
        required: ['id', 'title'],
        properties: {
            id: {
                type: 'string', pattern: CLAUSE_FORM.source,
                description: 'The clause, without the prefix: "AC-01" in a framework with prefix ACME is cited as ACME:AC-01.'
            },
            title: { type: 'string', minLength: 1, description: 'A short title, shown in hovers, completion and the report.' },
            parent: {
                type: 'string', pattern: CLAUSE_FORM.source,
                description: 'The clause of the requirement this one is an item of, in the same framework; the report rolls items up into it.'
            },
            description
        },
        additionalProperties: false
    };
    const framework = {
        type: 'object',
        description: 'A framework of the organization\'s own, cited like a built-in one.',
        required: ['prefix', 'name', 'requirements'],
        properties: {
            prefix: {
                type: 'string', pattern: FRAMEWORK_PREFIX_FORM.source,
                description: 'What policies write before the colon, e.g. ACME in ACME:AC-01. It must not be a built-in framework\'s prefix.'
            },
            name: { type: 'string', minLength: 1, description: 'The framework\'s name, e.g. "Acme Security Controls".' },
            description,
            requirements: { type: 'array', items: requirement, description: 'The requirements, each ID once.' }
        },
        additionalProperties: false
    };
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Mandate catalogue file',
        description: 'An organization\'s own frameworks and requirements. Name the file in "catalogues" of mandate.config.json.',
        type: 'object',
        required: ['frameworks'],
        properties: {
            $schema: { type: 'string' },
            frameworks: { type: 'array', items: framework }
        },
        additionalProperties: false
    };
}
