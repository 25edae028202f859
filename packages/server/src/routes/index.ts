import type { AnyEndpoint } from '../api/endpoint.js';
import { agendaEndpoints } from './agenda.js';
import { auditEndpoints } from './audit.js';
import { bookingEndpoints } from './bookings.js';
import { evaluationEndpoints } from './evaluation.js';
import { partnerEndpoints } from './partners.js';
import { serviceEndpoints } from './service.js';
import { siteEndpoints } from './sites.js';
import { surveyEndpoints } from './surveys.js';
import { visioEndpoints } from './visio.js';

/** Every endpoint of the API, in the order they are matched (a more specific path first). */
export const endpoints: readonly AnyEndpoint[] = [
  ...serviceEndpoints(() => endpoints),
  ...siteEndpoints,
  ...partnerEndpoints,
  ...bookingEndpoints,
  ...agendaEndpoints,
  ...surveyEndpoints,
  ...evaluationEndpoints,
  ...auditEndpoints,
  ...visioEndpoints,
];
