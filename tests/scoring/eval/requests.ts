// Labelled customer requests for the evaluation set: does the request ask for something Beacon Desk
// already offers (an available capability, i.e. an enablement gap), and which one? `null` means it
// does not: beta, roadmap, not offered, a guardrail, or nothing in the catalog. Written from the
// brief before the engine existed; not adjusted to the engine's output.

export interface RequestCase {
  text: string;
  available: string | null;
  note?: string;
}

const r = (text: string, available: string | null, note?: string): RequestCase => ({ text, available, note });

export const requestCases: RequestCase[] = [
  // Available: the rep did not know we do it.
  r("Can we get tickets created from emails?", "cap-email"),
  r("Do you have a chat widget for our site?", "cap-chat"),
  r("They want a searchable FAQ for their customers", "cap-kb"),
  r("Need to track first response times", "cap-sla"),
  r("Auto-assign tickets by language", "cap-automation"),
  r("Custom reports on agent performance", "cap-dash"),
  r("NPS survey after each case", "cap-csat"),
  r("Sync with Salesforce", "cap-sfdc"),
  r("Slack alerts for urgent tickets", "cap-slack"),
  r("Does it have an API?", "cap-api"),
  r("Login with Okta", "cap-sso"),
  r("Export everything to CSV", "cap-export"),
  r("Help centre in Spanish and Portuguese", "cap-multilang"),
  r("Restrict what agents can see with permissions", "cap-rbac"),
  r("iPhone app for agents", "cap-mobile", "iPhone means the iOS app"),
  r("Data must stay in the EU", "cap-eu"),
  r("Who changed this ticket? We need the change history", "cap-audit"),
  r("MFA for all users", "cap-2fa"),
  r("Saved replies for common questions", "cap-macros"),
  r("Uptime guarantee in the contract", "cap-uptime"),
  r("Email us a weekly report", "cap-reports-email"),
  r("Push data to BigQuery", "cap-warehouse"),
  r("Use our own domain for the help center", "cap-domain"),
  r("custmer satisfaction surveys", "cap-csat"),
  r("dashbord for team leads", "cap-dash"),
  r("Need a mobile app", "cap-mobile"),
  r("Emails into tickets for 3 shared mailboxes", "cap-email"),
  r("Triggers to close tickets automatically", "cap-automation"),
  r("Does it export to Snowflake?", "cap-warehouse"),
  r("Single-sign-on via Google", "cap-sso"),
  r("Customizable dashboards", "cap-dash"),
  r("Track agent response-time targets", "cap-sla"),
  r("Bulk export of tickets to Excel", "cap-export"),
  r("Two-factor login", "cap-2fa"),
  r("Activity logs for compliance", "cap-audit"),
  r("Localised help articles", "cap-multilang"),
  r("Live chat", "cap-chat"),
  r("Webhooks when a ticket is solved", "cap-api"),
  r("Salesforce connecter", "cap-sfdc"),
  r("Knowledgebase for customers", "cap-kb"),
  // Not available: beta, roadmap, not offered, guardrails, or nothing listed.
  r("AI that drafts replies", null, "beta"),
  r("WhatsApp support", null, "beta"),
  r("A chatbot for after-hours questions", null, "roadmap"),
  r("Integrate with our phone system", null, "roadmap telephony"),
  r("HIPAA", null, "roadmap"),
  r("Work offline on the app", null, "roadmap"),
  r("Dynamic pricing for our shop", null, "not offered"),
  r("Monitor Twitter mentions", null, "not offered"),
  r("Screen sharing", null, "not offered"),
  r("SAP connector", null, "not offered"),
  r("On-prem version", null, "guardrail"),
  r("White label the portal", null, "guardrail"),
  r("24/7 phone line", null, "guardrail"),
  r("HubSpot integration", null, "not listed"),
  r("Expert advice on hiring support staff", null, "expert is not export"),
  r("Audio transcription of voicemails", null, "audio is not audit"),
  r("Postal address validation", null, "postal is not portal"),
  r("We don't need SSO, just a sales tax report", null, "SSO is negated; tax reports are not listed"),
  r("Sentiment detection", null, "beta"),
  r("Predict ticket volume for staffing", null, "roadmap"),
  r("Video chat with customers", null, "not offered"),
  r("Microsoft Teams app", null, "roadmap"),
  r("Invoicing for our customers", null, "not listed"),
  r("Custom integration with our ERP", null, "guardrail"),
  r("Customer churn prediction", null, "not listed"),
];
