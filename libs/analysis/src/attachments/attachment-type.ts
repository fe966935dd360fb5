import { fileTypeFromBuffer } from 'file-type';

/** What an analysis may carry: the delregion's annual report or plan. */
export const ATTACHMENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The content type read from the bytes (`%PDF-`, or a zip whose [Content_Types].xml names a Word or Excel part),
 * never from the name; null for anything else (an .exe, a plain zip, a renamed text file).
 */
export async function detectAttachmentType(bytes: Buffer): Promise<string | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && ATTACHMENT_TYPES[detected.ext] === detected.mime ? detected.mime : null;
}

/** The name as the user gave it, without folders or control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (clean || 'bilaga').slice(0, 255);
}
