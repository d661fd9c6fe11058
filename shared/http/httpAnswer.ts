/**
 * An HTTP answer both hosts can send: the Functions host takes it as an HttpResponseInit, the local server writes
 * it itself. `jsonBody` is sent as JSON; otherwise `body` with the content type in `headers`.
 */
export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  jsonBody?: unknown;
}

/** Pages and data for commissioners are never cached by a shared proxy and never sniffed into another type. */
export const noStoreHeaders = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

export function jsonAnswer(status: number, jsonBody: unknown): HttpAnswer {
  return { status, headers: { ...noStoreHeaders, 'content-type': 'application/json; charset=utf-8' }, jsonBody };
}

export function textAnswer(status: number, text: string): HttpAnswer {
  return { status, headers: { ...noStoreHeaders, 'content-type': 'text/plain; charset=utf-8' }, body: text };
}
