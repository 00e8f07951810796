/**
 * Trojan Source (issue 11): invisible and reordering characters anywhere in a policy file
 * (invisible-character), and names that pass for others (confusable-name). Each case is one an
 * attacker would try: a bidi override in a title, a comment, a name, an evidence path or a
 * suppression; zero-width characters; homoglyph IDs and titles across files; mixed scripts. A
 * clean policy with accented Latin, Greek, Cyrillic, Persian and CJK names stays clean.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../language/engine/check-sources.js';
import { mixedScriptWord, skeleton } from '../language/util/confusables.js';
import { invisibleRuns } from '../language/util/invisible-characters.js';
import { CLEAN_POLICY, check, withEdit, type Files } from './helpers.js';
import { Workspace } from './workspace-helpers.js';

const RLO = '\u202E';
const PDF = '\u202C';
const LRI = '\u2066';
const ZWSP = '\u200B';
const BOM = '\uFEFF';

function of(findings: readonly Finding[], rule: string): Finding[] {
    return findings.filter(finding => finding.rule === rule);
}

/** `file:line:column message` of a rule's findings. */
function shown(findings: readonly Finding[], rule: string): string[] {
    return of(findings, rule).map(finding => `${finding.uri.replace('file:///ws/', '')}:${finding.line}:${finding.column} ${finding.message}`);
}

/** The 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): string {
    const offset = text.indexOf(needle);
    expect(offset, `${JSON.stringify(needle)} in the text`).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset).split('\n');
    return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** CLEAN_POLICY plus one more file. */
function withFile(name: string, text: string): Files {
    return { ...CLEAN_POLICY, [name]: text };
}

describe('invisible-character', () => {
    it('reports a bidi override in a quoted text at its exact position, naming the code point', async () => {
        const files = withEdit('people.mandate', text => text.replace('"Jane Doe"', `"Jane ${RLO}Doe"`));
        const findings = await check(files);
        expect(shown(findings, 'invisible-character')).toEqual([
            `people.mandate:${positionOf(files['people.mandate'], RLO)} U+202E RIGHT-TO-LEFT OVERRIDE in the title of \`jane\`: `
            + 'it changes the order in which the text around it is displayed, so the line reads differently from what Mandate reads (a Trojan Source trick). Delete it, or retype the text.'
        ]);
        const [finding] = of(findings, 'invisible-character');
        expect(finding.severity).toBe('warning');
        expect(finding.endColumn - finding.column).toBe(1);
    });

    it('reports bidi controls in a comment, each run on its own', async () => {
        const files = withFile('notes.mandate', `// approved by the board ${RLO}see minutes${PDF} item 4\nrole auditor "Auditor"\n`);
        const findings = await check(files);
        expect(of(findings, 'invisible-character').map(finding => finding.message.split(':')[0])).toEqual([
            'U+202E RIGHT-TO-LEFT OVERRIDE in a comment', 'U+202C POP DIRECTIONAL FORMATTING in a comment'
        ]);
        expect(shown(findings, 'invisible-character').map(line => line.split(' ')[0]))
            .toEqual([`notes.mandate:${positionOf(files['notes.mandate'], RLO)}`, `notes.mandate:${positionOf(files['notes.mandate'], PDF)}`]);
    });

    it('reports a bidi control in an evidence path and in a job-description path', async () => {
        const files = withEdit('people.mandate', text => text.replace('"minutes/2024-02-board.pdf"', `"minutes/2024-02-board${RLO}fdp.exe"`), {
            'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('designated CISO', `designated CISO\n    job description "docs/roles/${ZWSP}ciso.md"`)
        });
        const findings = await check(files);
        expect(of(findings, 'invisible-character').map(finding => finding.message.split(':')[0]).sort()).toEqual([
            'U+200B ZERO WIDTH SPACE in a job-description path', 'U+202E RIGHT-TO-LEFT OVERRIDE in an evidence path'
        ]);
    });

    it('reports a bidi control in a name, and the lexing error says once that it is an invisible character', async () => {
        const files = withEdit('people.mandate', text => text.replace('assign jane to', `assign jane${RLO} to`));
        const findings = await check(files);
        expect(shown(findings, 'invisible-character')).toEqual([
            `people.mandate:${positionOf(files['people.mandate'], RLO)} U+202E RIGHT-TO-LEFT OVERRIDE after \`jane\`: `
            + 'it changes the order in which the text around it is displayed, so the line reads differently from what Mandate reads (a Trojan Source trick). Delete it, or retype the text.'
        ]);
        const lexing = of(findings, 'lexing-error');
        expect(lexing).toHaveLength(1);
        expect(lexing[0].message).toMatch(/^The invisible character U\+202E \(right-to-left override\) is not allowed outside quoted text/);
        expect(findings.filter(finding => finding.message.includes('U+202E')).map(finding => finding.rule).sort()).toEqual(['invisible-character', 'lexing-error']);
    });

    it('reports a zero-width space in a name and in a quoted text', async () => {
        const files = withFile('team.mandate', `role secu${ZWSP}rity-analyst "Security Analyst"\nrole auditor "Internal${ZWSP}Auditor"\n`);
        const findings = await check(files);
        expect(of(findings, 'invisible-character').map(finding => `${finding.line} ${finding.message.split(':')[0]}`)).toEqual([
            '1 U+200B ZERO WIDTH SPACE in the name `security-analyst`', '2 U+200B ZERO WIDTH SPACE in the title of `auditor`'
        ]);
        expect(of(findings, 'lexing-error').map(finding => finding.message)).toEqual([
            'The invisible character U+200B (zero-width space) is not allowed outside quoted text: it can make the line display differently from what it says. Delete it, leaving `security-analyst`.'
        ]);
    });

    it('names a run of characters once, over its whole range', async () => {
        const files = withFile('team.mandate', `role auditor "Internal ${ZWSP}${ZWSP}${ZWSP}Auditor"\n`);
        const [finding, ...rest] = of(await check(files), 'invisible-character');
        expect(rest).toEqual([]);
        expect(finding.message).toMatch(/^3 × U\+200B ZERO WIDTH SPACE in the title of `auditor`: they are invisible/);
        expect(finding.endColumn - finding.column).toBe(3);
    });

    it('shows the text that tag characters hide', async () => {
        const hidden = [...'ok'].map(char => String.fromCodePoint(0xe0000 + char.charCodeAt(0))).join('');
        const findings = await check(withFile('team.mandate', `role auditor "Auditor${hidden}"\n`));
        expect(of(findings, 'invisible-character').map(finding => finding.message.split(':')[0])).toEqual([
            '2 tag characters hiding the text `ok` in the title of `auditor`'
        ]);
    });

    it('reports control characters, line separators and soft hyphens, in quoted text and between declarations', async () => {
        const text = `role a "Esc\u001b[31m red"\n\f\nrole b "B" // one\u2028two\nrole c "Audi\u00adtor"\n`;
        const findings = await check(withFile('team.mandate', text));
        expect(of(findings, 'invisible-character').map(finding => `${finding.line} ${finding.message.split(':')[0]}`)).toEqual([
            '1 U+001B ESCAPE in the title of `a`', '2 U+000C FORM FEED outside quoted text', '3 U+2028 LINE SEPARATOR in a comment',
            '4 U+00AD SOFT HYPHEN in the title of `c`'
        ]);
    });

    it('accepts a byte-order mark at the start of a file, but not further on', async () => {
        const start = await check({ ...CLEAN_POLICY, 'people.mandate': BOM + CLEAN_POLICY['people.mandate'] });
        expect(of(start, 'invisible-character')).toEqual([]);
        const later = await check(withFile('team.mandate', `role a "A"\n${BOM}role b "B"\n`));
        expect(of(later, 'invisible-character').map(finding => `${finding.line}:${finding.column} ${finding.message.split(':')[0]}`))
            .toEqual(['2:1 U+FEFF ZERO WIDTH NO-BREAK SPACE before `role`']);
    });

    it('leaves joiners and variation selectors alone where they are spelling, and reports them where they hide', async () => {
        const clean = 'role a "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"\nrole b "Team \u{1F469}\u200d\u{1F4BB} \u2764\ufe0f"\nrole c "\u845b\u{E0100}\u57ce"\n';
        expect(of(await check(withFile('team.mandate', clean)), 'invisible-character')).toEqual([]);
        const hiding = 'role a "Jo\u200chn"\nrole b "Bob\ufe0f"\n';
        expect(of(await check(withFile('team.mandate', hiding)), 'invisible-character').map(finding => finding.message.split(':')[0])).toEqual([
            'U+200C ZERO WIDTH NON-JOINER in the title of `a`', 'U+FE0F VARIATION SELECTOR-16 in the title of `b`'
        ]);
    });

    it('gives a file full of hidden characters 100 findings, the last saying how many more there are', async () => {
        const text = `// ${Array.from({ length: 150 }, () => `x${ZWSP}`).join('')}\nrole a "A"\n`;
        const findings = of(await check(withFile('team.mandate', text)), 'invisible-character');
        expect(findings).toHaveLength(100);
        expect(findings[99].message).toMatch(/This file holds 50 more runs of hidden characters after this one\.$/);
    });

    it('finds the few hidden characters of a 10 MB text in one pass', { timeout: 60_000 }, () => {
        const line = 'role security-analyst "Security Analyst" { reports to ciso } // an ordinary line\n';
        const filler = line.repeat(Math.ceil(10_000_000 / line.length));
        const text = `${filler}${RLO}${filler.slice(0, 1000)}${ZWSP}`;
        expect([...invisibleRuns(text)].map(run => [run.start, run.characters])).toEqual([
            [filler.length, [RLO]], [filler.length + 1001, [ZWSP]]
        ]);
    });
});

describe('invisible-character and suppressions', () => {
    const unannounced = (comment: string): Files => withEdit('people.mandate', text =>
        text.replace('assign jane to ciso', `${comment}\nassign jane to ciso`).replace('    announced 2024-03-05 via intranet to all-staff\n', ''));

    it('a suppression that hides a character accepts nothing, and says why', async () => {
        const files = unannounced(`// mandate-ignore assignment-not-communicated: announced at the kick-off${LRI}`);
        const findings = await check(files);
        const [finding] = of(findings, 'assignment-not-communicated');
        expect(finding.suppressed).toBeUndefined();
        expect(finding.severity).toBe('warning');
        expect(of(findings, 'suppression-unused').map(unused => unused.message)).toEqual([
            'This suppression holds the invisible character U+2066 LEFT-TO-RIGHT ISOLATE, so it accepts no finding: '
            + 'a suppression must read the same to every reviewer. Delete the hidden characters, or retype the comment.'
        ]);
        expect(of(findings, 'invisible-character').map(hidden => hidden.message.split(':')[0])).toEqual(['U+2066 LEFT-TO-RIGHT ISOLATE in a suppression comment']);
        expect(of(findings, 'invisible-character')[0].message).toMatch(/this suppression accepts nothing/);
    });

    it('a clean suppression accepts the finding', async () => {
        const [finding] = of(await check(unannounced('// mandate-ignore assignment-not-communicated: announced at the kick-off')), 'assignment-not-communicated');
        expect(finding.suppressed).toEqual({ justification: 'announced at the kick-off' });
    });

    it('a suppression cannot accept the invisible character it holds itself', async () => {
        // The comment sits inside the role's block, so without this rule it would cover itself.
        const files = withFile('team.mandate', `role a "A" { // mandate-ignore invisible-character: intended${RLO}\n    description "A role"\n}\n`);
        const findings = await check(files);
        expect(of(findings, 'invisible-character').map(finding => [finding.suppressed, finding.severity])).toEqual([[undefined, 'warning']]);
    });

    it('a clean suppression can accept a character a name needs', async () => {
        const files = withFile('team.mandate', `// mandate-ignore invisible-character: the firm's registered name has it\nrole a "A${ZWSP}B"\n`);
        const [finding] = of(await check(files), 'invisible-character');
        expect(finding.suppressed).toEqual({ justification: "the firm's registered name has it" });
        expect(of(await check(files), 'suppression-unused')).toEqual([]);
    });
});

describe('confusable-name', () => {
    it('skeletons: Cyrillic, fullwidth, mathematical and ASCII look-alikes meet; accents do not vanish', () => {
        expect(skeleton('j\u0430ne')).toBe(skeleton('jane'));
        expect(skeleton('\uff4a\uff41\uff4e\uff45')).toBe(skeleton('jane'));
        expect(skeleton('\u{1D423}\u{1D41A}\u{1D427}\u{1D41E}')).toBe(skeleton('jane'));
        expect(skeleton('bi11')).toBe(skeleton('bill'));
        expect(skeleton('rnark')).toBe(skeleton('mark'));
        expect(skeleton(`ja${ZWSP}ne`)).toBe(skeleton('jane'));
        expect(skeleton('Jos\u00e9')).not.toBe(skeleton('Jose'));
        expect(skeleton('Zo\u00eb')).not.toBe(skeleton('Zoe'));
    });

    it('skeletons of ASCII names: each character\'s prototype, the name itself when it has no look-alike', () => {
        expect(skeleton('ada-lovelace')).toBe('ada-lovelace');
        expect(skeleton('mark')).toBe('rnark');
        expect(skeleton('bi11')).toBe('bill');
        // The same as for a text that is not ASCII (a zero-width space is dropped): every printable character.
        for (let code = 0x20; code < 0x7f; code++) {
            const text = `a${String.fromCharCode(code)}z`;
            expect(skeleton(text)).toBe(skeleton(`${text}${ZWSP}`));
        }
    });

    it('mixed scripts: one word in two look-alike scripts, not two words in two scripts', () => {
        expect(mixedScriptWord('J\u0430ne Doe')?.scripts).toEqual(['Latin', 'Cyrillic']);
        expect(mixedScriptWord('\u0418\u0432\u0430\u043d Petrov')).toBeUndefined();
        expect(mixedScriptWord('Tanaka \u7530\u4e2d')).toBeUndefined();
        expect(mixedScriptWord('\u039d\u03af\u03ba\u03bf\u03c2')).toBeUndefined();
    });

    it('reports a name written with a Cyrillic letter where it stands, naming the person it imitates in another file', async () => {
        const files = withFile('contractors.mandate', 'person j\u0430ne "Jane Doe" { external "SecureStaff Ltd" }\n');
        const findings = await check(files);
        expect(shown(findings, 'confusable-name')).toEqual([
            'contractors.mandate:1:8 `j\u0430ne` looks like the person `jane` (people.mandate:2), but is spelled differently: `\u0430` (U+0430) instead of `a`. '
            + 'Write `jane` if that is what you mean; a look-alike name passes for another in reviews and reports.'
        ]);
        expect(of(findings, 'lexing-error').map(finding => finding.message)).toEqual([
            'Names are ASCII kebab-case (letters, digits and hyphens), so `j\u0430ne` cannot be a name: `\u0430` (U+0430) is not an ASCII letter. '
            + 'Write it in ASCII letters, and keep the spelling `j\u0430ne` for the display name in quotes.'
        ]);
    });

    it('reports two ASCII names that look alike on both declarations, each naming the other', async () => {
        const files = { ...withFile('a.mandate', 'person bill "Bill Jones"\n'), 'b.mandate': 'person bi11 "William Jones"\n' };
        const findings = await check(files);
        expect(shown(findings, 'confusable-name')).toEqual([
            'a.mandate:1:8 The name `bill` looks like the person `bi11` (b.mandate:1): `ll` instead of `11`. '
            + 'Names a reader cannot tell apart get mistaken for each other in reviews and reports; rename one of them.',
            'b.mandate:1:8 The name `bi11` looks like the person `bill` (a.mandate:1): `11` instead of `ll`. '
            + 'Names a reader cannot tell apart get mistaken for each other in reviews and reports; rename one of them.'
        ]);
    });

    it('reports two people whose titles differ by a Cyrillic letter, on both, naming the other and the letter', async () => {
        const files = withFile('contractors.mandate', 'person jane-contractor "J\u0430ne Doe" { external "SecureStaff Ltd" }\n');
        const findings = await check(files);
        expect(shown(findings, 'confusable-name')).toEqual([
            'contractors.mandate:1:24 The title "J\u0430ne Doe" of the person `jane-contractor` looks like "Jane Doe", the title of `jane` (people.mandate:2): '
            + '`\u0430` (U+0430) instead of `a`; it mixes Latin and Cyrillic letters in the word `J\u0430ne` (`\u0430` (U+0430) is not Latin). '
            + 'Two titles a reader cannot tell apart can pass one for the other in reviews and reports; make them visibly different.',
            'people.mandate:2:13 The title "Jane Doe" of the person `jane` looks like "J\u0430ne Doe", the title of `jane-contractor` (contractors.mandate:1): '
            + '`a` instead of `\u0430` (U+0430). Two titles a reader cannot tell apart can pass one for the other in reviews and reports; make them visibly different.'
        ]);
    });

    it('folds fullwidth letters: "Ｊａｎｅ Doe" passes for "Jane Doe"', async () => {
        const files = withFile('contractors.mandate', 'person jane-contractor "\uff2a\uff41\uff4e\uff45 Doe" { external "SecureStaff Ltd" }\n');
        expect(of(await check(files), 'confusable-name').map(finding => finding.uri.replace('file:///ws/', '')).sort())
            .toEqual(['contractors.mandate', 'people.mandate']);
    });

    it('reports a title that mixes scripts within a word, even without a twin', async () => {
        const findings = await check(withFile('team.mandate', 'role dpo "D\u0430ta Protection Officer"\n'));
        expect(shown(findings, 'confusable-name')).toEqual([
            'team.mandate:1:10 The title "D\u0430ta Protection Officer" of the role `dpo` mixes Latin and Cyrillic letters in the word `D\u0430ta` (`\u0430` (U+0430) is not Latin). '
            + 'It reads as "Data Protection Officer", but is spelled differently, so a search or a reviewer can be misled. Write each word in one script.'
        ]);
    });

    it('reports an evidence path and a job-description path with a look-alike letter, which name other files', async () => {
        const files = withEdit('people.mandate', text => text.replace('"minutes/2024-02-board.pdf"', '"minutes/2024-02-b\u043eard.pdf"'), {
            'roles.mandate': CLEAN_POLICY['roles.mandate'].replace('designated CISO', 'designated CISO\n    job description "docs/roles/\u0441iso.md"')
        });
        expect(shown(await check(files), 'confusable-name')).toEqual([
            'people.mandate:7:14 The evidence path "minutes/2024-02-b\u043eard.pdf" mixes Latin and Cyrillic letters in the word `b\u043eard` '
            + '(`\u043e` (U+043E) is not Latin), so it names another file than "minutes/2024-02-board.pdf". Write the path in the script of the file\'s real name, as it is on disk.',
            'roles.mandate:4:21 The job-description path "docs/roles/\u0441iso.md" mixes Latin and Cyrillic letters in the word `\u0441iso` '
            + '(`\u0441` (U+0441) is not Latin), so it names another file than "docs/roles/ciso.md". Write the path in the script of the file\'s real name, as it is on disk.'
        ]);
    });

    it('leaves accented Latin, Greek, Cyrillic, Persian and CJK names alone, and two people of the same name', async () => {
        const people = [
            'person jose "Jos\u00e9 Garc\u00eda"', 'person zoe "Zo\u00eb M\u00fcller"', 'person yamada "\u5c71\u7530\u592a\u90ce"',
            'person ivan "\u0418\u0432\u0430\u043d Petrov"', 'person nikos "\u039d\u03af\u03ba\u03bf\u03c2 \u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2"',
            'person sara "\u0633\u0627\u0631\u0627 \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"', 'person kim "\uae40\ubbfc\uc900 Kim"',
            'person john-smith "John Smith"', 'person john-smith-2 "John Smith"',
            // The one look-alike among them, so the rules are seen to run: a Greek omicron in "Joh\u03bfn".
            'person john-smyth "Joh\u03bfn Smyth"'
        ].join('\n');
        const findings = await check(withFile('team.mandate', `${people}\n`));
        expect(findings.filter(finding => ['confusable-name', 'invisible-character', 'lexing-error'].includes(finding.rule))
            .map(finding => `${finding.line} ${finding.rule}`)).toEqual(['10 confusable-name']);
        expect(of(await check(CLEAN_POLICY), 'confusable-name')).toEqual([]);
    });

    it('moves its findings between files when a look-alike is added and removed, as a cold build would', async () => {
        const workspace = await Workspace.open({ ...CLEAN_POLICY, 'extra.mandate': 'person bob "Bob"\n' });
        expect(workspace.codes('people.mandate')).not.toContain('confusable-name');
        await workspace.write('extra.mandate', 'person bob "J\u0430ne Doe"\n');
        expect(workspace.codes('people.mandate')).toContain('confusable-name');
        const cold = await Workspace.open({ ...CLEAN_POLICY, 'extra.mandate': 'person bob "J\u0430ne Doe"\n' });
        expect(workspace.diagnostics()).toEqual(cold.diagnostics());
        await workspace.write('extra.mandate', 'person bob "Bob"\n');
        expect(workspace.codes('people.mandate')).not.toContain('confusable-name');
    });
});
