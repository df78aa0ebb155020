/**
 * The words rapporteurs write in es, en, pt and fr for the parts of a report: role labels,
 * list headings, title openings, date labels, section headings, month names. Written here with
 * their accents; compared folded (lower case, no accents), so "MODERACIÓN REMOTA",
 * "Moderacion remota" and "moderación remota" are the same label.
 */
import { foldForSearch } from '../../../platform/text.ts';
import type { ParticipantRole, ReportLanguage, ReportSection } from './types.ts';

type PerLanguage = Record<ReportLanguage, string[]>;

/**
 * A label as compared: folded, typographic apostrophes made plain, the inclusive and gendered
 * endings written with brackets, slashes or middle dots removed ("Relator(a)", "Relator/a",
 * "intervenant·e·s", "rapporteur(euse)"), brackets and Markdown emphasis dropped, spaces collapsed.
 */
export function labelKey(raw: string): string {
  // Plain ASCII has no accents to fold: most lines, spared the Unicode decomposition.
  return (/^[\x00-\x7f]*$/.test(raw) ? raw.toLowerCase() : foldForSearch(raw))
    .replace(/[’‘`´]/g, "'")
    .replace(/[*_]/g, ' ')
    .replace(/\((?:a|as|o|os|e|es|s|euse|euses|trice|trices|ora|oras)\)/g, '')
    .replace(/\/(?:a|as|o|os|e|es|ora|oras)\b/g, '')
    .replace(/(?:[·.](?:e|es|s|a|as)\b)+/g, '')
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:.]+|[\s\-–—:.]+$/g, '');
}

const roleLabels: Record<Exclude<ParticipantRole, 'online_moderator'>, PerLanguage> = {
  moderator: {
    es: ['moderador', 'moderadora', 'moderadores', 'moderadoras', 'moderación', 'moderado por', 'moderada por', 'co-moderador', 'co-moderadora', 'comoderador', 'comoderadora', 'facilitador', 'facilitadora', 'facilitadores', 'facilitadoras', 'facilitación'],
    en: ['moderator', 'moderators', 'moderated by', 'co-moderator', 'co-moderators', 'moderation', 'chair', 'chairs', 'chairperson', 'co-chair', 'co-chairs', 'facilitator', 'facilitators', 'facilitated by'],
    pt: ['moderador', 'moderadora', 'moderadores', 'moderadoras', 'moderação', 'moderado por', 'moderada por', 'mediador', 'mediadora', 'mediadores', 'mediadoras', 'mediação', 'mediado por', 'mediada por', 'facilitador', 'facilitadora'],
    fr: ['modérateur', 'modératrice', 'modérateurs', 'modératrices', 'modération', 'modéré par', 'modérée par', 'animateur', 'animatrice', 'animateurs', 'animatrices', 'animation', 'animé par', 'animée par', 'facilitateur', 'facilitatrice', 'président de séance', 'présidente de séance'],
  },
  speaker: {
    es: ['ponente', 'ponentes', 'panelista', 'panelistas', 'expositor', 'expositora', 'expositores', 'expositoras', 'orador', 'oradora', 'oradores', 'oradoras', 'disertante', 'disertantes', 'conferencista', 'conferencistas', 'invitado', 'invitada', 'invitados', 'invitadas'],
    en: ['speaker', 'speakers', 'panelist', 'panelists', 'panellist', 'panellists', 'presenter', 'presenters', 'discussant', 'discussants', 'keynote speaker', 'keynote speakers'],
    pt: ['palestrante', 'palestrantes', 'painelista', 'painelistas', 'debatedor', 'debatedora', 'debatedores', 'debatedoras', 'expositor', 'expositora', 'expositores', 'expositoras', 'orador', 'oradora', 'oradores', 'oradoras', 'convidado', 'convidada', 'convidados', 'convidadas'],
    fr: ['intervenant', 'intervenante', 'intervenants', 'intervenantes', 'panéliste', 'panélistes', 'orateur', 'oratrice', 'orateurs', 'oratrices', 'conférencier', 'conférencière', 'conférenciers', 'conférencières', 'invité', 'invitée', 'invités', 'invitées'],
  },
  rapporteur: {
    es: ['relator', 'relatora', 'relatores', 'relatoras', 'relatoría', 'relatoría a cargo de'],
    en: ['rapporteur', 'rapporteurs', 'reported by', 'report by'],
    pt: ['relator', 'relatora', 'relatores', 'relatoras', 'relatoria', 'relatoria por'],
    fr: ['rapporteur', 'rapporteuse', 'rapporteure', 'rapporteurs', 'rapporteuses', 'rapporteures', 'compte rendu par', 'compte-rendu par'],
  },
};

/** The online moderator: a moderator word with a remote qualifier, in either order ("remote moderator", "moderación remota"). */
const remoteModeratorWords: PerLanguage = {
  es: ['moderador', 'moderadora', 'moderadores', 'moderadoras', 'moderación'],
  en: ['moderator', 'moderators', 'moderation'],
  pt: ['moderador', 'moderadora', 'moderadores', 'moderadoras', 'moderação', 'mediador', 'mediadora', 'mediação'],
  fr: ['modérateur', 'modératrice', 'modérateurs', 'modératrices', 'modération', 'animateur', 'animatrice', 'animation'],
};
const remoteQualifiers: PerLanguage = {
  es: ['remoto', 'remota', 'remotos', 'remotas', 'en línea', 'online', 'virtual', 'a distancia', 'de la participación remota', 'de participación remota'],
  en: ['remote', 'online', 'on-line', 'virtual'],
  pt: ['remoto', 'remota', 'remotos', 'remotas', 'online', 'on-line', 'virtual', 'a distância', 'à distância'],
  fr: ['à distance', 'en ligne', 'virtuel', 'virtuelle', 'en distanciel'],
};

/** Headings of a list of people; an entry there without a role label is a speaker. */
const participantHeadings: PerLanguage = {
  es: ['participantes', 'panel', 'integrantes', 'integrantes del panel', 'personas participantes'],
  en: ['participants', 'panel', 'panel members', 'session participants'],
  pt: ['participantes', 'painel', 'integrantes', 'integrantes do painel', 'composição da mesa'],
  fr: ['participants', 'participantes', 'panel', 'membres du panel', 'composition du panel'],
};

/** A first line opening with one of these (then a colon) gives the title after it. */
const titleOpenings: PerLanguage = {
  es: ['relatoría de la sesión', 'relatoría de sesión', 'relatoría del taller', 'relatoría de la mesa', 'relatoría del panel', 'relatoría', 'informe de la sesión', 'informe de sesión', 'reporte de la sesión', 'reporte de sesión'],
  en: ['session report', 'report of the session', 'report on the session', "rapporteur's report", 'rapporteur report', 'workshop report', 'panel report', 'report'],
  pt: ['relatório da sessão', 'relatório de sessão', 'relatoria da sessão', 'relatoria de sessão', 'relato da sessão', 'relatório do painel', 'relatório da mesa', 'relatório da oficina', 'relatório', 'relatoria'],
  fr: ['compte rendu de la session', 'compte-rendu de la session', 'compte rendu de session', 'compte rendu de la séance', "compte rendu de l'atelier", 'rapport de la session', 'rapport de session', 'compte rendu', 'compte-rendu', 'rapport'],
};

/** Labels of a title line anywhere near the top. */
const titleLabels: PerLanguage = {
  es: ['título', 'título de la sesión', 'nombre de la sesión', 'sesión'],
  en: ['title', 'session title', 'session'],
  pt: ['título', 'título da sessão', 'nome da sessão', 'sessão'],
  fr: ['titre', 'titre de la session', 'session', 'séance'],
};

const dateLabels: PerLanguage = {
  es: ['fecha', 'fecha de la sesión', 'fecha y hora', 'día'],
  en: ['date', 'session date', 'date of the session', 'date and time'],
  pt: ['data', 'data da sessão', 'data e hora', 'dia'],
  fr: ['date', 'date de la session', 'date et heure', 'jour'],
};

/**
 * Section headings, matched at the start of a heading ("Key issues raised (1 sentence per
 * issue)", "Asuntos clave planteados"). Recommendations count as calls to action: that is what
 * national initiatives write where the IGF's template says "Call to action".
 */
const sectionHeadings: Record<ReportSection | 'summary', PerLanguage> = {
  keyIssues: {
    es: ['temas clave', 'asuntos clave', 'cuestiones clave', 'problemas clave', 'temas principales', 'principales temas', 'cuestiones principales', 'principales cuestiones', 'asuntos principales', 'principales asuntos', 'temas tratados', 'temas discutidos'],
    en: ['key issues', 'main issues', 'issues raised', 'issues discussed', 'key topics'],
    pt: ['questões-chave', 'questões chave', 'temas-chave', 'temas chave', 'principais questões', 'principais temas', 'questões principais', 'temas principais', 'temas discutidos', 'temas abordados'],
    fr: ['questions clés', 'questions-clés', 'enjeux clés', 'principaux enjeux', 'questions principales', 'principales questions', 'questions soulevées', 'thèmes abordés', 'sujets abordés'],
  },
  takeaways: {
    es: ['conclusiones', 'conclusiones clave', 'principales conclusiones', 'mensajes clave', 'mensajes principales', 'lecciones aprendidas', 'aprendizajes', 'puntos clave'],
    en: ['key takeaways', 'takeaways', 'main takeaways', 'conclusions', 'key messages', 'main messages', 'lessons learned', 'lessons learnt'],
    pt: ['principais conclusões', 'conclusões', 'mensagens-chave', 'mensagens chave', 'mensagens principais', 'lições aprendidas', 'aprendizados', 'pontos-chave'],
    fr: ['principaux enseignements', 'enseignements', 'points à retenir', 'conclusions', 'messages clés', 'messages-clés', 'principaux messages', 'leçons apprises', 'leçons tirées'],
  },
  callsToAction: {
    es: ['llamado a la acción', 'llamados a la acción', 'llamada a la acción', 'llamadas a la acción', 'llamamiento a la acción', 'llamamientos a la acción', 'llamado a acción', 'recomendaciones'],
    en: ['call to action', 'calls to action', 'call for action', 'calls for action', 'recommendations'],
    pt: ['chamada à ação', 'chamadas à ação', 'chamado à ação', 'chamados à ação', 'chamada para ação', 'chamada para a ação', 'apelo à ação', 'apelos à ação', 'recomendações'],
    fr: ["appel à l'action", "appels à l'action", 'appel à agir', 'appels à agir', 'recommandations'],
  },
  proposals: {
    es: ['propuestas'],
    en: ['proposals', 'proposals made'],
    pt: ['propostas'],
    fr: ['propositions'],
  },
  followUp: {
    es: ['próximos pasos', 'siguientes pasos', 'acciones de seguimiento', 'seguimiento'],
    en: ['next steps', 'follow-up', 'follow up', 'followup'],
    pt: ['próximos passos', 'encaminhamentos', 'ações de seguimento', 'ações de acompanhamento', 'acompanhamento'],
    fr: ['prochaines étapes', 'actions de suivi', 'suites à donner', 'suivi'],
  },
  summary: {
    es: ['resumen', 'síntesis', 'desarrollo de la sesión'],
    en: ['summary', 'session summary', 'executive summary', 'overview'],
    pt: ['resumo', 'síntese'],
    fr: ['résumé', 'synthèse'],
  },
};

/** "Not yet", "none": a role named with one of these names nobody, and says so. */
const placeholders = ['n/a', 'na', 'n/d', 'tbd', 'tbc', 'none', 'pendiente', 'por definir', 'por confirmar', 'a definir', 'a confirmar', 'ninguno', 'ninguna', 'no hubo', 'nenhum', 'nenhuma', 'não houve', 'à confirmer', 'à définir', 'aucun', 'aucune', 'néant', 'xxx', '-', '—', '–', '?'];

const months: PerLanguage = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  pt: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};
/** Abbreviations and spelling variants, by month number. */
const monthVariants: Array<[string, number]> = [
  ['ene', 1], ['jan', 1], ['janv', 1], ['feb', 2], ['fev', 2], ['fevr', 2], ['mar', 3], ['abr', 4], ['apr', 4], ['avr', 4],
  ['mai', 5], ['jun', 6], ['jul', 7], ['juil', 7], ['ago', 8], ['aug', 8], ['aout', 8], ['sep', 9], ['sept', 9], ['set', 9],
  ['setiembre', 9], ['oct', 10], ['out', 10], ['nov', 11], ['dic', 12], ['dec', 12], ['dez', 12],
];

// ---------------------------------------------------------------------------------------------
// Lookups, built once.

/** folded label → the languages it is a word of (for detecting the language). */
export type Labelled<T> = { value: T; languages: ReportLanguage[] };

function index<T>(entries: Array<[T, PerLanguage]>): Map<string, Labelled<T>> {
  const out = new Map<string, Labelled<T>>();
  for (const [value, perLanguage] of entries) {
    for (const [language, words] of Object.entries(perLanguage) as Array<[ReportLanguage, string[]]>) {
      for (const word of words) {
        const key = labelKey(word);
        const found = out.get(key);
        if (!found) out.set(key, { value, languages: [language] });
        else if (!found.languages.includes(language)) found.languages.push(language);
      }
    }
  }
  return out;
}

function combinations(): PerLanguage {
  const out = {} as PerLanguage;
  for (const language of Object.keys(remoteModeratorWords) as ReportLanguage[]) {
    out[language] = remoteModeratorWords[language].flatMap((word) =>
      remoteQualifiers[language].flatMap((qualifier) => [`${word} ${qualifier}`, `${qualifier} ${word}`]));
  }
  return out;
}

const roles = index<ParticipantRole>([
  ...(Object.entries(roleLabels) as Array<[ParticipantRole, PerLanguage]>),
  ['online_moderator', combinations()],
]);
const participantsHeadings = index<true>([[true, participantHeadings]]);
const openings = index<true>([[true, titleOpenings]]);
const titles = index<true>([[true, titleLabels]]);
const dates = index<true>([[true, dateLabels]]);
const sections = index<ReportSection | 'summary'>(Object.entries(sectionHeadings) as Array<[ReportSection | 'summary', PerLanguage]>);
const placeholderKeys = new Set(placeholders.map(labelKey));
const monthNumbers = new Map<string, number>([
  ...Object.values(months).flatMap((names) => names.map((name, i): [string, number] => [foldForSearch(name), i + 1])),
  ...monthVariants,
]);

/** What a label names, if we know it: a role, a list of people, the date, the title. */
export interface KnownLabel {
  role?: Labelled<ParticipantRole>;
  list?: Labelled<true>;
  date?: Labelled<true>;
  title?: Labelled<true>;
}

/** Labels are short: longer text is not compared (and each line is folded once, not once per list). */
export function knownLabel(label: string): KnownLabel | null {
  if (label.length > 80) return null;
  const key = labelKey(label);
  const found: KnownLabel = { role: roles.get(key), list: participantsHeadings.get(key), date: dates.get(key), title: titles.get(key) };
  return found.role || found.list || found.date || found.title ? found : null;
}

export const isTitleOpening = (label: string) => (label.length > 80 ? undefined : openings.get(labelKey(label)));
export const isPlaceholder = (value: string) => placeholderKeys.has(labelKey(value)) || placeholderKeys.has(foldForSearch(value).trim());
export const monthNumber = (word: string) => monthNumbers.get(foldForSearch(word).replace(/\.$/, ''));

/**
 * The section a heading opens: its folded text starts with a known heading and then ends or
 * goes on with a space or punctuation ("Key takeaways (3 key takeaways)"). The longest match wins.
 */
export function sectionOfHeading(heading: string): Labelled<ReportSection | 'summary'> | undefined {
  if (heading.length > 120) return undefined;
  const key = labelKey(heading);
  let best: [string, Labelled<ReportSection | 'summary'>] | undefined;
  for (const [word, found] of sections) {
    if (key === word || (key.startsWith(word) && /^[\s,;:(]/.test(key.slice(word.length)))) {
      if (!best || word.length > best[0].length) best = [word, found];
    }
  }
  return best?.[1];
}

/** Honorifics written before a name; dropped so "Dra. Ana Pérez" matches "Ana Pérez" in the program. */
export const honorific = /^(?:dr|dra|sr|sra|srta|lic|licda|ing|prof|profa|mr|mrs|ms|mme|mlle|dr\.ª|sr\.ª)\.?\s+/i;

/** Lower-case words inside names: "Lía de la Fuente", "Pedro dos Santos", "Ludwig van Beethoven". */
export const nameParticles = new Set(['de', 'del', 'de la', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'du', 'des', 'le', 'van', 'von', 'der', 'den', 'ter', 'ten', 'y', 'e', 'bin', 'ibn', 'al', 'el', "d'"]);
