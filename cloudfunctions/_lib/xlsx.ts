/**
 * Reads the first worksheet of an .xlsx file into plain text cells (exceljs). Before unpacking, the zip's central
 * directory is checked, so a non-xlsx file or a zip bomb is refused without inflating anything.
 */
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';

/** Most bytes the unpacked workbook may take (a 2 MB .xlsx of plain text unpacks to well under this). */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export interface SheetRow {
  /** the row number Excel shows */
  line: number;
  /** cell texts by 0-based column, trimmed and NFKC-normalised (full-width digits become ASCII) */
  cells: string[];
}

export interface Sheet {
  /** every row with some text, in order (blank rows left out) */
  rows: SheetRow[];
}

/** Why a file could not be read, in words staff understand. */
export class SheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetError';
  }
}

/** Sum of uncompressed sizes from the zip's central directory; null when the bytes are not a zip. */
export function unpackedSize(buffer: Buffer): number | null {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== 0x04034b50) return null;
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the end of the file.
  const from = Math.max(0, buffer.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= from; i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = buffer.readUInt32LE(offset + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any roster
    total += size;
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
  return total;
}

/** Plain text of a cell whatever exceljs made of it (number, date, rich text, formula, hyperlink ...). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.normalize('NFKC').trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return dayjs(value).format('YYYY-MM-DD');
  if ('richText' in value) return cellText(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return '';
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return cellText(value.text);
  return '';
}

/** The first worksheet of an .xlsx file. Throws SheetError for anything that is not a readable workbook. */
export async function readFirstSheet(buffer: Buffer): Promise<Sheet> {
  const size = unpackedSize(buffer);
  if (size === null) throw new SheetError('not a zip');
  if (size > MAX_UNPACKED_BYTES) throw new SheetError('unpacks too large');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy of the bytes is one
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw new SheetError('not a workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError('no worksheet');
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    const filled = Array.from(cells, (cell) => cell ?? '');
    if (filled.some((cell) => cell !== '')) rows.push({ line, cells: filled });
  });
  return { rows };
}
