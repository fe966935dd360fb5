import { SIMBA_ANSWERS } from '../analysis/analysis-fixtures.js';

/**
 * The six delregions' analyses of seed 002 ("Sammanfattande rapport – Delregional vårdsamverkans arbete 2023"),
 * each as its coordinator would fill in the default VVG template (reference/templates/vvg-default.json): every
 * required field, the deviation rows and the Färdplan activities (klart / pågående / inte påbörjad) the section
 * describes, and theme tags (reference/templates/theme-tags.csv) chosen so that the county report has common
 * denominators and themes below the threshold (REPORT_COMMON_THEME_MIN, default 4 of 6):
 *
 *   in_och_utskrivning     5  (SKB, SAMLA, SIMBA, GBG, SÄ)   common
 *   avvikelser             4  (SKB, SAMLA, SIMBA, GBG)        common
 *   sip                    3  (SKB, SIMBA, GBG)
 *   foljsamhet_riktlinjer  3  (SKB, GBG, FBD)
 *   psykisk_halsa_missbruk 2  (SAMLA, GBG)
 *   barn_och_unga          2  (SKB, FBD)
 *   samsjuklighet, digitalisering_informationsdelning, lakemedel, kompetensforsorjning  1 each
 *
 * SIMBA's answers are the analysis tests' (test/analysis/analysis-fixtures.ts), completed here with what those
 * leave out (an optional routine, the annual report link, more activities and deviation rows).
 */

export type Seed002Delregion = 'DR-SKB' | 'DR-SAMLA' | 'DR-SIMBA' | 'DR-GBG' | 'DR-SÄ' | 'DR-FBD';

export interface Seed002Answers {
  agreement_followed: boolean;
  agreement_compliance: string;
  focus_areas_work: string;
  physician_participation: string;
  mental_health_substance_abuse: string;
  svpl: string;
  other_routines?: string;
  deviations_most_frequent: Array<{ deviation_type: string; count?: number; system_flaw?: boolean; local_measure?: string; regional_proposal?: string }>;
  deviations_analysis: string;
  roadmap_activities: Array<{ name: string; shift: string; status: 'klart' | 'pågående' | 'inte_påbörjad' }>;
  successes: string;
  challenges: string;
  organisation: string;
  agreements: string;
  governance_economy: string;
  planning_reporting: string;
  support_functions: string;
  implementation: string;
  deviation_handling: string;
  annual_report_link?: string;
  theme_tags: string[];
}

/** The delregions in the order org-units.csv lists them (the report's order). */
export const SEED_002_DELREGIONS: readonly Seed002Delregion[] = ['DR-SKB', 'DR-SAMLA', 'DR-SIMBA', 'DR-GBG', 'DR-SÄ', 'DR-FBD'];

/** Their names as reference/org-units.csv spells them (what the report prints). */
export const SEED_002_DELREGION_NAMES: Record<Seed002Delregion, string> = {
  'DR-SKB': 'Vårdsamverkan Skaraborg',
  'DR-SAMLA': 'SAMLA – Vårdsamverkan Lerum Alingsås',
  'DR-SIMBA': 'SIMBA – Samverkan för hälsa och den nära vården i Ale, Kungälv, Stenungsund, Tjörn',
  'DR-GBG': 'Kommun och sjukvård – Samverkan i Göteborgsområdet',
  'DR-SÄ': 'Närvårdssamverkan Södra Älvsborg',
  'DR-FBD': 'Vårdsamverkan Fyrbodal',
};

const SKARABORG: Seed002Answers = {
  agreement_followed: true,
  agreement_compliance:
    'Avtalet följs i huvudsak. Arbetet med en länsgemensam rutin för in- och utskrivning visade på brister i formuleringarna i den överordnade riktlinjen.',
  focus_areas_work:
    'Arbetet är fördelat på fyra samverkansgrupper:\n\n- Barn & unga\n- Psykisk hälsa, skadligt bruk och beroende, vuxna\n- Geriatrik, demens, palliativ vård & stroke\n- Samordnad hälsa, vård och omsorg (SHVO)',
  physician_participation: 'Läkarmedverkan följs upp i samverkansgrupp Geriatrik, demens, palliativ vård & stroke.',
  mental_health_substance_abuse:
    'VPMB har haft dialoger om LVM och medicindelning och informerat om vård- och insatsprogram (VIP). Närhälsan ansvarar för att införa en överenskommelse om personer som uttrycker självmordstankar; en arbetsgrupp från psykiatri och kommunalförbund arbetar med samsjuklighet.',
  svpl:
    'Höga förväntningar på samverkan vid in- och utskrivning från slutenvård, i en komplex process där alla behöver hjälpas åt och gemensamt lösa ut skav. Tre temamöten för superkontaktombuden om in- och utskrivningsprocessen, öppenvårdsprocessen och SIP.',
  other_routines: 'Placerade barns rätt till en hälsoundersökning.',
  deviations_most_frequent: [
    { deviation_type: 'In- och utskrivningsprocessen', count: 184, system_flaw: true, local_measure: 'Superkontaktombuden sammanställer avvikelserna per kommun.', regional_proposal: 'Förtydliga formuleringarna i den överordnade riktlinjen.' },
    { deviation_type: 'Läkemedel', count: 41, system_flaw: false, local_measure: 'Dialog om medicindelning i VPMB.' },
  ],
  deviations_analysis: 'Superkontaktombuden sammanställer avvikelser och utgör kopplingen till den länsgemensamma gruppen för avvikelser i samverkan.',
  roadmap_activities: [
    { name: 'Konferens om samordnad individuell plan', shift: 'continuity_and_coordination', status: 'klart' },
    { name: 'Webbutbildning om SIP-processen i Skaraborg', shift: 'continuity_and_coordination', status: 'klart' },
    { name: 'Ny struktur och uppdragsbeskrivning för superkontaktombud', shift: 'trust_and_collaboration', status: 'pågående' },
    { name: 'Placerade barns hälsoundersökning', shift: 'health_promotion_and_prevention', status: 'pågående' },
    { name: 'Remissförfarande i elevhälsan', shift: 'from_inpatient_to_outpatient', status: 'inte_påbörjad' },
  ],
  successes: 'En konferens om samordnad individuell plan och en webbutbildning om SIP-processen i Skaraborg. Stödet till det lokala samverkansarbetet för barn och unga.',
  challenges: 'Remissförfarandet i elevhälsan eskalerades till vårdsamverkans styrgrupp. Höga förväntningar på samverkan vid in- och utskrivning från slutenvård.',
  organisation: 'Fyra samverkansgrupper under vårdsamverkans styrgrupp; superkontaktombud i kommunerna.',
  agreements: 'Länsgemensam rutin för in- och utskrivning; överenskommelse om personer som uttrycker självmordstankar.',
  governance_economy: 'Styrgruppen beslutar och tar emot eskalerade frågor, som remissförfarandet i elevhälsan.',
  planning_reporting: 'Arbetet rapporteras fördelat på flera rapporter, en per samverkansgrupp.',
  support_functions: 'Superkontaktombud stödjer implementering och samordnar utbildningsinsatser.',
  implementation: 'Utbildningar och föreläsningar vid högskolan i samverkanskompetens; goda exempel sprids via Teams.',
  deviation_handling: 'Superkontaktombuden sammanställer avvikelser och deltar i den länsgemensamma gruppen.',
  annual_report_link: 'https://www.vardsamverkan.se/skaraborg/arsrapport-2023',
  theme_tags: ['in_och_utskrivning', 'sip', 'avvikelser', 'barn_och_unga', 'samsjuklighet', 'foljsamhet_riktlinjer'],
};

const SAMLA: Seed002Answers = {
  agreement_followed: true,
  agreement_compliance: 'Avtalet följs. Samordningsgruppen koordinerar, följer upp, utvecklar och fattar inriktningsbeslut.',
  focus_areas_work:
    'Workshop om in- och utskrivningsprocessen: nuläge, önskat läge, gap och förbättringsförslag. I början av 2024 tillsattes en temagrupp med ansvar för fortsatt styrning.',
  physician_participation: 'Gemensam rutin för att jourcentralen ska kunna utföra läkemedelsutdelning.',
  mental_health_substance_abuse:
    'Två socialmedicinska mottagningar, i Lerum och Alingsås, erbjuder ett samlat utbud av stöd och behandling till vuxna med missbruksproblematik. Digitala vårdmöten för dem som har svårt att komma till mottagningen.',
  svpl: 'Avstämningar under sommarmånaderna så att den enskilde inte behöver vara kvar på sjukhuset.',
  deviations_most_frequent: [
    { deviation_type: 'in- och utskrivningsprocessen', count: 52, system_flaw: true, local_measure: 'Temagrupp för in- och utskrivning från 2024.', regional_proposal: 'Gemensam uppföljning av utskrivningsklar-meddelanden i länet.' },
    { deviation_type: 'Kommunikation och information', count: 23, system_flaw: false },
  ],
  deviations_analysis: 'Statistikuttag identifierar avvikelser; en analysgrupp tar fram förbättringsåtgärder för Barn och unga, Psykisk hälsa och missbruk samt Äldre.',
  roadmap_activities: [
    { name: 'Socialmedicinska mottagningar i Lerum och Alingsås', shift: 'from_inpatient_to_outpatient', status: 'klart' },
    { name: 'Digitala vårdmöten på socialmedicinsk mottagning', shift: 'accessible_care_digitalisation', status: 'klart' },
    { name: 'Temagrupp för in- och utskrivningsprocessen', shift: 'continuity_and_coordination', status: 'pågående' },
    { name: 'Förbättringsåtgärder utifrån avvikelseanalys, målgrupp Äldre', shift: 'person_centred_care', status: 'pågående' },
    { name: 'Hälsofrämjande insatser för barn och unga', shift: 'health_promotion_and_prevention', status: 'inte_påbörjad' },
  ],
  successes: 'Besök på vårdcentraler, polis, ambulans, socialtjänst, jourcentralen och Alingsås lasarett har förbättrat samverkan och förståelsen parterna emellan.',
  challenges: 'Att få in- och utskrivningsprocessen att fungera även under sommarmånaderna.',
  organisation: 'En delregional samordningsgrupp; en analysgrupp för avvikelser; temagrupp för in- och utskrivning.',
  agreements: 'Överenskommelse mellan vårdsamverkan SAMLA och kommunerna Lerum och Alingsås om de socialmedicinska mottagningarna.',
  governance_economy: 'Samordningsgruppen fattar inriktningsbeslut och sammanträder med jämna mellanrum.',
  planning_reporting: 'En schematisk uppställning av aktiviteterna per målgrupp och förflyttning, med status klart, pågående och inte påbörjad.',
  support_functions: 'Analysgruppen och samordningsgruppens beredning.',
  implementation: 'Delregionalt och lokalt, övergripande och per målgrupp, i linje med Färdplanen.',
  deviation_handling: 'Statistikuttag och en utsedd analysgrupp.',
  annual_report_link: 'https://www.vardsamverkan.se/samla/arsrapport-2023.pdf',
  theme_tags: ['in_och_utskrivning', 'avvikelser', 'psykisk_halsa_missbruk', 'digitalisering_informationsdelning'],
};

const SIMBA: Seed002Answers = {
  ...SIMBA_ANSWERS,
  other_routines: 'Munhälsobedömningar: en av fyra kommuner nådde målet att 80 % av dem som tackat ja får en bedömning av tandhygienist.',
  deviations_most_frequent: [
    ...SIMBA_ANSWERS.deviations_most_frequent,
    { deviation_type: 'Kommunikation och information', count: 18, system_flaw: false, local_measure: 'Utbildning för chefer tillsammans med Sahlgrenska universitetssjukhuset.' },
  ],
  roadmap_activities: [
    ...(SIMBA_ANSWERS.roadmap_activities as Seed002Answers['roadmap_activities']),
    { name: 'Socialmedicinska mottagningar i Ale, Kungälv och Stenungsund', shift: 'from_inpatient_to_outpatient', status: 'pågående' },
    { name: 'Riskbedömningar för fall, nutrition och trycksår', shift: 'health_promotion_and_prevention', status: 'pågående' },
    { name: 'Utbildning i suicidprevention (första hjälpare)', shift: 'person_centred_care', status: 'klart' },
    { name: 'Mobil närvård', shift: 'accessible_care_digitalisation', status: 'inte_påbörjad' },
  ],
  annual_report_link: 'https://www.simba.se/arsberattelse-2023.pdf',
};

const GOTEBORG: Seed002Answers = {
  agreement_followed: true,
  agreement_compliance:
    'LGS har följt länets arbete med hälso- och sjukvårdsavtalet och Färdplanen. Uppdragsgruppen konstaterar att följsamheten till riktlinjer och rutiner behöver förbättras.',
  focus_areas_work:
    'Samverkansplan 2020–2023: in- och utskrivningsprocessen, tidiga samordnade insatser för att främja hälsa och förebygga ohälsa, samt fysisk hälsa vid psykisk ohälsa.',
  physician_participation: 'Följs i de åtta närområdessamverkan.',
  mental_health_substance_abuse: 'Temagrupperna för barn och unga och för psykiatri; stärkt brukarmedverkan och suicidprevention redovisas i bilagor.',
  svpl: 'Samverkansdialoger om vårdövergångar, in- och utskrivningsprocessen och SIP i SAMSA var uppskattade och visade fortsatta utvecklingsområden.',
  deviations_most_frequent: [
    { deviation_type: 'Kommunikation och information', count: 1460, system_flaw: true, local_measure: 'Data sammanställd och analyserad två gånger under året.', regional_proposal: 'Stöd för att konkretisera och följa upp åtgärder tillsammans.' },
    { deviation_type: 'In- och utskrivningsprocessen', count: 1225, system_flaw: true, regional_proposal: 'Tydligare ansvar i den länsgemensamma riktlinjen.' },
  ],
  deviations_analysis:
    'Antalet rapporterade avvikelser i MedControl Pro ökade 2023. Det har blivit allt vanligare att registrera ”ingen åtgärd”: det är svårt att konkretisera och följa upp vad som behöver göras tillsammans.',
  roadmap_activities: [
    { name: 'Samverkansdialoger om vårdövergångar', shift: 'continuity_and_coordination', status: 'klart' },
    { name: 'Stärkt arbete med SIP (kaskadmodell)', shift: 'continuity_and_coordination', status: 'pågående' },
    { name: 'Stärkt brukarmedverkan', shift: 'person_centred_care', status: 'pågående' },
    { name: 'Alla parter anslutna till MedControl Pro', shift: 'trust_and_collaboration', status: 'klart' },
    { name: 'Fysisk hälsa vid psykisk ohälsa', shift: 'health_promotion_and_prevention', status: 'inte_påbörjad' },
    { name: 'Uppdaterad uppdragsbeskrivning för utvecklingsgrupp SAMSA', shift: 'trust_and_collaboration', status: 'inte_påbörjad' },
  ],
  successes: 'Kontinuitet över flera år med specifika SIP-roller och stimulansmedel har gett resultat. Samverkansdialogerna var mycket uppskattade.',
  challenges: 'Personalomsättning kräver ständigt nya utbildningar; lokal nivå behöver bära ansvaret när stimulansmedlen upphör. Följsamheten till riktlinjer och rutiner behöver förbättras.',
  organisation: 'Åtta närområdessamverkan, temagrupper för barn och unga, psykiatri samt rehabilitering och habilitering, utvecklingsgrupp SAMSA och ledningsgruppen LGS.',
  agreements: 'Samverkansplan 2024–2025, reviderad tillsammans med den politiska styrgruppen.',
  governance_economy: 'LGS och den politiska styrgruppen; stimulansmedel för SIP-rollerna.',
  planning_reporting: 'Mål, aktiviteter och uppföljning i tabellform för varje grupp och avsnitt.',
  support_functions: 'Delregionala utvecklingsledare för SIP, lokala SIP-samordnare i NOSAM och på Sahlgrenska Universitetssjukhuset.',
  implementation: 'Delregional implementeringsplan för SIP sedan 2021, i en kaskadmodell.',
  deviation_handling: 'Alla parter rapporterar i MedControl Pro; data analyseras två gånger om året.',
  annual_report_link: 'https://www.goteborgsregionen.se/arsrapport-2023-kommun-och-sjukvard.pdf',
  theme_tags: ['in_och_utskrivning', 'sip', 'avvikelser', 'foljsamhet_riktlinjer', 'psykisk_halsa_missbruk'],
};

const SODRA_ALVSBORG: Seed002Answers = {
  agreement_followed: true,
  agreement_compliance: 'En tydlig och stark ledning och styrning behövs för att möjliggöra måluppfyllelse.',
  focus_areas_work:
    'Målen för 2023:\n\n- minst 80 % av patienterna ska uppleva en trygg vårdövergång\n- patienter 75 år och äldre har rätt läkemedel\n- förbättrad vård i vårdövergångarna',
  physician_participation: 'Följs upp genom målindikatorerna för Styrgrupp närvård.',
  mental_health_substance_abuse: 'Följs i Närvårdskontorets uppdrag.',
  svpl: 'Måluppfyllelsen har varit relativt låg inom vissa områden, men samverkansklimatet har fortsatt förbättrats.',
  other_routines: 'Läkemedel för patienter 75 år och äldre.',
  deviations_most_frequent: [
    { deviation_type: 'Läkemedel', count: 77, system_flaw: false, local_measure: 'Läkemedelsgenomgångar för patienter 75 år och äldre.', regional_proposal: 'Länsgemensam indikator för rätt läkemedel.' },
    { deviation_type: 'kommunikation och information', count: 35, system_flaw: true },
  ],
  deviations_analysis: 'Vissa resultat är svåra att analysera och förstå; att förbättra analysen är ett arbete inför framtiden.',
  roadmap_activities: [
    { name: 'Trygg vårdövergång för minst 80 % av patienterna', shift: 'continuity_and_coordination', status: 'pågående' },
    { name: 'Rätt läkemedel för patienter 75 år och äldre', shift: 'person_centred_care', status: 'pågående' },
    { name: 'Resultat och statistik till Delregionalt politiskt samråd', shift: 'trust_and_collaboration', status: 'klart' },
  ],
  successes: 'Närvårdskontorets arbetssätt är väl anpassat till beställarnas önskemål och krav; samverkansklimatet har stärkts.',
  challenges: 'Relativt låg måluppfyllelse inom vissa områden och resultat som är svåra att tolka.',
  organisation: 'Delregionalt politiskt samråd, Styrgrupp närvård och Närvårdskontoret.',
  agreements: 'Närvårdskontorets uppdrag, mål och syfte.',
  governance_economy: 'Styrning genom målindikatorer som Närvårdskontoret följer upp.',
  planning_reporting: 'Resultat per mål och mätetal, och en rapport om Närvårdskontorets arbete.',
  support_functions: 'Närvårdskontoret tillhandahåller resultat och statistik.',
  implementation: 'Genom målindikatorer och Närvårdskontorets stöd.',
  deviation_handling: 'Avvikelser följs i målindikatorerna för vårdövergångar.',
  annual_report_link: 'https://www.narvardssamverkan.se/arsrapport-2023.pdf',
  theme_tags: ['in_och_utskrivning', 'lakemedel'],
};

const FYRBODAL: Seed002Answers = {
  agreement_followed: false,
  agreement_compliance:
    'Kommunerna i Fyrbodal hade sagt upp sin del av det tidigare avtalet. Det finns brister i efterlevnaden av styrdokument, kanske på grund av okunskap eller egna tolkningar.',
  focus_areas_work: 'En utredning av vårdsamverkan utifrån nuläge och behov, med förslag till organisering från 2024.',
  physician_participation: 'Specialistvårdens representanter vill samverka men behöver rätt förutsättningar att delta i möten.',
  mental_health_substance_abuse: 'Oklarheter i ansvarsfördelningen mellan regionens primärvård och specialistpsykiatri.',
  svpl: 'Mer verksamhetsfokus än individfokus vid SIP-möten.',
  deviations_most_frequent: [
    { deviation_type: 'Kommunikation och information', count: 96, system_flaw: true, local_measure: 'Samverkanskontor under Närhälsan från 2024.', regional_proposal: 'Större flexibilitet i riktlinjer och PM, som patientnämnden efterlyser.' },
    { deviation_type: 'Samordning och ansvar', count: 40, system_flaw: true },
  ],
  deviations_analysis: 'Patientnämnden får ofta klagomål på bristande samordning och otydlighet kring vem som ansvarar för vad.',
  roadmap_activities: [
    { name: 'Utredning av vårdsamverkans organisering', shift: 'trust_and_collaboration', status: 'klart' },
    { name: 'Nytt samverkansavtal och samverkansplan 2024–2025', shift: 'trust_and_collaboration', status: 'klart' },
    { name: 'Utvecklingsforum för Barn och unga, Vuxna och Äldre', shift: 'continuity_and_coordination', status: 'inte_påbörjad' },
    { name: 'Samverkanskontor under Närhälsan', shift: 'accessible_care_digitalisation', status: 'inte_påbörjad' },
    { name: 'Mobila närsjukvårdsteam samlokaliseras', shift: 'from_inpatient_to_outpatient', status: 'pågående' },
  ],
  successes: 'En genomlysning med intervjuer och omvärldsspaning gav en ny organisation, ett nytt samverkansavtal och en samverkansplan för 2024–2025.',
  challenges: 'Bristande strukturer för barn- och ungafrågor och en eftersläpning i omställningen till nära vård, där systemen är rigida.',
  organisation: 'Styrgrupp, utvecklingsforum (Barn och unga, Vuxna, Äldre) och lokala vårdsamverkansgrupper.',
  agreements: 'Samverkansavtal mellan delregionens regionala verksamheter och kommunerna; samverkansplan 2024–2025.',
  governance_economy: 'Tydlighet efterfrågas i politikens, styrgruppens och kansliets roller.',
  planning_reporting: 'Utförlig uppföljning efter två års provotid.',
  support_functions: 'Samverkanskontor med medarbetare från kommunal primärvård, regional primärvård och specialiserad vård.',
  implementation: 'Utvecklingsprocesser som konkretiserar och levandegör styrdokumenten.',
  deviation_handling: 'Utvecklingsprocesser och avvikelsehantering ingår i samverkansplanen.',
  annual_report_link: 'https://www.fyrbodal.se/samverkansplan-2024-2025.pdf',
  theme_tags: ['barn_och_unga', 'foljsamhet_riktlinjer', 'kompetensforsorjning'],
};

/** Complete answer sets for the default template, one per delregion of seed 002. */
export const SEED_002_ANALYSES: Record<Seed002Delregion, Seed002Answers> = {
  'DR-SKB': SKARABORG,
  'DR-SAMLA': SAMLA,
  'DR-SIMBA': SIMBA,
  'DR-GBG': GOTEBORG,
  'DR-SÄ': SODRA_ALVSBORG,
  'DR-FBD': FYRBODAL,
};

/** Which delregions tagged each theme (what the county report's common denominators are computed from). */
export function seed002ThemeCounts(): Map<string, Seed002Delregion[]> {
  const counts = new Map<string, Seed002Delregion[]>();
  for (const code of SEED_002_DELREGIONS) {
    for (const theme of SEED_002_ANALYSES[code].theme_tags) counts.set(theme, [...(counts.get(theme) ?? []), code]);
  }
  return counts;
}
