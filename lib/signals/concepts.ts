import { BUILTIN_PHRASES } from "@/lib/scoring/text/lexicon";

// The domain concept lexicon for grouping customer requests: ticketing analytics for live-event
// promoters. It maps the words reps use to stable concept ids so that paraphrases meet: "left
// tickets in the basket", "abandoned cart" and "didn't check out" all read as `abandoned-checkout`.
// Every entry is a readable decision a reviewer can check; words it does not list become concepts
// of their own (their stem) in grouping-text.ts, unless they are stop words, everyday English
// (lib/scoring/text/generic.ts) or everyday words of this domain (DOMAIN_WORDS below).
//
// Three tables:
//   MERGES     several words written for one ("check out" → checkout, "waiting list" → waitlist),
//              joined before anything else, on stems, so "waiting lists" and "wait-list" merge too;
//   CONCEPTS   per concept: its single `words`, and `near` patterns: words that together mean the
//              concept when they occur within NEAR_WINDOW words of each other in one clause, in any
//              order ("left … basket", "tickets for the whole season"). In a pattern, slots are
//              separated by " + ", alternatives by "|"; the slot "not" is any negation word and
//              must come first ("didn't check out"): such a negation is read as part of the phrase,
//              not as a negation of what follows. Patterns are tried before single words, in table
//              order; each word is used once.
//   DOMAIN_WORDS  words every request in this domain uses (fans, shows, venues, tickets …), and
//   EVERYDAY_WORDS filler English that generic.ts does not list: never concepts on their own.
//
// Words are written as reps write them; they are matched by stem (lib/scoring/text/stem.ts) and,
// for words of five letters or more, also through a plausible typo (lib/scoring/text/typo.ts). A
// listed word whose stem is an everyday word ("accessible" → access) matches only as written.
//
// `broad` marks concepts that many different asks mention in passing (a channel, the checkout, a
// report): they count at BROAD_WEIGHT in the similarity, so sharing one is weak evidence.

export const NEAR_WINDOW = 3;
export const BROAD_WEIGHT = 0.5;

export interface ConceptEntry {
  id: string;
  /** How a leader reads it, lower-case unless a name. */
  label: string;
  words?: string;
  near?: readonly string[];
  broad?: boolean;
}

/** Several words written for one; the target is matched like any word. */
export const MERGES: ReadonlyArray<readonly [string, string]> = [
  ...BUILTIN_PHRASES, // "e mail" → email, "on prem" → onpremise, "iphone" → ios, "24/7" → 247 …
  ["check out", "checkout"],
  ["checked out", "checkout"],
  ["follow up", "followup"],
  ["drop off", "dropoff"],
  ["drop out", "dropoff"],
  ["drop offs", "dropoff"],
  ["sold out", "soldout"],
  ["sell out", "soldout"],
  ["sells out", "soldout"],
  ["wait list", "waitlist"],
  ["waiting list", "waitlist"],
  ["waiting room", "waitingroom"],
  ["whats app", "whatsapp"],
  ["t shirt", "tshirt"],
  ["time slot", "timeslot"],
  ["e ticket", "eticket"],
  ["print at home", "printathome"],
  ["screen reader", "screenreader"],
  ["box office", "boxoffice"],
  ["pay later", "paylater"],
  ["payment plan", "paymentplan"],
  ["apple pay", "applepay"],
  ["google pay", "googlepay"],
  ["credit card", "creditcard"],
  ["debit card", "creditcard"],
  ["gift card", "giftcard"],
  ["text message", "sms"],
  ["car park", "carpark"],
  ["meet and greet", "meetandgreet"],
  ["add on", "addon"],
  ["cross sell", "crosssell"],
  ["up sell", "upsell"],
  ["fan to fan", "fantofan"],
  ["machine learning", "machinelearning"],
  ["net zero", "netzero"],
  ["co 2", "co2"],
  ["data center", "datacenter"],
  ["self host", "selfhost"],
  ["self hosted", "selfhost"],
  ["white label", "whitelabel"],
  ["social media", "socialmedia"],
  ["live stream", "livestream"],
  ["pay per view", "payperview"],
  ["power bi", "powerbi"],
  ["google analytics", "googleanalytics"],
  ["qr code", "qrcode"],
  ["app store", "appstore"],
  ["play store", "appstore"],
  ["food and drink", "fnb"],
  ["food and beverage", "fnb"],
  ["f b", "fnb"],
  ["money back", "moneyback"],
  ["round up", "roundup"],
  ["service charge", "servicecharge"],
  ["payment page", "checkout"],
  ["payment step", "checkout"],
  ["pre order", "preorder"],
  ["pre sale", "presale"],
  ["early bird", "earlybird"],
  ["booking charge", "servicecharge"],
  ["handling charge", "servicecharge"],
  ["apple wallet", "wallet"],
  ["google wallet", "wallet"],
  ["iphone wallet", "wallet"],
  ["ios wallet", "wallet"],
  ["android wallet", "wallet"],
  ["wallet pass", "wallet"],
  ["apple wallet pass", "wallet"],
  ["google wallet pass", "wallet"],
  ["step free", "stepfree"],
  ["hearing loop", "hearingloop"],
  ["sign language", "signlanguage"],
  ["alt text", "alttext"],
  ["name change", "namechange"],
];

export const CONCEPTS: readonly ConceptEntry[] = [
  // ── Buying flow ────────────────────────────────────────────────────────────────────────────
  // Buyers who put tickets in the basket and left without paying, and getting them back.
  {
    id: "abandoned-checkout",
    label: "abandoned checkout",
    near: [
      "abandon|left|leave|forgot|forget|dropoff|bail|unfinished|incomplete|unpaid|recover|recovery|rescue|stuck|sitting|idle|lost + cart|basket|checkout|trolley",
      "not + checkout",
      "not + complete|finish + purchase|booking|order|payment|checkout|buy|basket|cart",
      "cart|basket|checkout|trolley + remind|reminder|nudge|chase|followup|retarget",
    ],
  },
  // The basket and the pages after it, when the ask is about something else there.
  { id: "checkout", label: "checkout", words: "cart basket checkout trolley", broad: true },
  // How people pay.
  { id: "payment", label: "payment methods", words: "payment paypal applepay googlepay creditcard ideal bancontact amex", broad: true },
  // Spreading the cost over time.
  { id: "instalments", label: "instalments", words: "instalment installment klarna afterpay clearpay paylater paymentplan deposit" },
  // A group splitting one order between them.
  { id: "split-payment", label: "split payments", near: ["split + payment|pay|bill|cost|order"] },
  // Selling in more than one currency.
  { id: "currency", label: "multi-currency", words: "currency currencies multicurrency fx forex dollar usd gbp sterling euro eur yen chf cad aud", near: ["exchange + rate"] },
  // Giving money back, changing plans.
  { id: "refund", label: "refunds and cancellations", words: "refund refundable cancellation cancel reschedule postpone postponement moneyback chargeback" },
  // What buyers pay on top of the ticket.
  { id: "fees", label: "booking fees", words: "fee fees surcharge servicecharge" },
  // Paperwork for the promoter's own finance people.
  { id: "invoice", label: "invoices", words: "invoice invoicing receipt vat billing", broad: true },
  { id: "accounting", label: "accounting", words: "finance accounting accountant bookkeeping xero quickbooks reconciliation reconcile" },

  // ── Prices and offers ──────────────────────────────────────────────────────────────────────
  // Prices that move with demand, set by rules or a model.
  {
    id: "dynamic-pricing",
    label: "dynamic pricing",
    near: [
      "dynamic|surge|demand|peak|yield|algorithmic|automatic|optimize|smart|variable|ai|machinelearning + price|pricing",
      "yield + management",
      "price|pricing + rise|increase|climb|adjust|fills|fill",
    ],
  },
  { id: "pricing", label: "pricing", words: "price pricing tariff", broad: true },
  // Models that predict, whatever they predict.
  { id: "ai", label: "AI", words: "ai ml machinelearning algorithm predictive" },
  { id: "forecast", label: "forecasts", words: "forecast forecasting predict prediction projection" },
  // Codes that take money off.
  { id: "promo-code", label: "promo codes", words: "coupon promocode", near: ["discount|promo|promotional|voucher|coupon + code"] },
  { id: "discount", label: "discounts", words: "discount discounted reduction reduced cheaper", broad: true },
  // Selling before general sale.
  { id: "presale", label: "presales and early bird", words: "presale earlybird", near: ["priority|early + access|booking|book"] },
  // Reduced prices for who the buyer is.
  {
    id: "concession",
    label: "concessions",
    words: "concession concessions pensioner pensioners oap",
    near: ["student|senior|child|kid|youth|unemployed|family + discount|price|rate|reduced|cheaper|ticket"],
  },
  // Tickets or credit bought as a present.
  { id: "gift-voucher", label: "gift vouchers", words: "gift gifts gifting giftcard", near: ["christmas|birthday|present + voucher|card|certificate|ticket"] },
  { id: "voucher", label: "vouchers", words: "voucher vouchers certificate", broad: true },
  // More than the ticket in one order.
  { id: "bundle", label: "bundles and upsells", words: "bundle bundles bundling upsell upselling crosssell addon addons upgrade upgrades", broad: true },
  { id: "vip", label: "VIP and hospitality packages", words: "vip hospitality meetandgreet backstage lounge" },
  { id: "merchandise", label: "merchandise", words: "merchandise merch tshirt tshirts shirt hoodie hoodies poster posters tote mug vinyl scarf" },
  { id: "food-drink", label: "food and drink", words: "fnb food drink drinks beverage beverages catering meal meals dinner", near: ["preorder + drink|food|meal"] },
  { id: "parking", label: "parking", words: "parking carpark" },
  { id: "transport", label: "travel and transport", words: "shuttle bus coach train transport travel" },
  { id: "accommodation", label: "accommodation", words: "hotel hotels accommodation camping glamping lodging" },
  // Money given to a cause at checkout.
  { id: "donation", label: "donations", words: "donation donations donate charity roundup" },
  // Points and perks for coming back.
  { id: "loyalty", label: "loyalty rewards", words: "loyalty reward rewards points" },

  // ── Tickets, entry and the venue ───────────────────────────────────────────────────────────
  // The ticket itself as a file or code.
  { id: "e-ticket", label: "e-tickets", words: "eticket etickets printathome barcode barcodes qrcode pdf paperless", near: ["mobile|digital|electronic + ticket"] },
  // Tickets in the phone's wallet.
  { id: "mobile-wallet", label: "mobile wallet passes", words: "wallet wallets passbook", near: ["apple|google|samsung + wallet|pass|passes"] },
  // Checking tickets at the door.
  { id: "access-control", label: "entry scanning", words: "scan scanner scanners scanning turnstile turnstiles handheld", near: ["access + control", "door|gate|entry + check|checking|validate|validation"] },
  // Arriving at a booked time.
  { id: "timed-entry", label: "timed entry", words: "timeslot timeslots staggered timed", near: ["arrival|entry|entrance + time|window|wave|slot"] },
  { id: "entry", label: "entry", words: "entry entrance admission door doors gate gates", broad: true },
  // How full the venue is.
  { id: "capacity", label: "capacity and occupancy", words: "capacity occupancy headcount footfall crowd" },
  // Holding buyers back at a busy on-sale.
  { id: "virtual-queue", label: "virtual queue", words: "queue queues queuing queueing waitingroom" },
  // Waiting for a sold-out show.
  { id: "waitlist", label: "waiting lists", words: "waitlist waitlists standby soldout", near: ["notify|notification|alert|tell|inform + available|availability|return|returns|release|released|free"] },
  // Fans selling or passing on tickets.
  { id: "resale", label: "resale", words: "resale resell reselling marketplace fantofan", near: ["secondary + ticketing|market|ticket"] },
  { id: "ticket-transfer", label: "ticket transfers", words: "transfer transfers transferable namechange", near: ["pass + friend|friends"] },
  // Bots and touts.
  { id: "anti-fraud", label: "bots and touts", words: "bot bots scalper scalpers scalping tout touts touting fraud fraudulent captcha" },
  // Checking age or identity.
  { id: "age-check", label: "age and ID checks", near: ["age|id|identity + check|checks|verification|verify|restriction|restricted"] },
  // Seats in general, and choosing one on a map.
  {
    id: "seat-map",
    label: "seat maps",
    words: "seatmap",
    near: [
      "seat|seating + map|plan|chart|layout|view|picker",
      "venue|stadium|arena|hall|floor|interactive + map|plan|layout",
      "pick|choose|select|selection|choice + seat|seating",
    ],
  },
  { id: "seating", label: "seating", words: "seat seats seating row rows", broad: true },
  // Access needs of disabled visitors.
  {
    id: "accessibility",
    label: "accessibility",
    words: "accessibility accessible wheelchair wheelchairs disabled disability disabilities carer carers companion stepfree hearingloop signlanguage",
    near: ["access + need|needs|requirement|requirements", "reduced|limited + mobility"],
  },
  // Accessibility of the website itself, a different ask.
  { id: "web-accessibility", label: "website accessibility", words: "wcag screenreader screenreaders a11y alttext" },
  // Buying a season at once, and memberships.
  {
    id: "season-ticket",
    label: "season tickets and memberships",
    words: "membership memberships seasonticket",
    near: ["season|annual|seasonal|yearly + ticket|pass|card|seat|package|subscription|subscriber|holder|member|members", "flex|flexi + pass|package", "theatre|concert|series + subscription|subscriber"],
  },
  // Groups buying together, and schools in particular.
  { id: "group-booking", label: "group bookings", near: ["group|groups|bulk|block|party|coach|class|classes|corporate + booking|book|ticket|sale|rate|discount|order|reservation|pricing|price|trip|visit|outing"] },
  { id: "school", label: "schools", words: "school schools pupil pupils teacher teachers classroom educational" },
  { id: "corporate", label: "corporate clients", words: "corporate corporates" },
  // Watching from home.
  { id: "livestream", label: "livestreaming", words: "livestream livestreaming streaming stream payperview hybrid" },
  // Selling on the night and at the venue.
  { id: "box-office", label: "box office", words: "boxoffice pos walkup", near: ["point + sale", "door + sale|sales|sell"] },
  { id: "cashless", label: "cashless and wristbands", words: "cashless wristband wristbands rfid nfc" },
  // The environmental cost of going to a show.
  { id: "carbon-footprint", label: "carbon footprint", words: "carbon co2 emission emissions footprint offset offsetting sustainability sustainable netzero climate" },

  // ── Channels: how fans hear from the promoter ─────────────────────────────────────────────
  { id: "email", label: "e-mail", words: "email emails mail mailing mailshot newsletter newsletters", broad: true },
  { id: "sms", label: "SMS", words: "sms texts texting" },
  { id: "whatsapp", label: "WhatsApp", words: "whatsapp" },
  { id: "push-notification", label: "push notifications", near: ["push + notification|notify|alert|message|messages"] },
  { id: "social-media", label: "social media", words: "socialmedia facebook instagram tiktok snapchat" },
  { id: "reminder", label: "reminders", words: "remind reminder reminders nudge nudges chase followup retarget retargeting", broad: true },
  { id: "notification", label: "notifications", words: "notify notification notifications alert alerts message messages messaging", broad: true },

  // ── Audience, marketing and reporting ─────────────────────────────────────────────────────
  { id: "segmentation", label: "audience segmentation", words: "segment segments segmentation segmenting cohort cohorts persona personas lookalike" },
  { id: "campaign", label: "campaigns", words: "campaign campaigns marketing", broad: true },
  { id: "attribution", label: "marketing attribution", words: "attribution utm pixel roas", near: ["ad + spend", "conversion + tracking|rate"] },
  { id: "feedback", label: "surveys and feedback", words: "survey surveys nps feedback" },
  // Revenue and ticket sales figures, the most common report.
  { id: "sales-reporting", label: "sales dashboards", near: ["sales|revenue|turnover|takings + report|reports|reporting|dashboard|dashboards|chart|figures|numbers|overview|analytics|breakdown|kpi"] },
  { id: "reporting", label: "reports and dashboards", words: "report reports reporting dashboard dashboards analytics kpi kpis metrics insight insights chart charts", broad: true },
  { id: "data-export", label: "data export", words: "export exports csv excel spreadsheet spreadsheets" },
  { id: "data-warehouse", label: "data warehouse", words: "warehouse bigquery snowflake redshift databricks" },
  { id: "api", label: "API", words: "api apis webhook webhooks" },
  { id: "integration", label: "integrations", words: "integration integrations integrate sync synchronize synchronization connector connectors plugin", broad: true },
  { id: "crm", label: "CRM", words: "crm crms" },
  // Well-known products reps name; each is its own concept.
  { id: "salesforce", label: "Salesforce", words: "salesforce sfdc" },
  { id: "hubspot", label: "HubSpot", words: "hubspot" },
  { id: "mailchimp", label: "Mailchimp", words: "mailchimp" },
  { id: "shopify", label: "Shopify", words: "shopify" },
  { id: "google-analytics", label: "Google Analytics", words: "googleanalytics ga4" },
  { id: "powerbi", label: "Power BI", words: "powerbi tableau looker" },

  // ── Platform and delivery ─────────────────────────────────────────────────────────────────
  { id: "mobile-app", label: "mobile app", words: "app apps ios android appstore native" },
  { id: "responsive-web", label: "mobile-friendly website", words: "responsive", near: ["mobile + site|website|web|browser|friendly|optimized|version"] },
  { id: "mobile", label: "mobile", words: "mobile smartphone smartphones phone phones", broad: true },
  { id: "white-label", label: "white label", words: "whitelabel rebrand rebranding", near: ["own|custom + brand|branding|domain|logo|colors"] },
  { id: "on-premise", label: "on-premise hosting", words: "onpremise selfhost datacenter" },
  { id: "privacy", label: "privacy and GDPR", words: "gdpr privacy consent dpa cookie cookies" },
  { id: "sso", label: "single sign-on", words: "sso saml okta 2fa" },
  { id: "custom-development", label: "custom development", words: "bespoke", near: ["custom|bespoke|tailor + development|build|feature|features|work|module|integration"] },
  // Selling in more than one language.
  {
    id: "translation",
    label: "translations",
    words: "translate translated translation translations multilingual localize localization locale language languages spanish french german italian dutch catalan portuguese polish basque welsh irish arabic chinese japanese",
  },
  { id: "training", label: "training and onboarding", words: "training onboarding workshop workshops" },
];

/**
 * Words every request in this domain uses: who buys, what they buy, where, and the words reps wrap
 * an ask in. Not concepts on their own (patterns above still see them: "venue map", "season ticket").
 */
export const DOMAIN_WORDS = `
  fan fans buyer buyers attendee attendees audience audiences guest guests visitor visitors patron
  patrons punter punters customer customers ticketholder ticketholders promoter promoters venue
  venues show shows gig gigs concert concerts festival festivals performance performances tour
  tours theatre theatres stadium arena club clubs night nights ticket tickets ticketing booking
  bookings book sale sales revenue
  want wants wanted ask asks asked asking request requests requested wish wishes love keen
  interested looking possible possibility option options ability feature features functionality
  function capability somehow currently today people person someone anyone everyone everybody
  client clients prospect prospects they them mention mentioned would could option automatically
  easy easier better nice great stuff ideally definitely basically actually also left leave
  main big top early late whole own pick select choose
  hall halls auditorium grandstand exhibition exhibitions museum museums gallery galleries
`;

/**
 * Everyday English that lib/scoring/text/generic.ts does not list (it was written for what a rep
 * promises; requests add filler verbs, time words and hedges). Never concepts on their own.
 */
export const EVERYDAY_WORDS = `
  go goes going went gone come comes coming came put puts take takes taking took taken bring brings
  become becomes became keep keeps stay stays happen happens try tries trying hope hoping
  straight away soon again already still often sometimes maybe perhaps probably ideally basically
  actually definitely specific specifically various several many much few less least enough almost
  nearly around based driven powered related official proper properly halfway whatever
  monday tuesday wednesday thursday friday saturday sunday weekend weekends weekday weekdays
  tonight tomorrow yesterday evening evenings afternoon afternoons minute minutes hourly nightly
  quick quickly asap urgently urgent currently
  two three four five six seven eight nine ten twelve twenty fifty hundred thousand million
`;
