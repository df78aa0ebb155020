import { journey } from './browser.ts';
import { registryJourney, registryJourneyName } from './journeys/registry.ts';

journey(registryJourneyName, registryJourney, { kinds: ['postgres'], pagesCheckedBy: 'sqlite twin' });
