import type { IndicatorUnit } from '../format/indicator-unit.js';
import { formatIndicatorValue } from '../format/swedish-number.util.js';
import type { Period } from '../period/period.js';
import { classifyChange } from './change.util.js';
import { findExtremes } from './extremes.util.js';
import type { OrgUnitValue } from './org-unit-value.js';

export interface SentenceIndicator {
  name: string;
  unit: IndicatorUnit;
  /**
   * Noun phrase that follows the number, e.g. `fallskador per 100 000 invånare` for HF01. Without it sentences
   * fall back to the unit and name the indicator.
   */
  phrase?: string;
}

/** `a`, `a och b`, `a, b och c`. */
export function joinSwedish(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

function sentence(subject: string | undefined, predicate: string): string {
  return subject ? `${subject} ${predicate}.` : predicate;
}

/**
 * "Västra Götaland rapporterade 2 832 fallskador per 100 000 invånare (2023), jämfört med rikets 3 421."
 * Without a phrase: "För ”Medelålder” rapporterade Västra Götaland 82,3 år (2023), jämfört med rikets 81,9 år."
 */
export function describeVersusNation(
  indicator: SentenceIndicator,
  unit: { name: string; value: number },
  nationValue: number,
  period: Period,
): string {
  const when = period.label('short');
  if (indicator.phrase) {
    const value = formatIndicatorValue(unit.value, indicator.unit);
    const nation = formatIndicatorValue(nationValue, indicator.unit);
    return `${unit.name} rapporterade ${value} ${indicator.phrase} (${when}), jämfört med rikets ${nation}.`;
  }
  const value = formatIndicatorValue(unit.value, indicator.unit, { withUnit: true });
  const nation = formatIndicatorValue(nationValue, indicator.unit, { withUnit: true });
  return `För ”${indicator.name}” rapporterade ${unit.name} ${value} (${when}), jämfört med rikets ${nation}.`;
}

/**
 * "varierar stort: från 28 % i Strömstad till 73 % i Essunga (2024)"; with a subject a whole sentence.
 * "stort" when the highest is at least twice the lowest: the seed's 28 → 73 % is called large.
 */
export function describeSpread(
  unit: IndicatorUnit,
  values: OrgUnitValue[],
  period: Period,
  subject?: string,
): string | undefined {
  const extremes = findExtremes(values);
  if (!extremes) {
    return undefined;
  }
  const low = extremes.lowest[0].value;
  const high = extremes.highest[0].value;
  const when = period.label('short');
  if (formatIndicatorValue(low, unit) === formatIndicatorValue(high, unit)) {
    return sentence(subject, `är ${formatIndicatorValue(low, unit)} i samtliga (${when})`);
  }
  const names = (entries: OrgUnitValue[]) => joinSwedish(entries.map((entry) => entry.name));
  const large = low > 0 ? high >= 2 * low : high > 0;
  return sentence(
    subject,
    `varierar${large ? ' stort' : ''}: från ${formatIndicatorValue(low, unit)} i ${names(extremes.lowest)} ` +
      `till ${formatIndicatorValue(high, unit)} i ${names(extremes.highest)} (${when})`,
  );
}

export interface ChangeSentenceOptions {
  /** Subject of the sentence, e.g. `Andelen med stort förtroende för hälso- och sjukvården i Västra Götaland`. */
  subject?: string;
  /** Grammatical gender of the subject: `andelen` → oförändrad, `antalet` → oförändrat. */
  neuter?: boolean;
}

/** "ökade från 57,4 % (2023) till 62,6 % (2024)", "minskade från … till …", "var oförändrad på 62,6 % (2023 och 2024)". */
export function describeChange(
  unit: IndicatorUnit,
  previous: { period: Period; value: number },
  current: { period: Period; value: number },
  options: ChangeSentenceOptions = {},
): string {
  const { trend } = classifyChange(previous.value, current.value, 'none', unit);
  const from = `${formatIndicatorValue(previous.value, unit)} (${previous.period.label('short')})`;
  const to = `${formatIndicatorValue(current.value, unit)} (${current.period.label('short')})`;
  if (trend === 'unchanged') {
    const word = options.neuter ? 'oförändrat' : 'oförändrad';
    const periods = `${previous.period.label('short')} och ${current.period.label('short')}`;
    return sentence(options.subject, `var ${word} på ${formatIndicatorValue(current.value, unit)} (${periods})`);
  }
  return sentence(options.subject, `${trend === 'increased' ? 'ökade' : 'minskade'} från ${from} till ${to}`);
}
