// The demo accounts of a development install. No imports: browser tests read this too.
import type { Role } from "../../lib/access/permissions";

export const DEMO_PASSWORD = "demo-varna-2026";

export const DEMO_USERS: { email: string; name: string; role: Role; divisions: string[] }[] = [
  { email: "samordnare@nykoping.example", name: "Sara Lindqvist", role: "COORDINATOR", divisions: ["ROS"] },
  { email: "chef.buk@nykoping.example", name: "Johan Ekström", role: "DIVISION_HEAD", divisions: ["BUK"] },
  { email: "chef.dso@nykoping.example", name: "Amina Yusuf", role: "DIVISION_HEAD", divisions: ["DSO"] },
  { email: "chef.kof@nykoping.example", name: "Per Åberg", role: "DIVISION_HEAD", divisions: ["KOF"] },
  { email: "natverk.buk@nykoping.example", name: "Lena Öhman", role: "NETWORK_MEMBER", divisions: ["BUK"] },
  { email: "natverk.dso@nykoping.example", name: "Karim Haddad", role: "NETWORK_MEMBER", divisions: ["DSO"] },
  { email: "natverk.kof@nykoping.example", name: "Elin Sjöberg", role: "NETWORK_MEMBER", divisions: ["KOF"] },
  { email: "insyn@nykoping.example", name: "Göran Ängström", role: "OBSERVER", divisions: [] },
  { email: "admin@nykoping.example", name: "IT-administration", role: "ADMIN", divisions: [] },
];
