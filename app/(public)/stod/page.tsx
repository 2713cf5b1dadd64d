import { PublicRoute, publicMetadata } from "../_components/public-route";

export const generateMetadata = () => publicMetadata("sv");

export default function Page() {
  return <PublicRoute locale="sv" />;
}
