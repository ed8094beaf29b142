// Labelled customer requests for evaluating how requests are grouped into themes: what reps of a
// ticketing-analytics company (Northwind Analytics, tests/factories/strategy.ts) write when a
// live-event promoter asks for something. `theme` is the intended theme: requests with the same id
// are the same ask in different words; a theme id used once is a request that must stay alone.
// Written from the brief, in reps' wording (typos, British and American spelling, short and long
// forms), after the lexicon (lib/signals/concepts.ts) and before the engine was first run on them.
// Distractors share words with a theme but ask for something else; their `note` says which.

export interface GroupingCase {
  text: string;
  theme: string;
  note?: string;
}

const r = (text: string, theme: string, note?: string): GroupingCase => ({ text, theme, note });

export const groupingCases: GroupingCase[] = [
  // Abandoned basket reminders (in the catalog: available).
  r("Remind people who left tickets in the basket", "abandoned-cart"),
  r("An abandoned cart e-mail", "abandoned-cart"),
  r("Nudge buyers who did not check out", "abandoned-cart"),
  r("Can we email fans who abandon their basket halfway through?", "abandoned-cart"),
  r("basket abandonment emails", "abandoned-cart"),
  r("cart recovery flows like Shopify has", "abandoned-cart"),
  r("Follow up automatically with customers who dropped off at the payment step", "abandoned-cart"),
  r("abandonned cart reminder", "abandoned-cart", "typo"),

  // Tickets in Apple / Google Wallet.
  r("Apple Wallet passes", "wallet"),
  r("Tickets should go straight into the phone's wallet (Apple and Google)", "wallet"),
  r("Add to Apple Wallet button on the confirmation page", "wallet"),
  r("wallet passes for android too", "wallet"),
  r("Passbook support so fans don't have to print anything", "wallet"),

  // Merchandise sold with the ticket.
  r("Sell merchandise with the ticket", "merch"),
  r("Merch bundles: ticket + T-shirt at checkout", "merch"),
  r("Let fans pre-order the tour hoodie when they buy", "merch"),
  r("Upsell band merchandise in the booking flow", "merch"),
  r("add-on for official merch (posters, vinyl) in the basket", "merch", "shares the basket with abandoned carts"),

  // Group bookings for schools.
  r("Group bookings for schools", "school-groups"),
  r("School trips: teachers want to book 30 pupils at a group rate", "school-groups"),
  r("discounted group tickets for school classes", "school-groups"),
  r("Educational visits, one invoice for the whole class", "school-groups", "shares the invoice with the finance e-mail"),
  r("Bulk booking for schools where the teacher goes free", "school-groups"),

  // WhatsApp notifications.
  r("WhatsApp notifications", "whatsapp"),
  r("Send the tickets and show-day info over WhatsApp", "whatsapp"),
  r("whatsapp reminders the day before the gig", "whatsapp", "shares reminders with abandoned carts"),
  r("Can fans get updates by Whats App instead of email?", "whatsapp"),
  r("Notify buyers via WhatsApp Business when doors open", "whatsapp"),

  // Accessible seating.
  r("Accessibility seating requests", "accessible-seating", "shares seating with seat maps"),
  r("Wheelchair users need to book a space plus a free companion ticket online", "accessible-seating"),
  r("Let disabled customers book accessible seats without phoning the box office", "accessible-seating"),
  r("access needs form at checkout for wheelchair spaces", "accessible-seating"),
  r("Carer tickets for disabled fans", "accessible-seating"),

  // Paying in more than one currency.
  r("Multi-currency checkout", "multi-currency", "shares the checkout with translations"),
  r("US fans want to pay in dollars, not euros", "multi-currency"),
  r("Sell tickets in GBP and EUR from one event page", "multi-currency"),
  r("Charge in the buyer's local currency", "multi-currency"),
  r("multi currency pricing for the UK tour", "multi-currency"),

  // Salesforce sync.
  r("Salesforce sync", "salesforce"),
  r("Push buyer data into Salesforce so the sponsorship team sees it", "salesforce"),
  r("Two-way integration with Salesforce CRM", "salesforce"),
  r("Salesforse connector for their sales team", "salesforce", "typo"),
  r("Sync ticket buyers to SFDC nightly", "salesforce"),

  // Gift vouchers.
  r("Gift vouchers", "gift-vouchers"),
  r("Sell gift cards for Christmas", "gift-vouchers"),
  r("Let people buy a ticket as a present for someone else", "gift-vouchers"),
  r("e-gift certificates redeemable on any show", "gift-vouchers"),
  r("Gift voucher the recipient can spend on any gig", "gift-vouchers"),

  // Timed entry slots.
  r("Timed entry slots", "timed-entry"),
  r("Time-slot booking for the exhibition", "timed-entry"),
  r("Stagger arrival times so the doors aren't swamped", "timed-entry"),
  r("Entry windows every 30 minutes for the museum night", "timed-entry"),
  r("Book a specific arrival time with the ticket", "timed-entry"),

  // Carbon footprint.
  r("Carbon footprint per ticket", "carbon"),
  r("Show the CO2 emissions of each fan's journey to the venue", "carbon"),
  r("Sustainability report per event for the council", "carbon"),
  r("Let buyers offset their travel emissions at checkout", "carbon"),
  r("carbon reporting for our net-zero commitment", "carbon"),

  // The checkout in other languages.
  r("Spanish translation of the checkout", "translation", "shares the checkout with multi-currency"),
  r("Checkout in Spanish and Catalan for the Barcelona shows", "translation"),
  r("Translate the ticket shop into Spanish", "translation"),
  r("multilingual booking pages (ES/FR/DE)", "translation"),
  r("Localised checkout for Latin American fans", "translation"),

  // Season tickets and memberships.
  r("Season tickets", "season-tickets", "looks like seat maps"),
  r("Memberships with priority booking", "season-tickets"),
  r("Sell a season pass for the whole autumn programme", "season-tickets"),
  r("Subscriptions for the theatre's full season", "season-tickets"),
  r("Annual members get presale access and 10% off", "season-tickets"),

  // Seat maps (in the catalog: beta).
  r("Seat maps for the main stage grandstand", "seat-maps"),
  r("Interactive seating plan so buyers can pick their seats", "seat-maps"),
  r("Let customers choose where they sit on a venue map", "seat-maps"),
  r("seat selection from a map of the hall", "seat-maps"),

  // Waiting lists (in the catalog: available).
  r("Waitlist when a show sells out", "waitlist"),
  r("Waiting list for sold-out gigs", "waitlist"),
  r("Tell fans when returned tickets become available", "waitlist"),
  r("Sold out? Let people join a wait-list and get first dibs on returns", "waitlist"),

  // Dynamic pricing (in the catalog: roadmap).
  r("Dynamic pricing for peak nights", "dynamic-pricing"),
  r("Prices that go up automatically as the show fills", "dynamic-pricing"),
  r("AI-driven price optimisation", "dynamic-pricing"),
  r("Surge pricing on Saturday shows", "dynamic-pricing"),

  // Mobile app (in the catalog: not offered).
  r("A mobile app", "mobile-app"),
  r("iOS and Android app for fans", "mobile-app"),
  r("Native iPhone app with their tickets inside", "mobile-app"),

  // Sales dashboards (in the catalog: available).
  r("Sales dashboards per show", "sales-dashboards"),
  r("Revenue dashboard by channel and day", "sales-dashboards"),
  r("Daily ticket sales report for the promoter", "sales-dashboards"),

  // On-premise hosting (a guardrail).
  r("Host it on-premise in their data centre", "on-premise"),
  r("Self-hosted version", "on-premise"),
  r("They need an on-prem install", "on-premise"),

  // A mobile-friendly site, explicitly not an app.
  r("Not a mobile app, a responsive site", "responsive-site", "negated mobile app"),
  r("Mobile-friendly website rather than an app", "responsive-site", "negated app"),

  // Singletons: each its own ask, several sharing words with a theme above.
  r("E-mail the invoice to the finance team", "invoice-email", "shares e-mail with abandoned carts"),
  r("Reminder e-mail to staff before doors open", "staff-reminder", "shares reminder and e-mail with abandoned carts"),
  r("Newsletter sign-up box at checkout", "newsletter-signup", "shares e-mail and checkout with abandoned carts"),
  r("Student discount with ID check", "student-discount", "shares discount with school groups"),
  r("HubSpot integration", "hubspot", "shares integration with Salesforce"),
  r("Export the buyer list to Excel", "excel-export"),
  r("Parking passes sold with the ticket", "parking", "shares 'sold with the ticket' with merchandise"),
  r("Refund automatically when a show is cancelled", "auto-refund"),
  r("Block bots and touts during big on-sales", "anti-bot"),
  r("Livestream tickets for fans who can't travel", "livestream"),
  r("Age check for 18+ club nights", "age-check"),
  r("Round up for charity at checkout", "charity-roundup", "shares the checkout"),
  r("Pay in three instalments with Klarna", "instalments"),
];
