/** The same stamp on every PDF: the same diagram gives the same bytes. */
const STAMP = new Date(Date.UTC(2000, 0, 1));

/**
 * Chromium names a printed page after its address and itself (Title: the page's URL,
 * Creator: its user agent, and the time it was made). This gives the PDF the diagram's title,
 * vstack as its creator and producer, and fixed dates, through pdf-lib (which reads and
 * rewrites the document's structure rather than patching bytes).
 */
export async function withMetadata(pdf: Uint8Array, meta: { title: string; creator: string }): Promise<Buffer> {
  // Loaded on the first PDF: most runs make none, and an up-to-date rebuild must start fast.
  const lib = await import("pdf-lib");
  // pdf-lib is CommonJS: bundled, its exports may come as the default export.
  const { PDFDocument } = "PDFDocument" in lib ? lib : (lib as { default: typeof lib }).default;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setCreator(meta.creator);
  doc.setProducer(meta.creator);
  doc.setCreationDate(STAMP);
  doc.setModificationDate(STAMP);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
