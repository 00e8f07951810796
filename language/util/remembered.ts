/**
 * `compute` with its answers remembered per text, for functions asked about the same texts over
 * and over (dates in rules, names in an import). Past `max` answers the memory starts again: a
 * long-running server sees texts come and go, and starting over costs one recomputation each.
 * An undefined answer is remembered too (most texts mix no scripts).
 */
export function remembered<T>(compute: (text: string) => T, max: number): (text: string) => T {
    const answers = new Map<string, T>();
    return text => {
        let answer = answers.get(text);
        if (answer === undefined && !answers.has(text)) {
            answer = compute(text);
            if (answers.size >= max) answers.clear();
            answers.set(text, answer);
        }
        return answer as T;
    };
}
