/**
 * A refusal of an operator command (backup, restore, key handling) or of a start: a stable code
 * and a Chinese message that says what to do. The CLI prints the message and exits non-zero.
 */
export class OpsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "OpsError";
  }
}
