/**
 * A synthetic HR export (BambooHR columns) of any size, the same every time: the benchmark imports
 * 10,000 people from it and the import tests 5,000, so neither needs a large file committed. The
 * data is awkward on purpose: names in several scripts and with accents, people sharing a name,
 * missing e-mail addresses, titles with commas and quotes, a line break inside a quoted field,
 * leavers with termination dates and managers by e-mail.
 */
import { seededRandom } from './random-edits.js';

const GIVEN = ['Ada', 'Grace', 'John', 'Zoë', 'Jürgen', 'Siobhán', 'Łukasz', 'François', 'Priya', 'Kenji', 'María', 'Ольга', 'Noah', 'Amara', 'Søren', 'Chloé', 'Mehmet', 'Aoife', 'José', '伟'];
const FAMILY = ['Lovelace', 'Hopper', 'Smith', 'Ødegård', 'Müller', "O'Brien", 'Żółć', 'Lefèvre', 'Raman', 'Sato', 'García López', 'Иванова', 'Cohen', 'Okafor', 'Kierkegaard', 'Dubois-Martin', 'Yılmaz', 'Ní Bhraonáin', 'Núñez', '李'];
const TITLES = ['Software Engineer', 'Analyst, IT Operations', 'Account Executive', 'Data Protection Officer\n(DPO)', 'Office Manager', 'Senior Engineer "Platform"', 'HR Business Partner', 'Security Analyst'];
const DEPARTMENTS = ['Engineering', 'IT', 'Sales', 'Legal', 'Operations', 'People', 'Security'];

const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const pad = (value: number) => String(value).padStart(2, '0');

/** The export as text (CRLF line ends, as BambooHR writes them), with `count` people. */
export function directoryExport(count: number, seed = 14): string {
    const random = seededRandom(seed);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const rows = ['Employee #,First Name,Last Name,Work Email,Job Title,Department,Supervisor Email,Hire Date,Termination Date,Status'];
    for (let i = 0; i < count; i++) {
        const number = 10_000 + i;
        const [given, family] = [pick(GIVEN), pick(FAMILY)];
        const email = random() < 0.03 ? '' : `p${number}@bench.example`;
        const manager = i === 0 ? '' : `p${10_000 + Math.floor(random() * Math.min(i, 50))}@bench.example`;
        const hired = `${pad(1 + Math.floor(random() * 12))}/${pad(1 + Math.floor(random() * 28))}/${2005 + Math.floor(random() * 20)}`;
        const leaves = random() < 0.05;
        const terminated = leaves ? `${pad(1 + Math.floor(random() * 5))}/15/2025` : '';
        rows.push([String(number), given, family, email, pick(TITLES), pick(DEPARTMENTS), manager, hired, terminated, leaves ? 'Inactive' : 'Active'].map(field).join(','));
    }
    return `${rows.join('\r\n')}\r\n`;
}
