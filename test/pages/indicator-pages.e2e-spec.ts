import { Role } from '@arshjulet/core';
import { ImportBatch, IndicatorValue } from '@arshjulet/indicators';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';
import { importFile, seedFixture } from '../indicators/indicator-fixtures.js';
import { onOwnApp } from '../support/own-app.js';

const NBSP = '\u00a0';

describe('indicator pages: the catalogue and one indicator', () => {
  let t: TestApp;
  let coordinator: SignedInUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await t.signedIn(Role.CountyCoordinator);
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the catalogue grouped by group and area, in Swedish, to every signed-in role', async () => {
    const viewer = await t.signedIn(Role.Viewer);
    const page = await viewer.browser.get('/indikatorer').expect(200);
    expect(page.text).toContain('<html lang="sv">');
    expect(page.text).toContain('<h2 id="grupp-background">Bakgrund – grundläggande faktorer</h2>');
    expect(page.text).toContain('<h3 id="omrade-admission_and_discharge">In- och utskrivning</h3>');
    expect(page.text).toMatch(/<a href="\/indikatorer\/IU03">Andel patienter utskrivna/);
    expect(page.text).toContain('Lägre är bättre');
    expect(page.text).toContain('Centralt mått');
    expect(page.text).toContain(`80${NBSP}%`);
    expect(page.text).toContain('<th scope="col">Riktning</th>');
    // A viewer may read but not import: no Importer link in the menu.
    expect(page.text).not.toContain('href="/importer"');
    expect(page.text).toContain('href="/indikatorer"');
  });

  it('says so when an indicator has no values yet, and links the coordinator to the import', async () => {
    const page = await coordinator.browser.get('/indikatorer/RL01').expect(200);
    expect(page.text).toContain('Det finns inga värden för indikatorn ännu.');
    expect(page.text).toContain('<a href="/importer">Importera värden</a>');
  });

  it('shows the comparison sentences and a values table for the latest and a chosen period', async () => {
    await importFile((await t.userWith(Role.CountyCoordinator)).api, seedFixture('iu03-hospitals-2025-wide.csv'), 'IU03.csv');

    const latest = await coordinator.browser.get('/indikatorer/IU03').expect(200);
    expect(latest.text).toContain('Jämförelse Q4 2025');
    expect(latest.text).toContain('<caption>Värden per enhet, Q1 2025–Q4 2025</caption>');
    expect(latest.text).toMatch(/<option value="2025-Q2">Q2 2025<\/option>/);

    const q2 = await coordinator.browser.get('/indikatorer/IU03?period=2025-Q2').expect(200);
    expect(q2.text).toContain('Jämförelse Q2 2025');
    expect(q2.text).toContain(`varierar stort: från 4${NBSP}% i Alingsås lasarett till 15${NBSP}% i Kungälvs sjukhus (Q2 2025).`);
    expect(q2.text).toContain(`Värdet för Västra Götaland ökade från 8${NBSP}% (Q1 2025) till 9${NBSP}% (Q2 2025).`);
    expect(q2.text).toMatch(/<option value="2025-Q2" selected>/);
    expect(q2.text).toContain('<caption>Värden per enhet, Q1 2025–Q2 2025</caption>');
    // Rows by type then name; the county first, Kungälvs sjukhus with its Swedish numbers.
    expect(q2.text.indexOf('<th scope="row">Västra Götaland</th>')).toBeLessThan(q2.text.indexOf('<th scope="row">Alingsås lasarett</th>'));
    expect(q2.text).toMatch(new RegExp(`<th scope="row">Kungälvs sjukhus</th>\\s*<td>Sjukhus</td>\\s*<td class="num">13${NBSP}%</td>\\s*<td class="num">15${NBSP}%</td>`));
  });

  it('draws the county against the nation over time and the municipalities in the chosen period, beside the table', async () => {
    const api = (await t.userWith(Role.CountyCoordinator)).api;
    const code = `CH${Date.now().toString(36).toUpperCase().slice(-6)}`;
    await api.post('/api/v1/indicators')
      .send({ code, name: 'Andel testade diagram', group: 'background', kind: 'quantity', direction: 'higher', unit: 'percent', source: 'Test' })
      .expect(201);
    const lines = ['indikator;enhet;period;värde'];
    for (const [index, year] of [2019, 2020, 2021, 2022, 2023, 2024].entries()) {
      lines.push(`${code};14;${year};${40 + index}`, `${code};SE;${year};${35 + index}`, `${code};Ale;${year};${30 + index}`, `${code};Kungälv;${year};${50 + index}`);
    }
    await importFile(api, `${lines.join('\n')}\n`, `${code}.csv`);

    const page = await coordinator.browser.get(`/indikatorer/${code}`).expect(200);
    expect(page.text).toContain('<h2 id="charts-title">Diagram</h2>');
    // Two figures, each an image with its text alternative, a caption and its data as a table.
    expect(page.text.match(/<figure class="chart" id="diagram-(lan-riket|kommuner)">/g)).toHaveLength(2);
    expect(page.text).toMatch(/<div class="chart-svg" role="img" aria-label="Linjediagram över Andel testade diagram i länet och riket 2019–2024[^"]*">\s*<svg/);
    expect(page.text).toMatch(/<div class="chart-svg" role="img" aria-label="Stapeldiagram över Andel testade diagram per kommun 2024, 2 kommuner\. Högst Kungälv[^"]*">\s*<svg/);
    expect(page.text).toContain('<figcaption>Andel testade diagram: länet och riket över tid.');
    expect(page.text).toMatch(new RegExp(`<tr><th scope="row">2019</th><td class="num">40${NBSP}%</td><td class="num">35${NBSP}%</td></tr>`));
    expect(page.text).toMatch(new RegExp(`<tr><th scope="row">Kungälv</th><td class="num">55${NBSP}%</td></tr>`));
    // The values table is still there, after the charts.
    expect(page.text.indexOf('<h2 id="values-title">Värden</h2>')).toBeGreaterThan(page.text.indexOf('id="diagram-kommuner"'));

    // A chosen period: the line ends there, the bars are that period's.
    const earlier = await coordinator.browser.get(`/indikatorer/${code}?period=2021`).expect(200);
    expect(earlier.text).toMatch(/aria-label="Linjediagram över Andel testade diagram i länet och riket 2019–2021/);
    expect(earlier.text).toContain('per kommun 2021, 2 kommuner');
  });

  it('marks derived values in the table', async () => {
    const api = (await t.userWith(Role.CountyCoordinator)).api;
    await importFile(api, 'indikator;enhet;period;värde\nSIP02;Ale;2024;10\nSIP02;Kungälv;2024;20\nSIP02;Stenungsund;2024;5\nSIP02;Tjörn;2024;1\n', 'sip.csv');
    const page = await coordinator.browser.get('/indikatorer/SIP02').expect(200);
    expect(page.text).toMatch(/<th scope="row">SIMBA[^<]*<\/th>\s*<td>Delregion<\/td>\s*<td class="num">36<span aria-hidden="true">\*<\/span><span class="visually-hidden"> \(beräknat\)<\/span>/);
    expect(page.text).toContain('* Beräknat från kommunernas värden');
  });

  it('answers an unknown indicator and an unreadable period with Swedish error pages, not problem+json', async () => {
    const missing = await coordinator.browser.get('/indikatorer/XX99').expect(404);
    expect(missing.headers['content-type']).toMatch(/text\/html/);
    expect(missing.text).toContain('Indikatorn XX99 finns inte.');
    const badPeriod = await coordinator.browser.get('/indikatorer/IU03?period=igår').expect(400);
    expect(badPeriod.text).toContain('Perioden kan inte tolkas.');
  });

  it('sends an anonymous visitor to the login page', async () => {
    const response = await t.browser().get('/indikatorer').expect(303);
    expect(response.headers.location).toBe('/logga-in?next=%2Findikatorer');
  });

  it('shows a signed-in user what they can do on the start page and in the menu, with figures imported', async () => {
    // Its own database, so the figures it counts are its own whatever ran before.
    await onOwnApp(async (own) => {
      await importFile((await own.userWith(Role.CountyCoordinator)).api, 'indikator;enhet;period;värde\nHF01;Riket;2024;3421\nHF01;Västra Götaland;2024;2832\n', 'hf01.csv');
      expect(await own.dataSource.getRepository(ImportBatch).count()).toBe(1);
      expect(await own.dataSource.getRepository(IndicatorValue).count()).toBe(2);

      const coordinatorHome = await (await own.signedIn(Role.CountyCoordinator)).browser.get('/').expect(200);
      expect(coordinatorHome.text).toContain('<a href="/indikatorer">Indikatorer</a> –');
      expect(coordinatorHome.text).toContain('<a href="/importer">Importer</a> –');
      const viewerHome = await (await own.signedIn(Role.Viewer)).browser.get('/').expect(200);
      expect(viewerHome.text).toContain('<a href="/indikatorer">Indikatorer</a> –');
      expect(viewerHome.text).not.toContain('/importer');
    });
  });
});
