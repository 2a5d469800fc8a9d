/**
 * Where the demo school's people work. The school itself is fictional; its affiliated sites
 * carry generic names. Alumni live in real American cities so that the directory's state and
 * city filters have something true to find.
 */

export const SCHOOL_HOME = { city: 'Columbus', state: 'OH' } as const

export const SITES = {
  university: 'University Hospital',
  va: 'Veterans Affairs Medical Center',
  children: "Children's Hospital",
  eastside: 'Community Health Center — Eastside',
  county: 'County General Hospital',
  cancer: 'Comprehensive Cancer Center',
  eye: 'Eye and Ear Institute',
  behavioral: 'Behavioral Health Pavilion',
  rehabilitation: 'Rehabilitation Institute',
  westside: 'Westside Family Health Center',
  research: 'Biomedical Research Tower',
} as const

export type SiteKey = keyof typeof SITES

/** Alumni destinations: state, then real cities in it. Weights follow where physicians practise. */
export const ALUMNI_CITIES: readonly { state: string; weight: number; cities: readonly string[] }[] = [
  { state: 'OH', weight: 30, cities: ['Columbus', 'Cleveland', 'Cincinnati', 'Dayton', 'Toledo', 'Akron', 'Athens'] },
  { state: 'CA', weight: 14, cities: ['Los Angeles', 'San Francisco', 'San Diego', 'Sacramento', 'Oakland', 'Fresno'] },
  { state: 'NY', weight: 11, cities: ['New York', 'Rochester', 'Buffalo', 'Albany', 'Syracuse'] },
  { state: 'TX', weight: 10, cities: ['Houston', 'Dallas', 'Austin', 'San Antonio', 'El Paso'] },
  { state: 'IL', weight: 7, cities: ['Chicago', 'Evanston', 'Peoria', 'Springfield'] },
  { state: 'PA', weight: 7, cities: ['Philadelphia', 'Pittsburgh', 'Hershey', 'Allentown'] },
  { state: 'MI', weight: 7, cities: ['Detroit', 'Ann Arbor', 'Grand Rapids', 'Lansing'] },
  { state: 'MA', weight: 6, cities: ['Boston', 'Worcester', 'Springfield'] },
  { state: 'NC', weight: 6, cities: ['Durham', 'Chapel Hill', 'Charlotte', 'Raleigh', 'Asheville'] },
  { state: 'FL', weight: 6, cities: ['Miami', 'Tampa', 'Orlando', 'Gainesville', 'Jacksonville'] },
  { state: 'IN', weight: 5, cities: ['Indianapolis', 'Fort Wayne', 'Bloomington'] },
  { state: 'KY', weight: 4, cities: ['Louisville', 'Lexington', 'Bowling Green'] },
  { state: 'WA', weight: 4, cities: ['Seattle', 'Spokane', 'Tacoma'] },
  { state: 'CO', weight: 4, cities: ['Denver', 'Aurora', 'Colorado Springs', 'Fort Collins'] },
  { state: 'GA', weight: 4, cities: ['Atlanta', 'Augusta', 'Savannah'] },
  { state: 'MD', weight: 4, cities: ['Baltimore', 'Bethesda', 'Annapolis'] },
  { state: 'VA', weight: 3, cities: ['Richmond', 'Charlottesville', 'Norfolk', 'Roanoke'] },
  { state: 'TN', weight: 3, cities: ['Nashville', 'Memphis', 'Knoxville', 'Chattanooga'] },
  { state: 'MN', weight: 3, cities: ['Minneapolis', 'Rochester', 'Saint Paul', 'Duluth'] },
  { state: 'WI', weight: 3, cities: ['Milwaukee', 'Madison', 'Green Bay'] },
  { state: 'MO', weight: 3, cities: ['St. Louis', 'Kansas City', 'Columbia'] },
  { state: 'AZ', weight: 3, cities: ['Phoenix', 'Tucson', 'Flagstaff'] },
  { state: 'OR', weight: 2, cities: ['Portland', 'Eugene', 'Bend'] },
  { state: 'NJ', weight: 2, cities: ['Newark', 'New Brunswick', 'Camden'] },
  { state: 'CT', weight: 2, cities: ['New Haven', 'Hartford', 'Farmington'] },
  { state: 'WV', weight: 2, cities: ['Morgantown', 'Charleston', 'Huntington'] },
  { state: 'SC', weight: 2, cities: ['Charleston', 'Columbia', 'Greenville'] },
  { state: 'AL', weight: 2, cities: ['Birmingham', 'Mobile', 'Huntsville'] },
  { state: 'LA', weight: 2, cities: ['New Orleans', 'Baton Rouge', 'Shreveport'] },
  { state: 'UT', weight: 2, cities: ['Salt Lake City', 'Provo', 'Ogden'] },
  { state: 'IA', weight: 2, cities: ['Iowa City', 'Des Moines', 'Cedar Rapids'] },
  { state: 'NM', weight: 1, cities: ['Albuquerque', 'Santa Fe', 'Las Cruces'] },
  { state: 'NE', weight: 1, cities: ['Omaha', 'Lincoln'] },
  { state: 'KS', weight: 1, cities: ['Wichita', 'Kansas City', 'Topeka'] },
  { state: 'OK', weight: 1, cities: ['Oklahoma City', 'Tulsa'] },
  { state: 'AR', weight: 1, cities: ['Little Rock', 'Fayetteville'] },
  { state: 'NV', weight: 1, cities: ['Las Vegas', 'Reno'] },
  { state: 'ME', weight: 1, cities: ['Portland', 'Bangor'] },
  { state: 'VT', weight: 1, cities: ['Burlington'] },
  { state: 'NH', weight: 1, cities: ['Lebanon', 'Manchester'] },
  { state: 'HI', weight: 1, cities: ['Honolulu'] },
  { state: 'AK', weight: 1, cities: ['Anchorage'] },
  { state: 'MS', weight: 1, cities: ['Jackson'] },
  { state: 'RI', weight: 1, cities: ['Providence'] },
  { state: 'ID', weight: 1, cities: ['Boise'] },
  { state: 'MT', weight: 1, cities: ['Billings', 'Missoula'] },
  { state: 'DC', weight: 2, cities: ['Washington'] },
]

/** Where alumni practise, paired with the city they are in. */
export const ALUMNI_WORKPLACES: readonly ((city: string) => string)[] = [
  (city) => `${city} Regional Medical Center`,
  (city) => `${city} Community Hospital`,
  (city) => `University Medical Center, ${city}`,
  () => 'Private practice',
  () => 'Group practice',
  (city) => `${city} Veterans Affairs Medical Center`,
  () => 'Federally qualified health center',
  (city) => `${city} Children's Medical Center`,
]

/** Other cities for "I trained in …" lines in bios. */
export const TRAINING_CITIES: readonly string[] = [
  'Boston',
  'Philadelphia',
  'Chicago',
  'Baltimore',
  'Pittsburgh',
  'Ann Arbor',
  'Nashville',
  'St. Louis',
  'Houston',
  'San Francisco',
  'Seattle',
  'Denver',
  'New York',
  'Cleveland',
  'Cincinnati',
  'Indianapolis',
  'Durham',
  'Atlanta',
  'Minneapolis',
  'Salt Lake City',
  'Los Angeles',
  'Milwaukee',
  'Rochester',
  'New Haven',
  'Charlottesville',
  'Iowa City',
]
