import type { ColumnMapping } from './column-mapping.js';

/**
 * Column mappings for the exports HR systems and identity providers produce out of the box. The
 * header names are those of each product's standard people export (several spellings where the
 * product has changed them); a team whose export differs sets `directory.mapping` in
 * mandate.config.json. A new preset: add it here, a fixture in tests/fixtures/import/, and a row in
 * the README's preset table (tests/import-presets.test.ts reads all three).
 */
export const PRESETS: Readonly<Record<string, { readonly label: string; readonly mapping: ColumnMapping }>> = {
    bamboohr: {
        label: 'BambooHR',
        mapping: {
            columns: {
                employeeNumber: ['Employee #', 'Employee ID', 'EEID'],
                name: ['Display Name', 'Preferred Full Name'],
                givenName: ['First Name'], familyName: ['Last Name'],
                email: ['Work Email', 'Email'], title: ['Job Title'], department: ['Department'],
                manager: ['Supervisor Email', 'Supervisor EID', 'Reporting to', 'Supervisor'],
                start: ['Hire Date', 'Original Hire Date'], end: ['Termination Date'], status: ['Status', 'Employment Status']
            },
            activeValues: ['active'],
            dateOrder: 'mdy'
        }
    },
    personio: {
        label: 'Personio',
        mapping: {
            columns: {
                employeeNumber: ['ID', 'Employee ID'], givenName: ['First name'], familyName: ['Last name'],
                email: ['Email'], title: ['Position', 'Job title'], department: ['Department'],
                manager: ['Supervisor email', 'Supervisor'], start: ['Hire date'], end: ['Termination date'], status: ['Status']
            },
            activeValues: ['active', 'onboarding', 'leave'],
            dateOrder: 'dmy'
        }
    },
    hibob: {
        label: 'HiBob',
        mapping: {
            columns: {
                employeeNumber: ['Employee ID'], name: ['Display name'], givenName: ['First name'], familyName: ['Last name'],
                email: ['Email'], title: ['Job title'], department: ['Department'],
                manager: ['Reports to email', 'Reports to'], start: ['Start date'], end: ['Termination date'], status: ['Lifecycle status']
            },
            activeValues: ['employed', 'garden leave', 'leave'],
            dateOrder: 'dmy'
        }
    },
    workday: {
        label: 'Workday',
        mapping: {
            columns: {
                employeeNumber: ['Employee ID', 'Worker ID'], name: ['Worker', 'Preferred Name'],
                givenName: ['Legal Name - First Name'], familyName: ['Legal Name - Last Name'],
                email: ['Primary Work Email', 'Email - Work'], title: ['Business Title', 'Job Profile'],
                department: ['Supervisory Organization', 'Cost Center'], manager: ['Manager ID', 'Manager'],
                start: ['Hire Date'], end: ['Termination Date'], status: ['Active Status']
            },
            activeValues: ['yes', 'active', '1'],
            dateOrder: 'mdy'
        }
    },
    'google-workspace': {
        label: 'Google Workspace',
        mapping: {
            columns: {
                employeeNumber: ['Employee ID'], givenName: ['First Name [Required]', 'First Name'],
                familyName: ['Last Name [Required]', 'Last Name'], email: ['Email Address [Required]', 'Email Address'],
                title: ['Employee Title'], department: ['Department'], manager: ['Manager Email'],
                status: ['Status [READ ONLY]', 'Status']
            },
            activeValues: ['active']
        }
    },
    'entra-id': {
        label: 'Microsoft Entra ID',
        mapping: {
            columns: {
                employeeNumber: ['employeeId', 'Employee ID'], name: ['displayName', 'Display name'],
                givenName: ['givenName', 'First name'], familyName: ['surname', 'Last name'],
                email: ['mail', 'Email', 'userPrincipalName', 'User principal name'], title: ['jobTitle', 'Job title'],
                department: ['department', 'Department'], manager: ['manager', 'Manager'],
                start: ['employeeHireDate', 'Employee hire date'], end: ['employeeLeaveDateTime', 'Employee leave date time'],
                status: ['accountEnabled', 'Account enabled']
            },
            activeValues: ['true', 'yes']
        }
    }
};

export function presetNames(): string[] {
    return Object.keys(PRESETS);
}
