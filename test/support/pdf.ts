/** Reads the PDFs the service prints back, in e2e tests. */

export interface PdfPage {
  /** The page's text, whitespace collapsed. */
  text: string;
  /** How many images the page paints. */
  images: number;
}

/** Reads a PDF back with pdf.js: each page's text, as a reader's copy-paste would give it, and its images. */
export async function readPdf(data: Buffer): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false })
    .promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const operators = await page.getOperatorList();
    const images = operators.fnArray.filter((fn) => fn === pdfjs.OPS.paintImageXObject).length;
    pages.push({ text, images });
  }
  await document.destroy();
  return pages;
}
