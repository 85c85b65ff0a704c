/** The mark an inductive code wears in the trees, explained where the trees are. */
export function OriginKey() {
  return (
    <span className="origin-key">
      <span className="badge origin inductive">inductive</span> derived from the data; unmarked codes come from the scheme (deductive)
    </span>
  );
}

/** Under the Codebook view's tree. */
export function OriginLegend() {
  return (
    <footer className="pane-footer hint">
      <OriginKey />
    </footer>
  );
}
