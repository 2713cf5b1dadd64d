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
    body: "Stödtelefonen lyssnar och ger råd, och du kan vara anonym. En orosanmälan utreds av socialtjänsten, som kan erbjuda stöd till barnet eller ungdomen och familjen. Polisen bedömer om det finns risk för brott.",
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
    body: "The support line listens and gives advice, and you can stay anonymous. Social services look into a concern report and can offer support to the child or young person and the family. The police assess whether there is a risk of crime.",
  },
];

export async function seedPublicContent(tx: Tx) {
  const contacts = [];
  for (const c of PUBLIC_CONTACTS) {
    contacts.push(await tx.publicContact.upsert({ where: { key: c.key }, update: {}, create: c }));
  }
  const snapshot = contacts.map(({ key, name, phone, hours, url, description }) => ({
    key, name, phone, hours, url, description,
  }));
  const versions = [
    { locale: "sv", title: "Stöd till anhöriga", sections: SV_SECTIONS },
    { locale: "en", title: "Support for relatives", sections: EN_SECTIONS },
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
        sections: v.sections,
        contacts: snapshot,
        publishedAt: new Date(),
      },
    });
  }
}
