/** US Census Bureau regions by state code (plus DC and Puerto Rico), for the site factor. */
const REGION_STATES: Record<string, string> = {
  northeast: 'CT ME MA NH RI VT NJ NY PA',
  midwest: 'IL IN MI OH WI IA KS MN MO NE ND SD',
  south: 'DE DC FL GA MD NC SC VA WV AL KY MS TN AR LA OK TX PR',
  west: 'AZ CO ID MT NV NM UT WY AK CA HI OR WA',
}

const REGION_OF = new Map<string, string>(
  Object.entries(REGION_STATES).flatMap(([region, states]) => states.split(' ').map((state) => [state, region] as const)),
)

/** The census region of a two-letter state code, or undefined. */
export function regionOf(state: string): string | undefined {
  return REGION_OF.get(state.trim().toUpperCase())
}
