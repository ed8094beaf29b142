import type { Capability, DealInput, Guardrail, StrategySnapshot } from "@/lib/scoring/types";

// Demo strategy for the evaluation set: "Beacon Desk", a B2B customer-support ticketing and
// service-analytics SaaS that competes on being affordable and fast to set up (make it for less).
// Written as leadership would write it in the strategy workspace, before the cases were labelled.

type Status = Capability["status"];
const cap = (id: string, name: string, status: Status, aliases: string[], expectedDate: string | null = null, description = ""): Capability => ({
  id,
  name,
  description,
  aliases,
  status,
  expectedDate,
});

export const capabilities: Capability[] = [
  // available
  cap("cap-email", "Email ticketing", "available", ["shared inbox", "email to ticket", "support inbox", "turn emails into tickets"]),
  cap("cap-chat", "Live chat widget", "available", ["website chat", "chat widget", "in-app chat", "live chat"]),
  cap("cap-kb", "Knowledge base", "available", ["help center", "self-service portal", "FAQ pages", "help articles"]),
  cap("cap-sla", "SLA policies", "available", ["service level targets", "response time targets", "SLA timers", "first response time tracking"]),
  cap("cap-automation", "Workflow automation", "available", ["automation rules", "triggers", "auto-assign tickets", "ticket routing rules"]),
  cap("cap-dash", "Custom dashboards", "available", ["reporting dashboards", "custom reports", "analytics dashboards", "support analytics"]),
  cap("cap-csat", "CSAT surveys", "available", ["customer satisfaction surveys", "NPS surveys", "feedback surveys"]),
  cap("cap-sfdc", "Salesforce integration", "available", ["Salesforce sync", "Salesforce connector"]),
  cap("cap-slack", "Slack integration", "available", ["Slack notifications", "Slack app"]),
  cap("cap-api", "REST API", "available", ["public API", "API access", "webhooks"]),
  cap("cap-sso", "Single sign-on", "available", ["SSO", "SAML login", "Okta login", "Azure AD login"]),
  cap("cap-export", "Data export", "available", ["CSV export", "export to Excel", "download reports"]),
  cap("cap-multilang", "Multilingual help centre", "available", ["translated help articles", "multi-language support", "localisation"]),
  cap("cap-rbac", "Role-based permissions", "available", ["user roles", "access control", "agent permissions"]),
  cap("cap-mobile", "Mobile apps", "available", ["iOS app", "Android app", "mobile agent app"]),
  cap("cap-eu", "EU data residency", "available", ["EU hosting", "data stored in Europe", "European data centre", "GDPR data residency"]),
  cap("cap-audit", "Audit log", "available", ["activity log", "change history"]),
  cap("cap-2fa", "Two-factor authentication", "available", ["2FA", "MFA", "multi-factor authentication"]),
  cap("cap-hours", "Business hours calendars", "available", ["working hours", "holiday calendars"]),
  cap("cap-macros", "Canned responses", "available", ["macros", "reply templates", "saved replies"]),
  cap("cap-uptime", "99.9% uptime SLA", "available", ["uptime guarantee", "availability guarantee"]),
  cap("cap-reports-email", "Scheduled report emails", "available", ["report subscriptions", "emailed reports"]),
  cap("cap-warehouse", "Data warehouse sync", "available", ["Snowflake export", "BigQuery sync", "data warehouse connector"]),
  cap("cap-domain", "Custom help centre domain", "available", ["custom domain", "own domain for help center"]),
  // beta
  cap("cap-ai-replies", "AI reply suggestions", "beta", ["suggested replies", "AI drafted answers", "GPT replies", "AI assistant for agents"]),
  cap("cap-sentiment", "Sentiment analysis", "beta", ["customer mood detection", "emotion detection", "angry customer alerts"]),
  cap("cap-whatsapp", "WhatsApp channel", "beta", ["WhatsApp messaging", "WhatsApp support"]),
  // roadmap
  cap("cap-chatbot", "AI chatbot", "roadmap", ["virtual agent", "automated chatbot", "bot that answers customers", "conversational AI"], "2026-09-30"),
  cap("cap-telephony", "Telephony integration", "roadmap", ["call centre integration", "VoIP integration", "call recording", "phone channel"], "2026-12-31"),
  cap("cap-forecast", "Ticket volume forecasting", "roadmap", ["demand forecasting", "staffing forecast", "predictive analytics"], "2026-06-30"),
  cap("cap-hipaa", "HIPAA compliance", "roadmap", ["HIPAA", "BAA", "healthcare compliance"], "2027-03-31"),
  cap("cap-offline", "Offline mode", "roadmap", ["works offline", "offline mobile app"], "2026-10-31"),
  cap("cap-teams", "Microsoft Teams integration", "roadmap", ["MS Teams app", "Teams notifications"], "2026-05-31"),
  // not offered
  cap("cap-pricing-ai", "AI dynamic pricing", "not_offered", ["automatic price optimisation", "machine learning pricing"]),
  cap("cap-social", "Social media monitoring", "not_offered", ["social listening", "Twitter monitoring", "Facebook comments inbox"]),
  cap("cap-field", "Field service scheduling", "not_offered", ["technician dispatch", "field engineer scheduling"]),
  cap("cap-cobrowse", "Co-browsing", "not_offered", ["screen sharing", "cobrowse", "remote screen control"]),
  cap("cap-sap", "SAP integration", "not_offered", ["SAP connector", "SAP sync"]),
  cap("cap-video", "Video support calls", "not_offered", ["video calls", "video chat with customers"]),
];

const guard = (id: string, name: string, description: string, aliases: string[]): Guardrail => ({ id, name, description, aliases });

export const guardrails: Guardrail[] = [
  guard("g-custom-dev", "Custom development", "We do not build features, integrations or code for a single customer.", [
    "bespoke development",
    "custom code",
    "custom feature",
    "custom integration",
    "build a feature just for them",
    "custom build",
  ]),
  guard("g-onprem", "On-premise hosting", "We only run as a multi-tenant cloud service.", [
    "on-prem",
    "self-hosted",
    "install on their servers",
    "private cloud",
    "their own data centre",
  ]),
  guard("g-phone", "24/7 phone support", "Support is by e-mail and chat in business hours.", [
    "round-the-clock phone support",
    "24 hour hotline",
    "phone support",
  ]),
  guard("g-whitelabel", "White-labelling", "Beacon Desk is always shown under our brand.", [
    "white label",
    "rebrand as their own product",
    "remove our branding",
    "resell under their brand",
  ]),
  guard("g-escrow", "Source code escrow", "", ["escrow", "access to our source code"]),
  guard("g-training", "Free on-site training", "Onboarding is remote and self-serve.", [
    "on-site training",
    "unlimited training at no cost",
    "in-person training",
  ]),
  guard("g-dedicated", "Dedicated engineer", "Customers share one support team.", [
    "dedicated account team",
    "named support engineer",
    "dedicated developer",
    "dedicated success manager",
  ]),
  guard("g-liability", "Unlimited liability", "", ["uncapped liability", "unlimited indemnity"]),
  guard("g-lifetime", "Perpetual licence", "We sell subscriptions only.", ["lifetime licence", "one-time payment licence"]),
];

export const demoStrategy: StrategySnapshot = {
  versionId: "beacon-v3",
  version: 3,
  valuePosition: -40,
  segments: [
    {
      id: "seg-midmarket",
      name: "Mid-market SaaS and e-commerce",
      industries: ["Software", "E-commerce", "Retail"],
      employeeMin: 50,
      employeeMax: 1000,
      revenueMin: null,
      revenueMax: null,
      regions: ["EU", "UK"],
      priority: "primary",
      buyingCriteria: ["price", "speed"],
    },
    {
      id: "seg-small",
      name: "Small businesses",
      industries: [],
      employeeMin: 10,
      employeeMax: 49,
      revenueMin: null,
      revenueMax: null,
      regions: ["EU", "UK", "North America"],
      priority: "secondary",
      buyingCriteria: ["price"],
    },
    {
      id: "seg-public",
      name: "Public sector",
      industries: ["Government", "Public sector"],
      employeeMin: null,
      employeeMax: null,
      revenueMin: null,
      revenueMax: null,
      regions: [],
      priority: "avoid",
      buyingCriteria: [],
    },
    {
      id: "seg-enterprise",
      name: "Large enterprise",
      industries: [],
      employeeMin: 5000,
      employeeMax: null,
      revenueMin: null,
      revenueMax: null,
      regions: [],
      priority: "avoid",
      buyingCriteria: [],
    },
  ],
  capabilities,
  guardrails,
  products: [
    { id: "p-starter", name: "Starter", listPrice: 19, currency: "EUR", maxDiscountPct: 10 },
    { id: "p-growth", name: "Growth", listPrice: 49, currency: "EUR", maxDiscountPct: 15 },
    { id: "p-enterprise", name: "Enterprise", listPrice: 99, currency: "EUR", maxDiscountPct: 20 },
  ],
};

/** The deal every evaluation case is scored in: only its commitments or requests vary. */
export const evalDealBase: DealInput = {
  account: { name: "Evaluation account", industry: "Software", employees: 200, revenue: null, region: "EU" },
  stage: "proposal",
  expectedCloseDate: "2026-01-31",
  lineItems: [],
  primaryCriterion: null,
  commitments: [],
  requests: [],
};
