import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { WebSessionService } from './web-session.service.js';

@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: WebSessionService) {}

  use(request: Request, response: Response, next: NextFunction): void {
    this.sessions.handler(request, response, next);
  }
}
