import { fuzzPart } from '../support/fuzz.ts';

fuzzPart('mentoring');
