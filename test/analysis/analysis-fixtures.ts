import { expect } from '@jest/globals';
import { importFile } from '../indicators/indicator-fixtures.js';
import type { TestApp, TestUser } from '../support/test-app.js';

let nextYear = 2050;

/**
 * A cycle of its own year, launched (it pins the published default VVG template), and the task of `delregion`.
 * `values` (CSV lines `indikator;enhet;period;värde`) are imported first so the frozen compilation holds them.
 */
export async function launchedTask(t: TestApp, county: TestUser, delregion: string, importCsv?: (year: number) => string): Promise<{ cycleId: string; taskId: string; year: number }> {
  const year = nextYear++;
  const created = await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: ['HF01', 'IU03'] });
  expect(created.status).toBe(201);
  const planned = await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' });
  expect(planned.status).toBe(200);
  if (importCsv) {
    await importFile(county.api, importCsv(year));
  }
  const launched = await county.api.post(`/api/v1/cycles/${created.body.id}/launch`).send({});
  expect(launched.status).toBe(200);
  const tasks = await county.api.get(`/api/v1/tasks?cycle=${created.body.id}&delregion=${encodeURIComponent(delregion)}`);
  expect(tasks.body.items).toHaveLength(1);
  return { cycleId: created.body.id, taskId: tasks.body.items[0].id, year };
}

/** Saves `patch` on top of whatever version the draft has now; asserts it lands. */
export async function save(user: TestUser, taskId: string, patch: object): Promise<{ version: number; answers: Record<string, unknown> }> {
  const current = await user.api.get(`/api/v1/tasks/${taskId}/answers`);
  expect(current.status).toBe(200);
  const saved = await user.api.patch(`/api/v1/tasks/${taskId}/answers`).set('If-Match', `"${current.body.version}"`).send(patch);
  if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body;
}

/** The SIMBA analysis of seed 002 (Årsberättelse 2023), as its coordinator would fill in the default template. */
export const SIMBA_ANSWERS = {
  agreement_followed: false,
  agreement_compliance:
    'Avsaknaden av ett nytt hälso- och sjukvårdsavtal påverkar utvecklingen av samverkan och samarbete, samt omställningen till den nära vården.\nDen beslutade processen för in- och utskrivning följs inte, vilket skapar frustration hos samtliga parter.',
  focus_areas_work:
    'Samverkan kring sköra äldre, proaktiv SIP vid demensdiagnos och samverkan vid in- och utskrivning från sluten hälso- och sjukvård.',
  physician_participation: 'Samverkan när en patient har ordinationer både från specialistvården och primärvården.',
  mental_health_substance_abuse:
    'Socialmedicinska mottagningar byggs upp i de tre kommuner som saknat detta; mottagningen i Tjörn firade 10-årsjubileum.\nBarn: bollandet av ärenden mellan elevhälsan och primärvården har ökat sedan ”En väg in”.',
  svpl: 'Checklistan för SAMSA har inte använts: endast 7 av 41 vårdbegäran var kompletta under augusti 2023.\nUnder hösten genomfördes en workshop kring processen där man fick fram prioriterade fokusområden.',
  deviations_most_frequent: [
    { deviation_type: 'In- och utskrivningsprocessen', count: 69, system_flaw: true, local_measure: 'Workshop kring processen hösten 2023.', regional_proposal: 'Tydligare länsgemensam rutin för utskrivning.' },
  ],
  deviations_analysis: '69 % av avvikelserna i samverkan berörde in- och utskrivningsprocessen, majoriteten delprocessen utskrivning.',
  roadmap_activities: [
    { name: 'Samverkan kring skörhet hos äldre enligt skörhetsskalan CFS', shift: 'continuity_and_coordination', status: 'pågående' },
    { name: 'Workshop om in- och utskrivningsprocessen', shift: 'from_inpatient_to_outpatient', status: 'klart' },
  ],
  successes: 'Implementering av skörhetsskalan CFS har påbörjats genom utbildning och instruktörsträffar.',
  challenges: 'Trots stora utbildningsinsatser upprättas troligtvis för få SIP:ar.',
  organisation: 'Samordningsgrupp, ledningsgrupp i samverkan och närområdesgrupper.',
  agreements: 'Samverkansplan 2024–2025 beslutad av den politiska samrådsgruppen.',
  governance_economy: 'Det ekonomiska läget försvårar att ta in ersättare för baspersonal.',
  planning_reporting: 'Handlingsplanen för hälsa och nära vård är reviderad.',
  support_functions: 'Utbildningstillfällen för chefer och verksamhetsutvecklare i samverkan med Sahlgrenska universitetssjukhuset.',
  implementation: 'Utbildning och instruktörsträffar (CFS).',
  deviation_handling: 'Avvikelsehantering är en återkommande punkt i närområdesgrupperna.',
  theme_tags: ['in_och_utskrivning', 'sip', 'avvikelser'],
};
