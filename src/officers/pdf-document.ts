// A new pdfkit document, with pdfkit loaded on the first one: the service holds pdfkit and its fonts' code only once
// someone has asked for a PDF, not from start-up on.
export async function newPdfDocument(options: PDFKit.PDFDocumentOptions): Promise<PDFKit.PDFDocument> {
  const { default: PDFDocument } = await import('pdfkit');
  return new PDFDocument(options);
}
