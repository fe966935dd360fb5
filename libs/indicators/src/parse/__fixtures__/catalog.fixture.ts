import { createCatalogLookup, type CatalogIndicator, type CatalogOrgUnit } from '../catalog-lookup.util.js';

/** A slice of reference/indicators.csv and reference/org-units.csv. */
export const TEST_INDICATORS: CatalogIndicator[] = [
  { id: 'i-so02', code: 'SO02', unit: 'percent', kind: 'quality', direction: 'higher' },
  { id: 'i-hf01', code: 'HF01', unit: 'per_100000', kind: 'quantity', direction: 'lower', koladaId: 'U00406' },
  { id: 'i-pc01', code: 'PC01', unit: 'percent', kind: 'quality', direction: 'higher' },
  { id: 'i-bg04', code: 'BG04', unit: 'count', kind: 'quantity', direction: 'none' },
  { id: 'i-iu02', code: 'IU02', unit: 'days', kind: 'quantity', direction: 'lower' },
  { id: 'i-iu03', code: 'IU03', unit: 'percent', kind: 'quantity', direction: 'lower' },
  { id: 'i-iu08', code: 'IU08', unit: 'ratio', kind: 'quantity', direction: 'none' },
  { id: 'i-sip02', code: 'SIP02', unit: 'count', kind: 'quantity', direction: 'none' },
  { id: 'i-rl01', code: 'RL01', unit: 'percent', kind: 'quality', direction: 'higher' },
];

export const TEST_ORG_UNITS: CatalogOrgUnit[] = [
  { id: 'o-se', code: 'SE', name: 'Riket', type: 'nation', koladaId: '0000' },
  { id: 'o-14', code: '14', name: 'Västra Götaland', type: 'county', koladaId: '0014' },
  { id: 'o-simba', code: 'DR-SIMBA', name: 'SIMBA – Samverkan för hälsa och den nära vården i Ale, Kungälv, Stenungsund, Tjörn', type: 'delregion', aliases: ['SIMBA'] },
  { id: 'o-1440', code: '1440', name: 'Ale', type: 'municipality', koladaId: '1440' },
  { id: 'o-1482', code: '1482', name: 'Kungälv', type: 'municipality', koladaId: '1482' },
  { id: 'o-1415', code: '1415', name: 'Stenungsund', type: 'municipality', koladaId: '1415' },
  { id: 'o-1419', code: '1419', name: 'Tjörn', type: 'municipality', koladaId: '1419' },
  { id: 'o-1486', code: '1486', name: 'Strömstad', type: 'municipality', koladaId: '1486' },
  { id: 'o-1445', code: '1445', name: 'Essunga', type: 'municipality', koladaId: '1445' },
  { id: 'o-h-als', code: 'H-ALS', name: 'Alingsås lasarett', type: 'hospital' },
  { id: 'o-h-ks', code: 'H-KS', name: 'Kungälvs sjukhus', type: 'hospital' },
  { id: 'o-h-nu', code: 'H-NU', name: 'NU-sjukvården', type: 'hospital' },
  { id: 'o-h-su', code: 'H-SU', name: 'Sahlgrenska Universitetssjukhuset', type: 'hospital' },
  { id: 'o-h-skas', code: 'H-SKAS', name: 'Skaraborgs sjukhus', type: 'hospital' },
  { id: 'o-h-säs', code: 'H-SÄS', name: 'Södra Älvsborgs sjukhus', type: 'hospital' },
];

export const testCatalog = () => createCatalogLookup(TEST_INDICATORS, TEST_ORG_UNITS);
