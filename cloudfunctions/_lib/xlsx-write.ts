/**
 * Writes .xlsx workbooks (exceljs) for the staff exports. Imported only by the functions that export (staff,
 * figures), so exceljs is bundled into no other function.
 */
import ExcelJS from 'exceljs';

export type CellValue = string | number | null;

export interface SheetSpec {
  name: string;
  /** the first row, in bold */
  header: string[];
  rows: CellValue[][];
}

export async function workbookOf(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '银龄通';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.addRow(spec.header).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row.map((cell) => cell ?? ''));
    sheet.columns.forEach((column, i) => {
      const widest = Math.max(...[spec.header[i] ?? '', ...spec.rows.map((row) => String(row[i] ?? ''))].map((text) => [...text].length));
      column.width = Math.min(40, Math.max(8, widest * 2 + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
