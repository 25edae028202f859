import { SurveyResponse } from '@rsp/core/schemas.js';

/** Whether a string is a valid per-visit token (core's `SurveyResponse.visitToken`: 16–200 of `A-Z a-z 0-9 _ -`). */
export const isVisitToken = (value: string): boolean => SurveyResponse.shape.visitToken.safeParse(value).success;

/**
 * The per-visit token: the `visit-token` attribute, else the page URL's query
 * parameter `param` (the link or QR code the mediator hands out). `undefined`
 * when there is none; the caller tells an invalid one apart with {@link isVisitToken}.
 */
export function readVisitToken(attribute: string, param: string, href: string = location.href): string | undefined {
  if (attribute) return attribute;
  if (!param) return undefined;
  return new URL(href).searchParams.get(param) ?? undefined;
}

/**
 * A new random token for one person at a kiosk: 128 random bits, base64url.
 * It is derived from nothing about the person or the device.
 */
export function newVisitToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
