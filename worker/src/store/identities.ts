/**
 * One contact per person: addresses are normalised before they are looked up, so
 * `(415) 555-0100` on SMS, `whatsapp:+14155550100` on WhatsApp and `+1 415 555 0100` on a call
 * are the same identity, `phone:+14155550100`.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Channel } from '@threadline/flows/types';

export type IdentityType = 'phone' | 'email' | 'webchat';

export interface Identity {
  type: IdentityType;
  value: string;
}

export class InvalidAddressError extends Error {
  constructor(
    readonly channel: Channel,
    readonly address: string,
    reason: string,
  ) {
    super(`"${address}" is not a valid ${channel} address: ${reason}`);
    this.name = 'InvalidAddressError';
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function identityKey(identity: Identity): string {
  return `${identity.type}:${identity.value}`;
}

/** Normalises a channel address; throws InvalidAddressError naming the channel and address. */
export function normalizeAddress(
  channel: Channel,
  address: string,
  defaultCountry: CountryCode = 'US',
): Identity {
  const raw = address.trim();
  switch (channel) {
    case 'sms':
    case 'whatsapp':
    case 'voice': {
      // Twilio prefixes WhatsApp addresses with the channel: `whatsapp:+14155550100`.
      const number = raw.replace(/^(whatsapp|sms|tel):/i, '');
      const parsed = parsePhoneNumberFromString(number, defaultCountry);
      if (!parsed || !parsed.isValid()) {
        throw new InvalidAddressError(channel, address, 'expected a phone number, e.g. +14155550100');
      }
      return { type: 'phone', value: parsed.number };
    }
    case 'email': {
      const email = raw.replace(/^mailto:/i, '').toLowerCase();
      if (!EMAIL.test(email)) throw new InvalidAddressError(channel, address, 'expected an email address');
      return { type: 'email', value: email };
    }
    case 'webchat': {
      if (!/^[A-Za-z0-9_-]{4,128}$/.test(raw)) {
        throw new InvalidAddressError(channel, address, 'expected a webchat session id');
      }
      return { type: 'webchat', value: raw };
    }
    default:
      return assertNever(channel);
  }
}

/** The address a send on `channel` goes to, from the contact's identities; null if none. */
export function addressFor(channel: Channel, identities: readonly Identity[]): string | null {
  const wanted: IdentityType = channel === 'email' ? 'email' : channel === 'webchat' ? 'webchat' : 'phone';
  return identities.find((identity) => identity.type === wanted)?.value ?? null;
}

function assertNever(value: never): never {
  throw new Error(`unexpected channel ${String(value)}`);
}
