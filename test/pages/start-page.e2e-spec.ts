import { Role } from '@arshjulet/core';
import { addDays, AnalysisTask, type Cycle, CycleService, CycleTransitionService, TaskHooks, TaskService, todayInStockholm } from '@arshjulet/cycle';
import { onOwnApp } from '../support/own-app.js';
import type { TestApp } from '../support/test-app.js';

const NBSP = /\u00a0/g;

/** A cycle of this year whose Do phase holds today, with the analyses due in 12 days. */
async function cycleAroundToday(t: TestApp, state: 'planning' | 'analysis'): Promise<Cycle> {
  const today = todayInStockholm();
  const ctx = t.systemContext();
  const at = (days: number) => addDays(today, days);
  let { cycle } = await t.app.get(CycleService).create(ctx, Number(today.slice(0, 4)), {
    planStart: at(-40), planEnd: at(-31), doStart: at(-30), doEnd: at(30), analysisDueDate: at(12),
    studyStart: at(31), studyEnd: at(60), actStart: at(61), actEnd: at(200),
  });
  cycle = (await t.app.get(CycleTransitionService).transition(ctx, cycle.id, 'start_planning')).cycle;
  if (state === 'analysis') cycle = (await t.app.get(CycleTransitionService).launch(ctx, cycle.id)).cycle;
  return cycle;
}

/** The "what is expected of me" list of the start page, as text. */
const expected = (html: string) =>
  [...html.matchAll(/<li class="expected[^"]*">([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(NBSP, ' ').replace(/\s+/g, ' ').trim());

describe('the start page says what is expected of me now, per role, with the wheel', () => {
  it('tells a delregion coordinator when their analysis is due, when it was returned and why, when it is late, and when it is in', () =>
    onOwnApp(async (t) => {
      const today = todayInStockholm();
      const cycle = await cycleAroundToday(t, 'analysis');
      const user = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
      const [[task]] = await t.app.get(TaskService).list(t.systemContext(), { cycleId: cycle.id, delregionCode: 'DR-SKB', page: 1, pageSize: 1 });
      const due = addDays(today, 12);

      const start = await user.browser.get('/').expect(200);
      expect(expected(start.text)).toEqual([`Er analys ska lämnas in senast ${due} – 12 dagar kvar. Öppna er analysuppgift`]);
      expect(start.text).toContain(`<a href="/arshjul/${cycle.year}/uppgifter/${task!.id}">Öppna er analysuppgift</a>`);
      expect(start.text).toMatch(/<svg [^>]*role="img" aria-labelledby="startsida-arshjul-title startsida-arshjul-desc">/);
      expect(start.text).toContain(`<p>Idag: ${today}, fas Do</p>`);
      expect(start.text).not.toContain('delregioner har lämnat in');

      const tasks = t.app.get(TaskService);
      await tasks.transition(t.systemContext(), task!.id, 'start');
      // A submission is checked against the pinned template: fill the analysis in first.
      await t.app.get(TaskHooks).fillExample(t.systemContext(), task!.id);
      await tasks.transition(t.systemContext(), task!.id, 'submit');
      expect(expected((await user.browser.get('/').expect(200)).text)[0]).toMatch(/^Er analys är inlämnad \d{4}-\d{2}-\d{2} \d{2}:\d{2} och väntar på länssamordnarens granskning\./);

      await tasks.transition(t.systemContext(), task!.id, 'return', { reason: 'Beskriv läkemedelsgenomgångarna.' });
      expect(expected((await user.browser.get('/').expect(200)).text)).toEqual([
        `Er analys är återlämnad för komplettering: Beskriv läkemedelsgenomgångarna. Lämna in igen senast ${due} – 12 dagar kvar. Öppna er analysuppgift`,
      ]);

      await t.dataSource.getRepository(AnalysisTask).update({ id: task!.id }, { status: 'in_progress', dueDate: addDays(today, -3) });
      const late = await user.browser.get('/').expect(200);
      expect(expected(late.text)).toEqual([`Er analys är försenad sedan ${addDays(today, -3)} (3 dagar). Öppna er analysuppgift`]);
      expect(late.text).toContain('<li class="expected late">');

      // The county coordinator of the same cycle counts the delregions and sees the late one.
      const county = await t.signedIn(Role.CountyCoordinator);
      const countyStart = await county.browser.get('/').expect(200);
      expect(expected(countyStart.text)).toEqual(['0 av 6 delregioner har lämnat in. Se uppgifterna', '1 analys är försenad.']);
    }));

  it('counts the submitted analyses for the county coordinator and says which wait for review', () =>
    onOwnApp(async (t) => {
      const cycle = await cycleAroundToday(t, 'analysis');
      const tasks = t.app.get(TaskService);
      const [rows] = await tasks.list(t.systemContext(), { cycleId: cycle.id, page: 1, pageSize: 10 });
      for (const row of rows.slice(0, 3)) {
        await tasks.transition(t.systemContext(), row.id, 'start');
        await t.app.get(TaskHooks).fillExample(t.systemContext(), row.id);
        await tasks.transition(t.systemContext(), row.id, 'submit');
      }
      await tasks.transition(t.systemContext(), rows[0]!.id, 'accept');
      const county = await t.signedIn(Role.CountyCoordinator);
      const page = await county.browser.get('/').expect(200);
      expect(expected(page.text)).toEqual(['3 av 6 delregioner har lämnat in. 2 analyser väntar på din granskning. Se uppgifterna']);
      expect(page.text).toContain(`<a href="/arshjul/${cycle.year}/uppgifter">Se uppgifterna</a>`);
    }));

  it('tells the county coordinator to launch a cycle in planning, and to create one when there is none', () =>
    onOwnApp(async (t) => {
      const county = await t.signedIn(Role.CountyCoordinator);
      const none = await county.browser.get('/').expect(200);
      expect(expected(none.text)).toEqual(['Det finns inget årshjul ännu. Skapa årets årshjul']);
      expect(none.text).not.toContain('role="img"');

      const cycle = await cycleAroundToday(t, 'planning');
      const page = await county.browser.get('/').expect(200);
      expect(expected(page.text)[0]).toContain(`Årshjulet ${cycle.year} planeras. Nästa steg: starta årshjulet`);
      expect(page.text).toContain(`<a href="/arshjul/${cycle.year}/starta">Starta årshjulet</a>`);

      const reviewer = await t.signedIn(Role.VvgReviewer);
      expect(expected((await reviewer.browser.get('/').expect(200)).text)[0]).toMatch(/^Delregionerna arbetar med sina analyser\. Länsrapporten kommer till VVG för återkoppling i Study-fasen/);

      const admin = await t.signedIn(Role.Admin);
      const adminPage = await admin.browser.get('/').expect(200);
      expect(adminPage.text).toContain('<h2 id="admin-rubrik">Administration</h2>');
      expect(adminPage.text).toContain('<a href="/administration/anvandare">Användare och roller</a>');

      const anonymous = await t.browser().get('/').expect(200);
      expect(anonymous.text).toContain('<a href="/logga-in">Logga in</a>');
      expect(anonymous.text).not.toContain('role="img"');
    }));
});
