import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { problem } from '../../platform/http/problem.ts';
import { problemResponse } from '../../platform/http/openapi.ts';
import { findInitiativeBySlug } from '../initiatives/index.ts';
import { mentoringPolicy } from './policy.ts';
import { mentorshipsOf, offerOf, openOffers, type Mentorship, type Offer } from './queries.ts';

const OfferJson = z.object({
  id: z.string(),
  initiative: z.object({ slug: z.string(), name: z.string(), type: z.string(), region: z.string().nullable() }),
  languages: z.array(z.string()).openapi({ description: 'BCP 47 language tags', example: ['es', 'pt'] }),
  regions: z.array(z.string()).openapi({ description: 'UN regional groups it mentors in', example: ['latin_america_caribbean'] }),
  topics: z.array(z.string()).openapi({ description: 'Keys of the topic taxonomy (`GET /api/topics`)' }),
  steps: z.array(z.string()).openapi({ description: 'Keys of the setup toolkit’s steps it helps with (`/toolkit`)' }),
  capacity: z.number().int().openapi({ description: 'How many initiatives it mentors at once' }),
  free: z.number().int().openapi({ description: 'Places free now: capacity less active mentorships, matches awaiting approval and requests awaiting its answer' }),
  status: z.enum(['open', 'paused', 'withdrawn']),
  note: z.string().nullable(),
  url: z.string(),
}).openapi('MentorOffer');

const MentorshipJson = z.object({
  id: z.string(),
  mentor: z.object({ slug: z.string(), name: z.string() }),
  mentee: z.object({ slug: z.string(), name: z.string() }),
  status: z.enum(['approval', 'active', 'ended', 'rejected']).openapi({ description: 'approval: waiting for the secretariat' }),
  listed: z.boolean().openapi({ description: 'Both initiatives agreed to list it publicly' }),
  goals: z.array(z.string()),
  started_at: z.string().nullable(),
  ended_at: z.string().nullable(),
  url: z.string(),
}).openapi('Mentorship');

export function mentoringApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;
  const presentOffer = (o: Offer) => ({
    id: o.id, initiative: { slug: o.initiative.slug, name: o.initiative.name, type: o.initiative.type, region: o.initiative.region },
    languages: o.languages, regions: o.regions, topics: o.topics, steps: o.steps, capacity: o.capacity, free: Math.max(o.capacity - o.load, 0),
    status: o.status as 'open' | 'paused' | 'withdrawn', note: o.note, url: `${config.baseUrl}/mentoring#offer-${o.id}`,
  });
  const presentMentorship = (m: Mentorship) => ({
    id: m.id, mentor: { slug: m.mentor.slug, name: m.mentor.name }, mentee: { slug: m.mentee.slug, name: m.mentee.name },
    status: m.status as 'approval' | 'active' | 'ended' | 'rejected', listed: m.listed, goals: m.goals, started_at: m.started_at, ended_at: m.ended_at,
    url: `${config.baseUrl}/mentorships/${m.id}`,
  });

  api.openapi(
    createRoute({
      method: 'get', path: '/mentoring/offers', summary: 'Open offers to mentor, by initiative name, with the places each has free',
      responses: { 200: { description: 'The offers', content: { 'application/json': { schema: z.object({ items: z.array(OfferJson) }).openapi('MentorOffers') } } } },
    }),
    async (c) => c.json({ items: (await openOffers(db)).map(presentOffer) }, 200),
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/initiatives/{slug}/mentoring',
      summary: 'An initiative’s offer to mentor (when open) and its mentorships: those listed publicly, or all of them for its committee and the secretariat',
      request: { params: z.object({ slug: z.string().min(1).max(100).openapi({ example: 'lacigf' }) }) },
      responses: {
        200: { description: 'Its mentoring', content: { 'application/json': { schema: z.object({ initiative: z.object({ slug: z.string(), name: z.string() }), offer: OfferJson.nullable(), mentorships: z.array(MentorshipJson) }).openapi('InitiativeMentoring') } } },
        404: problemResponse('No such initiative'),
      },
    }),
    async (c) => {
      const initiative = await findInitiativeBySlug(db, c.req.valid('param').slug);
      if (!initiative) return problem(c, 404) as never;
      const insider = mentoringPolicy.viewInitiative(c.get('actor'), initiative);
      const [offer, mentorships] = await Promise.all([offerOf(db, initiative.id), mentorshipsOf(db, initiative.id)]);
      return c.json({
        initiative: { slug: initiative.slug, name: initiative.name },
        offer: offer && (insider || offer.status === 'open') ? presentOffer(offer) : null,
        mentorships: mentorships.filter((m) => insider || m.listed).map(presentMentorship),
      }, 200);
    },
  );
}
