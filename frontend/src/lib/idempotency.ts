/**
 * One key per user intent: created when a form opens or a mutation starts, reused when the same
 * request is retried, so a double click or a retry after a lost answer does not act twice.
 */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** The `If-Match` value the API expects for a record at this version (its ETag). */
export function etagOf(version: number): string {
  return `"${version}"`;
}
