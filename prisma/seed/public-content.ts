// The first version of the public support page (plan section 6), in Swedish and English.
// The contacts come from the plan and are left unverified on purpose: the plan's support-line
// number is from 2016 and the line has since moved between organisations.
import type { Prisma } from "@/lib/server/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const PUBLIC_CONTACTS = [
  {
    key: "support-line",
    name: "Nationella stödtelefonen för anhöriga",
    phone: "020-100 200",
    hours: "Vardagar 9–15. Övrig tid kan du lämna ett meddelande och bli uppringd.",
    description: "Information, rådgivning och stöd för anhöriga, kommuner och organisationer. Du ringer anonymt och samtalet syns inte på telefonräkningen.",
    reviewNote:
      "Numret och öppettiderna kommer från handlingsplanen 2016, då Röda korset drev stödtelefonen. Uppgifterna är inaktuella: ta reda på vilken stödlinje för anhöriga som gäller i dag (t.ex. hos Center mot våldsbejakande extremism) innan du markerar kontakten som kontrollerad.",
    sortOrder: 1,
  },
  {
    key: "police",
    name: "Polisen",
    phone: "114 14",
    hours: "Dygnet runt",
    url: "https://polisen.se",
    description: "Om du misstänker att ett brott planeras eller att någon är på väg att resa utomlands för att strida med extremistiska grupper.",
    sortOrder: 2,
  },
  {
    key: "emergency",
    name: "Larmnummer vid akut fara",
    phone: "112",
    hours: "Dygnet runt",
    description: "När det är bråttom: fara för liv eller ett pågående brott.",
    sortOrder: 3,
  },
  {
    key: "social-services",
    name: "Socialtjänsten i Nyköpings kommun – orosanmälan",
    phone: "0155-24 80 00",
    hours: "Vardagar via kommunens kontaktcenter",
    description: "Om du är orolig för ett barn eller en ungdom gör du en orosanmälan till socialtjänsten.",
    sortOrder: 4,
  },
  {
    key: "parental-support",
    name: "Föräldrastöd i Nyköpings kommun",
    phone: "0155-24 80 00",
    hours: "Vardagar via kommunens kontaktcenter",
    description: "Kommunen (Social omsorg) erbjuder föräldrastöd på olika sätt, med perspektivet våldsbejakande extremism i det förebyggande arbetet.",
    sortOrder: 5,
  },
];

// The same contacts in English: the facts are the same, the words are the visitor's.
const EN_CONTACT_TEXT: Record<string, { name: string; hours: string; description: string }> = {
  "support-line": {
    name: "National support line for relatives",
    hours: "Weekdays 9–15. At other times you can leave a message and be called back.",
    description: "Information, advice and support for relatives, municipalities and organisations. You call anonymously and the call does not show on the phone bill.",
  },
  police: {
    name: "The police",
    hours: "Around the clock",
    description: "If you suspect that a crime is being planned or that someone is about to travel abroad to fight with extremist groups.",
  },
  emergency: {
    name: "Emergency number",
    hours: "Around the clock",
    description: "When it is urgent: a danger to life or a crime in progress.",
  },
  "social-services": {
    name: "Social services in Nyköping – concern report",
    hours: "Weekdays via the municipality's contact centre",
    description: "If you are worried about a child or young person, make a concern report (orosanmälan) to social services.",
  },
  "parental-support": {
    name: "Parental support in Nyköping",
    hours: "Weekdays via the municipality's contact centre",
    description: "The municipality (Social care) offers parental support in several ways, with violent extremism as part of its preventive work.",
  },
};

const SV_INTRO =
  "Är du orolig för att någon i din närhet håller på att dras in i våldsbejakande extremism? Du är inte ensam, och det finns stöd att få. Här ser du vem du kan kontakta och vad som händer sedan.";
const EN_INTRO =
  "Are you worried that someone close to you is being drawn into violent extremism? You are not alone, and support is available. Here you can see who to contact and what happens next.";

const SV_GUIDE = [
  { situation: "Någon är i akut fara, eller ett brott pågår just nu.", contactKey: "emergency", urgent: true },
  {
    situation: "Du misstänker att ett brott planeras, eller att någon är på väg att resa utomlands för att strida med extremistiska grupper.",
    contactKey: "police",
    urgent: false,
  },
  { situation: "Du är orolig för ett barn eller en ungdom.", contactKey: "social-services", urgent: false },
  { situation: "Du vill prata med någon om din oro och få råd – anonymt om du vill.", contactKey: "support-line", urgent: false },
  { situation: "Du är förälder och vill ha stöd.", contactKey: "parental-support", urgent: false },
];
const EN_GUIDE = [
  { situation: "Someone is in immediate danger, or a crime is happening right now.", contactKey: "emergency", urgent: true },
  {
    situation: "You suspect that a crime is being planned, or that someone is about to travel abroad to fight with extremist groups.",
    contactKey: "police",
    urgent: false,
  },
  { situation: "You are worried about a child or young person.", contactKey: "social-services", urgent: false },
  { situation: "You want to talk to someone about your worry and get advice – anonymously if you wish.", contactKey: "support-line", urgent: false },
  { situation: "You are a parent and want support.", contactKey: "parental-support", urgent: false },
];

const SV_SECTIONS = [
  {
    key: "what",
    heading: "Vad är våldsbejakande extremism?",
    body: "Våldsbejakande extremism är rörelser, ideologier eller miljöer som inte accepterar en demokratisk samhällsordning och som använder eller uppmuntrar våld för att nå ett ideologiskt mål.\n\nI Sverige handlar det i dag främst om högerextremism inom vit makt-miljöer, vänsterextremism och islamistisk extremism.",
  },
  {
    key: "worried",
    heading: "Är du orolig för någon?",
    body: "Det är vanligt att anhöriga märker förändringar först: nya vänner, ett hårdare språk, att någon drar sig undan eller talar om våld som lösning. Du behöver inte vara säker för att få prata med någon.",
  },
  {
    key: "after",
    heading: "Vad händer när jag hör av mig?",
    body: "- **Stödtelefonen** lyssnar och ger råd. Du kan vara anonym.\n- **Socialtjänsten** tar emot din orosanmälan, bedömer den och kan erbjuda stöd till barnet eller ungdomen och familjen.\n- **Polisen** bedömer om det finns risk för brott och vad som behöver göras.\n\nDu gör rätt när du hör av dig, även om det visar sig att oron var obefogad.",
  },
];

const EN_SECTIONS = [
  {
    key: "what",
    heading: "What is violent extremism?",
    body: "Violent extremism means movements, ideologies or environments that do not accept a democratic society and that use or encourage violence to reach an ideological goal.\n\nIn Sweden today it is mainly right-wing extremism in white-power environments, left-wing extremism and Islamist extremism.",
  },
  {
    key: "worried",
    heading: "Are you worried about someone?",
    body: "Relatives often notice changes first: new friends, harsher language, someone withdrawing or talking about violence as a solution. You do not need to be certain to talk to someone.",
  },
  {
    key: "after",
    heading: "What happens when I get in touch?",
    body: "- **The support line** listens and gives advice. You can stay anonymous.\n- **Social services** receive your concern report, assess it and can offer support to the child or young person and the family.\n- **The police** assess whether there is a risk of crime and what needs to be done.\n\nYou do the right thing by getting in touch, even if the worry turns out to be unfounded.",
  },
];

export async function seedPublicContent(tx: Tx) {
  const contacts = [];
  for (const c of PUBLIC_CONTACTS) {
    contacts.push(await tx.publicContact.upsert({ where: { key: c.key }, update: {}, create: c }));
  }
  const snapshot = contacts.map(({ key, name, phone, hours, url, description }) => ({
    key, name, phone: phone ?? "", hours: hours ?? "", url: url ?? "", description,
  }));
  const englishSnapshot = snapshot.map((c) => ({ ...c, ...EN_CONTACT_TEXT[c.key] }));
  const versions = [
    { locale: "sv", title: "Stöd till anhöriga", intro: SV_INTRO, sections: SV_SECTIONS, guide: SV_GUIDE, contacts: snapshot },
    { locale: "en", title: "Support for relatives", intro: EN_INTRO, sections: EN_SECTIONS, guide: EN_GUIDE, contacts: englishSnapshot },
  ];
  for (const v of versions) {
    const exists = await tx.publicContent.findFirst({ where: { locale: v.locale }, select: { id: true } });
    if (exists) continue;
    await tx.publicContent.create({
      data: {
        locale: v.locale,
        versionNumber: 1,
        status: "PUBLISHED",
        title: v.title,
        intro: v.intro,
        sections: v.sections,
        guide: v.guide,
        contacts: v.contacts,
        publishedAt: new Date(),
      },
    });
  }
}
