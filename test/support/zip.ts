import { createDeflateRaw, constants } from 'node:zlib';

/** One member of a hand-built zip: its name, its bytes as stored, and what the zip claims about them. */
export interface ZipMemberSpec {
  name: string;
  /** The bytes as stored: raw deflate for method 8, the content itself for method 0. */
  data: Buffer;
  method: 0 | 8;
  /** The uncompressed size written in the local header and the central directory (any claim at all). */
  declaredSize: number;
}

/**
 * A zip laid out as any archiver writes one: local headers and data, the central directory, the end record. The
 * sizes are whatever the members declare, so a test can build a zip that lies about them. CRCs are left 0 (the
 * workbook reader does not check them).
 */
export function zipOf(members: readonly ZipMemberSpec[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(member.method, 8);
    local.writeUInt32LE(member.data.length, 18);
    local.writeUInt32LE(member.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(member.method, 10);
    central.writeUInt32LE(member.data.length, 20);
    central.writeUInt32LE(member.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, member.data);
    directory.push(central, name);
    offset += local.length + name.length + member.data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

/** A stored member holding `text`, declared at its true size. */
export const storedMember = (name: string, text: string): ZipMemberSpec => {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, declaredSize: data.length };
};

/**
 * Raw deflate of `mebibytes` MiB of spaces, at the best compression (about a thousand to one), written from one
 * reused MiB so the test never holds the inflated bytes itself.
 */
export async function deflatedSpaces(mebibytes: number): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => deflater.on('end', resolve).on('error', reject));
  const mebibyte = Buffer.alloc(1024 * 1024, 0x20);
  for (let written = 0; written < mebibytes; written++) {
    if (!deflater.write(mebibyte)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return Buffer.concat(chunks);
}
