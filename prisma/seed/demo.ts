// Demo data for a laptop install (VARNA_ENV=development): enough to use every screen.
// Never seeded in production. The situation entries describe environments and activities,
// never people – as the product's rules require of real data too.
import type { Prisma } from "@/lib/server/generated/prisma/client";
import {
  createActionItem,
  createMeasure,
  createSituationEntry,
  createTrainingNeed,
  createUser,
  daysFromNow,
} from "@/prisma/factories";

import { DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";
import { trainingCalendar } from "./training-calendar";
import { snapshotPlan } from "@/lib/server/training/snapshot";

export { DEMO_PASSWORD, DEMO_USERS };

type Tx = Prisma.TransactionClient;

export async function seedDemo(tx: Tx) {
  if (await tx.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { id: true } })) return;

  const divisions = new Map((await tx.division.findMany()).map((d) => [d.code, d.id]));
  const division = (code: string) => {
    const id = divisions.get(code);
    if (!id) throw new Error(`Divisionen ${code} saknas i grunddata`);
    return id;
  };
  const districts = new Map((await tx.district.findMany()).map((d) => [d.name, d.id]));
  const staff = new Map((await tx.staffCategory.findMany()).map((s) => [s.name, s.id]));
  const sections = new Map((await tx.planSection.findMany()).map((s) => [s.number, s.id]));

  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await createUser(tx, {
      role: u.role,
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      divisionIds: u.divisions.map(division),
    });
    users.set(u.email, user.id);
  }
  const user = (email: string) => users.get(email)!;
  const coordinator = user("samordnare@nykoping.example");

  // The VBE network: key persons of the divisions, sharing its four responsibilities.
  const network: [string, string, Prisma.NetworkMembershipCreateInput["responsibilities"]][] = [
    ["natverk.buk@nykoping.example", "BUK", ["KNOWLEDGE_GATHERING", "COMPETENCE_DEVELOPMENT"]],
    ["natverk.dso@nykoping.example", "DSO", ["INFORMATION_SHARING"]],
    ["natverk.kof@nykoping.example", "KOF", ["ENVIRONMENT_SCANNING"]],
    ["samordnare@nykoping.example", "ROS", ["ENVIRONMENT_SCANNING", "INFORMATION_SHARING"]],
  ];
  for (const [email, code, responsibilities] of network) {
    await tx.networkMembership.create({
      data: { userId: user(email), divisionId: division(code), responsibilities },
    });
  }

  const held = await tx.networkMeeting.create({
    data: {
      title: "VBE-nätverket – höstmöte",
      scheduledAt: daysFromNow(-35),
      location: "Stadshuset, rum Nyköpingsån",
      status: "HELD",
      agenda: "1. Lägesbild från polisen\n2. Utbildningsbehov inför nästa år\n3. Stöd till anhöriga på webben",
      minutes: "Polisen redovisade lägesbilden för perioden. Nätverket gick igenom divisionernas utbildningsbehov.",
      attendance: {
        create: [...network.map(([email]) => ({ userId: user(email), present: email !== "natverk.kof@nykoping.example" }))],
      },
      decisions: {
        create: [
          { text: "Samtalskompassen används som grundutbildning för första linjen.", sortOrder: 1 },
          { text: "Informationen till anhöriga på webben ses över före årsskiftet.", sortOrder: 2 },
        ],
      },
    },
  });
  await tx.networkMeeting.create({
    data: {
      title: "VBE-nätverket – vintermöte",
      scheduledAt: daysFromNow(21),
      location: "Stadshuset, rum Nyköpingsån",
      agenda: "1. Lägesbild\n2. Förslag till kompetensutvecklingsplan\n3. Uppföljning av åtgärdspunkter",
    },
  });
  await createActionItem(tx, {
    meetingId: held.id,
    title: "Sammanställ divisionernas utbildningsbehov",
    ownerId: user("natverk.buk@nykoping.example"),
    divisionId: division("BUK"),
    dueDate: daysFromNow(-10),
    status: "IN_PROGRESS",
  });
  await createActionItem(tx, {
    meetingId: held.id,
    title: "Se över texterna på sidan Stöd till anhöriga",
    ownerId: coordinator,
    dueDate: daysFromNow(14),
  });
  await createActionItem(tx, {
    meetingId: held.id,
    title: "Kartlägg föreningar som vill delta i förebyggande samverkan",
    ownerId: user("natverk.kof@nykoping.example"),
    divisionId: division("KOF"),
    dueDate: daysFromNow(-3),
  });

  // Situation picture: environments and activities only.
  const entries: [string, string, string, Partial<Prisma.SituationEntryUncheckedCreateInput>][] = [
    ["natverk.buk@nykoping.example", "BUK", "Centrum", {
      environment: "RIGHT_WING", activityType: "PROPAGANDA", source: "SCHOOL", reliability: "CONFIRMED",
      description: "Klistermärken och flygblad med vit makt-symbolik har hittats vid två skolor och en busshållplats.",
      genderPerspective: "Personal uppger att det främst är pojkar i årskurs 8–9 som pratar om materialet.",
      status: "REVIEWED", observedOn: daysFromNow(-40),
    }],
    ["natverk.kof@nykoping.example", "KOF", "Oppeby", {
      environment: "RIGHT_WING", activityType: "ONLINE", source: "LEISURE", reliability: "PROBABLE",
      description: "Fritidsgårdspersonal ser att unga delar memes från en extremistisk chattgrupp.",
      genderPerspective: "Både flickor och pojkar delar materialet; pojkar är mer aktiva i diskussionerna.",
      status: "SUBMITTED", observedOn: daysFromNow(-12),
    }],
    ["natverk.dso@nykoping.example", "DSO", "Brandholmen", {
      environment: "ISLAMIST", activityType: "RECRUITMENT", source: "SOCIAL_SERVICES", reliability: "POSSIBLE",
      description: "Uppgifter om att en studiecirkel utanför föreningslivet sprider budskap som bejakar våld.",
      genderPerspective: "Uppgifterna rör en grupp unga män; mödrar har hört av sig med oro.",
      status: "SUBMITTED", observedOn: daysFromNow(-8),
    }],
    ["natverk.kof@nykoping.example", "KOF", "Centrum", {
      environment: "LEFT_WING", activityType: "GATHERING", source: "OPEN_SOURCES", reliability: "CONFIRMED",
      description: "Demonstration i samband med ett politiskt möte; enstaka klotter med hot mot meningsmotståndare efteråt.",
      genderPerspective: "Blandad grupp; klottret kopplas inte till någon särskild grupp.",
      status: "REVIEWED", observedOn: daysFromNow(-55),
    }],
    ["natverk.buk@nykoping.example", "BUK", "Harg", {
      environment: "OTHER_UNCLEAR", activityType: "THREAT", source: "SCHOOL", reliability: "UNCONFIRMED",
      description: "Hotfulla meddelanden med extremistiska symboler i en skolklass digitala kanal; oklart vilken miljö.",
      genderPerspective: "Ännu okänt.",
      status: "DRAFT", observedOn: daysFromNow(-2),
    }],
  ];
  for (const [email, code, district, data] of entries) {
    await createSituationEntry(tx, {
      divisionId: division(code),
      districtId: districts.get(district),
      createdById: user(email),
      submittedAt: data.status !== "DRAFT" ? daysFromNow(-1) : null,
      ...data,
    });
  }
  // A year of earlier, reviewed observations, so the dashboard's trends have something to
  // show: spread over the twelve months, the environments, districts and divisions by fixed
  // arithmetic (the same demo every time). Texts describe activities, never a person.
  const ENV = ["RIGHT_WING", "RIGHT_WING", "ISLAMIST", "LEFT_WING", "OTHER_UNCLEAR", "RIGHT_WING", "ISLAMIST"] as const;
  const ACT = ["PROPAGANDA", "ONLINE", "RECRUITMENT", "GATHERING", "THREAT", "PROPAGANDA", "ONLINE", "VIOLENCE"] as const;
  const SRC = ["SCHOOL", "LEISURE", "POLICE", "OPEN_SOURCES", "SOCIAL_SERVICES", "CIVIL_SOCIETY"] as const;
  const AUTHORS = [["natverk.buk@nykoping.example", "BUK"], ["natverk.dso@nykoping.example", "DSO"], ["natverk.kof@nykoping.example", "KOF"]] as const;
  const TEXTS = [
    "Klistermärken med extremistisk symbolik har setts vid en busshållplats.",
    "Personal ser att unga delar material från en extremistisk kanal på nätet.",
    "Uppgifter om en samling i anslutning till ett offentligt möte.",
    "Klotter med hotfulla budskap mot meningsmotståndare.",
    "Flygblad med våldsbejakande budskap har hittats i ett trapphus.",
  ];
  const districtIds = [...districts.values()];
  await tx.situationEntry.createMany({
    data: Array.from({ length: 96 }, (_, i) => {
      const [email, code] = AUTHORS[i % AUTHORS.length]!;
      const observedOn = daysFromNow(-(60 + ((i * 37) % 300)));
      return {
        divisionId: division(code),
        districtId: i % 9 === 0 ? null : districtIds[(i * 7) % districtIds.length]!,
        createdById: user(email),
        observedOn,
        environment: ENV[i % ENV.length]!,
        activityType: ACT[i % ACT.length]!,
        source: SRC[i % SRC.length]!,
        reliability: (["CONFIRMED", "PROBABLE", "POSSIBLE"] as const)[i % 3]!,
        description: TEXTS[i % TEXTS.length]!,
        genderPerspective: "Främst unga män enligt uppgiftslämnaren.",
        status: i % 10 === 0 ? ("ARCHIVED" as const) : ("REVIEWED" as const),
        submittedAt: observedOn,
        reviewedAt: observedOn,
        reviewedById: coordinator,
      };
    }),
  });
  await tx.situationReport.create({
    data: {
      title: "Lägesbild första halvåret",
      periodStart: daysFromNow(-330),
      periodEnd: daysFromNow(-150),
      status: "FINAL",
      trends: "Ökad spridning av propaganda digitalt; få fysiska aktiviteter.",
      assessment: "Låg till måttlig närvaro av våldsbejakande miljöer i kommunen.",
      recommendedMeasures: "Fortsatt grundutbildning för första linjen; riktad information till föräldrar.",
      finalizedAt: daysFromNow(-140),
      finalizedById: coordinator,
      sections: {
        create: [
          { environment: "RIGHT_WING", summary: "Propaganda i centrala Nyköping och i sociala medier." },
          { environment: "LEFT_WING", summary: "Enstaka aktiviteter i samband med demonstrationer." },
          { environment: "ISLAMIST", summary: "Inga bekräftade aktiviteter under perioden." },
        ],
      },
    },
  });

  // Competence development, in the seed date's year (prisma/seed/training-calendar.ts): needs
  // wanted by dates of the year, two events held earlier in the year with their attendance, one
  // still to come — so the dashboard's coverage this year and the year's plan have figures.
  const when = trainingCalendar(daysFromNow(0));
  const plan = await tx.competencePlan.create({
    data: { year: when.year, title: `Kompetensutvecklingsplan VBE ${when.year}`, goals: "All personal i första linjen har grundläggande kunskap; nyckelpersoner i varje division har fördjupad utbildning." },
  });
  const needs: [string, string, string, Partial<Prisma.TrainingNeedUncheckedCreateInput>][] = [
    ["BUK", "Lärare", "chef.buk@nykoping.example", { level: "BASIC", headcount: 180, material: "Samtalskompassen", priority: "HIGH", wantedBy: when.inYear(0.9), competencePlanId: plan.id, status: "PLANNED" }],
    ["BUK", "Förskollärare", "chef.buk@nykoping.example", { level: "BASIC", headcount: 95, material: "Samtalskompassen", wantedBy: when.inYear(0.95) }],
    ["BUK", "Skolkurator", "chef.buk@nykoping.example", { level: "ADVANCED", headcount: 8, priority: "HIGH", wantedBy: when.inYear(0.6), competencePlanId: plan.id, status: "PLANNED", comment: "För att kunna ge stöd till anhöriga." }],
    ["DSO", "Socialsekreterare", "chef.dso@nykoping.example", { level: "ADVANCED", headcount: 12, priority: "HIGH", wantedBy: when.inYear(0.5), competencePlanId: plan.id, status: "PLANNED" }],
    ["KOF", "Fritidsgårdspersonal", "chef.kof@nykoping.example", { level: "BASIC", headcount: 24, material: "Samtalskompassen", wantedBy: when.inYear(0.4), competencePlanId: plan.id, status: "PLANNED" }],
    ["KOF", "Ungdomsstödjare", "chef.kof@nykoping.example", { level: "ADVANCED", headcount: 6, wantedBy: when.inYear(0.7) }],
  ];
  const needIds = new Map<string, string>();
  for (const [code, category, email, data] of needs) {
    const need = await createTrainingNeed(tx, {
      divisionId: division(code),
      staffCategoryId: staff.get(category)!,
      createdById: user(email),
      ...data,
    });
    needIds.set(`${code} ${category}`, need.id);
  }
  const attendance = (code: string, category: string, registered: number, attended: number) =>
    ({ divisionId: division(code), staffCategoryId: staff.get(category)!, registered, attended });
  const linked = (...keys: string[]) => ({ connect: keys.map((k) => ({ id: needIds.get(k)! })) });
  await tx.trainingEvent.create({
    data: {
      competencePlanId: plan.id,
      title: "Samtalskompassen – grundutbildning",
      level: "BASIC",
      startsAt: when.at(when.past(0.35), 8),
      provider: "Center mot våldsbejakande extremism",
      location: "Stadshuset, stora salen",
      capacity: 60,
      material: "Samtalskompassen",
      status: "HELD",
      targetGroups: { connect: [{ id: staff.get("Fritidsgårdspersonal")! }, { id: staff.get("Lärare")! }] },
      needs: linked("KOF Fritidsgårdspersonal", "BUK Lärare"),
      attendance: { create: [attendance("KOF", "Fritidsgårdspersonal", 20, 18), attendance("BUK", "Lärare", 40, 36)] },
    },
  });
  await tx.trainingEvent.create({
    data: {
      competencePlanId: plan.id,
      title: "Fördjupning: stöd till anhöriga",
      level: "ADVANCED",
      startsAt: when.at(when.past(0.7), 8),
      provider: "Länsstyrelsen Södermanland",
      location: "Stadshuset, rum Nyköpingsån",
      capacity: 20,
      status: "HELD",
      targetGroups: { connect: [{ id: staff.get("Socialsekreterare")! }, { id: staff.get("Skolkurator")! }] },
      needs: linked("DSO Socialsekreterare", "BUK Skolkurator"),
      attendance: { create: [attendance("DSO", "Socialsekreterare", 10, 9), attendance("BUK", "Skolkurator", 6, 5)] },
    },
  });
  await tx.trainingEvent.create({
    data: {
      competencePlanId: plan.id,
      title: "Samtalskompassen – grundutbildning, omgång 2",
      level: "BASIC",
      startsAt: when.at(when.later(0.5), 8),
      provider: "Center mot våldsbejakande extremism",
      location: "Stadshuset, stora salen",
      capacity: 60,
      material: "Samtalskompassen",
      targetGroups: { connect: [{ id: staff.get("Lärare")! }, { id: staff.get("Förskollärare")! }] },
      attendance: { create: [attendance("BUK", "Lärare", 30, 0)] },
    },
  });
  // The plan approved as it stands (version 1, as approvePlan freezes it): observers read
  // approved plans only, so this is what gives them the year's plan and its coverage.
  await tx.competencePlan.update({ where: { id: plan.id }, data: { status: "ADOPTED", adoptedAt: when.past(0.1) } });
  await tx.competencePlanVersion.create({
    data: {
      planId: plan.id, number: 1, approvedAt: when.past(0.1), approvedById: coordinator,
      snapshot: (await snapshotPlan(tx, plan.id)) as unknown as Prisma.InputJsonObject,
    },
  });

  // Measures at the plan's three levels, and one special measure.
  const measures: [string, Partial<Prisma.MeasureUncheckedCreateInput>][] = [
    ["BUK", { title: "Värdegrundsarbete i förskola och skola", level: "GENERAL", targetGroup: "Alla barn och elever", planSectionId: sections.get(1), responsibleUserId: user("chef.buk@nykoping.example"), nextReviewDate: daysFromNow(-20), genderPerspective: "Uppföljning av trygghetsenkäter redovisas per kön." }],
    ["KOF", { title: "Fritidsgårdarnas öppna verksamhet", level: "GENERAL", targetGroup: "Unga 13–18 år", planSectionId: sections.get(1), nextReviewDate: daysFromNow(40) }],
    ["KOF", { title: "Uppsökande verksamhet av ungdomsstödjare", level: "SPECIFIC", targetGroup: "Unga i riskgrupper", planSectionId: sections.get(1), nextReviewDate: daysFromNow(-5) }],
    ["BUK", { title: "Toleransprojektet", level: "SPECIFIC", targetGroup: "Elever i årskurs 8–9", planSectionId: sections.get(1), nextReviewDate: daysFromNow(30) }],
    ["DSO", { title: "Sociala insatsgrupper (SIG)", level: "INDIVIDUAL", targetGroup: "Unga med riskbeteende", planSectionId: sections.get(1), responsibleUserId: user("chef.dso@nykoping.example"), nextReviewDate: daysFromNow(15) }],
    ["BUK", { title: "Språkintroduktion på gymnasiet", level: "SPECIFIC", isSpecial: true, targetGroup: "Elever på språkintroduktion", planSectionId: sections.get(5), status: "PLANNED", nextReviewDate: daysFromNow(10), description: "Vilka insatser som behövs utreds av ledningen för språkintroduktion med samordnaren och VBE-nätverket." }],
    ["DSO", { title: "Föräldrastöd med VBE-perspektiv", level: "GENERAL", targetGroup: "Föräldrar", planSectionId: sections.get(6), nextReviewDate: daysFromNow(90) }],
  ];
  for (const [code, data] of measures) {
    await createMeasure(tx, { ownerDivisionId: division(code), ...data });
  }

  // A follow-up cycle with one division's report submitted.
  const year = new Date().getUTCFullYear();
  const cycle = await tx.followUpCycle.create({
    data: {
      title: "Årsuppföljning",
      year,
      periodStart: new Date(Date.UTC(year, 0, 1)),
      periodEnd: new Date(Date.UTC(year, 11, 31)),
      dueDate: daysFromNow(20),
      status: "OPEN",
    },
  });
  for (const code of ["BUK", "DSO", "KOF"]) {
    await tx.followUp.create({
      data: code === "DSO"
        ? { cycleId: cycle.id, divisionId: division(code), status: "SUBMITTED", assessment: "ON_TRACK", comment: "SIG fungerar väl; föräldrastödet når fler familjer.", genderPerspective: "Fler mammor än pappor deltar i föräldrastödet.", submittedAt: daysFromNow(-2), submittedById: user("chef.dso@nykoping.example") }
        : { cycleId: cycle.id, divisionId: division(code) },
    });
  }

  // Anonymous contact log.
  await tx.contactLogEntry.create({
    data: { divisionId: division("DSO"), contactedOn: daysFromNow(-6), channel: "PHONE", requester: "RELATIVE", environment: "ISLAMIST", referral: "SUPPORT_LINE", createdById: user("natverk.dso@nykoping.example") },
  });

  // Partner contacts (business contacts, demo names): one recently checked, one due for a check.
  const partner = async (name: string) => (await tx.partner.findUnique({ where: { name }, select: { id: true } }))?.id;
  const police = await partner("Polisen, lokalpolisområde Nyköping");
  if (police) {
    await tx.partnerContact.create({
      data: { partnerId: police, name: "Kommunpolisen", title: "Kommunpolis", phone: "114 14", email: "kommunpolis.nykoping@polisen.example", lastVerifiedAt: daysFromNow(-30) },
    });
  }
  const county = await partner("Länsstyrelsen Södermanland");
  if (county) {
    await tx.partnerContact.create({
      data: { partnerId: county, name: "Regional samordnare", title: "Samordnare mot våldsbejakande extremism", phone: "010-223 40 00", lastVerifiedAt: daysFromNow(-300) },
    });
  }

  const contactOwner = coordinator;
  await tx.publicContact.updateMany({ data: { ownerId: contactOwner } });
}
