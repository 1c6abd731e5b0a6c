/** IANA zones as a select's options, grouped by region ("Europe", "America"…); UTC on its own first. */
export function TimeZoneOptions({ zones }: { zones: string[] }) {
  const groups = new Map<string, string[]>();
  for (const zone of zones) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()].map(([region, members]) =>
    region ? (
      <optgroup key={region} label={region}>
        {members.map((zone) => (
          <option key={zone} value={zone}>
            {zone.slice(region.length + 1).replaceAll("_", " ")}
          </option>
        ))}
      </optgroup>
    ) : (
      members.map((zone) => (
        <option key={zone} value={zone}>
          {zone}
        </option>
      ))
    ),
  );
}
