/**
 * Decoding a text file the way Russian users get them: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's
 * «Текст в Юникоде»), or Windows-1251 (Excel's CSV and 1С exports on Russian Windows). Anything else is refused
 * rather than shown as mojibake.
 */
import { FileFormatError } from "./errors";

/** Characters a Windows-1251 decoding produces only from bytes that are not text in that code page. */
const NOT_1251_TEXT = /[\u0080-\u009f\ufffd]/;

export function decodeTextFile(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), fileName);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder("windows-1251").decode(bytes);
    if (NOT_1251_TEXT.test(text)) throw unknownEncoding(fileName);
    return text;
  }
}

function utf8(bytes: Uint8Array, fileName: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unknownEncoding(fileName);
  }
}

function unknownEncoding(fileName: string): FileFormatError {
  return new FileFormatError(
    `Не удалось определить кодировку файла «${fileName}»: это не UTF-8 и не Windows-1251. ` +
      `Сохраните его в одной из этих кодировок (в Excel — «CSV (разделители — запятые)» или «CSV UTF-8»).`,
  );
}
