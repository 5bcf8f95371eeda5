/** "PDF, 471 KB": file details for download links, sized in binary units as GOV.UK does. */
export function describeFile(format: string | null | undefined, sizeBytes: number | null | undefined, lang: string): string {
  const parts: string[] = [];
  if (typeof format === 'string' && format) parts.push(format.toUpperCase());
  if (typeof sizeBytes === 'number' && Number.isFinite(sizeBytes) && sizeBytes >= 0) {
    const kilobytes = sizeBytes / 1024;
    parts.push(
      kilobytes < 1024
        ? `${new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(Math.max(1, kilobytes))} KB`
        : `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(kilobytes / 1024)} MB`,
    );
  }
  return parts.join(', ');
}
