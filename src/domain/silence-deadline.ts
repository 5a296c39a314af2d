/**
 * When a silence deadline adopts (issue 9): the proposal is still open under silence and its
 * deadline has come. Anything else (broken, withdrawn, already adopted, not yet due) is left as it
 * is, which makes firing idempotent: a second run, or a late job, changes nothing.
 */
export function adoptsAtDeadline(
  state: { readonly status: string; readonly procedure: string; readonly deadline: string | null },
  now: Date,
): boolean {
  return (
    state.status === 'open' &&
    state.procedure === 'silence' &&
    state.deadline !== null &&
    Date.parse(state.deadline) <= now.getTime()
  )
}
