import { testCatalog } from './__fixtures__/catalog.fixture.js';

describe('createCatalogLookup', () => {
  const catalog = testCatalog();

  it.each([
    ['HF01', 'HF01'],
    ['hf01', 'HF01'],
    ['U00406', 'HF01'],
  ])('finds indicator %j', (query, code) => {
    expect(catalog.findIndicator(query)?.code).toBe(code);
  });

  it.each([
    ['14', '14'],
    ['0014', '14'],
    ['Västra Götaland', '14'],
    ['VÄSTRA GÖTALAND', '14'],
    ['Riket', 'SE'],
    ['0000', 'SE'],
    ['1486', '1486'],
    ['strömstad', '1486'],
    ['Kungälvs sjukhus', 'H-KS'],
    ["Kungälv's sjukhus", 'H-KS'],
    ['Sahlgrenska Universitets-sjukhuset', 'H-SU'],
    ['  Alingsås   Lasarett ', 'H-ALS'],
    ['h-säs', 'H-SÄS'],
    ['SIMBA', 'DR-SIMBA'],
  ])('finds org unit %j', (query, code) => {
    expect(catalog.findOrgUnit(query)?.code).toBe(code);
  });

  it('finds nothing for an unknown name', () => {
    expect(catalog.findOrgUnit('Totalt')).toBeUndefined();
    expect(catalog.findIndicator('XX01')).toBeUndefined();
  });
});
