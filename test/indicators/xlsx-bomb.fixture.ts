import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import yazl from 'yazl';

/** Part contents as a stream made on demand: a 1 GB part is never held, only deflated as it passes. */
type PartSource = string | (() => Iterable<string>);

export interface XlsxBombOptions {
  /** Shared strings in `xl/sharedStrings.xml`. */
  sharedStrings?: number;
  /** Characters of each shared string. */
  stringLength?: number;
  /** Data rows of the sheet (each one value cell). */
  rows?: number;
  /** Cells of the one data row after the header (to pass Excel's 16 384 columns). */
  cellsInRow?: number;
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

function* sharedStringsXml(count: number, length: number): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
  const header = ['indikator', 'enhet', 'period', 'värde'].map((text) => `<si><t>${text}</t></si>`).join('');
  yield header;
  const filler = `<si><t>${'A'.repeat(length)}</t></si>`;
  // About 1 MB per chunk: few stream steps, little memory.
  const perChunk = Math.max(1, Math.floor(1_000_000 / filler.length));
  for (let written = 0; written < count; written += perChunk) {
    yield filler.repeat(Math.min(perChunk, count - written));
  }
  yield '</sst>';
}

function* sheetXml(rows: number, cellsInRow: number): Iterable<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  yield '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';
  if (cellsInRow > 0) {
    yield `<row r="2">${Array.from({ length: cellsInRow }, (_, index) => `<c r="${columnName(index + 1)}2"><v>1</v></c>`).join('')}</row>`;
  }
  for (let row = 0; row < rows; row += 10_000) {
    let chunk = '';
    for (let r = row; r < Math.min(rows, row + 10_000); r++) chunk += `<row r="${r + 3}"><c r="D${r + 3}"><v>1</v></c></row>`;
    yield chunk;
  }
  yield '</sheetData></worksheet>';
}

function columnName(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

function addPart(zip: yazl.ZipFile, path: string, source: PartSource): void {
  if (typeof source === 'string') {
    zip.addBuffer(Buffer.from(source, 'utf8'), path, { compressionLevel: 6 });
  } else {
    zip.addReadStream(Readable.from(source(), { objectMode: false }), path, { compressionLevel: 6 });
  }
}

/**
 * An `.xlsx` that packs far more than it weighs: the shared strings, rows or cells asked for, written through
 * yazl's deflate stream so the unpacked size is never in memory here either. Its zip directory tells the truth.
 */
export async function xlsxBomb(options: XlsxBombOptions): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  addPart(zip, '[Content_Types].xml', CONTENT_TYPES);
  addPart(zip, 'xl/workbook.xml', WORKBOOK);
  addPart(zip, 'xl/_rels/workbook.xml.rels', RELS);
  addPart(zip, 'xl/sharedStrings.xml', () => sharedStringsXml(options.sharedStrings ?? 0, options.stringLength ?? 1000));
  addPart(zip, 'xl/worksheets/sheet1.xml', () => sheetXml(options.rows ?? 1, options.cellsInRow ?? 0));
  zip.end();
  return buffer(zip.outputStream);
}

/**
 * The same bomb with a lying zip directory and local headers: every part claims to unpack to `claimed` bytes,
 * so only counting what the inflater really gives out can stop it.
 */
export function withClaimedSizes(zip: Buffer, claimed: number): Buffer {
  const out = Buffer.from(zip);
  for (let at = out.indexOf(CENTRAL); at !== -1; at = out.indexOf(CENTRAL, at + 4)) {
    out.writeUInt32LE(claimed, at + 24);
    const localHeader = out.readUInt32LE(at + 42);
    out.writeUInt32LE(claimed, localHeader + 22);
  }
  for (let at = out.indexOf(DESCRIPTOR); at !== -1; at = out.indexOf(DESCRIPTOR, at + 4)) {
    out.writeUInt32LE(claimed, at + 12);
  }
  return out;
}

const CENTRAL = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
const DESCRIPTOR = Buffer.from([0x50, 0x4b, 0x07, 0x08]);
