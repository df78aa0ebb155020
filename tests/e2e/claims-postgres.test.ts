import { journey } from './browser.ts';
import { claimsJourney, claimsJourneyName } from './journeys/claims.ts';

journey(claimsJourneyName, claimsJourney, { kinds: ['postgres'], pagesCheckedBy: 'sqlite twin' });
