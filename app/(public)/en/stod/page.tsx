import { PublicRoute, publicMetadata } from "../../_components/public-route";

export const generateMetadata = () => publicMetadata("en");

export default function Page() {
  return <PublicRoute locale="en" />;
}
