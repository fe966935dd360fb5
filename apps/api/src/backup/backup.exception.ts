import { DomainException, ErrorKind, type FieldError } from '@arshjulet/core';

export enum BackupErrorCode {
  CycleNotFound = 'backup.cycle_not_found',
  YearTaken = 'backup.year_taken',
  TooLarge = 'backup.too_large',
  NotJson = 'backup.not_json',
  Invalid = 'backup.invalid',
  MissingReferences = 'backup.missing_references',
  TemplateVersionDiffers = 'backup.template_version_differs',
  UnknownColumn = 'backup.unknown_column',
  Rejected = 'backup.rejected',
}

const MAX_LISTED_ERRORS = 25;

/** What export and import refuse, in Swedish; the CLI prints the detail and each problem, and exits 1. */
export class BackupException extends DomainException {
  static cycleNotFound(year: number): BackupException {
    return new BackupException(ErrorKind.NotFound, { code: BackupErrorCode.CycleNotFound, detail: `Det finns inget årshjul för ${year}.` });
  }

  static yearTaken(year: number): BackupException {
    return new BackupException(ErrorKind.Conflict, {
      code: BackupErrorCode.YearTaken,
      detail: `Det finns redan ett årshjul för ${year} i databasen; inget lästes in. En återläsning görs till en databas utan det året.`,
    });
  }

  static idTaken(table: string, id: string): BackupException {
    return new BackupException(ErrorKind.Conflict, {
      code: BackupErrorCode.YearTaken,
      detail: `Databasen har redan en rad med id ${id} i ${table} (årshjulet har lästs in förut?); inget lästes in.`,
    });
  }

  static tooLarge(maxMb: number, what: 'Dokumentet' | 'Exporten'): BackupException {
    return new BackupException(ErrorKind.PayloadTooLarge, {
      code: BackupErrorCode.TooLarge,
      detail: `${what} är större än ${maxMb} MB; inget ${what === 'Exporten' ? 'skrevs' : 'lästes in'}. Höj gränsen med --max-mb eller säkerhetskopiera hela databasen med pg_dump (se README).`,
    });
  }

  static notJson(reason: string): BackupException {
    return new BackupException(ErrorKind.BadRequest, {
      code: BackupErrorCode.NotJson,
      detail: `Dokumentet är inte giltig JSON (avkortat eller trasigt?): ${reason}. Inget lästes in.`,
    });
  }

  static invalid(errors: FieldError[]): BackupException {
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    const more = errors.length - listed.length;
    return new BackupException(ErrorKind.Validation, {
      code: BackupErrorCode.Invalid,
      detail: `Dokumentet är inte en giltig säkerhetskopia av ett årshjul (${errors.length} fel${more > 0 ? `, de första ${listed.length} visas` : ''}). Inget lästes in.`,
      errors: listed,
    });
  }

  static missingReferences(errors: FieldError[]): BackupException {
    return new BackupException(ErrorKind.Validation, {
      code: BackupErrorCode.MissingReferences,
      detail: 'Databasen saknar det som årshjulet hänvisar till; läs in referensdata först (npm run cli -- reference:load). Inget lästes in.',
      errors: errors.slice(0, MAX_LISTED_ERRORS),
    });
  }

  static templateVersionDiffers(name: string, number: number): BackupException {
    return new BackupException(ErrorKind.Conflict, {
      code: BackupErrorCode.TemplateVersionDiffers,
      detail: `Mallen "${name}" version ${number} finns i databasen men med ett annat innehåll än i dokumentet; inget lästes in.`,
    });
  }

  static unknownColumn(table: string, columns: string[]): BackupException {
    return new BackupException(ErrorKind.ServiceUnavailable, {
      code: BackupErrorCode.UnknownColumn,
      detail: `Tabellen ${table} har kolumner som säkerhetskopian inte känner till (${columns.join(', ')}); uppdatera formatet i apps/api/src/backup innan du exporterar, annars går de förlorade.`,
    });
  }

  static danglingTemplateVersions(ids: string[]): BackupException {
    return new BackupException(ErrorKind.Conflict, {
      code: BackupErrorCode.Rejected,
      detail: `Årshjulet hänvisar till mallversioner som inte finns (${ids.join(', ')}); inget skrevs.`,
    });
  }

  static rejected(reason: string): BackupException {
    return new BackupException(ErrorKind.Conflict, {
      code: BackupErrorCode.Rejected,
      detail: `Databasen godtog inte dokumentet: ${reason}. Inget lästes in.`,
    });
  }
}
