import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";

export default async function Home() {
  redirect(homePath(await requireActor()));
}
