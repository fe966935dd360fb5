import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { IndicatorException } from '../indicator.exception.js';
import { IndicatorValueRepository } from '../values/indicator-value.repository.js';
import { CreateIndicatorDto, mapIndicator, UpdateIndicatorDto } from './dto/indicator.dto.js';
import { Indicator } from './indicator.entity.js';

type Fields = Omit<UpdateIndicatorDto, 'version'>;

/**
 * Catalogue edits by administrators and county coordinators. Every edit sets `customizedAt`, so the reference
 * loader never overwrites it, is guarded by the version the editor read (409 with the current one when stale),
 * and is audited with the fields' values before and after.
 */
@Injectable()
export class IndicatorEditorService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly values: IndicatorValueRepository,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, dto: CreateIndicatorDto): Promise<Indicator> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, Indicator);
      if (await repository.existsBy({ code: dto.code })) throw IndicatorException.codeTaken(dto.code);
      await this.requireFreeKoladaId(tx, dto.koladaKpiId, null);
      const created = await repository.save(
        repository.create({
          ...dto,
          description: dto.description ?? null,
          area: dto.area ?? null,
          target: dto.target ?? null,
          koladaKpiId: dto.koladaKpiId ?? null,
          note: dto.note ?? null,
          phrase: dto.phrase ?? null,
          active: dto.active ?? true,
          customizedAt: new Date(),
        }),
      );
      await this.audit.record(tx, { action: 'indicator.created', entityType: 'indicator', entityId: created.id, after: snapshot(created, Object.keys(dto)) });
      return created;
    });
  }

  async update(ctx: RequestContext, code: string, dto: UpdateIndicatorDto): Promise<Indicator> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, Indicator);
      const current = await repository.findOneBy({ code });
      if (!current) throw IndicatorException.notFound(code);
      if (current.version !== dto.version) throw IndicatorException.versionConflict(mapIndicator(current));
      const { version, ...fields } = dto;
      const changed = changedFields(current, fields);
      await this.requireFreeKoladaId(tx, changed.koladaKpiId, current.id);
      // Compare-and-set on the version: of two editors who read the same version, only the first one wins.
      const result = await repository
        .createQueryBuilder()
        .update(Indicator)
        .set({ ...changed, customizedAt: new Date() })
        .where('id = :id AND version = :version', { id: current.id, version })
        .execute();
      if (!result.affected) throw IndicatorException.versionConflict(mapIndicator(await repository.findOneByOrFail({ id: current.id })));
      const updated = await repository.findOneByOrFail({ id: current.id });
      await this.audit.record(tx, {
        action: 'indicator.updated',
        entityType: 'indicator',
        entityId: current.id,
        before: snapshot(current, Object.keys(changed)),
        after: snapshot(updated, Object.keys(changed)),
      });
      return updated;
    });
  }

  /** Only an indicator without values can go; one with values is deactivated instead (`active: false`). */
  async remove(ctx: RequestContext, code: string): Promise<void> {
    await this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, Indicator);
      const current = await repository.findOneBy({ code });
      if (!current) throw IndicatorException.notFound(code);
      if ((await this.values.countForIndicator(tx, current.id)) > 0) throw IndicatorException.hasValues(code);
      await repository.delete({ id: current.id });
      await this.audit.record(tx, { action: 'indicator.deleted', entityType: 'indicator', entityId: current.id, before: { ...mapIndicator(current) } });
    });
  }

  private async requireFreeKoladaId(tx: RequestContext, koladaKpiId: string | null | undefined, ownId: string | null): Promise<void> {
    if (!koladaKpiId) return;
    const holder = await this.connection.getRepository(tx, Indicator).findOneBy({ koladaKpiId });
    if (holder && holder.id !== ownId) throw IndicatorException.koladaIdTaken(koladaKpiId);
  }
}

function changedFields(current: Indicator, fields: Fields): Partial<Indicator> {
  const record = current as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => value !== undefined && record[key] !== value),
  ) as Partial<Indicator>;
}

function snapshot(indicator: Indicator, keys: string[]): Record<string, unknown> {
  const record = indicator as unknown as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key !== 'version').map((key) => [key, record[key] ?? null]));
}
