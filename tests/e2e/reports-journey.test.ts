import { journey } from './browser.ts';
import { reportsJourney, reportsJourneyName } from './journeys/reports.ts';

journey(reportsJourneyName, reportsJourney, { kinds: ['sqlite'] });
