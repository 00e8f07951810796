/**
 * The written form of requirement IDs, as the grammar's REQUIREMENT terminal lexes them
 * (language/mandate.langium): `PREFIX:CLAUSE`, e.g. ISO27001:5.3(b), NIST-CSF:GV.RR-02, ACME:AC-01.
 * A framework the organization declares itself must fit it too, or no policy could cite it.
 */

/** A framework prefix: a capital letter, then letters and digits, in hyphen-separated parts (ACME, NIST-CSF). */
export const FRAMEWORK_PREFIX_FORM = /^[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/;

/** A clause: letters and digits in dot- or hyphen-separated parts, then any parenthesised items (A.5.3, 5.3(b), AC-01). */
export const CLAUSE_FORM = /^[A-Za-z0-9]+([.-][A-Za-z0-9]+)*(\([A-Za-z0-9]+\))*$/;

/** A whole requirement ID, exactly the REQUIREMENT terminal. */
export const REQUIREMENT_ID_FORM = /^[A-Z][A-Za-z0-9]*(-[A-Za-z0-9]+)*:[A-Za-z0-9]+([.-][A-Za-z0-9]+)*(\([A-Za-z0-9]+\))*$/;

/** How messages explain the prefix form. */
export const FRAMEWORK_PREFIX_HINT = 'a prefix starts with a capital letter and has only letters, digits and single hyphens, e.g. ACME or ACME-SEC';

/** How messages explain the clause form. */
export const CLAUSE_HINT = 'a clause has letters and digits separated by dots or hyphens, optionally followed by items in parentheses, e.g. AC-01, 4.2 or 5.3(b)';
