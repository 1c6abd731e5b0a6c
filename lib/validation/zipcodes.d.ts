// zipcodes ships no types: the two entry points used here, as their sources define them.
declare module "zipcodes/lib/states" {
  const states: { full: Record<string, string>; abbr: Record<string, string>; normalize(state: string): string };
  export default states;
}
declare module "zipcodes" {
  interface ZipPlace {
    zip: string;
    city: string;
    state: string;
    country: string;
    latitude: number;
    longitude: number;
  }
  const zipcodes: { lookup(zip: string): ZipPlace | undefined };
  export default zipcodes;
}
