// English for the frame: shared components, formats, dates and the generic parts of pages.
export const en: Record<string, string> = {};
