import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@arshjulet/core';
import nodemailer, { type Transporter } from 'nodemailer';
import type { RenderedMail } from './message-renderer.js';

/** SMTP through nodemailer when SMTP_URL is set; without it, e-mail waits in the outbox. */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private transporter: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  async send(to: string, mail: RenderedMail): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set');
    // Bounded waits: a hung server must fail the attempt well before the worker's lease runs out.
    this.transporter ??= nodemailer.createTransport({
      url: this.config.SMTP_URL,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    } as never);
    await this.transporter.sendMail({ from: this.config.MAIL_FROM, to, subject: mail.subject, text: mail.text, html: mail.html });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
