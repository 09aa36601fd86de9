import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';

/**
 * Spreadsheet import/export for every module. ExcelJS reads and writes .xlsx (a well-kept,
 * pure-JS implementation); csv-parse reads .csv. Rows come back keyed by header text.
 */
export interface SheetRow {
  /** 1-based row number in the sheet, the header being row 1, so people can find it. */
  row: number;
  values: Record<string, string>;
}

const MAX_ROWS = 50_000;

export async function readSheet(data: Buffer, filename: string): Promise<SheetRow[]> {
  const ext = extname(filename).toLowerCase();
  try {
    if (ext === '.csv') {
      return readCsv(data);
    }
    if (ext === '.xlsx') {
      return await readXlsx(data);
    }
  } catch (error) {
    throw new AppError('files/unreadable', { field: 'file', cause: error });
  }
  throw new AppError('files/unreadable', { field: 'file' });
}

function readCsv(data: Buffer): SheetRow[] {
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const records: string[][] = parseCsv(text, { relax_column_count: true, skip_empty_lines: false });
  const [header, ...body] = records;
  if (!header) {
    return [];
  }
  return toRows(
    header.map((h) => h.trim()),
    body,
  );
}

async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    return [];
  }
  const matrix: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    matrix[rowNumber - 1] = cells;
  });
  const [header, ...body] = matrix;
  if (!header) {
    return [];
  }
  return toRows(
    Array.from(header, (h) => (h ?? '').trim()),
    body.map((r) => Array.from(r ?? [], (c) => c ?? '')),
  );
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') {
      return value.text;
    }
    if ('result' in value && value.result !== undefined) {
      return cellText(value.result as ExcelJS.CellValue);
    }
    if ('richText' in value) {
      return value.richText.map((r) => r.text).join('');
    }
    return '';
  }
  return String(value);
}

function toRows(header: string[], body: string[][]): SheetRow[] {
  if (body.length > MAX_ROWS) {
    throw new AppError('files/unreadable', { field: 'file' });
  }
  const rows: SheetRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((c) => (c ?? '').trim() === '')) {
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((h, i) => {
      if (h) {
        values[h] = (cells[i] ?? '').trim();
      }
    });
    rows.push({ row: index + 2, values });
  });
  return rows;
}

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

export async function writeXlsx<T>(
  sheetName: string,
  columns: SheetColumn<T>[],
  rows: Iterable<T>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongyou';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(columns.map((c) => c.value(row)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Several sheets in one workbook (a report with a summary and its details). */
export async function writeXlsxBook<T>(
  sheets: readonly { name: string; columns: SheetColumn<T>[]; rows: Iterable<T> }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongyou';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = s.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    for (const row of s.rows) {
      sheet.addRow(s.columns.map((c) => c.value(row)));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
