/**
 * A contact's time zone when they never told us one: the zone of their phone number's country,
 * for countries that keep one zone. Countries spread over several zones (US, CA, AU, BR, MX,
 * RU, …) give none, so the flow's default applies rather than a guess that is hours off.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/*
 * One zone per country. ES and PT are listed although the Canaries and the Azores sit an hour
 * behind: their numbers are few, mobile numbers do not tell them apart, and the mainland zone
 * is right for nearly everyone. Likewise NZ's Chatham Islands.
 */
export const SINGLE_ZONE_COUNTRIES: Readonly<Partial<Record<CountryCode, string>>> = {
  // Europe
  GB: 'Europe/London',
  // Crown dependencies share +44 with GB (libphonenumber tells them apart by number range).
  GG: 'Europe/Guernsey',
  JE: 'Europe/Jersey',
  IM: 'Europe/Isle_of_Man',
  IE: 'Europe/Dublin',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  ES: 'Europe/Madrid',
  IT: 'Europe/Rome',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  LU: 'Europe/Luxembourg',
  CH: 'Europe/Zurich',
  AT: 'Europe/Vienna',
  SE: 'Europe/Stockholm',
  NO: 'Europe/Oslo',
  DK: 'Europe/Copenhagen',
  FI: 'Europe/Helsinki',
  IS: 'Atlantic/Reykjavik',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  SK: 'Europe/Bratislava',
  HU: 'Europe/Budapest',
  RO: 'Europe/Bucharest',
  BG: 'Europe/Sofia',
  GR: 'Europe/Athens',
  HR: 'Europe/Zagreb',
  SI: 'Europe/Ljubljana',
  EE: 'Europe/Tallinn',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  PT: 'Europe/Lisbon',
  TR: 'Europe/Istanbul',
  // Asia and the Middle East
  IN: 'Asia/Kolkata',
  PK: 'Asia/Karachi',
  BD: 'Asia/Dhaka',
  LK: 'Asia/Colombo',
  NP: 'Asia/Kathmandu',
  CN: 'Asia/Shanghai',
  HK: 'Asia/Hong_Kong',
  TW: 'Asia/Taipei',
  JP: 'Asia/Tokyo',
  KR: 'Asia/Seoul',
  SG: 'Asia/Singapore',
  MY: 'Asia/Kuala_Lumpur',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
  PH: 'Asia/Manila',
  IL: 'Asia/Jerusalem',
  JO: 'Asia/Amman',
  LB: 'Asia/Beirut',
  AE: 'Asia/Dubai',
  SA: 'Asia/Riyadh',
  QA: 'Asia/Qatar',
  KW: 'Asia/Kuwait',
  BH: 'Asia/Bahrain',
  OM: 'Asia/Muscat',
  // Africa
  ZA: 'Africa/Johannesburg',
  EG: 'Africa/Cairo',
  MA: 'Africa/Casablanca',
  NG: 'Africa/Lagos',
  KE: 'Africa/Nairobi',
  GH: 'Africa/Accra',
  // Oceania
  NZ: 'Pacific/Auckland',
  // The Americas (the +1 islands are told apart from the US by their area codes)
  PR: 'America/Puerto_Rico',
  JM: 'America/Jamaica',
  CO: 'America/Bogota',
  PE: 'America/Lima',
  VE: 'America/Caracas',
  UY: 'America/Montevideo',
  AR: 'America/Argentina/Buenos_Aires',
  CR: 'America/Costa_Rica',
  PA: 'America/Panama',
  GT: 'America/Guatemala',
};

/** The zone of an E.164 phone number's country when that country has one; else undefined. */
export function inferTimeZone(phone: string): string | undefined {
  const country = parsePhoneNumberFromString(phone)?.country;
  return country === undefined ? undefined : SINGLE_ZONE_COUNTRIES[country];
}

// One spelling of zone names across the product: the flow language's.
export { canonicalTimeZone } from '@threadline/flows';
