/**
 * The starter course `cabildo seed demo` publishes (docs/decisions/033): five short lessons in
 * es, en, pt and fr, written for Cabildo in our own words, each citing its sources, each with a
 * three-question quiz. Every choice carries an explanation. Marked as starter content.
 */
type Choice = { text: string; explanation: string };
type Question = { prompt: string; choices: Choice[] };
type Texts = { title: string; body: string; questions: Question[] };

const q = (prompt: string, ...choices: Array<[string, string]>): Question => ({ prompt, choices: choices.map(([text, explanation]) => ({ text, explanation })) });
const lesson = (slug: string, answers: number[], texts: { es: Texts; en: Texts; pt: Texts; fr: Texts }) => ({ slug, language: 'en' as const, answers, texts });

const starterNote = {
  es: '> Contenido inicial de Cabildo: un punto de partida que cada instalación puede revisar y ampliar.',
  en: '> Cabildo starter content: a starting point each installation can review and extend.',
  pt: '> Conteúdo inicial do Cabildo: um ponto de partida que cada instalação pode revisar e ampliar.',
  fr: '> Contenu de départ de Cabildo : un point de départ que chaque installation peut revoir et compléter.',
};

const whatIsIt = lesson('what-is-internet-governance', [0, 1, 1], {
  en: {
    title: 'What Internet governance is, and the multistakeholder model',
    body: `${starterNote.en}

The Internet has no single owner. It works because thousands of networks, companies, communities and public bodies agree to follow shared rules. **Internet governance** is how those rules are made and kept: technical standards, the management of names and addresses, and public policy on access, rights, security and the economy.

In 2005 the World Summit on the Information Society adopted a working definition in the Tunis Agenda: governments, the private sector and civil society, *each in their respective roles*, develop and apply shared principles, norms, rules, decision-making procedures and programmes that shape how the Internet evolves and is used.

**Multistakeholder** means that everyone affected takes part: governments, business, civil society, the technical community and academia. In 2014 the NETmundial meeting in São Paulo set out principles for such processes: open, participative, transparent, accountable, inclusive and consensus-driven.

### Sources
- World Summit on the Information Society, *Tunis Agenda for the Information Society* (2005), paragraph 34.
- *NETmundial Multistakeholder Statement*, São Paulo (April 2014).`,
    questions: [
      q('Where does the most cited working definition of Internet governance come from?',
        ['The Tunis Agenda of the World Summit on the Information Society (2005)', 'Right: paragraph 34 of the Tunis Agenda gives the working definition most processes still use.'],
        ['An Internet standard (an RFC) of the IETF', 'No: the IETF writes technical standards; the definition came from a summit of governments with the other stakeholders.'],
        ['A law of the country where the Internet was invented', 'No: no national law defines Internet governance for everyone; the definition is international.']),
      q('What does "multistakeholder" mean?',
        ['Governments decide and the others watch', 'No: that would be a governmental model; in a multistakeholder one the others take part in the discussion too.'],
        ['Everyone affected takes part, each in their own role', 'Right: governments, business, civil society, the technical community and academia all take part.'],
        ['Whoever contributes the most money decides', 'No: money gives no extra voice; openness and inclusion are the principles.']),
      q('What does Internet governance cover?',
        ['Only the technical protocols', 'No: protocols are part of it, but so are policy questions like access and rights.'],
        ['Technical rules and public policy, from names and addresses to access, rights and security', 'Right: both the infrastructure and the policy questions around its use.'],
        ['Only the laws that parliaments pass', 'No: much of it happens outside parliaments, in standards bodies and communities.']),
    ],
  },
  es: {
    title: 'Qué es la gobernanza de Internet y el modelo de múltiples partes interesadas',
    body: `${starterNote.es}

Internet no tiene un dueño único. Funciona porque miles de redes, empresas, comunidades y organismos públicos aceptan seguir reglas comunes. La **gobernanza de Internet** es la manera en que esas reglas se crean y se mantienen: estándares técnicos, la administración de nombres y direcciones, y políticas públicas sobre acceso, derechos, seguridad y economía.

En 2005 la Cumbre Mundial sobre la Sociedad de la Información adoptó una definición de trabajo en la Agenda de Túnez: los gobiernos, el sector privado y la sociedad civil, *cada uno según su papel*, desarrollan y aplican principios, normas, reglas, procedimientos de decisión y programas comunes que dan forma a la evolución y al uso de Internet.

**Múltiples partes interesadas** significa que participa todo el que se ve afectado: gobiernos, empresas, sociedad civil, comunidad técnica y academia. En 2014 la reunión NETmundial de São Paulo fijó principios para estos procesos: abiertos, participativos, transparentes, responsables, inclusivos y basados en el consenso.

### Fuentes
- Cumbre Mundial sobre la Sociedad de la Información, *Agenda de Túnez para la Sociedad de la Información* (2005), párrafo 34.
- *Declaración multisectorial de NETmundial*, São Paulo (abril de 2014).`,
    questions: [
      q('¿De dónde viene la definición de trabajo de gobernanza de Internet más citada?',
        ['De la Agenda de Túnez de la Cumbre Mundial sobre la Sociedad de la Información (2005)', 'Correcto: el párrafo 34 de la Agenda de Túnez da la definición que la mayoría de los procesos sigue usando.'],
        ['De un estándar de Internet (un RFC) del IETF', 'No: el IETF escribe estándares técnicos; la definición surgió de una cumbre de gobiernos con las demás partes.'],
        ['De una ley del país donde se inventó Internet', 'No: ninguna ley nacional define la gobernanza de Internet para todos; la definición es internacional.']),
      q('¿Qué significa «múltiples partes interesadas»?',
        ['Los gobiernos deciden y los demás observan', 'No: ese sería un modelo gubernamental; en uno de múltiples partes los demás también participan en la discusión.'],
        ['Participa todo el que se ve afectado, cada uno según su papel', 'Correcto: gobiernos, empresas, sociedad civil, comunidad técnica y academia participan.'],
        ['Decide quien aporta más dinero', 'No: el dinero no da más voz; los principios son la apertura y la inclusión.']),
      q('¿Qué abarca la gobernanza de Internet?',
        ['Solo los protocolos técnicos', 'No: los protocolos son parte, pero también lo son cuestiones de política como el acceso y los derechos.'],
        ['Reglas técnicas y políticas públicas, desde nombres y direcciones hasta acceso, derechos y seguridad', 'Correcto: tanto la infraestructura como las cuestiones de política sobre su uso.'],
        ['Solo las leyes que aprueban los parlamentos', 'No: gran parte ocurre fuera de los parlamentos, en organismos de estándares y comunidades.']),
    ],
  },
  pt: {
    title: 'O que é a governança da Internet e o modelo multissetorial',
    body: `${starterNote.pt}

A Internet não tem um dono único. Ela funciona porque milhares de redes, empresas, comunidades e órgãos públicos aceitam seguir regras comuns. A **governança da Internet** é a forma como essas regras são criadas e mantidas: padrões técnicos, a gestão de nomes e endereços, e políticas públicas sobre acesso, direitos, segurança e economia.

Em 2005 a Cúpula Mundial sobre a Sociedade da Informação adotou uma definição de trabalho na Agenda de Túnis: governos, setor privado e sociedade civil, *cada um em seu papel*, desenvolvem e aplicam princípios, normas, regras, procedimentos de decisão e programas comuns que moldam a evolução e o uso da Internet.

**Multissetorial** significa que participa todo aquele que é afetado: governos, empresas, sociedade civil, comunidade técnica e academia. Em 2014 o encontro NETmundial, em São Paulo, definiu princípios para esses processos: abertos, participativos, transparentes, responsáveis, inclusivos e orientados pelo consenso.

### Fontes
- Cúpula Mundial sobre a Sociedade da Informação, *Agenda de Túnis para a Sociedade da Informação* (2005), parágrafo 34.
- *Declaração Multissetorial do NETmundial*, São Paulo (abril de 2014).`,
    questions: [
      q('De onde vem a definição de trabalho de governança da Internet mais citada?',
        ['Da Agenda de Túnis da Cúpula Mundial sobre a Sociedade da Informação (2005)', 'Certo: o parágrafo 34 da Agenda de Túnis traz a definição que a maioria dos processos ainda usa.'],
        ['De um padrão da Internet (um RFC) do IETF', 'Não: o IETF escreve padrões técnicos; a definição veio de uma cúpula de governos com os demais setores.'],
        ['De uma lei do país onde a Internet foi inventada', 'Não: nenhuma lei nacional define a governança da Internet para todos; a definição é internacional.']),
      q('O que significa «multissetorial»?',
        ['Os governos decidem e os demais assistem', 'Não: esse seria um modelo governamental; no multissetorial os demais também participam da discussão.'],
        ['Participa todo aquele que é afetado, cada um em seu papel', 'Certo: governos, empresas, sociedade civil, comunidade técnica e academia participam.'],
        ['Decide quem contribui com mais dinheiro', 'Não: dinheiro não dá mais voz; os princípios são a abertura e a inclusão.']),
      q('O que a governança da Internet abrange?',
        ['Apenas os protocolos técnicos', 'Não: os protocolos fazem parte, mas também questões de política como acesso e direitos.'],
        ['Regras técnicas e políticas públicas, de nomes e endereços a acesso, direitos e segurança', 'Certo: tanto a infraestrutura quanto as questões de política sobre seu uso.'],
        ['Apenas as leis aprovadas pelos parlamentos', 'Não: boa parte acontece fora dos parlamentos, em organismos de padronização e comunidades.']),
    ],
  },
  fr: {
    title: 'Ce qu’est la gouvernance de l’Internet, et le modèle multipartite',
    body: `${starterNote.fr}

L’Internet n’a pas de propriétaire unique. Il fonctionne parce que des milliers de réseaux, d’entreprises, de communautés et d’organismes publics acceptent de suivre des règles communes. La **gouvernance de l’Internet**, c’est la façon dont ces règles sont élaborées et tenues : normes techniques, gestion des noms et des adresses, et politiques publiques sur l’accès, les droits, la sécurité et l’économie.

En 2005, le Sommet mondial sur la société de l’information a adopté une définition de travail dans l’Agenda de Tunis : les gouvernements, le secteur privé et la société civile, *chacun selon son rôle*, élaborent et appliquent des principes, normes, règles, procédures de décision et programmes communs qui façonnent l’évolution et l’usage de l’Internet.

**Multipartite** veut dire que toutes les parties concernées participent : gouvernements, entreprises, société civile, communauté technique et milieu universitaire. En 2014, la réunion NETmundial de São Paulo a posé des principes pour ces processus : ouverts, participatifs, transparents, responsables, inclusifs et fondés sur le consensus.

### Sources
- Sommet mondial sur la société de l’information, *Agenda de Tunis pour la société de l’information* (2005), paragraphe 34.
- *Déclaration multipartite de NETmundial*, São Paulo (avril 2014).`,
    questions: [
      q('D’où vient la définition de travail de la gouvernance de l’Internet la plus citée ?',
        ['De l’Agenda de Tunis du Sommet mondial sur la société de l’information (2005)', 'Exact : le paragraphe 34 de l’Agenda de Tunis donne la définition que la plupart des processus utilisent encore.'],
        ['D’une norme de l’Internet (une RFC) de l’IETF', 'Non : l’IETF rédige des normes techniques ; la définition est issue d’un sommet des gouvernements avec les autres parties.'],
        ['D’une loi du pays où l’Internet a été inventé', 'Non : aucune loi nationale ne définit la gouvernance de l’Internet pour tous ; la définition est internationale.']),
      q('Que veut dire « multipartite » ?',
        ['Les gouvernements décident et les autres regardent', 'Non : ce serait un modèle gouvernemental ; dans un modèle multipartite, les autres participent aussi à la discussion.'],
        ['Toutes les parties concernées participent, chacune selon son rôle', 'Exact : gouvernements, entreprises, société civile, communauté technique et milieu universitaire participent.'],
        ['Celui qui apporte le plus d’argent décide', 'Non : l’argent ne donne pas plus de voix ; les principes sont l’ouverture et l’inclusion.']),
      q('Que recouvre la gouvernance de l’Internet ?',
        ['Seulement les protocoles techniques', 'Non : les protocoles en font partie, mais aussi des questions politiques comme l’accès et les droits.'],
        ['Des règles techniques et des politiques publiques, des noms et adresses à l’accès, aux droits et à la sécurité', 'Exact : l’infrastructure comme les questions politiques liées à son usage.'],
        ['Seulement les lois votées par les parlements', 'Non : une grande partie se joue hors des parlements, dans les organismes de normalisation et les communautés.']),
    ],
  },
});

const whoRunsWhat = lesson('who-runs-which-parts', [0, 1, 2], {
  en: {
    title: 'Who runs which parts of the Internet',
    body: `No one runs the whole Internet, but each part has people who look after it:

- **Standards.** The Internet Engineering Task Force (IETF) writes the protocols, published as RFCs. Anyone may join its open mailing lists; it decides by *rough consensus*, not by vote (RFC 7282 explains how). The World Wide Web Consortium (W3C) does the same for the Web.
- **Names and numbers.** The IANA functions keep the registries of top-level domains, IP address blocks and protocol parameters; ICANN carries them out through its affiliate PTI, accountable to a multistakeholder community since the 2016 stewardship transition.
- **Addresses.** Five Regional Internet Registries (AFRINIC, APNIC, ARIN, LACNIC and RIPE NCC) distribute IP addresses, with policies their regional communities write in open meetings.
- **Networks.** Operators, from large carriers to community networks, run the links and exchange traffic, often at Internet exchange points.
- **Public policy.** Governments and regulators make laws on competition, privacy, spectrum and more; civil society and users hold everyone to account.

### Sources
- P. Resnick, *RFC 7282: On Consensus and Humming in the IETF* (2014).
- IANA, "About us", iana.org; ICANN, IANA stewardship transition (2016).
- Number Resource Organization, "Regional Internet Registries", nro.net.`,
    questions: [
      q('Who writes the Internet’s core protocols?',
        ['The IETF, in open working groups', 'Right: the IETF publishes its standards as RFCs, and anyone may take part.'],
        ['The United Nations General Assembly', 'No: the UN does not write technical protocols.'],
        ['Each country’s telecom regulator', 'No: regulators apply laws; the protocols are shared worldwide.']),
      q('Who distributes IP addresses in a region?',
        ['The IETF', 'No: the IETF defines how addresses work, not who gets them.'],
        ['A Regional Internet Registry, with policies its community writes', 'Right: AFRINIC, APNIC, ARIN, LACNIC and RIPE NCC each serve a region.'],
        ['Whoever builds the largest network', 'No: addresses are distributed by the registries under open policies.']),
      q('How does the IETF make decisions?',
        ['By a vote of member states', 'No: the IETF has no member states and does not vote.'],
        ['By its chair alone', 'No: chairs judge the consensus; they do not decide alone.'],
        ['By rough consensus: objections are heard and addressed', 'Right: RFC 7282 explains that what matters is that every objection has been dealt with, not a count.']),
    ],
  },
  es: {
    title: 'Quién se ocupa de cada parte de Internet',
    body: `Nadie dirige Internet entero, pero cada parte tiene quien la cuide:

- **Estándares.** El Grupo de Trabajo de Ingeniería de Internet (IETF) escribe los protocolos, publicados como RFC. Cualquiera puede sumarse a sus listas abiertas; decide por *consenso aproximado*, no por votación (el RFC 7282 explica cómo). El Consorcio World Wide Web (W3C) hace lo mismo para la Web.
- **Nombres y números.** Las funciones de la IANA mantienen los registros de dominios de nivel superior, bloques de direcciones IP y parámetros de protocolo; ICANN las ejecuta a través de su filial PTI, rindiendo cuentas a una comunidad de múltiples partes desde la transición de la custodia de 2016.
- **Direcciones.** Cinco Registros Regionales de Internet (AFRINIC, APNIC, ARIN, LACNIC y RIPE NCC) distribuyen las direcciones IP, con políticas que sus comunidades escriben en reuniones abiertas.
- **Redes.** Los operadores, desde grandes empresas hasta redes comunitarias, mantienen los enlaces e intercambian tráfico, a menudo en puntos de intercambio de Internet.
- **Política pública.** Gobiernos y reguladores hacen leyes sobre competencia, privacidad, espectro y más; la sociedad civil y los usuarios piden cuentas a todos.

### Fuentes
- P. Resnick, *RFC 7282: On Consensus and Humming in the IETF* (2014).
- IANA, «About us», iana.org; ICANN, transición de la custodia de la IANA (2016).
- Number Resource Organization, «Regional Internet Registries», nro.net.`,
    questions: [
      q('¿Quién escribe los protocolos centrales de Internet?',
        ['El IETF, en grupos de trabajo abiertos', 'Correcto: el IETF publica sus estándares como RFC y cualquiera puede participar.'],
        ['La Asamblea General de las Naciones Unidas', 'No: la ONU no escribe protocolos técnicos.'],
        ['El regulador de telecomunicaciones de cada país', 'No: los reguladores aplican leyes; los protocolos son comunes a todo el mundo.']),
      q('¿Quién distribuye las direcciones IP en una región?',
        ['El IETF', 'No: el IETF define cómo funcionan las direcciones, no a quién se asignan.'],
        ['Un Registro Regional de Internet, con políticas que escribe su comunidad', 'Correcto: AFRINIC, APNIC, ARIN, LACNIC y RIPE NCC atienden cada uno una región.'],
        ['Quien construya la red más grande', 'No: las direcciones las distribuyen los registros según políticas abiertas.']),
      q('¿Cómo toma decisiones el IETF?',
        ['Por votación de los Estados miembros', 'No: el IETF no tiene Estados miembros ni vota.'],
        ['Las decide solo quien preside', 'No: quien preside valora el consenso; no decide solo.'],
        ['Por consenso aproximado: las objeciones se escuchan y se atienden', 'Correcto: el RFC 7282 explica que lo que importa es que cada objeción se haya tratado, no un conteo.']),
    ],
  },
  pt: {
    title: 'Quem cuida de cada parte da Internet',
    body: `Ninguém comanda a Internet inteira, mas cada parte tem quem cuide dela:

- **Padrões.** A Força-Tarefa de Engenharia da Internet (IETF) escreve os protocolos, publicados como RFCs. Qualquer pessoa pode entrar em suas listas abertas; ela decide por *consenso aproximado*, não por votação (o RFC 7282 explica como). O World Wide Web Consortium (W3C) faz o mesmo para a Web.
- **Nomes e números.** As funções IANA mantêm os registros de domínios de topo, blocos de endereços IP e parâmetros de protocolo; a ICANN as executa por meio de sua afiliada PTI, prestando contas a uma comunidade multissetorial desde a transição da custódia em 2016.
- **Endereços.** Cinco Registros Regionais da Internet (AFRINIC, APNIC, ARIN, LACNIC e RIPE NCC) distribuem os endereços IP, com políticas que suas comunidades escrevem em reuniões abertas.
- **Redes.** Operadoras, de grandes empresas a redes comunitárias, mantêm os enlaces e trocam tráfego, muitas vezes em pontos de troca de tráfego.
- **Políticas públicas.** Governos e reguladores fazem leis sobre concorrência, privacidade, espectro e mais; a sociedade civil e os usuários cobram prestação de contas de todos.

### Fontes
- P. Resnick, *RFC 7282: On Consensus and Humming in the IETF* (2014).
- IANA, «About us», iana.org; ICANN, transição da custódia da IANA (2016).
- Number Resource Organization, «Regional Internet Registries», nro.net.`,
    questions: [
      q('Quem escreve os protocolos centrais da Internet?',
        ['A IETF, em grupos de trabalho abertos', 'Certo: a IETF publica seus padrões como RFCs e qualquer pessoa pode participar.'],
        ['A Assembleia Geral das Nações Unidas', 'Não: a ONU não escreve protocolos técnicos.'],
        ['O regulador de telecomunicações de cada país', 'Não: reguladores aplicam leis; os protocolos são comuns ao mundo todo.']),
      q('Quem distribui os endereços IP em uma região?',
        ['A IETF', 'Não: a IETF define como os endereços funcionam, não quem os recebe.'],
        ['Um Registro Regional da Internet, com políticas que sua comunidade escreve', 'Certo: AFRINIC, APNIC, ARIN, LACNIC e RIPE NCC atendem cada um uma região.'],
        ['Quem construir a maior rede', 'Não: os endereços são distribuídos pelos registros segundo políticas abertas.']),
      q('Como a IETF toma decisões?',
        ['Por votação dos Estados-membros', 'Não: a IETF não tem Estados-membros e não vota.'],
        ['Quem preside decide sozinho', 'Não: quem preside avalia o consenso; não decide sozinho.'],
        ['Por consenso aproximado: as objeções são ouvidas e tratadas', 'Certo: o RFC 7282 explica que importa que cada objeção tenha sido tratada, não uma contagem.']),
    ],
  },
  fr: {
    title: 'Qui s’occupe de quelles parties de l’Internet',
    body: `Personne ne dirige l’Internet tout entier, mais chaque partie a ses gardiens :

- **Normes.** L’Internet Engineering Task Force (IETF) rédige les protocoles, publiés sous forme de RFC. Chacun peut rejoindre ses listes ouvertes ; elle décide par *consensus approximatif*, pas par vote (la RFC 7282 explique comment). Le World Wide Web Consortium (W3C) fait de même pour le Web.
- **Noms et numéros.** Les fonctions IANA tiennent les registres des domaines de premier niveau, des blocs d’adresses IP et des paramètres de protocole ; l’ICANN les assure par sa filiale PTI, en rendant des comptes à une communauté multipartite depuis la transition de la supervision en 2016.
- **Adresses.** Cinq registres Internet régionaux (AFRINIC, APNIC, ARIN, LACNIC et RIPE NCC) distribuent les adresses IP, selon des politiques que leurs communautés rédigent en réunions ouvertes.
- **Réseaux.** Les opérateurs, des grands groupes aux réseaux communautaires, exploitent les liaisons et échangent du trafic, souvent dans des points d’échange Internet.
- **Politiques publiques.** Gouvernements et régulateurs font les lois sur la concurrence, la vie privée, le spectre et le reste ; la société civile et les usagers demandent des comptes à tous.

### Sources
- P. Resnick, *RFC 7282 : On Consensus and Humming in the IETF* (2014).
- IANA, « About us », iana.org ; ICANN, transition de la supervision de l’IANA (2016).
- Number Resource Organization, « Regional Internet Registries », nro.net.`,
    questions: [
      q('Qui rédige les protocoles centraux de l’Internet ?',
        ['L’IETF, dans des groupes de travail ouverts', 'Exact : l’IETF publie ses normes sous forme de RFC et chacun peut y participer.'],
        ['L’Assemblée générale des Nations unies', 'Non : l’ONU ne rédige pas de protocoles techniques.'],
        ['Le régulateur des télécommunications de chaque pays', 'Non : les régulateurs appliquent des lois ; les protocoles sont communs au monde entier.']),
      q('Qui distribue les adresses IP dans une région ?',
        ['L’IETF', 'Non : l’IETF définit le fonctionnement des adresses, pas leur attribution.'],
        ['Un registre Internet régional, selon des politiques écrites par sa communauté', 'Exact : AFRINIC, APNIC, ARIN, LACNIC et RIPE NCC servent chacun une région.'],
        ['Celui qui construit le plus grand réseau', 'Non : les adresses sont distribuées par les registres selon des politiques ouvertes.']),
      q('Comment l’IETF prend-elle ses décisions ?',
        ['Par un vote des États membres', 'Non : l’IETF n’a pas d’États membres et ne vote pas.'],
        ['Sa présidence décide seule', 'Non : la présidence apprécie le consensus ; elle ne décide pas seule.'],
        ['Par consensus approximatif : les objections sont entendues et traitées', 'Exact : la RFC 7282 explique que l’important est que chaque objection ait été traitée, pas un décompte.']),
    ],
  },
});

const igfAndNris = lesson('igf-and-initiatives', [1, 0, 1], {
  en: {
    title: 'The IGF and national, regional and youth initiatives',
    body: `The **Internet Governance Forum (IGF)** was created by the Tunis Agenda in 2005 and first met in Athens in 2006. The UN Secretary-General convenes it; a Multistakeholder Advisory Group shapes its programme from the community’s proposals. The IGF negotiates no treaties: it is a place to discuss as equals, share good practice and send messages to those who decide.

Communities soon held forums of their own. Today more than a hundred **national, sub-regional, regional and youth IGF initiatives (NRIs)** bring the same conversation closer to home, in local languages and around local questions.

Every NRI agrees to the IGF’s core principles: **open and transparent, inclusive, bottom-up, multistakeholder and non-commercial**. Its organising team brings together people from at least three stakeholder groups, aiming to include them all. Youth initiatives do the same with young people’s perspective.

### Sources
- *Tunis Agenda for the Information Society* (2005), paragraph 72.
- IGF Secretariat, *National and Regional IGF Initiatives (NRIs) Toolkit*; IGF, "Frequently asked questions about the NRIs".`,
    questions: [
      q('What does the IGF produce?',
        ['Binding treaties that countries must sign', 'No: the IGF negotiates nothing binding.'],
        ['Discussion among equals, shared practice and messages to decision makers', 'Right: its strength is that everyone speaks on an equal footing, without negotiating a text.'],
        ['Laws for the Internet', 'No: laws are made by parliaments; the IGF informs them.']),
      q('Which of these is a core principle of every NRI?',
        ['Non-commercial', 'Right: with open and transparent, inclusive, bottom-up and multistakeholder, it is one of the five.'],
        ['Invitation only', 'No: NRIs are open to every stakeholder who wants to take part.'],
        ['Led by the government', 'No: no single group leads; the organising team is multistakeholder.']),
      q('How many stakeholder groups must an NRI’s organising team include at least?',
        ['One', 'No: one group alone would not be multistakeholder.'],
        ['Three, aiming to include them all', 'Right: the NRIs toolkit asks for at least three groups from the start.'],
        ['Six, from the first day', 'No: all groups are the aim, but three are enough to begin.']),
    ],
  },
  es: {
    title: 'El IGF y las iniciativas nacionales, regionales y juveniles',
    body: `El **Foro de Gobernanza de Internet (IGF)** fue creado por la Agenda de Túnez en 2005 y se reunió por primera vez en Atenas en 2006. Lo convoca el Secretario General de la ONU; un Grupo Asesor de Múltiples Partes Interesadas arma su programa a partir de las propuestas de la comunidad. El IGF no negocia tratados: es un lugar para discutir en pie de igualdad, compartir buenas prácticas y enviar mensajes a quienes deciden.

Pronto las comunidades organizaron sus propios foros. Hoy más de un centenar de **iniciativas nacionales, subregionales, regionales y juveniles del IGF (NRI)** acercan la misma conversación, en idiomas locales y en torno a preguntas locales.

Cada NRI se compromete con los principios del IGF: **abierta y transparente, inclusiva, de abajo hacia arriba, de múltiples partes interesadas y sin fines comerciales**. Su equipo organizador reúne personas de al menos tres grupos de partes interesadas, con la meta de incluirlos a todos. Las iniciativas juveniles hacen lo mismo desde la mirada de la juventud.

### Fuentes
- *Agenda de Túnez para la Sociedad de la Información* (2005), párrafo 72.
- Secretaría del IGF, *National and Regional IGF Initiatives (NRIs) Toolkit*; IGF, «Frequently asked questions about the NRIs».`,
    questions: [
      q('¿Qué produce el IGF?',
        ['Tratados vinculantes que los países deben firmar', 'No: el IGF no negocia nada vinculante.'],
        ['Discusión entre iguales, prácticas compartidas y mensajes a quienes deciden', 'Correcto: su fuerza es que todos hablan en pie de igualdad, sin negociar un texto.'],
        ['Leyes para Internet', 'No: las leyes las hacen los parlamentos; el IGF los informa.']),
      q('¿Cuál de estos es un principio de toda NRI?',
        ['Sin fines comerciales', 'Correcto: junto con abierta y transparente, inclusiva, de abajo hacia arriba y de múltiples partes, es uno de los cinco.'],
        ['Solo por invitación', 'No: las NRI están abiertas a toda parte interesada que quiera participar.'],
        ['Dirigida por el gobierno', 'No: ningún grupo la dirige solo; el equipo organizador es de múltiples partes.']),
      q('¿Cuántos grupos de partes interesadas debe reunir, como mínimo, el equipo organizador de una NRI?',
        ['Uno', 'No: un solo grupo no sería de múltiples partes interesadas.'],
        ['Tres, con la meta de incluirlos a todos', 'Correcto: el kit de las NRI pide al menos tres grupos desde el inicio.'],
        ['Seis, desde el primer día', 'No: la meta es incluirlos a todos, pero tres bastan para empezar.']),
    ],
  },
  pt: {
    title: 'O IGF e as iniciativas nacionais, regionais e de juventude',
    body: `O **Fórum de Governança da Internet (IGF)** foi criado pela Agenda de Túnis em 2005 e se reuniu pela primeira vez em Atenas, em 2006. Quem o convoca é o Secretário-Geral da ONU; um Grupo Consultivo Multissetorial monta sua programação a partir das propostas da comunidade. O IGF não negocia tratados: é um espaço para discutir em pé de igualdade, trocar boas práticas e enviar mensagens a quem decide.

Logo as comunidades passaram a organizar seus próprios fóruns. Hoje mais de uma centena de **iniciativas nacionais, sub-regionais, regionais e de juventude do IGF (NRIs)** aproximam essa conversa, em idiomas locais e em torno de questões locais.

Toda NRI se compromete com os princípios do IGF: **aberta e transparente, inclusiva, de baixo para cima, multissetorial e sem fins comerciais**. Sua equipe organizadora reúne pessoas de pelo menos três setores, com a meta de incluir todos. As iniciativas de juventude fazem o mesmo a partir do olhar dos jovens.

### Fontes
- *Agenda de Túnis para a Sociedade da Informação* (2005), parágrafo 72.
- Secretariado do IGF, *National and Regional IGF Initiatives (NRIs) Toolkit*; IGF, «Frequently asked questions about the NRIs».`,
    questions: [
      q('O que o IGF produz?',
        ['Tratados vinculantes que os países devem assinar', 'Não: o IGF não negocia nada vinculante.'],
        ['Discussão entre iguais, práticas compartilhadas e mensagens a quem decide', 'Certo: sua força é que todos falam em pé de igualdade, sem negociar um texto.'],
        ['Leis para a Internet', 'Não: leis são feitas pelos parlamentos; o IGF os informa.']),
      q('Qual destes é um princípio de toda NRI?',
        ['Sem fins comerciais', 'Certo: junto com aberta e transparente, inclusiva, de baixo para cima e multissetorial, é um dos cinco.'],
        ['Apenas por convite', 'Não: as NRIs são abertas a todo setor interessado em participar.'],
        ['Dirigida pelo governo', 'Não: nenhum setor a dirige sozinho; a equipe organizadora é multissetorial.']),
      q('Quantos setores a equipe organizadora de uma NRI deve reunir, no mínimo?',
        ['Um', 'Não: um único setor não seria multissetorial.'],
        ['Três, com a meta de incluir todos', 'Certo: o kit das NRIs pede pelo menos três setores desde o início.'],
        ['Seis, desde o primeiro dia', 'Não: a meta é incluir todos, mas três bastam para começar.']),
    ],
  },
  fr: {
    title: 'L’IGF et les initiatives nationales, régionales et de jeunesse',
    body: `Le **Forum sur la gouvernance de l’Internet (FGI, ou IGF)** a été créé par l’Agenda de Tunis en 2005 et s’est réuni pour la première fois à Athènes en 2006. Le Secrétaire général de l’ONU le convoque ; un Groupe consultatif multipartite construit son programme à partir des propositions de la communauté. L’IGF ne négocie pas de traités : c’est un lieu pour discuter d’égal à égal, partager de bonnes pratiques et adresser des messages à ceux qui décident.

Les communautés ont vite organisé leurs propres forums. Aujourd’hui, plus d’une centaine d’**initiatives nationales, sous-régionales, régionales et de jeunesse de l’IGF (NRI)** rapprochent cette conversation, dans les langues locales et autour de questions locales.

Chaque NRI s’engage sur les principes de l’IGF : **ouverte et transparente, inclusive, ascendante, multipartite et non commerciale**. Son équipe d’organisation réunit des personnes d’au moins trois groupes de parties prenantes, avec l’objectif de les inclure tous. Les initiatives de jeunesse font de même du point de vue des jeunes.

### Sources
- *Agenda de Tunis pour la société de l’information* (2005), paragraphe 72.
- Secrétariat de l’IGF, *National and Regional IGF Initiatives (NRIs) Toolkit* ; IGF, « Frequently asked questions about the NRIs ».`,
    questions: [
      q('Que produit l’IGF ?',
        ['Des traités contraignants que les pays doivent signer', 'Non : l’IGF ne négocie rien de contraignant.'],
        ['Des échanges d’égal à égal, des pratiques partagées et des messages aux décideurs', 'Exact : sa force est que chacun parle d’égal à égal, sans négocier de texte.'],
        ['Des lois pour l’Internet', 'Non : les lois sont faites par les parlements ; l’IGF les éclaire.']),
      q('Lequel de ces principes est celui de toute NRI ?',
        ['Non commerciale', 'Exact : avec ouverte et transparente, inclusive, ascendante et multipartite, c’est l’un des cinq.'],
        ['Sur invitation seulement', 'Non : les NRI sont ouvertes à toute partie prenante qui veut participer.'],
        ['Dirigée par le gouvernement', 'Non : aucun groupe ne la dirige seul ; l’équipe d’organisation est multipartite.']),
      q('Combien de groupes de parties prenantes l’équipe d’organisation d’une NRI doit-elle réunir au minimum ?',
        ['Un', 'Non : un seul groupe ne serait pas multipartite.'],
        ['Trois, avec l’objectif de les inclure tous', 'Exact : la boîte à outils des NRI demande au moins trois groupes dès le départ.'],
        ['Six, dès le premier jour', 'Non : l’objectif est de les inclure tous, mais trois suffisent pour commencer.']),
    ],
  },
});

const startInitiative = lesson('start-an-initiative', [0, 2, 1], {
  en: {
    title: 'How to start an initiative',
    body: `An initiative starts with people, not with an event. A workable path:

1. **Gather an organising team** from at least three stakeholder groups — say a university, a civil society group and an operator — and invite the others.
2. **Work in the open**: a public mailing list or page, minutes and plans anyone can read.
3. **Ask the community what to discuss**: a public call for topics, then a draft programme open to comments.
4. **Hold the meeting**, with remote participation for those who cannot travel, and report what was said.
5. **Ask the IGF Secretariat to list you**, with your team, your principles and your first report.

Cabildo’s checklist walks through these steps: see [the toolkit](/toolkit). Register the initiative here, seat its committee and keep its reports in one place.

### Sources
- IGF Secretariat, *NRIs Toolkit*: "A checklist on how to organise an IGF initiative" and "Core principles of the IGF".`,
    questions: [
      q('What is the first step?',
        ['Gather an organising team from several stakeholder groups', 'Right: the team, from at least three groups, is what makes the initiative multistakeholder.'],
        ['Book a venue and a date', 'No: the venue comes after the team and the topics.'],
        ['Ask one ministry to run it', 'No: no single stakeholder should run it alone.']),
      q('How does an initiative stay transparent?',
        ['By keeping its minutes private until the event', 'No: minutes and plans should be public as you go.'],
        ['By inviting only people it knows', 'No: that would break the open and inclusive principles.'],
        ['By publishing its plans, minutes and reports openly', 'Right: a public list or page and open reports let anyone follow the work.']),
      q('Who chooses the topics of the programme?',
        ['The main sponsor', 'No: sponsors must not decide the agenda (non-commercial principle).'],
        ['The community, through a public call and comments on a draft', 'Right: that is what bottom-up means in practice.'],
        ['The chair, alone', 'No: the team proposes, but the community is asked.']),
    ],
  },
  es: {
    title: 'Cómo iniciar una iniciativa',
    body: `Una iniciativa empieza con personas, no con un evento. Un camino posible:

1. **Reunir un equipo organizador** de al menos tres grupos de partes interesadas —por ejemplo, una universidad, una organización de la sociedad civil y un operador— e invitar a los demás.
2. **Trabajar a la vista**: una lista de correo o una página públicas, actas y planes que cualquiera pueda leer.
3. **Preguntar a la comunidad qué discutir**: una convocatoria pública de temas y luego un programa en borrador abierto a comentarios.
4. **Celebrar la reunión**, con participación remota para quien no pueda viajar, y relatar lo que se dijo.
5. **Pedir a la Secretaría del IGF que los incluya en su lista**, con el equipo, los principios y el primer informe.

La lista de verificación de Cabildo recorre estos pasos: vea [el kit de herramientas](/toolkit). Registre aquí la iniciativa, conforme su comité y reúna sus relatorías en un solo lugar.

### Fuentes
- Secretaría del IGF, *NRIs Toolkit*: «A checklist on how to organise an IGF initiative» y «Core principles of the IGF».`,
    questions: [
      q('¿Cuál es el primer paso?',
        ['Reunir un equipo organizador de varios grupos de partes interesadas', 'Correcto: el equipo, de al menos tres grupos, es lo que hace a la iniciativa de múltiples partes.'],
        ['Reservar un lugar y una fecha', 'No: el lugar viene después del equipo y de los temas.'],
        ['Pedir a un ministerio que la dirija', 'No: ninguna parte debería dirigirla sola.']),
      q('¿Cómo se mantiene transparente una iniciativa?',
        ['Guardando las actas en privado hasta el evento', 'No: las actas y los planes deben ser públicos a medida que avanzan.'],
        ['Invitando solo a gente conocida', 'No: eso rompería los principios de apertura e inclusión.'],
        ['Publicando abiertamente sus planes, actas e informes', 'Correcto: una lista o página pública e informes abiertos permiten que cualquiera siga el trabajo.']),
      q('¿Quién elige los temas del programa?',
        ['El principal patrocinador', 'No: los patrocinadores no deben decidir la agenda (principio sin fines comerciales).'],
        ['La comunidad, mediante una convocatoria pública y comentarios a un borrador', 'Correcto: eso es, en la práctica, trabajar de abajo hacia arriba.'],
        ['Quien preside, sin consultar', 'No: el equipo propone, pero se consulta a la comunidad.']),
    ],
  },
  pt: {
    title: 'Como começar uma iniciativa',
    body: `Uma iniciativa começa com pessoas, não com um evento. Um caminho possível:

1. **Reunir uma equipe organizadora** de pelo menos três setores — por exemplo, uma universidade, uma organização da sociedade civil e uma operadora — e convidar os demais.
2. **Trabalhar às claras**: uma lista de e-mails ou página públicas, atas e planos que qualquer pessoa possa ler.
3. **Perguntar à comunidade o que discutir**: uma chamada pública de temas e depois uma programação preliminar aberta a comentários.
4. **Realizar o encontro**, com participação remota para quem não puder viajar, e relatar o que foi dito.
5. **Pedir ao Secretariado do IGF que inclua a iniciativa em sua lista**, com a equipe, os princípios e o primeiro relatório.

A lista de verificação do Cabildo percorre esses passos: veja [o kit de ferramentas](/toolkit). Cadastre aqui a iniciativa, forme seu comitê e reúna seus relatórios em um só lugar.

### Fontes
- Secretariado do IGF, *NRIs Toolkit*: «A checklist on how to organise an IGF initiative» e «Core principles of the IGF».`,
    questions: [
      q('Qual é o primeiro passo?',
        ['Reunir uma equipe organizadora de vários setores', 'Certo: a equipe, de pelo menos três setores, é o que torna a iniciativa multissetorial.'],
        ['Reservar um local e uma data', 'Não: o local vem depois da equipe e dos temas.'],
        ['Pedir a um ministério que a dirija', 'Não: nenhum setor deveria dirigi-la sozinho.']),
      q('Como uma iniciativa se mantém transparente?',
        ['Guardando as atas em sigilo até o evento', 'Não: atas e planos devem ser públicos à medida que avançam.'],
        ['Convidando apenas conhecidos', 'Não: isso romperia os princípios de abertura e inclusão.'],
        ['Publicando abertamente seus planos, atas e relatórios', 'Certo: uma lista ou página pública e relatórios abertos permitem que qualquer pessoa acompanhe o trabalho.']),
      q('Quem escolhe os temas da programação?',
        ['O principal patrocinador', 'Não: patrocinadores não devem decidir a pauta (princípio sem fins comerciais).'],
        ['A comunidade, por meio de uma chamada pública e de comentários a uma versão preliminar', 'Certo: isso é, na prática, trabalhar de baixo para cima.'],
        ['Quem preside, sem consultar', 'Não: a equipe propõe, mas a comunidade é consultada.']),
    ],
  },
  fr: {
    title: 'Comment lancer une initiative',
    body: `Une initiative commence par des personnes, pas par un événement. Un chemin possible :

1. **Réunir une équipe d’organisation** d’au moins trois groupes de parties prenantes — par exemple une université, une association de la société civile et un opérateur — et inviter les autres.
2. **Travailler au grand jour** : une liste de diffusion ou une page publiques, des comptes rendus et des plans que chacun peut lire.
3. **Demander à la communauté de quoi parler** : un appel public à sujets, puis un programme provisoire ouvert aux commentaires.
4. **Tenir la réunion**, avec une participation à distance pour qui ne peut se déplacer, et rendre compte de ce qui s’est dit.
5. **Demander au Secrétariat de l’IGF de vous inscrire sur sa liste**, avec l’équipe, les principes et le premier rapport.

La liste de contrôle de Cabildo suit ces étapes : voir [la boîte à outils](/toolkit). Enregistrez ici l’initiative, constituez son comité et rassemblez ses rapports au même endroit.

### Sources
- Secrétariat de l’IGF, *NRIs Toolkit* : « A checklist on how to organise an IGF initiative » et « Core principles of the IGF ».`,
    questions: [
      q('Quelle est la première étape ?',
        ['Réunir une équipe d’organisation issue de plusieurs groupes de parties prenantes', 'Exact : l’équipe, d’au moins trois groupes, est ce qui rend l’initiative multipartite.'],
        ['Réserver un lieu et une date', 'Non : le lieu vient après l’équipe et les sujets.'],
        ['Demander à un ministère de la diriger', 'Non : aucune partie ne devrait la diriger seule.']),
      q('Comment une initiative reste-t-elle transparente ?',
        ['En gardant ses comptes rendus confidentiels jusqu’à l’événement', 'Non : comptes rendus et plans doivent être publics au fil du travail.'],
        ['En n’invitant que des personnes connues', 'Non : ce serait contraire aux principes d’ouverture et d’inclusion.'],
        ['En publiant ouvertement ses plans, comptes rendus et rapports', 'Exact : une liste ou une page publique et des rapports ouverts permettent à chacun de suivre le travail.']),
      q('Qui choisit les sujets du programme ?',
        ['Le principal sponsor', 'Non : les sponsors ne doivent pas décider de l’ordre du jour (principe non commercial).'],
        ['La communauté, par un appel public et des commentaires sur un projet', 'Exact : c’est, en pratique, ce que veut dire ascendant.'],
        ['La présidence, seule', 'Non : l’équipe propose, mais la communauté est consultée.']),
    ],
  },
});

const impactBrief = lesson('write-an-impact-brief', [0, 1, 0], {
  en: {
    title: 'How to write an Internet impact brief',
    body: `A law, a regulation or a business decision can change how the Internet works for everyone, often without meaning to. An **Internet impact brief** asks, before it is too late: what would this proposal do to the Internet?

The Internet Society’s Internet Impact Assessment Toolkit names what to check. First, the five **critical properties** of the Internet way of networking: an accessible infrastructure with a common protocol; an open architecture of interoperable, reusable building blocks; decentralised management and a single distributed routing system; common global identifiers; and a technology-neutral, general-purpose network. Then the **enablers** of an open, globally connected, secure and trustworthy Internet, such as easy access, unrestricted reachability, data confidentiality and accountability.

For each one, rate the likely impact, give your **reasoning and evidence**, and note where users, providers and regulators would see it differently. Write it with people from other stakeholder groups, then publish it: see [impact briefs](/briefs).

### Sources
- Internet Society, *Internet Impact Assessment Toolkit* and *The Internet Way of Networking: Defining the critical properties of the Internet* (2020–2021).`,
    questions: [
      q('What does an Internet impact brief analyse?',
        ['What a proposal would do to the Internet’s critical properties and enablers', 'Right: it checks a law, regulation or decision against what makes the Internet work.'],
        ['How much profit a company will make', 'No: it is about the Internet, not about any one business.'],
        ['Whether a website looks good', 'No: design is not its subject.']),
      q('Which of these is one of the critical properties of the Internet way of networking?',
        ['A single central authority that approves every network', 'No: management is decentralised; no one approves every network.'],
        ['Common global identifiers', 'Right: shared names and addresses let any point reach any other.'],
        ['Filters required on every connection', 'No: that would harm the general-purpose network.']),
      q('What should each rating come with?',
        ['Reasoning and evidence, and the perspectives where they differ', 'Right: a rating alone convinces no one; the reasons and the evidence do.'],
        ['Nothing: the rating speaks for itself', 'No: readers need to see why.'],
        ['Only the author’s job title', 'No: authority is not evidence.']),
    ],
  },
  es: {
    title: 'Cómo escribir un informe de impacto en Internet',
    body: `Una ley, un reglamento o una decisión empresarial pueden cambiar cómo funciona Internet para todos, a menudo sin proponérselo. Un **informe de impacto en Internet** pregunta, antes de que sea tarde: ¿qué le haría esta propuesta a Internet?

El kit de evaluación de impacto en Internet de la Internet Society dice qué revisar. Primero, las cinco **propiedades críticas** de la forma de funcionar de Internet: una infraestructura accesible con un protocolo común; una arquitectura abierta de piezas interoperables y reutilizables; una gestión descentralizada y un único sistema de enrutamiento distribuido; identificadores globales comunes; y una red de propósito general, neutral en cuanto a tecnología. Luego, los **habilitadores** de una Internet abierta, conectada globalmente, segura y confiable, como el acceso fácil, la alcanzabilidad sin restricciones, la confidencialidad de los datos y la rendición de cuentas.

Para cada uno, califique el impacto probable, dé su **razonamiento y evidencia**, y anote dónde lo verían distinto usuarios, proveedores y reguladores. Escríbalo con personas de otros grupos de partes interesadas y luego publíquelo: vea [informes de impacto](/briefs).

### Fuentes
- Internet Society, *Internet Impact Assessment Toolkit* y *The Internet Way of Networking: Defining the critical properties of the Internet* (2020–2021).`,
    questions: [
      q('¿Qué analiza un informe de impacto en Internet?',
        ['Lo que una propuesta le haría a las propiedades críticas y a los habilitadores de Internet', 'Correcto: contrasta una ley, un reglamento o una decisión con lo que hace funcionar a Internet.'],
        ['Cuánta ganancia obtendrá una empresa', 'No: trata de Internet, no de un negocio en particular.'],
        ['Si un sitio web se ve bien', 'No: el diseño no es su tema.']),
      q('¿Cuál de estas es una propiedad crítica de la forma de funcionar de Internet?',
        ['Una autoridad central única que aprueba cada red', 'No: la gestión es descentralizada; nadie aprueba cada red.'],
        ['Identificadores globales comunes', 'Correcto: nombres y direcciones compartidos permiten que cualquier punto llegue a cualquier otro.'],
        ['Filtros obligatorios en cada conexión', 'No: eso dañaría la red de propósito general.']),
      q('¿Qué debe acompañar a cada calificación?',
        ['El razonamiento y la evidencia, y las perspectivas cuando difieren', 'Correcto: una calificación sola no convence; las razones y la evidencia sí.'],
        ['Nada: la calificación habla por sí misma', 'No: quien lee necesita ver el porqué.'],
        ['Solo el cargo de quien lo escribe', 'No: la autoridad no es evidencia.']),
    ],
  },
  pt: {
    title: 'Como escrever um relatório de impacto na Internet',
    body: `Uma lei, uma regulação ou uma decisão empresarial pode mudar o funcionamento da Internet para todos, muitas vezes sem querer. Um **relatório de impacto na Internet** pergunta, antes que seja tarde: o que esta proposta faria com a Internet?

O kit de avaliação de impacto na Internet da Internet Society diz o que verificar. Primeiro, as cinco **propriedades críticas** do modo de funcionamento da Internet: uma infraestrutura acessível com um protocolo comum; uma arquitetura aberta de blocos interoperáveis e reutilizáveis; gestão descentralizada e um único sistema de roteamento distribuído; identificadores globais comuns; e uma rede de uso geral, neutra quanto à tecnologia. Depois, os **habilitadores** de uma Internet aberta, conectada globalmente, segura e confiável, como acesso fácil, alcançabilidade irrestrita, confidencialidade dos dados e prestação de contas.

Para cada um, avalie o impacto provável, apresente seu **raciocínio e evidências**, e anote onde usuários, provedores e reguladores veriam diferente. Escreva com pessoas de outros setores e depois publique: veja [relatórios de impacto](/briefs).

### Fontes
- Internet Society, *Internet Impact Assessment Toolkit* e *The Internet Way of Networking: Defining the critical properties of the Internet* (2020–2021).`,
    questions: [
      q('O que um relatório de impacto na Internet analisa?',
        ['O que uma proposta faria com as propriedades críticas e os habilitadores da Internet', 'Certo: ele confronta uma lei, regulação ou decisão com o que faz a Internet funcionar.'],
        ['Quanto lucro uma empresa terá', 'Não: trata da Internet, não de um negócio em particular.'],
        ['Se um site tem boa aparência', 'Não: design não é o seu assunto.']),
      q('Qual destas é uma propriedade crítica do modo de funcionamento da Internet?',
        ['Uma autoridade central única que aprova cada rede', 'Não: a gestão é descentralizada; ninguém aprova cada rede.'],
        ['Identificadores globais comuns', 'Certo: nomes e endereços compartilhados permitem que qualquer ponto alcance qualquer outro.'],
        ['Filtros obrigatórios em cada conexão', 'Não: isso prejudicaria a rede de uso geral.']),
      q('O que deve acompanhar cada avaliação?',
        ['O raciocínio e as evidências, e as perspectivas quando diferem', 'Certo: uma nota sozinha não convence; as razões e as evidências sim.'],
        ['Nada: a nota fala por si', 'Não: quem lê precisa ver o porquê.'],
        ['Apenas o cargo de quem escreve', 'Não: autoridade não é evidência.']),
    ],
  },
  fr: {
    title: 'Comment rédiger une note d’impact sur l’Internet',
    body: `Une loi, un règlement ou une décision d’entreprise peut changer le fonctionnement de l’Internet pour tous, souvent sans le vouloir. Une **note d’impact sur l’Internet** pose la question avant qu’il ne soit trop tard : que ferait cette proposition à l’Internet ?

La boîte à outils d’évaluation d’impact de l’Internet Society dit quoi examiner. D’abord, les cinq **propriétés essentielles** du mode de fonctionnement de l’Internet : une infrastructure accessible avec un protocole commun ; une architecture ouverte de briques interopérables et réutilisables ; une gestion décentralisée et un système de routage unique et distribué ; des identifiants mondiaux communs ; et un réseau polyvalent, neutre sur le plan technologique. Ensuite, les **facteurs** d’un Internet ouvert, connecté mondialement, sûr et digne de confiance, comme l’accès facile, la joignabilité sans restriction, la confidentialité des données et la redevabilité.

Pour chacun, évaluez l’impact probable, donnez votre **raisonnement et vos preuves**, et notez où usagers, fournisseurs et régulateurs le verraient autrement. Rédigez-la avec des personnes d’autres groupes de parties prenantes, puis publiez-la : voir [les notes d’impact](/briefs).

### Sources
- Internet Society, *Internet Impact Assessment Toolkit* et *The Internet Way of Networking: Defining the critical properties of the Internet* (2020–2021).`,
    questions: [
      q('Qu’analyse une note d’impact sur l’Internet ?',
        ['Ce qu’une proposition ferait aux propriétés essentielles et aux facteurs de l’Internet', 'Exact : elle confronte une loi, un règlement ou une décision à ce qui fait fonctionner l’Internet.'],
        ['Le bénéfice que fera une entreprise', 'Non : elle porte sur l’Internet, pas sur une entreprise en particulier.'],
        ['Si un site web est joli', 'Non : le design n’est pas son sujet.']),
      q('Laquelle de ces propriétés est essentielle au mode de fonctionnement de l’Internet ?',
        ['Une autorité centrale unique qui approuve chaque réseau', 'Non : la gestion est décentralisée ; personne n’approuve chaque réseau.'],
        ['Des identifiants mondiaux communs', 'Exact : des noms et adresses partagés permettent à tout point d’en joindre un autre.'],
        ['Des filtres obligatoires sur chaque connexion', 'Non : cela nuirait au réseau polyvalent.']),
      q('Qu’est-ce qui doit accompagner chaque évaluation ?',
        ['Le raisonnement et les preuves, et les points de vue quand ils diffèrent', 'Exact : une note seule ne convainc personne ; les raisons et les preuves, si.'],
        ['Rien : la note parle d’elle-même', 'Non : le lecteur doit voir pourquoi.'],
        ['Seulement la fonction de l’auteur', 'Non : l’autorité n’est pas une preuve.']),
    ],
  },
});

/** The course as `POST /api/courses` would take it: one module of five lessons, for the secretariat. */
export const starterCourse = {
  slug: 'internet-governance',
  language: 'en' as const,
  texts: {
    en: { title: 'Internet governance and the multistakeholder model', summary: 'Starter course: five short lessons on who shapes the Internet and how, the IGF and its national, regional and youth initiatives, starting an initiative and writing an Internet impact brief. Each ends with a three-question quiz.' },
    es: { title: 'La gobernanza de Internet y el modelo de múltiples partes interesadas', summary: 'Curso inicial: cinco lecciones breves sobre quién da forma a Internet y cómo, el IGF y sus iniciativas nacionales, regionales y juveniles, cómo iniciar una iniciativa y cómo escribir un informe de impacto en Internet. Cada una termina con un cuestionario de tres preguntas.' },
    pt: { title: 'A governança da Internet e o modelo multissetorial', summary: 'Curso inicial: cinco lições curtas sobre quem molda a Internet e como, o IGF e suas iniciativas nacionais, regionais e de juventude, como começar uma iniciativa e como escrever um relatório de impacto na Internet. Cada uma termina com um questionário de três perguntas.' },
    fr: { title: 'La gouvernance de l’Internet et le modèle multipartite', summary: 'Cours de départ : cinq courtes leçons sur qui façonne l’Internet et comment, l’IGF et ses initiatives nationales, régionales et de jeunesse, lancer une initiative et rédiger une note d’impact sur l’Internet. Chacune se termine par un quiz de trois questions.' },
  },
  modules: [
    {
      titles: { en: 'Understanding Internet governance', es: 'Entender la gobernanza de Internet', pt: 'Entender a governança da Internet', fr: 'Comprendre la gouvernance de l’Internet' },
      lessons: [whatIsIt, whoRunsWhat, igfAndNris],
    },
    {
      titles: { en: 'Taking part', es: 'Participar', pt: 'Participar', fr: 'Prendre part' },
      lessons: [startInitiative, impactBrief],
    },
  ],
};
