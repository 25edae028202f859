/** A trie of search keys for typo-tolerant prefix matching (built once per place search). */
export interface TypoTrie {
  /**
   * Calls `found(value, edits)` once for every value whose key has a prefix within `max`
   * Damerau–Levenshtein (optimal string alignment) edits of `query`, with the smallest such count.
   */
  search(query: string, max: number, found: (value: number, edits: number) => void): void;
}

interface Node {
  readonly children: Map<number, Node>;
  readonly ends: number[];
  /** The values of this node's subtree are `values[from..to)`. */
  from: number;
  to: number;
}

const node = (): Node => ({ children: new Map(), ends: [], from: 0, to: 0 });

/**
 * Builds a {@link TypoTrie} over `keys` (value `i` is `keys[i]`). Searching walks the trie with one
 * edit-distance row per depth and prunes a branch as soon as every cell of its row exceeds the
 * allowed edits, so a query touches a few hundred nodes instead of every key.
 */
export function createTypoTrie(keys: readonly string[]): TypoTrie {
  const root = node();
  keys.forEach((key, value) => {
    let at = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = at.children.get(c);
      if (!next) {
        next = node();
        at.children.set(c, next);
      }
      at = next;
    }
    at.ends.push(value);
  });
  const values: number[] = [];
  const number = (at: Node) => {
    at.from = values.length;
    values.push(...at.ends);
    for (const child of at.children.values()) number(child);
    at.to = values.length;
  };
  number(root);

  return {
    search(query, max, found) {
      const m = query.length;
      const width = m + 1;
      const depthMax = m + max;
      const rows = new Int32Array((depthMax + 1) * width);
      for (let i = 0; i <= m; i++) rows[i] = i;
      const all = (at: Node, edits: number) => {
        for (let k = at.from; k < at.to; k++) found(values[k] ?? 0, edits);
      };
      const walk = (at: Node, depth: number, c: number, prevC: number, best: number) => {
        const cur = depth * width;
        const prev = cur - width;
        const prev2 = prev - width;
        rows[cur] = depth;
        let rowMin = depth;
        for (let i = 1; i <= m; i++) {
          const qi = query.charCodeAt(i - 1);
          let v = Math.min((rows[prev + i] ?? 0) + 1, (rows[cur + i - 1] ?? 0) + 1, (rows[prev + i - 1] ?? 0) + (qi === c ? 0 : 1));
          if (depth > 1 && i > 1 && qi === prevC && query.charCodeAt(i - 2) === c) v = Math.min(v, (rows[prev2 + i - 2] ?? 0) + 1);
          rows[cur + i] = v;
          if (v < rowMin) rowMin = v;
        }
        const here = Math.min(best, rows[cur + m] ?? m);
        if (rowMin > max || depth === depthMax) {
          if (here <= max) all(at, here);
          return;
        }
        for (const value of at.ends) if (here <= max) found(value, here);
        for (const [next, child] of at.children) walk(child, depth + 1, next, c, here);
      };
      if (m <= max) {
        all(root, m);
        return;
      }
      for (const [c, child] of root.children) walk(child, 1, c, -1, m);
    },
  };
}
