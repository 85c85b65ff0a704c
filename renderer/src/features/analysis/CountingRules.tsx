/** The counting rules, stated where the figures are read (the same rules the tests check). */
export function CountingRules({ kind }: { kind: 'frequency' | 'cooccurrence' | 'frameworks' }) {
  return (
    <details className="counting-rules">
      <summary>How these figures are counted</summary>
      {kind === 'frequency' && (
        <ul>
          <li><b>One coding</b> is one passage coded with one code. It belongs to the participant of the unit (turn, answer, paragraph) where it <i>starts</i>; codings in documents, interviewer turns or outside any unit are <i>Unattributed</i>.</li>
          <li><b>Roll-up:</b> a parent or section row counts the distinct codings of the code and all codes below it, so a coding is never counted twice in one row.</li>
          <li><b>Sources</b> counts the distinct sources holding those codings.</li>
          <li><b>Coverage</b> is the share of the column's text covered: the union of the row's coded ranges inside the participants' units (overlapping codings are not double counted), divided by the total length of those units.</li>
          <li><b>Total</b> and <b>All rows</b> are distinct counts too, not sums of the cells. Empty categories and participants without codings show as zeros.</li>
          <li><b>Coders:</b> with more than one coder, only the codings of the coders chosen under Coders count (all by default); their coverage is the union of their ranges.</li>
        </ul>
      )}
      {kind === 'cooccurrence' && (
        <ul>
          <li>Each code counts only its own codings; a parent's own codings appear as “(coded directly)”. With sections, each section rolls up its codes.</li>
          <li><b>Overlap:</b> a cell counts pairs of codings, one from each row, whose ranges share at least one character in the same source (touching ends do not count).</li>
          <li><b>Same unit:</b> a cell counts pairs of codings that start in the same unit (turn, answer, paragraph), overlapping or not.</li>
          <li>The diagonal (grey) shows the number of codings in the row. Pairs inside one row are not counted.</li>
          <li><b>Coders:</b> only the chosen coders' codings count, so a pair of two coders' codings counts only when both coders are chosen.</li>
        </ul>
      )}
      {kind === 'frameworks' && (
        <ul>
          <li><b>Items</b>: questionnaire items linked to at least one element of the framework, out of all items.</li>
          <li><b>Categories</b>: every code below a section, plus top-level codes without subcodes (inductive categories); linked directly to at least one element.</li>
          <li><b>Crosswalk</b>: where a category is linked to an element, the number of codings of the category and its subcodes.</li>
        </ul>
      )}
    </details>
  );
}
