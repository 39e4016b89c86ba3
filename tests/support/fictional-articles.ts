/**
 * FICTION. Made-up news articles for the draft tool's tests: every company, domain and
 * number is invented (reserved domains under example.se / example.com / .example, the
 * Swedish fiction ranges 08-465 004 00–99, 031-390 06 00–99, 070-174 06 05–99), and each
 * article says so in its first paragraph.
 */

/** A warning: one company, its own contacts stated, the scammers' address and site named. */
export const PROVBUTIKEN_WARNING = `Provbutiken varnar för falska mejl om återbetalning

2026-04-10

FIKTIV ARTIKEL FÖR TESTER: företaget, adresserna och numren är påhittade.

Nätbutiken Provbutiken varnar för bedragare som utger sig för att vara företaget i mejl och sms.

– Vi skickar aldrig länkar där du ska logga in, säger Provbutikens säkerhetschef.

Provbutikens e-post kommer alltid från adresser som slutar på @provbutiken.example.com. Företagets enda webbplats är https://www.provbutiken.example.com/.

De falska mejlen kommer från adressen kundservice@provbutiken-retur.example och länkar till provbutiken-retur.example.

Kundtjänst nås endast på 031-390 06 50. Ring aldrig ett nummer som står i ett mejl.

Läs mer: Så skyddar du dig mot nätfiske

Text: Testredaktionen
`

/** Not a warning: a company, its number and its site in a piece about a new shop. */
export const SHOP_OPENING = `Exempelbolaget öppnar ny butik i Göteborg

2026-04-12

FIKTIV ARTIKEL FÖR TESTER: företaget och numret är påhittade.

Exempelbolaget öppnar sin tjugonde butik på lördag. Den som vill boka en visning kan ringa 08-465 004 20 eller besöka www.exempelbolaget.example.se.

– Vi har längtat efter att komma till Göteborg, säger butikschefen.

Text: Testredaktionen
`

/** A scam warning from the police in which no named company is impersonated. */
export const POLICE_WARNING = `Polisen varnar för falska sms om paket

2026-04-14

FIKTIV ARTIKEL FÖR TESTER: numret och adressen är påhittade.

Polisen varnar för sms där bedragare utger sig för att vara ett fraktbolag. Meddelandena kommer från 070-174 06 70 och länkar till paket-avgift.example.

Radera sådana sms och klicka aldrig på länken.

Text: Testredaktionen
`

/** Two companies warn in one article; one sentence about the scammers names neither. */
export const TWO_COMPANIES = `Två företag varnar för falska sms om paket

2026-05-20

FIKTIV ARTIKEL FÖR TESTER: företagen, adresserna och numren är påhittade.

Både Exempelbolaget och Lagerlådan varnar nu för sms där bedragare utger sig för att vara dem.

Exempelbolaget skriver att företagets sms alltid kommer från numret 08-465 004 30. Exempelbolaget skickar aldrig länkar i sms.

Lagerlådan uppger att deras kundtjänst bara nås på 070-174 06 60 och att företagets mejl alltid slutar på @lagerladan.example.se.

Bedragarna skickar sms från 070-174 06 99 med länken lagerladan-paket.example.

Text: Testredaktionen
`

/** A warning whose contacts the article leaves unclear: a bare domain, a number without a role. */
export const UNCLEAR_CONTACTS = `Ödla varnar för bluffsamtal

2026-05-25

FIKTIV ARTIKEL FÖR TESTER: företaget, domänen och numren är påhittade.

Ödla varnar för bedragare som ringer och påstår sig vara Ödla. Samtalen kommer ofta från dolt nummer.

Ödlas webbplats är odla.example.se. I artikeln nämns också numret 08-465 004 80.

– Lägg på om någon ber om ditt BankID, säger Ödlas presschef.
`
