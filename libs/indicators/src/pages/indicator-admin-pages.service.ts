import { Injectable } from '@nestjs/common';
import { AuditEvent, AuditQueryService } from '@arshjulet/audit';
import type { DomainException, RequestContext } from '@arshjulet/core';
import { IndicatorCatalogueService } from '../catalogue/indicator-catalogue.service.js';
import { IndicatorEditorService } from '../catalogue/indicator-editor.service.js';
import type { Indicator } from '../catalogue/indicator.entity.js';
import { IndicatorErrorCode } from '../indicator.exception.js';
import type { IndicatorEditFormDto } from './dto/indicator-edit-form.dto.js';
import { adminCatalogueView, indicatorAdminPath, indicatorEditView, type IndicatorEditOptions, postedValues, yourValues } from './indicator-admin-pages.mapper.js';

/** Rows of the history shown beside the form; older ones are in the audit trail (Logg). */
const HISTORY_SIZE = 50;

/** The catalogue's administration pages on the same services as the API: list, edit with its history. */
@Injectable()
export class IndicatorAdminPagesService {
  constructor(
    private readonly catalogue: IndicatorCatalogueService,
    private readonly editor: IndicatorEditorService,
    private readonly audit: AuditQueryService,
  ) {}

  async list(ctx: RequestContext) {
    const indicators = await this.catalogue.list(ctx, { includeInactive: true });
    return { title: 'Indikatorkatalogen', indicators: adminCatalogueView(indicators), total: indicators.length };
  }

  async edit(ctx: RequestContext, code: string, options: IndicatorEditOptions = {}) {
    const indicator = await this.catalogue.getByCode(ctx, code);
    return indicatorEditView(indicator, await this.history(ctx, indicator), options);
  }

  async save(ctx: RequestContext, code: string, form: IndicatorEditFormDto): Promise<{ url: string; notice: string }> {
    const { version, active, ...fields } = form;
    const saved = await this.editor.update(ctx, code, { ...fields, active: active === 'ja', version });
    return { url: indicatorAdminPath(saved.code), notice: `${saved.code} är sparad (version ${saved.version}).` };
  }

  /** The form again after a refusal: what was typed beside each message, or, when stale, the indicator as it is now. */
  async refused(ctx: RequestContext, code: string, body: Record<string, string>, exception: DomainException) {
    const indicator = await this.catalogue.getByCode(ctx, code);
    const typed = postedValues(body, Number(body.version) || indicator.version);
    const options: IndicatorEditOptions = exception.code === IndicatorErrorCode.VersionConflict
      ? { error: `${exception.detail} Formuläret visar indikatorn som den är nu; dina ändringar står under det.`, yours: yourValues(typed) }
      : { values: typed, errors: exception.errors, error: exception.errors.length ? null : exception.detail };
    return indicatorEditView(indicator, await this.history(ctx, indicator), options);
  }

  private async history(ctx: RequestContext, indicator: Indicator): Promise<AuditEvent[]> {
    return (await this.audit.search(ctx, { entityType: 'indicator', entityId: indicator.id, page: 1, pageSize: HISTORY_SIZE })).items;
  }
}
