/** Requirement sets, asked at run time: the same add-in runs in Excel 2016 and in Excel on the web. */

/** Whether this Excel supports the API set at this version (false outside Office, e.g. in tests without Office). */
export function isSupported(set: string, version: string): boolean {
  const requirements = typeof Office !== "undefined" ? Office.context?.requirements : undefined;
  return requirements?.isSetSupported(set, version) ?? false;
}
