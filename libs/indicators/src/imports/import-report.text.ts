import { formatNumber } from '../format/swedish-number.util.js';
import { ImportBatch } from './import-batch.entity.js';
import { summarizeImport } from './dto/import-batch.dto.js';

/** The preview report as plain Swedish text, for the terminal: the same facts the API returns. */
export function renderImportReport(batch: ImportBatch): string {
  const n = (value: number) => formatNumber(value, { plain: true }).padStart(10);
  const lines = [
    `Import ${batch.id} (${batch.fileName}, ${batch.format.toUpperCase()}, ${formatNumber(batch.byteSize, { plain: true })} byte)`,
    `Kontrollsumma (SHA-256): ${batch.checksum}`,
    '',
    `  Värden i filen: ${n(batch.rowCount)}`,
    `  Nya:            ${n(batch.insertCount)}`,
    `  Ändrade:        ${n(batch.updateCount)}`,
    `  Oförändrade:    ${n(batch.unchangedCount)}`,
    `  Avvisade:       ${n(batch.rejectedCount)}`,
  ];
  if (batch.status === 'committed') lines.push(`  Beräknade:      ${n(batch.derivedCount)}  (delregioner och län)`);
  if (batch.changes.length > 0) {
    lines.push('', 'Exempel på ändrade värden:');
    for (const change of batch.changes.slice(0, 20)) {
      const breakdown = change.breakdown ? ` [${change.breakdown}]` : '';
      lines.push(`  Rad ${change.line}: ${change.indicator} ${change.orgUnit} ${change.period}${breakdown}: ` +
        `${formatNumber(change.oldValue, { plain: true, maxDecimals: 6 })} → ${formatNumber(change.newValue, { plain: true, maxDecimals: 6 })}`);
    }
  }
  if (batch.rejectedRows.length > 0) {
    lines.push('', 'Avvisade rader:');
    for (const rejection of batch.rejectedRows) lines.push(`  ${rejection.message}`);
    const notListed = batch.rejectedCount - batch.rejectedRows.length;
    if (notListed > 0) lines.push(`  … och ${formatNumber(notListed, { plain: true })} rader till (de första ${formatNumber(batch.rejectedRows.length, { plain: true })} visas).`);
  }
  lines.push('', summarizeImport(batch));
  return lines.join('\n');
}
