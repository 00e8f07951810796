/**
 * Random edits to a policy workspace for the incremental-build property test: what people do in
 * an editor (add and remove declarations, rename, change dates, `satisfies` lines and flags,
 * comment, break the syntax and fix it, delete and create files), reproducible from a seed.
 */

/** A file name → text map; `undefined` text means the file does not exist (deleted). */
export type Texts = Map<string, string>;

/** One step: the files it writes (`undefined` deletes) and a line for the failure report. */
export interface Step {
    readonly label: string;
    readonly changes: ReadonlyArray<readonly [name: string, text: string | undefined]>;
}

/** mulberry32: small, fast and good enough to pick edits; the same seed gives the same run. */
export class Random {
    private state: number;
    constructor(seed: number) { this.state = seed >>> 0; }
    next(): number {
        this.state = (this.state + 0x6D2B79F5) >>> 0;
        let t = this.state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    int(n: number): number { return Math.floor(this.next() * n); }
    chance(p: number): boolean { return this.next() < p; }
    pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
}

const DECLARATION_START = /^(organization|person|role|responsibility|authority|training|appointing body|assign|delegate|completed|conflict|claims|framework)\b/;
const NAMED = /^(organization|person|role|responsibility|authority|training|appointing body)\s+([A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)/gm;
const REQUIREMENTS = ['ISO27001:5.3(a)', 'ISO27001:5.3(b)', 'ISO27001:A.5.2', 'ISO27001:9.3', 'ISO27001:A.5.3', 'ISO27001:7.3', 'NIST-CSF:GV.RR-02', 'ISO27001:99.9'];
const ROLE_FLAGS = ['designated CISO', 'key role', 'requires deputy', 'single holder', 'designated ISMS owner', 'designated internal auditor'];

/** Declared names per kind, read from the texts the way a person skims them. */
export function declaredNames(texts: Texts): Map<string, string[]> {
    const names = new Map<string, string[]>();
    for (const text of texts.values()) {
        for (const match of text.matchAll(NAMED)) {
            const kind = match[1] === 'appointing body' ? 'body' : match[1];
            names.set(kind, [...(names.get(kind) ?? []), match[2]]);
        }
    }
    return names;
}

/** Top-level declarations of a text as [start, end) offsets, each from its first line to the next one's. */
export function declarationSpans(text: string): Array<[number, number]> {
    const starts: number[] = [];
    let offset = 0;
    for (const line of text.split('\n')) {
        if (DECLARATION_START.test(line)) starts.push(offset);
        offset += line.length + 1;
    }
    return starts.map((start, index) => [start, starts[index + 1] ?? text.length]);
}

const wholeWord = (name: string): RegExp => new RegExp(`(?<![A-Za-z0-9_-])${name.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`, 'g');

/** Generates steps over a changing set of texts; `texts` is updated as steps are produced. */
export class EditGenerator {
    private counter = 0;
    /** Files whose syntax a step broke, with the text before the break. */
    private readonly broken = new Map<string, string>();
    private readonly deleted = new Map<string, string>();

    /** `valueEdits`: mostly dates typed inside declarations, the edits a large file takes statement by statement. */
    constructor(private readonly texts: Texts, private readonly original: ReadonlyMap<string, string>, private readonly random: Random,
        private readonly valueEdits = false) {}

    /** The next step, already applied to `texts`. */
    next(): Step {
        const kinds: Array<[number, () => Step | undefined]> = [
            [3, () => this.comment()], [3, () => this.insertDeclaration()], [2, () => this.deleteDeclaration()],
            [2, () => this.rename()], [this.valueEdits ? 30 : 3, () => this.changeDate()], [this.valueEdits ? 20 : 0, () => this.changeValueText()], [3, () => this.changeSatisfies()],
            [3, () => this.toggleRoleLine()], [2, () => this.changeText()], [3, () => this.retitle()], [2, () => this.breakSyntax()],
            [2, () => this.fixSyntax()], [1, () => this.deleteFile()], [1, () => this.createFile()],
            [1, () => this.restoreFile()]
        ];
        const total = kinds.reduce((sum, [weight]) => sum + weight, 0);
        for (;;) {
            let roll = this.random.int(total);
            const [, make] = kinds.find(([weight]) => (roll -= weight) < 0)!;
            const step = make();
            if (step) {
                for (const [name, text] of step.changes) {
                    if (text === undefined) this.texts.delete(name); else this.texts.set(name, text);
                }
                return step;
            }
        }
    }

    /** Steps that bring every file back to its original text. */
    restoreAll(): Step {
        const changes: Array<[string, string | undefined]> = [];
        for (const name of this.texts.keys()) if (!this.original.has(name)) changes.push([name, undefined]);
        for (const [name, text] of this.original) if (this.texts.get(name) !== text) changes.push([name, text]);
        for (const [name, text] of changes) if (text === undefined) this.texts.delete(name); else this.texts.set(name, text);
        this.broken.clear();
        this.deleted.clear();
        return { label: 'restore every file', changes };
    }

    private file(): string | undefined {
        const names = [...this.texts.keys()];
        return names.length === 0 ? undefined : this.random.pick(names);
    }

    private names(kind: string, fallback: string): string {
        const names = declaredNames(this.texts).get(kind) ?? [];
        return names.length === 0 || this.random.chance(0.05) ? fallback : this.random.pick(names);
    }

    private date(): string {
        if (this.random.chance(0.04)) return this.random.pick(['2024-02-30', '2023-13-01', '2025-06-31']);
        const year = 2015 + this.random.int(12);
        const month = 1 + this.random.int(12);
        const day = 1 + this.random.int(28);
        return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    }

    private edit(name: string, text: string, label: string): Step {
        return { label: `${name}: ${label}`, changes: [[name, text]] };
    }

    private comment(): Step | undefined {
        const name = this.file();
        if (!name) return undefined;
        const lines = this.texts.get(name)!.split('\n');
        const at = this.random.int(lines.length + 1);
        lines.splice(at, 0, this.random.chance(0.5) ? `// note ${++this.counter}` : `/* note ${++this.counter} */`);
        return this.edit(name, lines.join('\n'), `comment at line ${at + 1}`);
    }

    private declaration(): string {
        const n = ++this.counter;
        const person = (): string => this.names('person', 'nobody');
        const role = (): string => this.names('role', 'no-role');
        const duty = (): string => this.names(this.random.chance(0.7) ? 'responsibility' : 'authority', 'no-duty');
        const appointer = (): string => this.random.pick([role(), person(), this.names('body', 'nobody')]);
        const templates = [
            () => `person p${n} "Person ${n}" { employed since ${this.date()} }`,
            () => `role r${n} "Role ${n}" {\n    reports to ${role()}\n    responsible for ${duty()}\n    ${this.random.pick(ROLE_FLAGS)}\n}`,
            () => `assign ${person()} to ${role()}${this.random.chance(0.2) ? ' as acting' : ''} since ${this.date()}${this.random.chance(0.3) ? ` until ${this.date()}` : ''} appointed by ${appointer()}`
                + (this.random.chance(0.7) ? ` {\n    announced ${this.date()} via email to all-staff\n}` : ''),
            () => `responsibility d${n} "Duty ${n}" {\n    satisfies ${this.random.pick(REQUIREMENTS)}\n}`,
            () => `delegate ${duty()} from ${role()} to ${this.random.pick([role(), person()])} since ${this.date()}`,
            () => `completed ${this.names('training', 'no-training')} by ${person()} on ${this.date()}`,
            () => `conflict between ${role()} and ${duty()} "Separate them"`,
            () => `training t${n} "Training ${n}" {\n    audience ${this.random.chance(0.5) ? 'everyone' : role()}\n    every year\n}`,
            () => `authority a${n} "Authority ${n}" {\n    may appoint ${role()}\n}`,
            () => `person ${person()} "Same name again"`
        ];
        return this.random.pick(templates)();
    }

    private insertDeclaration(): Step | undefined {
        const name = this.file();
        if (!name) return undefined;
        const text = this.texts.get(name)!;
        const spans = declarationSpans(text);
        const at = spans.length === 0 || this.random.chance(0.3) ? text.length : this.random.pick(spans)[0];
        const declaration = this.declaration();
        const separator = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
        return this.edit(name, `${text.slice(0, at)}${separator}${declaration}\n${text.slice(at)}`, `insert \`${declaration.split('\n')[0]}\``);
    }

    private deleteDeclaration(): Step | undefined {
        const name = this.file();
        const text = name === undefined ? undefined : this.texts.get(name)!;
        const spans = text === undefined ? [] : declarationSpans(text);
        if (!name || !text || spans.length === 0) return undefined;
        const [start, end] = this.random.pick(spans);
        return this.edit(name, text.slice(0, start) + text.slice(end), `delete \`${text.slice(start, text.indexOf('\n', start))}\``);
    }

    private rename(): Step | undefined {
        const all = [...declaredNames(this.texts).values()].flat();
        if (all.length === 0) return undefined;
        const old = this.random.pick(all);
        const fresh = `${old}-${++this.counter}`;
        const mode = this.random.pick(['everywhere', 'declaration', 'one use']);
        const changes: Array<[string, string]> = [];
        for (const [name, text] of this.texts) {
            let replaced: string;
            if (mode === 'everywhere') {
                replaced = text.replace(wholeWord(old), fresh);
            } else {
                const declaration = new RegExp(`^((?:person|role|responsibility|authority|training|organization|appointing body)\\s+)${old.replace(/-/g, '\\-')}(?![A-Za-z0-9_-])`, 'm');
                replaced = mode === 'declaration'
                    ? text.replace(declaration, `$1${fresh}`)
                    : text.replace(new RegExp(`(?<=(?:to|by|for|from|of|on|and|between|management|appoint|deputy|training|audience|completed|assign|,)\\s+)${old.replace(/-/g, '\\-')}(?![A-Za-z0-9_-])`), fresh);
            }
            if (replaced !== text) changes.push([name, replaced]);
            if (mode !== 'everywhere' && changes.length > 0) break;
        }
        return changes.length === 0 ? undefined : { label: `rename ${old} → ${fresh} (${mode}) in ${changes.map(([name]) => name).join(', ')}`, changes };
    }

    private changeDate(): Step | undefined {
        const name = this.file();
        const text = name === undefined ? '' : this.texts.get(name)!;
        const dates = [...text.matchAll(/\d{4}-\d{2}-\d{2}/g)];
        if (!name || dates.length === 0) return undefined;
        const match = this.random.pick(dates);
        const date = this.date();
        return this.edit(name, text.slice(0, match.index) + date + text.slice(match.index! + 10), `${match[0]} → ${date}`);
    }

    /** A description, job title, e-mail or evidence text inside a declaration, made longer or shorter. */
    private changeValueText(): Step | undefined {
        const name = this.file();
        const text = name === undefined ? '' : this.texts.get(name)!;
        const values = [...text.matchAll(/(?:description|job title|email|evidence) "([^"\n]*)"/g)];
        if (!name || values.length === 0) return undefined;
        const match = this.random.pick(values);
        const at = match.index! + match[0].length - match[1].length - 1;
        const value = 'x'.repeat(this.random.int(12));
        return this.edit(name, text.slice(0, at) + value + text.slice(at + match[1].length), `"${match[1]}" → "${value}"`);
    }

    private changeSatisfies(): Step | undefined {
        const name = this.file();
        const text = name === undefined ? '' : this.texts.get(name)!;
        if (!name) return undefined;
        const lines = text.split('\n');
        const satisfies = lines.map((line, index) => [line, index] as const).filter(([line]) => /^\s*satisfies /.test(line));
        const duties = lines.map((line, index) => [line, index] as const).filter(([line]) => /^(responsibility|authority) .*\{\s*$/.test(line));
        const requirement = this.random.pick(REQUIREMENTS);
        if (satisfies.length > 0 && this.random.chance(0.7)) {
            const [line, index] = this.random.pick(satisfies);
            lines[index] = this.random.chance(0.3) ? '' : `    satisfies ${requirement}`;
            return this.edit(name, lines.join('\n'), `\`${line.trim()}\` → \`${lines[index].trim()}\``);
        }
        if (duties.length === 0) return undefined;
        const [, index] = this.random.pick(duties);
        lines.splice(index + 1, 0, `    satisfies ${requirement}`);
        return this.edit(name, lines.join('\n'), `add \`satisfies ${requirement}\` at line ${index + 2}`);
    }

    /** Flags, RACI lines, deputies, training requirements and top management: content other files' findings read. */
    private toggleRoleLine(): Step | undefined {
        const name = this.file();
        const text = name === undefined ? '' : this.texts.get(name)!;
        if (!name) return undefined;
        const lines = text.split('\n');
        const inner = lines.map((line, index) => [line, index] as const)
            .filter(([line]) => /^\s+(designated|key role|requires|single holder|responsible for|accountable for|authorized to|deputy|reports to|top management|may appoint|audience)/.test(line));
        const roles = lines.map((line, index) => [line, index] as const).filter(([line]) => /^role .*\{\s*$/.test(line));
        if (inner.length > 0 && this.random.chance(0.5)) {
            const [line, index] = this.random.pick(inner);
            lines.splice(index, 1);
            return this.edit(name, lines.join('\n'), `remove \`${line.trim()}\``);
        }
        if (roles.length === 0) return undefined;
        const [, index] = this.random.pick(roles);
        const added = this.random.pick([
            () => this.random.pick(ROLE_FLAGS),
            () => `${this.random.pick(['responsible for', 'accountable for', 'authorized to'])} ${this.names(this.random.chance(0.7) ? 'responsibility' : 'authority', 'no-duty')}`,
            () => `requires training ${this.names('training', 'no-training')}`,
            () => `deputy ${this.names('role', 'no-role')}`
        ])();
        lines.splice(index + 1, 0, `    ${added}`);
        return this.edit(name, lines.join('\n'), `add \`${added}\` at line ${index + 2}`);
    }

    /** Titles and descriptions: text no finding should depend on, except the messages quoting it. */
    private changeText(): Step | undefined {
        const name = this.file();
        const text = name === undefined ? '' : this.texts.get(name)!;
        const strings = [...text.matchAll(/"[^"\n]*"/g)];
        if (!name || strings.length === 0) return undefined;
        const match = this.random.pick(strings);
        const replacement = `"Changed ${++this.counter}"`;
        return this.edit(name, text.slice(0, match.index) + replacement + text.slice(match.index! + match[0].length), `${match[0]} → ${replacement}`);
    }

    /**
     * A declaration's title only (the edit that re-runs only the rules that read titles): a new
     * title, or a look-alike of another declaration's title (`Bill` → `Bi1l`, `m` → `rn`), which
     * confusable-name reports.
     */
    private retitle(): Step | undefined {
        const name = this.file();
        const text = name === undefined ? '' : this.texts.get(name)!;
        const TITLE = /^(?:organization|person|role|responsibility|authority|training|appointing body)\s+[A-Za-z_][\w-]*\s+("[^"\n]*")/gm;
        const titles = [...text.matchAll(TITLE)];
        if (!name || titles.length === 0) return undefined;
        const match = this.random.pick(titles);
        const others = [...this.texts.values()].flatMap(other => [...other.matchAll(TITLE)].map(found => found[1]));
        const replacement = this.random.chance(0.5)
            ? this.random.pick(others).replace(/l/, '1').replace(/m/, 'rn')
            : `"Title ${++this.counter}"`;
        const at = match.index! + match[0].length - match[1].length;
        return this.edit(name, text.slice(0, at) + replacement + text.slice(at + match[1].length), `title ${match[1]} → ${replacement}`);
    }

    private breakSyntax(): Step | undefined {
        const name = this.file();
        if (!name || this.broken.has(name)) return undefined;
        const text = this.texts.get(name)!;
        const at = this.random.int(text.length + 1);
        const breaks: Array<[string, () => string]> = [
            ['delete a brace', () => { const brace = text.indexOf('}', at); return brace < 0 ? text + '{' : text.slice(0, brace) + text.slice(brace + 1); }],
            ['insert `role {`', () => `${text.slice(0, at)} role { ${text.slice(at)}`],
            ['insert an open string', () => `${text.slice(0, at)}"${text.slice(at)}`],
            ['cut the file short', () => text.slice(0, at)],
            ['insert `assign`', () => `${text.slice(0, at)}\nassign \n${text.slice(at)}`],
            // Read again as the keyword it misspells (language/mandate-typo-recovery.ts).
            ['misspell a keyword', () => misspellKeyword(text, at)]
        ];
        const [label, make] = this.random.pick(breaks);
        this.broken.set(name, text);
        return this.edit(name, make(), `${label} at offset ${at}`);
    }

    private fixSyntax(): Step | undefined {
        const candidates = [...this.broken.keys()].filter(name => this.texts.has(name));
        if (candidates.length === 0) return undefined;
        const name = this.random.pick(candidates);
        const text = this.broken.get(name)!;
        this.broken.delete(name);
        return this.edit(name, text, 'undo the syntax error');
    }

    private deleteFile(): Step | undefined {
        const name = this.file();
        if (!name || this.texts.size <= 1) return undefined;
        this.deleted.set(name, this.texts.get(name)!);
        this.broken.delete(name);
        return { label: `delete ${name}`, changes: [[name, undefined]] };
    }

    private createFile(): Step {
        const back = [...this.deleted.keys()];
        if (back.length > 0 && this.random.chance(0.5)) {
            const name = this.random.pick(back);
            const text = this.deleted.get(name)!;
            this.deleted.delete(name);
            return { label: `create ${name} again`, changes: [[name, text]] };
        }
        const name = `extra-${++this.counter}.mandate`;
        const declarations = Array.from({ length: 1 + this.random.int(3) }, () => this.declaration());
        return { label: `create ${name}: ${declarations.map(text => text.split('\n')[0]).join(' | ')}`, changes: [[name, declarations.join('\n') + '\n']] };
    }

    private restoreFile(): Step | undefined {
        const name = this.random.pick([...this.original.keys()]);
        const text = this.original.get(name)!;
        if (this.texts.get(name) === text) return undefined;
        this.broken.delete(name);
        this.deleted.delete(name);
        return { label: `restore ${name}`, changes: [[name, text]] };
    }
}

const MISSPELT = /\b(assign|person|role|appointed|evidence|announced|since|delegate|training)\b/g;

/** The first of some keywords at or after `at` (else the first at all) with its second letter dropped: `asign`, `apointed`. */
function misspellKeyword(text: string, at: number): string {
    MISSPELT.lastIndex = at;
    let match = MISSPELT.exec(text);
    if (!match) {
        MISSPELT.lastIndex = 0;
        match = MISSPELT.exec(text);
    }
    if (!match) return `${text}\nasign \n`;
    const word = match[0];
    // Half of them with an accent instead (`rôle`), which the lexer reports and the parser then reads as the keyword.
    const vowel = word.search(/[aeiou]/);
    const misspelt = at % 2 === 1 && vowel >= 0 ? word.slice(0, vowel) + ACCENTED[word[vowel]] + word.slice(vowel + 1) : word[0] + word.slice(2);
    return text.slice(0, match.index) + misspelt + text.slice(match.index + word.length);
}

const ACCENTED: Record<string, string> = { a: 'à', e: 'é', i: 'î', o: 'ô', u: 'ü' };
