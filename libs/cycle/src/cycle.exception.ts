import { DomainException, ErrorKind, type FieldError } from '@arshjulet/core';

export enum CycleErrorCode {
  NotFound = 'cycle.not_found',
  YearTaken = 'cycle.year_taken',
  VersionConflict = 'cycle.version_conflict',
  InvalidDates = 'cycle.invalid_dates',
  UnknownIndicator = 'cycle.unknown_indicator',
  UnknownTemplateVersion = 'cycle.unknown_template_version',
  FrozenAfterLaunch = 'cycle.frozen_after_launch',
  TaskNotFound = 'cycle.task_not_found',
  TaskVersionConflict = 'cycle.task_version_conflict',
  TaskClosed = 'cycle.task_closed',
  CalendarNotFound = 'cycle.calendar_not_found',
}

/** Everything the cycle lib refuses, with a code and a Swedish detail; the app's filter maps the kind. */
export class CycleException extends DomainException {
  static notFound(): CycleException {
    return new CycleException(ErrorKind.NotFound, { code: CycleErrorCode.NotFound, detail: 'Årshjulet finns inte.' });
  }

  static yearTaken(year: number): CycleException {
    return new CycleException(ErrorKind.Conflict, {
      code: CycleErrorCode.YearTaken,
      detail: `Det finns redan ett årshjul för ${year}.`,
      errors: [{ path: 'year', message: `Det finns redan ett årshjul för ${year}.` }],
    });
  }

  static versionConflict(current: unknown): CycleException {
    return new CycleException(ErrorKind.Conflict, {
      code: CycleErrorCode.VersionConflict,
      detail: 'Någon annan har ändrat årshjulet under tiden. Läs in den senaste versionen och försök igen.',
      extensions: { current },
    });
  }

  static invalidDates(errors: FieldError[]): CycleException {
    return new CycleException(ErrorKind.Validation, { code: CycleErrorCode.InvalidDates, detail: 'Datumen hänger inte ihop. Rätta de markerade fälten.', errors });
  }

  static unknownIndicators(codes: string[]): CycleException {
    return new CycleException(ErrorKind.Validation, {
      code: CycleErrorCode.UnknownIndicator,
      detail: `Okända indikatorer: ${codes.join(', ')}.`,
      errors: [{ path: 'indicatorCodes', message: `Okända indikatorer: ${codes.join(', ')}.` }],
    });
  }

  static unknownTemplateVersion(): CycleException {
    const message = 'Välj en publicerad version av analysmallen.';
    return new CycleException(ErrorKind.Validation, {
      code: CycleErrorCode.UnknownTemplateVersion,
      detail: message,
      errors: [{ path: 'templateVersion', message }],
    });
  }

  static frozenAfterLaunch(fields: string[]): CycleException {
    return new CycleException(ErrorKind.Conflict, {
      code: CycleErrorCode.FrozenAfterLaunch,
      detail: 'Årshjulet är startat: dataperioder, indikatorer och analysmallens version är frysta.',
      errors: fields.map((path) => ({ path, message: 'Kan inte ändras efter start.' })),
    });
  }

  static taskNotFound(): CycleException {
    return new CycleException(ErrorKind.NotFound, { code: CycleErrorCode.TaskNotFound, detail: 'Analysuppgiften finns inte.' });
  }

  static taskVersionConflict(current: unknown): CycleException {
    return new CycleException(ErrorKind.Conflict, {
      code: CycleErrorCode.TaskVersionConflict,
      detail: 'Någon annan har ändrat uppgiften under tiden. Läs in den senaste versionen och försök igen.',
      extensions: { current },
    });
  }

  static taskClosed(): CycleException {
    return new CycleException(ErrorKind.Conflict, { code: CycleErrorCode.TaskClosed, detail: 'Uppgiften är godkänd; sista dagen kan inte flyttas.' });
  }

  static calendarNotFound(): CycleException {
    return new CycleException(ErrorKind.NotFound, { code: CycleErrorCode.CalendarNotFound, detail: 'Kalendern finns inte eller länken är återkallad.' });
  }
}
