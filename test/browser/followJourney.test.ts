import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { api, eventually } from '../support/api';
import { builderPage } from './builderPage';
import { launchChromium } from './chromium';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
const flowId = 'missed-call-text-back';
// A number no other test uses: the contact, its journey and its timeline are this test's own.
const lead = '+14155550188';
const ourNumber = '+15005550006';
const pricingPath = ['missed_call', 'text_back', 'wait_reply', 'mentions_pricing', 'send_pricing', 'end_engaged'];
const offPath = ['send_general', 'end_unresponsive', 'end_blocked', 'end_send_failed'];

interface InboundAnswer { contactId: string; journeys: string[] }
interface JourneyAnswer { journey: { status: string; path: string[]; outcome: string | null; contactId: string } }

describe('following a journey in the builder', () => {
  const apiUrl = inject('apiUrl');
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(artifacts, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('follows a missed-call journey from its wait to its end: the path on the canvas, the conversation across SMS and WhatsApp', async () => {
    const install = await api(apiUrl, 'POST', `/api/flows/library/${flowId}/install`);
    expect([201, 409]).toContain(install.status);
    expect((await api(apiUrl, 'POST', `/api/flows/${flowId}/publish`)).status).toBe(201);

    // The walkthrough of the README, as a shell would play it with curl.
    const missed = await api<InboundAnswer>(apiUrl, 'POST', '/api/sandbox/missed-call', { from: lead, to: ourNumber, callId: 'CA-follow-journey' });
    expect(missed.status).toBe(200);
    const { contactId } = missed.body;
    const journeyId = `journey:${flowId}:${contactId}`;
    expect(missed.body.journeys).toContain(journeyId);
    await eventually(async () => {
      const sends = await api<{ messages: unknown[] }>(apiUrl, 'GET', `/api/sandbox/messages?to=${encodeURIComponent(lead)}`);
      return sends.body.messages.length >= 1 ? true : undefined;
    }, 'the text-back SMS');

    // Followed while it waits: the builder shows where it stands.
    const ui = builderPage(page);
    await page.goto(`${apiUrl}/?flow=${flowId}`);
    await ui.byTestId('builder').waitFor();
    await ui.byTestId('journeys-tab').click();
    await ui.byTestId(`journey-row-${contactId}`).click();
    // The send is recorded a moment before the journey enters its wait; the panel's poll catches up.
    await ui.byTestId('rf-node-wait_reply').and(page.locator('[data-path="current"]')).waitFor({ timeout: 15_000 });
    expect(await ui.byTestId('rf-node-text_back').getAttribute('data-path')).toBe('taken');
    expect(await ui.byTestId('rf-node-mentions_pricing').getAttribute('data-path')).toBeNull();
    // The cards count the published version's journeys: this one waits at wait_reply (live from visibility).
    await expect.poll(() => ui.byTestId('node-stats-wait_reply').textContent(), { timeout: 15_000 }).toMatch(/\b[1-9]\d* waiting\b/);
    await page.screenshot({ path: join(artifacts, 'follow-journey-waiting.png') });

    const reply = await api(apiUrl, 'POST', '/api/sandbox/messages', {
      channel: 'whatsapp',
      from: `whatsapp:${lead}`,
      text: 'What is your pricing for a kitchen install?',
      messageId: 'SM-follow-journey-reply',
    });
    expect(reply.status).toBe(200);

    const finished = await eventually(async () => {
      const read = await api<JourneyAnswer>(apiUrl, 'GET', `/api/journeys/${encodeURIComponent(journeyId)}`);
      return read.body.journey?.status === 'COMPLETED' ? read.body.journey : undefined;
    }, 'the journey to complete');
    expect(finished).toMatchObject({ contactId, path: pricingPath, outcome: expect.any(String) });

    await ui.byTestId('journeys-refresh').click();
    await ui.byTestId('rf-node-end_engaged').and(page.locator('[data-path]')).waitFor();

    const marks = async (ids: string[]) =>
      Promise.all(ids.map(async (id) => [id, await ui.byTestId(`rf-node-${id}`).getAttribute('data-path')]));
    // The journey has finished, so it is at no node: every step is "taken", none "current".
    expect(await marks(pricingPath)).toEqual(pricingPath.map((id) => [id, 'taken']));
    expect(await marks(offPath)).toEqual(offPath.map((id) => [id, null]));
    expect(await page.locator('.react-flow__edge.path-taken').count()).toBe(pricingPath.length - 1);
    // Its end is counted once it completed (the last activity carries its counts).
    await expect.poll(() => ui.byTestId('node-stats-end_engaged').textContent(), { timeout: 15_000 }).toMatch(/^[1-9]\d* in · [1-9]\d* out$/);

    const timeline = ui.byTestId('timeline-event');
    await expect.poll(() => timeline.count()).toBeGreaterThanOrEqual(4);
    const entries = await timeline.allTextContents();
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/sms.*Sorry we missed your call — what can we help with\?/),
        expect.stringMatching(/whatsapp.*What is your pricing for a kitchen install\?/),
      ]),
    );
    // The conversation reads in order: the call, the text-back, the reply on another channel.
    const order = ['voice', 'Sorry we missed your call', 'kitchen install'].map((needle) => entries.findIndex((entry) => entry.includes(needle)));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    await page.screenshot({ path: join(artifacts, 'follow-journey.png') });
    expect(pageErrors).toEqual([]);
  });
});
