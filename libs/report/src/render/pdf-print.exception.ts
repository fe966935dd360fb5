import { DomainException, ErrorKind } from '@arshjulet/core';

/** The PDF could not be made on this server right now: 503 with a Swedish reason, never a 500. */
export class PdfPrintException extends DomainException {
  static missing(chromiumPath: string): PdfPrintException {
    return new PdfPrintException('report.pdf_unavailable', `PDF kan inte skapas: ingen Chromium är installerad på servern (CHROMIUM_PATH=${chromiumPath}).`);
  }

  static launchFailed(chromiumPath: string): PdfPrintException {
    return new PdfPrintException('report.pdf_unavailable', `PDF kan inte skapas: Chromium på servern gick inte att starta (CHROMIUM_PATH=${chromiumPath}).`);
  }

  static timedOut(seconds: number): PdfPrintException {
    return new PdfPrintException('report.pdf_timeout', `PDF kan inte skapas just nu: utskriften tog längre tid än ${seconds} sekunder. Försök igen om en stund.`);
  }

  private constructor(code: string, detail: string) {
    super(ErrorKind.ServiceUnavailable, { code, detail });
  }
}
