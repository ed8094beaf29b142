import type { CommitmentKind } from "@/lib/scoring/types";

// Labelled commitments for the evaluation set. Each label is what a sales manager who knows the
// Beacon Desk strategy (strategy.ts) and the seven rules in PRODUCT.md would say: would this promise
// alone make the deal off-strategy (a critical finding)? Written from the brief before the engine
// existed; they are not adjusted to the engine's output. `note` says why when it is not obvious.

export interface CommitmentCase {
  text: string;
  kind: CommitmentKind;
  dueDate?: string;
  critical: boolean;
  note?: string;
}

const f = (text: string, critical: boolean, note?: string): CommitmentCase => ({ text, kind: "feature", critical, note });
const k = (kind: CommitmentKind, text: string, critical: boolean, dueDate?: string, note?: string): CommitmentCase => ({
  text,
  kind,
  critical,
  dueDate,
  note,
});

export const commitmentCases: CommitmentCase[] = [
  // Available capabilities, in the rep's words: on-strategy.
  f("They get a shared inbox that turns customer emails into tickets.", false),
  f("Live chat on their website from day one", false),
  f("Their customers can search a self-service help center", false),
  k("service_level", "SLA timers on every ticket so they see first response times", false),
  f("Tickets are auto-assigned to the right team with routing rules", false),
  f("Custom dashboards for their support analytics", false),
  f("Salesforce sync of contacts and cases", false),
  f("Slack notifications when a VIP ticket comes in", false),
  f("Full API access and webhooks for their developers", false),
  f("SSO through Okta", false),
  f("They can export all tickets to Excel", false),
  f("Help articles translated into German and French", false),
  f("Android and iOS apps for their agents", false),
  f("All their data stays in an EU data center", false),
  f("Two factor authentication for all agents", false),
  f("Reply templates for the most common questions", false),
  k("service_level", "99.9% uptime guarantee in the contract", false),
  f("Weekly reports emailed to their support managers", false, "scheduled report emails"),
  f("Nightly sync of ticket data to their Snowflake warehouse", false),
  f("Their help centre runs on their own domain", false),
  f("A customer satisfaction survey after each solved ticket", false),
  f("An audit log of every change agents make", false),
  f("Holiday calendars so SLAs pause on public holidays", false),
  f("Automatic ticket routing to the right agent", false),
  f("Access control so contractors only see their own tickets", false),
  f("Reports exported as CSV every night", false),
  f("GDPR-compliant hosting in Germany", false, "EU data residency"),
  // Typos, inflections, spelling variants of available capabilities.
  f("Salesforse integration included", false),
  f("Custom dashbaords for the support team", false),
  f("Knowlege base with search", false),
  f("Single sign on via Azure AD", false),
  f("E-mail ticketing for three brands", false),
  f("Workflow automations to close stale tickets", false),
  f("Data residency in Europe, hosted in a European data center", false),
  f("Multilingual help center with localization for Spanish", false),
  f("Intergration with Slack for the whole team", false),
  f("Customised dashboards for each team lead", false),
  // Beta capabilities: allowed (info only).
  f("AI suggested replies for agents", false),
  f("Sentiment analysis to flag angry customers", false),
  f("Support over WhatsApp", false),
  f("Their agents get suggested answers written by AI", false),
  f("Agents see angry customers flagged by mood detection", false),
  // Roadmap capabilities without a due date, or due after the roadmap date: warning, not critical.
  f("An AI chatbot that answers common questions", false),
  f("Call recording through their VoIP phone system", false),
  f("Microsoft Teams notifications for escalations", false),
  f("We include a chat bot for the website", false),
  k("feature", "Teams integration for their agents", false, "2026-07-01"),
  k("feature", "Offline mode in the mobile app", false, "2026-12-15"),
  k("delivery_date", "AI chatbot live before their peak season", false, "2026-11-30"),
  f("Audio recordings of support calls", false, "call recording is on the roadmap; audio is not audit"),
  // Roadmap capabilities promised before the roadmap date: critical.
  k("feature", "AI chatbot live for their Black Friday peak", true, "2026-08-15"),
  k("feature", "Ticket volume forecasting for staffing", true, "2026-03-01"),
  k("service_level", "HIPAA compliance with a signed BAA", true, "2026-12-01"),
  k("delivery_date", "A bot that answers customers automatically on the website, live by March", true, "2026-03-31"),
  k("feature", "Microsoft Teams app for every agent", true, "2026-04-30"),
  // Not offered: critical.
  f("Our AI will set prices automatically for their online shop", true),
  f("Machine-learning price optimization for their catalogue", true),
  f("Social listening across Twitter and Facebook", true),
  f("Technician dispatch for their field engineers", true),
  f("Screen sharing with customers during support sessions", true),
  f("A native SAP connector", true),
  f("Video calls between agents and customers", true),
  k("delivery_date", "SAP connector delivered by 1 June", true, "2026-06-01"),
  f("Co-browsing so agents can guide customers through checkout", true),
  // Guardrails: critical.
  k("custom_work", "We will build a custom integration with their in-house ERP", true),
  f("On-prem installation on their own servers", true),
  f("Self-hosted version in their private cloud", true),
  k("service_level", "24/7 phone support for their agents", true),
  k("service_level", "Round the clock phone hotline", true),
  f("They can white-label the help centre and resell it under their brand", true),
  f("Whitelabel portal without our logo", true),
  k("other", "Access to our source code via escrow", true),
  k("service_level", "Free on-site training for all 40 agents", true),
  k("service_level", "A dedicated engineer assigned to their account", true),
  k("other", "We accept unlimited liability", true),
  k("price_term", "Lifetime licence for a one-time payment", true, undefined, "perpetual licence guardrail"),
  k("custom_work", "Bespoke development of a returns module", true),
  k("price_term", "Free custom development hours included in the price", true),
  k("service_level", "A named support engineer who knows their setup", true),
  f("Dedicated developer to build their reports", true),
  k("custom_work", "We'll write custom code so tickets sync with their legacy CRM", true),
  f("The on premise edition for their data centre", true),
  k("service_level", "Phone support around the clock, seven days a week", true),
  // Promises of things the catalog does not list: critical (rule 1).
  f("Sophisticated artificial intelligence that predicts which customers will churn", true),
  f("Integration with HubSpot", true),
  f("Blockchain-verified ticket history", true),
  f("A built-in invoicing module", true),
  f("Voice biometrics for caller authentication", true),
  f("Native Jira integration", true),
  f("Automatic translation of incoming tickets", true, "translated help articles are not ticket translation"),
  k("other", "We'll migrate all their old tickets from Freshdesk for them", true),
  k("service_level", "A white glove onboarding with weekly calls", true),
  f("An expert review of their support process in month one", true, "expert is not export"),
  f("Postal mail scanned into tickets", true, "postal is not portal; mail is not e-mail ticketing"),
  k("service_level", "99.99% uptime", true, undefined, "we guarantee 99.9%, not 99.99%"),
  f("Customers can rate each conversation", false, "a paraphrase of CSAT surveys"),
  // Negations: the rep promised NOT to do the thing, so it is not a promise of it.
  f("We do NOT offer on-premise hosting; everything runs in our EU cloud", false),
  k("custom_work", "No custom development - they use the standard API", false),
  k("service_level", "We won't provide 24/7 phone support, only email during business hours", false),
  f("We will not white-label the product", false),
  f("Reporting stays in the standard dashboards, no custom code", false),
  k("service_level", "They understand there is no dedicated account team", false),
  f("Not self-hosted: they use our cloud with EU data residency", false),
  k("other", "Told them we never do source code escrow", false),
  f('We do not offer "on-premise hosting" - only our EU cloud', false, "added later: quotes once ended the negation"),
  f("We don’t do “white-labelling”", false, "curly quotes and apostrophe"),
  // Added with the end-of-clause negation: the thing comes first, the "no" after it.
  f("On-premise hosting is not included; it runs in our EU cloud", false),
  k("service_level", "24/7 phone support was declined", false),
  k("service_level", "24/7 phone support was declined, email support only", false, undefined, "e-mail support is how we support"),
  f("White-labelling isn't something we do", false),
  f("A dedicated engineer which their last vendor did not offer", true, "the negation is about the last vendor"),
  f("They wanted on-premise hosting, we said no", false),
  f("No problem we can host it on-premise for them", true, "\"no problem\" negates nothing"),
  f("No later than June they get a dedicated engineer", true, "\"no later than\" is a date"),
  // Price terms are judged by the pricing rules, not the catalog.
  k("price_term", "20% discount if they sign this quarter", false),
  k("price_term", "Price locked for three years", false),
  k("price_term", "First two months free", false),
  k("price_term", "No setup fee", false),
  // Delivery dates on available things.
  k("delivery_date", "Salesforce integration live in week one", false, "2026-02-01"),
  k("delivery_date", "Help center launched before their product release", false, "2026-03-15"),
];
