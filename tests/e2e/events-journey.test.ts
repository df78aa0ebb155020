import { journey } from './browser.ts';
import { eventsJourney, eventsJourneyName } from './journeys/events.ts';

journey(eventsJourneyName, eventsJourney, { kinds: ['sqlite'] });
