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

/** An image a page paints, as RGBA pixels. */
export interface PdfImage {
  width: number;
  height: number;
  rgba: Uint8ClampedArray;
}

/**
 * The images each page of a PDF paints, decoded by pdf.js to pixels (RGBA), e.g. to read a QR code back with
 * jsQR: the test reads what a phone's camera would see, not the service's own data.
 */
export async function readPdfImages(data: Buffer): Promise<PdfImage[][]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false })
    .promise;
  const pages: PdfImage[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const operators = await page.getOperatorList();
    const images: PdfImage[] = [];
    for (let i = 0; i < operators.fnArray.length; i++) {
      if (operators.fnArray[i] !== pdfjs.OPS.paintImageXObject) continue;
      const id = (operators.argsArray[i] as [string])[0];
      const image = await new Promise<{ width: number; height: number; kind: number; data: Uint8ClampedArray }>(
        (resolve) => page.objs.get(id, resolve),
      );
      images.push({ width: image.width, height: image.height, rgba: toRgba(image) });
    }
    pages.push(images);
  }
  await document.destroy();
  return pages;
}

/** pdf.js image kinds: 1 = 1 bit grey, 2 = RGB, 3 = RGBA. */
function toRgba(image: { width: number; height: number; kind: number; data: Uint8ClampedArray }): Uint8ClampedArray {
  const pixels = image.width * image.height;
  if (image.kind === 3) return image.data;
  const out = new Uint8ClampedArray(pixels * 4);
  if (image.kind === 2) {
    for (let p = 0; p < pixels; p++) {
      out[p * 4] = image.data[p * 3]!;
      out[p * 4 + 1] = image.data[p * 3 + 1]!;
      out[p * 4 + 2] = image.data[p * 3 + 2]!;
      out[p * 4 + 3] = 255;
    }
    return out;
  }
  const rowBytes = Math.ceil(image.width / 8);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const bit = (image.data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
      const v = bit ? 255 : 0;
      out.set([v, v, v, 255], (y * image.width + x) * 4);
    }
  }
  return out;
}
