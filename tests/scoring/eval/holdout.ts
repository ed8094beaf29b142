import type { CommitmentCase } from "./commitments";
import type { RequestCase } from "./requests";

// A held-out set, written after the engine had been developed against commitments.ts and
// requests.ts, and labelled before the engine was ever run on it. Its figures are printed next to
// the main set's as an honest estimate of how well the matcher generalises; they are not gated,
// because a held-out set that is tuned against stops being held out.

export const holdoutCommitments: CommitmentCase[] = [
  { text: "Tickets from their support@ mailbox land in one shared queue", kind: "feature", critical: false },
  { text: "Chat bubble on every page of their shop", kind: "feature", critical: false },
  { text: "Salesforce cases synced both ways", kind: "feature", critical: false },
  { text: "A satisfaction survey emailed after every ticket", kind: "feature", critical: false },
  { text: "Okta SSO and SAML", kind: "feature", critical: false },
  { text: "Reports in Excel every Monday", kind: "feature", critical: false },
  { text: "Two-step verification for admins", kind: "feature", critical: false },
  { text: "Agents can use it on their phones", kind: "feature", critical: false },
  { text: "Snowflake sync every hour", kind: "feature", critical: false },
  { text: "WhatsApp as a channel from launch", kind: "feature", critical: false },
  { text: "Virtual agent on their website", kind: "feature", critical: false },
  { text: "Demand forecasting for their holiday staffing", kind: "feature", dueDate: "2026-01-15", critical: true },
  { text: "HIPAA-ready by next spring", kind: "service_level", dueDate: "2027-05-01", critical: false },
  { text: "Automatic price optimization for their products", kind: "feature", critical: true },
  { text: "Dispatching technicians to customer sites", kind: "feature", critical: true },
  { text: "Install the whole thing on their own hardware", kind: "feature", critical: true },
  { text: "We'll rebrand the portal as their own product", kind: "feature", critical: true },
  { text: "A 24-hour support hotline", kind: "service_level", critical: true },
  { text: "Our developers will code a custom module for their returns", kind: "custom_work", critical: true },
  { text: "Uncapped liability for data breaches", kind: "other", critical: true },
  { text: "A dedicated success manager for the first year", kind: "service_level", critical: true },
  { text: "Integration with Zendesk Talk", kind: "feature", critical: true },
  { text: "Predictive lead scoring", kind: "feature", critical: true },
  { text: "No on-site training, all onboarding is remote", kind: "service_level", critical: false },
  { text: "We are not building any custom features for them", kind: "custom_work", critical: false },
  { text: "Reply macros shared across the team", kind: "feature", critical: false },
  { text: "Help center articles in Dutch", kind: "feature", critical: false },
  { text: "EU-only data storage", kind: "feature", critical: false },
  { text: "Pricing held for 24 months", kind: "price_term", critical: false },
  { text: "SAP sync by end of Q2", kind: "delivery_date", dueDate: "2026-06-30", critical: true },
];

export const holdoutRequests: RequestCase[] = [
  { text: "Can emails become tickets automatically?", available: "cap-email" },
  { text: "We want a chat box on our website", available: "cap-chat" },
  { text: "An FAQ portal for self-service", available: "cap-kb" },
  { text: "Connect to Slack", available: "cap-slack" },
  { text: "Google SSO", available: "cap-sso" },
  { text: "Download all data as CSV", available: "cap-export" },
  { text: "Permissions per agent role", available: "cap-rbac" },
  { text: "Android app", available: "cap-mobile" },
  { text: "History of changes to each ticket", available: "cap-audit" },
  { text: "Canned replies", available: "cap-macros" },
  { text: "Pause SLAs outside working hours", available: "cap-hours" },
  { text: "Automated bot for first-line questions", available: null },
  { text: "Phone integration with Aircall", available: null },
  { text: "Self-hosted option", available: null },
  { text: "Rebrand with our logo", available: null },
  { text: "Forecast of ticket volumes", available: null },
  { text: "Integration with SAP", available: null },
  { text: "Social media inbox", available: null },
  { text: "AI reply drafts", available: null },
  { text: "Jira integration", available: null },
];
