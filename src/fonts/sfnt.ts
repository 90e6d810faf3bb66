/**
 * One face of a font collection (.ttc, as Debian ships Noto Sans CJK) as a font file of its own:
 * the subsetter reads only the first face of what it is given. The table directory of the face
 * is copied with every table it names, offsets rewritten (OpenType spec, "Font Collections").
 */
export function faceOfCollection(bytes: Buffer, index: number): Buffer {
  if (bytes.toString("latin1", 0, 4) !== "ttcf") {
    if (index !== 0) throw new Error(`face ${index} asked of a font file that holds one face`);
    return bytes;
  }
  const faces = bytes.readUInt32BE(8);
  if (index >= faces) throw new Error(`face ${index} asked of a collection of ${faces}`);
  const start = bytes.readUInt32BE(12 + 4 * index);
  const tables = bytes.readUInt16BE(start + 4);
  const records = Array.from({ length: tables }, (_, i) => {
    const at = start + 12 + 16 * i;
    return { record: bytes.subarray(at, at + 16), offset: bytes.readUInt32BE(at + 8), length: bytes.readUInt32BE(at + 12) };
  });
  const headerSize = 12 + 16 * tables;
  const pad = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerSize + records.reduce((n, r) => n + pad(r.length), 0));
  bytes.copy(out, 0, start, start + 12);
  let offset = headerSize;
  records.forEach((r, i) => {
    const at = 12 + 16 * i;
    r.record.copy(out, at);
    out.writeUInt32BE(offset, at + 8);
    bytes.copy(out, offset, r.offset, r.offset + r.length);
    offset += pad(r.length);
  });
  return out;
}
