import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext, Role } from '@arshjulet/core';
import { type CycleStart, CycleStartService, cycleStartView } from '@arshjulet/cycle';
import { Public } from '@arshjulet/org';
import { ReportService } from '@arshjulet/report';

/**
 * The start page: the app's composition root asks each lib what is expected of the signed-in person now (the
 * cycle lib's tasks and phases, the report lib's state of the county report) and shows it with the wheel.
 */
@ApiExcludeController()
@Controller()
export class HomeController {
  constructor(
    private readonly cycles: CycleStartService,
    private readonly reports: ReportService,
  ) {}

  @Get()
  @Public()
  @Render('home/index')
  async home(@Ctx() ctx: RequestContext) {
    if (!ctx.actor?.userId) return { title: 'Start', start: null };
    const start = await this.cycles.forMe(ctx);
    const cycle = start.overview?.cycle;
    const reportState = cycle && (start.who.manages || ctx.hasRole(Role.VvgReviewer)) ? await this.reports.state(ctx, cycle.id) : null;
    const view = cycleStartView(start, { sentToVvg: reportState !== null && reportState !== 'draft' });
    const report = this.reportItems(ctx, start, reportState);
    return { title: 'Start', start: { ...view, expected: [...view.expected, ...report.expected], documents: report.documents } };
  }

  /**
   * A VVG reviewer hears when the county report waits for their review; a delregion gets the year's compilation.
   * The county coordinator's own item (from the cycle lib) knows the report has gone to VVG through `sentToVvg`.
   */
  private reportItems(ctx: RequestContext, { overview }: CycleStart, reportState: string | null) {
    const cycle = overview?.cycle;
    if (!cycle) return { expected: [], documents: [] };
    const expected = [];
    if (ctx.hasRole(Role.VvgReviewer) && reportState === 'in_review') {
      expected.push({
        text: `Länsrapporten ${cycle.year} är skickad till VVG för granskning: läs den, kommentera avsnitten och lämna er återkoppling.`,
        link: { href: `/arshjul/${cycle.year}/rapport/granskning`, label: 'Granska länsrapporten' },
        late: false,
      });
    }
    const documents = ctx.hasRole(Role.DelregionCoordinator)
      ? [{ href: `/arshjul/${cycle.year}/sammanstallning/dokument`, label: `Länssammanställningen ${cycle.year}`, text: 'länets och rikets värden per indikator, underlaget för er analys.' }]
      : [];
    return { expected, documents };
  }
}
