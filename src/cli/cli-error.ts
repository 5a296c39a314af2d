/** A refusal the CLI prints as one line (`liaison: …`) and exits 1 on, without a stack trace. */
export class CliError extends Error {}
