// English for the ledger pages (see ../t.ts). Key: the Chinese exactly as the page or the server
// writes it, placeholders as {name}; value: the English.
export const en: Record<string, string> = {};
