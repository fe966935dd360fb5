import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { AccessException } from '../access/access.exception.js';
import { AccessService } from '../access/access.service.js';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';

/** The administration pages, each with what it is for and the permission it needs. */
const ADMINISTRATION_PAGES: ReadonlyArray<{ href: string; name: string; description: string; permission: Permission }> = [
  { href: '/administration/anvandare', name: 'Användare och roller', description: 'Bjud in, ge roller med delregion, inaktivera.', permission: Permission.UserRead },
  { href: '/administration/organisation', name: 'Organisation', description: 'Byt namn på enheter, aktivera, flytta en kommun till en annan delregion.', permission: Permission.OrgUnitManage },
  { href: '/administration/indikatorer', name: 'Indikatorkatalogen', description: 'Ändra namn, fras, mål, riktning och enhet, och se vem som ändrat vad.', permission: Permission.IndicatorManage },
  { href: '/administration/teman', name: 'Teman', description: 'Orden analyserna märks med: lägg till, byt namn, inaktivera.', permission: Permission.TemplateManage },
  { href: '/administration/mallar', name: 'Mallar', description: 'Mallarna för delregionernas analyser: redigera, förhandsgranska, publicera.', permission: Permission.TemplateManage },
  { href: '/administration/logg', name: 'Logg', description: 'Vem ändrade vad och när, med filter.', permission: Permission.AuditRead },
  { href: '/administration/utskick', name: 'Utskick', description: 'E-post som väntar eller inte kom fram, och nya försök.', permission: Permission.OutboxManage },
];

/** "Administration": the administration pages this person may use; nobody without any is shown an empty list. */
@ApiExcludeController()
@Controller('administration')
export class AdministrationPagesController {
  constructor(private readonly access: AccessService) {}

  @Get()
  @Authenticated(Permission.AccountSelf)
  @Render('admin/index')
  index(@Ctx() ctx: RequestContext) {
    const pages = ADMINISTRATION_PAGES.filter((page) => this.access.hasPermission(ctx, page.permission));
    if (pages.length === 0) throw AccessException.forbidden();
    return { title: 'Administration', pages: pages.map(({ href, name, description }) => ({ href, name, description })) };
  }
}
