/**
 * The locale the tests give the programs they start (soffice, Chromium): a CI machine may have
 * none set, and in the C locale both turn Chinese file names into "???".
 */
export const UTF8 = { LANG: "C.UTF-8", LC_ALL: "C.UTF-8" } as const;
