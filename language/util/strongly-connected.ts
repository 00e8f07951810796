/** A directed edge between two nodes, carrying whatever the caller needs to know about it. */
export interface DirectedEdge<N> {
    readonly from: N;
    readonly to: N;
}

/**
 * Tarjan's strongly connected components, iterative so that long chains cannot overflow the
 * call stack. O(nodes + edges). Returns a component number per node; nodes in the same
 * component reach each other.
 */
export function stronglyConnectedComponents<N>(edges: readonly DirectedEdge<N>[]): Map<N, number> {
    const successors = new Map<N, N[]>();
    const nodes: N[] = [];
    const addNode = (node: N) => {
        if (!successors.has(node)) {
            successors.set(node, []);
            nodes.push(node);
        }
    };
    for (const edge of edges) {
        addNode(edge.from);
        addNode(edge.to);
        successors.get(edge.from)!.push(edge.to);
    }

    const index = new Map<N, number>();
    const low = new Map<N, number>();
    const onStack = new Set<N>();
    const stack: N[] = [];
    const component = new Map<N, number>();
    let counter = 0;
    let components = 0;
    const visit = (node: N, work: Array<{ node: N; next: number }>) => {
        index.set(node, counter);
        low.set(node, counter);
        counter++;
        stack.push(node);
        onStack.add(node);
        work.push({ node, next: 0 });
    };

    for (const root of nodes) {
        if (index.has(root)) continue;
        const work: Array<{ node: N; next: number }> = [];
        visit(root, work);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            const next = successors.get(frame.node)!;
            if (frame.next < next.length) {
                const successor = next[frame.next++];
                if (!index.has(successor)) {
                    visit(successor, work);
                } else if (onStack.has(successor)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(successor)!));
                }
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                let member: N;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.set(member, components);
                } while (member !== frame.node);
                components++;
            }
        }
    }
    return component;
}

/**
 * The edges that lie on at least one directed cycle: those whose ends are in the same strongly
 * connected component (a self-loop included). O(nodes + edges).
 */
export function edgesOnCycles<N, E extends DirectedEdge<N>>(edges: readonly E[]): Array<{ edge: E; component: number }> {
    const component = stronglyConnectedComponents(edges);
    return edges
        .filter(edge => component.get(edge.from) === component.get(edge.to))
        .map(edge => ({ edge, component: component.get(edge.from)! }));
}
