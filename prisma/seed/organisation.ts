// Nyköping's organisation and the action plan's own structure (shared/seed/handlingsplan-
// vbe-nykoping.txt). Any municipality replaces this data in the app; nothing here is code.
import type { Prisma } from "@/lib/server/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const DIVISIONS = [
  { code: "BUK", name: "Barn och utbildning", description: "Förskola, grundskola, gymnasium och språkintroduktion.", sortOrder: 1 },
  { code: "DSO", name: "Social omsorg", description: "Socialtjänst, föräldrastöd och sociala insatsgrupper.", sortOrder: 2 },
  { code: "KOF", name: "Kultur och fritid", description: "Fritidsgårdar, bibliotek, ungdomsstödjare och föreningsliv.", sortOrder: 3 },
  { code: "ROS", name: "Räddning och säkerhet", description: "Kommunens säkerhetsavdelning; här finns den strategiska samordnaren.", sortOrder: 4, isCoordinating: true },
] as const;

export const DISTRICTS = [
  "Centrum", "Oppeby", "Harg", "Brandholmen", "Arnö", "Högbrunn", "Stigtomta", "Svalsta", "Tystberga", "Vrena",
];

export const STAFF_CATEGORIES = [
  "Lärare", "Förskollärare", "Fritidsgårdspersonal", "Socialsekreterare", "Skolkurator",
  "Elevhälsopersonal", "Ungdomsstödjare", "Bibliotekspersonal", "Chefer", "Förtroendevalda",
];

export const PLAN_SECTIONS = [
  { number: 1, title: "Bakgrund och inriktning på arbetet", summary: "Vad våldsbejakande extremism är, de tre inriktningarna och de tre nivåerna av förebyggande insatser: generella, specifika och individinriktade." },
  { number: 2, title: "Ansvar", summary: "Kommunstyrelsen leder; den strategiska samordningsfunktionen hos Räddning och säkerhet samordnar, har kontakt med polisen och sammankallar VBE-nätverket." },
  { number: 3, title: "Samverkan", summary: "Skola, socialtjänst, fritid, säkerhetsavdelningen, polis och Säpo samverkar, i befintliga forum och vid behov med civilsamhället." },
  { number: 4, title: "Utbildning av medarbetare", summary: "Varje division identifierar behov av grundläggande och fördjupad utbildning; samordnaren tar med nätverket fram en kompetensutvecklingsplan." },
  { number: 5, title: "Särskilda insatser", summary: "Insatser där det behövs särskilt, t.ex. språkintroduktion på gymnasiet." },
  { number: 6, title: "Stöd till anhöriga", summary: "Oroliga anhöriga ska enkelt hitta stöd via kommunens webbplats: stödtelefonen, polisen, orosanmälan och föräldrastöd." },
  { number: 7, title: "Lokal lägesbild", summary: "En uppdaterad lägesbild i samverkan med polisen om miljöernas närvaro och aktiviteter, med genusperspektiv, som följs upp och utvärderas." },
];

export const PARTNERS: { name: string; kind: "INTERNAL_FORUM" | "EXTERNAL"; category: Prisma.PartnerCreateInput["category"]; description: string }[] = [
  { name: "Säkerhetsgruppen", kind: "INTERNAL_FORUM", category: "MUNICIPAL_FORUM", description: "Kommunens befintliga säkerhetsgrupp; kan behandla frågor om våldsbejakande extremism." },
  { name: "Styrgrupp Säkerhet", kind: "INTERNAL_FORUM", category: "MUNICIPAL_FORUM", description: "Styrgruppen för kommunens säkerhetsarbete." },
  { name: "Sociala insatsgrupper (SIG)", kind: "INTERNAL_FORUM", category: "MUNICIPAL_FORUM", description: "Individinriktad samverkan mellan socialtjänst, skola och polis kring unga i riskzon." },
  { name: "Polisen, lokalpolisområde Nyköping", kind: "EXTERNAL", category: "POLICE", description: "Lägesbild, informationsutbyte och samverkansöverenskommelse." },
  { name: "Säkerhetspolisen", kind: "EXTERNAL", category: "SECURITY_SERVICE", description: "Kontakt via den strategiska samordnaren." },
  { name: "Länsstyrelsen Södermanland", kind: "EXTERNAL", category: "COUNTY_BOARD", description: "Regional samordning och stöd i det förebyggande arbetet." },
  { name: "Center mot våldsbejakande extremism (CVE)", kind: "EXTERNAL", category: "NATIONAL_AUTHORITY", description: "Nationellt kunskapscentrum; metodstöd och utbildningsmaterial." },
  { name: "Bostadsbolagen", kind: "EXTERNAL", category: "HOUSING", description: "Allmännyttiga och privata bostadsbolag i kommunen." },
  { name: "Religiösa samfund", kind: "EXTERNAL", category: "RELIGIOUS_COMMUNITY", description: "Trossamfund och deras ungdomsverksamheter." },
  { name: "Idrottsföreningar", kind: "EXTERNAL", category: "SPORTS", description: "Föreningslivet inom idrott." },
  { name: "Ungdomsföreningar", kind: "EXTERNAL", category: "YOUTH_ORGANISATION", description: "Ungdomsorganisationer och studieförbund." },
  { name: "Övriga civilsamhället", kind: "EXTERNAL", category: "CIVIL_SOCIETY", description: "Andra organisationer som kan bidra i det förebyggande arbetet." },
  { name: "Andra kommuner i länet", kind: "EXTERNAL", category: "OTHER_MUNICIPALITY", description: "Utbyte av erfarenheter, information och metoder." },
];

// The national coordinator's twelve recommendations for local action plans, in short form.
// The wording is a summary to be checked against the national coordinator's material; the
// coordinator edits the list in the app.
export const RECOMMENDATIONS: { number: number; title: string; section: number | null }[] = [
  { number: 1, title: "Ta fram en lokal lägesbild i samverkan med polisen", section: 7 },
  { number: 2, title: "Låt lägesbilden styra handlingsplanens inriktning", section: 1 },
  { number: 3, title: "Förankra handlingsplanen politiskt och i ledningen", section: 2 },
  { number: 4, title: "Utse en strategisk samordnare med tydligt mandat", section: 2 },
  { number: 5, title: "Bygg en intern samverkansstruktur mellan förvaltningarna", section: 3 },
  { number: 6, title: "Samverka med polisen och andra myndigheter", section: 3 },
  { number: 7, title: "Involvera civilsamhället i det förebyggande arbetet", section: 3 },
  { number: 8, title: "Höj kunskapen hos medarbetare i första linjen", section: 4 },
  { number: 9, title: "Arbeta förebyggande på generell, specifik och individinriktad nivå", section: 1 },
  { number: 10, title: "Erbjud stöd till anhöriga och närstående", section: 6 },
  { number: 11, title: "Ge saklig information till medborgarna", section: 6 },
  { number: 12, title: "Följ upp och utvärdera arbetet kontinuerligt", section: 7 },
];

export const SETTINGS: Record<string, Prisma.InputJsonValue> = {
  // How long a public contact stays verified before the coordinator is asked to check it.
  "publicContact.reviewAfterMonths": 6,
  "municipality.name": "Nyköpings kommun",
};

/**
 * Creates what is missing and never overwrites: a coordinator's later edits (a renamed
 * division, an updated partner) survive a re-run.
 */
export async function seedOrganisation(tx: Tx) {
  for (const d of DIVISIONS) {
    await tx.division.upsert({ where: { code: d.code }, update: {}, create: { ...d } });
  }
  for (const [i, name] of DISTRICTS.entries()) {
    await tx.district.upsert({ where: { name }, update: {}, create: { name, sortOrder: i } });
  }
  for (const [i, name] of STAFF_CATEGORIES.entries()) {
    await tx.staffCategory.upsert({ where: { name }, update: {}, create: { name, sortOrder: i } });
  }
  const sections = new Map<number, string>();
  for (const s of PLAN_SECTIONS) {
    const row = await tx.planSection.upsert({ where: { number: s.number }, update: {}, create: s });
    sections.set(s.number, row.id);
  }
  for (const p of PARTNERS) {
    await tx.partner.upsert({ where: { name: p.name }, update: {}, create: p });
  }
  for (const r of RECOMMENDATIONS) {
    await tx.recommendation.upsert({
      where: { number: r.number },
      update: {},
      create: { number: r.number, title: r.title, planSectionId: r.section ? sections.get(r.section) : null },
    });
  }
  for (const [key, value] of Object.entries(SETTINGS)) {
    await tx.setting.upsert({ where: { key }, update: {}, create: { key, value } });
  }
}
