import { awardExportSelect, inlineParameters } from '../src/exports/award-export.sql.js';

/**
 * The floor of W3: `psql`'s `\copy` of the very SELECT the CSV export runs (every award, revoked ones included,
 * as `GET /exports/awards.csv` without filters), to /dev/null. `\copy` takes one line, so the statement's line
 * breaks become spaces (its string literals hold none).
 */
export function exportFloorCommand(): string {
  const select = awardExportSelect({ includeRevoked: true }, 'csv');
  const statement = inlineParameters(select.text, select.values).replace(/\s+/g, ' ');
  return `\\copy (${statement}) to '/dev/null' with (format csv, header true, encoding 'UTF8')`;
}
