/** How a node output can be written: the encodings and damage `fileText` handles, shared by the node-output tests. */
const utf16le = (text: string) => Buffer.from(text, 'utf16le');

/** `byte` put into the line in the middle of the text, after its second character (past the first 64 KiB). */
export const lateByte = (text: string, byte: number) => {
  const bytes = Buffer.from(text);
  const at = bytes.indexOf('\n', bytes.length >> 1) + 3;
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]);
};

export type TextVariant = (text: string) => Uint8Array;

export const textVariants = {
  plain: (text) => Buffer.from(text),
  crlf: (text) => Buffer.from(text.replace(/\n/g, '\r\n')),
  'utf-8 BOM': (text) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  'utf-16le BOM': (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(text)]),
  'utf-16be BOM': (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(text).swap16()]),
  'utf-16le without BOM': utf16le,
  'invalid utf-8 past the head': (text) => lateByte(text, 0xff),
} satisfies Record<string, TextVariant>;
