import type { Metadata } from "next";
import { connection } from "next/server";
import { Providers } from "@/components/providers/providers";
import "./globals.css";

// No web font: the system font stack paints with the first HTML and covers every script (decision 0018).

export const metadata: Metadata = {
  title: { default: "CLASSOUND partner portal", template: "%s · CLASSOUND" },
  description: "Activate CLASSOUND, order numbers, manage emergency locations and follow call usage.",
};

// Every page is rendered per request: its scripts carry that request's CSP nonce (see proxy.ts).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
