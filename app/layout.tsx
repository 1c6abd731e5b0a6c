import type { Metadata } from "next";
import localFont from "next/font/local";
import { connection } from "next/server";
import { Providers } from "@/components/providers/providers";
import "./globals.css";

// next/font/google downloads at build time, which these machines cannot; Inter ships in an npm package.
const inter = localFont({
  src: [
    { path: "../node_modules/@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf", weight: "400" },
    { path: "../node_modules/@expo-google-fonts/inter/500Medium/Inter_500Medium.ttf", weight: "500" },
    { path: "../node_modules/@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf", weight: "600" },
  ],
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "CLASSOUND partner portal", template: "%s · CLASSOUND" },
  description: "Activate CLASSOUND, order numbers, manage emergency locations and follow call usage.",
};

// Every page is rendered per request: its scripts carry that request's CSP nonce (see proxy.ts).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en" className={inter.variable}>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
