/** What the file name of an export says about its filters. */
export interface ExportNameParts {
  year?: number;
  fromYear?: number;
  toYear?: number;
  awardCode?: string;
  /** Document symbol or code of the organization whose subtree was exported. */
  organizationLabel?: string;
  recipientKind?: string;
  basis?: string;
  q?: string;
  includeRevoked: boolean;
}

/** ASCII letters, digits and hyphens only: diacritics dropped ("Điện Biên" → "Dien-Bien"). */
export function asciiSlug(value: string, maxLength = 32): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, (char) => (char === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

/** `20261127T153000Z`: an instant in UTC, to the second, safe in a file name. */
export function compactUtcTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * The file name of an award export: the filters, then the UTC time it was made, ASCII only, e.g.
 * `awards_2023_STTTT-subtree_20261127T153000Z.csv`; `awards_all_…` without filters.
 */
export function exportFileName(parts: ExportNameParts, at: Date, extension: 'csv' | 'xlsx'): string {
  const tokens: string[] = [];
  if (parts.year !== undefined) tokens.push(String(parts.year));
  if (parts.fromYear !== undefined || parts.toYear !== undefined) {
    tokens.push(
      parts.fromYear !== undefined && parts.toYear !== undefined
        ? `${parts.fromYear}-${parts.toYear}`
        : parts.fromYear !== undefined
          ? `from${parts.fromYear}`
          : `to${parts.toYear}`,
    );
  }
  if (parts.awardCode) tokens.push(parts.awardCode);
  if (parts.organizationLabel) tokens.push(`${asciiSlug(parts.organizationLabel) || 'org'}-subtree`);
  if (parts.recipientKind) tokens.push(parts.recipientKind);
  if (parts.basis) tokens.push(parts.basis);
  const q = parts.q?.trim() ? asciiSlug(parts.q, 24) : '';
  if (q) tokens.push(`q-${q}`);
  if (!parts.includeRevoked) tokens.push('not-revoked');
  return `awards_${tokens.length > 0 ? tokens.join('_') : 'all'}_${compactUtcTimestamp(at)}.${extension}`;
}
