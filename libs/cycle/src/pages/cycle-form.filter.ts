import { ArgumentsHost, Catch, ExceptionFilter, Injectable } from '@nestjs/common';
import { DomainException, ErrorKind, type FieldError, getRequestContext, STATUS_BY_KIND, TITLE_BY_STATUS } from '@arshjulet/core';
import { WebSessionService } from '@arshjulet/org';
import type { Request, Response } from 'express';
import type { Cycle } from '../cycles/cycle.entity.js';
import { CYCLE_STATUS_LABELS_SV, type CycleStatus } from '../cycles/cycle-state.machine.js';
import { TASK_STATUS_LABELS_SV, type TaskStatus } from '../tasks/task-state.machine.js';
import { actionLabel, CYCLES_PATH, cycleFormValues, cycleFormView, cyclePath, formErrors, taskPath, type FormBody } from './cycle-pages.mapper.js';

const asStrings = (body: FormBody): Record<string, string> =>
  Object.fromEntries(Object.entries(body ?? {}).filter(([, value]) => typeof value === 'string')) as Record<string, string>;

/**
 * The årshjul forms answer their mistakes on the page, in Swedish, never as problem+json or a 500. The create and
 * edit forms come back at once with what was typed and each message beside its field (a conflict shows the
 * values as they are now); the small action forms travel back to their page (post/redirect/get) with the message
 * tied to the id of their field. Not being signed in or allowed, or something that does not exist, gets the
 * ordinary error page.
 */
@Injectable()
@Catch(DomainException)
export class CycleFormFilter implements ExceptionFilter {
  constructor(private readonly sessions: WebSessionService) {}

  catch(exception: DomainException, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const status = STATUS_BY_KIND[exception.kind];
    if ([ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.NotFound].includes(exception.kind)) {
      response.status(status).render('error', { title: TITLE_BY_STATUS[status], status, detail: exception.detail, requestId: getRequestContext(request).requestId });
      return;
    }
    const body = asStrings(request.body as FormBody);
    const year = Number(request.params.year);
    const route = String(request.route?.path ?? '');
    if (route.endsWith('/ny')) {
      response.status(status).render('cycles/form', cycleFormView('create', { values: body, ...formErrors(exception) }));
      return;
    }
    if (route.endsWith('/redigera')) {
      const current = exception.extensions.current as (Cycle & { year: number }) | undefined;
      if (current && typeof current === 'object' && 'version' in current) {
        // Someone saved in between: show the cycle as it is now, and what this person typed, so nothing is lost.
        response.status(status).render('cycles/form', {
          ...cycleFormView('edit', { values: cycleFormValues(current), error: `${exception.detail} Fälten visar värdena som gäller nu.` }, { version: current.version, year }),
          yourValues: Object.entries(body).filter(([key]) => !['_csrf', 'version'].includes(key)).map(([key, value]) => ({ key, value })),
        });
        return;
      }
      response.status(status).render('cycles/form', cycleFormView('edit', { values: body, ...formErrors(exception) }, { version: Number(body.version) || 0, year }));
      return;
    }
    const id = typeof request.params.id === 'string' ? request.params.id : undefined;
    const back = id ? (body.from === 'oversikt' ? `${cyclePath(year)}/uppgifter` : taskPath(year, id)) : route.endsWith('/starta') ? `${cyclePath(year)}/starta` : Number.isInteger(year) ? cyclePath(year) : CYCLES_PATH;
    const errors: FieldError[] = exception.errors.map((error) => ({ path: fieldId(error.path, body, id), message: error.message }));
    // Redirect once the message is stored; without it (a failing session store) the page still answers.
    void this.sessions
      .setFlash(request, { error: errors.length ? errors.map((e) => e.message).join(' ') : pageDetail(exception, id !== undefined), errors })
      .catch(() => undefined)
      .then(() => response.redirect(303, back));
  }
}

/** The id of the field an action form's error belongs to, as the page views name them. */
function fieldId(path: string, body: Record<string, string>, taskId: string | undefined): string {
  if (taskId) {
    if (path === 'dueDate') return `sista-dag-${taskId}`;
    if (path === 'reason') return body.action === 'return' ? `kommentar-${taskId}` : `skal-${taskId}`;
    return path;
  }
  return path === 'reason' ? `skal-${body.action ?? ''}` : path;
}

/** An illegal action named in Swedish on the page ("Avsluta årshjulet" is not possible in "Utkast"). */
function pageDetail(exception: DomainException, task: boolean): string {
  if (exception.code !== 'workflow.illegal_transition') return exception.detail;
  const action = String(exception.extensions.action ?? '');
  const state = String(exception.extensions.currentState ?? '');
  const stateLabel = task ? TASK_STATUS_LABELS_SV[state as TaskStatus] : CYCLE_STATUS_LABELS_SV[state as CycleStatus];
  return `Det går inte att ${actionLabel(action)} när ${task ? 'uppgiften' : 'årshjulet'} är i läget ”${stateLabel ?? state}”.`;
}
