import { translate, type Locale, type Values } from '../i18n/index.ts';
import type { Message } from './index.ts';

/**
 * A message in the recipient's language from catalog keys `<key>.subject` and `<key>.body`;
 * the body names the link, which is also given for the outbox log.
 */
export function composeMail(locale: Locale, key: string, to: string, values: Values & { link: string }): Message {
  return {
    to,
    subject: translate(locale, `${key}.subject`, values),
    text: `${translate(locale, `${key}.body`, values)}\n\n${values.link}\n\n-- \nCabildo`,
    link: values.link,
  };
}
