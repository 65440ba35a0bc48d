// Hand-made zips for read-table.*.test.ts: small xlsx files with exactly the members, sizes and
// damage a test needs, which no spreadsheet library would write.

export interface ZipMember {
  name: string;
  data: Buffer;
  /** 0 stored (default), 8 deflated; `data` is then already deflated. */
  method?: number;
  /** The uncompressed size to declare (defaults to the stored data's length). */
  size?: number;
}

/** A zip with local headers, a central directory and its end record; CRCs are left 0. */
export function zip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method = 0, size = data.length } of members) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Workbook and relationships of a one-sheet xlsx: no styles, no shared strings. */
export function minimalParts(): ZipMember[] {
  return [
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>` +
          '<sheet name="清单" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" ` +
          `Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
  ];
}

export const sheetXmlWith = (row2Cells: string) =>
  `<worksheet xmlns="${MAIN}"><sheetData><row r="2">${row2Cells}</row></sheetData></worksheet>`;

export function minimalXlsx(row2Cells: string): Buffer {
  const sheet = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXmlWith(row2Cells)) };
  return zip([...minimalParts(), sheet]);
}
