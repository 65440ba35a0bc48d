// English for text the server sends in its answers that is not tied to one area: generic
// refusals and validation messages (server/src/http.ts, errors.ts). Area-specific server text
// (check results, status labels) lives in that area's catalog.
export const en: Record<string, string> = {};
