import { describe, expect, it } from 'vitest';
import { isValidTwilioSignature, twilioSignature } from './twilioSignature';

// The twilio-node SDK's official vectors (providers-reference §4.4) and the corpus's own (§4.5).
const TOKEN = '12345';
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };

describe('Twilio request signatures', () => {
  it('matches the SDK\'s vector for a form POST', () => {
    expect(twilioSignature(TOKEN, URL, PARAMS)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('signs each distinct value of a repeated parameter, sorted', () => {
    expect(twilioSignature(TOKEN, URL, { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234', '1234'] })).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });

  it('accepts a signature made over the URL with the default port, as Twilio sometimes signs', () => {
    expect(isValidTwilioSignature(TOKEN, 'kvajT1Ptam85bY51eRf/AJRuM3w=', URL, PARAMS)).toBe(true);
    expect(isValidTwilioSignature(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', PARAMS)).toBe(true);
  });

  it('refuses a missing header, a changed parameter, another URL and another token', () => {
    expect(isValidTwilioSignature(TOKEN, undefined, URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, { ...PARAMS, Digits: '1235' })).toBe(false);
    expect(isValidTwilioSignature(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', 'http://mycompany.com/myapp.php?foo=1&bar=2', PARAMS)).toBe(false);
    expect(isValidTwilioSignature('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL, PARAMS)).toBe(false);
  });
});
