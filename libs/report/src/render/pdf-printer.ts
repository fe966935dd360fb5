import { existsSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@arshjulet/core';
import { type Browser, chromium } from 'playwright-core';
import { PdfPrintException } from './pdf-print.exception.js';

export interface PdfPrinterOptions {
  chromiumPath: string;
  timeoutSeconds: number;
  /** Prints running at once; more wait their turn (each is a whole Chromium). Default 2. */
  maxConcurrent?: number;
}

type PdfPrinterConfig = Pick<AppConfig, 'CHROMIUM_PATH' | 'REPORT_PDF_TIMEOUT_SECONDS'> | PdfPrinterOptions;

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const MARGIN = { top: '20mm', bottom: '20mm', left: '16mm', right: '16mm' };
const FOOTER = '<div style="font-size:9px;width:100%;text-align:center;color:#4a4a4a;">Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>';
const PRELIMINARY_HEADER = '<div style="font-size:10px;width:100%;text-align:center;color:#5c3c00;font-weight:700;">Preliminär</div>';
// An empty header still has to be given: Chromium's default prints the date and the page title.
const EMPTY_HEADER = '<span></span>';

// In the PDF the footer template numbers the pages: the print CSS's own @page counter would print a second one.
const PDF_ONLY_CSS = '@page { @bottom-center { content: none; } }';
// Chart data tables sit in closed <details> on screen; on paper they are shown.
const OPEN_DETAILS = "document.querySelectorAll('details').forEach((details) => { details.open = true; })";

/**
 * Prints a report's HTML to an A4 PDF with a headless Chromium of this server (playwright-core, never a downloaded
 * browser): page numbers in the footer, "Preliminär" in the header of every page of a preliminary report. One browser
 * per print, always closed; bounded in time and in how many run at once.
 */
@Injectable()
export class PdfPrinter {
  private readonly logger = new Logger(PdfPrinter.name);
  private readonly chromiumPath: string;
  private readonly timeoutSeconds: number;
  private readonly maxConcurrent: number;
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(@Inject(APP_CONFIG) config: PdfPrinterConfig) {
    if ('CHROMIUM_PATH' in config) {
      this.chromiumPath = config.CHROMIUM_PATH;
      this.timeoutSeconds = config.REPORT_PDF_TIMEOUT_SECONDS;
      this.maxConcurrent = 2;
    } else {
      this.chromiumPath = config.chromiumPath;
      this.timeoutSeconds = config.timeoutSeconds;
      this.maxConcurrent = config.maxConcurrent ?? 2;
    }
  }

  async print(html: string, options: { preliminary?: boolean } = {}): Promise<Buffer> {
    if (!existsSync(this.chromiumPath)) throw PdfPrintException.missing(this.chromiumPath);
    await this.acquire();
    try {
      return await this.printBounded(html, options.preliminary === true);
    } finally {
      this.release();
    }
  }

  private async printBounded(html: string, preliminary: boolean): Promise<Buffer> {
    const timeoutMs = this.timeoutSeconds * 1000;
    // One deadline, ours: Playwright's own timeouts are set later so they never answer first with another reason.
    const playwrightTimeoutMs = timeoutMs + 5000;
    let browser: Browser | null = null;
    let finished = false;
    const work = (async (): Promise<Buffer> => {
      try {
        browser = await chromium.launch({ executablePath: this.chromiumPath, headless: true, args: CHROMIUM_ARGS, timeout: playwrightTimeoutMs });
      } catch (error) {
        this.logger.warn(`Chromium at ${this.chromiumPath} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        throw PdfPrintException.launchFailed(this.chromiumPath);
      }
      // The print gave up while Chromium was starting: close it here, nobody else will.
      if (finished) {
        await browser.close().catch(() => undefined);
        throw PdfPrintException.timedOut(this.timeoutSeconds);
      }
      const page = await browser.newPage();
      page.setDefaultTimeout(playwrightTimeoutMs);
      // The document is self-contained; nothing in it (a link in a delregion's text) may make the server fetch.
      await page.route(/^(?!data:|about:)/, (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.addStyleTag({ content: PDF_ONLY_CSS });
      await page.evaluate(OPEN_DETAILS);
      return page.pdf({
        format: 'A4',
        printBackground: true,
        margin: MARGIN,
        displayHeaderFooter: true,
        headerTemplate: preliminary ? PRELIMINARY_HEADER : EMPTY_HEADER,
        footerTemplate: FOOTER,
      });
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(PdfPrintException.timedOut(this.timeoutSeconds)), timeoutMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      finished = true;
      clearTimeout(timer);
      work.catch(() => undefined);
      await (browser as Browser | null)?.close().catch(() => undefined);
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  /** Hands the slot straight to the next waiting print, or frees it. */
  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }
}
