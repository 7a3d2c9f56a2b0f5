/**
 * A section's figures for the views of the Cohort screen seen lately, by working set and view key
 * (`CohortData.viewKey`: the query, the definitions, the share-mode rule and the "Other areas"
 * choice, which with the working set decide every figure on the screen). Going back to a view
 * seen before (clearing a filter, say) costs no recomputation. Keeps the `size` most recent views
 * per working set; a new working set starts afresh.
 */
export function viewMemo<T>(size = 6): (ws: object, key: string, compute: () => T) => T {
  const byWs = new WeakMap<object, Map<string, T>>();
  return (ws, key, compute) => {
    let seen = byWs.get(ws);
    if (!seen) byWs.set(ws, (seen = new Map()));
    if (seen.has(key)) {
      const hit = seen.get(key)!;
      // Most recent last, so the oldest goes first.
      seen.delete(key);
      seen.set(key, hit);
      return hit;
    }
    const value = compute();
    seen.set(key, value);
    if (seen.size > size) seen.delete(seen.keys().next().value!);
    return value;
  };
}
