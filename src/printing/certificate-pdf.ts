import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formatVerificationCode } from '../awards/verification-code.js';
import { awardName } from '../rules/index.js';
import {
  achievementLine,
  type CertificateRecord,
  decisionLine,
  headline,
  issuerHeading,
  signatureTitles,
  vietnameseShortDate,
} from './certificate-text.js';

/**
 * Noto Serif (SIL Open Font License), shipped as TrueType by an npm package and embedded (subset) in every PDF:
 * full Vietnamese coverage, whatever fonts the server or the reader's machine has.
 */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;

/** The font files, read once per process. */
function loadFonts(): Record<FontName, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const read = (name: FontName) => readFileSync(require.resolve(FONT_FILES[name]));
    fonts = { regular: read('regular'), bold: read('bold'), italic: read('italic') };
  }
  return fonts;
}

const RED = '#b3001b';
const INK = '#1a1a1a';
const GREY = '#555555';

/** A4 landscape, in points. */
const PAGE = { width: 841.89, height: 595.28 };

export interface PrintOptions {
  /** Public address of the service: the QR code points at the verification page `${publicBaseUrl}/verify/{code}`. */
  publicBaseUrl: string;
  /** PDF metadata title. */
  title: string;
}

/** The public verification page a certificate's QR code carries: HTML for whoever scans it with a phone. */
export function verificationUrl(publicBaseUrl: string, verificationCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${verificationCode}`;
}

/**
 * Renders certificates as one PDF, one A4 landscape page each, and returns the document as a stream (pages are
 * written out as they are drawn). A revoked award's page is crossed "ĐÃ THU HỒI" with the date, so a reprint can
 * never pass for a valid certificate; its QR code verifies as revoked anyway.
 */
export async function renderCertificates(
  records: CertificateRecord[],
  options: PrintOptions,
): Promise<PDFKit.PDFDocument> {
  // Loaded on first use: the PDF and QR code libraries hold tens of megabytes that an instance which never prints
  // should not carry.
  const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([import('pdfkit'), import('qrcode')]);
  const qrCodes = await Promise.all(
    records.map((record) =>
      QRCode.toBuffer(verificationUrl(options.publicBaseUrl, record.verificationCode), {
        type: 'png',
        errorCorrectionLevel: 'M',
        margin: 1,
        scale: 4,
      }),
    ),
  );
  const font = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: options.title,
      Author: records[0]?.issuerName ?? '',
      Creator: 'Awards Registry',
      Producer: 'Awards Registry',
    },
  });
  doc.registerFont('regular', font.regular);
  doc.registerFont('bold', font.bold);
  doc.registerFont('italic', font.italic);
  records.forEach((record, index) => drawPage(doc, record, qrCodes[index], options.publicBaseUrl));
  doc.end();
  return doc;
}

function drawPage(doc: PDFKit.PDFDocument, record: CertificateRecord, qr: Buffer, publicBaseUrl: string): void {
  doc.addPage();
  const { width, height } = PAGE;
  const left = 70;
  const inner = width - 2 * left;

  // Frame: a thick red border and a thin inner line.
  doc
    .lineWidth(4)
    .strokeColor(RED)
    .rect(22, 22, width - 44, height - 44)
    .stroke();
  doc
    .lineWidth(1)
    .rect(32, 32, width - 64, height - 64)
    .stroke();

  const centered = (text: string, y: number, fontName: string, size: number, color = INK) =>
    doc.font(fontName).fontSize(size).fillColor(color).text(text, left, y, { width: inner, align: 'center' });

  centered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 52, 'bold', 13);
  centered('Độc lập - Tự do - Hạnh phúc', 70, 'bold', 12.5);
  doc
    .lineWidth(0.8)
    .strokeColor(INK)
    .moveTo(width / 2 - 85, 89)
    .lineTo(width / 2 + 85, 89)
    .stroke();

  const heading = issuerHeading(record);
  if (heading.length === 1) centered(heading[0], 108, 'bold', 15);
  else {
    // A Sở under its province's People's Committee: the committee in smaller type, the Sở's head below.
    centered(heading[0], 97, 'bold', 12);
    centered(heading[1], 114, 'bold', 14);
  }
  centered(headline(record.awardCode), 140, 'bold', 46, RED);
  if (headline(record.awardCode) === 'BẰNG CHỨNG NHẬN')
    centered(`Danh hiệu ${awardName(record.awardCode)}`, 198, 'bold', 15, RED);

  centered(`Tặng: ${record.recipientName}`, 228, 'bold', 22);
  let y = doc.y + 6;
  if (record.recipientKind === 'INDIVIDUAL') {
    centered(`Đơn vị: ${record.organizationName}`, y, 'regular', 14);
    y = doc.y + 6;
  }
  centered(achievementLine(record), y, 'italic', 15);

  // Bottom left: the decision, the register number, the QR code and the verification code.
  const bottom = height - 170;
  doc.font('regular').fontSize(10.5).fillColor(INK).text(decisionLine(record), left, bottom, { width: 360 });
  if (record.certificateNumber) doc.text(`Số vào sổ: ${record.certificateNumber}`, left, doc.y + 2, { width: 360 });
  const qrTop = height - 122;
  doc.image(qr, left, qrTop, { width: 72, height: 72 });
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(GREY)
    .text('Mã xác thực:', left + 82, qrTop + 8, { width: 300 })
    .font('bold')
    .fontSize(11)
    .fillColor(INK)
    .text(formatVerificationCode(record.verificationCode), left + 82, doc.y + 1, { width: 300 })
    .font('regular')
    .fontSize(8)
    .fillColor(GREY)
    .text(`Kiểm tra: ${verificationUrl(publicBaseUrl, record.verificationCode)}`, left + 82, doc.y + 3, { width: 300 });

  // Bottom right: the signature block.
  const signX = width - 70 - 280;
  let signY = bottom - 6;
  for (const line of signatureTitles(record)) {
    doc.font('bold').fontSize(13).fillColor(INK).text(line, signX, signY, { width: 280, align: 'center' });
    signY = doc.y;
  }
  doc
    .font('bold')
    .fontSize(14)
    .text(record.signerName, signX, height - 82, { width: 280, align: 'center' });

  if (record.revokedAt) drawRevoked(doc, record.revokedAt);
}

/** Crosses a revoked award's page: a banner with the date and a large diagonal mark. */
function drawRevoked(doc: PDFKit.PDFDocument, revokedAt: Date): void {
  const { width, height } = PAGE;
  doc.save();
  doc.rotate(-24, { origin: [width / 2, height / 2] });
  doc
    .font('bold')
    .fontSize(88)
    .fillColor(RED)
    .fillOpacity(0.22)
    .text('ĐÃ THU HỒI', 0, height / 2 - 55, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(RED)
    .fillOpacity(1)
    .text(`ĐÃ THU HỒI ngày ${vietnameseShortDate(revokedAt)}: khen thưởng này không còn giá trị (revoked)`, 40, 36, {
      width: width - 80,
      align: 'center',
    });
}
