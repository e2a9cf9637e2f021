/** What an adapter writes: nothing in it needs a decision. */
export interface ErrorResponse {
  readonly status: number;
  /** Lower-case header names; values free of CR/LF. */
  readonly headers: Readonly<Record<string, string>>;
  /** The serialised body, or null when none may be sent (HEAD). */
  readonly body: string | null;
}
